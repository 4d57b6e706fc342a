from flask import Blueprint

bp = Blueprint("agreements", __name__)

from tracker.agreements import routes  # noqa: E402, F401

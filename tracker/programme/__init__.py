from flask import Blueprint

bp = Blueprint("programme", __name__)

from tracker.programme import routes  # noqa: E402, F401

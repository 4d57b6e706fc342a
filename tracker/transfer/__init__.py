from flask import Blueprint

bp = Blueprint("transfer", __name__)

from tracker.transfer import routes  # noqa: E402, F401

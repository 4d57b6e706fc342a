from flask import Blueprint

bp = Blueprint("documents", __name__)

from tracker.documents import routes  # noqa: E402, F401

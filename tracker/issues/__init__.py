from flask import Blueprint

bp = Blueprint("issues", __name__)

from tracker.issues import routes  # noqa: E402, F401

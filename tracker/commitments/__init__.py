from flask import Blueprint

bp = Blueprint("commitments", __name__)

from tracker.commitments import routes  # noqa: E402, F401

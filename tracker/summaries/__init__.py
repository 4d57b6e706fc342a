from flask import Blueprint

bp = Blueprint("summaries", __name__)

from tracker.summaries import routes  # noqa: E402, F401

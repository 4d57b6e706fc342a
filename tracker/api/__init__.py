"""The JSON API at /api/v1, described at /api/v1/openapi.json."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from tracker.api import routes  # noqa: E402, F401

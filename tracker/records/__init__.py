"""Read-only lists and detail pages of agreements, reports and issues, scoped by agency.

Later work (the report workflow, the issue workflow) adds the actions to these pages.
"""

from flask import Blueprint

bp = Blueprint("records", __name__)

from tracker.records import routes  # noqa: E402, F401

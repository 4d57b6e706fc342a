"""Flagged public-opinion issues (the workflow adds its actions here)."""

from flask import render_template
from flask_login import current_user

from tracker.enums import IssueSource, IssueStatus, Sector, Sensitivity
from tracker.extensions import db
from tracker.issues import bp
from tracker.permissions import Permission, can_view_issue, permission_required, visible_or_404
from tracker.services import issues as service
from tracker.web.listing import (
    Filters,
    date_param,
    enum_param,
    flag_param,
    id_param,
    paginate,
    text_param,
)


@bp.route("/issues")
@permission_required(Permission.VIEW_ISSUES)
def index():
    filters = Filters(
        {
            "status": enum_param(IssueStatus),
            "sensitivity": enum_param(Sensitivity),
            "field": enum_param(Sector),
            "open": flag_param,
            "high": flag_param,
            "unassigned": flag_param,
            "q": text_param(),
            "source": enum_param(IssueSource),
            "from": date_param,
            "to": date_param,
            "agency": id_param,
            "reporting": id_param,
            "responsible": id_param,
        }
    )
    page = paginate(
        service.list_query(
            current_user,
            status=filters["status"],
            sensitivity=filters["sensitivity"],
            field=filters["field"],
            open_only=bool(filters["open"]),
            high_only=bool(filters["high"]),
            unassigned=bool(filters["unassigned"]),
            search=filters["q"],
            source=filters["source"],
            seen_from=filters["from"],
            seen_to=filters["to"],
            agency_id=filters["agency"],
            reporting_id=filters["reporting"],
            responsible_id=filters["responsible"],
        )
    )
    return render_template(
        "issues/index.html",
        page=page,
        filters=filters,
        statuses=list(IssueStatus),
        sensitivities=list(Sensitivity),
        fields=list(Sector),
    )


@bp.route("/issues/<int:issue_id>")
@permission_required(Permission.VIEW_ISSUES)
def detail(issue_id: int):
    item = visible_or_404(db.session.scalar(service.detail_query(issue_id)), can_view_issue)
    return render_template("issues/detail.html", item=item)

import sqlalchemy as sa
from flask import render_template, request
from flask_login import current_user

from tracker.enums import IssueStatus, ReportKind, ReportStatus
from tracker.extensions import db
from tracker.models import Agreement, Issue, Report
from tracker.permissions import (
    Permission,
    agreements_visible_to,
    can_view_agreement,
    can_view_issue,
    can_view_report,
    get_visible_or_404,
    issues_visible_to,
    permission_required,
    reports_visible_to,
)
from tracker.records import bp
from tracker.services.dashboard import SENSITIVITY_ORDER

PER_PAGE = 25


def _enum_arg(name: str, enum_cls):
    raw = request.args.get(name, "")
    try:
        return enum_cls(raw) if raw else None
    except ValueError:
        return None


@bp.route("/agreements")
@permission_required(Permission.VIEW_AGREEMENTS)
def agreements():
    stmt = agreements_visible_to(current_user, sa.select(Agreement)).order_by(
        Agreement.signed_on.desc(), Agreement.number
    )
    items = db.session.scalars(stmt).all()
    return render_template("records/agreements.html", items=items)


@bp.route("/agreements/<int:agreement_id>")
@permission_required(Permission.VIEW_AGREEMENTS)
def agreement(agreement_id: int):
    item = get_visible_or_404(Agreement, agreement_id, can_view_agreement)
    return render_template("records/agreement.html", item=item)


@bp.route("/reports")
@permission_required(Permission.VIEW_REPORTS)
def reports():
    kind = _enum_arg("kind", ReportKind)
    status = _enum_arg("status", ReportStatus)
    stmt = reports_visible_to(current_user, sa.select(Report))
    if kind:
        stmt = stmt.where(Report.kind == kind)
    if status:
        stmt = stmt.where(Report.status == status)
    page = db.paginate(
        stmt.order_by(Report.period_end.desc(), Report.agency_id, Report.kind),
        per_page=PER_PAGE,
        error_out=False,
    )
    return render_template(
        "records/reports.html",
        page=page,
        kind=kind,
        status=status,
        kinds=list(ReportKind),
        statuses=list(ReportStatus),
    )


@bp.route("/reports/<int:report_id>")
@permission_required(Permission.VIEW_REPORTS)
def report(report_id: int):
    item = get_visible_or_404(Report, report_id, can_view_report)
    return render_template("records/report.html", item=item)


@bp.route("/issues")
@permission_required(Permission.VIEW_ISSUES)
def issues():
    status = _enum_arg("status", IssueStatus)
    stmt = issues_visible_to(current_user, sa.select(Issue))
    if status:
        stmt = stmt.where(Issue.status == status)
    page = db.paginate(
        stmt.order_by(Issue.first_seen_on.desc(), SENSITIVITY_ORDER, Issue.id.desc()),
        per_page=PER_PAGE,
        error_out=False,
    )
    return render_template(
        "records/issues.html", page=page, status=status, statuses=list(IssueStatus)
    )


@bp.route("/issues/<int:issue_id>")
@permission_required(Permission.VIEW_ISSUES)
def issue(issue_id: int):
    item = get_visible_or_404(Issue, issue_id, can_view_issue)
    return render_template("records/issue.html", item=item)

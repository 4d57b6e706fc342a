"""Flagged public-opinion issues: the filtered list (the Office's queue) and its CSV and XLSX
exports, flagging (on its own or from inside a report), an issue with its timeline, and the
actions on it: edit, change status, assign, escalate, comment with evidence."""

from flask import Response, abort, jsonify, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.enums import IssueSource, IssueStatus, Sector, Sensitivity
from tracker.extensions import db
from tracker.formatting import agency_name, fmt_date
from tracker.issues import bp
from tracker.issues.forms import (
    AssignForm,
    CommentForm,
    EditIssueForm,
    EscalateForm,
    IssueForm,
    StatusForm,
    TriageIssueForm,
)
from tracker.labels import label
from tracker.models import Report
from tracker.permissions import (
    Permission,
    can_comment_issue,
    can_edit_issue,
    can_edit_report,
    can_view_issue,
    can_view_report,
    forbid_unless,
    has_permission,
    own_agency_ids,
    permission_required,
    sees_all_agencies,
    visible_or_404,
)
from tracker.services import admin as admin_service
from tracker.services import calendar, exports
from tracker.services import issues as service
from tracker.services import reports as report_service
from tracker.web.forms import form_page, form_view, handle
from tracker.web.listing import (
    Filters,
    date_param,
    enum_param,
    flag_param,
    id_param,
    paginate,
    text_param,
)
from tracker.web.page_cache import cached_page

#: The list's query parameters; ``service.Filters.query_args`` writes the same names.
FILTERS = {
    "status": enum_param(IssueStatus),
    "sensitivity": enum_param(Sensitivity),
    "field": enum_param(Sector),
    "source": enum_param(IssueSource),
    "agency": id_param,
    "district": text_param(),
    "commune": text_param(),
    "from": date_param,
    "to": date_param,
    "q": text_param(),
    "open": flag_param,
    "high": flag_param,
    "overdue": flag_param,
    "escalated": flag_param,
    "unassigned": flag_param,
    "agreement": id_param,
    "commitment": id_param,
    "reporting": id_param,
    "responsible": id_param,
}


def _actor():
    return current_user._get_current_object()


def list_filters(filters: Filters) -> service.Filters:
    return service.Filters(
        status=filters["status"],
        sensitivity=filters["sensitivity"],
        field=filters["field"],
        source=filters["source"],
        agency_id=filters["agency"],
        district=filters["district"],
        commune=filters["commune"],
        seen_from=filters["from"],
        seen_to=filters["to"],
        search=filters["q"],
        open_only=bool(filters["open"]),
        high_only=bool(filters["high"]),
        overdue=bool(filters["overdue"]),
        escalated=bool(filters["escalated"]),
        unassigned=bool(filters["unassigned"]),
        agreement_id=filters["agreement"],
        commitment_id=filters["commitment"],
        reporting_id=filters["reporting"],
        responsible_id=filters["responsible"],
    )


@bp.route("/issues")
@permission_required(Permission.VIEW_ISSUES)
@cached_page
def index():
    filters = Filters(FILTERS)
    today = calendar.today_local()
    page = paginate(service.list_query(current_user, list_filters(filters), today))
    agencies = (
        db.session.scalars(admin_service.agencies_query()).all()
        if sees_all_agencies(current_user)
        else []
    )
    return render_template(
        "issues/index.html",
        page=page,
        filters=filters,
        today=today,
        statuses=list(IssueStatus),
        sensitivities=list(Sensitivity),
        fields=list(Sector),
        sources=list(IssueSource),
        agencies=agencies,
        can_flag=has_permission(current_user, Permission.FLAG_ISSUES),
    )


def _export_columns(today) -> list[exports.Column]:
    return [
        exports.Column(_("No."), lambda i: i.id, 8),
        exports.Column(_("Title"), lambda i: i.title, 60),
        exports.Column(_("Field"), lambda i: label(i.field), 18),
        exports.Column(_("Source"), lambda i: label(i.source), 16),
        exports.Column(_("Outlet or channel"), lambda i: i.source_outlet, 30),
        exports.Column(_("District"), lambda i: i.district, 18),
        exports.Column(_("Commune or ward"), lambda i: i.commune, 18),
        exports.Column(_("First seen"), lambda i: i.first_seen_on, 12),
        exports.Column(_("Sensitivity"), lambda i: label(i.sensitivity), 16),
        exports.Column(_("Status"), lambda i: label(i.status), 14),
        exports.Column(_("Reported by"), lambda i: agency_name(i.reporting_agency), 36),
        exports.Column(
            _("Responsible agency"), lambda i: agency_name(i.responsible_agency) or "", 36
        ),
        exports.Column(_("Assigned to"), lambda i: i.assignee.full_name if i.assignee else "", 24),
        exports.Column(_("Response due"), lambda i: i.response_due_on, 12),
        exports.Column(_("Overdue"), lambda i: _("Yes") if _overdue(i, today) else _("No"), 10),
        exports.Column(
            _("Escalated"),
            lambda i: fmt_date(calendar.local_date(i.escalated_at)) if i.escalated_at else "",
            12,
        ),
        exports.Column(_("Summary"), lambda i: i.summary, 80),
    ]


def _overdue(issue, today) -> bool:
    return (
        issue.status in (IssueStatus.NEW, IssueStatus.UNDER_REVIEW, IssueStatus.BEING_HANDLED)
        and issue.response_due_on is not None
        and issue.response_due_on < today
    )


def _export(kind: str) -> Response:
    filters = Filters(FILTERS)
    today = calendar.today_local()
    rows = db.session.scalars(service.list_query(current_user, list_filters(filters), today)).all()
    stamp = today.strftime("%Y%m%d")
    if kind == "csv":
        body = exports.to_csv(_export_columns(today), rows)
        mimetype = "text/csv; charset=utf-8"
    else:
        body = exports.to_xlsx(_("Issues"), _export_columns(today), rows)
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(
        body,
        mimetype=mimetype,
        headers={
            "Content-Disposition": f'attachment; filename="issues-{stamp}.{kind}"',
            "Cache-Control": "no-store",
        },
    )


@bp.route("/issues/export.csv")
@permission_required(Permission.VIEW_ISSUES)
def export_csv():
    return _export("csv")


@bp.route("/issues/export.xlsx")
@permission_required(Permission.VIEW_ISSUES)
def export_xlsx():
    return _export("xlsx")


@bp.route("/issues/similar")
@permission_required(Permission.FLAG_ISSUES)
def similar():
    """Open issues whose title is like the one being typed (static/js/issue-form.js)."""
    title = text_param(300)
    try:
        wanted = title(request.args.get("title", ""))
    except ValueError:
        wanted = ""
    try:
        exclude = id_param(request.args.get("exclude", ""))
    except ValueError:
        exclude = None
    found = service.similar(current_user, wanted, exclude_id=exclude)
    return jsonify(
        items=[
            {
                "id": row["id"],
                "title": row["title"],
                "status": str(label(row["status"])),
                "first_seen": fmt_date(row["first_seen_on"]),
                "url": url_for("issues.detail", issue_id=row["id"]),
            }
            for row in found
        ]
    )


# -- flagging ------------------------------------------------------------------------------------


def _form_choices(user) -> dict:
    agencies = [
        (str(a.id), agency_name(a))
        for a in db.session.scalars(service.responsible_agencies_query())
    ]
    agreements = service.agreement_choices(user)
    numbers = {a.id: a.number for a in agreements}
    commitments = [
        (str(c.id), f"{numbers.get(c.agreement_id, '')} · {c.position}. {c.title[:90]}")
        for c in service.commitment_choices(user)
    ]
    return {
        "agencies": agencies,
        "agreements": [(str(a.id), f"{a.number} – {a.title[:80]}") for a in agreements],
        "commitments": commitments,
    }


def _report_for_flagging():
    """The report an issue is flagged from (``?report=ID``): the user's own report, which
    they may edit; another agency's is a 404."""
    raw = request.args.get("report", "")
    if not raw:
        return None
    try:
        report_id = id_param(raw)
    except ValueError:
        abort(404)
    report = visible_or_404(
        db.session.scalar(report_service.detail_query(report_id)), can_view_report
    )
    forbid_unless(can_edit_report(current_user, report))
    return report


@bp.route("/issues/new", methods=["GET", "POST"])
@permission_required(Permission.FLAG_ISSUES)
@form_view
def new():
    forbid_unless(current_user.agency_id is not None)
    report: Report | None = _report_for_flagging()
    form = IssueForm(**_form_choices(current_user))
    if not form.is_submitted():
        form.first_seen_on.data = calendar.today_local()
    back = url_for("reports.edit", report_id=report.id) if report is not None else None
    done = handle(
        form,
        lambda: service.flag(_actor(), form.values(), report=report),
        message=_("The issue has been flagged; the Office will take it up."),
        next_url=lambda issue: back or url_for("issues.detail", issue_id=issue.id),
    )
    return done or form_page(
        "issues/form.html",
        form,
        item=None,
        report=report,
        cancel_url=back or url_for("issues.index"),
        suggestions=service.suggested_agencies(),
    )


# -- an issue ------------------------------------------------------------------------------------


def _load(issue_id: int):
    return visible_or_404(db.session.scalar(service.detail_query(issue_id)), can_view_issue)


def _staff_choices() -> list[tuple[str, str]]:
    return [(str(u.id), u.full_name) for u in db.session.scalars(service.office_staff_query())]


def _status_choices(item) -> list[tuple[str, str]]:
    return [(s.value, str(label(s))) for s in service.allowed_transitions(item)]


@bp.route("/issues/<int:issue_id>")
@permission_required(Permission.VIEW_ISSUES)
@cached_page
def detail(issue_id: int):
    item = _load(issue_id)
    user = current_user
    today = calendar.today_local()
    triage = has_permission(user, Permission.TRIAGE_ISSUES)
    context = {
        "item": item,
        "today": today,
        "overdue": _overdue(item, today),
        "can_edit": can_edit_issue(user, item),
        "can_comment": can_comment_issue(user, item),
        "can_triage": triage,
        # Possible duplicates, for whoever triages or follows it (no JavaScript needed).
        "similar": service.similar(user, item.title, exclude_id=item.id),
        "agreement_visible": item.agreement is not None
        and (
            sees_all_agencies(user)
            or any(p.agency_id in own_agency_ids(user) for p in item.agreement.parties)
        ),
    }
    if triage:
        version = {"version": item.version_id}
        context["status_form"] = StatusForm(formdata=None, targets=_status_choices(item), **version)
        context["assign_form"] = AssignForm(
            formdata=None, staff=_staff_choices(), assignee_id=item.assignee_id, **version
        )
        context["escalate_form"] = EscalateForm(formdata=None, **version)
    if context["can_comment"]:
        context["comment_form"] = CommentForm(formdata=None)
    return render_template("issues/detail.html", **context)


def _fill(form, item) -> None:
    for name in form.values():
        form[name].data = getattr(item, name)
    if "response_due_on" in form:
        form.response_due_on.data = item.response_due_on
    form.version.data = item.version_id


@bp.route("/issues/<int:issue_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.FLAG_ISSUES)
@form_view
def edit(issue_id: int):
    item = _load(issue_id)
    forbid_unless(can_edit_issue(current_user, item))
    form_class = (
        TriageIssueForm if has_permission(current_user, Permission.TRIAGE_ISSUES) else EditIssueForm
    )
    form = form_class(**_form_choices(current_user))
    if not form.is_submitted():
        _fill(form, item)
    done = handle(
        form,
        lambda: service.update(_actor(), item, form.values(), version=form.version.data),
        message=_("The issue has been saved."),
        next_url=url_for("issues.detail", issue_id=item.id),
    )
    return done or form_page(
        "issues/form.html",
        form,
        item=item,
        report=None,
        cancel_url=url_for("issues.detail", issue_id=item.id),
        suggestions=service.suggested_agencies(),
    )


def _action_page(form, item, heading: str):
    return form_page("issues/action.html", form, item=item, heading=heading)


@bp.route("/issues/<int:issue_id>/status", methods=["GET", "POST"])
@permission_required(Permission.TRIAGE_ISSUES)
@form_view
def change_status(issue_id: int):
    item = _load(issue_id)
    form = StatusForm(targets=_status_choices(item))
    if not form.is_submitted():
        form.version.data = item.version_id
    done = handle(
        form,
        lambda: service.transition(
            _actor(), item, form.status.data, comment=form.comment.data, version=form.version.data
        ),
        message=lambda i: _("The issue is now: %(status)s.", status=label(i.status)),
        next_url=url_for("issues.detail", issue_id=item.id),
    )
    return done or _action_page(form, item, _("Change the status"))


@bp.route("/issues/<int:issue_id>/assign", methods=["GET", "POST"])
@permission_required(Permission.TRIAGE_ISSUES)
@form_view
def assign(issue_id: int):
    item = _load(issue_id)
    form = AssignForm(staff=_staff_choices())
    if not form.is_submitted():
        form.version.data = item.version_id
        form.assignee_id.data = item.assignee_id
    done = handle(
        form,
        lambda: service.assign(_actor(), item, form.assignee_id.data, version=form.version.data),
        message=lambda i: _("The issue is assigned to %(name)s.", name=i.assignee.full_name),
        next_url=url_for("issues.detail", issue_id=item.id),
    )
    return done or _action_page(form, item, _("Assign the issue"))


@bp.route("/issues/<int:issue_id>/escalate", methods=["GET", "POST"])
@permission_required(Permission.TRIAGE_ISSUES)
@form_view
def escalate(issue_id: int):
    item = _load(issue_id)
    form = EscalateForm()
    if not form.is_submitted():
        form.version.data = item.version_id
    done = handle(
        form,
        lambda: service.escalate(_actor(), item, form.note.data, version=form.version.data),
        message=_("The issue has been escalated: leadership see it on their home page."),
        next_url=url_for("issues.detail", issue_id=item.id),
    )
    return done or _action_page(form, item, _("Escalate to leadership"))


@bp.route("/issues/<int:issue_id>/comment", methods=["GET", "POST"])
@permission_required(Permission.VIEW_ISSUES)
@form_view
def comment(issue_id: int):
    item = _load(issue_id)
    forbid_unless(can_comment_issue(current_user, item))
    form = CommentForm()
    done = handle(
        form,
        lambda: service.comment(_actor(), item, form.comment.data, upload=form.file.data),
        message=_("Your comment has been added to the timeline."),
        next_url=url_for("issues.detail", issue_id=item.id) + "#timeline",
    )
    return done or _action_page(form, item, _("Comment or attach evidence"))

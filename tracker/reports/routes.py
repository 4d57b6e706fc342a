"""Reports: the lists (filed reports, expected reports, the compliance grid, the review queue),
a report with its versions, and the workflow: start, write (saved as a draft, also
automatically), send, review (accept or return with comments), reopen, PDF."""

from datetime import date

from flask import Response, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.routing import BuildError

from tracker.enums import PERIODIC_KINDS, ReportKind, ReportStatus, ReviewDecision, Timeliness
from tracker.extensions import db
from tracker.formatting import fmt_datetime, report_title
from tracker.models import Attachment
from tracker.pdf import report as report_pdf
from tracker.permissions import (
    Permission,
    can_edit_report,
    can_file,
    can_view_report,
    forbid_unless,
    has_permission,
    own_agency_ids,
    permission_required,
    sees_all_agencies,
    visible_or_404,
)
from tracker.reports import bp
from tracker.reports.forms import (
    SECTION_LABELS,
    AdHocForm,
    ReopenForm,
    ReportForm,
    ReviewForm,
    StartForm,
)
from tracker.services import admin as admin_service
from tracker.services import calendar, compliance, figure_cache
from tracker.services import reports as service
from tracker.services.errors import ConflictError, ValidationError
from tracker.services.reports import DuplicateReportError
from tracker.web import fragments, transaction
from tracker.web.forms import INVALID, form_page, form_view, handle
from tracker.web.listing import (
    Filters,
    choice_param,
    date_param,
    enum_param,
    id_param,
    int_param,
    paginate,
    text_param,
)
from tracker.web.page_cache import cached_page

PERIODIC = [k.value for k in PERIODIC_KINDS]


def _actor():
    return current_user._get_current_object()


def _agencies():
    if sees_all_agencies(current_user):
        return db.session.scalars(admin_service.agencies_query()).all()
    return []


def _visible_agency_ids():
    """None for the Office and leadership (every agency), a liaison's own otherwise."""
    return None if sees_all_agencies(current_user) else sorted(own_agency_ids(current_user))


# -- lists ---------------------------------------------------------------------------------------


@bp.route("/reports")
@permission_required(Permission.VIEW_REPORTS)
@cached_page
def index():
    filters = Filters(
        {
            "kind": enum_param(ReportKind),
            "status": enum_param(ReportStatus),
            "agency": id_param,
            "year": int_param(calendar.MIN_YEAR, calendar.MAX_YEAR),
            "period": text_param(20),
            "timeliness": enum_param(Timeliness),
        }
    )
    today = calendar.today_local()
    page = paginate(
        service.list_query(
            current_user,
            kind=filters["kind"],
            status=filters["status"],
            agency_id=filters["agency"],
            year=filters["year"],
            period=filters["period"],
            timeliness=filters["timeliness"],
            today=today,
        )
    )
    return render_template(
        "reports/index.html",
        page=page,
        filters=filters,
        today=today,
        kinds=list(ReportKind),
        statuses=list(ReportStatus),
        timeliness=list(Timeliness),
        agencies=_agencies(),
    )


def _year_filter() -> dict:
    return {
        "kind": choice_param(PERIODIC),
        "year": int_param(calendar.MIN_YEAR, calendar.MAX_YEAR),
    }


@bp.route("/reports/grid")
@permission_required(Permission.VIEW_REPORTS)
@cached_page
def grid():
    """The compliance grid: agencies × periods of a kind and a year."""
    today = calendar.today_local()
    filters = Filters(_year_filter())
    kind = ReportKind(filters["kind"] or ReportKind.MONTHLY.value)
    year = filters["year"] or today.year
    visible = _visible_agency_ids()
    result = compliance.grid(kind, year, today=today, agency_ids=visible)

    # The table (up to a thousand cells) is rendered once for all who see the same agencies,
    # until a report, an agreement, an agency, a holiday or a setting is written.
    table = fragments.cached(
        "grid_table",
        (kind, year, today, tuple(visible) if visible is not None else None),
        "reports/_grid_table.html",
        figure_cache.REPORTS,
        lambda: {
            "grid": result,
            "agencies": {a.id: a for a in db.session.scalars(admin_service.agencies_query())},
        },
    )
    return render_template(
        "reports/grid.html",
        grid=result,
        table=table,
        kinds=[ReportKind(k) for k in PERIODIC],
        years=list(range(today.year, 2016, -1)),
        today=today,
    )


@bp.route("/reports/expected")
@permission_required(Permission.VIEW_REPORTS)
@cached_page
def expected():
    """The expected reports behind a grid figure: filed or not, with their timeliness."""
    today = calendar.today_local()
    filters = Filters(
        {
            **_year_filter(),
            "agency": id_param,
            "timeliness": enum_param(Timeliness),
            "period": text_param(20),
            "submitted": choice_param(("yes", "no")),
            # A summary's span (its figures link here): cut-off dates from, to.
            "from": date_param,
            "to": date_param,
        }
    )
    kinds = [ReportKind(filters["kind"])] if filters["kind"] else None
    if filters["year"]:
        first, last = compliance.year_span(filters["year"])
    else:
        first, last = date(2000, 1, 1), today
    if filters["from"] or filters["to"]:
        first, last = filters["from"] or first, filters["to"] or last
    visible = _visible_agency_ids()
    agency_ids = visible
    if filters["agency"] is not None:
        if visible is not None and filters["agency"] not in visible:
            agency_ids = []
        else:
            agency_ids = [filters["agency"]]
    rows = compliance.expected_reports(
        first,
        last,
        today=today,
        kinds=kinds or PERIODIC_KINDS,
        agency_ids=agency_ids,
    )
    submitted = {"yes": True, "no": False}.get(filters["submitted"])
    rows = compliance.select_expected(
        rows, timeliness=filters["timeliness"], period=filters["period"], submitted=submitted
    )
    rows.sort(key=lambda r: (r.deadline, r.agency_id, r.kind.value), reverse=True)
    agencies = {a.id: a for a in db.session.scalars(admin_service.agencies_query())}
    return render_template(
        "reports/expected.html",
        rows=rows,
        filters=filters,
        agencies=agencies,
        timeliness=list(Timeliness),
        kinds=[ReportKind(k) for k in PERIODIC],
        start_form=StartForm(formdata=None),
        can_start=can_file(current_user),
        today=today,
    )


@bp.route("/reports/review")
@permission_required(Permission.REVIEW_REPORTS)
@cached_page
def review_queue():
    """Submitted reports waiting for the Office, the oldest first, with how long each has
    waited and its agency's timeliness over the past year."""
    page = paginate(service.awaiting_review_query(current_user))
    return render_template(
        "reports/review_queue.html",
        page=page,
        filters=Filters({}),
        histories=service.histories(r.agency_id for r in page.items),
        today=calendar.today_local(),
    )


# -- starting ------------------------------------------------------------------------------------


@bp.route("/reports/start", methods=["POST"])
@permission_required(Permission.SUBMIT_REPORTS)
def start():
    """Open the draft of a report the liaison's agency owes (from their home or a list)."""
    form = StartForm()
    forbid_unless(can_file(current_user))
    if not form.validate_on_submit():
        abort(400)
    try:
        kind = ReportKind(form.kind.data)
        report = service.start(_actor(), current_user.agency, kind, form.period.data or "")
    except DuplicateReportError as duplicate:
        db.session.rollback()
        flash(duplicate.message, "info")
        return redirect(url_for("reports.detail", report_id=duplicate.existing.id))
    except (ValueError, ValidationError) as error:
        db.session.rollback()
        flash(getattr(error, "message", _("Choose a period from the list.")), "danger")
        return redirect(url_for("main.home"))
    return redirect(url_for("reports.edit", report_id=report.id))


@bp.route("/reports/ad-hoc/new", methods=["GET", "POST"])
@permission_required(Permission.SUBMIT_REPORTS)
@form_view
def new_ad_hoc():
    forbid_unless(can_file(current_user))
    form = AdHocForm()
    done = handle(
        form,
        lambda: service.start_ad_hoc(
            _actor(),
            current_user.agency,
            title=form.title.data,
            window_start=form.window_start.data,
            window_end=form.window_end.data,
            deadline=form.deadline.data,
        ),
        message=_("The ad hoc report is started: write it, then send it."),
        next_url=lambda r: url_for("reports.edit", report_id=r.id),
    )
    return done or form_page("reports/ad_hoc.html", form)


# -- a report --------------------------------------------------------------------------------


def _load(report_id: int):
    return visible_or_404(db.session.scalar(service.detail_query(report_id)), can_view_report)


@bp.route("/reports/<int:report_id>")
@permission_required(Permission.VIEW_REPORTS)
@cached_page
def detail(report_id: int):
    item = _load(report_id)
    user = current_user
    return render_template(
        "reports/detail.html",
        item=item,
        shown=_shown_text(item),
        returned=service.returned_comments(item),
        changes=service.version_changes(item),
        commitments=_commitment_titles(item),
        sections=SECTION_LABELS,
        can_edit=can_edit_report(user, item),
        can_review=has_permission(user, Permission.REVIEW_REPORTS)
        and item.status == ReportStatus.SUBMITTED,
        can_reopen=has_permission(user, Permission.REVIEW_REPORTS)
        and item.status == ReportStatus.ACCEPTED,
    )


def _shown_text(report):
    """What the page shows: to the agency, its current text (a draft or a revision in
    progress); to the Office, the latest version it received."""
    if can_edit_report(current_user, report) or not report.versions:
        return report
    return report.versions[-1]


def _commitment_titles(report) -> dict[str, str]:
    ids = {int(k) for k in (report.commitment_notes or {})}
    for version in report.versions:
        ids |= {int(k) for k in (version.commitment_notes or {})}
    return service.commitment_titles(ids)


def _report_form(item):
    """The form, bound to the request's fields and files when it is a POST (Flask-WTF)."""
    issues = [(i.id, i.title) for i in service.issues_for(item)]
    return ReportForm(issues=issues)


def _fill(form: ReportForm, item) -> None:
    """The form as the report stands, with a line for every commitment in force."""
    for name in service.TEXT_SECTIONS:
        form[name].data = getattr(item, name)
    form.title.data = item.title
    form.issue_ids.data = [i.id for i in item.issues]
    form.version.data = item.version_id
    notes = item.commitment_notes or {}
    progress = item.commitment_progress or {}
    while form.lines.entries:
        form.lines.pop_entry()
    for commitment in service.commitments_in_force(item):
        key = str(commitment.id)
        form.lines.append_entry(
            {
                "commitment_id": commitment.id,
                "note": notes.get(key, ""),
                "progress": progress.get(key),
            }
        )


def _edit_page(form, item, status=200):
    commitments = {c.id: c for c in service.commitments_in_force(item)}
    return (
        render_template(
            "reports/edit.html",
            form=form,
            item=item,
            commitments=commitments,
            returned=service.returned_comments(item),
            sections=SECTION_LABELS,
            flag_url=_flag_url(item),
        ),
        status,
    )


def _flag_url(item) -> str | None:
    try:
        return url_for("issues.new", report=item.id)
    except BuildError:
        return None


def _draft(form: ReportForm) -> service.Draft:
    notes, progress = form.lines_values()
    return service.Draft(
        **{name: form[name].data or "" for name in service.TEXT_SECTIONS},
        title=form.title.data if form.title.data is not None else None,
        commitment_notes=notes,
        commitment_progress=progress,
        issue_ids=list(form.issue_ids.data or []),
    )


@bp.route("/reports/<int:report_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.SUBMIT_REPORTS)
@form_view
def edit(report_id: int):
    """The report form: save as a draft any time, send when ready. Nothing typed is lost: a
    refusal shows the form again with everything in it."""
    item = _load(report_id)
    forbid_unless(can_edit_report(current_user, item))
    if request.method == "GET":
        form = _report_form(item)
        _fill(form, item)
        return _edit_page(form, item)
    form = _report_form(item)
    if not form.validate_on_submit():
        return _edit_page(form, item, INVALID)
    try:
        service.save(_actor(), item, _draft(form), version=form.version.data, upload=form.file.data)
        if form.submitting():
            version = service.submit(_actor(), item, version=None)
            flash(
                _(
                    "%(report)s has been sent to the Office (version %(n)s).",
                    report=report_title(item.kind, item.period),
                    n=version.number,
                ),
                "success",
            )
            return redirect(url_for("reports.detail", report_id=item.id))
    except ValidationError as error:
        transaction.rollback()
        form.show_error(error)
        return _edit_page(form, _load(report_id), INVALID)
    except ConflictError:
        transaction.rollback()
        form.form_errors.append(
            _(
                "This report was saved in another window or by a colleague since you opened "
                "it. Your text is below: copy what you need, reload the page, then save again."
            )
        )
        return _edit_page(form, _load(report_id), INVALID)
    flash(_("The draft has been saved."), "success")
    return redirect(url_for("reports.edit", report_id=item.id))


@bp.route("/reports/<int:report_id>/autosave", methods=["POST"])
@permission_required(Permission.SUBMIT_REPORTS)
def autosave(report_id: int):
    """The page saves the draft by itself every little while (static/js/report-form.js), so a
    lost connection or a closed laptop loses nothing. Answers JSON."""
    item = _load(report_id)
    forbid_unless(can_edit_report(current_user, item))
    form = _report_form(item)
    if not form.validate_on_submit():
        return jsonify(ok=False, errors=form.errors), INVALID
    try:
        service.save(_actor(), item, _draft(form), version=form.version.data)
    except ValidationError as error:
        db.session.rollback()
        return jsonify(ok=False, errors={error.field or "form": [error.message]}), INVALID
    except ConflictError:
        db.session.rollback()
        return jsonify(ok=False, conflict=True), 409
    db.session.flush()
    return jsonify(ok=True, version=item.version_id, saved_at=fmt_datetime(item.updated_at))


@bp.route("/reports/<int:report_id>/attachments/<int:attachment_id>/remove", methods=["POST"])
@permission_required(Permission.SUBMIT_REPORTS)
def remove_attachment(report_id: int, attachment_id: int):
    item = _load(report_id)
    forbid_unless(can_edit_report(current_user, item))
    if not StartForm().validate_on_submit():
        abort(400)
    if db.session.get(Attachment, attachment_id) is None:
        abort(404)
    try:
        service.remove_attachment(_actor(), item, attachment_id)
    except ValidationError:
        abort(404)
    flash(_("The file has been removed from the draft."), "success")
    return redirect(url_for("reports.edit", report_id=item.id))


@bp.route("/reports/<int:report_id>/review", methods=["GET", "POST"])
@permission_required(Permission.REVIEW_REPORTS)
@form_view
def review(report_id: int):
    item = _load(report_id)
    forbid_unless(item.status == ReportStatus.SUBMITTED)
    form = ReviewForm()
    if not form.is_submitted():
        form.version.data = item.version_id
    done = handle(
        form,
        lambda: service.review(
            _actor(),
            item,
            decision=ReviewDecision(form.decision.data),
            comment=form.comment.data,
            section_comments=form.section_comments(),
            version=form.version.data,
        ),
        message=lambda v: (
            _("The report is accepted.")
            if v.decision == ReviewDecision.ACCEPTED
            else _("The report has been returned to its agency with your comments.")
        ),
        next_url=url_for("reports.review_queue"),
    )
    return done or form_page(
        "reports/review.html",
        form,
        item=item,
        version=item.versions[-1],
        sections=SECTION_LABELS,
        commitments=_commitment_titles(item),
    )


@bp.route("/reports/<int:report_id>/reopen", methods=["GET", "POST"])
@permission_required(Permission.REVIEW_REPORTS)
@form_view
def reopen(report_id: int):
    item = _load(report_id)
    forbid_unless(item.status == ReportStatus.ACCEPTED)
    form = ReopenForm()
    if not form.is_submitted():
        form.version.data = item.version_id
    done = handle(
        form,
        lambda: service.reopen(_actor(), item, reason=form.reason.data, version=form.version.data),
        message=_("The report is reopened: its agency can revise it."),
        next_url=url_for("reports.detail", report_id=item.id),
    )
    return done or form_page("reports/reopen.html", form, item=item)


@bp.route("/reports/<int:report_id>.pdf")
@permission_required(Permission.VIEW_REPORTS)
def pdf(report_id: int):
    item = _load(report_id)
    body = report_pdf.render(item, _shown_text(item), _commitment_titles(item))
    name = f"bao-cao-{item.agency.code.lower()}-{item.kind.value}-{item.period}.pdf"
    return Response(
        body,
        mimetype="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )

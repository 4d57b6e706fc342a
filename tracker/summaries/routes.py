"""The leadership summaries: the page of figures for a term, a year, a quarter or a date
range (the bloc or one agency), and the same figures as a Party document in PDF.

Office staff and leadership see every summary. A liaison downloads their own agency's PDF and
no other: another agency's is a 404, as its records are, and the bloc's is theirs refused."""

from flask import Response, abort, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.enums import CommitmentStatus, Timeliness
from tracker.extensions import db
from tracker.models import Agency
from tracker.pdf import summary as summary_pdf
from tracker.permissions import Permission, has_permission, own_agency_ids, permission_required
from tracker.services import admin as admin_service
from tracker.services import calendar, summaries
from tracker.services.audit import record_denial
from tracker.services.errors import ValidationError
from tracker.summaries import bp
from tracker.web.listing import Filters, date_param, id_param, int_param, text_param
from tracker.web.page_cache import cached_page


def _filters() -> Filters:
    return Filters(
        {
            "term": text_param(50),
            "year": int_param(calendar.MIN_YEAR, calendar.MAX_YEAR),
            "quarter": int_param(1, 4),
            "from": date_param,
            "to": date_param,
            "agency": id_param,
        }
    )


def _scope(filters: Filters, *, term: str | None = None) -> summaries.Scope:
    return summaries.scope_for(
        term=term or filters["term"],
        year=filters["year"],
        quarter=filters["quarter"],
        first=filters["from"],
        last=filters["to"],
        agency_id=filters["agency"],
    )


def office_code(today) -> str:
    """The code of the Office as it was named on ``today`` (BTGTU, then BTGDVTU)."""
    offices = [a for a in db.session.scalars(admin_service.agencies_query()) if a.is_office]
    for agency in offices:
        if agency.exists_on(today):
            return agency.code
    return offices[0].code if offices else ""


@bp.route("/summaries/")
@permission_required(Permission.VIEW_DASHBOARDS)
@cached_page
def index():
    filters = _filters()
    error = None
    try:
        scope = _scope(filters)
    except ValidationError as exc:
        error = exc.message
        scope = summaries.scope_for(agency_id=filters["agency"])
    today = calendar.today_local()
    result = summaries.build(current_user, scope, today, text=False)
    return render_template(
        "summaries/index.html",
        summary=result,
        scope=scope,
        filters=filters,
        error=error,
        terms=summaries.terms(),
        agencies=[a for a in db.session.scalars(admin_service.agencies_query()) if not a.is_office],
        statuses=(
            CommitmentStatus.DONE,
            CommitmentStatus.IN_PROGRESS,
            CommitmentStatus.NOT_STARTED,
            CommitmentStatus.OVERDUE,
            CommitmentStatus.CANCELLED,
        ),
        issue_tables=(
            (_("Field"), "field", result.issues_by_field),
            (_("Sensitivity"), "sensitivity", result.issues_by_sensitivity),
            (_("Source"), "source", result.issues_by_source),
            (_("Status"), "status", result.issues_by_status),
        ),
        links=Links(result),
        agency_rates=[
            (line.code, line.discipline.on_time_rate)
            for line in result.lines
            if line.discipline.expected
        ],
        year_rates=[(year, d.on_time_rate) for year, d, _flagged in result.by_year],
        timeliness=Timeliness,
        today=today,
    )


def _pdf(scope: summaries.Scope) -> Response:
    today = calendar.today_local()
    result = summaries.build(current_user, scope, today)
    body = summary_pdf.render(result, office_code(today))
    name = f"tong-hop-{scope.slug}"
    if scope.agency_id is not None and result.lines:
        name += f"-{result.lines[0].code.lower()}"
    return Response(
        body,
        mimetype="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{name}.pdf"',
            "Cache-Control": "no-store",
        },
    )


def _allowed_scope(filters: Filters, term: str | None = None) -> summaries.Scope:
    """The scope asked for, as this user may have it: a liaison only ever gets their own
    agency's (the bloc's is refused; another agency's does not exist for them)."""
    if not has_permission(current_user, Permission.DOWNLOAD_SUMMARIES):
        own = own_agency_ids(current_user)
        if current_user.agency_id is None:
            record_denial(current_user, Permission.DOWNLOAD_SUMMARIES.value)
            abort(403)
        if filters["agency"] is None:
            filters.values["agency"] = current_user.agency_id
        elif filters["agency"] not in own:
            abort(404)
    elif filters["agency"] is not None and db.session.get(Agency, filters["agency"]) is None:
        abort(404)
    try:
        return _scope(filters, term=term)
    except ValidationError as exc:
        if term is not None and exc.field == "term":
            abort(404)
        abort(400, exc.message)


@bp.route("/summaries/summary.pdf")
@permission_required(Permission.DOWNLOAD_OWN_SUMMARY)
def pdf():
    """The PDF of any scope (the page's download button)."""
    return _pdf(_allowed_scope(_filters()))


@bp.route("/summaries/<term>.pdf")
@permission_required(Permission.DOWNLOAD_OWN_SUMMARY)
def term_pdf(term: str):
    """The term reviews: /summaries/2017-2021.pdf, /summaries/2021-2025.pdf."""
    filters = _filters()
    for key in ("year", "quarter", "from", "to"):
        filters.values[key] = None
    return _pdf(_allowed_scope(filters, term=term))


class Links:
    """The list behind each figure of a summary: the same scope, the same filters."""

    def __init__(self, summary: summaries.Summary):
        self.scope = summary.scope
        self.term_id = summary.term.id if summary.term else None

    def expected(self, agency_id=None, **extra) -> str:
        args = {"from": self.scope.first.isoformat(), "to": self.scope.last.isoformat()}
        agency_id = agency_id or self.scope.agency_id
        if agency_id:
            args["agency"] = agency_id
        return url_for("reports.expected", **args, **extra)

    def commitments(self, agency_id=None, status=None) -> str:
        args = {"term": self.term_id, "agency": agency_id or self.scope.agency_id}
        if status is not None:
            args["status"] = status.value
        return url_for("commitments.index", **{k: v for k, v in args.items() if v})

    def issues(self, **extra) -> str:
        args = {"from": self.scope.first.isoformat(), "to": self.scope.last.isoformat()}
        if self.scope.agency_id:
            args["agency"] = self.scope.agency_id
        args.update({k: getattr(v, "value", v) for k, v in extra.items() if v is not None})
        return url_for("issues.index", **args)

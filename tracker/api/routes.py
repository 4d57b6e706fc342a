"""The API's endpoints. Each calls the services and permission checks the pages use."""

import sqlalchemy as sa
from flask import abort, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import joinedload, raiseload, selectinload

from tracker.api import bp, openapi, schemas, serialise
from tracker.api.core import ApiError, authenticate, endpoint, install_error_handlers
from tracker.enums import ReportKind
from tracker.extensions import db
from tracker.models import Agency, AgencySuccession, Agreement, AgreementParty, Term, User
from tracker.permissions import (
    Permission,
    can_edit_report,
    can_file,
    can_update_commitment,
    can_view_agreement,
    can_view_commitment,
    can_view_issue,
    can_view_report,
    has_permission,
    own_agency_ids,
    sees_all_agencies,
    visible_or_404,
)
from tracker.services import accounts, calendar, compliance, summaries, tokens
from tracker.services import agreements as agreement_service
from tracker.services import commitments as commitment_service
from tracker.services import issues as issue_service
from tracker.services import reports as report_service
from tracker.services.accounts import LoginOutcome
from tracker.services.errors import ConflictError
from tracker.throttle import throttled

bp.before_request(authenticate)
install_error_handlers(bp)


@bp.after_request
def _never_cached(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def _page(stmt: sa.Select, query: schemas.PageQuery, convert) -> dict:
    total = db.session.scalar(
        sa.select(sa.func.count()).select_from(stmt.order_by(None).subquery())
    )
    rows = db.session.scalars(
        stmt.limit(query.per_page).offset((query.page - 1) * query.per_page)
    ).all()
    return {
        "items": [convert(r).model_dump(mode="json") for r in rows],
        "page": query.page,
        "per_page": query.per_page,
        "total": total,
    }


def _agency_id(code: str | None) -> int | None:
    """The id of an agency given by its code; a code that names none matches nothing."""
    if code is None:
        return None
    if "\x00" in code:  # names no agency, and PostgreSQL refuses NUL in a text parameter
        return -1
    found = db.session.scalar(sa.select(Agency.id).where(Agency.code == code.upper()))
    return found if found is not None else -1


def _term_id(name: str | None) -> int | None:
    if name is None:
        return None
    if "\x00" in name:
        return -1
    found = db.session.scalar(sa.select(Term.id).where(Term.name == name))
    return found if found is not None else -1


# -- description and auth ------------------------------------------------------------------


@endpoint(bp, "/openapi.json", "GET", summary="This description", tag="meta", public=True)
def openapi_json():
    return openapi.document(url_for("api.openapi_json", _external=False))


@endpoint(
    bp,
    "/tokens",
    "POST",
    summary="Get a token for a username and password",
    tag="auth",
    body=schemas.TokenRequest,
    response=schemas.TokenOut,
    status=201,
    errors=(401, 429),
    public=True,
    description="The token is returned once. It expires after the number of days the "
    "administrator set, and dies when the account is disabled or its password changes. "
    "Failed attempts are limited per account and per address together with the login form: "
    "past the limit every attempt answers 429 with Retry-After.",
)
@throttled
def create_token(body: schemas.TokenRequest):
    result = accounts.authenticate(body.username, body.password)
    if result.outcome is not LoginOutcome.OK:
        raise ApiError(401, _("The username or password is incorrect."))
    token, row = tokens.issue(result.user, "API")
    return schemas.TokenOut(token=token, expires_at=serialise.moment(row.expires_at))


# -- reference data ------------------------------------------------------------------------------


def _agencies() -> sa.Select:
    return (
        sa.select(Agency)
        .options(
            selectinload(Agency.successions).joinedload(AgencySuccession.successor),
            raiseload("*"),
        )
        .order_by(Agency.is_office.desc(), Agency.code)
    )


@endpoint(
    bp,
    "/agencies",
    "GET",
    summary="Agencies",
    tag="reference",
    query=schemas.PageQuery,
    response=schemas.Page[schemas.AgencyOut],
    permission=Permission.VIEW_HOME,
)
def agencies(query: schemas.PageQuery):
    return _page(_agencies(), query, serialise.agency)


@endpoint(
    bp,
    "/agencies/<int:agency_id>",
    "GET",
    summary="An agency",
    tag="reference",
    response=schemas.AgencyOut,
    errors=(404,),
    permission=Permission.VIEW_HOME,
)
def agency(agency_id: int):
    found = db.session.scalar(_agencies().where(Agency.id == agency_id))
    if found is None:
        abort(404)
    return serialise.agency(found)


@endpoint(
    bp,
    "/terms",
    "GET",
    summary="Terms of the programme",
    tag="reference",
    query=schemas.PageQuery,
    response=schemas.Page[schemas.TermOut],
    permission=Permission.VIEW_HOME,
)
def terms(query: schemas.PageQuery):
    return _page(sa.select(Term).order_by(Term.start_date), query, serialise.term)


@endpoint(
    bp,
    "/terms/<int:term_id>",
    "GET",
    summary="A term",
    tag="reference",
    response=schemas.TermOut,
    errors=(404,),
    permission=Permission.VIEW_HOME,
)
def term(term_id: int):
    return serialise.term(db.get_or_404(Term, term_id))


# -- agreements and commitments ----------------------------------------------------------------


def _with_parties(stmt: sa.Select) -> sa.Select:
    return stmt.options(
        joinedload(Agreement.term),
        selectinload(Agreement.parties).joinedload(AgreementParty.agency),
        raiseload("*"),
    )


@endpoint(
    bp,
    "/agreements",
    "GET",
    summary="Agreements the caller may see",
    tag="agreements",
    query=schemas.AgreementQuery,
    response=schemas.Page[schemas.AgreementOut],
    errors=(403,),
    permission=Permission.VIEW_AGREEMENTS,
)
def agreements(query: schemas.AgreementQuery):
    stmt = agreement_service.list_query(
        current_user,
        term_id=_term_id(query.term),
        agency_id=_agency_id(query.agency),
        status=query.status,
    ).with_only_columns(Agreement)
    return _page(_with_parties(stmt), query, serialise.agreement)


@endpoint(
    bp,
    "/agreements/<int:agreement_id>",
    "GET",
    summary="An agreement",
    tag="agreements",
    response=schemas.AgreementOut,
    errors=(403, 404),
    permission=Permission.VIEW_AGREEMENTS,
)
def agreement(agreement_id: int):
    found = db.session.scalar(
        _with_parties(sa.select(Agreement).where(Agreement.id == agreement_id))
    )
    return serialise.agreement(visible_or_404(found, can_view_agreement))


def _commitment_filters(query: schemas.CommitmentQuery) -> commitment_service.Filters:
    return commitment_service.Filters(
        term_id=_term_id(query.term),
        agreement_id=query.agreement_id,
        agency_id=_agency_id(query.agency),
        field=query.field,
        status=query.status,
        due_from=query.due_from,
        due_to=query.due_to,
        search=query.q,
    )


@endpoint(
    bp,
    "/commitments",
    "GET",
    summary="Commitments the caller may see",
    tag="agreements",
    query=schemas.CommitmentQuery,
    response=schemas.Page[schemas.CommitmentOut],
    errors=(403,),
    permission=Permission.VIEW_AGREEMENTS,
)
def commitments(query: schemas.CommitmentQuery):
    today = calendar.today_local()
    stmt = commitment_service.list_query(current_user, _commitment_filters(query), today=today)
    return _page(stmt, query, lambda c: serialise.commitment(c, today))


@endpoint(
    bp,
    "/commitments/<int:commitment_id>",
    "GET",
    summary="A commitment",
    tag="agreements",
    response=schemas.CommitmentOut,
    errors=(403, 404),
    permission=Permission.VIEW_AGREEMENTS,
)
def commitment(commitment_id: int):
    found = db.session.scalar(commitment_service.detail_query(commitment_id))
    return serialise.commitment(visible_or_404(found, can_view_commitment))


@endpoint(
    bp,
    "/commitments/<int:commitment_id>/updates",
    "POST",
    summary="Record a progress update on a commitment",
    tag="agreements",
    body=schemas.UpdateIn,
    response=schemas.UpdateOut,
    status=201,
    errors=(403, 404),
    permission=Permission.UPDATE_COMMITMENTS,
    description="Updates are never changed: to correct one, post a new update with "
    "corrects_id. The liaison of the responsible agency, or the Office.",
)
def post_update(commitment_id: int, body: schemas.UpdateIn):
    found = visible_or_404(
        db.session.scalar(commitment_service.detail_query(commitment_id)), can_view_commitment
    )
    if not can_update_commitment(current_user, found):
        raise ApiError(403, _("Your account may not record progress on this commitment."))
    update = commitment_service.post_update(
        current_user._get_current_object(),
        found,
        recorded_on=body.recorded_on,
        note=body.note,
        progress=body.progress,
        evidence_url=body.evidence_url,
        figures=[commitment_service.FigureInput(f.metric, f.value) for f in body.figures],
        corrects_id=body.corrects_id,
        mark_done=body.mark_done,
    )
    return serialise.update(update)


# -- reports -------------------------------------------------------------------------------------


def _report(report_id: int):
    return visible_or_404(
        db.session.scalar(report_service.detail_query(report_id)), can_view_report
    )


def _shown(report):
    """The agency sees its current text; the Office the latest version it received."""
    if can_edit_report(current_user, report) or not report.versions:
        return report
    return report.versions[-1]


@endpoint(
    bp,
    "/reports",
    "GET",
    summary="Reports the caller may see (a draft only by its own agency)",
    tag="reports",
    query=schemas.ReportQuery,
    response=schemas.Page[schemas.ReportOut],
    errors=(403,),
    permission=Permission.VIEW_REPORTS,
)
def reports(query: schemas.ReportQuery):
    today = calendar.today_local()
    stmt = report_service.list_query(
        current_user,
        kind=query.kind,
        status=query.status,
        agency_id=_agency_id(query.agency),
        year=query.year,
        period=query.period,
        timeliness=query.timeliness,
        today=today,
    )
    return _page(stmt, query, lambda r: serialise.report(r, today))


@endpoint(
    bp,
    "/reports/<int:report_id>",
    "GET",
    summary="A report, with its sections and versions",
    tag="reports",
    response=schemas.ReportDetailOut,
    errors=(403, 404),
    permission=Permission.VIEW_REPORTS,
)
def report(report_id: int):
    found = _report(report_id)
    return serialise.report_detail(found, _shown(found))


@endpoint(
    bp,
    "/reports",
    "POST",
    summary="Start a report (a draft) for the caller's agency",
    tag="reports",
    body=schemas.ReportCreate,
    response=schemas.ReportDetailOut,
    status=201,
    errors=(403, 409),
    permission=Permission.SUBMIT_REPORTS,
    description="A periodic report names its kind and period; an ad hoc report its title, "
    "window and, when asked for, its due date. One report per agency, kind and period: a "
    "second one is refused with a link to the first (409).",
)
def create_report(body: schemas.ReportCreate):
    if not can_file(current_user):
        raise ApiError(403, _("Your agency files no new report."))
    actor = current_user._get_current_object()
    try:
        if body.kind is ReportKind.AD_HOC:
            created = report_service.start_ad_hoc(
                actor,
                current_user.agency,
                title=body.title or "",
                window_start=body.window_start,
                window_end=body.window_end,
                deadline=body.due_date,
            )
        else:
            created = report_service.start(actor, current_user.agency, body.kind, body.period or "")
    except report_service.DuplicateReportError as duplicate:
        raise ApiError(
            409,
            f"{duplicate.message} /api/v1/reports/{duplicate.existing.id}",
        ) from None
    found = _report(created.id)
    return serialise.report_detail(found, found)


@endpoint(
    bp,
    "/reports/<int:report_id>",
    "PATCH",
    summary="Write into a draft (or a returned report)",
    tag="reports",
    body=schemas.ReportUpdate,
    response=schemas.ReportDetailOut,
    errors=(403, 404, 409),
    permission=Permission.SUBMIT_REPORTS,
    description="Fields left out keep their text. Send the version you read: a stale one is "
    "refused with 409 and nothing is written.",
)
def update_report(report_id: int, body: schemas.ReportUpdate):
    found = _report(report_id)
    if not can_edit_report(current_user, found):
        raise ApiError(403, _("This report cannot be changed by your account now."))
    draft = report_service.Draft(
        **{
            name: getattr(body, name) if getattr(body, name) is not None else getattr(found, name)
            for name in report_service.TEXT_SECTIONS
        },
        commitment_notes=body.commitment_notes,
        commitment_progress=body.commitment_progress,
        issue_ids=body.issues,
    )
    report_service.save(current_user._get_current_object(), found, draft, version=body.version)
    return serialise.report_detail(found, found)


@endpoint(
    bp,
    "/reports/<int:report_id>/submit",
    "POST",
    summary="Send a report to the Office",
    tag="reports",
    body=schemas.VersionIn,
    response=schemas.ReportDetailOut,
    errors=(403, 404, 409),
    permission=Permission.SUBMIT_REPORTS,
)
def submit_report(report_id: int, body: schemas.VersionIn):
    found = _report(report_id)
    if not can_edit_report(current_user, found):
        raise ApiError(403, _("This report cannot be sent by your account now."))
    report_service.submit(current_user._get_current_object(), found, version=body.version)
    return serialise.report_detail(found, found.versions[-1])


@endpoint(
    bp,
    "/reports/<int:report_id>/review",
    "POST",
    summary="Accept a submitted report, or return it with comments (the Office)",
    tag="reports",
    body=schemas.ReviewIn,
    response=schemas.ReportDetailOut,
    errors=(403, 404, 409),
    permission=Permission.REVIEW_REPORTS,
)
def review_report(report_id: int, body: schemas.ReviewIn):
    found = _report(report_id)
    report_service.review(
        current_user._get_current_object(),
        found,
        decision=body.decision,
        comment=body.comment,
        section_comments=dict(body.section_comments),
        version=body.version,
    )
    return serialise.report_detail(found, found.versions[-1])


@endpoint(
    bp,
    "/compliance",
    "GET",
    summary="Every expected report of a kind and year, and whether it came on time",
    tag="reports",
    query=schemas.ComplianceQuery,
    response=schemas.ComplianceOut,
    errors=(403,),
    permission=Permission.VIEW_REPORTS,
    description="The same figures as the compliance grid: one row per (agency, period) that "
    "an agreement made the agency owe, with its report when one was filed.",
)
def compliance_rows(query: schemas.ComplianceQuery):
    today = calendar.today_local()
    visible = None if sees_all_agencies(current_user) else sorted(own_agency_ids(current_user))
    result = compliance.grid(ReportKind(query.kind), query.year, today=today, agency_ids=visible)
    codes = dict(db.session.execute(sa.select(Agency.id, Agency.code)).all())
    items = [
        schemas.ComplianceRow(
            agency=codes[row.agency_id],
            period=row.period.label,
            due_date=row.deadline,
            timeliness=row.timeliness,
            report_id=row.report.id if row.report else None,
        )
        for row in sorted(result.cells.values(), key=lambda r: (codes[r.agency_id], r.period.label))
    ]
    return schemas.ComplianceOut(kind=ReportKind(query.kind), year=query.year, items=items)


@endpoint(
    bp,
    "/summaries/<term>",
    "GET",
    summary="A term's review figures: per agency, bloc totals and issue counts",
    tag="summaries",
    query=schemas.SummaryQuery,
    response=schemas.SummaryOut,
    errors=(403, 404),
    permission=Permission.DOWNLOAD_OWN_SUMMARY,
    cached=True,
    description="The same figures as the term's PDF (/summaries/<term>.pdf). Reports expected "
    "are the periodic reports whose cut-off falls in the term up to the data cut-off, exactly "
    "as the compliance grid counts them. A liaison gets their own agency's figures only.",
)
def summary(term: str, query: schemas.SummaryQuery):
    agency_id = _agency_id(query.agency) if query.agency else None
    if query.agency and agency_id is None:
        raise ApiError(404, _("There is no such agency."))
    if not has_permission(current_user, Permission.DOWNLOAD_SUMMARIES):
        if agency_id is None:
            agency_id = current_user.agency_id
        if agency_id not in own_agency_ids(current_user):
            raise ApiError(404, _("There is no such agency."))
    if summaries.term_by_name(term) is None:
        raise ApiError(404, _("There is no term %(term)s.", term=term))
    result = summaries.build(
        current_user, summaries.scope_for(term=term, agency_id=agency_id), text=False
    )
    return serialise.summary(result)


# -- issues --------------------------------------------------------------------------------------


def _issue(issue_id: int):
    return visible_or_404(db.session.scalar(issue_service.detail_query(issue_id)), can_view_issue)


@endpoint(
    bp,
    "/issues",
    "GET",
    summary="Issues the caller may see, in the Office's queue order",
    tag="issues",
    query=schemas.IssueQuery,
    response=schemas.Page[schemas.IssueOut],
    errors=(403,),
    permission=Permission.VIEW_ISSUES,
    description="An issue is seen by the Office, leadership and its reporting and responsible "
    "agencies only. New unassigned issues first, then the most sensitive, then the oldest.",
)
def issues(query: schemas.IssueQuery):
    today = calendar.today_local()
    filters = issue_service.Filters(
        status=query.status,
        sensitivity=query.sensitivity,
        field=query.field,
        source=query.source,
        agency_id=_agency_id(query.agency),
        seen_from=query.first_seen_from,
        seen_to=query.first_seen_to,
        search=query.q,
        open_only=query.open,
        overdue=query.overdue,
        escalated=query.escalated,
        unassigned=query.unassigned,
    )
    stmt = issue_service.list_query(current_user, filters, today)
    return _page(stmt, query, lambda i: serialise.issue(i, today))


@endpoint(
    bp,
    "/issues/<int:issue_id>",
    "GET",
    summary="An issue with its timeline",
    tag="issues",
    response=schemas.IssueDetailOut,
    errors=(403, 404),
    permission=Permission.VIEW_ISSUES,
)
def issue(issue_id: int):
    return serialise.issue_detail(_issue(issue_id))


@endpoint(
    bp,
    "/issues",
    "POST",
    summary="Flag an issue (a liaison for their agency, or the Office)",
    tag="issues",
    body=schemas.IssueCreate,
    response=schemas.IssueDetailOut,
    status=201,
    errors=(403,),
    permission=Permission.FLAG_ISSUES,
    description="It starts as new, with the response deadline of its sensitivity. Refused "
    "(422, nothing written): a first-seen day in the future, a district from 1 July 2025, an "
    "unknown responsible agency, an agreement or clause the caller may not see.",
)
def flag_issue(body: schemas.IssueCreate):
    if current_user.agency_id is None:
        raise ApiError(403, _("Your account belongs to no agency."))
    responsible = _agency_id(body.responsible_agency)
    created = issue_service.flag(
        current_user._get_current_object(),
        {
            **body.model_dump(exclude={"first_seen", "responsible_agency"}),
            "first_seen_on": body.first_seen,
            "responsible_agency_id": responsible,
        },
    )
    db.session.flush()
    db.session.expire(created)
    return serialise.issue_detail(_issue(created.id))


@endpoint(
    bp,
    "/issues/<int:issue_id>",
    "PATCH",
    summary="Change an issue's status or assignment (the Office)",
    tag="issues",
    body=schemas.IssuePatch,
    response=schemas.IssueDetailOut,
    errors=(403, 404, 409),
    permission=Permission.TRIAGE_ISSUES,
    description="Status changes follow one table; anything else is refused (422). A dismissal "
    "needs a comment saying why. Issues are assigned to Office staff only. Send the version "
    "you read: a stale one gets 409 and nothing is written.",
)
def update_issue(issue_id: int, body: schemas.IssuePatch):
    found = _issue(issue_id)
    actor = current_user._get_current_object()
    if body.version != found.version_id:
        raise ConflictError()
    if body.assignee is not None:
        person = db.session.scalar(sa.select(User).where(User.username == body.assignee))
        issue_service.assign(actor, found, person.id if person else None)
    if body.status is not None:
        issue_service.transition(actor, found, body.status, comment=body.comment)
    db.session.flush()
    db.session.expire(found)
    return serialise.issue_detail(_issue(found.id))

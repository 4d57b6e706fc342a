"""Flagged public-opinion issues: flagging, the Office's triage (assignment, status, escalation),
response deadlines, the frozen timeline, and the figures of the home pages.

Every query starts from ``issues_visible_to``: an issue is seen only by the Office,
leadership, and its reporting and responsible agencies, in lists, counts, searches, exports
and details alike. Every figure and the list it links to come from ``filtered()``: the count
is that query counted and the link carries the same ``Filters``, so the two never disagree.

Who may act is checked by the views (``tracker.permissions``); these functions check the rules
of the records themselves and raise ``ValidationError`` (nothing written) or ``ConflictError``.
Services flush and audit; the caller commits.
"""

import statistics
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from rapidfuzz import fuzz, process
from sqlalchemy.orm import joinedload, raiseload, selectinload

from tracker.enums import (
    OPEN_ISSUE_STATUSES,
    AuditAction,
    IssueEventKind,
    IssueSource,
    IssueStatus,
    Role,
    Sector,
    Sensitivity,
)
from tracker.extensions import db
from tracker.formatting import fmt_date
from tracker.labels import label
from tracker.models import (
    SENSITIVITY_ORDER,
    Agency,
    Agreement,
    Commitment,
    Issue,
    IssueEvent,
    Report,
    User,
)
from tracker.models.base import utcnow
from tracker.permissions import agreements_visible_to, issue_visibility_key, issues_visible_to
from tracker.services import attachments, calendar, figure_cache, settings
from tracker.services.audit import record, snapshot
from tracker.services.errors import ConflictError, ValidationError
from tracker.services.validation import (
    clean_date,
    clean_enum,
    clean_text,
    clean_url,
    require,
)
from tracker.text import normalise

S = IssueStatus

#: The one table of status changes: anything else is refused.
TRANSITIONS: dict[IssueStatus, tuple[IssueStatus, ...]] = {
    S.NEW: (S.UNDER_REVIEW, S.DISMISSED),
    S.UNDER_REVIEW: (S.BEING_HANDLED, S.DISMISSED),
    S.BEING_HANDLED: (S.RESOLVED,),
    S.RESOLVED: (S.CLOSED,),
    S.CLOSED: (),
    S.DISMISSED: (),
}

#: "High or critical": the sensitivities leadership watches.
HIGH_SENSITIVITIES = (Sensitivity.HIGH, Sensitivity.CRITICAL)
#: From this day the province has two tiers: communes, no districts.
TWO_TIER = date(2025, 7, 1)
#: What a flag or an edit sets, in the audit's before/after.
ISSUE_FIELDS = (
    "title",
    "summary",
    "field",
    "source",
    "source_outlet",
    "source_url",
    "source_date",
    "district",
    "commune",
    "first_seen_on",
    "sensitivity",
    "responsible_agency_id",
    "agreement_id",
    "commitment_id",
    "response_due_on",
)
MAX_SUMMARY = 5000
MAX_COMMENT = 5000
#: Similar titles: how alike (0–100, rapidfuzz's WRatio, which also matches a title still
#: being typed) and how many to show.
SIMILAR_CUTOFF = 80
SIMILAR_LIMIT = 5


@dataclass(frozen=True)
class Filters:
    """What a list of issues is narrowed to; every figure's link carries these.

    ``query_args()`` gives them as the list page's query parameters (the names of
    ``tracker.issues.routes.FILTERS``)."""

    status: IssueStatus | None = None
    sensitivity: Sensitivity | None = None
    field: Sector | None = None
    source: IssueSource | None = None
    agency_id: int | None = None
    district: str | None = None
    commune: str | None = None
    seen_from: date | None = None
    seen_to: date | None = None
    search: str | None = None
    open_only: bool = False
    high_only: bool = False
    overdue: bool = False
    escalated: bool = False
    unassigned: bool = False
    agreement_id: int | None = None
    commitment_id: int | None = None
    #: Reported by this agency / in this agency's charge (a summary's per-agency figures).
    reporting_id: int | None = None
    responsible_id: int | None = None

    def query_args(self) -> dict[str, str]:
        names = {
            "agency_id": "agency",
            "search": "q",
            "open_only": "open",
            "high_only": "high",
            "seen_from": "from",
            "seen_to": "to",
            "agreement_id": "agreement",
            "commitment_id": "commitment",
            "reporting_id": "reporting",
            "responsible_id": "responsible",
        }
        out = {}
        for key in _FILTER_NAMES:
            value = getattr(self, key)
            if value is None or value is False:
                continue
            if value is True:
                value = "1"
            out[names.get(key, key)] = str(getattr(value, "value", value))
        return out


#: The filters' names, in order (``query_args`` walks them for every figure's link).
_FILTER_NAMES = tuple(f.name for f in fields(Filters))


# -- queries -------------------------------------------------------------------------------------


def is_overdue(today: date):
    """SQL: an open issue whose response deadline has passed."""
    return sa.and_(
        Issue.status.in_(OPEN_ISSUE_STATUSES),
        Issue.response_due_on.is_not(None),
        Issue.response_due_on < today,
    )


def filtered(user, filters: Filters, today: date | None = None) -> sa.Select:
    """The issues ``user`` may see, narrowed by ``filters`` (overdue as of ``today``).
    Unordered, unloaded: the base of the list, its counts and its exports."""
    today = today or calendar.today_local()
    f = filters
    stmt = issues_visible_to(user, sa.select(Issue))
    if f.status is not None:
        stmt = stmt.where(Issue.status == f.status)
    if f.open_only:
        stmt = stmt.where(Issue.status.in_(OPEN_ISSUE_STATUSES))
    if f.sensitivity is not None:
        stmt = stmt.where(Issue.sensitivity == f.sensitivity)
    if f.high_only:
        stmt = stmt.where(Issue.sensitivity.in_(HIGH_SENSITIVITIES))
    if f.field is not None:
        stmt = stmt.where(Issue.field == f.field)
    if f.source is not None:
        stmt = stmt.where(Issue.source == f.source)
    if f.agency_id is not None:
        stmt = stmt.where(
            sa.or_(
                Issue.reporting_agency_id == f.agency_id,
                Issue.responsible_agency_id == f.agency_id,
            )
        )
    if f.district:
        stmt = stmt.where(Issue.district == f.district)
    if f.commune:
        stmt = stmt.where(Issue.commune == f.commune)
    if f.seen_from is not None:
        stmt = stmt.where(Issue.first_seen_on >= f.seen_from)
    if f.seen_to is not None:
        stmt = stmt.where(Issue.first_seen_on <= f.seen_to)
    if f.search:
        stmt = stmt.where(Issue.search_norm.contains(normalise(f.search), autoescape=True))
    if f.overdue:
        stmt = stmt.where(is_overdue(today))
    if f.escalated:
        stmt = stmt.where(Issue.escalated_at.is_not(None))
    if f.unassigned:
        stmt = stmt.where(Issue.assignee_id.is_(None))
    if f.agreement_id is not None:
        stmt = stmt.where(Issue.agreement_id == f.agreement_id)
    if f.commitment_id is not None:
        stmt = stmt.where(Issue.commitment_id == f.commitment_id)
    if f.reporting_id is not None:
        stmt = stmt.where(Issue.reporting_agency_id == f.reporting_id)
    if f.responsible_id is not None:
        stmt = stmt.where(Issue.responsible_agency_id == f.responsible_id)
    return stmt


#: The Office's queue: new issues nobody has taken first, then the most sensitive, then the
#: oldest.
QUEUE_ORDER = (
    sa.case((sa.and_(Issue.status == S.NEW, Issue.assignee_id.is_(None)), 0), else_=1),
    SENSITIVITY_ORDER,
    Issue.first_seen_on,
    Issue.id,
)


def list_query(user, filters: Filters | None = None, today: date | None = None) -> sa.Select:
    """The list page (and its exports): the filtered issues in the queue's order, with their
    agencies and assignee loaded."""
    return (
        filtered(user, filters or Filters(), today)
        .options(
            joinedload(Issue.reporting_agency),
            joinedload(Issue.responsible_agency),
            joinedload(Issue.assignee),
            raiseload("*"),
        )
        .order_by(*QUEUE_ORDER)
    )


def detail_query(issue_id: int) -> sa.Select:
    """One issue with its agencies, assignee, agreement and clause, files and timeline (each
    event with its author)."""
    return (
        sa.select(Issue)
        .where(Issue.id == issue_id)
        .options(
            joinedload(Issue.reporting_agency),
            joinedload(Issue.responsible_agency),
            joinedload(Issue.assignee),
            joinedload(Issue.escalated_by),
            joinedload(Issue.agreement).selectinload(Agreement.parties),
            joinedload(Issue.commitment),
            selectinload(Issue.attachments),
            selectinload(Issue.events).options(joinedload(IssueEvent.actor), raiseload("*")),
            raiseload("*"),
        )
    )


def open_query(user) -> sa.Select:
    """Open issues ``user`` may see, in the queue's order."""
    return filtered(user, Filters(open_only=True)).options(raiseload("*")).order_by(*QUEUE_ORDER)


def escalated_query(user) -> sa.Select:
    """Open issues raised to leadership, the most recently raised first."""
    return (
        filtered(user, Filters(open_only=True, escalated=True))
        .options(joinedload(Issue.responsible_agency), raiseload("*"))
        .order_by(Issue.escalated_at.desc(), Issue.id.desc())
    )


def count(stmt: sa.Select) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(stmt.order_by(None).subquery()))


def office_staff_query() -> sa.Select:
    """The people an issue may be assigned to: active Office staff."""
    return (
        sa.select(User)
        .where(User.role == Role.OFFICE, User.active.is_(True))
        .options(raiseload("*"))
        .order_by(User.full_name, User.id)
    )


def responsible_agencies_query(on: date | None = None) -> sa.Select:
    """The agencies an issue may be given to: active departments (not the Office) that
    exist today."""
    on = on or calendar.today_local()
    return (
        sa.select(Agency)
        .where(
            Agency.active.is_(True),
            Agency.is_office.is_(False),
            sa.or_(Agency.dissolved_on.is_(None), Agency.dissolved_on > on),
        )
        .options(raiseload("*"))
        .order_by(Agency.code)
    )


def suggested_agencies(on: date | None = None) -> dict[str, int]:
    """Per field, the department in charge of it today (the flag form's suggestion)."""
    out: dict[str, int] = {}
    for agency in db.session.scalars(responsible_agencies_query(on)):
        if agency.primary_field is not None:
            out.setdefault(agency.primary_field.value, agency.id)
    return out


def agreement_choices(user) -> list[Agreement]:
    """The agreements ``user`` may link an issue to (those they may see), newest first."""
    return list(
        db.session.scalars(
            agreements_visible_to(user, sa.select(Agreement))
            .options(raiseload("*"))
            .order_by(Agreement.signed_on.desc().nulls_last(), Agreement.id.desc())
        )
    )


def commitment_choices(user) -> list[Commitment]:
    """The clauses of those agreements, by agreement and position."""
    ids = agreements_visible_to(user, sa.select(Agreement.id))
    return list(
        db.session.scalars(
            sa.select(Commitment)
            .where(Commitment.agreement_id.in_(ids), Commitment.cancelled_at.is_(None))
            .options(raiseload("*"))
            .order_by(Commitment.agreement_id.desc(), Commitment.position)
        )
    )


def _open_titles(user) -> tuple:
    """The open issues ``user`` may see, as (id, title, title_norm, status, first_seen_on)
    rows; cached (``figure_cache``) per visibility until an issue is written, since every
    issue page and every keystroke of a new issue's title compares against them all."""

    def load() -> tuple:
        return tuple(
            db.session.execute(
                filtered(user, Filters(open_only=True)).with_only_columns(
                    Issue.id, Issue.title, Issue.title_norm, Issue.status, Issue.first_seen_on
                )
            ).all()
        )

    return figure_cache.cached(
        "open_issue_titles", issue_visibility_key(user), load, topic=figure_cache.ISSUES
    )


def similar(user, title: str, *, exclude_id: int | None = None) -> list[dict[str, Any]]:
    """Open issues ``user`` may see whose title is like ``title`` (accents and case
    ignored), the most alike first: so the same matter is not flagged twice."""
    wanted = normalise(title or "")
    if len(wanted) < 4:
        return []
    rows = [r for r in _open_titles(user) if r.id != exclude_id]
    choices = {i: r.title_norm for i, r in enumerate(rows)}
    found = process.extract(
        wanted,
        choices,
        scorer=fuzz.WRatio,
        score_cutoff=SIMILAR_CUTOFF,
        limit=SIMILAR_LIMIT,
    )
    return [
        {
            "id": rows[key].id,
            "title": rows[key].title,
            "status": rows[key].status,
            "first_seen_on": rows[key].first_seen_on,
            "score": round(score),
        }
        for _match, score, key in found
    ]


# -- flagging and editing ------------------------------------------------------------------------


def default_response_due(sensitivity: Sensitivity, first_seen_on: date) -> date:
    """The response deadline an issue gets unless the Office sets another: so many days after
    it was first seen, by sensitivity (an administrator's setting)."""
    return first_seen_on + timedelta(days=settings.response_days(sensitivity))


def _clean(actor, values: dict, *, today: date, triage: bool, history: bool = False) -> dict:
    out: dict[str, Any] = {}
    out["title"] = clean_text(values.get("title"), "title", required=True, max_length=300)
    out["summary"] = clean_text(
        values.get("summary"), "summary", required=True, max_length=MAX_SUMMARY, multiline=True
    )
    out["field"] = clean_enum(Sector, values.get("field"), "field")
    out["source"] = clean_enum(IssueSource, values.get("source"), "source")
    out["source_outlet"] = clean_text(
        values.get("source_outlet"), "source_outlet", required=False, max_length=200
    )
    out["source_url"] = clean_url(values.get("source_url"), "source_url")
    out["source_date"] = clean_date(values.get("source_date"), "source_date", required=False)
    if out["source_date"] is not None:
        require(
            out["source_date"] <= today,
            _("The source's date cannot be in the future."),
            "source_date",
        )
    seen = clean_date(values.get("first_seen_on"), "first_seen_on")
    require(
        seen <= today,
        _("The day it was first seen cannot be after today (%(today)s).", today=fmt_date(today)),
        "first_seen_on",
    )
    require(seen.year >= 2000, _("Enter a day from 2000 on."), "first_seen_on")
    out["first_seen_on"] = seen
    out["district"] = clean_text(values.get("district"), "district", required=False, max_length=100)
    out["commune"] = clean_text(values.get("commune"), "commune", required=False, max_length=100)
    if seen >= TWO_TIER:
        require(
            not out["district"],
            _("From 1 July 2025 there are no districts: give the commune only."),
            "district",
        )
    out["sensitivity"] = clean_enum(Sensitivity, values.get("sensitivity"), "sensitivity")
    out["responsible_agency_id"] = _responsible(
        values.get("responsible_agency_id"), out["field"], on=seen if history else None
    )
    if history:  # the importer finds the agreement and clause by their numbers
        out["agreement_id"] = values.get("agreement_id")
        out["commitment_id"] = values.get("commitment_id")
    else:
        out["agreement_id"], out["commitment_id"] = _agreement_and_clause(
            actor, values.get("agreement_id"), values.get("commitment_id")
        )
    due = values.get("response_due_on") if triage else None
    if due in (None, ""):
        out["response_due_on"] = None  # filled by the caller from the setting
    else:
        due = clean_date(due, "response_due_on")
        require(
            due >= seen,
            _("The response deadline cannot be before the day it was first seen."),
            "response_due_on",
        )
        out["response_due_on"] = due
    return out


def _responsible(value, field: Sector, *, on: date | None = None) -> int:
    """The responsible agency chosen, or, when none was, the department in charge of the
    field today (the suggestion the form shows). With ``on`` (an issue of the history), a
    department that existed that day, though it may have been merged or closed since."""
    if on is not None and value not in (None, ""):
        agency = db.session.get(Agency, int(value))
        require(
            agency is not None and not agency.is_office and agency.exists_on(on),
            _(
                "The responsible agency must be a department that existed on the day the issue "
                "was first seen."
            ),
            "responsible_agency_id",
        )
        return agency.id
    if value in (None, ""):
        suggested = suggested_agencies(on).get(field.value)
        require(suggested is not None, _("Choose the responsible agency."), "responsible_agency_id")
        return suggested
    try:
        agency_id = int(value)
    except (TypeError, ValueError):
        raise ValidationError(
            _("Choose the responsible agency."), "responsible_agency_id"
        ) from None
    allowed = db.session.scalars(
        responsible_agencies_query().with_only_columns(Agency.id).where(Agency.id == agency_id)
    ).first()
    require(allowed is not None, _("Choose the responsible agency."), "responsible_agency_id")
    return agency_id


def _agreement_and_clause(
    actor, agreement_value, commitment_value
) -> tuple[int | None, int | None]:
    """The agreement and clause an issue bears on: both optional, both among those the actor
    may see, and the clause under the agreement."""
    agreement_id = _optional_id(agreement_value, "agreement_id")
    commitment_id = _optional_id(commitment_value, "commitment_id")
    visible = agreements_visible_to(actor, sa.select(Agreement.id))
    if commitment_id is not None:
        commitment = db.session.get(Commitment, commitment_id)
        require(
            commitment is not None
            and db.session.scalar(visible.where(Agreement.id == commitment.agreement_id))
            is not None,
            _("Choose a commitment from the list."),
            "commitment_id",
        )
        require(
            agreement_id in (None, commitment.agreement_id),
            _("This commitment belongs to another agreement."),
            "commitment_id",
        )
        return commitment.agreement_id, commitment_id
    if agreement_id is not None:
        require(
            db.session.scalar(visible.where(Agreement.id == agreement_id)) is not None,
            _("Choose an agreement from the list."),
            "agreement_id",
        )
    return agreement_id, None


def _optional_id(value, name: str) -> int | None:
    if value in (None, "", 0, "0"):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(_("Choose a value from the list."), name) from None
    require(1 <= number <= 2**31 - 1, _("Choose a value from the list."), name)
    return number


def _event(issue: Issue, actor, kind: IssueEventKind, **values) -> IssueEvent:
    event = IssueEvent(issue_id=issue.id, actor_id=getattr(actor, "id", None), kind=kind, **values)
    db.session.add(event)
    return event


def flag(actor, values: dict, *, report: Report | None = None) -> Issue:
    """Flag an issue: a liaison for their agency, or the Office. It starts as new, with the
    response deadline of its sensitivity (the Office may set another). Flagged from inside a
    report, it is linked to that report.

    Raises ValidationError (nothing written): a missing title or summary, an unknown field,
    source or sensitivity, a first-seen day in the future, a district after 1 July 2025, a
    responsible agency that is not an active department, an agreement or clause the actor may
    not see or that do not match."""
    today = calendar.today_local()
    triage = getattr(actor, "role", None) == Role.OFFICE
    cleaned = _clean(actor, values, today=today, triage=triage)
    require(
        getattr(actor, "agency_id", None) is not None,
        _("Your account belongs to no agency."),
    )
    if cleaned["response_due_on"] is None:
        cleaned["response_due_on"] = default_response_due(
            cleaned["sensitivity"], cleaned["first_seen_on"]
        )
    issue = Issue(
        reporting_agency_id=actor.agency_id,
        created_by_id=actor.id,
        status=S.NEW,
        **cleaned,
    )
    db.session.add(issue)
    db.session.flush()
    _event(
        issue, actor, IssueEventKind.CREATED, to_status=S.NEW, data={"source": issue.source.value}
    )
    if report is not None:
        report.issues.append(issue)
        _event(
            issue,
            actor,
            IssueEventKind.LINKED_REPORT,
            data={
                "report_id": report.id,
                "report_kind": report.kind.value,
                "period": report.period,
            },
        )
    db.session.flush()
    record(actor, AuditAction.CREATE, issue, after=snapshot(issue, ISSUE_FIELDS))
    return issue


def clean_imported(values: dict) -> dict:
    """An issue of the history brought in by the import, under the rules of ``flag`` with the
    Office's triage (its own response deadline): a title and summary, known field, source
    and sensitivity, a first-seen day not in the future, no district from 1 July 2025, and a
    responsible department that existed on the first-seen day. The agreement and clause
    (``agreement_id``, ``commitment_id``) are taken as given: the importer finds them by their
    numbers. The response deadline defaults to the sensitivity's. Raises ValidationError
    naming the field."""
    cleaned = _clean(None, values, today=calendar.today_local(), triage=True, history=True)
    if cleaned["response_due_on"] is None:
        cleaned["response_due_on"] = default_response_due(
            cleaned["sensitivity"], cleaned["first_seen_on"]
        )
    return cleaned


def _check_version(issue: Issue, version: int | None) -> None:
    if version is not None and version != issue.version_id:
        raise ConflictError()


def update(actor, issue: Issue, values: dict, *, version: int | None = None) -> Issue:
    """Edit an issue under the rules of ``flag``; the timeline records what changed. Only the
    Office changes the response deadline (left empty, it follows the sensitivity).

    Raises ValidationError as ``flag`` does, ConflictError when someone saved the issue since
    ``version`` was read."""
    _check_version(issue, version)
    triage = getattr(actor, "role", None) == Role.OFFICE
    cleaned = _clean(actor, values, today=calendar.today_local(), triage=triage)
    if cleaned["response_due_on"] is None:
        if triage or cleaned["sensitivity"] != issue.sensitivity:
            cleaned["response_due_on"] = default_response_due(
                cleaned["sensitivity"], cleaned["first_seen_on"]
            )
        else:
            cleaned["response_due_on"] = issue.response_due_on
    before = snapshot(issue, ISSUE_FIELDS)
    for key, value in cleaned.items():
        setattr(issue, key, value)
    after = snapshot(issue, ISSUE_FIELDS)
    changed = [k for k in ISSUE_FIELDS if before[k] != after[k]]
    if not changed:
        return issue
    _event(
        issue,
        actor,
        IssueEventKind.UPDATED,
        data={"changed": {k: [before[k], after[k]] for k in changed}},
    )
    db.session.flush()
    record(
        actor,
        AuditAction.UPDATE,
        issue,
        before={k: before[k] for k in changed},
        after={k: after[k] for k in changed},
    )
    return issue


# -- triage ------------------------------------------------------------------------------------


def allowed_transitions(issue: Issue) -> tuple[IssueStatus, ...]:
    return TRANSITIONS[issue.status]


def transition(
    actor, issue: Issue, to: IssueStatus | str, *, comment: str = "", version: int | None = None
) -> Issue:
    """Move an issue along the one table (``TRANSITIONS``). A dismissal needs its reason.

    Raises ValidationError (nothing written) for a change the table does not allow or a
    dismissal without a reason; ConflictError for a stale ``version``."""
    _check_version(issue, version)
    target = clean_enum(IssueStatus, to, "status")
    note = clean_text(comment, "comment", required=False, max_length=MAX_COMMENT, multiline=True)
    require(
        target in TRANSITIONS[issue.status],
        _(
            "An issue that is %(current)s cannot become %(target)s.",
            current=_label(issue.status),
            target=_label(target),
        ),
        "status",
    )
    if target is S.DISMISSED:
        require(note, _("Say why the issue is dismissed."), "comment")
        issue.dismissed_reason = note
    now = utcnow()
    if target is S.RESOLVED:
        issue.resolved_at = now
    if target in (S.CLOSED, S.DISMISSED):
        issue.closed_at = now
    previous = issue.status
    issue.status = target
    _event(
        issue,
        actor,
        IssueEventKind.STATUS_CHANGED,
        from_status=previous,
        to_status=target,
        comment=note,
    )
    db.session.flush()
    record(
        actor,
        AuditAction.UPDATE,
        issue,
        before={"status": previous.value},
        after={"status": target.value, **({"comment": note} if note else {})},
        detail="status",
    )
    return issue


def _label(value) -> str:
    return str(label(value))


def assign(actor, issue: Issue, assignee_id, *, version: int | None = None) -> Issue:
    """Give an issue to an Office staff member (only them).

    Raises ValidationError (nothing written) when the person is not active Office staff or
    the issue is no longer open."""
    _check_version(issue, version)
    require(
        issue.status in OPEN_ISSUE_STATUSES,
        _("Only an open issue is assigned."),
        "assignee_id",
    )
    person_id = _optional_id(assignee_id, "assignee_id")
    person = db.session.get(User, person_id) if person_id is not None else None
    require(
        person is not None and person.role == Role.OFFICE and person.active,
        _("Issues are assigned to Office staff only: choose someone from the list."),
        "assignee_id",
    )
    if person.id == issue.assignee_id:
        return issue
    previous = issue.assignee_id
    issue.assignee = person
    _event(
        issue,
        actor,
        IssueEventKind.ASSIGNED,
        data={"assignee_id": person.id, "assignee": person.full_name, "previous_id": previous},
    )
    db.session.flush()
    record(
        actor,
        AuditAction.UPDATE,
        issue,
        before={"assignee_id": previous},
        after={"assignee_id": person.id},
        detail="assign",
    )
    return issue


def escalate(actor, issue: Issue, note: str, *, version: int | None = None) -> Issue:
    """Raise an open issue to leadership, saying why; it appears on their home page.

    Raises ValidationError (nothing written) without a note, for a closed issue, or one
    already escalated."""
    _check_version(issue, version)
    require(issue.status in OPEN_ISSUE_STATUSES, _("Only an open issue is escalated."))
    require(issue.escalated_at is None, _("This issue has already been escalated."))
    text = clean_text(note, "note", required=True, max_length=MAX_COMMENT, multiline=True)
    issue.escalated_at = utcnow()
    issue.escalated_by_id = actor.id
    _event(issue, actor, IssueEventKind.ESCALATED, comment=text)
    db.session.flush()
    record(
        actor,
        AuditAction.UPDATE,
        issue,
        before={"escalated": False},
        after={"escalated": True, "note": text},
        detail="escalate",
    )
    return issue


def comment(actor, issue: Issue, text: str, *, upload=None) -> IssueEvent:
    """A comment on the timeline, with a file as evidence if one is given (checked like every
    upload). Raises ValidationError (nothing written) when there is neither text nor file, or
    the file is refused."""
    body = clean_text(text, "comment", required=False, max_length=MAX_COMMENT, multiline=True)
    require(body or upload is not None, _("Write a comment or attach a file."), "comment")
    data = {}
    if upload is not None:
        try:
            stored = attachments.store(actor, issue, upload)
        except ValidationError as error:
            raise ValidationError(error.message, "file") from None
        data = {"attachment_id": stored.id, "name": stored.original_name}
    event = _event(issue, actor, IssueEventKind.COMMENTED, comment=body, data=data)
    db.session.flush()
    record(actor, AuditAction.CREATE, event, detail=f"issue:{issue.id}")
    return event


# -- figures -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A number and the filters of the list of exactly what it counts."""

    value: int
    filters: Filters


@dataclass
class Figures:
    """The issue figures of the home pages, each with its list's filters."""

    today: date
    open_total: Figure
    open_by_sensitivity: dict[Sensitivity, Figure]
    new_this_week: Figure
    overdue: Figure
    unassigned: Figure
    escalated: Figure
    median_days_to_resolve: float | None
    resolved_count: int
    #: (year, month) → field → figure, the last twelve months by first seen.
    per_field_month: dict[tuple[int, int], dict[Sector, Figure]] = field(default_factory=dict)
    months: list[tuple[int, int]] = field(default_factory=list)


def week_start(today: date) -> date:
    """Monday of the week of ``today``."""
    return today - timedelta(days=today.weekday())


def _months_back(today: date, n: int) -> list[tuple[int, int]]:
    year, month = today.year, today.month
    out = []
    for _step in range(n):
        out.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(out))


def _month_span(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def figures(user, today: date | None = None) -> Figures:
    """The figures of the issues ``user`` may see, as of ``today``; each counted with the
    query its list uses. The median days to resolve run from ``first_seen_on`` to the local
    date of ``resolved_at``. Cached (``figure_cache``) per visibility and day until an issue,
    an agency, a succession or a setting is written."""
    today = today or calendar.today_local()
    return figure_cache.cached(
        "home_issue_figures",
        (issue_visibility_key(user), today),
        lambda: _figures(user, today),
        topic=figure_cache.ISSUES,
    )


def _figures(user, today: date) -> Figures:

    def fig(filters: Filters) -> Figure:
        return Figure(count(filtered(user, filters, today)), filters)

    open_ = Filters(open_only=True)
    by_sens = dict(
        db.session.execute(
            filtered(user, open_, today)
            .with_only_columns(Issue.sensitivity, sa.func.count())
            .group_by(Issue.sensitivity)
        ).all()
    )
    resolved = db.session.execute(
        filtered(user, Filters(), today)
        .with_only_columns(Issue.first_seen_on, Issue.resolved_at)
        .where(Issue.resolved_at.is_not(None))
    ).all()
    days = [(calendar.local_date(r.resolved_at) - r.first_seen_on).days for r in resolved]
    months = _months_back(today, 12)
    first_month = _month_span(*months[0])[0]
    per: dict[tuple[int, int], dict[Sector, Figure]] = {m: {} for m in months}
    rows = db.session.execute(
        filtered(user, Filters(seen_from=first_month, seen_to=today), today).with_only_columns(
            Issue.field, Issue.first_seen_on
        )
    ).all()
    tally: dict[tuple[int, int, Sector], int] = {}
    for row in rows:
        key = (row.first_seen_on.year, row.first_seen_on.month, Sector(row.field))
        tally[key] = tally.get(key, 0) + 1
    for year, month in months:
        first, last = _month_span(year, month)
        for sector in Sector:
            per[(year, month)][sector] = Figure(
                tally.get((year, month, sector), 0),
                Filters(field=sector, seen_from=first, seen_to=min(last, today)),
            )
    return Figures(
        today=today,
        open_total=Figure(sum(by_sens.values()), open_),
        open_by_sensitivity={
            s: Figure(by_sens.get(s, 0), replace(open_, sensitivity=s)) for s in Sensitivity
        },
        new_this_week=fig(Filters(seen_from=week_start(today), seen_to=today)),
        overdue=fig(Filters(overdue=True)),
        unassigned=fig(Filters(open_only=True, unassigned=True)),
        escalated=fig(Filters(open_only=True, escalated=True)),
        median_days_to_resolve=statistics.median(days) if days else None,
        resolved_count=len(days),
        per_field_month=per,
        months=months,
    )


def figures_open_high(user, today: date | None = None) -> Figure:
    """Open issues that are highly or extremely sensitive (leadership's headline)."""
    filters = Filters(open_only=True, high_only=True)
    return figure_cache.cached(
        "open_high",
        issue_visibility_key(user),
        lambda: Figure(count(filtered(user, filters, today)), filters),
        topic=figure_cache.ISSUES,
    )


def status_figures(user, since: date | None = None) -> dict[IssueStatus, Figure]:
    """The issues first seen since a day (all, without one), by status."""
    base = Filters(seen_from=since)

    def compute() -> dict[IssueStatus, Figure]:
        counts = dict(
            db.session.execute(
                filtered(user, base)
                .with_only_columns(Issue.status, sa.func.count())
                .group_by(Issue.status)
            ).all()
        )
        return {s: Figure(counts.get(s, 0), replace(base, status=s)) for s in IssueStatus}

    return figure_cache.cached(
        "status_figures", (issue_visibility_key(user), since), compute, topic=figure_cache.ISSUES
    )

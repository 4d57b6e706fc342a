"""Commitments (nội dung phối hợp): proposing, confirming, editing, cancelling, and following
each clause to done with dated progress updates; and the figures of the agency and bloc pages.

Who may do what is checked by the views (``tracker.permissions``); these functions check the
rules of the records themselves. Every figure and the list it links to come from
``filtered()``: the count is that query counted, the link carries its filters, so the two can
never disagree. Services flush and audit; the caller commits.
"""

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload, raiseload, selectinload

from tracker.enums import (
    AgreementStatus,
    AuditAction,
    CommitmentStatus,
    Metric,
    Recurrence,
    Role,
    Sector,
)
from tracker.extensions import db
from tracker.formatting import fmt_date
from tracker.models import (
    Agreement,
    AgreementParty,
    Commitment,
    CommitmentUpdate,
    CommitmentUpdateFigure,
    Term,
    commitment_status,
)
from tracker.models.base import utcnow
from tracker.permissions import commitments_visible_to
from tracker.services import attachments, calendar
from tracker.services.audit import record, snapshot
from tracker.services.errors import ConflictError
from tracker.services.validation import (
    clean_date,
    clean_enum,
    clean_int,
    clean_text,
    clean_url,
    require,
)
from tracker.text import normalise

COMMITMENT_FIELDS = (
    "responsible_agency_id",
    "field",
    "title",
    "description",
    "evidence_expected",
    "due_date",
    "recurrence",
)
#: How a list may be sorted: name → (column, descending first?).
SORTS = {
    "due": (Commitment.due_date, False),
    "title": (Commitment.title, False),
    "progress": (Commitment.progress, True),
    "updated": (Commitment.last_update_on, True),
    "agency": (Commitment.responsible_agency_id, False),
}
MAX_FIGURE = 10_000_000


@dataclass(frozen=True)
class Filters:
    """What a list of commitments is narrowed to; every figure's link carries these."""

    term_id: int | None = None
    agency_id: int | None = None
    field: Sector | None = None
    status: CommitmentStatus | None = None
    due_from: date | None = None
    due_to: date | None = None
    search: str | None = None
    proposed: bool = False
    agreement_id: int | None = None


# -- queries -------------------------------------------------------------------------------------


def filtered(user, filters: Filters, today: date | None = None) -> sa.Select:
    """The commitments ``user`` may see, narrowed by ``filters``; the status is as of
    ``today``. Unordered, unloaded: the base of the list, its counts and its exports."""
    today = today or calendar.today_local()
    stmt = commitments_visible_to(user, sa.select(Commitment))
    if filters.term_id is not None or filters.agreement_id is not None:
        stmt = stmt.join(Agreement, Commitment.agreement_id == Agreement.id)
    if filters.term_id is not None:
        stmt = stmt.where(Agreement.term_id == filters.term_id)
    if filters.agreement_id is not None:
        stmt = stmt.where(Commitment.agreement_id == filters.agreement_id)
    if filters.agency_id is not None:
        stmt = stmt.where(Commitment.responsible_agency_id == filters.agency_id)
    if filters.field is not None:
        stmt = stmt.where(Commitment.field == filters.field)
    if filters.status is not None:
        stmt = stmt.where(commitment_status(today) == filters.status)
    if filters.due_from is not None:
        stmt = stmt.where(Commitment.due_date >= filters.due_from)
    if filters.due_to is not None:
        stmt = stmt.where(Commitment.due_date <= filters.due_to)
    if filters.search:
        stmt = stmt.where(
            Commitment.search_norm.contains(normalise(filters.search), autoescape=True)
        )
    if filters.proposed:
        stmt = stmt.where(Commitment.confirmed.is_(False))
    return stmt


def list_query(
    user, filters: Filters, *, sort: str = "due", descending: bool | None = None, today=None
) -> sa.Select:
    """The list page: commitments with their agreement, its term and the responsible agency
    loaded, sorted (due date by default, undated last). Their status (``status_on(today)``)
    follows the same rule as the filter."""
    today = today or calendar.today_local()
    column, desc_first = SORTS.get(sort, SORTS["due"])
    desc = desc_first if descending is None else descending
    order = column.desc().nulls_last() if desc else column.asc().nulls_last()
    return (
        filtered(user, filters, today)
        .options(
            joinedload(Commitment.agreement).joinedload(Agreement.term),
            joinedload(Commitment.responsible_agency),
            raiseload("*"),
        )
        .order_by(order, Commitment.id)
    )


def detail_query(commitment_id: int) -> sa.Select:
    """One commitment with its agreement (and parties, for the checks), its agency and its
    updates, each with its author, figures and files."""
    return (
        sa.select(Commitment)
        .where(Commitment.id == commitment_id)
        .options(
            joinedload(Commitment.agreement).options(
                joinedload(Agreement.term),
                selectinload(Agreement.parties).joinedload(AgreementParty.agency),
            ),
            joinedload(Commitment.responsible_agency),
            joinedload(Commitment.proposed_by),
            joinedload(Commitment.confirmed_by),
            selectinload(Commitment.updates).options(
                joinedload(CommitmentUpdate.author),
                selectinload(CommitmentUpdate.figures),
                selectinload(CommitmentUpdate.attachments),
                raiseload("*"),
            ),
            raiseload("*"),
        )
    )


def count(stmt: sa.Select) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(stmt.order_by(None).subquery()))


@dataclass
class AgencyFigures:
    """One agency's commitments in a selection: by status, and their average progress."""

    agency_id: int
    by_status: dict[CommitmentStatus, int] = field(default_factory=dict)
    progress_sum: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def average_progress(self) -> int | None:
        counted = self.total - self.by_status.get(CommitmentStatus.CANCELLED, 0)
        return round(self.progress_sum / counted) if counted else None


def figures_by_agency(
    user, filters: Filters, today: date | None = None
) -> dict[int, AgencyFigures]:
    """Per responsible agency, its commitments by status (the list's query, grouped) and the
    sum of the progress of those not cancelled."""
    today = today or calendar.today_local()
    progress = sa.case((Commitment.cancelled_at.is_(None), Commitment.progress), else_=0)
    # Grouped outside a subquery: PostgreSQL would not match a CASE with bound parameters in
    # the select list to its copy in GROUP BY.
    inner = (
        filtered(user, filters, today)
        .with_only_columns(
            Commitment.responsible_agency_id.label("agency_id"),
            commitment_status(today).label("status"),
            progress.label("progress"),
        )
        .subquery()
    )
    stmt = sa.select(
        inner.c.agency_id,
        inner.c.status,
        sa.func.count(),
        sa.func.coalesce(sa.func.sum(inner.c.progress), 0),
    ).group_by(inner.c.agency_id, inner.c.status)
    out: dict[int, AgencyFigures] = {}
    for agency_id, status_value, number, progress_sum in db.session.execute(stmt):
        figures = out.setdefault(agency_id, AgencyFigures(agency_id))
        figures.by_status[CommitmentStatus(status_value)] = number
        figures.progress_sum += int(progress_sum or 0)
    return out


def latest_updates(user, filters: Filters, limit: int = 10) -> list[CommitmentUpdate]:
    """The newest progress updates on the commitments of a selection."""
    ids = filtered(user, filters).with_only_columns(Commitment.id)
    return list(
        db.session.scalars(
            sa.select(CommitmentUpdate)
            .where(CommitmentUpdate.commitment_id.in_(ids))
            .options(
                joinedload(CommitmentUpdate.commitment).joinedload(Commitment.responsible_agency),
                joinedload(CommitmentUpdate.author),
                raiseload("*"),
            )
            .order_by(CommitmentUpdate.recorded_on.desc(), CommitmentUpdate.id.desc())
            .limit(limit)
        )
    )


# -- recording commitments -----------------------------------------------------------------


def _party_ids(agreement: Agreement) -> set[int]:
    return {p.agency_id for p in agreement.parties}


def _clean(agreement: Agreement, values: dict) -> dict:
    out = {}
    agency_id = values.get("responsible_agency_id")
    require(
        agency_id in _party_ids(agreement),
        _("The responsible agency must be a party to the agreement."),
        "responsible_agency_id",
    )
    out["responsible_agency_id"] = agency_id
    out["field"] = clean_enum(Sector, values.get("field"), "field")
    out["title"] = clean_text(values.get("title"), "title", required=True, max_length=300)
    out["description"] = clean_text(
        values.get("description"), "description", required=False, max_length=5000, multiline=True
    )
    out["evidence_expected"] = clean_text(
        values.get("evidence_expected"),
        "evidence_expected",
        required=False,
        max_length=2000,
        multiline=True,
    )
    out["recurrence"] = clean_enum(Recurrence, values.get("recurrence"), "recurrence")
    due = clean_date(values.get("due_date"), "due_date", required=False)
    if out["recurrence"] is Recurrence.ONCE:
        require(due is not None, _("A one-off commitment needs its due date."), "due_date")
    if due is not None:
        term = agreement.term
        require(
            term.start_date <= due and (term.end_date is None or due <= term.end_date),
            _(
                "The due date must fall within the agreement's term %(name)s "
                "(%(start)s – %(end)s).",
                name=term.name,
                start=fmt_date(term.start_date),
                end=fmt_date(term.end_date) if term.end_date else _("open-ended"),
            ),
            "due_date",
        )
    out["due_date"] = due
    return out


def _next_position(agreement: Agreement) -> int:
    current = db.session.scalar(
        sa.select(sa.func.max(Commitment.position)).where(Commitment.agreement_id == agreement.id)
    )
    return (current or 0) + 1


def create(actor, agreement: Agreement, *, proposed: bool = False, **values) -> Commitment:
    """Add a commitment to an agreement: the Office's (confirmed at once), or a liaison's
    proposal for their own agency (``proposed``; confirmed later by the Office).

    Raises ValidationError: a missing title, an unknown field, a responsible agency that is not
    a party (or, for a proposal, not the proposer's agency), a one-off commitment without a due
    date, a due date outside the agreement's term, or an agreement not in force."""
    require(
        agreement.status == AgreementStatus.IN_FORCE or not proposed,
        _("Commitments are proposed under an agreement in force."),
        None,
    )
    cleaned = _clean(agreement, values)
    if proposed:
        require(
            cleaned["responsible_agency_id"] == getattr(actor, "agency_id", None),
            _("You can propose commitments of your own agency only."),
            "responsible_agency_id",
        )
    now = utcnow()
    commitment = Commitment(
        agreement=agreement,
        position=_next_position(agreement),
        confirmed=not proposed,
        confirmed_at=None if proposed else now,
        confirmed_by_id=None if proposed else getattr(actor, "id", None),
        proposed_by_id=getattr(actor, "id", None) if proposed else None,
        **cleaned,
    )
    db.session.add(commitment)
    db.session.flush()
    record(
        actor,
        AuditAction.CREATE,
        commitment,
        after=snapshot(commitment, (*COMMITMENT_FIELDS, "confirmed")),
        detail="proposed" if proposed else "",
    )
    return commitment


def _check_version(commitment: Commitment, version: int | None) -> None:
    if version is not None and version != commitment.version_id:
        raise ConflictError()


def update(actor, commitment: Commitment, *, version: int | None, **values) -> Commitment:
    """Change a commitment under the rules of ``create``. Raises ConflictError when someone
    saved it since ``version`` was read; a liaison's edit keeps it their own agency's."""
    _check_version(commitment, version)
    require(commitment.cancelled_at is None, _("A cancelled commitment cannot be changed."))
    cleaned = _clean(commitment.agreement, values)
    if not commitment.confirmed and getattr(actor, "role", None) == Role.LIAISON:
        require(
            cleaned["responsible_agency_id"] == actor.agency_id,
            _("You can propose commitments of your own agency only."),
            "responsible_agency_id",
        )
    before = snapshot(commitment, COMMITMENT_FIELDS)
    for key, value in cleaned.items():
        setattr(commitment, key, value)
    db.session.flush()
    after = snapshot(commitment, COMMITMENT_FIELDS)
    changed = [k for k in after if before[k] != after[k]]
    if changed:
        record(
            actor,
            AuditAction.UPDATE,
            commitment,
            before={k: before[k] for k in changed},
            after={k: after[k] for k in changed},
        )
    return commitment


def confirm(actor, commitment: Commitment, *, version: int | None = None) -> Commitment:
    """The Office confirms a proposed commitment; from then on only the Office edits it."""
    _check_version(commitment, version)
    require(not commitment.confirmed, _("This commitment is already confirmed."))
    require(commitment.cancelled_at is None, _("A cancelled commitment cannot be confirmed."))
    commitment.confirmed = True
    commitment.confirmed_at = utcnow()
    commitment.confirmed_by_id = getattr(actor, "id", None)
    db.session.flush()
    record(
        actor,
        AuditAction.UPDATE,
        commitment,
        before={"confirmed": False},
        after={"confirmed": True},
        detail="confirm",
    )
    return commitment


def cancel(actor, commitment: Commitment, reason: str, *, version: int | None = None):
    """The Office cancels a commitment, saying why. Its updates stay; it counts as
    cancelled from then on."""
    _check_version(commitment, version)
    require(commitment.cancelled_at is None, _("This commitment is already cancelled."))
    reason = clean_text(reason, "reason", required=True, max_length=2000, multiline=True)
    commitment.cancelled_at = utcnow()
    commitment.cancel_reason = reason
    db.session.flush()
    record(
        actor,
        AuditAction.UPDATE,
        commitment,
        before={"cancelled": False},
        after={"cancelled": True, "reason": reason},
        detail="cancel",
    )
    return commitment


@dataclass(frozen=True)
class FigureInput:
    metric: Metric | str
    value: int | str


def post_update(
    actor,
    commitment: Commitment,
    *,
    recorded_on: date,
    note: str,
    progress: int,
    evidence_url: str | None = None,
    figures: list[FigureInput] = (),
    upload=None,
    corrects_id: int | None = None,
    mark_done: bool = False,
) -> CommitmentUpdate:
    """Record a dated progress update: what was done, a progress figure (0-100 %), optional
    figures and evidence (a link, a file). Updates are never edited: a correction is a new
    update naming the one it corrects. The commitment's progress becomes that of its latest
    update; ``mark_done`` marks it done below 100 %.

    Raises ValidationError: a date in the future or before the agreement was signed, an empty
    note, a progress outside 0-100, a bad link, figure or file, a correction of another
    commitment's update, or a cancelled or unconfirmed commitment."""
    require(commitment.cancelled_at is None, _("A cancelled commitment takes no more updates."))
    require(commitment.confirmed, _("The Office has not confirmed this commitment yet."))
    cleaned = clean_update(
        commitment,
        recorded_on=recorded_on,
        note=note,
        progress=progress,
        evidence_url=evidence_url,
        figures=figures,
    )
    recorded_on, progress = cleaned["recorded_on"], cleaned["progress"]
    cleaned_figures = cleaned["figures"]
    if corrects_id is not None:
        corrected = db.session.get(CommitmentUpdate, corrects_id)
        require(
            corrected is not None and corrected.commitment_id == commitment.id,
            _("Choose an update of this commitment to correct."),
            "corrects_id",
        )
    update = CommitmentUpdate(
        commitment=commitment,
        author_id=getattr(actor, "id", None),
        recorded_on=recorded_on,
        note=cleaned["note"],
        progress=progress,
        evidence_url=cleaned["evidence_url"],
        corrects_id=corrects_id,
    )
    update.figures = cleaned_figures
    db.session.add(update)
    db.session.flush()
    if upload is not None and getattr(upload, "filename", ""):
        attachments.store(actor, update, upload)
    refresh_progress(commitment)
    if mark_done and commitment.done_at is None:
        commitment.done_at = utcnow()
    db.session.flush()
    record(
        actor,
        AuditAction.CREATE,
        update,
        after={
            "commitment_id": commitment.id,
            "recorded_on": recorded_on.isoformat(),
            "progress": progress,
            "figures": [(f.metric.value, f.value) for f in cleaned_figures],
            "corrects_id": corrects_id,
            "mark_done": mark_done,
        },
    )
    return update


def clean_update(
    commitment: Commitment,
    *,
    recorded_on,
    note,
    progress,
    evidence_url=None,
    figures=(),
) -> dict:
    """The rules of a progress update's content (``post_update`` and the import): a date not
    in the future nor before the agreement was signed, a note, a progress of 0-100 %, a valid
    link and figures. Returns the cleaned values (``figures`` as unsaved
    ``CommitmentUpdateFigure``); raises ValidationError naming the field."""
    recorded_on = clean_date(recorded_on, "recorded_on")
    require(
        recorded_on <= calendar.today_local(),
        _("The date of an update cannot be in the future."),
        "recorded_on",
    )
    start = commitment.agreement.signed_on or commitment.agreement.term.start_date
    require(
        recorded_on >= start,
        _("The date cannot be before the agreement was signed (%(day)s).", day=fmt_date(start)),
        "recorded_on",
    )
    note = clean_text(note, "note", required=True, max_length=5000, multiline=True)
    progress = clean_int(progress, "progress", low=0, high=100)
    evidence_url = clean_url(evidence_url, "evidence_url")
    cleaned_figures = []
    for figure in figures:
        metric = clean_enum(Metric, figure.metric, "figures")
        value = clean_int(figure.value, "figures", low=0, high=MAX_FIGURE)
        cleaned_figures.append(CommitmentUpdateFigure(metric=metric, value=value))
    return {
        "recorded_on": recorded_on,
        "note": note,
        "progress": progress,
        "evidence_url": evidence_url,
        "figures": cleaned_figures,
    }


def refresh_progress(commitment: Commitment) -> None:
    """The commitment's figures follow its latest update (by date, then by entry)."""
    latest = db.session.execute(
        sa.select(CommitmentUpdate.progress, CommitmentUpdate.recorded_on)
        .where(CommitmentUpdate.commitment_id == commitment.id)
        .order_by(CommitmentUpdate.recorded_on.desc(), CommitmentUpdate.id.desc())
        .limit(1)
    ).first()
    if latest is not None:
        commitment.progress, commitment.last_update_on = latest


# -- the agency and bloc pages ------------------------------------------------------------------


def terms_with_commitments() -> list[Term]:
    return list(db.session.scalars(sa.select(Term).order_by(Term.start_date.desc())))

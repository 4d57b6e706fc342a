"""Flagged public-opinion issues: the named queries of the issue pages.

Every query starts from ``issues_visible_to``: an issue is seen only by the Office,
leadership, and its reporting and responsible agencies, in lists, counts and details alike.
"""

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, raiseload, selectinload

from tracker.enums import OPEN_ISSUE_STATUSES, IssueSource, IssueStatus, Sector, Sensitivity
from tracker.models import SENSITIVITY_ORDER, Issue, IssueEvent
from tracker.permissions import issues_visible_to
from tracker.text import normalise


def list_query(
    user,
    *,
    status: IssueStatus | None = None,
    sensitivity: Sensitivity | None = None,
    field: Sector | None = None,
    open_only: bool = False,
    high_only: bool = False,
    unassigned: bool = False,
    search: str | None = None,
    source: IssueSource | None = None,
    seen_from: date | None = None,
    seen_to: date | None = None,
    agency_id: int | None = None,
    reporting_id: int | None = None,
    responsible_id: int | None = None,
) -> sa.Select:
    """The issues ``user`` may see, the newest first. ``agency_id`` keeps those it reported or
    is responsible for; ``seen_from``/``seen_to`` bound the day first seen."""
    stmt = issues_visible_to(user, sa.select(Issue))
    if source is not None:
        stmt = stmt.where(Issue.source == source)
    if seen_from is not None:
        stmt = stmt.where(Issue.first_seen_on >= seen_from)
    if seen_to is not None:
        stmt = stmt.where(Issue.first_seen_on <= seen_to)
    if agency_id is not None:
        stmt = stmt.where(
            sa.or_(Issue.reporting_agency_id == agency_id, Issue.responsible_agency_id == agency_id)
        )
    if reporting_id is not None:
        stmt = stmt.where(Issue.reporting_agency_id == reporting_id)
    if responsible_id is not None:
        stmt = stmt.where(Issue.responsible_agency_id == responsible_id)
    if status is not None:
        stmt = stmt.where(Issue.status == status)
    if open_only:
        stmt = stmt.where(Issue.status.in_(OPEN_ISSUE_STATUSES))
    if sensitivity is not None:
        stmt = stmt.where(Issue.sensitivity == sensitivity)
    if high_only:
        stmt = stmt.where(Issue.sensitivity.in_(HIGH_SENSITIVITIES))
    if unassigned:
        stmt = stmt.where(Issue.assignee_id.is_(None))
    if field is not None:
        stmt = stmt.where(Issue.field == field)
    if search:
        stmt = stmt.where(Issue.title_norm.contains(normalise(search), autoescape=True))
    return stmt.options(raiseload("*")).order_by(
        Issue.first_seen_on.desc(), SENSITIVITY_ORDER, Issue.id.desc()
    )


#: "High or critical": the sensitivities leadership watches.
HIGH_SENSITIVITIES = (Sensitivity.HIGH, Sensitivity.CRITICAL)


def detail_query(issue_id: int) -> sa.Select:
    """One issue with its agencies, assignee and timeline (each event with its author)."""
    return (
        sa.select(Issue)
        .where(Issue.id == issue_id)
        .options(
            joinedload(Issue.reporting_agency),
            joinedload(Issue.responsible_agency),
            joinedload(Issue.assignee),
            selectinload(Issue.events).options(joinedload(IssueEvent.actor), raiseload("*")),
            raiseload("*"),
        )
    )


def open_query(user) -> sa.Select:
    """Open issues ``user`` may see, the most sensitive and then the newest first."""
    return (
        issues_visible_to(user, sa.select(Issue))
        .where(Issue.status.in_(OPEN_ISSUE_STATUSES))
        .options(raiseload("*"))
        .order_by(SENSITIVITY_ORDER, Issue.first_seen_on.desc(), Issue.id.desc())
    )

"""Agencies that change: renamed, merged or dissolved on a date, with their successors.

Records keep the agency as it was on their date (a rename is a new agency succeeding the old
one), so the 2021-2025 figures count the bodies that existed then and name their successors.
A dissolved agency's liaisons keep reading its records; new agreements, reports and updates
go to agencies that still exist.
"""

from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from tracker.enums import AuditAction
from tracker.extensions import db
from tracker.formatting import fmt_date
from tracker.models import Agency, AgencySuccession
from tracker.services.audit import record
from tracker.services.validation import clean_text, require


def by_id(ids=None) -> dict[int, Agency]:
    """Agencies (all, or some) with their successors loaded, by id."""
    stmt = sa.select(Agency).options(
        selectinload(Agency.successions).selectinload(AgencySuccession.successor),
        selectinload(Agency.predecessions).selectinload(AgencySuccession.predecessor),
    )
    if ids is not None:
        stmt = stmt.where(Agency.id.in_(list(ids)))
    return {a.id: a for a in db.session.scalars(stmt)}


def predecessors_of(agency_id: int) -> set[int]:
    """Every agency that ``agency_id`` succeeded, directly or not."""
    links = db.session.execute(
        sa.select(AgencySuccession.successor_id, AgencySuccession.predecessor_id)
    ).all()
    before: dict[int, set[int]] = {}
    for successor, predecessor in links:
        before.setdefault(successor, set()).add(predecessor)
    found, todo = set(), [agency_id]
    while todo:
        for earlier in before.get(todo.pop(), ()):
            if earlier not in found:
                found.add(earlier)
                todo.append(earlier)
    return found


def reorganise(
    actor, agency: Agency, *, effective_on: date, successor_ids: list[int], note: str = ""
) -> Agency:
    """Record that ``agency`` ceased to exist on ``effective_on`` (renamed, merged, or
    dissolved with its work divided), carried on by its successors.

    Raises ValidationError: no date, an agency already dissolved, no successor or the agency
    itself among them, a successor that no longer exists on that day, or one that is already
    its predecessor."""
    require(effective_on is not None, _("Enter a date."), "effective_on")
    require(agency.dissolved_on is None, _("This agency has already ceased to exist."))
    ids = list(dict.fromkeys(successor_ids or []))
    require(ids, _("Choose the agency or agencies that carry on its work."), "successor_ids")
    require(agency.id not in ids, _("An agency cannot succeed itself."), "successor_ids")
    successors = db.session.scalars(sa.select(Agency).where(Agency.id.in_(ids))).all()
    require(len(successors) == len(ids), _("Choose a value from the list."), "successor_ids")
    predecessors = predecessors_of(agency.id)
    for successor in successors:
        require(
            successor.exists_on(effective_on),
            _("%(name)s no longer exists on that day.", name=successor.name_vi),
            "successor_ids",
        )
        require(
            successor.id not in predecessors,
            _("%(name)s is one of this agency's predecessors.", name=successor.name_vi),
            "successor_ids",
        )
    note = clean_text(note, "note", required=False, max_length=300)
    agency.dissolved_on = effective_on
    for successor in successors:
        db.session.add(
            AgencySuccession(
                predecessor_id=agency.id,
                successor_id=successor.id,
                effective_on=effective_on,
                note=note,
            )
        )
    db.session.flush()
    record(
        actor,
        AuditAction.UPDATE,
        agency,
        before={"dissolved_on": None},
        after={
            "dissolved_on": effective_on.isoformat(),
            "successors": [s.code for s in successors],
            "note": note,
        },
        detail="reorganise",
    )
    return agency


def history_note(agency: Agency) -> str:
    """ "until 01/03/2025, succeeded by Sở Nội vụ, Sở Y tế" (empty for a body that exists)."""
    if agency.dissolved_on is None:
        return ""
    names = ", ".join(s.successor.name_vi for s in agency.successions)
    if not names:
        return _("until %(day)s", day=fmt_date(agency.dissolved_on))
    return _(
        "until %(day)s, succeeded by %(names)s", day=fmt_date(agency.dissolved_on), names=names
    )

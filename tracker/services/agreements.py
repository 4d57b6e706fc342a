"""Agreements: recording what the Office signed with the agencies, and the named queries of the
agreement pages.

The Office records an agreement with its parties (the Office and one or more agencies, a lead
and partners, their signatories), its term, signing date, status and summary, and the signed
scan. Its number is unique within its term, not forever: Party document numbers restart.
Services flush and audit; the caller commits.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload, raiseload, selectinload

from tracker.enums import AgreementStatus, AuditAction, PartyRole
from tracker.extensions import db
from tracker.formatting import fmt_date
from tracker.models import (
    Agency,
    Agreement,
    AgreementParty,
    Attachment,
    Commitment,
    CommitmentUpdate,
    Term,
)
from tracker.permissions import agreements_visible_to
from tracker.services import attachments, calendar
from tracker.services.audit import record, snapshot
from tracker.services.errors import ConflictError, ValidationError
from tracker.services.validation import clean_text, require
from tracker.text import normalise

AGREEMENT_FIELDS = ("number", "title", "term_id", "signed_on", "status", "summary")
#: How long before its term an agreement for it may be signed.
EARLY_SIGNING = timedelta(days=120)

#: How many commitments an agreement has, as a column of the list query.
COMMITMENT_COUNT = (
    sa.select(sa.func.count(Commitment.id))
    .where(Commitment.agreement_id == Agreement.id)
    .correlate(Agreement)
    .scalar_subquery()
    .label("commitment_count")
)


@dataclass(frozen=True)
class PartyInput:
    agency_id: int
    role: PartyRole
    signatory: str = ""


# -- queries -------------------------------------------------------------------------------------


def list_query(
    user,
    *,
    term_id: int | None = None,
    agency_id: int | None = None,
    status: AgreementStatus | None = None,
    search: str | None = None,
) -> sa.Select:
    """Rows of (agreement, commitment count) that ``user`` may see, the latest signed first,
    each agreement with its term."""
    stmt = agreements_visible_to(user, sa.select(Agreement, COMMITMENT_COUNT))
    if term_id is not None:
        stmt = stmt.where(Agreement.term_id == term_id)
    if status is not None:
        stmt = stmt.where(Agreement.status == status)
    if agency_id is not None:
        stmt = stmt.where(
            Agreement.id.in_(
                sa.select(AgreementParty.agreement_id).where(AgreementParty.agency_id == agency_id)
            )
        )
    if search:
        stmt = stmt.where(Agreement.search_norm.contains(normalise(search), autoescape=True))
    return stmt.options(joinedload(Agreement.term), raiseload("*")).order_by(
        Agreement.signed_on.desc().nulls_first(), Agreement.number
    )


def detail_query(agreement_id: int) -> sa.Select:
    """One agreement with its term, parties, scans and commitments."""
    return (
        sa.select(Agreement)
        .where(Agreement.id == agreement_id)
        .options(
            joinedload(Agreement.term),
            selectinload(Agreement.parties).options(
                joinedload(AgreementParty.agency), raiseload("*")
            ),
            selectinload(Agreement.attachments).options(raiseload("*")),
            selectinload(Agreement.commitments).options(
                joinedload(Commitment.responsible_agency),
                raiseload("*"),
            ),
            raiseload("*"),
        )
    )


def terms_query() -> sa.Select:
    return sa.select(Term).order_by(Term.start_date.desc())


def for_update(agreement_id: int) -> sa.Select:
    """An agreement with what its edit form and its checks read."""
    return (
        sa.select(Agreement)
        .where(Agreement.id == agreement_id)
        .options(
            joinedload(Agreement.term),
            selectinload(Agreement.parties).joinedload(AgreementParty.agency),
        )
    )


def latest_updates_query(agreement_ids) -> sa.Select:
    """Progress updates of some agreements' commitments, the newest first."""
    return (
        sa.select(CommitmentUpdate)
        .join(Commitment, CommitmentUpdate.commitment_id == Commitment.id)
        .where(Commitment.agreement_id.in_(agreement_ids))
        .options(joinedload(CommitmentUpdate.commitment), joinedload(CommitmentUpdate.author))
        .order_by(CommitmentUpdate.recorded_on.desc(), CommitmentUpdate.id.desc())
    )


def in_force_for(agency_id: int) -> sa.Select:
    """Agreements in force that an agency is a party to (where it may propose commitments)."""
    return (
        sa.select(Agreement)
        .join(AgreementParty, AgreementParty.agreement_id == Agreement.id)
        .where(AgreementParty.agency_id == agency_id, Agreement.status == AgreementStatus.IN_FORCE)
        .order_by(Agreement.signed_on.desc())
    )


# -- recording agreements ---------------------------------------------------------------------


def _clean(values: dict, agreement: Agreement | None) -> dict:
    out = {}
    out["number"] = clean_text(values.get("number"), "number", required=True, max_length=60)
    out["title"] = clean_text(values.get("title"), "title", required=True, max_length=500)
    out["summary"] = clean_text(
        values.get("summary"), "summary", required=False, max_length=5000, multiline=True
    )
    term = db.session.get(Term, values.get("term_id")) if values.get("term_id") else None
    require(term is not None, _("Choose a value from the list."), "term_id")
    out["term_id"] = term.id
    try:
        status = AgreementStatus(values.get("status"))
    except ValueError:
        raise ValidationError(_("Choose a value from the list."), "status") from None
    out["status"] = status
    signed_on = values.get("signed_on")
    if status is not AgreementStatus.DRAFT:
        require(signed_on is not None, _("A signed agreement needs its signing date."), "signed_on")
    if signed_on is not None:
        require(
            signed_on <= calendar.today_local(),
            _("The signing date cannot be in the future."),
            "signed_on",
        )
        latest = term.end_date or date.max
        require(
            term.start_date - EARLY_SIGNING <= signed_on <= latest,
            _(
                "The signing date must fall within the term %(name)s (%(start)s – %(end)s).",
                name=term.name,
                start=fmt_date(term.start_date),
                end=fmt_date(term.end_date) if term.end_date else _("open-ended"),
            ),
            "signed_on",
        )
    out["signed_on"] = signed_on
    clash = db.session.scalar(
        sa.select(Agreement).where(
            Agreement.term_id == term.id,
            sa.func.lower(Agreement.number) == out["number"].lower(),
            Agreement.id != (agreement.id if agreement is not None else -1),
        )
    )
    require(
        clash is None,
        _(
            "The number %(number)s is already used in the term %(term)s.",
            number=out["number"],
            term=term.name,
        ),
        "number",
    )
    return out


def _check_parties(parties: list[PartyInput], signed_on: date | None, existing: set[int]):
    """The Office and one or more agencies; one lead; every party existing and able to sign
    (a party already on the agreement may stay after its agency is dissolved)."""
    require(parties, _("Add the parties of the agreement."), "parties")
    ids = [p.agency_id for p in parties]
    require(len(ids) == len(set(ids)), _("An agency can be a party only once."), "parties")
    agencies = {a.id: a for a in db.session.scalars(sa.select(Agency).where(Agency.id.in_(ids)))}
    require(len(agencies) == len(ids), _("Choose a value from the list."), "parties")
    require(
        any(a.is_office for a in agencies.values()),
        _("The Office must be a party to the agreement."),
        "parties",
    )
    require(
        any(not a.is_office for a in agencies.values()),
        _("Add at least one agency of the bloc as a party."),
        "parties",
    )
    leads = [p for p in parties if p.role is PartyRole.LEAD]
    require(len(leads) == 1, _("Choose exactly one lead party."), "parties")
    for party in parties:
        agency = agencies[party.agency_id]
        if agency.id in existing:
            continue
        require(
            agency.can_file,
            _(
                "%(name)s no longer exists or is inactive: new agreements go to active "
                "agencies only.",
                name=agency.name_vi,
            ),
            "parties",
        )
        if signed_on is not None:
            require(
                agency.exists_on(signed_on),
                _("%(name)s did not exist on the signing date.", name=agency.name_vi),
                "parties",
            )
    return agencies


def _party_snapshot(agreement: Agreement) -> list[dict]:
    return [
        {"agency_id": p.agency_id, "role": p.role.value, "signatory": p.signatory}
        for p in agreement.parties
    ]


def create_agreement(actor, *, parties: list[PartyInput], **values) -> Agreement:
    """Record an agreement. Raises ValidationError (a missing field, a number already used in
    the term, a signing date outside the term or in the future, parties without the Office or
    without an agency, not exactly one lead, an agency that no longer exists)."""
    cleaned = _clean(values, None)
    signatories = [
        PartyInput(
            p.agency_id,
            p.role,
            clean_text(p.signatory, "parties", required=False, max_length=200),
        )
        for p in parties
    ]
    _check_parties(signatories, cleaned["signed_on"], set())
    agreement = Agreement(created_by_id=getattr(actor, "id", None), **cleaned)
    agreement.parties = [
        AgreementParty(agency_id=p.agency_id, role=p.role, signatory=p.signatory)
        for p in signatories
    ]
    db.session.add(agreement)
    db.session.flush()
    after = snapshot(agreement, AGREEMENT_FIELDS) | {"parties": _party_snapshot(agreement)}
    record(actor, AuditAction.CREATE, agreement, after=after)
    return agreement


def update_agreement(
    actor, agreement: Agreement, *, version: int | None, parties: list[PartyInput], **values
) -> Agreement:
    """Change an agreement and its parties, under the rules of ``create_agreement``. A party
    responsible for commitments cannot be removed. Raises ConflictError when someone else
    saved it since ``version`` was read."""
    if version is not None and version != agreement.version_id:
        raise ConflictError()
    cleaned = _clean(values, agreement)
    signatories = [
        PartyInput(
            p.agency_id,
            p.role,
            clean_text(p.signatory, "parties", required=False, max_length=200),
        )
        for p in parties
    ]
    existing = {p.agency_id for p in agreement.parties}
    _check_parties(signatories, cleaned["signed_on"], existing)
    responsible = set(
        db.session.scalars(
            sa.select(Commitment.responsible_agency_id).where(
                Commitment.agreement_id == agreement.id
            )
        )
    )
    removed = existing - {p.agency_id for p in signatories}
    require(
        not (removed & responsible),
        _("An agency responsible for commitments of this agreement must stay a party."),
        "parties",
    )
    before = snapshot(agreement, AGREEMENT_FIELDS) | {"parties": _party_snapshot(agreement)}
    for key, value in cleaned.items():
        setattr(agreement, key, value)
    by_agency = {p.agency_id: p for p in agreement.parties}
    kept = []
    for wanted in signatories:
        party = by_agency.get(wanted.agency_id) or AgreementParty(agency_id=wanted.agency_id)
        party.role, party.signatory = wanted.role, wanted.signatory
        kept.append(party)
    agreement.parties = kept
    db.session.flush()
    after = snapshot(agreement, AGREEMENT_FIELDS) | {"parties": _party_snapshot(agreement)}
    changed = {k for k in after if before.get(k) != after[k]}
    if changed:
        record(
            actor,
            AuditAction.UPDATE,
            agreement,
            before={k: before[k] for k in changed},
            after={k: after[k] for k in changed},
        )
    return agreement


def attach_scan(actor, agreement: Agreement, upload) -> Attachment:
    """Add the signed scan (PDF or image, checked by content). Raises ValidationError."""
    return attachments.store(actor, agreement, upload, kinds=attachments.SCANS)

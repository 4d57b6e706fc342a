"""Agreements: the list, an agreement with its commitments, and the Office's recording of
agreements, their parties, their signed scans and their commitments (a liaison proposes their
agency's own)."""

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.agreements import bp
from tracker.agreements.forms import AgreementForm, CommitmentForm, ScanForm
from tracker.enums import AgreementStatus, PartyRole
from tracker.extensions import db
from tracker.models import Agency
from tracker.permissions import (
    Permission,
    can_propose_commitment,
    can_view_agreement,
    forbid_unless,
    has_permission,
    permission_required,
    sees_all_agencies,
    visible_or_404,
)
from tracker.services import admin as admin_service
from tracker.services import agreements as service
from tracker.services import commitments as commitment_service
from tracker.web.forms import form_page, form_view, handle
from tracker.web.listing import Filters, enum_param, id_param, text_param
from tracker.web.page_cache import cached_page


def _actor():
    return current_user._get_current_object()


def _term_choices() -> list[tuple[str, str]]:
    return [(str(t.id), t.name) for t in db.session.scalars(service.terms_query())]


def _agency_choices() -> list[tuple[str, str]]:
    return [
        (str(a.id), f"{a.code} · {a.name_vi}")
        for a in db.session.scalars(admin_service.agencies_query())
    ]


@bp.route("/agreements")
@permission_required(Permission.VIEW_AGREEMENTS)
@cached_page
def index():
    filters = Filters(
        {
            "term": id_param,
            "agency": id_param,
            "status": enum_param(AgreementStatus),
            "q": text_param(),
        }
    )
    rows = db.session.execute(
        service.list_query(
            current_user,
            term_id=filters["term"],
            agency_id=filters["agency"],
            status=filters["status"],
            search=filters["q"],
        )
    ).all()
    terms = db.session.scalars(service.terms_query()).all()
    agencies = (
        db.session.scalars(admin_service.agencies_query()).all()
        if sees_all_agencies(current_user)
        else []
    )
    return render_template(
        "agreements/index.html",
        rows=rows,
        terms=terms,
        agencies=agencies,
        statuses=list(AgreementStatus),
        filters=filters,
    )


@bp.route("/agreements/<int:agreement_id>")
@permission_required(Permission.VIEW_AGREEMENTS)
@cached_page
def detail(agreement_id: int):
    item = visible_or_404(db.session.scalar(service.detail_query(agreement_id)), can_view_agreement)
    scan_form = (
        ScanForm(formdata=None)
        if has_permission(current_user, Permission.MANAGE_AGREEMENTS)
        else None
    )
    return render_template(
        "agreements/detail.html",
        item=item,
        scan_form=scan_form,
        can_propose=can_propose_commitment(current_user, item),
    )


@bp.route("/agreements/new", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_AGREEMENTS)
@form_view
def new():
    form = AgreementForm(terms=_term_choices(), agencies=_agency_choices())
    if not form.is_submitted():
        office = db.session.scalar(
            admin_service.agencies_query(active_only=True).where(Agency.is_office)
        )
        if office is not None:
            form.parties.entries[0].form.agency_id.data = office.id
            form.parties.entries[0].form.role.data = PartyRole.LEAD.value
        for entry in form.parties.entries[1:]:
            entry.form.role.data = PartyRole.PARTNER.value
    done = handle(
        form,
        lambda: service.create_agreement(_actor(), parties=form.party_inputs(), **form.values()),
        message=lambda a: _("The agreement %(number)s has been recorded.", number=a.number),
        next_url=lambda a: url_for("agreements.detail", agreement_id=a.id),
    )
    return done or form_page("agreements/form.html", form, item=None)


@bp.route("/agreements/<int:agreement_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_AGREEMENTS)
@form_view
def edit(agreement_id: int):
    item = visible_or_404(db.session.scalar(service.for_update(agreement_id)), can_view_agreement)
    form = AgreementForm(
        obj=item, terms=_term_choices(), agencies=_agency_choices(), version=item.version_id
    )
    if not form.is_submitted():
        for entry, party in zip(form.parties.entries, item.parties, strict=False):
            entry.form.agency_id.data = party.agency_id
            entry.form.role.data = party.role.value
            entry.form.signatory.data = party.signatory
        for entry in form.parties.entries[len(item.parties) :]:
            entry.form.role.data = PartyRole.PARTNER.value
        form.version.data = item.version_id
    done = handle(
        form,
        lambda: service.update_agreement(
            _actor(),
            item,
            version=form.version.data,
            parties=form.party_inputs(),
            **form.values(),
        ),
        message=lambda a: _("The agreement %(number)s has been saved.", number=a.number),
        next_url=url_for("agreements.detail", agreement_id=item.id),
    )
    return done or form_page("agreements/form.html", form, item=item)


@bp.route("/agreements/<int:agreement_id>/scan", methods=["POST"])
@permission_required(Permission.MANAGE_AGREEMENTS)
@form_view
def scan(agreement_id: int):
    item = visible_or_404(db.session.scalar(service.detail_query(agreement_id)), can_view_agreement)
    form = ScanForm()
    done = handle(
        form,
        lambda: service.attach_scan(_actor(), item, form.file.data),
        message=_("The signed scan has been added."),
        next_url=url_for("agreements.detail", agreement_id=item.id),
    )
    return done or form_page(
        "agreements/detail.html", form, item=item, scan_form=form, can_propose=False
    )


@bp.route("/agreements/<int:agreement_id>/commitments/new", methods=["GET", "POST"])
@permission_required(Permission.VIEW_AGREEMENTS)
@form_view
def new_commitment(agreement_id: int):
    """The Office adds a commitment; a liaison proposes one for their own agency."""
    item = visible_or_404(db.session.scalar(service.for_update(agreement_id)), can_view_agreement)
    manages = has_permission(current_user, Permission.MANAGE_AGREEMENTS)
    forbid_unless(manages or can_propose_commitment(current_user, item))
    if manages:
        agencies = [(str(p.agency_id), p.agency.name_vi) for p in item.parties]
    else:
        agencies = [(str(current_user.agency_id), current_user.agency.name_vi)]
    form = CommitmentForm(agencies=agencies)
    if not form.is_submitted():
        partner = next((p for p in item.parties if p.role is PartyRole.PARTNER), None)
        agency = current_user.agency if not manages else (partner.agency if partner else None)
        if agency is not None:
            form.responsible_agency_id.data = agency.id
            if agency.primary_field is not None:
                form.field.data = agency.primary_field.value
    done = handle(
        form,
        lambda: commitment_service.create(_actor(), item, proposed=not manages, **form.values()),
        message=(
            _("The commitment has been added.")
            if manages
            else _("Your proposal has been sent: the Office will confirm it.")
        ),
        next_url=lambda c: url_for("commitments.detail", commitment_id=c.id),
    )
    return done or form_page("commitments/form.html", form, agreement=item, item=None)

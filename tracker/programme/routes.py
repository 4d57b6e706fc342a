"""The programme at a glance: an agency's page (its agreements, commitments, what is overdue,
the latest updates) and the bloc page (every agency side by side). Every figure links to the
list of exactly the commitments it counts."""

from datetime import date

from flask import render_template
from flask_login import current_user

from tracker.enums import CommitmentStatus
from tracker.extensions import db
from tracker.models import Term
from tracker.permissions import (
    Permission,
    can_view_agency,
    permission_required,
    visible_or_404,
)
from tracker.programme import bp
from tracker.services import agencies as agency_service
from tracker.services import agreements as agreement_service
from tracker.services import calendar
from tracker.services import commitments as service
from tracker.services.dashboard import current_term
from tracker.web.listing import Filters, id_param
from tracker.web.page_cache import cached_page

#: The order statuses are shown in.
STATUSES = (
    CommitmentStatus.OVERDUE,
    CommitmentStatus.IN_PROGRESS,
    CommitmentStatus.NOT_STARTED,
    CommitmentStatus.DONE,
    CommitmentStatus.CANCELLED,
)


def _term(today: date) -> Term | None:
    chosen = Filters({"term": id_param})["term"]
    if chosen is not None:
        term = db.session.get(Term, chosen)
        if term is not None:
            return term
    return current_term(today)


@bp.route("/agencies/<int:agency_id>")
@permission_required(Permission.VIEW_AGREEMENTS)
@cached_page
def agency(agency_id: int):
    today = calendar.today_local()
    item = visible_or_404(agency_service.by_id([agency_id]).get(agency_id), can_view_agency)
    term = _term(today)
    filters = service.Filters(term_id=term.id if term else None, agency_id=item.id)
    rows = db.session.scalars(service.list_query(current_user, filters, today=today)).all()
    agreements = db.session.execute(
        agreement_service.list_query(current_user, agency_id=item.id)
    ).all()
    return render_template(
        "programme/agency.html",
        item=item,
        term=term,
        terms=db.session.scalars(agreement_service.terms_query()).all(),
        figures=service.figures_by_agency(current_user, filters, today).get(
            item.id, service.AgencyFigures(item.id)
        ),
        statuses=STATUSES,
        rows=rows,
        overdue=[c for c in rows if c.status_on(today) == CommitmentStatus.OVERDUE],
        today=today,
        agreements=agreements,
        latest=service.latest_updates(current_user, service.Filters(agency_id=item.id)),
        history=agency_service.history_note(item),
    )


@bp.route("/bloc")
@permission_required(Permission.VIEW_DASHBOARDS)
@cached_page
def bloc():
    today = calendar.today_local()
    term = _term(today)
    filters = service.Filters(term_id=term.id if term else None)
    figures = service.figures_by_agency(current_user, filters, today)
    agencies = agency_service.by_id(figures)
    ordered = sorted(
        figures.values(),
        key=lambda f: (agencies[f.agency_id].dissolved_on is not None, agencies[f.agency_id].code),
    )
    totals = service.AgencyFigures(0)
    for f in figures.values():
        for status, number in f.by_status.items():
            totals.by_status[status] = totals.by_status.get(status, 0) + number
        totals.progress_sum += f.progress_sum
    return render_template(
        "programme/bloc.html",
        term=term,
        terms=db.session.scalars(agreement_service.terms_query()).all(),
        rows=ordered,
        totals=totals,
        agencies=agencies,
        statuses=STATUSES,
        history={a.id: agency_service.history_note(a) for a in agencies.values()},
        proposed=service.count(
            service.filtered(current_user, service.Filters(proposed=True), today)
        ),
    )

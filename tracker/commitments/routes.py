"""Commitments: the filtered list (and its CSV and XLSX exports), a commitment with its
updates, and the actions on it: edit, confirm, cancel, post a progress update."""

from flask import Response, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.agreements.forms import (
    CancelForm,
    CommitmentForm,
    ConfirmCommitmentForm,
    UpdateForm,
)
from tracker.commitments import bp
from tracker.enums import CommitmentStatus, Sector
from tracker.extensions import db
from tracker.formatting import agency_name, fmt_date
from tracker.labels import label
from tracker.permissions import (
    Permission,
    can_edit_commitment,
    can_update_commitment,
    can_view_commitment,
    forbid_unless,
    has_permission,
    permission_required,
    sees_all_agencies,
    visible_or_404,
)
from tracker.services import admin as admin_service
from tracker.services import agreements as agreement_service
from tracker.services import calendar, exports
from tracker.services import commitments as service
from tracker.web.forms import form_page, form_view, handle
from tracker.web.listing import (
    Filters,
    choice_param,
    date_param,
    enum_param,
    flag_param,
    id_param,
    paginate,
    text_param,
)
from tracker.web.page_cache import cached_page

FILTERS = {
    "term": id_param,
    "agreement": id_param,
    "agency": id_param,
    "field": enum_param(Sector),
    "status": enum_param(CommitmentStatus),
    "due_from": date_param,
    "due_to": date_param,
    "q": text_param(),
    "proposed": flag_param,
    "sort": choice_param(service.SORTS),
}


def _actor():
    return current_user._get_current_object()


def list_filters(filters: Filters) -> service.Filters:
    return service.Filters(
        term_id=filters["term"],
        agreement_id=filters["agreement"],
        agency_id=filters["agency"],
        field=filters["field"],
        status=filters["status"],
        due_from=filters["due_from"],
        due_to=filters["due_to"],
        search=filters["q"],
        proposed=bool(filters["proposed"]),
    )


@bp.route("/commitments")
@permission_required(Permission.VIEW_AGREEMENTS)
@cached_page
def index():
    filters = Filters(FILTERS)
    page = paginate(
        service.list_query(current_user, list_filters(filters), sort=filters["sort"] or "due")
    )
    agencies = (
        db.session.scalars(admin_service.agencies_query()).all()
        if sees_all_agencies(current_user)
        else []
    )
    return render_template(
        "commitments/index.html",
        page=page,
        filters=filters,
        terms=db.session.scalars(agreement_service.terms_query()).all(),
        agencies=agencies,
        fields=list(Sector),
        statuses=list(CommitmentStatus),
        sorts=list(service.SORTS),
        today=calendar.today_local(),
    )


def _export_columns(today) -> list[exports.Column]:
    return [
        exports.Column(_("Agreement"), lambda c: c.agreement.number, 22),
        exports.Column(_("Term"), lambda c: c.agreement.term.name, 11),
        exports.Column(_("No."), lambda c: c.position, 6),
        exports.Column(_("Commitment"), lambda c: c.title, 60),
        exports.Column(_("Responsible agency"), lambda c: agency_name(c.responsible_agency), 36),
        exports.Column(_("Field"), lambda c: label(c.field), 24),
        exports.Column(_("How often"), lambda c: label(c.recurrence), 12),
        exports.Column(_("Due date"), lambda c: c.due_date, 12),
        exports.Column(_("Status"), lambda c: label(c.status_on(today)), 14),
        exports.Column(_("Progress (%)"), lambda c: c.progress, 10),
        exports.Column(_("Latest update"), lambda c: c.last_update_on, 12),
        exports.Column(_("Confirmed"), lambda c: _("Yes") if c.confirmed else _("No"), 10),
    ]


def _export(kind: str) -> Response:
    filters = Filters(FILTERS)
    today = calendar.today_local()
    rows = db.session.scalars(
        service.list_query(
            current_user, list_filters(filters), sort=filters["sort"] or "due", today=today
        )
    ).all()
    stamp = today.strftime("%Y%m%d")
    if kind == "csv":
        body = exports.to_csv(_export_columns(today), rows)
        mimetype = "text/csv; charset=utf-8"
    else:
        body = exports.to_xlsx(_("Commitments"), _export_columns(today), rows)
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(
        body,
        mimetype=mimetype,
        headers={
            "Content-Disposition": f'attachment; filename="commitments-{stamp}.{kind}"',
            "Cache-Control": "no-store",
        },
    )


@bp.route("/commitments/export.csv")
@permission_required(Permission.VIEW_AGREEMENTS)
def export_csv():
    return _export("csv")


@bp.route("/commitments/export.xlsx")
@permission_required(Permission.VIEW_AGREEMENTS)
def export_xlsx():
    return _export("xlsx")


def _load(commitment_id: int):
    return visible_or_404(
        db.session.scalar(service.detail_query(commitment_id)), can_view_commitment
    )


def _earlier_updates(item) -> list[tuple[str, str]]:
    return [
        (str(u.id), f"{fmt_date(u.recorded_on)} · {u.progress}% · {u.note[:60]}")
        for u in reversed(item.updates)
    ]


@bp.route("/commitments/<int:commitment_id>")
@permission_required(Permission.VIEW_AGREEMENTS)
@cached_page
def detail(commitment_id: int):
    item = _load(commitment_id)
    user = current_user
    return render_template(
        "commitments/detail.html",
        item=item,
        today=calendar.today_local(),
        can_edit=can_edit_commitment(user, item),
        can_update=can_update_commitment(user, item),
        can_manage=has_permission(user, Permission.MANAGE_AGREEMENTS) and item.cancelled_at is None,
        confirm_form=ConfirmCommitmentForm(formdata=None, version=item.version_id),
    )


@bp.route("/commitments/<int:commitment_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.VIEW_AGREEMENTS)
@form_view
def edit(commitment_id: int):
    item = _load(commitment_id)
    forbid_unless(can_edit_commitment(current_user, item))
    if has_permission(current_user, Permission.MANAGE_AGREEMENTS):
        agencies = [(str(p.agency_id), p.agency.name_vi) for p in item.agreement.parties]
    else:
        agencies = [(str(current_user.agency_id), current_user.agency.name_vi)]
    form = CommitmentForm(obj=item, agencies=agencies)
    if not form.is_submitted():
        form.version.data = item.version_id
    done = handle(
        form,
        lambda: service.update(_actor(), item, version=form.version.data, **form.values()),
        message=_("The commitment has been saved."),
        next_url=url_for("commitments.detail", commitment_id=item.id),
    )
    return done or form_page("commitments/form.html", form, agreement=item.agreement, item=item)


@bp.route("/commitments/<int:commitment_id>/confirm", methods=["POST"])
@permission_required(Permission.MANAGE_AGREEMENTS)
@form_view
def confirm(commitment_id: int):
    item = _load(commitment_id)
    form = ConfirmCommitmentForm()
    done = handle(
        form,
        lambda: service.confirm(_actor(), item, version=form.version.data),
        message=_("The commitment is confirmed."),
        next_url=url_for("commitments.detail", commitment_id=item.id),
    )
    return done or form_page("commitments/confirm.html", form, item=item)


@bp.route("/commitments/<int:commitment_id>/cancel", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_AGREEMENTS)
@form_view
def cancel(commitment_id: int):
    item = _load(commitment_id)
    form = CancelForm()
    if not form.is_submitted():
        form.version.data = item.version_id
    done = handle(
        form,
        lambda: service.cancel(_actor(), item, form.reason.data, version=form.version.data),
        message=_("The commitment has been cancelled."),
        next_url=url_for("commitments.detail", commitment_id=item.id),
    )
    return done or form_page("commitments/cancel.html", form, item=item)


@bp.route("/commitments/<int:commitment_id>/updates/new", methods=["GET", "POST"])
@permission_required(Permission.UPDATE_COMMITMENTS)
@form_view
def new_update(commitment_id: int):
    item = _load(commitment_id)
    forbid_unless(can_update_commitment(current_user, item))
    form = UpdateForm(earlier=_earlier_updates(item))
    if not form.is_submitted():
        form.recorded_on.data = calendar.today_local()
        form.progress.data = item.progress
    done = handle(
        form,
        lambda: service.post_update(_actor(), item, **form.values()),
        message=_("The progress update has been recorded."),
        next_url=url_for("commitments.detail", commitment_id=item.id),
    )
    return done or form_page("commitments/update_form.html", form, item=item)

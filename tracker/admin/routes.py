"""Administration: agencies, users, terms, public holidays and settings.

Every view is for administrators only. A view loads (404 if absent), validates its form,
calls one service from ``tracker.services.admin``, commits once, flashes and redirects; on a
broken rule it shows the same form again with what was typed and the message (status 422).
"""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy.orm import selectinload

from tracker.admin import bp
from tracker.admin.forms import (
    AgencyForm,
    ConfirmForm,
    HolidayForm,
    ImportHolidaysForm,
    NewUserForm,
    PasswordResetForm,
    TermForm,
    UserForm,
    settings_form_class,
)
from tracker.enums import Role
from tracker.extensions import db
from tracker.models import Agency, Holiday, Term, User
from tracker.permissions import Permission, permission_required
from tracker.services import admin as service
from tracker.services import calendar, settings
from tracker.services.admin import ValidationError
from tracker.web import fmt_date

PER_PAGE = 25
INVALID = 422


def _actor() -> User:
    return current_user._get_current_object()


def _show_error(form, error: ValidationError) -> None:
    """Put a service's message next to its field (or above the form when it has none)."""
    db.session.rollback()
    if error.field and error.field in form:
        field = form[error.field]
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)


def _form_page(template: str, form, status: int, **context):
    return render_template(template, form=form, **context), status


def _agency_choices(exclude: Agency | None = None) -> list[tuple[str, str]]:
    agencies = db.session.scalars(service.agencies_query()).all()
    return [
        (str(a.id), f"{a.code} · {a.name_vi}")
        for a in agencies
        if exclude is None or a.id != exclude.id
    ]


def _status() -> int:
    return INVALID if request.method == "POST" else 200


# -- front page ---------------------------------------------------------------------------------


@bp.route("/")
@permission_required(Permission.ADMINISTER)
def index():
    year = calendar.today_local().year
    return render_template(
        "admin/index.html", counts=service.overview(year), year=year, specs=settings.SPECS
    )


# -- agencies ---------------------------------------------------------------------------------


@bp.route("/agencies")
@permission_required(Permission.ADMINISTER)
def agencies():
    items = db.session.scalars(service.agencies_query()).all()
    return render_template("admin/agencies.html", items=items)


@bp.route("/agencies/new", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def agency_new():
    form = AgencyForm(parents=_agency_choices())
    if form.validate_on_submit():
        try:
            agency = service.create_agency(_actor(), **form.values())
        except ValidationError as error:
            _show_error(form, error)
        else:
            db.session.commit()
            flash(_("Agency %(code)s has been added.", code=agency.code), "success")
            return redirect(url_for("admin.agencies"))
    return _form_page("admin/agency_form.html", form, _status(), agency=None)


@bp.route("/agencies/<int:agency_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def agency_edit(agency_id: int):
    agency = db.get_or_404(Agency, agency_id)
    form = AgencyForm(obj=agency, parents=_agency_choices(exclude=agency))
    if form.validate_on_submit():
        try:
            service.update_agency(_actor(), agency, **form.values())
        except ValidationError as error:
            _show_error(form, error)
        else:
            db.session.commit()
            flash(_("Agency %(code)s has been saved.", code=agency.code), "success")
            return redirect(url_for("admin.agencies"))
    return _form_page("admin/agency_form.html", form, _status(), agency=agency)


# -- users -------------------------------------------------------------------------------------


def _optional_int_arg(name: str) -> int | None:
    return request.args.get(name, type=int)


@bp.route("/users")
@permission_required(Permission.ADMINISTER)
def users():
    raw_role = request.args.get("role", "")
    role = Role(raw_role) if raw_role in {r.value for r in Role} else None
    agency_id = _optional_int_arg("agency")
    page = db.paginate(
        service.users_query(role=role, agency_id=agency_id).options(selectinload(User.agency)),
        per_page=PER_PAGE,
        error_out=False,
    )
    agencies = db.session.scalars(service.agencies_query()).all()
    return render_template(
        "admin/users.html",
        page=page,
        role=role,
        agency_id=agency_id,
        roles=list(Role),
        agencies=agencies,
    )


@bp.route("/users/new", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def user_new():
    form = NewUserForm(agencies=_agency_choices())
    if form.validate_on_submit():
        try:
            user = service.create_user(_actor(), form.password.data, **form.values())
        except ValidationError as error:
            _show_error(form, error)
        else:
            db.session.commit()
            flash(
                _("The account %(username)s has been created.", username=user.username), "success"
            )
            return redirect(url_for("admin.users"))
    return _form_page("admin/user_form.html", form, _status(), user=None)


@bp.route("/users/<int:user_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def user_edit(user_id: int):
    user = db.get_or_404(User, user_id)
    form = UserForm(obj=user, agencies=_agency_choices())
    if form.validate_on_submit():
        try:
            service.update_user(_actor(), user, **form.values())
        except ValidationError as error:
            _show_error(form, error)
        else:
            db.session.commit()
            flash(_("The account %(username)s has been saved.", username=user.username), "success")
            return redirect(url_for("admin.users"))
    return _form_page("admin/user_form.html", form, _status(), user=user)


@bp.route("/users/<int:user_id>/password", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def user_password(user_id: int):
    user = db.get_or_404(User, user_id)
    form = PasswordResetForm()
    if form.validate_on_submit():
        try:
            service.reset_password(_actor(), user, form.password.data)
        except ValidationError as error:
            _show_error(form, error)
        else:
            db.session.commit()
            flash(
                _(
                    "The password of %(username)s has been reset; their sessions have ended.",
                    username=user.username,
                ),
                "success",
            )
            return redirect(url_for("admin.users"))
    return _form_page("admin/user_password.html", form, _status(), user=user)


# -- terms -------------------------------------------------------------------------------------


@bp.route("/terms")
@permission_required(Permission.ADMINISTER)
def terms():
    items = db.session.scalars(service.terms_query()).all()
    return render_template("admin/terms.html", items=items, today=calendar.today_local())


@bp.route("/terms/new", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def term_new():
    form = TermForm()
    if form.validate_on_submit():
        try:
            term = service.create_term(_actor(), **form.values())
        except ValidationError as error:
            _show_error(form, error)
        else:
            db.session.commit()
            flash(_("The term %(name)s has been added.", name=term.name), "success")
            return redirect(url_for("admin.terms"))
    return _form_page("admin/term_form.html", form, _status(), term=None)


@bp.route("/terms/<int:term_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def term_edit(term_id: int):
    term = db.get_or_404(Term, term_id)
    form = TermForm(obj=term)
    if form.validate_on_submit():
        try:
            service.update_term(_actor(), term, **form.values())
        except ValidationError as error:
            _show_error(form, error)
        else:
            db.session.commit()
            flash(_("The term %(name)s has been saved.", name=term.name), "success")
            return redirect(url_for("admin.terms"))
    return _form_page("admin/term_form.html", form, _status(), term=term)


# -- public holidays -------------------------------------------------------------------------


def _year_arg() -> int:
    year = request.args.get("year", type=int)
    if year is None or not (calendar.MIN_YEAR <= year <= calendar.MAX_YEAR):
        return calendar.today_local().year
    return year


@bp.route("/holidays")
@permission_required(Permission.ADMINISTER)
def holidays():
    year = _year_arg()
    this_year = calendar.today_local().year
    span = service.holiday_years()
    first, last = span if span else (this_year, this_year)
    years = range(
        max(calendar.MIN_YEAR, min(first, year, this_year - 1)),
        min(calendar.MAX_YEAR, max(last, year, this_year + 1)) + 1,
    )
    items = db.session.scalars(service.holidays_in_year(year)).all()
    return render_template(
        "admin/holidays.html",
        items=items,
        year=year,
        years=list(reversed(years)),
        import_form=ImportHolidaysForm(formdata=None, year=year),
        delete_form=ConfirmForm(formdata=None),
    )


@bp.route("/holidays/new", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def holiday_new():
    form = HolidayForm()
    if form.validate_on_submit():
        try:
            holiday = service.create_holiday(_actor(), **form.values())
        except ValidationError as error:
            _show_error(form, error)
        else:
            db.session.commit()
            flash(
                _(
                    "%(date)s has been added: %(name)s.",
                    date=fmt_date(holiday.day),
                    name=holiday.name,
                ),
                "success",
            )
            return redirect(url_for("admin.holidays", year=holiday.day.year))
    return _form_page("admin/holiday_form.html", form, _status(), holiday=None, year=_year_arg())


@bp.route("/holidays/<int:holiday_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def holiday_edit(holiday_id: int):
    holiday = db.get_or_404(Holiday, holiday_id)
    form = HolidayForm(obj=holiday)
    if form.validate_on_submit():
        try:
            service.update_holiday(_actor(), holiday, **form.values())
        except ValidationError as error:
            _show_error(form, error)
        else:
            db.session.commit()
            flash(
                _("The holiday of %(date)s has been saved.", date=fmt_date(holiday.day)),
                "success",
            )
            return redirect(url_for("admin.holidays", year=holiday.day.year))
    return _form_page(
        "admin/holiday_form.html", form, _status(), holiday=holiday, year=holiday.day.year
    )


@bp.route("/holidays/<int:holiday_id>/delete", methods=["POST"])
@permission_required(Permission.ADMINISTER)
def holiday_delete(holiday_id: int):
    holiday = db.get_or_404(Holiday, holiday_id)
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    day, name = holiday.day, holiday.name
    service.delete_holiday(_actor(), holiday)
    db.session.commit()
    flash(
        _("%(date)s (%(name)s) is no longer a holiday.", date=fmt_date(day), name=name), "success"
    )
    return redirect(url_for("admin.holidays", year=day.year))


@bp.route("/holidays/import", methods=["POST"])
@permission_required(Permission.ADMINISTER)
def holidays_import():
    form = ImportHolidaysForm()
    if not form.validate_on_submit():
        abort(400)
    year = form.year.data
    try:
        added = service.import_holidays(_actor(), year)
    except ValidationError as error:
        db.session.rollback()
        flash(error.message, "danger")
        return redirect(url_for("admin.holidays"))
    db.session.commit()
    if added:
        flash(
            ngettext(
                "%(num)d official holiday of %(year)d has been added.",
                "%(num)d official holidays of %(year)d have been added.",
                added,
                year=year,
            ),
            "success",
        )
    else:
        flash(
            _(
                "Every official holiday of %(year)d is already in the list: nothing was added.",
                year=year,
            ),
            "info",
        )
    return redirect(url_for("admin.holidays", year=year))


# -- settings --------------------------------------------------------------------------------


@bp.route("/settings", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def settings_page():
    form_class = settings_form_class()
    form = form_class(data=settings.get_all()) if request.method == "GET" else form_class()
    if form.validate_on_submit():
        settings.update(_actor(), form.values())
        db.session.commit()
        flash(_("The settings have been saved."), "success")
        return redirect(url_for("admin.settings_page"))
    return _form_page("admin/settings.html", form, _status(), specs=settings.SPECS)

"""Administration: agencies, users, terms, public holidays and settings.

Every view is for administrators only. A view loads (404 if absent) and hands its form and
one service call to ``handle``: on success it flashes and redirects, on a broken rule the form
comes back with what was typed and the message (422). The commit happens once, in
``tracker.web.transaction``.
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
    DatedNameForm,
    HolidayForm,
    ImportHolidaysForm,
    NewUserForm,
    PasswordResetForm,
    ReorganiseForm,
    TermForm,
    UserForm,
    settings_form_class,
)
from tracker.enums import AuditAction, Role
from tracker.extensions import db
from tracker.formatting import fmt_date
from tracker.models import Agency, Holiday, Term, User
from tracker.permissions import Permission, permission_required
from tracker.services import admin as service
from tracker.services import agencies as agency_service
from tracker.services import audit, calendar, settings
from tracker.services.errors import ValidationError
from tracker.web.forms import form_page, form_view, handle
from tracker.web.listing import (
    Filters,
    date_param,
    enum_param,
    flag_param,
    id_param,
    paginate,
    text_param,
)


def _actor() -> User:
    return current_user._get_current_object()


def _agency_choices(exclude: Agency | None = None) -> list[tuple[str, str]]:
    agencies = db.session.scalars(service.agencies_query()).all()
    return [
        (str(a.id), f"{a.code} · {a.name_vi}")
        for a in agencies
        if exclude is None or a.id != exclude.id
    ]


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
    filters = Filters({"active": flag_param})
    items = db.session.scalars(service.agencies_query(active_only=bool(filters["active"]))).all()
    return render_template("admin/agencies.html", items=items, filters=filters)


@bp.route("/agencies/new", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
@form_view
def agency_new():
    form = AgencyForm(parents=_agency_choices())
    done = handle(
        form,
        lambda: service.create_agency(_actor(), **form.values()),
        message=lambda agency: _("Agency %(code)s has been added.", code=agency.code),
        next_url=url_for("admin.agencies"),
    )
    return done or form_page("admin/agency_form.html", form, agency=None)


@bp.route("/agencies/<int:agency_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
@form_view
def agency_edit(agency_id: int):
    agency = db.get_or_404(Agency, agency_id)
    form = AgencyForm(obj=agency, parents=_agency_choices(exclude=agency))
    done = handle(
        form,
        lambda: service.update_agency(_actor(), agency, **form.values()),
        message=lambda agency: _("Agency %(code)s has been saved.", code=agency.code),
        next_url=url_for("admin.agencies"),
    )
    return done or form_page("admin/agency_form.html", form, agency=agency)


@bp.route("/agencies/<int:agency_id>/reorganise", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
@form_view
def agency_reorganise(agency_id: int):
    """Record that an agency was renamed, merged or dissolved on a date, and its successors."""
    agency = db.get_or_404(Agency, agency_id)
    choices = [
        (a.id, f"{a.code} · {a.name_vi}")
        for a in db.session.scalars(service.agencies_query())
        if a.id != agency.id and a.dissolved_on is None
    ]
    form = ReorganiseForm(agencies=choices)
    done = handle(
        form,
        lambda: agency_service.reorganise(
            _actor(),
            agency,
            effective_on=form.effective_on.data,
            successor_ids=form.successor_ids.data,
            note=form.note.data,
        ),
        message=lambda a: _("The change of %(code)s has been recorded.", code=a.code),
        next_url=url_for("admin.agencies"),
    )
    return done or form_page(
        "admin/agency_reorganise.html",
        form,
        agency=agency,
        history=agency_service.history_note(agency),
    )


# -- users -------------------------------------------------------------------------------------


@bp.route("/users")
@permission_required(Permission.ADMINISTER)
def users():
    filters = Filters({"role": enum_param(Role), "agency": id_param})
    page = paginate(
        service.users_query(role=filters["role"], agency_id=filters["agency"]).options(
            selectinload(User.agency)
        )
    )
    agencies = db.session.scalars(service.agencies_query()).all()
    return render_template(
        "admin/users.html", page=page, filters=filters, roles=list(Role), agencies=agencies
    )


@bp.route("/users/new", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
@form_view
def user_new():
    form = NewUserForm(agencies=_agency_choices())
    done = handle(
        form,
        lambda: service.create_user(_actor(), form.password.data, **form.values()),
        message=lambda user: _(
            "The account %(username)s has been created.", username=user.username
        ),
        next_url=url_for("admin.users"),
    )
    return done or form_page("admin/user_form.html", form, user=None)


@bp.route("/users/<int:user_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
@form_view
def user_edit(user_id: int):
    user = db.get_or_404(User, user_id)
    form = UserForm(obj=user, agencies=_agency_choices())
    done = handle(
        form,
        lambda: service.update_user(_actor(), user, **form.values()),
        message=lambda user: _("The account %(username)s has been saved.", username=user.username),
        next_url=url_for("admin.users"),
    )
    return done or form_page("admin/user_form.html", form, user=user)


@bp.route("/users/<int:user_id>/password", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
@form_view
def user_password(user_id: int):
    user = db.get_or_404(User, user_id)
    form = PasswordResetForm()
    done = handle(
        form,
        lambda: service.reset_password(_actor(), user, form.password.data),
        message=_(
            "The password of %(username)s has been reset; their sessions have ended.",
            username=user.username,
        ),
        next_url=url_for("admin.users"),
    )
    return done or form_page("admin/user_password.html", form, user=user)


# -- terms -------------------------------------------------------------------------------------


@bp.route("/terms")
@permission_required(Permission.ADMINISTER)
def terms():
    items = db.session.scalars(service.terms_query()).all()
    return render_template("admin/terms.html", items=items, today=calendar.today_local())


@bp.route("/terms/new", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
@form_view
def term_new():
    form = TermForm()
    done = handle(
        form,
        lambda: service.create_term(_actor(), **form.values()),
        message=lambda term: _("The term %(name)s has been added.", name=term.name),
        next_url=url_for("admin.terms"),
    )
    return done or form_page("admin/term_form.html", form, term=None)


@bp.route("/terms/<int:term_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
@form_view
def term_edit(term_id: int):
    term = db.get_or_404(Term, term_id)
    form = TermForm(obj=term)
    done = handle(
        form,
        lambda: service.update_term(_actor(), term, **form.values()),
        message=lambda term: _("The term %(name)s has been saved.", name=term.name),
        next_url=url_for("admin.terms"),
    )
    return done or form_page("admin/term_form.html", form, term=term)


# -- public holidays -------------------------------------------------------------------------


def _year_arg() -> int:
    year = Filters({"year": lambda raw: _bounded_year(int(raw))})["year"]
    return year or calendar.today_local().year


def _bounded_year(year: int) -> int:
    if not calendar.MIN_YEAR <= year <= calendar.MAX_YEAR:
        raise ValueError(year)
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
@form_view
def holiday_new():
    form = HolidayForm()
    done = handle(
        form,
        lambda: service.create_holiday(_actor(), **form.values()),
        message=lambda holiday: _(
            "%(date)s has been added: %(name)s.", date=fmt_date(holiday.day), name=holiday.name
        ),
        next_url=lambda holiday: url_for("admin.holidays", year=holiday.day.year),
    )
    return done or form_page("admin/holiday_form.html", form, holiday=None, year=_year_arg())


@bp.route("/holidays/<int:holiday_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
@form_view
def holiday_edit(holiday_id: int):
    holiday = db.get_or_404(Holiday, holiday_id)
    form = HolidayForm(obj=holiday)
    done = handle(
        form,
        lambda: service.update_holiday(_actor(), holiday, **form.values()),
        message=lambda holiday: _(
            "The holiday of %(date)s has been saved.", date=fmt_date(holiday.day)
        ),
        next_url=lambda holiday: url_for("admin.holidays", year=holiday.day.year),
    )
    return done or form_page(
        "admin/holiday_form.html", form, holiday=holiday, year=holiday.day.year
    )


@bp.route("/holidays/<int:holiday_id>/delete", methods=["POST"])
@permission_required(Permission.ADMINISTER)
def holiday_delete(holiday_id: int):
    holiday = db.get_or_404(Holiday, holiday_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    day, name = holiday.day, holiday.name
    service.delete_holiday(_actor(), holiday)
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


def _settings_page(form, names_form):
    return form_page(
        "admin/settings.html",
        form,
        names_form=names_form,
        history=settings.history(),
        specs=settings.SPEC_BY_KEY,
    )


@bp.route("/settings", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
@form_view
def settings_page():
    form_class = settings_form_class()
    form = form_class(data=settings.get_all()) if request.method == "GET" else form_class()
    done = handle(
        form,
        lambda: settings.update(_actor(), form.values()),
        message=_("The settings have been saved."),
        next_url=url_for("admin.settings_page"),
    )
    return done or _settings_page(form, DatedNameForm(formdata=None))


@bp.route("/settings/names", methods=["POST"])
@permission_required(Permission.ADMINISTER)
@form_view
def settings_name_change():
    """A name that changes from a day on: the Office renamed, provinces merged."""
    names_form = DatedNameForm()
    done = handle(
        names_form,
        lambda: settings.change_from(
            _actor(), names_form.key.data, names_form.effective_on.data, names_form.value.data
        ),
        message=_("The change of name has been recorded."),
        next_url=url_for("admin.settings_page"),
    )
    return done or _settings_page(settings_form_class()(data=settings.get_all()), names_form)


# -- audit trail ---------------------------------------------------------------------------------


@bp.route("/audit")
@permission_required(Permission.VIEW_AUDIT)
def audit_trail():
    """The audit trail, read-only: who did what, when, from where. Nothing here changes a row
    (the database refuses it anyway)."""
    filters = Filters(
        {
            "user": text_param(64),
            "agency": id_param,
            "action": enum_param(AuditAction),
            "from": date_param,
            "to": date_param,
        }
    )
    page = paginate(
        audit.events_query(
            username=filters["user"],
            agency_id=filters["agency"],
            action=filters["action"],
            day_from=filters["from"],
            day_to=filters["to"],
        ),
        per_page=50,
    )
    agencies = db.session.scalars(service.agencies_query()).all()
    return render_template(
        "admin/audit.html",
        page=page,
        filters=filters,
        actions=list(AuditAction),
        agencies=agencies,
        agency_by_id={a.id: a for a in agencies},
    )

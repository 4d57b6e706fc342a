"""The administrator's forms. Each form's ``values()`` is exactly what its service takes."""

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.validators import EqualTo, Length, NumberRange, Optional, Regexp

from tracker.enums import AgencyLevel, HolidayKind, Role, Sector
from tracker.labels import choices
from tracker.services import calendar
from tracker.services.passwords import MAX_LENGTH, MIN_LENGTH
from tracker.services.settings import SPECS
from tracker.web.forms import Required, TrackerForm

REQUIRED = _l("This field is required.")
TOO_LONG = _l("This field cannot be longer than %(max)d characters.")
PASSWORD_LENGTH = _l("The password must have between %(min)d and %(max)d characters.")
NOT_A_DATE = _l("Enter a date.")


def enum_value(value) -> str:
    """Coerce for enum SelectFields: a member (from the object) or a string (from the form)
    both become the stored value, so the right option is selected either way."""
    if value is None:
        return ""
    return getattr(value, "value", value)


def optional_id(value) -> int | None:
    """Coerce for "none or one of these rows" SelectFields; the empty option is None."""
    if value in (None, "", "None"):
        return None
    return int(value)


def none_choice() -> tuple[str, str]:
    return ("", str(_l("— None —")))


class AgencyForm(TrackerForm):
    code = StringField(
        _l("Code"),
        validators=[
            Required(REQUIRED),
            Length(max=20, message=TOO_LONG),
            Regexp(
                r"^[A-Za-z0-9._-]+$",
                message=_l("Use letters without accents, digits, dots, hyphens or underscores."),
            ),
        ],
        description=_l("A short code such as SGDDT, used in agreement numbers."),
    )
    name_vi = StringField(
        _l("Name in Vietnamese"),
        validators=[Required(REQUIRED), Length(max=200, message=TOO_LONG)],
    )
    name_en = StringField(
        _l("Name in English"), validators=[Optional(), Length(max=200, message=TOO_LONG)]
    )
    level = SelectField(_l("Level"), coerce=enum_value)
    parent_id = SelectField(_l("Parent agency"), coerce=optional_id)
    primary_field = SelectField(_l("Primary field"), coerce=enum_value)
    is_office = BooleanField(
        _l("This is the Office"),
        description=_l("The Office reviews reports; its staff and leadership belong to it."),
    )
    in_bloc = BooleanField(_l("Member of the education-science bloc"), default=True)
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, parents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.level.choices = choices(AgencyLevel)
        self.primary_field.choices = [none_choice(), *choices(Sector)]
        self.parent_id.choices = [none_choice(), *parents]

    def values(self) -> dict:
        return {
            "code": self.code.data,
            "name_vi": self.name_vi.data,
            "name_en": self.name_en.data or "",
            "level": self.level.data,
            "parent_id": self.parent_id.data,
            "primary_field": self.primary_field.data or None,
            "is_office": self.is_office.data,
            "in_bloc": self.in_bloc.data,
            "active": self.active.data,
        }


class UserForm(TrackerForm):
    username = StringField(
        _l("Username"),
        validators=[
            Required(REQUIRED),
            Length(max=64, message=TOO_LONG),
            Regexp(
                r"^[A-Za-z0-9._@-]+$",
                message=_l(
                    "Use at most 64 letters without accents, digits, dots, hyphens, "
                    "underscores or @."
                ),
            ),
        ],
        render_kw={"autocomplete": "off"},
    )
    full_name = StringField(
        _l("Full name"), validators=[Required(REQUIRED), Length(max=200, message=TOO_LONG)]
    )
    email = StringField(
        _l("Email"),
        validators=[
            Optional(),
            Length(max=254, message=TOO_LONG),
            Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("Enter a valid email address.")),
        ],
    )
    role = SelectField(_l("Role"), coerce=enum_value)
    agency_id = SelectField(
        _l("Agency"),
        coerce=optional_id,
        description=_l(
            "Liaisons belong to their department; Office staff and leadership to the Office."
        ),
    )
    locale = SelectField(_l("Language"), default="vi")
    active = BooleanField(
        _l("Active"),
        default=True,
        description=_l("A disabled account cannot log in; its open sessions end at once."),
    )
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = choices(Role)
        self.agency_id.choices = [none_choice(), *agencies]
        self.locale.choices = list(current_app.config["LANGUAGES"].items())

    def values(self) -> dict:
        return {
            "username": self.username.data,
            "full_name": self.full_name.data,
            "email": self.email.data or None,
            "role": self.role.data,
            "agency_id": self.agency_id.data,
            "locale": self.locale.data,
            "active": self.active.data,
        }


def _password_fields(label):
    password = PasswordField(
        label,
        validators=[
            Required(REQUIRED),
            Length(min=MIN_LENGTH, max=MAX_LENGTH, message=PASSWORD_LENGTH),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[EqualTo("password", _l("The two passwords are not the same."))],
        render_kw={"autocomplete": "new-password"},
    )
    return password, confirm


class NewUserForm(UserForm):
    password, confirm = _password_fields(_l("Initial password"))
    # Keep the button last on the page.
    submit = SubmitField(_l("Create account"))


class PasswordResetForm(TrackerForm):
    password, confirm = _password_fields(_l("New password"))
    submit = SubmitField(_l("Set the new password"))


class TermForm(TrackerForm):
    name = StringField(
        _l("Name"),
        validators=[Required(REQUIRED), Length(max=50, message=TOO_LONG)],
        description=_l("For example 2021-2025."),
    )
    start_date = DateField(_l("Start date"), validators=[Required(NOT_A_DATE)])
    end_date = DateField(
        _l("End date"),
        validators=[Optional()],
        description=_l("Leave empty for a term that has not ended yet."),
    )
    submit = SubmitField(_l("Save"))

    def values(self) -> dict:
        return {
            "name": self.name.data,
            "start_date": self.start_date.data,
            "end_date": self.end_date.data,
        }


class HolidayForm(TrackerForm):
    day = DateField(_l("Date"), validators=[Required(NOT_A_DATE)])
    name = StringField(
        _l("Name"), validators=[Required(REQUIRED), Length(max=200, message=TOO_LONG)]
    )
    kind = SelectField(
        _l("Kind of day"),
        coerce=enum_value,
        default=HolidayKind.DAY_OFF.value,
        description=_l(
            "A day off is skipped when deadlines are counted; a weekend day worked in "
            "exchange for a day off is counted."
        ),
    )
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = choices(HolidayKind)

    def values(self) -> dict:
        return {"day": self.day.data, "name": self.name.data, "kind": self.kind.data}


class ImportHolidaysForm(TrackerForm):
    year = IntegerField(
        validators=[
            Required(REQUIRED),
            NumberRange(calendar.MIN_YEAR, calendar.MAX_YEAR, _l("Choose a valid year.")),
        ]
    )


class ConfirmForm(TrackerForm):
    """A POST-only action (delete): nothing but the CSRF token."""


def settings_form_class() -> type[TrackerForm]:
    """A form with one field per setting in ``settings.SPECS``: text, or a bounded integer."""

    class SettingsForm(TrackerForm):
        def values(self) -> dict:
            return {spec.key: self[spec.key].data for spec in SPECS}

    for spec in SPECS:
        if spec.kind is int:
            field = IntegerField(
                spec.label,
                validators=[
                    Required(_l("Enter a whole number.")),
                    NumberRange(
                        spec.minimum,
                        spec.maximum,
                        _l("Enter a number from %(min)s to %(max)s."),
                    ),
                ],
                render_kw={"min": spec.minimum, "max": spec.maximum},
            )
        else:
            field = StringField(
                spec.label,
                validators=[Required(REQUIRED), Length(max=200, message=TOO_LONG)],
            )
        setattr(SettingsForm, spec.key, field)
    SettingsForm.submit = SubmitField(_l("Save settings"))
    return SettingsForm


class ReorganiseForm(TrackerForm):
    effective_on = DateField(
        _l("From"),
        validators=[Required(NOT_A_DATE)],
        description=_l("The first day on which the agency no longer exists as it was."),
    )
    successor_ids = SelectMultipleField(
        _l("Carried on by"),
        coerce=int,
        description=_l("The agency it became, or the agencies its work was divided among."),
    )
    note = StringField(
        _l("Decision"),
        validators=[Length(max=300, message=TOO_LONG)],
        description=_l("For example: Quyết định số 12/QĐ-UBND ngày 26/02/2025."),
    )
    submit = SubmitField(_l("Record the change"))

    def __init__(self, *args, agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.successor_ids.choices = list(agencies)


class DatedNameForm(TrackerForm):
    """A name that changes from a day on (the Office renamed, provinces merged)."""

    key = SelectField(_l("Name"), coerce=str)
    effective_on = DateField(_l("From"), validators=[Required(NOT_A_DATE)])
    value = StringField(
        _l("New name"), validators=[Required(REQUIRED), Length(max=200, message=TOO_LONG)]
    )
    submit = SubmitField(_l("Record the change of name"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key.choices = [(s.key, str(s.label)) for s in SPECS if s.dated]

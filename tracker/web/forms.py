"""Forms: the base class every form of the app uses, and the one path of a form view.

``TrackerForm`` cleans what people type before any validator sees it:

- text loses its surrounding whitespace (a required field of spaces is empty);
- a field holding control characters (NUL, escape…) or bidirectional overrides gets a message
  and keeps the rest of what was typed, with those characters removed;
- a whole number must fit the database;
- an expired or missing CSRF token becomes a message above the form, which is shown again with
  everything typed (never a bare error page that loses the text).

``handle`` is what every create and edit view does: validate → call a service → flash →
redirect, or show the form again with the service's message at its field. The commit happens
once, in ``tracker.web.transaction``.
"""

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from flask import flash, redirect, render_template, request
from flask_babel import get_translations, ngettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from flask_wtf.form import SUBMIT_METHODS, _Auto
from werkzeug.datastructures import CombinedMultiDict, FileStorage
from wtforms import Field as FormField
from wtforms import FieldList, Form, IntegerField, PasswordField, StringField, TextAreaField
from wtforms import FormField as SubForm
from wtforms.validators import StopValidation

from tracker.services.errors import ConflictError, ValidationError
from tracker.text import has_forbidden_characters, remove_forbidden_characters
from tracker.web import transaction

#: Integers must fit a 32-bit database column.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
#: The status of a form shown again because of what was typed.
INVALID = 422

FORBIDDEN_CHARACTERS = _l(
    "This field contained invisible control characters, which have been removed. "
    "Check the text and save again."
)
NUMBER_TOO_LARGE = _l("Enter a smaller number.")
FORM_EXPIRED = _l(
    "This form had expired, so nothing was saved. What you typed is kept below: check it and "
    "submit again."
)
CONFLICT = _l(
    "Someone else saved this record while you were editing it. Nothing of yours was saved: "
    "reload the page to see their version, then make your change again."
)


# WTForms' own messages (it ships no Vietnamese): marked here so that they are extracted into
# the app's catalogs, and looked up there by ``TrackerForm.Meta``.
WTFORMS_MESSAGES = (
    _l("Not a valid choice."),
    _l("Invalid Choice: could not coerce."),
    _l("Not a valid date value."),
    _l("Not a valid datetime value."),
    _l("Not a valid integer value."),
    _l("Not a valid decimal value."),
    _l("Not a valid float value."),
    _l("Not a valid time value."),
    _l("Field must be between %(min)d and %(max)d characters long."),
    _l("Invalid input."),
    _l("Number must be at least %(min)s."),
    _l("Number must be at most %(max)s."),
    _l("Number must be between %(min)s and %(max)s."),
)


def _wtforms_plural_messages() -> None:  # pragma: no cover - never called
    """WTForms' messages with plural forms, marked for extraction only."""
    ngettext(
        "Field cannot be longer than %(max)d character.",
        "Field cannot be longer than %(max)d characters.",
        1,
    )
    ngettext(
        "Field must be at least %(min)d character long.",
        "Field must be at least %(min)d characters long.",
        1,
    )


class _AppTranslations:
    """WTForms' messages through the app's catalogs (Flask-Babel). WTForms fills in the
    placeholders itself, so these return the bare translation."""

    def gettext(self, string):
        return get_translations().ugettext(string)

    def ngettext(self, singular, plural, n):
        return get_translations().ungettext(singular, plural, n)


class Required:
    """The field must have a value; text made only of spaces counts as empty.

    (WTForms' ``InputRequired`` accepts "   ", and ``DataRequired`` refuses the number 0.)"""

    field_flags = {"required": True}

    def __init__(self, message=None):
        self.message = message or _l("This field is required.")

    def __call__(self, form, field):
        data = field.data
        # raw_data == []: the form was posted without this field at all (an edit form posted
        # empty must not keep the record's values as if they had been typed).
        absent = field.raw_data is not None and not field.raw_data
        if absent or data is None or (isinstance(data, str) and not data.strip()):
            field.errors[:] = []
            raise StopValidation(self.message)


def _leaves(fields) -> list[FormField]:
    """Every field of a form, those inside lists of subforms (FieldList, FormField) too."""
    out = []
    for field in fields:
        if isinstance(field, FieldList):
            out += _leaves(field.entries)
        elif isinstance(field, SubForm):
            out += _leaves(field.form)
        else:
            out.append(field)
    return out


def _is_text(field: FormField) -> bool:
    return isinstance(field, StringField) and field.type != "CSRFTokenField"


class TrackerForm(FlaskForm):
    """The base of every form: see the module's docstring."""

    class Meta:
        def get_translations(self, form):
            return _AppTranslations()

        def wrap_formdata(self, form, formdata):
            # A posted form reads the posted fields only (never a JSON body: the API has its
            # own validation), and an empty post is an empty form, not "no form".
            if formdata is _Auto:
                if request.method not in SUBMIT_METHODS:
                    return None
                if request.files:
                    return CombinedMultiDict((request.files, request.form))
                return request.form
            return formdata

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._dirty_fields: list[FormField] = []
        #: True when the form came back because its CSRF token had expired or was missing.
        self.expired = False
        for field in _leaves(self):
            if isinstance(field, FileField) and not (
                isinstance(field.data, FileStorage) and field.data.filename
            ):
                field.data = None  # text posted in place of a file, or no file chosen
                continue
            if not _is_text(field) or not isinstance(field.data, str):
                continue
            multiline = isinstance(field, TextAreaField)
            data = field.data
            if has_forbidden_characters(data, multiline=multiline):
                data = remove_forbidden_characters(data, multiline=multiline)
                if field.type != "HiddenField":
                    self._dirty_fields.append(field)
            if not isinstance(field, PasswordField):
                data = data.strip()
            field.data = data

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for field in self._dirty_fields:
            field.errors = [*field.errors, str(FORBIDDEN_CHARACTERS)]
            valid = False
        for field in _leaves(self):
            if (
                isinstance(field, IntegerField)
                and isinstance(field.data, int)
                and not INT_MIN <= field.data <= INT_MAX
            ):
                field.errors = [*field.errors, str(NUMBER_TOO_LARGE)]
                valid = False
        csrf = getattr(self, "csrf_token", None)
        if csrf is not None and csrf.errors:
            # The token expired (or is missing): say so once, above the form, in the user's
            # language; the fields keep what was typed.
            csrf.errors = []
            self.expired = True
            self.form_errors.append(str(FORM_EXPIRED))
            valid = False
        return valid

    def show_error(self, error: ValidationError) -> None:
        """Put a service's message next to its field, or above the form when it has none (or
        when it is about a list of subforms, like an agreement's parties)."""
        if error.field and error.field in self and not isinstance(self[error.field], FieldList):
            field = self[error.field]
            field.errors = [*field.errors, error.message]
        else:
            self.form_errors.append(error.message)


class TrackerSubForm(Form):
    """A form repeated inside another (an agreement's parties, an update's figures): no CSRF
    token of its own, the app's translations. The outer TrackerForm cleans its text."""

    class Meta:
        def get_translations(self, form):
            return _AppTranslations()


def form_view(view: Callable) -> Callable:
    """Mark a view whose form is shown again, with what was typed, when its CSRF token has
    expired (``tracker.errors``). Only views that act through ``form.validate_on_submit()``
    may be marked: the re-run must not act."""
    view.shows_form_on_expired_token = True
    return view


def handle(
    form: TrackerForm,
    action: Callable[[], Any],
    *,
    message: str | Callable[[Any], str],
    next_url: str | Callable[[Any], str],
):
    """The one path of a form view. Returns a redirect when the service succeeded, None when
    the form must be shown again (its errors set, the request's work rolled back)."""
    if not form.validate_on_submit():
        return None
    try:
        result = action()
    except ValidationError as error:
        transaction.rollback()
        form.show_error(error)
        return None
    except (ConflictError, sa.orm.exc.StaleDataError):
        transaction.rollback()
        form.form_errors.append(str(CONFLICT))
        return None
    flash(message(result) if callable(message) else message, "success")
    return redirect(next_url(result) if callable(next_url) else next_url)


def form_page(template: str, form: TrackerForm, **context):
    """Render a form page: 200 when first shown, 422 when it comes back with errors."""
    status = INVALID if request.method == "POST" else 200
    return render_template(template, form=form, **context), status

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, PasswordField, RadioField, StringField, SubmitField
from wtforms.validators import EqualTo, Length

from tracker.services.passwords import MAX_LENGTH, MIN_LENGTH
from tracker.web.forms import Required, TrackerForm


class LoginForm(TrackerForm):
    username = StringField(
        _l("Username"),
        validators=[Required(_l("Enter your username.")), Length(max=64)],
        render_kw={"autocomplete": "username"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[Required(_l("Enter your password.")), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )
    next = HiddenField()
    submit = SubmitField(_l("Log in"))


class LanguageForm(TrackerForm):
    locale = RadioField()
    next = HiddenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale.choices = list(current_app.config["LANGUAGES"].items())


class LogoutForm(TrackerForm):
    pass


class ChangePasswordForm(TrackerForm):
    current = PasswordField(
        _l("Current password"),
        validators=[Required(_l("Enter your current password."))],
        render_kw={"autocomplete": "current-password"},
    )
    new = PasswordField(
        _l("New password"),
        validators=[
            Required(_l("Enter a new password.")),
            Length(
                min=MIN_LENGTH,
                max=MAX_LENGTH,
                message=_l("The password must have between %(min)d and %(max)d characters."),
            ),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[EqualTo("new", _l("The two passwords are not the same."))],
        render_kw={"autocomplete": "new-password"},
    )
    submit = SubmitField(_l("Change password"))


class NewTokenForm(TrackerForm):
    name = StringField(
        _l("What the token is for"),
        validators=[Required(_l("Give the token a name.")), Length(max=100)],
        description=_l("For example: the department's reporting script."),
    )
    submit = SubmitField(_l("Create a token"))

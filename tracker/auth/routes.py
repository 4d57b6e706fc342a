"""Login, logout, language, own password."""

import time

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from tracker.auth import bp
from tracker.auth.forms import ChangePasswordForm, LanguageForm, LoginForm, LogoutForm, NewTokenForm
from tracker.services import accounts, tokens
from tracker.services.accounts import LoginOutcome
from tracker.throttle import throttled
from tracker.web import safe_next
from tracker.web.forms import form_page, form_view, handle

LOGIN_MESSAGES = {
    LoginOutcome.BAD_CREDENTIALS: lambda: _("The username or password is incorrect."),
    LoginOutcome.DISABLED: lambda: _("This account has been disabled. Contact the administrator."),
}


def login_page(form: LoginForm, error: str | None = None, status: int = 200):
    if not form.next.data:
        form.next.data = request.args.get("next", "")
    form.password.data = ""
    return render_template("auth/login.html", form=form, error=error), status


def _start_session(user) -> None:
    session.clear()  # a fresh session on login: no fixation
    login_user(user)
    session["login_at"] = session["seen_at"] = time.time()
    session.permanent = True


@bp.route("/login", methods=["GET", "POST"])
@throttled
@form_view
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    if session.pop("expired", False):
        flash(_("Your session has expired. Please log in again."), "warning")
    form = LoginForm()
    if not form.validate_on_submit():
        error = _("The login form expired. Please log in again.") if form.expired else None
        return login_page(form, error, 400 if request.method == "POST" else 200)
    result = accounts.authenticate(form.username.data, form.password.data)
    if result.outcome is not LoginOutcome.OK:
        return login_page(form, LOGIN_MESSAGES[result.outcome](), 401)
    _start_session(result.user)
    return redirect(safe_next(form.next.data, url_for("main.home")))


@bp.route("/logout", methods=["POST"])
def logout():
    if current_user.is_authenticated:
        accounts.logout(current_user._get_current_object())
    logout_user()
    session.clear()
    flash(_("You have logged out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/language", methods=["POST"])
def set_language():
    form = LanguageForm()
    default = current_app.config["BABEL_DEFAULT_LOCALE"]
    locale = form.locale.data if form.locale.data in current_app.config["LANGUAGES"] else default
    if current_user.is_authenticated:
        accounts.set_locale(current_user._get_current_object(), locale)
    else:
        session["locale"] = locale
    return redirect(safe_next(form.next.data, url_for("main.home")))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
@form_view
def change_password():
    form = ChangePasswordForm()
    user = current_user._get_current_object()

    def change():
        accounts.change_own_password(user, form.current.data, form.new.data)
        # The change ended every session, this one too: sign in again with the new nonce.
        _start_session(user)

    done = handle(
        form, change, message=_("Your password has been changed."), next_url=url_for("main.home")
    )
    return done or form_page("auth/change_password.html", form)


def _account_page(token_form: NewTokenForm, new_token: str | None = None, status: int = 200):
    user = current_user._get_current_object()
    return (
        render_template(
            "auth/account.html",
            token_form=token_form,
            revoke_form=LogoutForm(formdata=None),
            tokens=tokens.of_user(user),
            new_token=new_token,
        ),
        status,
    )


@bp.route("/account")
@login_required
def account():
    """The user's own page: language, password, and their API tokens."""
    return _account_page(NewTokenForm(formdata=None))


@bp.route("/account/tokens", methods=["POST"])
@login_required
@form_view
def create_token():
    form = NewTokenForm()
    if not form.validate_on_submit():
        return _account_page(form, status=422)
    token, _row = tokens.issue(current_user._get_current_object(), form.name.data)
    # Shown once, in this answer only (never in a flash message, which travels in the cookie).
    return _account_page(NewTokenForm(formdata=None), new_token=token, status=201)


@bp.route("/account/tokens/<int:token_id>/revoke", methods=["POST"])
@login_required
def revoke_token(token_id: int):
    if not LogoutForm().validate_on_submit():
        abort(400)
    if tokens.revoke(current_user._get_current_object(), token_id) is None:
        abort(404)
    flash(_("The token has been revoked."), "success")
    return redirect(url_for("auth.account"))

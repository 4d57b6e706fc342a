"""Login, logout, language, own password."""

import time

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from tracker.auth import bp
from tracker.auth.forms import ChangePasswordForm, LanguageForm, LoginForm
from tracker.extensions import db
from tracker.services import accounts
from tracker.services.passwords import verify_password
from tracker.web import SUPPORTED, safe_next


def render_login(form: LoginForm | None = None, error: str | None = None):
    form = form or LoginForm(formdata=request.form if request.method == "POST" else None)
    if not form.next.data:
        form.next.data = request.args.get("next", "")
    form.password.data = ""
    return render_template("auth/login.html", form=form, error=error)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    if session.pop("expired", False):
        flash(_("Your session has expired. Please log in again."), "warning")
    form = LoginForm()
    if not form.validate_on_submit():
        status = 400 if request.method == "POST" else 200
        return render_login(form), status

    result = accounts.authenticate(form.username.data, form.password.data)
    if result.user is None:
        db.session.commit()  # keep the failed-login audit row
        if result.outcome == "disabled":
            error = _("This account has been disabled. Contact the administrator.")
        else:
            error = _("The username or password is incorrect.")
        return render_login(form, error), 401

    db.session.commit()
    session.clear()  # a fresh session on login: no fixation
    login_user(result.user)
    now = time.time()
    session["login_at"] = now
    session["seen_at"] = now
    session.permanent = True
    return redirect(safe_next(form.next.data, url_for("main.home")))


@bp.route("/logout", methods=["POST"])
def logout():
    if current_user.is_authenticated:
        accounts.logout(current_user._get_current_object())
        db.session.commit()
    logout_user()
    session.clear()
    flash(_("You have logged out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/language", methods=["POST"])
def set_language():
    form = LanguageForm()
    locale = form.locale.data if form.locale.data in SUPPORTED else "vi"
    if current_user.is_authenticated:
        accounts.set_locale(current_user._get_current_object(), locale)
        db.session.commit()
    else:
        session["locale"] = locale
    return redirect(safe_next(form.next.data, url_for("main.home")))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        if not verify_password(user.password_hash, form.current.data):
            form.current.errors.append(_("The current password is incorrect."))
        else:
            accounts.change_password(user, form.new.data)
            db.session.commit()
            # The change ended every session, this one too: sign in again with the new nonce.
            login_user(user)
            session["login_at"] = session["seen_at"] = time.time()
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("main.home"))
    return render_template("auth/change_password.html", form=form)

"""Login-session plumbing: loading users from the cookie, idle and absolute timeouts, headers."""

import time

import sqlalchemy as sa
from flask import Flask, request, session
from flask_babel import lazy_gettext as _l
from flask_login import current_user, logout_user
from sqlalchemy.orm import joinedload

from tracker import pool
from tracker.extensions import db, login_manager
from tracker.models import User
from tracker.services import figure_cache

#: How precisely the last request's time is kept for the idle timeout.
SEEN_RESOLUTION_SECONDS = 60

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def init_app(app: Flask) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to continue.")
    login_manager.login_message_category = "warning"
    login_manager.session_protection = "basic"

    @login_manager.user_loader
    def load_user(cookie_id: str):
        user_id, _, nonce = (cookie_id or "").partition(":")
        if not user_id.isdigit() or len(user_id) > 10 or not nonce or int(user_id) >= 2**31:
            return None
        # The agency comes with the user: every page's header names it. The figure stamps
        # come along in the same statement: a kept page needs nothing else from the database
        # (tracker.web.page_cache), and they are read before anything the page shows.
        with pool.before_the_transaction(db.session):
            row = db.session.execute(
                sa.select(User, *figure_cache.stamp_columns())
                .where(User.id == int(user_id))
                .options(joinedload(User.agency))
            ).first()
        if row is None:
            return None
        user = row[0]
        figure_cache.remember_stamps(row[1:])
        # A changed nonce (password change, account disabled) refuses old cookies.
        if user is None or not user.active or user.session_nonce != nonce:
            return None
        return user

    @app.before_request
    def enforce_session_lifetime():
        if request.blueprint == "api":
            return None  # the API authenticates with tokens, not the session
        if not current_user.is_authenticated:
            return None
        now = time.time()
        idle = app.config["SESSION_IDLE_MINUTES"] * 60
        absolute = app.config["SESSION_ABSOLUTE_HOURS"] * 3600
        started = session.get("login_at", now)
        seen = session.get("seen_at", now)
        if now - seen > idle or now - started > absolute:
            logout_user()
            session.clear()
            session["expired"] = True
            return None
        # Written again once a minute at most: the cookie is not re-signed on every request,
        # and an idle timeout of minutes loses nothing to it.
        if now - seen >= SEEN_RESOLUTION_SECONDS or "seen_at" not in session:
            session["seen_at"] = now
        return None

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if app.config.get("PRODUCTION"):
            response.headers.setdefault(
                "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
            )
        # Every answer (pages, PDFs, JSON, CSV, XLSX, downloads, even the login page and the
        # stylesheets) is kept out of every cache: agencies' data must never outlive the
        # session on a shared computer or in a proxy. One rule, no list to keep up to date.
        response.headers["Cache-Control"] = "no-store"
        response.headers.pop("Expires", None)
        return response

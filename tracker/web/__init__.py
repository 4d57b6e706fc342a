"""The web layer's shared plumbing: locale choice, template filters, the safe ``next`` target.

Submodules: ``transaction`` (one commit per request), ``forms`` (the base form and the one
path of a form view), ``listing`` (query parameters, pagination and the links that keep
filters).
"""

from urllib.parse import unquote, urlsplit

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import get_locale
from flask_login import current_user

from tracker import formatting
from tracker.labels import label, object_label
from tracker.permissions import Permission, has_permission
from tracker.services import calendar, notifications, settings
from tracker.web import listing, transaction


def languages() -> tuple[str, ...]:
    """The interface languages, the default (Vietnamese) first: ``config.LANGUAGES``."""
    return tuple(current_app.config["LANGUAGES"])


def select_locale() -> str:
    """The user's saved preference; before login the session's choice or Accept-Language.
    Outside a request (the CLI) the default, Vietnamese."""
    default = current_app.config["BABEL_DEFAULT_LOCALE"]
    if not has_request_context():
        return default
    supported = languages()
    if current_user and current_user.is_authenticated and current_user.locale in supported:
        return current_user.locale
    chosen = session.get("locale")
    if chosen in supported:
        return chosen
    return request.accept_languages.best_match(supported, default=default) or default


def is_safe_next(target: str | None) -> bool:
    """Only a local path may follow login: no scheme, no host, no protocol-relative tricks."""
    if not target:
        return False
    decoded = target
    for _ in range(3):  # %2F%2F and doubly-encoded variants
        decoded = unquote(decoded)
    if any(c in decoded for c in ("\\", "\r", "\n", "\t")) or any(ord(c) < 32 for c in decoded):
        return False
    if not decoded.startswith("/") or decoded.startswith("//"):
        return False
    parts = urlsplit(decoded)
    return not parts.scheme and not parts.netloc


def safe_next(target: str | None, default: str) -> str:
    return target if is_safe_next(target) else default


def init_app(app: Flask) -> None:
    env = app.jinja_env
    env.filters["date"] = formatting.fmt_date
    env.filters["datetime"] = formatting.fmt_datetime
    env.filters["number"] = formatting.fmt_number
    env.filters["percent"] = formatting.fmt_percent
    env.filters["localdate"] = calendar.local_date
    env.filters["label"] = label
    env.filters["object_label"] = object_label
    # Globals (not context variables) so that imported macros can use them too.
    env.globals["agency_name"] = formatting.agency_name
    env.globals["period_name"] = formatting.period_name
    env.globals["period_short"] = formatting.period_short
    env.globals["report_title"] = formatting.report_title
    env.globals["LANGUAGE_NAMES"] = app.config["LANGUAGES"]

    transaction.init_app(app)
    listing.init_app(app)

    @app.context_processor
    def inject():
        def can(permission: str) -> bool:
            return has_permission(current_user, Permission(permission))

        unread = 0
        if current_user.is_authenticated and request.blueprint != "api":
            unread = notifications.unread_count(current_user)
        return {
            "can": can,
            "unread": unread,
            "current_locale": str(get_locale()),
            "site": _site_settings(),
        }


def _site_settings() -> dict:
    try:
        values = settings.get_all()
    except Exception:  # noqa: BLE001 - an error page must render even if the database is down
        values = {s.key: s.default for s in settings.SPECS}
    return values

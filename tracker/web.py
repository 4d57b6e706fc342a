"""Glue for templates: locale choice, date filters, labels, and the safe ``next`` target."""

from datetime import date, datetime
from urllib.parse import unquote, urlsplit

from flask import Flask, has_request_context, request, session
from flask_babel import format_date, format_datetime, get_locale
from flask_login import current_user

from tracker.labels import label, object_label
from tracker.permissions import Permission, has_permission

SUPPORTED = ("vi", "en")


def select_locale() -> str:
    """The user's saved preference; before login the session's choice or Accept-Language.
    Outside a request (the CLI) the default, Vietnamese."""
    if not has_request_context():
        return "vi"
    if current_user and current_user.is_authenticated and current_user.locale in SUPPORTED:
        return current_user.locale
    chosen = session.get("locale")
    if chosen in SUPPORTED:
        return chosen
    return request.accept_languages.best_match(SUPPORTED, default="vi") or "vi"


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


def fmt_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    pattern = "dd/MM/yyyy" if str(get_locale()) == "vi" else "d MMM yyyy"
    return format_date(value, pattern)


def fmt_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    pattern = "HH:mm dd/MM/yyyy" if str(get_locale()) == "vi" else "d MMM yyyy, HH:mm"
    return format_datetime(value, pattern)


def agency_name(agency) -> str:
    return agency.name(str(get_locale())) if agency is not None else ""


def fmt_number(value) -> str:
    from flask_babel import format_decimal

    return format_decimal(value or 0)


def init_app(app: Flask) -> None:
    app.jinja_env.filters["date"] = fmt_date
    app.jinja_env.filters["datetime"] = fmt_datetime
    app.jinja_env.filters["label"] = label
    app.jinja_env.filters["object_label"] = object_label
    app.jinja_env.filters["number"] = fmt_number
    # Globals (not context variables) so that imported macros can use them too.
    app.jinja_env.globals["agency_name"] = agency_name

    @app.context_processor
    def inject():
        from tracker.services import settings

        def can(permission: str) -> bool:
            return has_permission(current_user, Permission(permission))

        return {
            "can": can,
            "current_locale": str(get_locale()),
            "site": _site_settings(settings),
        }


def _site_settings(settings) -> dict:
    try:
        values = settings.get_all()
    except Exception:  # noqa: BLE001 - an error page must render even if the database is down
        values = {s.key: s.default for s in settings.SPECS}
    return values

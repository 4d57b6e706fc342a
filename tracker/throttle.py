"""Login throttling: failed logins are limited per account and per address.

Both limits count only failures (a 401 answer) and are checked before the password is: once an
account or an address has used its attempts, even the right password is refused (429) until
the window ends. The web login form and the API's token endpoint share the same counters, so
a script cannot go round the form's limit through the API.

The counters live in the limiter's storage: Redis when ``REDIS_URL`` is set (shared by every
gunicorn worker and app instance), memory otherwise (one process: development and tests).
"""

import hashlib
import math
import time
from datetime import UTC, datetime

from flask import Response, current_app, request
from flask_babel import format_time, ngettext
from flask_limiter.util import get_remote_address

from tracker.extensions import limiter


def _failed(response: Response) -> bool:
    return response.status_code == 401


def _username() -> str:
    if request.is_json:
        body = request.get_json(silent=True)
        name = body.get("username") if isinstance(body, dict) else None
    else:
        name = request.form.get("username")
    name = (name if isinstance(name, str) else "").strip().lower()
    # Hashed: a key is never longer than a digest, and the storage never holds a username.
    return hashlib.sha256(name.encode("utf-8", "replace")).hexdigest() if name else ""


def _address() -> str:
    return get_remote_address() or "unknown"


#: Decorates every view that checks a password for a login (the form and POST /api/v1/tokens).
per_account = limiter.shared_limit(
    lambda: current_app.config["LOGIN_LIMIT_PER_ACCOUNT"],
    scope="login-account",
    key_func=_username,
    methods=["POST"],
    deduct_when=_failed,
)
per_address = limiter.shared_limit(
    lambda: current_app.config["LOGIN_LIMIT_PER_ADDRESS"],
    scope="login-address",
    key_func=_address,
    methods=["POST"],
    deduct_when=_failed,
)


@limiter.request_filter
def _reading() -> bool:
    """Only posts are limited (a failed login): a page read skips the limiter's work."""
    return request.method in ("GET", "HEAD", "OPTIONS")


def throttled(view):
    """Both login limits on ``view``."""
    return per_account(per_address(view))


def retry_at() -> float:
    """When the breached limit of this request lets the next attempt through (a Unix time)."""
    limit = limiter.current_limit
    if limit is None:
        return time.time() + 60
    return float(limit.reset_at)


def retry_after_seconds() -> int:
    return max(1, math.ceil(retry_at() - time.time()))


def message() -> str:
    """What the user reads: when to try again, as a time of day and in minutes."""
    at = datetime.fromtimestamp(retry_at(), UTC)
    minutes = max(1, math.ceil(retry_after_seconds() / 60))
    # Flask-Babel shows the time in the app's time zone (Asia/Ho_Chi_Minh).
    return ngettext(
        "Too many failed login attempts. For your security, logging in is paused: try again "
        "after %(time)s (in about %(num)d minute).",
        "Too many failed login attempts. For your security, logging in is paused: try again "
        "after %(time)s (in about %(num)d minutes).",
        minutes,
        time=format_time(at, "HH:mm"),
    )

"""Logging in and out, and the user's own account (language, password)."""

from dataclasses import dataclass

import sqlalchemy as sa

from tracker.enums import AuditAction
from tracker.extensions import db
from tracker.models import User
from tracker.models.base import utcnow
from tracker.services.audit import record
from tracker.services.passwords import dummy_verify, hash_password, verify_password


@dataclass
class LoginResult:
    user: User | None
    # "ok", "bad_credentials" or "disabled": the view turns it into a message.
    outcome: str


def find_user(username: str) -> User | None:
    """The user with this username, compared case-insensitively."""
    name = (username or "").strip().lower()
    if not name:
        return None
    return db.session.scalar(sa.select(User).where(sa.func.lower(User.username) == name))


def authenticate(username: str, password: str) -> LoginResult:
    """Check credentials and record the attempt. Never says which of the two was wrong."""
    user = find_user(username)
    if user is None:
        dummy_verify(password)
        record(None, AuditAction.LOGIN_FAILED, object_type="user", detail=username[:64])
        return LoginResult(None, "bad_credentials")
    if not verify_password(user.password_hash, password):
        record(user, AuditAction.LOGIN_FAILED, user)
        return LoginResult(None, "bad_credentials")
    if not user.active:
        record(user, AuditAction.LOGIN_FAILED, user, detail="disabled")
        return LoginResult(None, "disabled")
    user.last_login_at = utcnow()
    record(user, AuditAction.LOGIN, user)
    return LoginResult(user, "ok")


def logout(user: User) -> None:
    """End the user's sessions: the cookie's nonce changes, so a replayed cookie is refused."""
    user.end_all_sessions()
    db.session.flush()
    record(user, AuditAction.LOGOUT, user)


def set_locale(user: User, locale: str) -> None:
    before = {"locale": user.locale}
    user.locale = locale
    db.session.flush()
    record(user, AuditAction.UPDATE, user, before=before, after={"locale": locale})


def change_password(user: User, new_password: str, actor: User | None = None) -> None:
    """Set a new password and end every existing session of the user."""
    user.password_hash = hash_password(new_password)
    user.password_changed_at = utcnow()
    user.end_all_sessions()
    db.session.flush()
    action = AuditAction.PASSWORD_CHANGE if actor in (None, user) else AuditAction.PASSWORD_RESET
    record(actor or user, action, user)

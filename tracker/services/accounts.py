"""Logging in and out, and the user's own account (language, password)."""

import enum
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _

from tracker.enums import AuditAction
from tracker.extensions import db
from tracker.models import User
from tracker.models.base import utcnow
from tracker.services.audit import record, record_security_event
from tracker.services.errors import ValidationError
from tracker.services.passwords import dummy_verify, hash_password, verify_password
from tracker.text import remove_forbidden_characters


class LoginOutcome(enum.StrEnum):
    OK = "ok"
    BAD_CREDENTIALS = "bad_credentials"
    DISABLED = "disabled"


@dataclass
class LoginResult:
    user: User | None
    outcome: LoginOutcome  # the view turns it into a message


def find_user(username: str) -> User | None:
    """The user with this username, compared case-insensitively."""
    name = (username or "").strip().lower()
    if not name or len(name) > 64 or name != remove_forbidden_characters(name):
        return None
    return db.session.scalar(sa.select(User).where(sa.func.lower(User.username) == name))


def authenticate(username: str, password: str) -> LoginResult:
    """Check credentials and record the attempt. Never says which of the two was wrong."""
    user = find_user(username)
    if user is None:
        dummy_verify(password)
        record_security_event(
            None,
            AuditAction.LOGIN_FAILED,
            object_type=User.__tablename__,
            detail=remove_forbidden_characters(username or "")[:64],
        )
        return LoginResult(None, LoginOutcome.BAD_CREDENTIALS)
    if not verify_password(user.password_hash, password):
        record_security_event(user, AuditAction.LOGIN_FAILED, user)
        return LoginResult(None, LoginOutcome.BAD_CREDENTIALS)
    if not user.active:
        record_security_event(user, AuditAction.LOGIN_FAILED, user, detail="disabled")
        return LoginResult(None, LoginOutcome.DISABLED)
    user.last_login_at = utcnow()
    record(user, AuditAction.LOGIN, user)
    return LoginResult(user, LoginOutcome.OK)


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


def change_own_password(user: User, current_password: str, new_password: str) -> None:
    """A user changes their own password, proving they know the current one.

    Raises ValidationError (field ``current``) when it is wrong; nothing changes then."""
    if not verify_password(user.password_hash, current_password):
        raise ValidationError(_("The current password is incorrect."), "current")
    change_password(user, new_password)


def change_password(user: User, new_password: str, actor: User | None = None) -> None:
    """Set a new password and end every existing session of the user."""
    user.password_hash = hash_password(new_password)
    user.password_changed_at = utcnow()
    user.end_all_sessions()
    db.session.flush()
    action = AuditAction.PASSWORD_CHANGE if actor in (None, user) else AuditAction.PASSWORD_RESET
    record(actor or user, action, user)

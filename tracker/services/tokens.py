"""API tokens: issued for a username and password, stored hashed, expiring, revocable.

A token is shown once, when issued; only its SHA-256 is kept (and a short prefix, so the owner
can tell tokens apart on their account page). A token dies when it expires, when it is
revoked, when its account is disabled, and when the account's password changes.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from tracker import pool
from tracker.enums import AuditAction
from tracker.extensions import db
from tracker.models import ApiToken, User
from tracker.models.base import utcnow
from tracker.services import figure_cache, settings
from tracker.services.audit import record

PREFIX = "trk_"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite gives naive UTC back; PostgreSQL aware values."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=utcnow().tzinfo)


def issue(user: User, name: str = "API") -> tuple[str, ApiToken]:
    """A new token for ``user`` (the plain token, returned once, and its row)."""
    token = PREFIX + secrets.token_urlsafe(32)
    days = int(settings.get("api_token_days"))
    row = ApiToken(
        user_id=user.id,
        name=(name or "API")[:100],
        prefix=token[:12],
        token_hash=_digest(token),
        expires_at=utcnow() + timedelta(days=days),
    )
    db.session.add(row)
    db.session.flush()
    record(user, AuditAction.CREATE, row, after={"name": row.name, "prefix": row.prefix})
    return token, row


#: How stale ``ApiToken.last_used_at`` may be.
LAST_USED_PRECISION = timedelta(minutes=1)


def user_for(token: str | None) -> User | None:
    """The account a bearer token stands for, or None when the token is unknown, expired,
    revoked, or older than the account's last password change, or the account is disabled."""
    if not token or not token.startswith(PREFIX) or len(token) > 200:
        return None
    # The figure stamps come along, as with a signed-in user (tracker.security).
    with pool.before_the_transaction(db.session):
        found = db.session.execute(
            sa.select(ApiToken, *figure_cache.stamp_columns())
            .where(ApiToken.token_hash == _digest(token))
            .options(joinedload(ApiToken.user).joinedload(User.agency))
        ).first()
    if found is None:
        return None
    row = found[0]
    figure_cache.remember_stamps(found[1:])
    if row.revoked_at is not None:
        return None
    now = utcnow()
    user = row.user
    if _aware(row.expires_at) is not None and _aware(row.expires_at) <= now:
        return None
    if not user.active or _aware(row.created_at) < _aware(user.password_changed_at):
        return None
    # Minute precision is enough to tell a live token from a forgotten one, and it spares a
    # write (and on SQLite a database lock) on every API request.
    last = _aware(row.last_used_at)
    if last is None or now - last >= LAST_USED_PRECISION:
        row.last_used_at = now
    return user


def of_user(user: User) -> list[ApiToken]:
    return list(
        db.session.scalars(
            sa.select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id.desc())
        )
    )


def revoke(user: User, token_id: int) -> ApiToken | None:
    """Revoke one of ``user``'s own tokens (None when it is not theirs)."""
    row = db.session.get(ApiToken, token_id)
    if row is None or row.user_id != user.id:
        return None
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        db.session.flush()
        record(user, AuditAction.UPDATE, row, after={"revoked": True})
    return row

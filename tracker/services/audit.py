"""The audit trail. Services call ``record`` for every state change; it flushes, never commits.

Security events (a denied request, a failed login) are different: the request that causes them
is rolled back, and they must survive that. ``record_security_event`` therefore queues them on
the request; the web layer's transaction writes them in their own transaction once the request's
work has been rolled back (``tracker.web.transaction``). Outside a request (the CLI, a test
calling a service) they are added to the session like any other row.
"""

from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from flask import g, has_request_context, request

from tracker.enums import AuditAction
from tracker.extensions import db
from tracker.models import AuditEvent
from tracker.services.calendar import local_midnight
from tracker.text import remove_forbidden_characters


def _address() -> str:
    return (request.remote_addr or "")[:45] if has_request_context() else ""


def snapshot(obj: Any, fields: tuple[str, ...]) -> dict:
    """A JSON-safe picture of some attributes, for the before/after columns."""
    out = {}
    for name in fields:
        value = getattr(obj, name)
        if hasattr(value, "value"):
            value = value.value
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        out[name] = value
    return out


def _row(
    actor,
    action: AuditAction,
    obj: Any = None,
    *,
    object_type: str = "",
    before: dict | None = None,
    after: dict | None = None,
    detail: str = "",
) -> dict:
    if obj is not None:
        object_type = object_type or obj.__tablename__
    return {
        "actor_id": getattr(actor, "id", None),
        "actor_username": getattr(actor, "username", "") or "",
        "actor_agency_id": getattr(actor, "agency_id", None),
        "action": action,
        "object_type": object_type,
        "object_id": str(getattr(obj, "id", "") or "") if obj is not None else "",
        "before": before,
        "after": after,
        "ip": _address(),
        "detail": remove_forbidden_characters(detail)[:500],
    }


def record(
    actor,
    action: AuditAction,
    obj: Any = None,
    *,
    object_type: str = "",
    before: dict | None = None,
    after: dict | None = None,
    detail: str = "",
) -> AuditEvent:
    """Add one audit row for ``action`` by ``actor`` (a User or None) on ``obj``."""
    event = AuditEvent(
        **_row(
            actor,
            action,
            obj,
            object_type=object_type,
            before=before,
            after=after,
            detail=detail,
        )
    )
    db.session.add(event)
    db.session.flush()
    return event


def record_many(actor, entries: list[tuple[AuditAction, Any, dict]]) -> None:
    """Many audit rows in one INSERT (an import of thousands of rows): each entry is
    ``(action, obj, fields)`` with the keyword arguments ``record`` takes. The objects must
    have been flushed: their ids are read here."""
    if entries:
        rows = [_row(actor, action, obj, **fields) for action, obj, fields in entries]
        db.session.execute(sa.insert(AuditEvent), rows)


def record_security_event(actor, action: AuditAction, obj: Any = None, **fields) -> None:
    """Record an event that must survive the rollback of the request that caused it."""
    row = _row(actor, action, obj, **fields)
    if has_request_context():
        g.setdefault("security_events", []).append(row)
    else:
        db.session.add(AuditEvent(**row))
        db.session.flush()


def write_queued(rows: list[dict]) -> None:
    """Add the queued security events to the session (the web layer commits them)."""
    db.session.add_all(AuditEvent(**row) for row in rows)
    db.session.flush()


def record_denial(actor, what: str) -> None:
    """A refused request (403 or a hidden 404) is itself an auditable event."""
    path = request.path if has_request_context() else ""
    record_security_event(
        actor, AuditAction.ACCESS_DENIED, object_type="route", detail=f"{what} {path}"
    )


# -- reading the trail ----------------------------------------------------------------------------


def events_query(
    *,
    username: str | None = None,
    agency_id: int | None = None,
    action: AuditAction | None = None,
    day_from: date | None = None,
    day_to: date | None = None,
) -> sa.Select:
    """The audit rows matching the filters, newest first (the administrator's audit page).

    ``username`` matches the acting account's name (case-insensitive), or for a failed login
    of an unknown name the name that was typed; the days are Vietnam-local days, both
    included."""
    stmt = sa.select(AuditEvent).order_by(AuditEvent.id.desc())
    if username:
        name = username.strip().lower()
        stmt = stmt.where(
            sa.or_(
                sa.func.lower(AuditEvent.actor_username) == name,
                sa.and_(
                    AuditEvent.actor_id.is_(None),
                    AuditEvent.action == AuditAction.LOGIN_FAILED,
                    sa.func.lower(AuditEvent.detail) == name,
                ),
            )
        )
    if agency_id is not None:
        stmt = stmt.where(AuditEvent.actor_agency_id == agency_id)
    if action is not None:
        stmt = stmt.where(AuditEvent.action == action)
    if day_from is not None:
        stmt = stmt.where(AuditEvent.created_at >= local_midnight(day_from))
    if day_to is not None:
        stmt = stmt.where(AuditEvent.created_at < local_midnight(day_to + timedelta(days=1)))
    return stmt

"""The audit trail. Services call ``record`` for every state change; it flushes, never commits."""

from typing import Any

from flask import has_request_context, request

from tracker.enums import AuditAction
from tracker.extensions import db
from tracker.models import AuditEvent


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
    if obj is not None:
        object_type = object_type or obj.__tablename__
    event = AuditEvent(
        actor_id=getattr(actor, "id", None),
        actor_username=getattr(actor, "username", "") or "",
        actor_agency_id=getattr(actor, "agency_id", None),
        action=action,
        object_type=object_type,
        object_id=str(getattr(obj, "id", "") or "") if obj is not None else "",
        before=before,
        after=after,
        ip=_address(),
        detail=detail[:500],
    )
    db.session.add(event)
    db.session.flush()
    return event


def record_denial(actor, what: str) -> AuditEvent:
    """A refused request (403 or a hidden 404) is itself an auditable event."""
    path = request.path if has_request_context() else ""
    return record(actor, AuditAction.ACCESS_DENIED, object_type="route", detail=f"{what} {path}")

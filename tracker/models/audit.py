"""The audit trail: append-only, written by ``tracker.services.audit.record``."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.enums import AuditAction
from tracker.extensions import db
from tracker.models.base import UtcDateTime, enum_type, utcnow


class AuditEvent(db.Model):
    __tablename__ = "audit_event"
    __table_args__ = (sa.Index("ix_audit_event_object", "object_type", "object_id"),)

    id: Mapped[int] = mapped_column(
        sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    # No foreign keys: the trail outlives the rows it speaks of.
    actor_id: Mapped[int | None] = mapped_column()
    actor_username: Mapped[str] = mapped_column(sa.String(64), default="")
    actor_agency_id: Mapped[int | None] = mapped_column()
    action: Mapped[AuditAction] = mapped_column(enum_type(AuditAction, "audit_action"))
    object_type: Mapped[str] = mapped_column(sa.String(40), default="")
    object_id: Mapped[str] = mapped_column(sa.String(40), default="")
    before: Mapped[dict | None] = mapped_column(sa.JSON)
    after: Mapped[dict | None] = mapped_column(sa.JSON)
    ip: Mapped[str] = mapped_column(sa.String(45), default="")
    detail: Mapped[str] = mapped_column(sa.String(500), default="")

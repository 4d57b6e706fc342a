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


#: The database refuses to change or remove an audit row, whoever asks: a trigger binds the
#: table's owner too (a REVOKE would not), and works on SQLite and PostgreSQL alike. The
#: migration ``b1f3c2a9d4e7`` installs the same triggers on existing databases; ``create_all``
#: (the tests) installs them through these statements.
APPEND_ONLY_MESSAGE = "audit_event is append-only: its rows cannot be changed or deleted"
APPEND_ONLY_TRIGGERS = {
    "sqlite": (
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
        f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END",
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
        f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END",
    ),
    "postgresql": (
        "CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger "
        f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}' "
        "USING ERRCODE = 'insufficient_privilege'; END $$",
        "CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event "
        "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
    ),
}
APPEND_ONLY_TRIGGER_NAMES = {
    "sqlite": ("audit_event_no_update", "audit_event_no_delete"),
    "postgresql": ("audit_event_append_only",),
}

for _dialect, _statements in APPEND_ONLY_TRIGGERS.items():
    for _statement in _statements:
        sa.event.listen(
            AuditEvent.__table__, "after_create", sa.DDL(_statement).execute_if(dialect=_dialect)
        )

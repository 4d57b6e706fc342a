"""In-app notifications, and the log that keeps reminders from being sent twice."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.enums import NotificationKind
from tracker.extensions import db
from tracker.models.base import UtcDateTime, enum_type, utcnow


class Notification(db.Model):
    """Something a user should know: a report due or missing, returned, accepted…"""

    __tablename__ = "notification"
    __table_args__ = (sa.Index("ix_notification_user_unread", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id"))
    kind: Mapped[NotificationKind] = mapped_column(enum_type(NotificationKind, "notification_kind"))
    # The words are rendered when shown (in the reader's language) from these facts.
    data: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    link: Mapped[str] = mapped_column(sa.String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class ReminderLog(db.Model):
    """A reminder sent: one per user, report and kind of reminder and day, so that running
    ``flask remind`` twice on a day sends nothing twice."""

    __tablename__ = "reminder_log"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "agency_id", "report_kind", "period", "kind", "sent_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id"), index=True)
    agency_id: Mapped[int] = mapped_column(sa.ForeignKey("agency.id"))
    report_kind: Mapped[str] = mapped_column(sa.String(20))
    period: Mapped[str] = mapped_column(sa.String(20))
    kind: Mapped[NotificationKind] = mapped_column(enum_type(NotificationKind, "reminder_kind"))
    sent_on: Mapped[date] = mapped_column(sa.Date)
    emailed: Mapped[bool] = mapped_column(default=False)

"""In-app notifications: what a user should know about their reports. The facts are stored;
the words are rendered when shown, in the reader's language."""

from collections.abc import Iterable

import sqlalchemy as sa
from flask_babel import gettext as _

from tracker.enums import NotificationKind, Role
from tracker.extensions import db
from tracker.formatting import report_title
from tracker.models import Notification, User
from tracker.models.base import utcnow


def notify(user_ids: Iterable[int], kind: NotificationKind, data: dict, link: str = "") -> int:
    """Add one notification per user; returns how many."""
    rows = [Notification(user_id=uid, kind=kind, data=data, link=link) for uid in set(user_ids)]
    db.session.add_all(rows)
    db.session.flush()
    return len(rows)


def liaisons_of(agency_id: int) -> list[int]:
    return list(
        db.session.scalars(
            sa.select(User.id).where(
                User.agency_id == agency_id, User.role == Role.LIAISON, User.active
            )
        )
    )


def office_staff() -> list[int]:
    return list(db.session.scalars(sa.select(User.id).where(User.role == Role.OFFICE, User.active)))


def unread_count(user) -> int:
    return db.session.scalar(
        sa.select(sa.func.count(Notification.id)).where(
            Notification.user_id == user.id, Notification.read_at.is_(None)
        )
    )


def list_query(user) -> sa.Select:
    return (
        sa.select(Notification)
        .where(Notification.user_id == user.id)
        .order_by(Notification.id.desc())
    )


def mark_all_read(user) -> int:
    result = db.session.execute(
        sa.update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    return result.rowcount or 0


def text(notification: Notification) -> str:
    """What a notification says, in the reader's language."""
    d = notification.data or {}
    title = report_title(d.get("report_kind", ""), d.get("period", ""))
    agency = d.get("agency", "")
    texts = {
        NotificationKind.REPORT_DUE: lambda: _(
            "%(report)s is due on %(day)s.", report=title, day=d.get("deadline", "")
        ),
        NotificationKind.REPORT_MISSING: lambda: _(
            "%(report)s was due on %(day)s and has not been sent.",
            report=title,
            day=d.get("deadline", ""),
        ),
        NotificationKind.REPORT_SUBMITTED: lambda: _(
            "%(agency)s sent %(report)s.", agency=agency, report=title
        ),
        NotificationKind.REPORT_RETURNED: lambda: _(
            "The Office returned %(report)s with comments.", report=title
        ),
        NotificationKind.REPORT_ACCEPTED: lambda: _(
            "The Office accepted %(report)s.", report=title
        ),
        NotificationKind.REPORT_REOPENED: lambda: _(
            "The Office reopened %(report)s: %(reason)s", report=title, reason=d.get("reason", "")
        ),
    }
    return texts[notification.kind]()

"""Reminders to liaisons: reports due within a few days, and reports missing. Each goes to the
in-app notification list and, when SMTP is configured and the liaison has an email address,
by email; without SMTP, the command prints what it would send. A sent-log makes a second run
on the same day send nothing twice.

SMTP comes from the environment: ``SMTP_HOST`` (required to send), ``SMTP_PORT`` (587),
``SMTP_USER``, ``SMTP_PASSWORD``, ``SMTP_FROM``, ``SMTP_STARTTLS`` (1 by default).
"""

import os
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from email.message import EmailMessage

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _

from tracker.enums import NotificationKind, Role, Timeliness
from tracker.extensions import db
from tracker.formatting import fmt_date, report_title
from tracker.models import Agency, Notification, ReminderLog, User
from tracker.services import compliance


@dataclass(frozen=True)
class Reminder:
    user: User
    row: compliance.ExpectedReport
    kind: NotificationKind
    emailed: bool


def smtp_settings() -> dict | None:
    host = os.environ.get("SMTP_HOST", "")
    if not host:
        return None
    return {
        "host": host,
        "port": int(os.environ.get("SMTP_PORT", "587")),
        "user": os.environ.get("SMTP_USER", ""),
        "password": os.environ.get("SMTP_PASSWORD", ""),
        "sender": os.environ.get("SMTP_FROM", os.environ.get("SMTP_USER", "")),
        "starttls": os.environ.get("SMTP_STARTTLS", "1") == "1",
    }


def _words(row: compliance.ExpectedReport, kind: NotificationKind, user: User) -> tuple[str, str]:
    with force_locale(user.locale or "vi"):
        title = report_title(row.kind, row.period.label)
        if kind is NotificationKind.REPORT_DUE:
            subject = _(
                "Reminder: %(report)s is due on %(day)s", report=title, day=fmt_date(row.deadline)
            )
        else:
            subject = _(
                "Missing: %(report)s was due on %(day)s", report=title, day=fmt_date(row.deadline)
            )
        body = _(
            "%(name)s,\n\n%(subject)s.\nOpen the coordination tracker to write it and send it.",
            name=user.full_name,
            subject=subject,
        )
    return subject, body


def remind(
    today: date,
    *,
    due_within: int = 3,
    missing_since: int = 60,
    send: Callable[[EmailMessage], None] | None = None,
    echo: Callable[[str], None] = print,
) -> list[Reminder]:
    """Remind every active liaison of an agency that may file about its reports due within
    ``due_within`` days and those missing for up to ``missing_since`` days. Nothing already
    sent today is sent again. Returns what was sent (or would have been)."""
    agencies = {
        a.id: a for a in db.session.scalars(sa.select(Agency).where(Agency.active)) if a.can_file
    }
    if not agencies:
        return []
    rows = compliance.expected_reports(
        today - timedelta(days=400),
        today + timedelta(days=40),
        today=today,
        agency_ids=list(agencies),
    )
    liaisons: dict[int, list[User]] = {}
    for user in db.session.scalars(
        sa.select(User).where(User.role == Role.LIAISON, User.active, User.agency_id.in_(agencies))
    ):
        liaisons.setdefault(user.agency_id, []).append(user)
    sent_today = set(
        db.session.execute(
            sa.select(
                ReminderLog.user_id,
                ReminderLog.agency_id,
                ReminderLog.report_kind,
                ReminderLog.period,
                ReminderLog.kind,
            ).where(ReminderLog.sent_on == today)
        ).all()
    )
    smtp = smtp_settings()
    out: list[Reminder] = []
    for row in rows:
        if row.submitted:
            continue
        if row.timeliness == Timeliness.NOT_DUE and row.deadline <= today + timedelta(
            days=due_within
        ):
            kind = NotificationKind.REPORT_DUE
        elif row.timeliness == Timeliness.MISSING and row.deadline >= today - timedelta(
            days=missing_since
        ):
            kind = NotificationKind.REPORT_MISSING
        else:
            continue
        for user in liaisons.get(row.agency_id, []):
            key = (user.id, row.agency_id, row.kind.value, row.period.label, kind)
            if key in sent_today:
                continue
            subject, body = _words(row, kind, user)
            emailed = False
            if user.email and (smtp or send):
                message = EmailMessage()
                message["Subject"] = subject
                message["From"] = smtp["sender"] if smtp else "tracker@localhost"
                message["To"] = user.email
                message.set_content(body)
                (send or _smtp_sender(smtp))(message)
                emailed = True
            else:
                echo(f"{user.username} <{user.email or '-'}>: {subject}")
            db.session.add(
                Notification(
                    user_id=user.id,
                    kind=kind,
                    data={
                        "report_kind": row.kind.value,
                        "period": row.period.label,
                        "deadline": fmt_date(row.deadline),
                        "agency": agencies[row.agency_id].name_vi,
                    },
                    link="/",
                )
            )
            db.session.add(
                ReminderLog(
                    user_id=user.id,
                    agency_id=row.agency_id,
                    report_kind=row.kind.value,
                    period=row.period.label,
                    kind=kind,
                    sent_on=today,
                    emailed=emailed,
                )
            )
            sent_today.add(key)
            out.append(Reminder(user, row, kind, emailed))
    db.session.flush()
    return out


def _smtp_sender(settings: dict) -> Callable[[EmailMessage], None]:
    def send(message: EmailMessage) -> None:
        with smtplib.SMTP(settings["host"], settings["port"], timeout=30) as server:
            if settings["starttls"]:
                server.starttls()
            if settings["user"]:
                server.login(settings["user"], settings["password"])
            server.send_message(message)

    return send

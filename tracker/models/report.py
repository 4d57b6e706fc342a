"""Periodic reports and their immutable submitted versions."""

from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.enums import ReportEventKind, ReportKind, ReportStatus, ReviewDecision, Timeliness
from tracker.extensions import db
from tracker.models.agency import Agency
from tracker.models.base import TimestampMixin, UtcDateTime, enum_type, utcnow
from tracker.models.user import User
from tracker.services.calendar import local_date, timeliness

if TYPE_CHECKING:
    from tracker.models.attachment import Attachment
    from tracker.models.issue import Issue

report_issue = sa.Table(
    "report_issue",
    db.metadata,
    sa.Column("report_id", sa.ForeignKey("report.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("issue_id", sa.ForeignKey("issue.id", ondelete="CASCADE"), primary_key=True),
)


class ReportSections:
    """The sections a report has; the draft on Report and each ReportVersion carry them."""

    situation: Mapped[str] = mapped_column(sa.Text, default="")  # tình hình tư tưởng, dư luận
    results: Mapped[str] = mapped_column(sa.Text, default="")  # kết quả phối hợp
    commitment_notes: Mapped[dict] = mapped_column(sa.JSON, default=dict)  # {commitment_id: text}
    # This period's progress figure per commitment, recorded as updates on submission.
    commitment_progress: Mapped[dict] = mapped_column(sa.JSON, default=dict)  # {id: 0-100}
    emerging_issues: Mapped[str] = mapped_column(sa.Text, default="")
    proposals: Mapped[str] = mapped_column(sa.Text, default="")
    next_tasks: Mapped[str] = mapped_column(sa.Text, default="")


SECTION_FIELDS = (
    "situation",
    "results",
    "commitment_notes",
    "commitment_progress",
    "emerging_issues",
    "proposals",
    "next_tasks",
)


class Report(ReportSections, TimestampMixin, db.Model):
    """One report per agency, kind and period; the draft text lives here until submitted."""

    __tablename__ = "report"
    __table_args__ = (
        sa.UniqueConstraint("agency_id", "kind", "period"),
        sa.Index("ix_report_kind_period", "kind", "period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(sa.ForeignKey("agency.id"), index=True)
    kind: Mapped[ReportKind] = mapped_column(enum_type(ReportKind, "report_kind"))
    period: Mapped[str] = mapped_column(sa.String(20))  # 2025-01, 2025-Q1, 2025-H1, 2025
    period_start: Mapped[date] = mapped_column(sa.Date)
    period_end: Mapped[date] = mapped_column(sa.Date, index=True)
    deadline: Mapped[date | None] = mapped_column(sa.Date)
    title: Mapped[str] = mapped_column(sa.String(300), default="")
    status: Mapped[ReportStatus] = mapped_column(
        enum_type(ReportStatus, "report_status"), default=ReportStatus.DRAFT, index=True
    )
    first_submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # The local (Vietnam) date of the first submission: timeliness in plain SQL.
    first_submitted_on: Mapped[date | None] = mapped_column(sa.Date)
    last_submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    accepted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    # The import that brought this record in (None: recorded in the app).
    import_batch_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("import_batch.id"), index=True
    )
    version_id: Mapped[int] = mapped_column(default=1)

    agency: Mapped[Agency] = relationship()
    created_by: Mapped[User | None] = relationship()
    versions: Mapped[list["ReportVersion"]] = relationship(
        back_populates="report", order_by="ReportVersion.number"
    )
    issues: Mapped[list["Issue"]] = relationship(secondary=report_issue)
    attachments: Mapped[list["Attachment"]] = relationship(back_populates="report")
    events: Mapped[list["ReportEvent"]] = relationship(
        back_populates="report", order_by="ReportEvent.id"
    )

    __mapper_args__ = {"version_id_col": version_id}

    @property
    def on_time(self) -> bool | None:
        """Whether the first submission came by the deadline (None: not submitted, or no
        deadline)."""
        if self.first_submitted_on is None or self.deadline is None:
            return None
        return self.first_submitted_on <= self.deadline

    def timeliness_on(self, today: date) -> Timeliness | None:
        """On time, late, missing (past its deadline and never sent) or not yet due; None for
        a report without a deadline."""
        if self.deadline is None:
            return None
        return timeliness(self.deadline, self.first_submitted_at, today)

    @property
    def latest_version(self) -> "ReportVersion | None":
        return self.versions[-1] if self.versions else None


class ReportVersion(ReportSections, db.Model):
    """A submission, frozen: its text never changes; only its review is recorded once."""

    __tablename__ = "report_version"
    __table_args__ = (sa.UniqueConstraint("report_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(sa.ForeignKey("report.id"), index=True)
    number: Mapped[int] = mapped_column()
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    submitted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    # active_history: the listener below must see the old decision even when unloaded.
    decision: Mapped[ReviewDecision | None] = mapped_column(
        enum_type(ReviewDecision, "review_decision"), active_history=True
    )
    review_comment: Mapped[str | None] = mapped_column(sa.Text)
    # The reviewer's comments next to the sections they concern: {section: text}.
    section_comments: Mapped[dict | None] = mapped_column(sa.JSON)
    reviewed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    reviewer_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))

    report: Mapped[Report] = relationship(back_populates="versions")
    submitted_by: Mapped[User | None] = relationship(foreign_keys=[submitted_by_id])
    reviewer: Mapped[User | None] = relationship(foreign_keys=[reviewer_id])
    attachments: Mapped[list["Attachment"]] = relationship(back_populates="report_version")


class ReportEvent(db.Model):
    """One dated entry on a report's timeline (created, submitted, reviewed, reopened)."""

    __tablename__ = "report_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(sa.ForeignKey("report.id"), index=True)
    kind: Mapped[ReportEventKind] = mapped_column(enum_type(ReportEventKind, "report_event_kind"))
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    version_number: Mapped[int | None] = mapped_column()
    comment: Mapped[str] = mapped_column(sa.Text, default="")

    report: Mapped[Report] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()


class ImmutableVersionError(Exception):
    """Raised when code tries to change or delete a submitted report version."""


_FROZEN = (*SECTION_FIELDS, "report_id", "number", "submitted_at", "submitted_by_id")


@event.listens_for(ReportVersion, "before_update")
def _refuse_edit(mapper, connection, target: ReportVersion) -> None:
    state = sa.inspect(target)
    changed = [name for name in _FROZEN if state.attrs[name].history.has_changes()]
    if changed:
        raise ImmutableVersionError(f"report version {target.id} is frozen: {changed}")
    if state.attrs["decision"].history.deleted not in ((), [None], None):
        raise ImmutableVersionError(f"report version {target.id} was already reviewed")


@event.listens_for(ReportVersion, "before_delete")
def _refuse_delete(mapper, connection, target: ReportVersion) -> None:
    raise ImmutableVersionError(f"report version {target.id} cannot be deleted")


@event.listens_for(Report.first_submitted_at, "set", retval=False)
def _keep_submitted_on(target: Report, value, oldvalue, initiator) -> None:
    target.first_submitted_on = local_date(value) if value is not None else None

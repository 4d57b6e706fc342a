"""Sensitive public-opinion issues and their timelines."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.enums import IssueEventKind, IssueSource, IssueStatus, Sector, Sensitivity
from tracker.extensions import db
from tracker.models.agency import Agency
from tracker.models.agreement import Agreement, Commitment
from tracker.models.attachment import Attachment
from tracker.models.base import TimestampMixin, UtcDateTime, enum_type, utcnow
from tracker.models.user import User
from tracker.text import normalise


class Issue(TimestampMixin, db.Model):
    """Visible only to the Office, leadership and the reporting and responsible agencies."""

    __tablename__ = "issue"
    __table_args__ = (sa.Index("ix_issue_status_field", "status", "field"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    # Accent-insensitive copy of the title for search (NFD, marks stripped, đ → d, lower).
    title_norm: Mapped[str] = mapped_column(sa.String(300), index=True, default="")
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    # Accent-insensitive copy of the title and summary, for the list's search.
    search_norm: Mapped[str] = mapped_column(sa.Text, default="")
    field: Mapped[Sector] = mapped_column(enum_type(Sector, "issue_field"))
    source: Mapped[IssueSource] = mapped_column(enum_type(IssueSource, "issue_source"), index=True)
    source_outlet: Mapped[str] = mapped_column(sa.String(200), default="")
    source_url: Mapped[str | None] = mapped_column(sa.String(500))
    source_date: Mapped[date | None] = mapped_column(sa.Date)
    district: Mapped[str] = mapped_column(sa.String(100), default="")
    commune: Mapped[str] = mapped_column(sa.String(100), default="")
    first_seen_on: Mapped[date] = mapped_column(sa.Date, index=True)
    sensitivity: Mapped[Sensitivity] = mapped_column(
        enum_type(Sensitivity, "sensitivity"), index=True
    )
    reporting_agency_id: Mapped[int] = mapped_column(sa.ForeignKey("agency.id"), index=True)
    responsible_agency_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("agency.id"), index=True
    )
    assignee_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"), index=True)
    response_due_on: Mapped[date | None] = mapped_column(sa.Date, index=True)
    # Raised to leadership: when and by whom (leadership's home lists these).
    escalated_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    escalated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    # The agreement and the clause the issue bears on, when there is one.
    agreement_id: Mapped[int | None] = mapped_column(sa.ForeignKey("agreement.id"), index=True)
    commitment_id: Mapped[int | None] = mapped_column(sa.ForeignKey("commitment.id"), index=True)
    status: Mapped[IssueStatus] = mapped_column(
        enum_type(IssueStatus, "issue_status"), default=IssueStatus.NEW, index=True
    )
    dismissed_reason: Mapped[str | None] = mapped_column(sa.Text)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    # The number the issue carried in the file it was imported from (an old register's, or
    # "#id" of the instance it was exported from); None when flagged in the app.
    reference: Mapped[str | None] = mapped_column(sa.String(40), index=True)
    # The import that brought this record in (None: recorded in the app).
    import_batch_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("import_batch.id"), index=True
    )
    version_id: Mapped[int] = mapped_column(default=1)

    reporting_agency: Mapped[Agency] = relationship(foreign_keys=[reporting_agency_id])
    responsible_agency: Mapped[Agency | None] = relationship(foreign_keys=[responsible_agency_id])
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    escalated_by: Mapped[User | None] = relationship(foreign_keys=[escalated_by_id])
    agreement: Mapped[Agreement | None] = relationship()
    commitment: Mapped[Commitment | None] = relationship()
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="issue", order_by="Attachment.id"
    )
    events: Mapped[list["IssueEvent"]] = relationship(
        back_populates="issue", order_by="IssueEvent.created_at"
    )

    __mapper_args__ = {"version_id_col": version_id}


#: Most sensitive first: ``order_by(SENSITIVITY_ORDER)`` puts critical issues at the top.
SENSITIVITY_ORDER = sa.case(
    {Sensitivity.CRITICAL: 0, Sensitivity.HIGH: 1, Sensitivity.MEDIUM: 2, Sensitivity.LOW: 3},
    value=Issue.sensitivity,
)


@sa.event.listens_for(Issue.title, "set", retval=False)
def _keep_title_norm(target: Issue, value: str | None, oldvalue, initiator) -> None:
    target.title_norm = normalise(value or "")[:300]
    target.search_norm = normalise(f"{value or ''} {target.summary or ''}")


@sa.event.listens_for(Issue.summary, "set", retval=False)
def _keep_search_norm(target: Issue, value: str | None, oldvalue, initiator) -> None:
    target.search_norm = normalise(f"{target.title or ''} {value or ''}")


class IssueEvent(db.Model):
    """One dated entry on an issue's timeline: a change, a comment or an assignment."""

    __tablename__ = "issue_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(sa.ForeignKey("issue.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    kind: Mapped[IssueEventKind] = mapped_column(enum_type(IssueEventKind, "issue_event_kind"))
    from_status: Mapped[IssueStatus | None] = mapped_column(
        enum_type(IssueStatus, "issue_event_from")
    )
    to_status: Mapped[IssueStatus | None] = mapped_column(enum_type(IssueStatus, "issue_event_to"))
    comment: Mapped[str] = mapped_column(sa.Text, default="")
    data: Mapped[dict] = mapped_column(sa.JSON, default=dict)

    issue: Mapped[Issue] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()


class FrozenEventError(Exception):
    """A timeline event was about to be changed or deleted: events are never rewritten."""


@sa.event.listens_for(IssueEvent, "before_update")
def _no_update(mapper, connection, target: IssueEvent) -> None:
    raise FrozenEventError(f"issue event {target.id} is frozen")


@sa.event.listens_for(IssueEvent, "before_delete")
def _no_delete(mapper, connection, target: IssueEvent) -> None:
    raise FrozenEventError(f"issue event {target.id} cannot be deleted")

"""Agreements (chương trình phối hợp), their parties, commitments and progress updates."""

from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.enums import AgreementStatus, CommitmentStatus, Metric, PartyRole, Recurrence, Sector
from tracker.extensions import db
from tracker.models.agency import Agency
from tracker.models.base import TimestampMixin, UtcDateTime, enum_type, utcnow
from tracker.models.reference import Term
from tracker.models.user import User
from tracker.services.calendar import today_local
from tracker.text import normalise

if TYPE_CHECKING:
    from tracker.models.attachment import Attachment


class Agreement(TimestampMixin, db.Model):
    """A signed coordination programme. Its number is unique within its term only: Party
    document numbers restart with each term."""

    __tablename__ = "agreement"
    __table_args__ = (sa.UniqueConstraint("term_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(sa.String(60))  # 05-CTr/BTGTU-SGDDT
    title: Mapped[str] = mapped_column(sa.String(500))
    term_id: Mapped[int] = mapped_column(sa.ForeignKey("term.id"), index=True)
    signed_on: Mapped[date | None] = mapped_column(sa.Date, index=True)
    status: Mapped[AgreementStatus] = mapped_column(
        enum_type(AgreementStatus, "agreement_status"), default=AgreementStatus.DRAFT, index=True
    )
    replaced_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("agreement.id"))
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    # Accent-insensitive number and title, for search.
    search_norm: Mapped[str] = mapped_column(sa.String(600), default="")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    # The import that brought this record in (None: recorded in the app).
    import_batch_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("import_batch.id"), index=True
    )
    version_id: Mapped[int] = mapped_column(default=1)

    term: Mapped[Term] = relationship()
    parties: Mapped[list["AgreementParty"]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="AgreementParty.id"
    )
    commitments: Mapped[list["Commitment"]] = relationship(
        back_populates="agreement", order_by="Commitment.position"
    )
    attachments: Mapped[list["Attachment"]] = relationship(back_populates="agreement")
    replaced_by: Mapped["Agreement | None"] = relationship(remote_side=[id])

    __mapper_args__ = {"version_id_col": version_id}

    @property
    def agencies(self) -> list[Agency]:
        return [p.agency for p in self.parties]

    def __repr__(self) -> str:
        return f"<Agreement {self.number}>"


class AgreementParty(db.Model):
    __tablename__ = "agreement_party"
    __table_args__ = (sa.UniqueConstraint("agreement_id", "agency_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(sa.ForeignKey("agreement.id", ondelete="CASCADE"))
    agency_id: Mapped[int] = mapped_column(sa.ForeignKey("agency.id"), index=True)
    role: Mapped[PartyRole] = mapped_column(
        enum_type(PartyRole, "party_role"), default=PartyRole.PARTNER
    )
    signatory: Mapped[str] = mapped_column(sa.String(200), default="")

    agreement: Mapped[Agreement] = relationship(back_populates="parties")
    agency: Mapped[Agency] = relationship()


def commitment_status(today: date) -> sa.ColumnElement:
    """A commitment's status as of ``today``, in SQL: the one rule, for lists, counts and
    filters alike. Cancelled, else done (100 % or marked done), else overdue (past its due date),
    else in progress (any update), else not started. Nothing is stored, so nothing goes stale:
    a commitment is overdue on the day after its due date, with no job to run."""
    c = Commitment
    return sa.type_coerce(
        sa.case(
            (c.cancelled_at.is_not(None), CommitmentStatus.CANCELLED.value),
            (sa.or_(c.progress >= 100, c.done_at.is_not(None)), CommitmentStatus.DONE.value),
            (
                sa.and_(c.due_date.is_not(None), c.due_date < today),
                CommitmentStatus.OVERDUE.value,
            ),
            (c.last_update_on.is_not(None), CommitmentStatus.IN_PROGRESS.value),
            else_=CommitmentStatus.NOT_STARTED.value,
        ),
        enum_type(CommitmentStatus, "commitment_status"),
    )


class Commitment(TimestampMixin, db.Model):
    """Nội dung phối hợp: one clause of an agreement, owned by a responsible agency.

    A liaison may propose one for their agency (``confirmed`` false) and edit it until the
    Office confirms it. Its status is derived (``commitment_status``), never typed."""

    __tablename__ = "commitment"
    __table_args__ = (
        sa.UniqueConstraint("agreement_id", "position"),
        sa.CheckConstraint("progress >= 0 AND progress <= 100", "progress_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(sa.ForeignKey("agreement.id"), index=True)
    position: Mapped[int] = mapped_column()
    responsible_agency_id: Mapped[int] = mapped_column(sa.ForeignKey("agency.id"), index=True)
    field: Mapped[Sector] = mapped_column(enum_type(Sector, "commitment_field"), index=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    evidence_expected: Mapped[str] = mapped_column(sa.Text, default="")
    due_date: Mapped[date | None] = mapped_column(sa.Date, index=True)
    recurrence: Mapped[Recurrence] = mapped_column(
        enum_type(Recurrence, "recurrence"), default=Recurrence.ONCE
    )
    # The latest update's figure, and the day of the latest update (kept by the service).
    progress: Mapped[int] = mapped_column(default=0)
    last_update_on: Mapped[date | None] = mapped_column(sa.Date)
    confirmed: Mapped[bool] = mapped_column(default=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    confirmed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    proposed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    cancel_reason: Mapped[str] = mapped_column(sa.Text, default="")
    # Accent-insensitive title and description, for search.
    search_norm: Mapped[str] = mapped_column(sa.Text, default="")
    # The import that brought this record in (None: recorded in the app).
    import_batch_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("import_batch.id"), index=True
    )
    version_id: Mapped[int] = mapped_column(default=1)

    agreement: Mapped[Agreement] = relationship(back_populates="commitments")
    responsible_agency: Mapped[Agency] = relationship()
    updates: Mapped[list["CommitmentUpdate"]] = relationship(
        back_populates="commitment",
        order_by=lambda: (CommitmentUpdate.recorded_on, CommitmentUpdate.id),
    )
    proposed_by: Mapped[User | None] = relationship(foreign_keys=[proposed_by_id])
    confirmed_by: Mapped[User | None] = relationship(foreign_keys=[confirmed_by_id])

    __mapper_args__ = {"version_id_col": version_id}

    def status_on(self, today: date) -> CommitmentStatus:
        """The same rule as ``commitment_status``, for an object in hand."""
        if self.cancelled_at is not None:
            return CommitmentStatus.CANCELLED
        if self.progress >= 100 or self.done_at is not None:
            return CommitmentStatus.DONE
        if self.due_date is not None and self.due_date < today:
            return CommitmentStatus.OVERDUE
        if self.last_update_on is not None:
            return CommitmentStatus.IN_PROGRESS
        return CommitmentStatus.NOT_STARTED

    @hybrid_property
    def status(self) -> CommitmentStatus:
        return self.status_on(today_local())

    @status.inplace.expression
    @classmethod
    def _status_expression(cls) -> sa.ColumnElement:
        return commitment_status(today_local())


@event.listens_for(Commitment.title, "set", retval=False)
def _title_changed(target: Commitment, value, oldvalue, initiator) -> None:
    target.search_norm = normalise(f"{value or ''} {target.description or ''}")


@event.listens_for(Commitment.description, "set", retval=False)
def _description_changed(target: Commitment, value, oldvalue, initiator) -> None:
    target.search_norm = normalise(f"{target.title or ''} {value or ''}")


@event.listens_for(Agreement.number, "set", retval=False)
def _number_changed(target: Agreement, value, oldvalue, initiator) -> None:
    target.search_norm = normalise(f"{value or ''} {target.title or ''}")[:600]


@event.listens_for(Agreement.title, "set", retval=False)
def _agreement_title_changed(target: Agreement, value, oldvalue, initiator) -> None:
    target.search_norm = normalise(f"{target.number or ''} {value or ''}")[:600]


class CommitmentUpdate(db.Model):
    """A dated progress update with its evidence (figures, a link, files). Frozen once written:
    a correction is a new update that says which one it corrects."""

    __tablename__ = "commitment_update"
    __table_args__ = (sa.CheckConstraint("progress >= 0 AND progress <= 100", "progress_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(sa.ForeignKey("commitment.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    recorded_on: Mapped[date] = mapped_column(sa.Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    note: Mapped[str] = mapped_column(sa.Text)
    progress: Mapped[int] = mapped_column()
    evidence_url: Mapped[str | None] = mapped_column(sa.String(500))
    corrects_id: Mapped[int | None] = mapped_column(sa.ForeignKey("commitment_update.id"))
    # The import that brought this record in (None: recorded in the app).
    import_batch_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("import_batch.id"), index=True
    )

    commitment: Mapped[Commitment] = relationship(back_populates="updates")
    author: Mapped[User | None] = relationship()
    figures: Mapped[list["CommitmentUpdateFigure"]] = relationship(
        back_populates="update", order_by="CommitmentUpdateFigure.id"
    )
    attachments: Mapped[list["Attachment"]] = relationship(back_populates="commitment_update")
    corrects: Mapped["CommitmentUpdate | None"] = relationship(remote_side=[id])


class CommitmentUpdateFigure(db.Model):
    """One figure of a progress update: classes held, people trained, articles published…"""

    __tablename__ = "commitment_update_figure"

    id: Mapped[int] = mapped_column(primary_key=True)
    update_id: Mapped[int] = mapped_column(
        sa.ForeignKey("commitment_update.id", ondelete="CASCADE"), index=True
    )
    metric: Mapped[Metric] = mapped_column(enum_type(Metric, "metric"))
    value: Mapped[int] = mapped_column()

    update: Mapped[CommitmentUpdate] = relationship(back_populates="figures")


class FrozenRecordError(Exception):
    """Raised when code tries to change or delete a progress update once written."""


@event.listens_for(CommitmentUpdate, "before_update")
@event.listens_for(CommitmentUpdateFigure, "before_update")
def _refuse_update_edit(mapper, connection, target) -> None:
    raise FrozenRecordError(f"{target.__tablename__} {target.id} is frozen: post a correction")


@event.listens_for(CommitmentUpdate, "before_delete")
@event.listens_for(CommitmentUpdateFigure, "before_delete")
def _refuse_update_delete(mapper, connection, target) -> None:
    raise FrozenRecordError(f"{target.__tablename__} {target.id} cannot be deleted")

"""Agreements (chương trình phối hợp), their parties, commitments and progress updates."""

from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.enums import AgreementStatus, CommitmentStatus, Field, Metric, PartyRole, Recurrence
from tracker.extensions import db
from tracker.models.agency import Agency
from tracker.models.base import TimestampMixin, enum_type, utcnow
from tracker.models.reference import Term
from tracker.models.user import User

if TYPE_CHECKING:
    from tracker.models.attachment import Attachment


class Agreement(TimestampMixin, db.Model):
    __tablename__ = "agreement"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(sa.String(60), unique=True)  # 05-CTr/BTGTU-SGDDT
    title: Mapped[str] = mapped_column(sa.String(500))
    term_id: Mapped[int] = mapped_column(sa.ForeignKey("term.id"), index=True)
    signed_on: Mapped[date | None] = mapped_column(sa.Date)
    status: Mapped[AgreementStatus] = mapped_column(
        enum_type(AgreementStatus, "agreement_status"), default=AgreementStatus.DRAFT, index=True
    )
    replaced_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("agreement.id"))
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    version_id: Mapped[int] = mapped_column(default=1)

    term: Mapped[Term] = relationship()
    parties: Mapped[list["AgreementParty"]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan"
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


class Commitment(TimestampMixin, db.Model):
    """Nội dung phối hợp: one clause of an agreement, owned by a responsible agency."""

    __tablename__ = "commitment"
    __table_args__ = (
        sa.UniqueConstraint("agreement_id", "position"),
        sa.CheckConstraint("progress >= 0 AND progress <= 100", "progress_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(sa.ForeignKey("agreement.id"), index=True)
    position: Mapped[int] = mapped_column()
    responsible_agency_id: Mapped[int] = mapped_column(sa.ForeignKey("agency.id"), index=True)
    field: Mapped[Field] = mapped_column(enum_type(Field, "commitment_field"))
    title: Mapped[str] = mapped_column(sa.String(300))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    due_date: Mapped[date | None] = mapped_column(sa.Date)
    recurrence: Mapped[Recurrence] = mapped_column(
        enum_type(Recurrence, "recurrence"), default=Recurrence.ONCE
    )
    status: Mapped[CommitmentStatus] = mapped_column(
        enum_type(CommitmentStatus, "commitment_status"),
        default=CommitmentStatus.NOT_STARTED,
        index=True,
    )
    progress: Mapped[int] = mapped_column(default=0)
    version_id: Mapped[int] = mapped_column(default=1)

    agreement: Mapped[Agreement] = relationship(back_populates="commitments")
    responsible_agency: Mapped[Agency] = relationship()
    updates: Mapped[list["CommitmentUpdate"]] = relationship(
        back_populates="commitment", order_by="CommitmentUpdate.recorded_on"
    )

    __mapper_args__ = {"version_id_col": version_id}


class CommitmentUpdate(db.Model):
    """A dated progress update, with its evidence (a number, a link, files)."""

    __tablename__ = "commitment_update"
    __table_args__ = (sa.CheckConstraint("progress >= 0 AND progress <= 100", "progress_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(sa.ForeignKey("commitment.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    recorded_on: Mapped[date] = mapped_column(sa.Date)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    note: Mapped[str] = mapped_column(sa.Text)
    progress: Mapped[int] = mapped_column()
    metric: Mapped[Metric | None] = mapped_column(enum_type(Metric, "metric"))
    metric_value: Mapped[int | None] = mapped_column()
    evidence_url: Mapped[str | None] = mapped_column(sa.String(500))

    commitment: Mapped[Commitment] = relationship(back_populates="updates")
    author: Mapped[User | None] = relationship()
    attachments: Mapped[list["Attachment"]] = relationship(back_populates="commitment_update")

"""Uploaded files: stored under a random name, served only through an authorised route."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.models.base import UtcDateTime, utcnow

#: What an attachment can belong to (exactly one of them).
OWNERS = (
    "agreement",
    "commitment_update",
    "report",
    "report_version",
    "issue",
    "bloc_document",
)


class Attachment(db.Model):
    """A file belonging to exactly one owner (one of the nullable foreign keys)."""

    __tablename__ = "attachment"
    __table_args__ = (
        sa.CheckConstraint(
            "(CASE WHEN agreement_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN commitment_update_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN report_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN report_version_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN issue_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN bloc_document_id IS NULL THEN 0 ELSE 1 END) = 1",
            "one_owner",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    original_name: Mapped[str] = mapped_column(sa.String(255))
    stored_name: Mapped[str] = mapped_column(sa.String(64), unique=True)
    content_type: Mapped[str] = mapped_column(sa.String(100))
    size: Mapped[int] = mapped_column()
    sha256: Mapped[str] = mapped_column(sa.String(64))
    uploaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)

    agreement_id: Mapped[int | None] = mapped_column(sa.ForeignKey("agreement.id"), index=True)
    commitment_update_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("commitment_update.id"), index=True
    )
    report_id: Mapped[int | None] = mapped_column(sa.ForeignKey("report.id"), index=True)
    report_version_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("report_version.id"), index=True
    )
    issue_id: Mapped[int | None] = mapped_column(sa.ForeignKey("issue.id"), index=True)
    bloc_document_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("bloc_document.id"), index=True
    )

    agreement = relationship("Agreement", back_populates="attachments")
    commitment_update = relationship("CommitmentUpdate", back_populates="attachments")
    report = relationship("Report", back_populates="attachments")
    report_version = relationship("ReportVersion", back_populates="attachments")
    issue = relationship("Issue", back_populates="attachments")
    bloc_document = relationship("BlocDocument", back_populates="attachments")

    @property
    def owner_type(self) -> str:
        for name in OWNERS:
            if getattr(self, f"{name}_id") is not None:
                return name
        raise ValueError(f"attachment {self.id} has no owner")

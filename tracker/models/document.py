"""Bloc documents: guidance and plans the Office posts for every agency of the bloc to read."""

from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.enums import DocumentKind
from tracker.extensions import db
from tracker.models.base import TimestampMixin, enum_type
from tracker.models.user import User

if TYPE_CHECKING:
    from tracker.models.attachment import Attachment


class BlocDocument(TimestampMixin, db.Model):
    """A hướng dẫn or kế hoạch of the Office: shared with the whole bloc."""

    __tablename__ = "bloc_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[DocumentKind] = mapped_column(enum_type(DocumentKind, "document_kind"))
    number: Mapped[str] = mapped_column(sa.String(60), default="")  # 12-HD/BTGTU
    title: Mapped[str] = mapped_column(sa.String(300))
    issued_on: Mapped[date] = mapped_column(sa.Date, index=True)
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    posted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))

    posted_by: Mapped[User | None] = relationship()
    attachments: Mapped[list["Attachment"]] = relationship(back_populates="bloc_document")

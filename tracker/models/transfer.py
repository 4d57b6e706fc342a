"""Import batches: which file brought which records in, by whom and when."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.models.base import UtcDateTime, utcnow
from tracker.models.user import User


class ImportBatch(db.Model):
    """One confirmed import of a workbook. Records it created carry its id
    (``import_batch_id``), so an imported record says it was imported, by whom, when and from
    which file, and the batch can be undone while nothing newer depends on it."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(sa.String(200))
    sha256: Mapped[str] = mapped_column(sa.String(64))
    imported_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    # {sheet: {"created": n, "updated": n, "unchanged": n}}
    counts: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    # When the batch was undone (its records removed), by whom; None while it stands.
    undone_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    undone_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))

    imported_by: Mapped[User | None] = relationship(foreign_keys=[imported_by_id])

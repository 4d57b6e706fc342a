"""The stamp that tells every app instance whether its cached figures still hold."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.extensions import db


class FigureStamp(db.Model):
    """One row per topic of cached figures (``id``): a fresh random token is written, in the
    same transaction, by every write that can change them (``tracker.services.figure_cache``).
    Figures cached under another token are never used."""

    __tablename__ = "figure_stamp"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(sa.String(32))

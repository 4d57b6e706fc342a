"""Reference data the administrator keeps: terms, public holidays, settings."""

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.extensions import db
from tracker.models.base import TimestampMixin


class Term(TimestampMixin, db.Model):
    """Giai đoạn: 2017-2021, 2021-2025, 2026-2030. Terms never overlap (checked by the service)."""

    __tablename__ = "term"
    __table_args__ = (sa.CheckConstraint("end_date IS NULL OR end_date >= start_date", "dates"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(50), unique=True)
    start_date: Mapped[date] = mapped_column(sa.Date, index=True)
    end_date: Mapped[date | None] = mapped_column(sa.Date)

    def contains(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)

    def __repr__(self) -> str:
        return f"<Term {self.name}>"


class Holiday(db.Model):
    """A public holiday (or substituted day off): not a working day for deadlines."""

    __tablename__ = "holiday"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(sa.Date, unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))


class Setting(db.Model):
    """A key/value setting; defaults and types live in ``tracker.services.settings``."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    value: Mapped[str] = mapped_column(sa.Text)

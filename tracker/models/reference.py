"""Reference data the administrator keeps: terms, public holidays, settings."""

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from tracker.enums import HolidayKind
from tracker.extensions import db
from tracker.models.base import TimestampMixin, enum_type


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
    """A day that breaks the week's pattern for deadlines: a public holiday or substituted day
    off (``day_off``, not a working day), or a weekend day worked in exchange for one
    (``working_day``: Saturday 26/04/2025, worked for Friday 02/05/2025)."""

    __tablename__ = "holiday"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(sa.Date, unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    kind: Mapped[HolidayKind] = mapped_column(
        enum_type(HolidayKind, "holiday_kind"), default=HolidayKind.DAY_OFF
    )


#: The day from which an undated setting applies: always.
ALWAYS = date(1900, 1, 1)


class Setting(db.Model):
    """A setting's value from a day on; defaults and types live in
    ``tracker.services.settings``. Most settings have one row (from ``ALWAYS``); the names of
    bodies change with dates (the Office's in March 2025, the province's in July 2025), so a
    setting may have several rows, and the one in force on a day is the latest that started."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    effective_on: Mapped[date] = mapped_column(sa.Date, primary_key=True, default=ALWAYS)
    value: Mapped[str] = mapped_column(sa.Text)

"""Agencies: the Office and the departments of the bloc (data, never code), and how they
change: a body can be renamed, merged or dissolved on a date, with its successors (the 2025
reorganisation). Records keep the agency as it was; a rename is a new agency that succeeds the
old one."""

from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.enums import AgencyLevel, Sector
from tracker.extensions import db
from tracker.models.base import TimestampMixin, enum_type
from tracker.services.calendar import today_local

if TYPE_CHECKING:
    from tracker.models.user import User


class Agency(TimestampMixin, db.Model):
    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(20), unique=True)
    name_vi: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(200), default="")
    level: Mapped[AgencyLevel] = mapped_column(
        enum_type(AgencyLevel, "agency_level"), default=AgencyLevel.PROVINCE
    )
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("agency.id"))
    # The Office (Ban Tuyên giáo) reviews; bloc members report. Both are data.
    is_office: Mapped[bool] = mapped_column(default=False)
    in_bloc: Mapped[bool] = mapped_column(default=True)
    primary_field: Mapped[Sector | None] = mapped_column(enum_type(Sector, "agency_field"))
    active: Mapped[bool] = mapped_column(default=True, index=True)
    # The first day on which the body no longer exists (renamed, merged or dissolved).
    dissolved_on: Mapped[date | None] = mapped_column(sa.Date)

    parent: Mapped["Agency | None"] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list["Agency"]] = relationship(back_populates="parent")
    users: Mapped[list["User"]] = relationship(back_populates="agency")
    successions: Mapped[list["AgencySuccession"]] = relationship(
        foreign_keys="AgencySuccession.predecessor_id",
        back_populates="predecessor",
        order_by="AgencySuccession.id",
    )
    predecessions: Mapped[list["AgencySuccession"]] = relationship(
        foreign_keys="AgencySuccession.successor_id",
        back_populates="successor",
        order_by="AgencySuccession.id",
    )

    def name(self, locale: str = "vi") -> str:
        """The agency's name in the given UI locale, falling back to Vietnamese."""
        return self.name_en if locale == "en" and self.name_en else self.name_vi

    def exists_on(self, day: date) -> bool:
        return self.dissolved_on is None or day < self.dissolved_on

    @property
    def can_file(self) -> bool:
        """New agreements, reports and updates go to active agencies that still exist."""
        return self.active and self.exists_on(today_local())

    def __repr__(self) -> str:
        return f"<Agency {self.code}>"


class AgencySuccession(db.Model):
    """From ``effective_on``, ``successor`` carries on (part of) what ``predecessor`` did.

    One predecessor and one successor: a rename or a merger into another body. Several
    successors: the predecessor was dissolved and its work divided among them."""

    __tablename__ = "agency_succession"
    __table_args__ = (
        sa.UniqueConstraint("predecessor_id", "successor_id"),
        sa.CheckConstraint("predecessor_id <> successor_id", "not_itself"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    predecessor_id: Mapped[int] = mapped_column(sa.ForeignKey("agency.id"), index=True)
    successor_id: Mapped[int] = mapped_column(sa.ForeignKey("agency.id"), index=True)
    effective_on: Mapped[date] = mapped_column(sa.Date)
    note: Mapped[str] = mapped_column(sa.String(300), default="")

    predecessor: Mapped[Agency] = relationship(
        foreign_keys=[predecessor_id], back_populates="successions"
    )
    successor: Mapped[Agency] = relationship(
        foreign_keys=[successor_id], back_populates="predecessions"
    )

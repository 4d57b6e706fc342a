"""Agencies: the Office and the departments of the bloc (data, never code)."""

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.enums import AgencyLevel, Field
from tracker.extensions import db
from tracker.models.base import TimestampMixin, enum_type

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
    primary_field: Mapped[Field | None] = mapped_column(enum_type(Field, "agency_field"))
    active: Mapped[bool] = mapped_column(default=True, index=True)

    parent: Mapped["Agency | None"] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list["Agency"]] = relationship(back_populates="parent")
    users: Mapped[list["User"]] = relationship(back_populates="agency")

    def name(self, locale: str = "vi") -> str:
        """The agency's name in the given UI locale, falling back to Vietnamese."""
        return self.name_en if locale == "en" and self.name_en else self.name_vi

    def __repr__(self) -> str:
        return f"<Agency {self.code}>"

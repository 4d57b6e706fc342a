"""Texts name the bodies as they were on their record's date.

The content is written once, in the words of its time (*Ban Tuyên giáo Tỉnh ủy*, *Báo Kon
Tum*, *các huyện*); a record dated after a change of name or of the administrative map says
it as people said it then: the Office is *Ban Tuyên giáo và Dân vận Tỉnh ủy* from 1 March
2025, and from 1 July 2025 there are no districts, no towns (*thị trấn*) and no Kon Tum
newspaper or station of its own. ``as_of`` rewrites a text for a day; ``named_as_of_their_day``
applies it to every record the seeding writes, just before it is written (progress updates
are frozen once written).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import sqlalchemy as sa

from tracker.demo.content.agencies import MERGED, REORGANISED
from tracker.extensions import db
from tracker.models import (
    Agreement,
    BlocDocument,
    Commitment,
    CommitmentUpdate,
    Issue,
    IssueEvent,
    Report,
    ReportVersion,
)
from tracker.models.report import SECTION_FIELDS
from tracker.services import calendar

#: (from the day, words, the words from then on), applied in order.
RENAMES: tuple[tuple[date, str, str], ...] = (
    (REORGANISED, "Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    (MERGED, "Báo Kon Tum, Đài Phát thanh - Truyền hình tỉnh", "các cơ quan báo chí của tỉnh"),
    (MERGED, "Báo Kon Tum", "báo chí của tỉnh"),
    (MERGED, "Đài Phát thanh - Truyền hình tỉnh", "kênh phát thanh, truyền hình của tỉnh"),
    (MERGED, "“Giáo dục Kon Tum”", "“Giáo dục Quảng Ngãi”"),
    (MERGED, "Công nghệ Kon Tum", "Công nghệ Quảng Ngãi"),
    (MERGED, "tuyến huyện, tuyến xã", "tuyến cơ sở"),
    (MERGED, "tuyến huyện", "tuyến cơ sở"),
    (
        MERGED,
        "các huyện vùng sâu, vùng xa như Tu Mơ Rông, Đăk Glei, Ia H'Drai",
        "các xã vùng sâu, vùng xa như Ngọc Linh, Măng Ri, Ia Tơi",
    ),
    (MERGED, "các huyện Đăk Glei, Tu Mơ Rông, Ia H'Drai", "các xã Ngọc Linh, Măng Ri, Ia Tơi"),
    (MERGED, "các huyện vùng sâu", "các xã vùng sâu"),
    (MERGED, "các huyện miền núi", "các xã miền núi"),
    (MERGED, "các huyện, thành phố", "các xã, phường"),
    (MERGED, "xã, phường, thị trấn", "xã, phường"),
)


def as_of(text: str | None, day: date) -> str | None:
    """``text`` as it would be written on ``day``."""
    if not text:
        return text
    for since, old, new in RENAMES:
        if day >= since and old in text:
            text = text.replace(old, new)
    return text


def _day(record) -> date | None:
    """The date a record's texts are written as of."""
    if isinstance(record, CommitmentUpdate):
        return record.recorded_on
    if isinstance(record, Report):
        return record.period_end
    if isinstance(record, ReportVersion):
        return record.report.period_end
    if isinstance(record, Issue):
        return record.first_seen_on
    if isinstance(record, BlocDocument):
        return record.issued_on
    if isinstance(record, Agreement):
        return record.signed_on or _local(record.created_at)
    if isinstance(record, Commitment):
        return record.agreement.signed_on or _local(record.created_at)
    if isinstance(record, IssueEvent):
        return _local(record.created_at)
    return None


def _local(moment) -> date | None:
    return calendar.local_date(moment) if moment is not None else None


SECTIONS = tuple(name for name in SECTION_FIELDS if name != "commitment_notes")
TEXTS: dict[type, tuple[str, ...]] = {
    Agreement: ("title", "summary"),
    Commitment: ("title", "description", "evidence_expected", "cancel_reason"),
    CommitmentUpdate: ("note",),
    Report: ("title", *SECTIONS),
    ReportVersion: (*SECTIONS, "review_comment"),
    Issue: ("title", "summary", "source_outlet", "dismissed_reason"),
    IssueEvent: ("comment",),
    BlocDocument: ("title", "summary"),
}


def _rename(session, flush_context, instances) -> None:
    for record in list(session.new):
        names = TEXTS.get(type(record))
        day = _day(record) if names else None
        if day is None:
            continue
        for name in names:
            value = getattr(record, name)
            renamed = as_of(value, day)
            if renamed != value:
                setattr(record, name, renamed)
        notes = getattr(record, "commitment_notes", None)
        if notes:
            renamed_notes = {key: as_of(text, day) for key, text in notes.items()}
            if renamed_notes != notes:
                record.commitment_notes = renamed_notes


@contextmanager
def named_as_of_their_day() -> Iterator[None]:
    """While seeding, every new record's texts are rewritten for its date when flushed."""
    session = db.session()
    sa.event.listen(session, "before_flush", _rename)
    try:
        yield
    finally:
        sa.event.remove(session, "before_flush", _rename)

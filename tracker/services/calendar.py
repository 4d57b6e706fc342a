"""The Decree 09/2019/NĐ-CP reporting calendar: periods, cut-off windows and deadlines.

Article 12 of the decree fixes the data cut-off window of each periodic report: it runs from
the 15th of the month before the period to the 14th of the period's last month, both days
included. A report is due a number of working days after that cut-off day.

=========  ==========  ===================================================
kind       label       window (inclusive)
=========  ==========  ===================================================
monthly    ``2025-01``  15/12/2024 → 14/01/2025
quarterly  ``2025-Q1``  15/12/2024 → 14/03/2025 (Q2 15/03 → 14/06, …)
six_month  ``2025-H1``  15/12/2024 → 14/06/2025 (there is no H2: the annual
                        report covers the second half)
annual     ``2025``     15/12/2024 → 14/12/2025
=========  ==========  ===================================================

Ad hoc reports have no calendar: every function here raises ``ValueError`` for
``ReportKind.AD_HOC``. Periods exist for the years 2000 to 2100 only.

The module is pure (standard library plus :mod:`tracker.enums`) so it can be used and tested
without the Flask app or a database.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from tracker.enums import ReportKind, Timeliness

__all__ = [
    "LOCAL_TZ",
    "MAX_YEAR",
    "MIN_YEAR",
    "Period",
    "add_working_days",
    "deadline_for",
    "is_working_day",
    "local_date",
    "parse_period",
    "period_containing",
    "period_label_ok",
    "periods_ending_between",
    "timeliness",
    "today_local",
]

#: Deadlines are calendar dates in Vietnam, whatever time zone the server runs in.
LOCAL_TZ: ZoneInfo = ZoneInfo("Asia/Ho_Chi_Minh")

#: The first and last years for which a period label is accepted.
MIN_YEAR = 2000
MAX_YEAR = 2100

#: Day of the month on which every cut-off window ends; the next window starts the day after.
CUTOFF_DAY = 14


@dataclass(frozen=True)
class _Shape:
    """How a kind divides the year: ``per_year`` periods, each ``span`` months long."""

    per_year: int
    span: int


# A period is identified by (year, index), index counting from 1 within the year. Its
# cut-off falls on the 14th of month ``index * span`` and its window opens on the 15th of
# ``span`` months earlier (month 0 meaning December of the previous year). The six-month
# report fits the same rule with one period a year, which is what leaves 15/06 → 14/12
# outside every H1 window.
_SHAPES: dict[ReportKind, _Shape] = {
    ReportKind.MONTHLY: _Shape(per_year=12, span=1),
    ReportKind.QUARTERLY: _Shape(per_year=4, span=3),
    ReportKind.SIX_MONTH: _Shape(per_year=1, span=6),
    ReportKind.ANNUAL: _Shape(per_year=1, span=12),
}

# ASCII only: a bare \d would also accept Arabic-Indic and other Unicode digits.
_LABEL_PATTERNS: dict[ReportKind, re.Pattern[str]] = {
    ReportKind.MONTHLY: re.compile(r"(\d{4})-(\d{2})", re.ASCII),
    ReportKind.QUARTERLY: re.compile(r"(\d{4})-Q(\d)", re.ASCII),
    ReportKind.SIX_MONTH: re.compile(r"(\d{4})-H(\d)", re.ASCII),
    ReportKind.ANNUAL: re.compile(r"(\d{4})()", re.ASCII),
}


def _periodic_kind(kind: ReportKind | str) -> ReportKind:
    """Return ``kind`` as a calendar :class:`ReportKind`.

    Raises:
        ValueError: ``kind`` is not a ReportKind value, or is ``AD_HOC``.
    """
    member = ReportKind(kind)
    if member not in _SHAPES:
        raise ValueError(f"{member.value!r} reports have no calendar periods")
    return member


def _format_label(kind: ReportKind, year: int, index: int) -> str:
    if kind is ReportKind.MONTHLY:
        return f"{year:04d}-{index:02d}"
    if kind is ReportKind.QUARTERLY:
        return f"{year:04d}-Q{index}"
    if kind is ReportKind.SIX_MONTH:
        return f"{year:04d}-H{index}"
    return f"{year:04d}"


def _month_15th(year: int, month: int) -> date:
    """The 15th of ``month``, where month 0 (or less) reaches back into the previous year."""
    if month <= 0:
        return date(year - 1, month + 12, 15)
    return date(year, month, 15)


# Periods are immutable and the app asks for the same few hundred over and over (ten years
# × several agencies), so building each one once is worth it.
@lru_cache(maxsize=4096)
def _make(kind: ReportKind, year: int, index: int) -> Period:
    """Build the period ``index`` of ``year``; ValueError if either is out of range."""
    shape = _SHAPES[kind]
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year {year} is outside {MIN_YEAR}..{MAX_YEAR}")
    if not 1 <= index <= shape.per_year:
        raise ValueError(f"{kind.value} period number {index} is outside 1..{shape.per_year}")
    end_month = index * shape.span
    return Period(
        kind=kind,
        label=_format_label(kind, year, index),
        start=_month_15th(year, end_month - shape.span),
        end=date(year, end_month, CUTOFF_DAY),
    )


def _year_index(kind: ReportKind, label: str) -> tuple[int, int]:
    """Split a label into (year, index); ValueError if it is not in the canonical form."""
    if not isinstance(label, str):
        raise ValueError(f"a period label must be a string, not {type(label).__name__}")
    match = _LABEL_PATTERNS[kind].fullmatch(label)
    if match is None:
        raise ValueError(f"{label!r} is not a valid {kind.value} period label")
    year = int(match.group(1))
    index = int(match.group(2)) if match.group(2) else 1
    return year, index


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period of a calendar kind and its inclusive data cut-off window.

    Build periods with :func:`parse_period` or :func:`period_containing` rather than by hand:
    the constructor does not check that the label and dates agree.

    Ordering compares ``kind`` first, then ``label``; labels are zero-padded so that, within
    one kind, sorting is chronological.
    """

    kind: ReportKind
    label: str
    start: date
    end: date

    def contains(self, day: date) -> bool:
        """True if ``day`` is inside the cut-off window, both ends included."""
        return self.start <= day <= self.end

    def next(self) -> Period:
        """The following period of the same kind (2025-12 → 2026-01, 2025-H1 → 2026-H1).

        Raises:
            ValueError: the next period would fall after year 2100.
        """
        return self._shifted(1)

    def previous(self) -> Period:
        """The preceding period of the same kind (2025-01 → 2024-12, 2025-Q1 → 2024-Q4).

        Raises:
            ValueError: the previous period would fall before year 2000.
        """
        return self._shifted(-1)

    def _shifted(self, steps: int) -> Period:
        kind = _periodic_kind(self.kind)
        year, index = _year_index(kind, self.label)
        per_year = _SHAPES[kind].per_year
        year_shift, zero_based = divmod(index - 1 + steps, per_year)
        return _make(kind, year + year_shift, zero_based + 1)


def parse_period(kind: ReportKind | str, label: str) -> Period:
    """Return the period of ``kind`` named by ``label``.

    Labels are canonical and exact: ``2025-01`` (monthly), ``2025-Q1``..``2025-Q4``
    (quarterly), ``2025-H1`` (six-month) and ``2025`` (annual), with a year in 2000..2100.
    No whitespace, lower-case letters or missing zero padding is tolerated, so a stored label
    always round-trips to the same string.

    Raises:
        ValueError: ``kind`` is unknown or ``AD_HOC``, or ``label`` is not a valid label of
            that kind (``2025-13``, ``2025-Q5``, ``2025-H2``, ``25-01``, ``2025-1``, …).
    """
    member = _periodic_kind(kind)
    year, index = _year_index(member, label)
    return _make(member, year, index)


def period_label_ok(kind: ReportKind | str, label: str) -> bool:
    """True if :func:`parse_period` would accept ``label`` for ``kind``.

    Raises:
        ValueError: ``kind`` is unknown or ``AD_HOC`` (a caller mistake, not a bad label).
    """
    member = _periodic_kind(kind)
    try:
        parse_period(member, label)
    except ValueError:
        return False
    return True


def period_containing(kind: ReportKind | str, day: date) -> Period:
    """Return the period of ``kind`` whose cut-off window contains ``day``.

    Monthly, quarterly and annual windows cover every day, so the result always contains
    ``day`` (20/12/2024 is in monthly ``2025-01``; 15/12/2024 is in annual ``2025``).

    Six-month windows only cover 15/12 → 14/06. For a day from 15/06 to 14/12, which is in
    no H1 window, this returns the *next* H1 (the one whose window is upcoming): 01/09/2025
    gives ``2026-H1``. Check :meth:`Period.contains` if the difference matters.

    Raises:
        ValueError: ``kind`` is unknown or ``AD_HOC``, or the period would fall outside the
            years 2000..2100 (days before 15/12/1999 or after 14/12/2100).
    """
    member = _periodic_kind(kind)
    shape = _SHAPES[member]
    # The month whose monthly window holds the day: from the 15th on, it is the next month.
    year, month = day.year, day.month
    if day.day > CUTOFF_DAY:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    index = -(-month // shape.span)  # ceiling division
    if index > shape.per_year:
        # Only for six-month reports: the day lies in the uncovered half of the year.
        year, index = year + 1, 1
    return _make(member, year, index)


def periods_ending_between(kind: ReportKind | str, first: date, last: date) -> list[Period]:
    """All periods of ``kind`` whose cut-off day (``end``) is in ``[first, last]``, in order.

    Returns an empty list when ``first > last``. Dates outside the supported years are
    clipped, so only periods of 2000..2100 are ever returned.

    Raises:
        ValueError: ``kind`` is unknown or ``AD_HOC``.
    """
    member = _periodic_kind(kind)
    first = max(first, date(MIN_YEAR - 1, 12, CUTOFF_DAY + 1))
    last = min(last, date(MAX_YEAR, 12, CUTOFF_DAY))
    if first > last:
        return []
    # The period containing (or, for H1, following) ``first`` is the earliest one that can
    # end on or after it; walking forward costs one step per returned period.
    period = period_containing(member, first)
    found: list[Period] = []
    while period.end <= last:
        found.append(period)
        if period.end == last:
            break
        try:
            period = period.next()
        except ValueError:
            break
    return found


def is_working_day(
    day: date, holidays: Collection[date] = (), workdays: Collection[date] = ()
) -> bool:
    """True for a weekday that is not one of ``holidays``, and for a weekend day that is one of
    ``workdays`` (a Saturday worked in exchange for a day off, such as 26/04/2025)."""
    if day in workdays:
        return True
    return day.weekday() < 5 and day not in holidays


def _as_set(days: Collection[date]) -> Collection[date]:
    # A list or tuple would make every membership test a scan.
    return days if isinstance(days, set | frozenset) else frozenset(days)


def add_working_days(
    day: date, n: int, holidays: Collection[date] = (), workdays: Collection[date] = ()
) -> date:
    """The date ``n`` working days after ``day``, skipping weekends and ``holidays`` and
    counting the weekend ``workdays``.

    ``day`` itself is never counted, so ``n = 0`` returns ``day`` unchanged even when it is a
    weekend or a holiday, and a Saturday plus one working day is the Monday.

    Raises:
        ValueError: ``n`` is negative.
    """
    if n < 0:
        raise ValueError(f"the number of working days must be 0 or more, not {n}")
    off_days, worked = _as_set(holidays), _as_set(workdays)
    current = day
    remaining = n
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current, off_days, worked):
            remaining -= 1
    return current


def deadline_for(
    period: Period,
    working_days: int,
    holidays: Collection[date] = (),
    workdays: Collection[date] = (),
) -> date:
    """The submission deadline of ``period``: ``working_days`` working days after its cut-off
    (weekends, ``holidays`` skipped; weekend ``workdays`` counted).

    Raises:
        ValueError: ``working_days`` is negative, or the period is ``AD_HOC``.
    """
    _periodic_kind(period.kind)
    return add_working_days(period.end, working_days, holidays, workdays)


def local_date(moment: datetime) -> date:
    """The Asia/Ho_Chi_Minh calendar date of the instant ``moment``.

    A naive ``moment`` is taken to be in UTC, which is how the database stores timestamps.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL_TZ).date()


def local_midnight(day: date) -> datetime:
    """The instant a local calendar day begins in Vietnam, in UTC (as timestamps are stored)."""
    return datetime.combine(day, time(), LOCAL_TZ).astimezone(UTC)


def today_local() -> date:
    """Today's date in Vietnam, whatever the server's own time zone."""
    return datetime.now(LOCAL_TZ).date()


def timeliness(deadline: date, first_submitted_at: datetime | None, today: date) -> Timeliness:
    """Classify a report against its ``deadline`` (a local date).

    A submitted report is ``ON_TIME`` if its *first* submission fell, in Vietnamese local time,
    on or before the deadline date, otherwise ``LATE``; resubmissions after a return do not
    change that, so callers must pass the first submission instant. ``first_submitted_at`` is
    normally timezone-aware UTC; a naive value is taken as UTC.

    An unsubmitted report is ``MISSING`` once ``today`` (a local date) is past the deadline
    and ``NOT_DUE`` up to and including the deadline day itself.
    """
    if first_submitted_at is not None:
        if local_date(first_submitted_at) <= deadline:
            return Timeliness.ON_TIME
        return Timeliness.LATE
    if today > deadline:
        return Timeliness.MISSING
    return Timeliness.NOT_DUE

"""Which reports are expected, and whether each came on time: the one place that decides.

A report is expected for every (agency, kind, period) whose cut-off falls while the agency is
a party to an agreement in force (DOMAIN.md). Dashboards, the compliance grid and the PDF all
take their reporting figures from ``expected_reports``.
"""

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlalchemy as sa

from tracker.enums import (
    PERIODIC_KINDS,
    AgreementStatus,
    HolidayKind,
    PartyRole,
    ReportKind,
    ReportStatus,
    Timeliness,
)
from tracker.extensions import db
from tracker.models import Agency, Agreement, AgreementParty, Holiday, Report, Term
from tracker.services import calendar, figure_cache, settings

# Agreements that were signed and so bound the agency while their term ran.
BINDING_STATUSES = (AgreementStatus.IN_FORCE, AgreementStatus.EXPIRED, AgreementStatus.REPLACED)
FAR_FUTURE = date(2100, 12, 31)


@dataclass(frozen=True)
class FiledReport:
    """What timeliness needs to know of a report row (never its text)."""

    id: int
    agency_id: int
    kind: ReportKind
    period: str
    deadline: date | None
    status: ReportStatus
    first_submitted_at: datetime | None


@dataclass(frozen=True)
class ExpectedReport:
    agency_id: int
    period: calendar.Period
    deadline: date
    report: FiledReport | None
    timeliness: Timeliness

    @property
    def kind(self) -> ReportKind:
        return self.period.kind

    @property
    def submitted(self) -> bool:
        return self.report is not None and self.report.first_submitted_at is not None


def calendar_days() -> tuple[frozenset[date], frozenset[date]]:
    """The days off (public holidays, substituted days off) and the weekend days worked in
    exchange for them, as the administrator keeps them."""
    off, worked = set(), set()
    for day, kind in db.session.execute(sa.select(Holiday.day, Holiday.kind)):
        (worked if kind == HolidayKind.WORKING_DAY else off).add(day)
    return frozenset(off), frozenset(worked)


def holiday_dates() -> frozenset[date]:
    return calendar_days()[0]


def binding_windows(agency_ids: Iterable[int] | None = None) -> dict[int, list[tuple[date, date]]]:
    """Per agency, the date ranges during which an agreement bound it to report.

    Only an agreement's partners report (its lead, the Office or a district commission that
    runs the programme, does not report to itself). An agreement binds from its term's start
    or its signing, whichever is later, and keeps binding after its term until the agency's
    next agreement is signed, so there is no month between terms without a report. A body
    that ceased to exist reports nothing from that day on."""
    stmt = (
        sa.select(
            AgreementParty.agency_id,
            Agreement.signed_on,
            Term.start_date,
            Term.end_date,
            Agency.dissolved_on,
        )
        .join(Agreement, AgreementParty.agreement_id == Agreement.id)
        .join(Term, Agreement.term_id == Term.id)
        .join(Agency, AgreementParty.agency_id == Agency.id)
        .where(
            Agreement.status.in_(BINDING_STATUSES),
            AgreementParty.role == PartyRole.PARTNER,
            Agency.is_office.is_(False),
        )
    )
    if agency_ids is not None:
        stmt = stmt.where(AgreementParty.agency_id.in_(list(agency_ids)))
    starts: dict[int, list[tuple[date, date | None, date | None]]] = {}
    for agency_id, signed_on, start, end, dissolved_on in db.session.execute(stmt):
        first = max(start, signed_on) if signed_on else start
        starts.setdefault(agency_id, []).append((first, end, dissolved_on))
    windows: dict[int, list[tuple[date, date]]] = {}
    for agency_id, agreements in starts.items():
        agreements.sort()
        for index, (first, end, dissolved_on) in enumerate(agreements):
            later = [s for s, _e, _d in agreements[index + 1 :] if s > first]
            last = end or FAR_FUTURE
            if later:
                # Bound until the next agreement takes over (not before this one's term ends).
                last = max(last, later[0] - timedelta(days=1))
            else:
                last = FAR_FUTURE
            if dissolved_on is not None:
                last = min(last, dissolved_on - timedelta(days=1))
            if first <= last:
                windows.setdefault(agency_id, []).append((first, last))
    return windows


def expected_reports(
    first: date,
    last: date,
    *,
    today: date | None = None,
    kinds: Iterable[ReportKind] = PERIODIC_KINDS,
    agency_ids: Iterable[int] | None = None,
) -> list[ExpectedReport]:
    """Every expected periodic report whose cut-off lies in [first, last], with its report
    (if any) and its timeliness as of ``today`` (local date; defaults to now).

    Cached (``figure_cache``) until a report, agreement, party, agency, term, holiday or
    setting is written: a fresh list each call, of the same frozen rows."""
    today = today or calendar.today_local()
    kinds = list(kinds)
    ids = None if agency_ids is None else tuple(sorted(set(agency_ids)))
    key = (first, last, today, tuple(kinds), ids)
    rows = figure_cache.cached(
        "expected_reports", key, lambda: _expected_reports(first, last, today, kinds, ids)
    )
    return list(rows)


def _expected_reports(
    first: date,
    last: date,
    today: date,
    kinds: list[ReportKind],
    agency_ids: Iterable[int] | None,
) -> tuple[ExpectedReport, ...]:
    windows = binding_windows(agency_ids)
    if not windows:
        return ()
    holidays, workdays = calendar_days()
    values = settings.get_all()
    existing = {
        (r.agency_id, r.kind, r.period): r
        for r in (
            FiledReport(*row)
            for row in db.session.execute(
                sa.select(
                    Report.id,
                    Report.agency_id,
                    Report.kind,
                    Report.period,
                    Report.deadline,
                    Report.status,
                    Report.first_submitted_at,
                ).where(
                    Report.agency_id.in_(list(windows)),
                    Report.kind.in_(kinds),
                    Report.period_end.between(first, last),
                )
            )
        )
    }
    out: list[ExpectedReport] = []
    for kind in kinds:
        days = settings.deadline_days(kind, values)
        periods = calendar.periods_ending_between(kind, first, last)
        deadlines = {p: calendar.deadline_for(p, days, holidays, workdays) for p in periods}
        ends = [p.end for p in periods]  # in order: the periods within a span are a slice
        for agency_id, spans in sorted(windows.items()):
            within: set[int] = set()
            for lo, hi in spans:
                within.update(range(bisect_left(ends, lo), bisect_right(ends, hi)))
            for period in (periods[i] for i in sorted(within)):
                report = existing.get((agency_id, kind, period.label))
                # A report keeps the deadline it was given when created (settings may change).
                deadline = report.deadline if report and report.deadline else deadlines[period]
                submitted_at = report.first_submitted_at if report else None
                out.append(
                    ExpectedReport(
                        agency_id=agency_id,
                        period=period,
                        deadline=deadline,
                        report=report,
                        timeliness=calendar.timeliness(deadline, submitted_at, today),
                    )
                )
    return tuple(out)


@dataclass(frozen=True)
class Discipline:
    """Reporting discipline over a set of expected reports."""

    expected: int
    received: int
    on_time: int
    late: int
    missing: int
    not_due: int

    @property
    def on_time_rate(self) -> float | None:
        due = self.expected - self.not_due
        return None if due == 0 else self.on_time / due


def discipline(rows: Iterable[ExpectedReport]) -> Discipline:
    rows = list(rows)
    counts = Counter(r.timeliness for r in rows)
    return Discipline(
        expected=len(rows),
        received=sum(1 for r in rows if r.submitted),
        on_time=counts[Timeliness.ON_TIME],
        late=counts[Timeliness.LATE],
        missing=counts[Timeliness.MISSING],
        not_due=counts[Timeliness.NOT_DUE],
    )


def discipline_by_agency(rows: Iterable[ExpectedReport]) -> dict[int, Discipline]:
    grouped: dict[int, list[ExpectedReport]] = {}
    for row in rows:
        grouped.setdefault(row.agency_id, []).append(row)
    return {agency_id: discipline(items) for agency_id, items in grouped.items()}


def open_for(rows: Iterable[ExpectedReport]) -> list[ExpectedReport]:
    """Expected reports still waiting for the agency: never submitted, or returned."""
    return [
        r
        for r in rows
        if not r.submitted or (r.report is not None and r.report.status == ReportStatus.RETURNED)
    ]


# -- the compliance grid and the list behind each of its figures -------------------------------


@dataclass
class Grid:
    """Agencies × periods of one kind and year (like DHIS2's reporting-rate summary)."""

    kind: ReportKind
    year: int
    periods: list[calendar.Period]
    agency_ids: list[int]
    cells: dict[tuple[int, str], ExpectedReport]
    by_agency: dict[int, Discipline]
    overall: Discipline


def year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def grid(
    kind: ReportKind,
    year: int,
    *,
    today: date | None = None,
    agency_ids: Iterable[int] | None = None,
) -> Grid:
    """Every expected report of ``kind`` whose cut-off falls in ``year``, placed by agency and
    period, with each agency's and the whole bloc's discipline."""
    first, last = year_span(year)
    rows = expected_reports(first, last, today=today, kinds=[kind], agency_ids=agency_ids)
    cells = {(r.agency_id, r.period.label): r for r in rows}
    return Grid(
        kind=kind,
        year=year,
        periods=calendar.periods_ending_between(kind, first, last),
        agency_ids=sorted({r.agency_id for r in rows}),
        cells=cells,
        by_agency=discipline_by_agency(rows),
        overall=discipline(rows),
    )


def select_expected(
    rows: Iterable[ExpectedReport],
    *,
    agency_id: int | None = None,
    timeliness: Timeliness | None = None,
    period: str | None = None,
    submitted: bool | None = None,
) -> list[ExpectedReport]:
    """The expected reports a grid figure counts (its link carries these filters)."""
    out = []
    for row in rows:
        if agency_id is not None and row.agency_id != agency_id:
            continue
        if timeliness is not None and row.timeliness != timeliness:
            continue
        if period is not None and row.period.label != period:
            continue
        if submitted is not None and row.submitted != submitted:
            continue
        out.append(row)
    return out

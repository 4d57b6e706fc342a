"""Which reports are expected, and whether each came on time: the one place that decides.

A report is expected for every (agency, kind, period) whose cut-off falls while the agency is
a party to an agreement in force (DOMAIN.md). Dashboards, the compliance grid and the PDF all
take their reporting figures from ``expected_reports``.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from tracker.enums import PERIODIC_KINDS, AgreementStatus, ReportKind, ReportStatus, Timeliness
from tracker.extensions import db
from tracker.models import Agency, Agreement, AgreementParty, Holiday, Report, Term
from tracker.services import calendar, settings

# Agreements that were signed and so bound the agency while their term ran.
BINDING_STATUSES = (AgreementStatus.IN_FORCE, AgreementStatus.EXPIRED, AgreementStatus.REPLACED)
FAR_FUTURE = date(2100, 12, 31)


@dataclass(frozen=True)
class ExpectedReport:
    agency_id: int
    period: calendar.Period
    deadline: date
    report: Report | None
    timeliness: Timeliness

    @property
    def kind(self) -> ReportKind:
        return self.period.kind

    @property
    def submitted(self) -> bool:
        return self.report is not None and self.report.first_submitted_at is not None


def holiday_dates() -> set[date]:
    return set(db.session.scalars(sa.select(Holiday.day)))


def binding_windows(agency_ids: Iterable[int] | None = None) -> dict[int, list[tuple[date, date]]]:
    """Per agency, the date ranges during which an agreement bound it to report."""
    stmt = (
        sa.select(AgreementParty.agency_id, Agreement.signed_on, Term.start_date, Term.end_date)
        .join(Agreement, AgreementParty.agreement_id == Agreement.id)
        .join(Term, Agreement.term_id == Term.id)
        .join(Agency, AgreementParty.agency_id == Agency.id)
        .where(Agreement.status.in_(BINDING_STATUSES), Agency.is_office.is_(False))
    )
    if agency_ids is not None:
        stmt = stmt.where(AgreementParty.agency_id.in_(list(agency_ids)))
    windows: dict[int, list[tuple[date, date]]] = {}
    for agency_id, signed_on, start, end in db.session.execute(stmt):
        first = max(start, signed_on) if signed_on else start
        windows.setdefault(agency_id, []).append((first, end or FAR_FUTURE))
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
    (if any) and its timeliness as of ``today`` (local date; defaults to now)."""
    today = today or calendar.today_local()
    kinds = list(kinds)
    windows = binding_windows(agency_ids)
    if not windows:
        return []
    holidays = holiday_dates()
    values = settings.get_all()
    existing = {
        (r.agency_id, r.kind, r.period): r
        for r in db.session.scalars(
            sa.select(Report).where(
                Report.agency_id.in_(list(windows)),
                Report.kind.in_(kinds),
                Report.period_end.between(first, last),
            )
        )
    }
    out: list[ExpectedReport] = []
    for kind in kinds:
        days = settings.deadline_days(kind, values)
        periods = calendar.periods_ending_between(kind, first, last)
        deadlines = {p: calendar.deadline_for(p, days, holidays) for p in periods}
        for agency_id, spans in sorted(windows.items()):
            for period in periods:
                if not any(lo <= period.end <= hi for lo, hi in spans):
                    continue
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
    return out


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

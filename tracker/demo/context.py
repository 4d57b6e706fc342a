"""What the seeding steps share: today, the random source, the records made so far, and the
small helpers of time and text every step uses."""

from __future__ import annotations

import random
import re
import string
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from tracker.demo.content.agencies import AGENCIES, AGENCY_BY_CODE, DISSOLVED_ON
from tracker.demo.content.people import DEMO_PASSWORD
from tracker.demo.content.timing import Phrase, Pool, usable
from tracker.enums import ReportKind
from tracker.services import calendar
from tracker.text import normalise

if TYPE_CHECKING:
    from tracker.demo.content.clauses import Clause
    from tracker.demo.issues import Plan
    from tracker.models import Agency, Agreement, Commitment, Issue, Report, Term, User

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass
class DemoSummary:
    """What ``seed`` made, and the accounts to log in with."""

    agencies: int = 0
    users: int = 0
    terms: int = 0
    agreements: int = 0
    commitments: int = 0
    updates: int = 0
    reports: int = 0
    versions: int = 0
    issues: int = 0
    events: int = 0
    holidays: int = 0
    documents: int = 0
    attachments: int = 0
    accounts: list[tuple[str, str, str, str]] = field(default_factory=list)

    def describe(self) -> str:
        counts = (
            ("agencies", self.agencies),
            ("users", self.users),
            ("terms", self.terms),
            ("agreements", self.agreements),
            ("commitments", self.commitments),
            ("commitment updates", self.updates),
            ("reports", self.reports),
            ("report versions", self.versions),
            ("issues", self.issues),
            ("issue events", self.events),
            ("calendar days", self.holidays),
            ("bloc documents", self.documents),
            ("attached files", self.attachments),
        )
        lines = ["Kon Tum demo data created:"]
        lines += [f"  {label:<20}{value:>6}" for label, value in counts]
        header = ("username", "role", "agency", "password", "full name")
        rows = [header, *((u, r, a or "-", DEMO_PASSWORD, n) for u, n, r, a in self.accounts)]
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        lines += ["", "Demo accounts:"]
        for row in rows:
            cells = "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
            lines.append("  " + cells.rstrip())
        return "\n".join(lines)


def utc(day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """The UTC instant of a local (Asia/Ho_Chi_Minh) wall-clock time."""
    local = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=calendar.LOCAL_TZ)
    return local.astimezone(UTC)


def num(n: int) -> str:
    """Numbers as Vietnamese documents write them: 03, 45, 1.250."""
    if n < 10:
        return f"{n:02d}"
    return f"{n:,}".replace(",", ".")


def slug(text: str, limit: int = 70) -> str:
    out = re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")
    return out[:limit].rstrip("-")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def period_words(kind: ReportKind, label: str) -> str:
    """A period as people write it in a sentence: 'tháng 03/2025', 'quý I/2025',
    '6 tháng đầu năm 2025', 'năm 2025'."""
    if kind is ReportKind.MONTHLY:
        year, month = label.split("-")
        return f"tháng {month}/{year}"
    if kind is ReportKind.QUARTERLY:
        year, quarter = label.split("-Q")
        return f"quý {ROMAN[int(quarter)]}/{year}"
    if kind is ReportKind.SIX_MONTH:
        return f"6 tháng đầu năm {label[:4]}"
    if kind is ReportKind.ANNUAL:
        return f"năm {label}"
    raise ValueError(f"{kind} has no period words")


def period_months(kind: ReportKind, label: str) -> tuple[int, ...]:
    """The months of the year a periodic report is about (its label's months)."""
    if kind is ReportKind.MONTHLY:
        return (int(label[5:7]),)
    if kind is ReportKind.QUARTERLY:
        quarter = int(label[6])
        return tuple(range(3 * quarter - 2, 3 * quarter + 1))
    if kind is ReportKind.SIX_MONTH:
        return tuple(range(1, 7))
    return tuple(range(1, 13))


def next_months(kind: ReportKind, label: str) -> tuple[int, ...]:
    """The months of the period after this one (what "tasks for the next period" are about)."""
    if kind is ReportKind.MONTHLY:
        return (int(label[5:7]) % 12 + 1,)
    if kind is ReportKind.QUARTERLY:
        quarter = int(label[6]) % 4 + 1
        return tuple(range(3 * quarter - 2, 3 * quarter + 1))
    if kind is ReportKind.SIX_MONTH:
        return tuple(range(7, 13))
    return tuple(range(1, 13))


def weighted(rng: random.Random, weights: dict) -> Any:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


@dataclass
class Context:
    """The state of one seeding run; every step reads and adds to it."""

    today: date
    rng: random.Random
    summary: DemoSummary = field(default_factory=DemoSummary)
    holidays: set[date] = field(default_factory=set)
    #: Weekend days worked in exchange for a day off.
    workdays: set[date] = field(default_factory=set)
    agencies: dict[str, Agency] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    liaison: dict[str, User] = field(default_factory=dict)
    office_staff: list[User] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    #: (department code, term index) → its agreement and that agreement's commitments.
    agreements: dict[tuple[str, int], Agreement] = field(default_factory=dict)
    commitments: dict[tuple[str, int], list[Commitment]] = field(default_factory=dict)
    #: The template each commitment was made from.
    clause_of: dict[Commitment, Clause] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    plans: dict[Issue, Plan] = field(default_factory=dict)
    #: The settings in force on the demo's day (the issues' response deadlines).
    settings: dict = field(default_factory=dict)
    #: The periodic reports, whatever their state.
    reports: list[Report] = field(default_factory=list)

    @property
    def cap(self) -> datetime:
        """Nothing generated happens after yesterday's office hours (today has not happened)."""
        return utc(self.today - timedelta(days=1), 17, 30)

    @property
    def yesterday(self) -> date:
        return self.today - timedelta(days=1)

    # -- time ---------------------------------------------------------------------------------

    def office_time(self, day: date) -> datetime:
        """A moment during local office hours (08:00-16:59) of ``day``."""
        rng = self.rng
        return utc(day, rng.randint(8, 16), rng.randint(0, 59), rng.randint(0, 59))

    def spread(self, start: datetime, end: datetime, count: int) -> list[datetime]:
        """``count`` strictly increasing moments after ``start``, by ``end`` where possible,
        each during office hours (local time) of its day."""
        rng = self.rng
        first = calendar.local_date(start)
        days_span = max(0, (calendar.local_date(end) - first).days)
        moments = sorted(
            self.office_time(first + timedelta(days=rng.randint(0, days_span)))
            for _ in range(count)
        )
        out: list[datetime] = []
        last = start
        for moment in moments:
            if moment <= last:
                moment = last + timedelta(minutes=rng.randint(5, 50), seconds=rng.randint(0, 59))
            out.append(moment)
            last = moment
        return out

    # -- agencies ------------------------------------------------------------------------------

    def office(self, day: date) -> Agency:
        """The body acting as the Office on ``day``."""
        return next(
            self.agencies[spec.code]
            for spec in AGENCIES
            if spec.is_office and self.exists(spec.code, day)
        )

    def exists(self, code: str, day: date) -> bool:
        """Whether the agency existed on ``day`` as far as anyone knows today: a body is
        created in the demo once its day has come, and ceases once its last day has passed."""
        if code not in self.agencies:
            return False
        since = AGENCY_BY_CODE[code].since
        last = self.last_day(code)
        return (since is None or since <= day) and (last is None or day <= last)

    def departments(self, day: date) -> list[str]:
        """The codes of the bloc's departments that existed on ``day``."""
        return [spec.code for spec in AGENCIES if spec.in_bloc and self.exists(spec.code, day)]

    def last_day(self, code: str) -> date | None:
        """The last day a body that ceased to exist by today existed (None if it still
        does): it files nothing after that day."""
        dissolved = DISSOLVED_ON.get(code)
        if dissolved is None or dissolved > self.today:
            return None
        return dissolved - timedelta(days=1)

    def is_working_day(self, day: date) -> bool:
        return calendar.is_working_day(day, self.holidays, self.workdays)

    def working_days(self, first: date, last: date) -> list[date]:
        days = []
        day = first
        while day <= last:
            if self.is_working_day(day):
                days.append(day)
            day += timedelta(days=1)
        return days

    def next_working_day(self, day: date) -> date:
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def term_index(self, day: date) -> int | None:
        for index, term in enumerate(self.terms):
            if term.contains(day):
                return index
        return None

    # -- text ---------------------------------------------------------------------------------

    def choose(self, pool: Pool, day: date, months: Collection[int] | None = None) -> Phrase | None:
        """One entry of ``pool`` true on ``day`` (about ``months``), or None if none is."""
        found = usable(pool, day, months)
        return self.rng.choice(found) if found else None

    def sample(
        self, pool: Pool, day: date, count: int, months: Collection[int] | None = None
    ) -> list[Phrase]:
        found = usable(pool, day, months)
        return self.rng.sample(found, min(count, len(found)))

    def fill(self, item: Phrase | str, **extra: Any) -> str:
        """The phrase with {n} drawn from its range, {k} from 2..9 and ``extra`` filled in."""
        rng = self.rng
        item = item if isinstance(item, Phrase) else Phrase(item)
        lo, hi = item.n
        values = {"n": num(rng.randint(lo, max(lo, hi))), "k": num(rng.randint(2, 9)), **extra}
        return item.text.format(**values)

    def fill_all(self, items: Iterable[Phrase | str], **extra: Any) -> list[str]:
        return [self.fill(item, **extra) for item in items]


def join(sentences: Sequence[str]) -> str:
    return " ".join(sentences)

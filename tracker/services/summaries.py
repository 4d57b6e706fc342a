"""The leadership summaries: every figure of the review PDFs, the summaries page and the
``/api/v1/summaries`` endpoint, computed here and nowhere else.

A summary covers a *scope*: a term, a year, a quarter or a date range, for the whole bloc or
one agency. Its figures come from the services the other pages use, so that a figure here
and the list behind it can never disagree:

- reporting discipline from ``compliance.expected_reports`` over the scope (every periodic
  report whose cut-off falls in it, exactly as the compliance grid counts them);
- commitments from ``commitments.figures_by_agency`` (the commitments of the scope's term);
- issues from ``issues_visible_to`` narrowed to those first seen in the scope.

Text for the PDF (highlights, shortcomings raised, tasks proposed) is quoted from accepted
report versions only, read a few columns at a time: nothing loads whole tables into the ORM.
"""

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload, raiseload

from tracker.enums import (
    OPEN_ISSUE_STATUSES,
    CommitmentStatus,
    IssueSource,
    IssueStatus,
    ReportStatus,
    ReviewDecision,
    Sector,
    Sensitivity,
)
from tracker.extensions import db
from tracker.formatting import fmt_date, period_name
from tracker.models import Agency, Commitment, Issue, Report, ReportVersion, Term
from tracker.permissions import (
    issue_visibility_key,
    issues_visible_to,
)
from tracker.services import agencies as agency_service
from tracker.services import calendar, commitments, compliance, figure_cache
from tracker.services.errors import ValidationError

#: The earliest and latest days a summary may cover.
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)
#: How many open issues and overdue commitments the PDF lists by name (the rest are counted).
LISTED = 40
#: How much of a report's text a highlight quotes.
QUOTE = 600


# -- the scope --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """What a summary covers: the days [first, last], for the bloc or one agency."""

    first: date
    last: date
    kind: str  # "term", "year", "quarter" or "range"
    term: Term | None = None
    year: int | None = None
    quarter: int | None = None
    agency_id: int | None = None

    @property
    def label(self) -> str:
        """How the document and the page name the span ("nhiệm kỳ 2021-2025", "năm 2024")."""
        if self.kind == "term":
            return _("the %(term)s term", term=self.term.name)
        if self.kind == "year":
            return _("the year %(year)d", year=self.year)
        if self.kind == "quarter":
            return _("quarter %(quarter)d of %(year)d", quarter=self.quarter, year=self.year)
        return _("%(first)s to %(last)s", first=fmt_date(self.first), last=fmt_date(self.last))

    @property
    def slug(self) -> str:
        """A file name's part: 2021-2025, 2024, 2024-Q2, 2024-01-01_2024-06-30."""
        if self.kind == "term":
            return self.term.name
        if self.kind == "year":
            return str(self.year)
        if self.kind == "quarter":
            return f"{self.year}-Q{self.quarter}"
        return f"{self.first.isoformat()}_{self.last.isoformat()}"

    def params(self) -> dict:
        """The query string that asks for this scope again (links, forms)."""
        out: dict = {}
        if self.kind == "term":
            out["term"] = self.term.name
        elif self.kind in ("year", "quarter"):
            out["year"] = self.year
            if self.quarter:
                out["quarter"] = self.quarter
        else:
            out["from"] = self.first.isoformat()
            out["to"] = self.last.isoformat()
        if self.agency_id is not None:
            out["agency"] = self.agency_id
        return out


def term_by_name(name: str) -> Term | None:
    return db.session.scalar(sa.select(Term).where(Term.name == name))


def terms() -> list[Term]:
    return list(db.session.scalars(sa.select(Term).order_by(Term.start_date)))


def scope_for(
    *,
    term: str | None = None,
    year: int | None = None,
    quarter: int | None = None,
    first: date | None = None,
    last: date | None = None,
    agency_id: int | None = None,
    today: date | None = None,
) -> Scope:
    """The scope a request asks for; the current term when it asks for none.

    Raises ValidationError (with a message for the user) for an unknown term, a quarter
    without a year, or a range that ends before it starts."""
    today = today or calendar.today_local()
    if term:
        found = term_by_name(term)
        if found is None:
            raise ValidationError(_("There is no term %(term)s.", term=term), field="term")
        return Scope(
            first=found.start_date,
            last=found.end_date or today,
            kind="term",
            term=found,
            agency_id=agency_id,
        )
    if quarter is not None:
        if year is None:
            raise ValidationError(_("Choose the year of the quarter."), field="year")
        start = date(year, 3 * quarter - 2, 1)
        end = (date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)) - timedelta(days=1)
        return Scope(start, end, "quarter", year=year, quarter=quarter, agency_id=agency_id)
    if year is not None:
        return Scope(date(year, 1, 1), date(year, 12, 31), "year", year=year, agency_id=agency_id)
    if first is not None or last is not None:
        first = first or EARLIEST
        last = last or today
        if last < first:
            raise ValidationError(_("The end of the range comes before its start."), field="to")
        return Scope(first, last, "range", agency_id=agency_id)
    from tracker.services.dashboard import current_term

    running = current_term(today)
    if running is None:
        return Scope(date(today.year, 1, 1), date(today.year, 12, 31), "year", year=today.year)
    return Scope(
        running.start_date, running.end_date or today, "term", term=running, agency_id=agency_id
    )


def term_of(scope: Scope) -> Term | None:
    """The term whose commitments a scope reports on: its own, or the one running at its end
    (or, before any term, none)."""
    if scope.term is not None:
        return scope.term
    day = min(scope.last, calendar.today_local())
    return db.session.scalar(
        sa.select(Term).where(Term.start_date <= day).order_by(Term.start_date.desc()).limit(1)
    )


# -- the figures ------------------------------------------------------------------------------


@dataclass
class AgencyLine:
    """One agency's row of the summary."""

    agency: Agency
    discipline: compliance.Discipline
    commitments: commitments.AgencyFigures
    issues_flagged: int = 0
    issues_open: int = 0
    history: str = ""

    @property
    def code(self) -> str:
        return self.agency.code


@dataclass
class Quote:
    agency: Agency
    report_id: int
    period: str
    text: str


@dataclass
class Summary:
    scope: Scope
    today: date
    term: Term | None
    lines: list[AgencyLine]
    discipline: compliance.Discipline
    commitments_by_status: dict[CommitmentStatus, int]
    overdue_commitments: list[Commitment]
    issues_by_field: dict[Sector, int]
    issues_by_sensitivity: dict[Sensitivity, int]
    issues_by_source: dict[IssueSource, int]
    issues_by_status: dict[IssueStatus, int]
    median_days_to_resolve: float | None
    open_issues: list[Issue]
    by_year: list[tuple[int, compliance.Discipline, int]] = field(default_factory=list)
    highlights: list[Quote] = field(default_factory=list)
    shortcomings: list[Quote] = field(default_factory=list)
    tasks: list[Quote] = field(default_factory=list)

    @property
    def issues_total(self) -> int:
        return sum(self.issues_by_status.values())

    @property
    def issues_open(self) -> int:
        return sum(self.issues_by_status[s] for s in OPEN_ISSUE_STATUSES)

    @property
    def commitments_total(self) -> int:
        return sum(self.commitments_by_status.values())

    @property
    def cutoff(self) -> date:
        """The last day the data runs to."""
        return min(self.scope.last, self.today)


def _issue_base(user, scope: Scope) -> sa.Select:
    """The issues a summary counts: those ``user`` may see, first seen in the scope (and, for
    an agency's summary, reported by it or in its charge)."""
    stmt = issues_visible_to(user, sa.select(Issue)).where(
        Issue.first_seen_on.between(scope.first, scope.last)
    )
    if scope.agency_id is not None:
        stmt = stmt.where(
            sa.or_(
                Issue.reporting_agency_id == scope.agency_id,
                Issue.responsible_agency_id == scope.agency_id,
            )
        )
    return stmt


def issue_counts(user, scope: Scope, column) -> Counter:
    base = _issue_base(user, scope).subquery()
    rows = db.session.execute(
        sa.select(base.c[column.key], sa.func.count()).group_by(base.c[column.key])
    ).all()
    return Counter(dict(rows))


def _per_agency_issues(user, scope: Scope) -> tuple[Counter, Counter]:
    """Issues each agency flagged, and the open ones each is responsible for."""
    base = _issue_base(user, scope).subquery()
    flagged = Counter(
        dict(
            db.session.execute(
                sa.select(base.c.reporting_agency_id, sa.func.count()).group_by(
                    base.c.reporting_agency_id
                )
            ).all()
        )
    )
    open_ = Counter(
        dict(
            db.session.execute(
                sa.select(base.c.responsible_agency_id, sa.func.count())
                .where(base.c.status.in_(OPEN_ISSUE_STATUSES))
                .group_by(base.c.responsible_agency_id)
            ).all()
        )
    )
    return flagged, open_


def median_days_to_resolve(user, scope: Scope) -> float | None:
    """The median of (local date resolved − first seen), in days, over the resolved issues."""
    base = _issue_base(user, scope).subquery()
    days = [
        (calendar.local_date(resolved_at) - first_seen).days
        for first_seen, resolved_at in db.session.execute(
            sa.select(base.c.first_seen_on, base.c.resolved_at).where(
                base.c.resolved_at.is_not(None)
            )
        )
    ]
    return statistics.median(days) if days else None


@dataclass(frozen=True)
class IssueFigures:
    """Every issue count of a summary: the same for everyone who sees the same issues."""

    by_field: dict
    by_sensitivity: dict
    by_source: dict
    by_status: dict
    flagged: dict
    open_: dict
    median_days_to_resolve: float | None
    per_year: dict


def issue_figures(user, scope: Scope) -> IssueFigures:
    """The issue counts of a scope as ``user`` sees them; cached (``figure_cache``) until an
    issue, an agency or a succession is written."""
    key = (issue_visibility_key(user), scope.first, scope.last, scope.agency_id)
    return figure_cache.cached(
        "summary_issues", key, lambda: _issue_figures(user, scope), topic=figure_cache.ISSUES
    )


def _issue_figures(user, scope: Scope) -> IssueFigures:
    flagged, open_ = _per_agency_issues(user, scope)
    base = _issue_base(user, scope).subquery()
    year = sa.extract("year", base.c.first_seen_on)
    per_year = {
        int(y): n
        for y, n in db.session.execute(sa.select(year, sa.func.count()).group_by(year)).all()
    }
    return IssueFigures(
        by_field=_all(Sector, issue_counts(user, scope, Issue.field)),
        by_sensitivity=_all(Sensitivity, issue_counts(user, scope, Issue.sensitivity)),
        by_source=_all(IssueSource, issue_counts(user, scope, Issue.source)),
        by_status=_all(IssueStatus, issue_counts(user, scope, Issue.status)),
        flagged=dict(flagged),
        open_=dict(open_),
        median_days_to_resolve=median_days_to_resolve(user, scope),
        per_year=per_year,
    )


def expected(scope: Scope, today: date, agency_ids=None) -> list[compliance.ExpectedReport]:
    """The expected reports of a scope, exactly as the compliance grid counts them: every
    periodic report whose cut-off falls between the scope's first day and its data cut-off
    (its last day, or today while it runs; a period not yet over is owed by no one)."""
    if scope.agency_id is not None:
        agency_ids = [scope.agency_id]
    return compliance.expected_reports(
        scope.first, min(scope.last, today), today=today, agency_ids=agency_ids
    )


def commitment_filters(scope: Scope, term: Term | None) -> commitments.Filters:
    return commitments.Filters(term_id=term.id if term else -1, agency_id=scope.agency_id)


def build(user, scope: Scope, today: date | None = None, *, text: bool = True) -> Summary:
    """Every figure of a summary (and, with ``text``, the quotes the PDF prints)."""
    today = today or calendar.today_local()
    rows = expected(scope, today)
    by_agency = compliance.discipline_by_agency(rows)
    term = term_of(scope)
    filters = commitment_filters(scope, term)
    commitment_figures = commitments.figures_by_agency(user, filters, today)
    issue_numbers = issue_figures(user, scope)
    flagged, open_ = issue_numbers.flagged, issue_numbers.open_
    ids = set(by_agency) | set(commitment_figures) | set(flagged) | set(open_)
    ids.discard(None)
    if scope.agency_id is not None:
        ids = {scope.agency_id}
    agencies = agency_service.by_id(ids)
    lines = [
        AgencyLine(
            agency=agencies[i],
            discipline=by_agency.get(i) or compliance.discipline([]),
            commitments=commitment_figures.get(i) or commitments.AgencyFigures(i),
            issues_flagged=flagged.get(i, 0),
            issues_open=open_.get(i, 0),
            history=agency_service.history_note(agencies[i]),
        )
        for i in ids
        if i in agencies
    ]
    lines.sort(key=lambda line: (line.agency.dissolved_on is not None, line.agency.code))
    by_status = dict.fromkeys(CommitmentStatus, 0)
    for figures in commitment_figures.values():
        for status, number in figures.by_status.items():
            by_status[status] += number
    overdue = list(
        db.session.scalars(
            commitments.list_query(
                user,
                commitments.Filters(
                    term_id=filters.term_id,
                    agency_id=filters.agency_id,
                    status=CommitmentStatus.OVERDUE,
                ),
                today=today,
            ).limit(LISTED)
        )
    )
    open_issues = list(
        db.session.scalars(
            _issue_base(user, scope)
            .where(Issue.status.in_(OPEN_ISSUE_STATUSES))
            .options(joinedload(Issue.responsible_agency), raiseload("*"))
            .order_by(Issue.first_seen_on, Issue.id)
            .limit(LISTED)
        )
    )
    summary = Summary(
        scope=scope,
        today=today,
        term=term,
        lines=lines,
        discipline=compliance.discipline(rows),
        commitments_by_status=by_status,
        overdue_commitments=overdue,
        issues_by_field=dict(issue_numbers.by_field),
        issues_by_sensitivity=dict(issue_numbers.by_sensitivity),
        issues_by_source=dict(issue_numbers.by_source),
        issues_by_status=dict(issue_numbers.by_status),
        median_days_to_resolve=issue_numbers.median_days_to_resolve,
        open_issues=open_issues,
        by_year=_by_year(scope, rows, issue_numbers.per_year),
    )
    if text:
        ids = [line.agency.id for line in lines]
        summary.highlights = quotes(scope, ids, agencies, ReportVersion.results)
        summary.shortcomings = quotes(scope, ids, agencies, ReportVersion.emerging_issues)
        summary.tasks = quotes(
            scope, ids, agencies, ReportVersion.next_tasks, ReportVersion.proposals
        )
    return summary


def _all(enum_cls, counts: Counter) -> dict:
    return {member: counts.get(member, 0) for member in enum_cls}


def _by_year(
    scope: Scope, rows, issues_per_year: dict
) -> list[tuple[int, compliance.Discipline, int]]:
    """Per calendar year of the scope: reporting discipline and issues first seen."""
    out = []
    for y in range(scope.first.year, min(scope.last, calendar.today_local()).year + 1):
        year_rows = [r for r in rows if r.period.end.year == y]
        out.append((y, compliance.discipline(year_rows), issues_per_year.get(y, 0)))
    return out


def quotes(scope: Scope, agency_ids, agencies, *columns) -> list[Quote]:
    """Per agency, the text of ``columns`` in its latest accepted report of the scope."""
    if not agency_ids:
        return []
    latest = (
        sa.select(Report.agency_id, sa.func.max(Report.period_end).label("end"))
        .where(
            Report.agency_id.in_(agency_ids),
            Report.status == ReportStatus.ACCEPTED,
            Report.period_end.between(scope.first, scope.last),
        )
        .group_by(Report.agency_id)
        .subquery()
    )
    stmt = (
        sa.select(Report.agency_id, Report.id, Report.kind, Report.period, *columns)
        .join(ReportVersion, ReportVersion.report_id == Report.id)
        .join(
            latest,
            sa.and_(latest.c.agency_id == Report.agency_id, latest.c.end == Report.period_end),
        )
        .where(
            Report.status == ReportStatus.ACCEPTED,
            ReportVersion.decision == ReviewDecision.ACCEPTED,
        )
        .order_by(Report.agency_id, Report.kind.desc(), Report.id)
    )
    out, seen = [], set()
    for agency_id, report_id, kind, period, *texts in db.session.execute(stmt):
        if agency_id in seen:
            continue
        body = "\n".join(t.strip() for t in texts if t and t.strip())
        if not body:
            continue
        seen.add(agency_id)
        if len(body) > QUOTE:
            body = body[:QUOTE].rsplit(" ", 1)[0] + " …"
        out.append(Quote(agencies[agency_id], report_id, period_name(kind, period), body))
    out.sort(key=lambda q: q.agency.code)
    return out

"""Periodic and ad hoc reports, their submitted versions and the Office's reviews.

Periodic reports are exactly those ``compliance.expected_reports`` expects: each is first
submitted after its period's cut-off (on time within the deadline, late after it) or not at
all; the latest periods are still open. Every text in a report is chosen for the period it
is about (see ``content.reports``), and a review comment about timeliness agrees with the
report's timeliness as ``calendar.timeliness`` decides it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from tracker.demo.agreements import progress_note
from tracker.demo.content import reports as content
from tracker.demo.content.agencies import AREAS, TERMS
from tracker.demo.content.timing import Phrase
from tracker.demo.context import (
    Context,
    join,
    next_months,
    period_months,
    period_words,
)
from tracker.demo.issues import Plan
from tracker.enums import (
    IssueStatus,
    Recurrence,
    ReportKind,
    ReportStatus,
    ReviewDecision,
    Sensitivity,
    Timeliness,
)
from tracker.extensions import db
from tracker.models import Commitment, Issue, Report, ReportVersion, User
from tracker.services import calendar, compliance

#: How many ad hoc reports, and every how many of them is late.
AD_HOC_REPORTS = 15
AD_HOC_LATE_EVERY = 7


def seed_periodic_reports(ctx: Context) -> None:
    """One report per expected (agency, kind, period): accepted, returned, waiting for review,
    a draft, or nothing at all."""
    rng = ctx.rng
    codes = [code for code, agency in ctx.agencies.items() if agency.in_bloc]
    agency_ids = [ctx.agencies[c].id for c in codes]
    code_by_id = {ctx.agencies[c].id: c for c in codes}
    rows = compliance.expected_reports(
        TERMS[0].start, ctx.today + timedelta(days=62), today=ctx.today, agency_ids=agency_ids
    )
    # The latest monthly period already past its deadline: one or two departments missed it.
    closed_monthly = [r for r in rows if r.kind is ReportKind.MONTHLY and r.deadline < ctx.today]
    last_label = max((r.period.label for r in closed_monthly), default=None)
    chasing = set(rng.sample(ctx.departments(ctx.today), rng.randint(1, 2)))
    # Issues per agency, to mention in the monthly reports that cover them.
    issues_by_agency: dict[int, list[Issue]] = {}
    for issue in ctx.issues:
        issues_by_agency.setdefault(issue.responsible_agency_id, []).append(issue)
        if issue.reporting_agency_id != issue.responsible_agency_id:
            issues_by_agency.setdefault(issue.reporting_agency_id, []).append(issue)

    submitted: list[tuple[str, Report, datetime, dict]] = []
    for row in rows:
        code = code_by_id[row.agency_id]
        period = row.period
        outcome = _outcome(ctx, row, code, last_label, chasing)
        if outcome == "none":
            continue
        agency = ctx.agencies[code]
        report = Report(
            agency=agency,
            kind=period.kind,
            period=period.label,
            period_start=period.start,
            period_end=period.end,
            deadline=row.deadline,
            title=title(period.kind, period.label, agency.name_vi),
            status=ReportStatus.DRAFT,
            created_by=ctx.liaison[code],
        )
        ctx.reports.append(report)
        if outcome == "draft":
            sections = _sections(ctx, code, report, [])
            sections.update(emerging_issues="", proposals="", next_tasks="")
            if rng.random() < 0.5:
                sections.update(commitment_notes={})
            _set_sections(report, sections)
            opened = min(period.end, ctx.yesterday)
            report.created_at = report.updated_at = ctx.office_time(opened)
            continue
        first_at = _submission_moment(ctx, row, outcome, ctx.last_day(code))
        linked: list[Issue] = []
        if period.kind is ReportKind.MONTHLY:
            candidates = [
                i
                for i in issues_by_agency.get(row.agency_id, [])
                if period.start <= i.first_seen_on <= period.end and i.created_at < first_at
            ]
            if candidates:
                linked = rng.sample(candidates, min(len(candidates), rng.randint(1, 2)))
        report.issues = linked
        report.first_submitted_at = first_at
        report.created_at = first_at - timedelta(days=rng.randint(1, 4), hours=2)
        submitted.append((code, report, first_at, _sections(ctx, code, report, linked)))
        for issue in linked:
            ctx.plans[issue].link_report(first_at, ctx.liaison[code], report)
    versions = _reviews(ctx, submitted)
    db.session.add_all(ctx.reports)
    db.session.add_all(versions)
    ctx.summary.reports += len(ctx.reports)
    ctx.summary.versions += len(versions)


def title(kind: ReportKind, label: str, agency_name: str, issue_title: str = "") -> str:
    """A report's title as the department writes it."""
    year = int(label[:4])
    if kind is ReportKind.AD_HOC:
        short = issue_title if len(issue_title) <= 200 else issue_title[:197] + "..."
        return content.TITLES[kind].format(agency=agency_name, issue=short)
    return content.TITLES[kind].format(
        period=period_words(kind, label), agency=agency_name, next_year=year + 1
    )


def _outcome(
    ctx: Context, row: compliance.ExpectedReport, code: str, last_label: str | None, chasing: set
) -> str:
    """'none', 'draft', 'on_time' or 'late' for one expected report."""
    rng = ctx.rng
    if row.deadline >= ctx.today:  # not due yet
        if row.period.end < ctx.today and rng.random() < 0.5:
            return "draft"
        return "none"
    if row.kind is ReportKind.MONTHLY and row.period.label == last_label:
        if code in chasing:
            return rng.choice(("none", "draft"))
        return "on_time"
    roll = rng.random()
    if roll < 0.83:
        return "on_time"
    if roll < 0.94 and (ctx.today - row.deadline).days >= 3:
        return "late"
    if roll < 0.94:
        return "on_time"
    return "draft" if rng.random() < 0.4 else "none"


def _submission_moment(
    ctx: Context, row: compliance.ExpectedReport, outcome: str, last_day: date | None
) -> datetime:
    """A working moment after the cut-off: by the deadline if on time, after it if late; by
    ``last_day`` for a department that ceased to exist (it filed nothing after)."""
    rng = ctx.rng
    if outcome == "on_time":
        window = ctx.working_days(row.period.end + timedelta(days=1), row.deadline)
        day = rng.choice(window or [row.deadline])
    else:
        latest = min(20, (ctx.today - row.deadline).days - 1)
        if last_day is not None:
            latest = min(latest, (last_day - row.deadline).days)
        day = ctx.next_working_day(row.deadline + timedelta(days=rng.randint(1, max(1, latest))))
        if day >= ctx.today or (last_day is not None and day > last_day):
            day = row.deadline + timedelta(days=1)
    return ctx.office_time(day)


def _review_moment(ctx: Context, after: datetime) -> datetime | None:
    """A reviewer's working moment 1-5 days after ``after``, or None if still to come."""
    day = ctx.next_working_day(calendar.local_date(after) + timedelta(days=ctx.rng.randint(1, 5)))
    moment = ctx.office_time(day)
    return moment if moment <= ctx.cap else None


def _reviews(ctx: Context, submitted: list[tuple[str, Report, datetime, dict]]) -> list:
    """The versions: accepted, returned then resubmitted, or awaiting review."""
    rng = ctx.rng
    # Per agency, the latest submissions wait in the Office's queue; two are returned.
    by_code: dict[str, list[int]] = {}
    for position, (code, *_) in enumerate(submitted):
        by_code.setdefault(code, []).append(position)
    pending: set[int] = set()
    returned_now: set[int] = set()
    returning = rng.sample(ctx.departments(ctx.today), 2)
    for code in by_code:
        order = sorted(by_code.get(code, []), key=lambda p: submitted[p][2], reverse=True)
        if code in returning:
            for p in order:
                if submitted[p][2] <= ctx.cap - timedelta(days=3):
                    returned_now.add(p)
                    break
        for p in order[: rng.randint(1, 2)]:
            # A ceased department's last reports were reviewed long ago.
            if p not in returned_now and rng.random() < 0.85 and ctx.last_day(code) is None:
                pending.add(p)
    versions: list[ReportVersion] = []
    for position, (code, report, first_at, sections) in enumerate(submitted):
        liaison = ctx.liaison[code]
        reviewer = rng.choice(ctx.office_staff)
        review_at = None if position in pending else _review_moment(ctx, first_at)
        if position in returned_now:
            review_at = review_at or first_at + timedelta(hours=3)
        if review_at is None:  # waiting in the Office's queue
            versions.append(_version(report, 1, sections, first_at, liaison))
            _finish(report, ReportStatus.SUBMITTED, sections, first_at)
            continue
        last_day = ctx.last_day(code)
        late_to_revise = last_day is not None and calendar.local_date(review_at) >= last_day
        if position not in returned_now and (rng.random() >= 0.065 or late_to_revise):
            comment = _accept_comment(ctx, code, report, revised=False)
            versions.append(
                _version(report, 1, sections, first_at, liaison, reviewer, review_at, comment)
            )
            _finish(report, ReportStatus.ACCEPTED, sections, first_at, review_at)
            continue
        comment, notes = _return_comment(ctx, code, report)
        returned = _version(
            report,
            1,
            sections,
            first_at,
            liaison,
            reviewer,
            review_at,
            comment,
            ReviewDecision.RETURNED,
        )
        returned.section_comments = notes
        versions.append(returned)
        if position in returned_now:  # still with the department, to be revised
            _finish(report, ReportStatus.RETURNED, sections, first_at, review_at)
            continue
        revised = dict(sections)
        addition = ctx.choose(content.RESULTS[code], report.period_end, _months(report))
        extra = ctx.fill(addition or content.RESULTS_COMMON[0], area=AREAS[code])
        revised["results"] = join([sections["results"], content.REVISION_PREFIX + extra])
        resubmit_day = ctx.next_working_day(
            calendar.local_date(review_at) + timedelta(days=rng.randint(1, 5))
        )
        if last_day is not None:
            resubmit_day = min(resubmit_day, last_day)
        resubmitted = ctx.office_time(resubmit_day)
        if resubmitted <= review_at:
            resubmitted = review_at + timedelta(hours=1)
        if resubmitted > ctx.cap:
            resubmitted = max(review_at + timedelta(hours=1), ctx.cap - timedelta(hours=1))
        second_review = _review_moment(ctx, resubmitted)
        if second_review is None:
            versions.append(_version(report, 2, revised, resubmitted, liaison))
            _finish(report, ReportStatus.SUBMITTED, revised, resubmitted)
        else:
            comment = _accept_comment(ctx, code, report, revised=True)
            versions.append(
                _version(report, 2, revised, resubmitted, liaison, reviewer, second_review, comment)
            )
            _finish(report, ReportStatus.ACCEPTED, revised, resubmitted, second_review)
    return versions


def _months(report: Report) -> tuple[int, ...]:
    if report.kind is ReportKind.AD_HOC:
        return (report.period_end.month,)
    return period_months(report.kind, report.period)


def _return_comment(ctx: Context, code: str, report: Report) -> tuple[str, dict[str, str]]:
    """What the reviewer writes when returning a report: at the top, and next to the results
    section (which the revision then completes)."""
    topic = ctx.choose(content.RETURN_TOPICS[code], report.period_end, _months(report))
    about = topic.text if topic else "kết quả thực hiện các nội dung phối hợp"
    general = ctx.rng.choice(content.RETURN_TEMPLATES).format(topic=about)
    note = ctx.rng.choice(content.RETURN_SECTION_NOTES).format(topic=about)
    return general, {"results": note}


def _accept_comment(ctx: Context, code: str, report: Report, revised: bool) -> str | None:
    """What the reviewer writes on acceptance (often nothing): about the period, and about
    timeliness only as the first submission's timeliness really is."""
    rng = ctx.rng
    if rng.random() < 0.35:
        return None
    if revised:
        return rng.choice(content.ACCEPT_REVISED)
    if report.kind is ReportKind.AD_HOC:
        return rng.choice(content.AD_HOC_ACCEPT)
    on_time = (
        calendar.timeliness(report.deadline, report.first_submitted_at, ctx.today)
        is Timeliness.ON_TIME
    )
    pool: list[str | Phrase] = [
        *content.ACCEPT_ANY,
        *content.ACCEPT_BY_AGENCY.get(code, ()),
        *(content.ACCEPT_ON_TIME if on_time else content.ACCEPT_LATE),
    ]
    chosen = ctx.choose(pool, report.period_end, _months(report))
    return chosen.text.format(area=AREAS[code]) if chosen else None


def _version(
    report: Report,
    number: int,
    sections: dict,
    submitted_at: datetime,
    author: User,
    reviewer: User | None = None,
    reviewed_at: datetime | None = None,
    comment: str | None = None,
    decision: ReviewDecision | None = None,
) -> ReportVersion:
    """A frozen submission: its text and its review are both set here, once. With a
    reviewer and no decision, the version was accepted."""
    if reviewer is not None and decision is None:
        decision = ReviewDecision.ACCEPTED
    return ReportVersion(
        report=report,
        number=number,
        submitted_at=submitted_at,
        submitted_by=author,
        decision=decision,
        reviewer=reviewer,
        reviewed_at=reviewed_at,
        review_comment=comment,
        **{k: (dict(v) if isinstance(v, dict) else v) for k, v in sections.items()},
    )


def _set_sections(report: Report, sections: dict) -> None:
    for name, value in sections.items():
        setattr(report, name, dict(value) if isinstance(value, dict) else value)


def _finish(
    report: Report,
    status: ReportStatus,
    sections: dict,
    last_submitted: datetime,
    last_change: datetime | None = None,
) -> None:
    """The report's own columns mirror its latest version."""
    _set_sections(report, sections)
    report.status = status
    report.last_submitted_at = last_submitted
    report.accepted_at = last_change if status == ReportStatus.ACCEPTED else None
    report.updated_at = last_change or last_submitted


# -- the sections ---------------------------------------------------------------------------


def _sections(ctx: Context, code: str, report: Report, linked: Sequence[Issue]) -> dict:
    """The six sections of one report, in the register of the source articles, each true
    at the period's cut-off and in season for the period (tasks: for the next period)."""
    rng = ctx.rng
    area = AREAS[code]
    day = report.period_end
    kind = report.kind
    months = _months(report)
    later = next_months(kind, report.period) if kind is not ReportKind.AD_HOC else months
    situation = [
        *ctx.sample(content.SITUATION_COMMON, day, 1),
        *ctx.sample(content.SITUATION[code], day, rng.randint(1, 2), months),
        *ctx.sample(content.SITUATION_TIMELINE, day, 1),
    ]
    lines = [item.text for item in situation]
    if kind is not ReportKind.AD_HOC:
        lines[0] = (
            f"Trong {period_words(kind, report.period)}, " + lines[0][0].lower() + lines[0][1:]
        )
    pool = [*content.RESULTS[code], *content.RESULTS_COMMON]
    results = ctx.fill_all(ctx.sample(pool, day, rng.randint(2, 4), months), area=area)
    if linked:
        emerging = []
        for issue in linked:
            emerging += [content.EMERGING_ISSUE.format(title=issue.title), content.EMERGING_ACTION]
    else:
        emerging = [s.format(area=area) for s in rng.sample(content.EMERGING_NONE, 2)]
    proposals = [
        s.format(area=area) for s in rng.sample(content.PROPOSALS_COMMON, rng.randint(1, 2))
    ]
    own = ctx.choose(content.PROPOSALS[code], day)
    if own is not None:
        proposals.insert(rng.randint(0, len(proposals)), own.text)
    year = int(report.period[:4])
    next_words = content.NEXT_PERIOD[kind].format(year=year, next_year=year + 1)
    next_tasks = [
        s.format(next=next_words) for s in rng.sample(content.NEXT_COMMON, rng.randint(1, 2))
    ]
    next_tasks += [p.text for p in ctx.sample(content.NEXT[code], day, rng.randint(1, 2), later)]
    return {
        "situation": join(lines),
        "results": join(results),
        "commitment_notes": _commitment_notes(ctx, code, report, months),
        "emerging_issues": join(emerging),
        "proposals": join(proposals),
        "next_tasks": join(next_tasks),
    }


def _commitments_at(ctx: Context, code: str, day: date) -> list[Commitment]:
    """The commitments of the agreement binding the agency on ``day``: the latest one
    signed by then."""
    for index in reversed(range(len(TERMS))):
        agreement = ctx.agreements.get((code, index))
        if agreement is not None and agreement.signed_on and agreement.signed_on <= day:
            return ctx.commitments[(code, index)]
    return []


def _commitment_notes(
    ctx: Context, code: str, report: Report, months: tuple[int, ...]
) -> dict[str, str]:
    """A few notes on commitments under way in the period: with progress recorded by its
    end, not the reporting one (the report is its own evidence), one-off commitments only
    until they fall due."""
    rng = ctx.rng
    day = report.period_end
    candidates = [
        c
        for c in _commitments_at(ctx, code, day)
        if not ctx.clause_of[c].from_reports
        and (c.recurrence is not Recurrence.ONCE or day <= c.due_date)
        and any(u.recorded_on <= day for u in c.updates)
    ]
    notes: dict[str, str] = {}
    for commitment in rng.sample(candidates, min(len(candidates), rng.randint(1, 3))):
        clause = ctx.clause_of[commitment]
        text = content.COMMITMENT_NOTE_DEFAULT
        if rng.random() >= 0.25:
            try:
                text = progress_note(ctx, clause, code, day, months)[0] + "."
            except LookupError:  # nothing of it fits this period
                pass
        notes[str(commitment.id)] = text
    return notes


# -- ad hoc reports -------------------------------------------------------------------------


def _files_until(ctx: Context, code: str, day: date) -> bool:
    """Whether the department could still file on ``day``."""
    last = ctx.last_day(code)
    return last is None or day <= last


def seed_ad_hoc_reports(ctx: Context) -> None:
    """Đột xuất: a report on a hot issue within days of its first sighting."""
    rng = ctx.rng
    candidates = [
        i
        for i in ctx.issues
        if i.sensitivity in (Sensitivity.HIGH, Sensitivity.CRITICAL)
        and i.status is not IssueStatus.NEW
        and i.first_seen_on <= ctx.today - timedelta(days=12)
        and i.first_seen_on >= date(2017, 2, 1)
        and _files_until(ctx, i.responsible_agency.code, i.first_seen_on + timedelta(days=12))
    ]
    chosen = sorted(
        rng.sample(candidates, min(len(candidates), AD_HOC_REPORTS)),
        key=lambda i: i.first_seen_on,
    )
    counters: dict[tuple[int, int], int] = {}
    reports: list[Report] = []
    versions: list[ReportVersion] = []
    code_by_id = {a.id: code for code, a in ctx.agencies.items()}
    for position, issue in enumerate(chosen):
        agency = issue.responsible_agency
        code = code_by_id[agency.id]
        liaison = ctx.liaison[code]
        year = issue.first_seen_on.year
        counters[(agency.id, year)] = counters.get((agency.id, year), 0) + 1
        label = f"{year}-AH{counters[(agency.id, year)]:02d}"
        deadline = ctx.next_working_day(issue.first_seen_on + timedelta(days=rng.randint(3, 7)))
        late = position % AD_HOC_LATE_EVERY == 3
        day = (
            deadline + timedelta(days=rng.randint(1, 4))
            if late
            else ctx.next_working_day(issue.first_seen_on + timedelta(days=1))
        )
        day = min(day, ctx.today - timedelta(days=2))
        first_at = ctx.office_time(day)
        if first_at <= issue.created_at:
            first_at = issue.created_at + timedelta(hours=2)
        report = Report(
            agency=agency,
            kind=ReportKind.AD_HOC,
            period=label,
            period_start=issue.first_seen_on,
            period_end=min(day, deadline),
            deadline=deadline,
            title=title(ReportKind.AD_HOC, label, agency.name_vi, issue.title),
            status=ReportStatus.DRAFT,
            created_by=liaison,
            first_submitted_at=first_at,
            created_at=first_at - timedelta(hours=3),
        )
        report.issues = [issue]
        sections = _sections(ctx, code, report, [issue])
        sections["situation"] = content.AD_HOC_SITUATION.format(
            seen=f"{issue.first_seen_on:%d/%m/%Y}",
            outlet=issue.source_outlet or "dư luận",
            summary=issue.summary,
        )
        sections["results"] = content.AD_HOC_RESULTS
        review_at = _review_moment(ctx, first_at)
        if position >= len(chosen) - 1 or review_at is None:
            versions.append(_version(report, 1, sections, first_at, liaison))
            _finish(report, ReportStatus.SUBMITTED, sections, first_at)
        else:
            reviewer = rng.choice(ctx.office_staff)
            comment = _accept_comment(ctx, code, report, revised=False)
            versions.append(
                _version(report, 1, sections, first_at, liaison, reviewer, review_at, comment)
            )
            _finish(report, ReportStatus.ACCEPTED, sections, first_at, review_at)
        reports.append(report)
        plan: Plan = ctx.plans[issue]
        plan.link_report(first_at, liaison, report)
    db.session.add_all(reports)
    db.session.add_all(versions)
    ctx.summary.reports += len(reports)
    ctx.summary.versions += len(versions)

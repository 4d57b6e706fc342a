"""Hot issues and their timelines.

About 300 issues from January 2017 to yesterday, each drawn from a template valid on the
day it was first seen and placed in a real (commune, district) of the province, or, from
1 July 2025, in a commune of the two-tier province with no district. The department that
answers for an issue is the one in charge of its field on that day (labour went to Home
Affairs on 1 March 2025, children's cases to Health, the environment to Agriculture and
Environment). Each issue's timeline is planned here (created, assigned, reviewed, handled,
resolved or dismissed, commented) and written by ``seed_timelines`` once the reports that
mention it exist; what is written after the merger about an older case names its place as it
is then.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from tracker.demo.content import issues as content
from tracker.demo.content.agencies import MERGED, REORGANISED
from tracker.demo.content.issues import TWO_TIER, IssueTemplate
from tracker.demo.content.places import (
    BECAME,
    CITY,
    DISTRICT_WEIGHTS,
    PLACES,
    PROJECTS,
    RIVERSIDE,
    Place,
)
from tracker.demo.content.timing import usable
from tracker.demo.context import ROMAN, Context, num, placeholders, slug, utc, weighted
from tracker.enums import IssueEventKind, IssueSource, IssueStatus, Sector, Sensitivity
from tracker.extensions import db
from tracker.models import Issue, IssueEvent, User
from tracker.services import calendar, settings

S = IssueStatus
K = IssueEventKind

FIRST_SEEN = date(2017, 1, 10)
#: (age band, how many, youngest and oldest age in days); the old ones fill the rest evenly.
RECENT_BANDS = (("week", 6, 1, 7), ("month", 10, 8, 30), ("quarter", 16, 31, 90))
OLD_ISSUES = 268


@dataclass
class Plan:
    """An issue's timeline before its events exist: (moment, kind, actor, from, to, text,
    data) steps."""

    issue: Issue
    steps: list[tuple] = field(default_factory=list)

    def link_report(self, moment: datetime, actor: User, report: Any) -> None:
        self.steps.append((moment, K.LINKED_REPORT, actor, None, None, "", {"report": report}))


def seed_issues(ctx: Context) -> None:
    rng = ctx.rng
    # The response deadlines follow the administrator's setting (15/10/5/2 days in the demo).
    ctx.settings = settings.get_all(ctx.today)
    old_last = ctx.today - timedelta(days=91)
    days: list[tuple[date, str]] = []
    span = (old_last - FIRST_SEEN).days
    for _ in range(OLD_ISSUES):
        days.append((FIRST_SEEN + timedelta(days=rng.randint(0, span)), "old"))
    for band, count, youngest, oldest in RECENT_BANDS:
        for _ in range(count):
            days.append((ctx.today - timedelta(days=rng.randint(youngest, oldest)), band))
    days.sort(key=lambda pair: pair[0])
    statuses = [_final_status(ctx, band, seen) for seen, band in days]
    _cover_statuses(days, statuses)
    for number, ((seen, _), status) in enumerate(zip(days, statuses, strict=True)):
        # The first few issues take each value once, so that every value is present.
        sensitivities = list(Sensitivity)
        sources = list(IssueSource)
        sensitivity = (
            sensitivities[number]
            if number < len(sensitivities)
            else weighted(rng, content.SENSITIVITY_WEIGHTS)
        )
        source = (
            sources[number - 4]
            if 4 <= number < 4 + len(sources)
            else weighted(rng, content.SOURCE_WEIGHTS)
        )
        field_, template = _pick_template(ctx, seen)
        code = _responsible(ctx, field_, template, seen)
        if ctx.last_day(code) is not None and status in OPEN:
            # The department ceased: the Office closed what it had open before that day.
            status = S.CLOSED if rng.random() < 0.7 else S.RESOLVED
        issue, plan = _issue(ctx, seen, template, code, source, sensitivity, status)
        ctx.issues.append(issue)
        ctx.plans[issue] = plan
    _escalate_and_link(ctx)
    db.session.add_all(ctx.issues)
    ctx.summary.issues = len(ctx.issues)


def _escalate_and_link(ctx: Context) -> None:
    """Some issues bear on a clause of their department's agreement of the term (so the
    review can say which clauses met which public concerns), and the Office raised some of
    the most sensitive to leadership, a day or two into their handling. Drawn from a random
    source of their own, so the rest of the demo stays as it was."""
    rng = random.Random(f"issues-escalation-{ctx.today.isoformat()}")
    for issue in ctx.issues:
        code = issue.responsible_agency.code
        term_index = next(
            (
                n
                for n, term in enumerate(ctx.terms)
                if term.start_date <= issue.first_seen_on
                and (term.end_date is None or issue.first_seen_on <= term.end_date)
            ),
            None,
        )
        clauses = [
            c
            for c in ctx.commitments.get((code, term_index), [])
            if c.field == issue.field and c.confirmed
        ]
        if clauses and rng.random() < 0.35:
            clause = rng.choice(clauses)
            issue.commitment = clause
            issue.agreement = clause.agreement
        high = issue.sensitivity in (Sensitivity.HIGH, Sensitivity.CRITICAL)
        reviewed = issue.status is not S.NEW
        if (
            high
            and reviewed
            and rng.random() < (0.6 if issue.sensitivity is Sensitivity.CRITICAL else 0.25)
        ):
            plan = ctx.plans[issue]
            start = plan.steps[0][0]
            later = [step[0] for step in plan.steps[1:]]
            moment = start + (min(later) - start) / 2
            plan.steps.append(
                (moment, K.ESCALATED, ctx.office_staff[0], None, None, content.ESCALATION_NOTE, {})
            )
            issue.escalated_at = moment
            issue.escalated_by = ctx.office_staff[0]


OPEN = (S.NEW, S.UNDER_REVIEW, S.BEING_HANDLED)


def _responsible(ctx: Context, field_: Sector, template: IssueTemplate, seen: date) -> str:
    """The department in charge of the issue on the day it was first seen."""
    if template.after and seen >= REORGANISED and ctx.exists(template.after, seen):
        return template.after
    return next(c for c in ctx.departments(seen) if ctx.agencies[c].primary_field is field_)


def _cover_statuses(days: list[tuple[date, str]], statuses: list[IssueStatus]) -> None:
    """Make sure every status occurs, whatever the draw (open ones among the recent)."""
    recent = [i for i, (_, band) in enumerate(days) if band != "old"]
    old = [i for i, (_, band) in enumerate(days) if band == "old"]
    wanted = {
        S.NEW: recent[-1],
        S.UNDER_REVIEW: recent[-2],
        S.BEING_HANDLED: recent[len(recent) // 2],
        S.CLOSED: old[0],
        S.RESOLVED: old[-1],
        S.DISMISSED: old[len(old) // 2],
    }
    for status, position in wanted.items():
        if status not in statuses:
            statuses[position] = status


def _final_status(ctx: Context, band: str, seen: date) -> IssueStatus:
    rng = ctx.rng
    age = (ctx.today - seen).days
    if band == "week":
        return S.NEW if age <= 4 or rng.random() < 0.6 else S.UNDER_REVIEW
    if band == "month":
        return weighted(
            rng,
            {S.NEW: 1, S.UNDER_REVIEW: 3, S.BEING_HANDLED: 5, S.RESOLVED: 2, S.DISMISSED: 1},
        )
    if band == "quarter":
        return weighted(rng, {S.BEING_HANDLED: 9, S.RESOLVED: 4, S.CLOSED: 3})
    if age < 400 and rng.random() < 0.25:
        return S.BEING_HANDLED  # a long-running case (a land dispute, a debt to workers)
    return weighted(rng, {S.CLOSED: 62, S.RESOLVED: 26, S.DISMISSED: 12})


# -- templates and places ---------------------------------------------------------------------

#: Placeholders filled from a pool whose entries have their own seasons.
SEASONAL_POOLS = {"festival": content.FESTIVALS, "holiday": content.HOLIDAYS}


def _usable_template(template: IssueTemplate, seen: date) -> bool:
    if not template.when.allows(seen):
        return False
    names = placeholders(template.title) | placeholders(template.summary)
    if any(not usable(SEASONAL_POOLS[n], seen) for n in names & SEASONAL_POOLS.keys()):
        return False
    return bool(_places(template.area, seen)) or template.area in (
        content.RIVERSIDE,
        content.PROJECT,
    )


def _pick_template(ctx: Context, seen: date) -> tuple[Sector, IssueTemplate]:
    while True:
        field_ = weighted(ctx.rng, content.FIELD_WEIGHTS)
        found = [t for t in content.ISSUE_TEMPLATES[field_] if _usable_template(t, seen)]
        if found:
            return field_, ctx.rng.choice(found)


def _places(area: str, day: date, district: str | None = None) -> list[Place]:
    """The places of ``area`` that existed on ``day`` (in, or from 1 July 2025 formerly in,
    ``district`` if given)."""
    out = []
    for place in PLACES:
        if not place.when.allows(day) or (district is not None and place.area != district):
            continue
        if area == content.RURAL and place.kind != "xã":
            continue
        if area == content.CITY_WARDS and (place.area != CITY or place.kind != "phường"):
            continue
        if area in (content.AREA_GINSENG, content.AREA_MANG_DEN) and area not in place.tags:
            continue
        out.append(place)
    return out


def _find(commune: str, district: str, day: date) -> Place:
    return next(
        p for p in PLACES if (p.commune, p.district) == (commune, district) and p.when.allows(day)
    )


def _place(ctx: Context, template: IssueTemplate, seen: date) -> tuple[Place, dict[str, str]]:
    """Where the issue happens, and what the place gives the text ({river}, {project})."""
    rng = ctx.rng
    if template.area == content.RIVERSIDE:
        bank = rng.choice([r for r in RIVERSIDE if r.when.allows(seen)])
        return _find(bank.commune, bank.district, seen), {"river": bank.name}
    if template.area == content.PROJECT:
        project = rng.choice([p for p in PROJECTS if p.when.allows(seen)])
        if project.commune is not None:
            return _find(project.commune, project.district, seen), {"project": project.name}
        return rng.choice(_places(content.RURAL, seen, project.district)), {"project": project.name}
    if template.area in (content.ANYWHERE, content.RURAL):
        while True:
            found = _places(template.area, seen, weighted(rng, DISTRICT_WEIGHTS))
            if found:
                return rng.choice(found), {}
    return rng.choice(_places(template.area, seen)), {}


def _propaganda_board(place: Place) -> str:
    if not place.district:  # no district Party committees from 1 July 2025
        return f"Đảng ủy {place.commune_full}"
    if place.district == CITY:
        return "Ban Tuyên giáo Thành ủy Kon Tum"
    return f"Ban Tuyên giáo Huyện ủy {place.district}"


def _words(place: Place) -> dict[str, str]:
    """What a place gives the text."""
    return {
        "commune": place.commune,
        "commune_full": place.commune_full,
        "district": place.district,
        "district_full": place.district_full,
    }


def _two_tier(text: str) -> str:
    """A template as it reads where there is no district."""
    for old, new in TWO_TIER:
        text = text.replace(old, new)
    return text


def _later(place: Place) -> Place:
    """The place as it is from 1 July 2025 (the commune an old one joined)."""
    if not place.district:
        return place
    new = BECAME[(place.commune, place.district)]
    return next(p for p in PLACES if p.commune == new and not p.district)


# -- one issue ------------------------------------------------------------------------------


def _issue(
    ctx: Context,
    seen: date,
    template: IssueTemplate,
    code: str,
    source: IssueSource,
    sensitivity: Sensitivity,
    status: IssueStatus,
) -> tuple[Issue, Plan]:
    rng = ctx.rng
    place, located = _place(ctx, template, seen)
    department = ctx.agencies[code]
    values: dict[str, Any] = {
        **_words(place),
        "n": num(rng.randint(12, 240)),
        "m": num(rng.randint(3, 60) * 10),
        "k": num(rng.randint(2, 9)),
        "money": num(rng.randint(15, 90) * 10_000),
        "company": rng.choice(content.COMPANIES),
        "topic": rng.choice(content.TOPICS),
        "year": seen.year,
        "responsible": department.name_vi,
        **located,
    }
    for name, pool in SEASONAL_POOLS.items():
        chosen = ctx.choose(pool, seen)
        values[name] = chosen.text if chosen else ""
    title_text, summary_text = template.title, template.summary
    if not place.district:
        title_text, summary_text = _two_tier(title_text), _two_tier(summary_text)
    title = _capital(title_text.format(**values))
    summary = _capital(summary_text.format(**values))
    outlet, url, source_date = _source(ctx, source, title, seen, code, place)
    by_office = rng.random() < 0.3
    creator = rng.choice(ctx.office_staff) if by_office else ctx.liaison[code]
    assignee = None
    if status is not S.NEW or rng.random() < 0.5:
        assignee = rng.choice(ctx.office_staff)
    issue = Issue(
        title=title[:300],
        summary=summary,
        field=department.primary_field,
        source=source,
        source_outlet=outlet,
        source_url=url,
        source_date=source_date,
        district=place.district,
        commune=place.commune,
        first_seen_on=seen,
        sensitivity=sensitivity,
        reporting_agency=ctx.office(seen) if by_office else department,
        responsible_agency=department,
        assignee=assignee,
        response_due_on=seen + timedelta(days=settings.response_days(sensitivity, ctx.settings)),
        status=status,
        created_by=creator,
    )
    later = {**values, **_words(_later(place))}
    return issue, _timeline(ctx, issue, creator, assignee, code, values, later)


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]


def _source(
    ctx: Context, source: IssueSource, title: str, seen: date, code: str, place: Place
) -> tuple[str, str | None, date | None]:
    """(outlet, link, date) of where the issue was seen."""
    rng = ctx.rng
    published = seen - timedelta(days=rng.randint(0, 2))
    words = {
        "district_full": place.district_full,
        "propaganda_board": _propaganda_board(place),
        "quarter": ROMAN[(seen.month - 1) // 3 + 1],
        "month": seen.month,
        "year": seen.year,
    }
    if source is IssueSource.PRESS:
        outlet, site, _ = rng.choice([p for p in content.PRESS if p[2].allows(published)])
        if site == "baokontum.com.vn":
            url = f"https://{site}/xa-hoi/{slug(title)}-{rng.randint(10_000, 99_999)}.html"
        else:
            url = f"https://{site}/{slug(title)}-{published:%Y%m%d}{rng.randint(1000, 9999)}.htm"
        return outlet, url, published
    if source is IssueSource.SOCIAL_MEDIA:
        outlet, group = rng.choice([s for s in content.SOCIAL if s[0].when.allows(published)])
        if group:
            url = f"https://www.facebook.com/groups/{group}/posts/{rng.randint(10**14, 10**15)}"
        else:
            url = f"https://www.tiktok.com/@kontum.news/video/{rng.randint(10**18, 10**19)}"
        return outlet.text, url, published
    if source is IssueSource.PETITION:
        return rng.choice(content.PETITIONS).format(**words), None, seen
    if source is IssueSource.HOTLINE:
        return content.HOTLINES[code], None, None
    if source is IssueSource.GRASSROOTS:
        return rng.choice(content.GRASSROOTS).format(**words), None, None
    return rng.choice(content.MEETINGS).format(**words), None, seen


def _timeline(
    ctx: Context,
    issue: Issue,
    creator: User,
    assignee: User | None,
    code: str,
    values: dict,
    later: dict,
) -> Plan:
    """Plan CREATED, ASSIGNED, STATUS_CHANGED and COMMENTED steps ending at the status: by
    the day before the responsible department ceased, if it did; what is written from
    1 July 2025 names the place as it is then (``later``)."""
    rng = ctx.rng
    status = issue.status
    start = ctx.office_time(issue.first_seen_on)
    if start >= ctx.cap:
        start = ctx.cap - timedelta(hours=6)
    path = {
        S.NEW: [],
        S.UNDER_REVIEW: [S.UNDER_REVIEW],
        S.BEING_HANDLED: [S.UNDER_REVIEW, S.BEING_HANDLED],
        S.RESOLVED: [S.UNDER_REVIEW, S.BEING_HANDLED, S.RESOLVED],
        S.CLOSED: [S.UNDER_REVIEW, S.BEING_HANDLED, S.RESOLVED, S.CLOSED],
        S.DISMISSED: [S.UNDER_REVIEW, S.DISMISSED],
    }[status]
    lo, hi = content.RESOLUTION_DAYS[issue.sensitivity]
    if status in (S.RESOLVED, S.CLOSED, S.DISMISSED):
        end = start + timedelta(days=rng.randint(lo, hi), hours=rng.randint(0, 6))
        if status is S.CLOSED:
            end += timedelta(days=rng.randint(3, 20))
    else:
        end = ctx.cap
    end = min(end, ctx.cap)
    last = ctx.last_day(code)
    if last is not None:
        end = max(start + timedelta(hours=1), min(end, utc(last, 17, 30)))
    kinds: list[tuple] = []
    if assignee is not None:
        kinds.append(("assign",))
    middle: list[tuple] = [("status", s) for s in path]
    # Comments go after the review starts and before the final change.
    insert_at = 1 if len(middle) > 1 else len(middle)
    for _ in range(0 if status is S.NEW else rng.randint(1, 2)):
        middle.insert(insert_at, ("comment",))
    kinds += middle
    plan = Plan(issue)
    plan.steps.append((start, K.CREATED, creator, None, S.NEW, "", {"source": issue.source.value}))
    previous = S.NEW
    office_lead = ctx.office_staff[0]
    for moment, step in zip(ctx.spread(start, end, len(kinds)), kinds, strict=True):
        words = later if calendar.local_date(moment) >= MERGED else values
        if step[0] == "assign":
            data = {"assignee_id": None, "assignee": assignee.full_name}
            plan.steps.append((moment, K.ASSIGNED, office_lead, None, None, "", data))
        elif step[0] == "comment":
            actor = rng.choice([assignee or office_lead, ctx.liaison[code]])
            if last is not None and calendar.local_date(moment) > last:
                actor = assignee or office_lead
            text = rng.choice(content.COMMENTS).format(**words)
            plan.steps.append((moment, K.COMMENTED, actor, None, None, text, {}))
        else:
            target = step[1]
            text = _transition_comment(ctx, target, issue, words, moment)
            actor = assignee or office_lead
            plan.steps.append((moment, K.STATUS_CHANGED, actor, previous, target, text, {}))
            previous = target
            if target is S.RESOLVED:
                issue.resolved_at = moment
            if target in (S.CLOSED, S.DISMISSED):
                issue.closed_at = moment
    issue.created_at = start
    issue.updated_at = plan.steps[-1][0]
    return plan


def _transition_comment(
    ctx: Context, target: IssueStatus, issue: Issue, values: dict, moment: datetime
) -> str:
    rng = ctx.rng
    if target is S.UNDER_REVIEW:
        return content.REVIEW_COMMENT
    if target is S.BEING_HANDLED:
        due = max(issue.response_due_on, calendar.local_date(moment) + timedelta(days=7))
        return content.HANDLING_COMMENT.format(
            responsible=values["responsible"], due=f"{due:%d/%m/%Y}"
        )
    if target is S.RESOLVED:
        return rng.choice(content.RESOLVE_COMMENTS)
    if target is S.CLOSED:
        return rng.choice(content.CLOSE_COMMENTS)
    reason = rng.choice(content.DISMISS_REASONS).format(**values)
    issue.dismissed_reason = reason
    return reason


def seed_timelines(ctx: Context) -> None:
    """Write every issue's planned steps as events, in time order."""
    events: list[IssueEvent] = []
    for issue in ctx.issues:
        for moment, kind, actor, from_status, to_status, text, data in sorted(
            ctx.plans[issue].steps, key=lambda step: step[0]
        ):
            if kind is K.ASSIGNED:
                data = {**data, "assignee_id": issue.assignee_id}
            elif kind is K.LINKED_REPORT:
                report = data["report"]
                data = {
                    "report_id": report.id,
                    "report_kind": report.kind.value,
                    "period": report.period,
                }
            events.append(
                IssueEvent(
                    issue_id=issue.id,
                    actor_id=actor.id if actor is not None else None,
                    created_at=moment,
                    kind=kind,
                    from_status=from_status,
                    to_status=to_status,
                    comment=text,
                    data=data,
                )
            )
    db.session.add_all(events)
    ctx.summary.events = len(events)

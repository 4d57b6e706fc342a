"""Cached figures (issue 12): the expected reports are computed once, and never served stale,
whoever writes, in this process or in another instance sharing the database."""

import re
from datetime import UTC, date, datetime

import sqlalchemy as sa

from tests.factories import IssueFactory, ReportFactory
from tracker.enums import (
    OPEN_ISSUE_STATUSES,
    HolidayKind,
    IssueStatus,
    ReportKind,
    ReportStatus,
    Sector,
    Sensitivity,
    Timeliness,
)
from tracker.extensions import db
from tracker.models import FigureStamp, Holiday, Issue
from tracker.services import compliance, figure_cache, issues, summaries

TODAY = date(2025, 5, 20)
FIRST = date(2025, 1, 1)


def _rows():
    return compliance.expected_reports(FIRST, TODAY, today=TODAY)


def _may_report(rows, agency):
    return next(r for r in rows if r.agency_id == agency.id and r.period.label == "2025-05")


def test_a_second_look_is_served_from_the_cache(app, world):
    figure_cache.invalidate()
    db.session.commit()
    first = _rows()
    hits = figure_cache.stats["hits"]
    again = _rows()
    assert again == first and again is not first
    assert figure_cache.stats["hits"] == hits + 1


def test_a_report_sent_shows_at_once(app, world):
    before = compliance.discipline(_rows())
    ReportFactory(
        agency=world.a,
        kind=ReportKind.MONTHLY,
        period="2025-05",
        period_start=date(2025, 4, 15),
        period_end=date(2025, 5, 14),
        deadline=date(2025, 5, 19),
        status=ReportStatus.SUBMITTED,
        first_submitted_at=datetime(2025, 5, 16, 3, tzinfo=UTC),
    )
    db.session.commit()
    after = compliance.discipline(_rows())
    assert after.received == before.received + 1
    assert after.on_time == before.on_time + 1
    assert _may_report(_rows(), world.a).timeliness == Timeliness.ON_TIME


def test_a_holiday_added_moves_the_deadline_at_once(app, world):
    assert _may_report(_rows(), world.a).timeliness == Timeliness.MISSING
    db.session.add(Holiday(day=date(2025, 5, 19), name="Nghỉ bù", kind=HolidayKind.DAY_OFF))
    db.session.commit()
    row = _may_report(_rows(), world.a)
    assert row.deadline == date(2025, 5, 20) and row.timeliness == Timeliness.NOT_DUE


def test_a_write_rolled_back_leaves_the_figures_as_they_were(app, world):
    before = _rows()
    db.session.add(Holiday(day=date(2025, 5, 19), name="Nghỉ bù", kind=HolidayKind.DAY_OFF))
    db.session.flush()
    assert _may_report(_rows(), world.a).timeliness == Timeliness.NOT_DUE
    db.session.rollback()
    assert _rows() == before


def test_another_instance_writing_makes_this_one_compute_afresh(app, world):
    """Another app instance (another machine) shares only the database: its write changes
    the stamp, so this process's cached answer is not used."""
    stale = _rows()
    assert _may_report(stale, world.a).timeliness == Timeliness.MISSING
    conn = db.session.connection()
    conn.execute(
        sa.insert(Holiday.__table__).values(
            day=date(2025, 5, 19), name="Nghỉ bù", kind=HolidayKind.DAY_OFF.value
        )
    )
    figure_cache.invalidate(conn)  # what the other instance's flush listener does
    db.session.commit()
    assert _may_report(_rows(), world.a).timeliness == Timeliness.NOT_DUE


def _token(topic=figure_cache.REPORTS):
    return db.session.scalar(sa.select(FigureStamp.token).where(FigureStamp.id == topic))


def test_every_watched_write_changes_the_stamp(app, world):
    token = _token

    figure_cache.invalidate()
    db.session.commit()
    seen = {token()}
    world.a.name_vi = "Sở Giáo dục"
    db.session.commit()
    seen.add(token())
    db.session.execute(sa.update(Holiday).values(name="x"))
    db.session.commit()
    seen.add(token())
    assert len(seen) == 3


def test_a_new_issue_counts_at_once_and_leaves_the_report_figures_cached(app, world):
    office = world.users.office
    scope = summaries.scope_for(term=world.term.name)
    before = summaries.issue_figures(office, scope)
    assert summaries.issue_figures(office, scope) is before  # cached
    reports_token = _token()
    IssueFactory(
        reporting_agency=world.a,
        responsible_agency=world.a,
        first_seen_on=scope.first,
        status=IssueStatus.NEW,
    )
    db.session.commit()
    after = summaries.issue_figures(office, scope)
    assert after.by_status[IssueStatus.NEW] == before.by_status[IssueStatus.NEW] + 1
    assert after.flagged.get(world.a.id, 0) == before.flagged.get(world.a.id, 0) + 1
    assert _token() == reports_token


def test_the_homes_issue_figures_are_cached_per_visibility_and_follow_every_new_issue(app, world):
    """The Office's and leadership's headline issue figures are computed once per day and
    visibility; a liaison's come from their own agency's issues only, never from another
    agency's cached answer; a new issue counts at once."""
    office, leader = world.users.office, world.users.leadership
    liaison_a, liaison_b = world.users.liaison_a, world.users.liaison_b
    today = date.today()
    first = issues.figures(office, today)
    assert issues.figures(office, today) is first
    assert issues.figures(leader, today) is first  # both see every issue
    assert issues.status_figures(office) is issues.status_figures(leader)
    seen_by_a = issues.figures(liaison_a, today)
    seen_by_b = issues.figures(liaison_b, today)
    assert seen_by_a is not first and seen_by_b is not seen_by_a

    # A's own issue: the Office, leadership and A count it at once; B does not.
    IssueFactory(
        reporting_agency=world.a,
        responsible_agency=world.a,
        first_seen_on=today,
        status=IssueStatus.NEW,
    )
    db.session.commit()
    assert issues.figures(office, today).open_total.value == first.open_total.value + 1
    assert issues.figures(leader, today).new_this_week.value == first.new_this_week.value + 1
    assert issues.figures(liaison_a, today).open_total.value == seen_by_a.open_total.value + 1
    assert issues.figures(liaison_b, today).open_total.value == seen_by_b.open_total.value
    assert issues.figures_open_high(office).value == db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Issue)
        .where(
            Issue.status.in_(OPEN_ISSUE_STATUSES),
            Issue.sensitivity.in_((Sensitivity.HIGH, Sensitivity.CRITICAL)),
        )
    )


def test_an_issue_resolved_leaves_the_open_figures_and_the_similar_titles_at_once(app, world):
    office = world.users.office
    issue = IssueFactory(
        reporting_agency=world.a,
        responsible_agency=world.b,
        title="Phụ huynh phản ánh lạm thu đầu năm học",
        status=IssueStatus.BEING_HANDLED,
    )
    db.session.commit()
    before = issues.figures(office, date.today()).open_total.value
    assert issue.id in [s["id"] for s in issues.similar(office, "phu huynh phan anh lam thu")]
    issue.status = IssueStatus.RESOLVED
    issue.resolved_at = datetime.now(UTC)
    db.session.commit()
    assert issues.figures(office, date.today()).open_total.value == before - 1
    assert issue.id not in [s["id"] for s in issues.similar(office, "phu huynh phan anh lam thu")]


def test_the_homes_tables_follow_a_new_issue_and_the_language(client, login, world):
    """The Office's per-field-month table is rendered once and reused; an issue flagged
    shows in it at once, and English gets its own."""
    today = date.today()
    first = today.replace(day=1).isoformat()
    link = re.compile(
        r'<a href="/issues\?field=education&amp;from=' + first + r'&amp;to=[0-9-]+">(\d+)</a>'
    )

    def education_this_month(html: str) -> int:
        found = link.search(html)
        return int(found.group(1)) if found else 0

    login(world.users.office)
    before = education_this_month(client.get("/").get_data(as_text=True))
    IssueFactory(
        reporting_agency=world.a,
        responsible_agency=world.a,
        field=Sector.EDUCATION,
        first_seen_on=today,
        status=IssueStatus.NEW,
    )
    db.session.commit()
    html = client.get("/").get_data(as_text=True)
    assert education_this_month(html) == before + 1
    client.post("/language", data={"locale": "en"})
    english = client.get("/").get_data(as_text=True)
    assert "Education and training" in english and "Giáo dục và đào tạo" not in english
    assert education_this_month(english) == before + 1

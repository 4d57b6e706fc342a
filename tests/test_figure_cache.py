"""Cached figures (issue 12): the expected reports are computed once, and never served stale,
whoever writes, in this process or in another instance sharing the database."""

from datetime import UTC, date, datetime

import sqlalchemy as sa

from tests.factories import IssueFactory, ReportFactory
from tracker.enums import HolidayKind, IssueStatus, ReportKind, ReportStatus, Timeliness
from tracker.extensions import db
from tracker.models import FigureStamp, Holiday
from tracker.services import compliance, figure_cache, summaries

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

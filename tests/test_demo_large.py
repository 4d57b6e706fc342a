"""The national-scale data set (``flask seed-demo --large``, issue 12), at a small scale: the
counts grow as asked, the figures hang together the way the app's rules say, and the demo
accounts (and the new ones) still log in with the demo password."""

from datetime import date

import sqlalchemy as sa

from tracker import demo
from tracker.demo import large
from tracker.enums import IssueEventKind, ReportStatus
from tracker.extensions import db
from tracker.models import (
    Agency,
    Agreement,
    Commitment,
    CommitmentUpdate,
    Issue,
    IssueEvent,
    Report,
    ReportVersion,
    User,
)
from tracker.services import compliance

TODAY = date(2026, 11, 22)
SCALE = 0.05


def _count(model, *where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def test_the_national_data_set(app):
    """Seeded once (it takes a few seconds), then checked as a user of each role would."""
    national = demo.seed(TODAY, national=True, scale=SCALE)
    db.session.commit()
    _the_counts_grow_to_the_scale_asked(national)
    _the_new_agencies_file_exactly_what_they_were_expected_to()
    _figures_hang_together()
    for username in ("admin", "office", "leader", "sgddt", "liaison001", "office003"):
        _logs_in_with_the_demo_password(app.test_client(), username)


def _the_counts_grow_to_the_scale_asked(national):
    """The totals (the Kon Tum demo's rows included) reach the scaled targets, and the
    command's summary tells the truth."""
    assert _count(Agency) == national.agencies > 13
    assert _count(User) == national.users >= round(large.USERS * SCALE)
    assert _count(Commitment) == national.commitments >= round(large.COMMITMENTS * SCALE)
    assert _count(CommitmentUpdate) == national.updates >= round(large.UPDATES * SCALE)
    assert _count(Issue) == national.issues >= round(large.ISSUES * SCALE)
    assert _count(IssueEvent) == national.events >= round(large.EVENTS * SCALE)
    assert _count(Report) == national.reports
    assert _count(ReportVersion) == national.versions
    assert _count(Agreement) == national.agreements


def _the_new_agencies_file_exactly_what_they_were_expected_to():
    new = list(db.session.scalars(sa.select(Agency.id).where(Agency.code.contains("-"))))
    assert new
    expected = compliance.expected_reports(date(2017, 1, 1), TODAY, today=TODAY, agency_ids=new)
    submitted = [r for r in expected if r.submitted]
    # Most of what was due came, and no report exists that was not expected.
    due = [r for r in expected if r.deadline < TODAY]
    assert len(submitted) > 0.8 * len(due)
    filed = _count(Report, Report.agency_id.in_(new), Report.first_submitted_at.is_not(None))
    assert filed == len(submitted)
    # Each agency's latest submission waits in the Office's queue.
    waiting = _count(Report, Report.agency_id.in_(new), Report.status == ReportStatus.SUBMITTED)
    assert waiting >= len(new)


def _figures_hang_together():
    # A commitment's progress is its latest update's.
    latest = (
        sa.select(CommitmentUpdate.progress)
        .where(CommitmentUpdate.commitment_id == Commitment.id)
        .order_by(CommitmentUpdate.recorded_on.desc(), CommitmentUpdate.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    wrong = _count(
        Commitment, Commitment.last_update_on.is_not(None), Commitment.progress != latest
    )
    assert wrong == 0
    # An issue stands where its timeline's last status change left it.
    for issue in db.session.scalars(sa.select(Issue).order_by(Issue.id.desc()).limit(50)):
        changes = [e for e in issue.events if e.kind is IssueEventKind.STATUS_CHANGED]
        if changes:
            assert changes[-1].to_status == issue.status
        assert issue.events[0].kind is IssueEventKind.CREATED


def _logs_in_with_the_demo_password(client, username):
    response = client.post("/login", data={"username": username, "password": demo.DEMO_PASSWORD})
    assert response.status_code == 302, username
    assert client.get("/").status_code == 200, username

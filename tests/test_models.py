"""What the schema promises: uniqueness, immutability of submissions, search helpers."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from tests.factories import IssueFactory, ReportFactory, UserFactory
from tracker.enums import ReportStatus, ReviewDecision, Role
from tracker.extensions import db
from tracker.models import ReportVersion
from tracker.models.report import ImmutableVersionError
from tracker.permissions import ROLE_PERMISSIONS, Permission
from tracker.text import normalise


def test_one_report_per_agency_kind_and_period(app, world):
    ReportFactory(agency=world.a, period="2025-06")
    db.session.commit()
    with pytest.raises(sa.exc.IntegrityError):
        ReportFactory(agency=world.a, period="2025-06")
    db.session.rollback()
    ReportFactory(agency=world.b, period="2025-06")  # another agency may
    db.session.commit()


def _version(report, **extra) -> ReportVersion:
    version = ReportVersion(
        report=report,
        number=len(report.versions) + 1,
        situation="Ổn định",
        results="Đã phối hợp tốt",
        submitted_at=datetime(2025, 4, 16, 2, tzinfo=UTC),
        **extra,
    )
    db.session.add(version)
    db.session.commit()
    return version


def test_a_submitted_version_cannot_be_edited(app, world):
    version = _version(world.reports["a"])
    version.situation = "Sửa lại sau khi nộp"
    with pytest.raises(ImmutableVersionError):
        db.session.commit()
    db.session.rollback()
    assert db.session.get(ReportVersion, version.id).situation == "Ổn định"


def test_a_submitted_version_cannot_be_deleted(app, world):
    version = _version(world.reports["a"])
    db.session.delete(version)
    with pytest.raises(ImmutableVersionError):
        db.session.commit()
    db.session.rollback()


def test_a_version_is_reviewed_once(app, world):
    version = _version(world.reports["a"])
    version.decision = ReviewDecision.RETURNED
    version.review_comment = "Đề nghị bổ sung số liệu"
    db.session.commit()
    version.decision = ReviewDecision.ACCEPTED
    with pytest.raises(ImmutableVersionError):
        db.session.commit()
    db.session.rollback()


def test_statuses_outside_the_enum_are_refused(app, world):
    with pytest.raises((sa.exc.StatementError, LookupError, ValueError)):
        db.session.execute(sa.update(type(world.reports["a"])).values(status="lost"))
    db.session.rollback()
    assert world.reports["a"].status == ReportStatus.SUBMITTED


def test_issue_titles_are_searchable_without_accents(app, world):
    issue = IssueFactory(reporting_agency=world.a, title="Tranh chấp ĐẤT ĐAI ở Đăk Hà")
    db.session.commit()
    assert issue.title_norm == "tranh chap dat dai o dak ha"
    found = db.session.scalar(
        sa.select(type(issue)).where(type(issue).title_norm.contains(normalise("đất đai")))
    )
    assert found is issue


def test_leadership_is_read_only():
    writes = {
        Permission.MANAGE_AGREEMENTS,
        Permission.UPDATE_COMMITMENTS,
        Permission.SUBMIT_REPORTS,
        Permission.REVIEW_REPORTS,
        Permission.FLAG_ISSUES,
        Permission.TRIAGE_ISSUES,
        Permission.ADMINISTER,
    }
    assert ROLE_PERMISSIONS[Role.LEADERSHIP] & writes == set()


def test_only_the_admin_administers():
    assert [r for r, perms in ROLE_PERMISSIONS.items() if Permission.ADMINISTER in perms] == [
        Role.ADMIN
    ]


def test_every_role_has_a_permission_row():
    assert set(ROLE_PERMISSIONS) == set(Role)


def test_optimistic_locking_detects_a_concurrent_edit(app, world):
    user = UserFactory(username="twice")
    db.session.commit()
    db.session.execute(
        sa.update(type(user))
        .where(type(user).id == user.id)
        .values(full_name="Người khác sửa", version_id=user.version_id + 1)
        .execution_options(synchronize_session=False)
    )
    user.full_name = "Tôi sửa"
    with pytest.raises(sa.orm.exc.StaleDataError):
        db.session.commit()
    db.session.rollback()


def test_an_instant_given_in_vietnamese_time_is_read_back_as_the_same_instant(app, world):
    """SQLite keeps no offset: a moment given in Hà Nội time (an import, an API body) must
    not come back seven hours off, and the day it counts for is the local day."""
    from tracker.services.calendar import LOCAL_TZ

    late_evening = datetime(2025, 3, 19, 23, 59, tzinfo=LOCAL_TZ)
    report = ReportFactory(agency=world.a, period="2024-02", first_submitted_at=late_evening)
    db.session.commit()
    db.session.expire_all()
    stored = db.session.get(type(report), report.id)
    assert stored.first_submitted_at == late_evening
    assert stored.first_submitted_at.utcoffset() is not None
    assert stored.first_submitted_on.isoformat() == "2025-03-19"
    naive_utc = db.session.scalar(
        sa.select(sa.func.count()).where(
            type(report).first_submitted_at == datetime(2025, 3, 19, 16, 59, tzinfo=UTC)
        )
    )
    assert naive_utc == 1

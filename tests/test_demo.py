"""The Kon Tum demo seed (tracker.services.demo) and the ``flask seed-demo`` command.

Seeding takes a second or two, so one test seeds and then checks what a user of each role
would notice; the determinism test seeds twice. Runs on SQLite and on PostgreSQL
(``TEST_DATABASE_URL``)."""

from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from tests.conftest import _empty_tables
from tracker.enums import (
    AgreementStatus,
    CommitmentStatus,
    IssueEventKind,
    IssueSource,
    IssueStatus,
    PartyRole,
    ReportKind,
    ReportStatus,
    ReviewDecision,
    Role,
    Sensitivity,
    Timeliness,
)
from tracker.extensions import db
from tracker.models import (
    Agency,
    Agreement,
    Attachment,
    AuditEvent,
    Commitment,
    Holiday,
    Issue,
    Report,
    Setting,
    Term,
    User,
)
from tracker.models.report import SECTION_FIELDS
from tracker.services import accounts, calendar, compliance, demo

TODAY = date(2026, 11, 22)
DEPARTMENTS = ("SGDDT", "SKHCN", "SYT", "SVHTTDL", "SLDTBXH", "STNMT")


def _utc(moment: datetime) -> datetime:
    """A comparable UTC instant (SQLite gives naive UTC back, PostgreSQL aware values)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _all(model) -> list:
    return list(db.session.scalars(sa.select(model).order_by(model.id)))


def _agencies() -> dict[str, Agency]:
    return {a.code: a for a in _all(Agency)}


def _digest() -> list[tuple]:
    return sorted(
        (i.title, i.status.value, i.first_seen_on.isoformat(), i.sensitivity.value)
        for i in _all(Issue)
    )


@pytest.fixture
def seeded(app):
    assert demo.database_is_empty()
    summary = demo.seed(today=TODAY)
    db.session.commit()
    return summary


def test_reference_data_and_people(seeded):
    assert not demo.database_is_empty()
    agencies = _agencies()
    assert sorted(agencies) == sorted(("BTGTU", *DEPARTMENTS))
    office = agencies["BTGTU"]
    assert office.is_office and not office.in_bloc
    assert office.name_vi == "Ban Tuyên giáo Tỉnh ủy"
    assert agencies["SLDTBXH"].name_vi == "Sở Lao động - Thương binh và Xã hội"
    assert agencies["SVHTTDL"].name_en == "Department of Culture, Sports and Tourism"
    for code in DEPARTMENTS:
        assert agencies[code].in_bloc and not agencies[code].is_office
        assert agencies[code].primary_field is not None
    assert len({agencies[c].primary_field for c in DEPARTMENTS}) == 6

    terms = {t.name: (t.start_date, t.end_date) for t in _all(Term)}
    assert terms == {
        "2017-2021": (date(2017, 1, 1), date(2021, 9, 30)),
        "2021-2025": (date(2021, 10, 1), date(2025, 12, 31)),
        "2026-2030": (date(2026, 1, 1), date(2030, 12, 31)),
    }

    holidays = {h.day: h.name for h in _all(Holiday)}
    assert date(2026, 9, 2) in holidays and date(2017, 1, 1) in holidays
    assert max(holidays).year == TODAY.year + 1
    settings = {s.key: s.value for s in db.session.scalars(sa.select(Setting))}
    assert settings["province_name"] == "Kon Tum"
    assert settings["office_name"] == "Ban Tuyên giáo Tỉnh ủy"

    # Seeding writes no audit rows and no files.
    assert db.session.scalar(sa.select(sa.func.count(AuditEvent.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(Attachment.id))) == 0

    users = {u.username: u for u in _all(User)}
    assert len(users) == len(demo.DEMO_USERS) >= 9
    for username, full_name, role, agency_code in demo.DEMO_USERS:
        user = users[username]
        assert user.full_name == full_name and user.role == role
        assert (user.agency.code if user.agency else None) == agency_code
    assert users["admin"].role == Role.ADMIN and users["admin"].agency is None
    assert users["leader"].role == Role.LEADERSHIP
    assert sum(u.role == Role.OFFICE for u in users.values()) >= 3
    for code in DEPARTMENTS:
        assert users[code.lower()].role == Role.LIAISON
        assert users[code.lower()].agency.code == code
    # One hash for every account: hashing is slow.
    assert len({u.password_hash for u in users.values()}) == 1
    for username, *_ in demo.DEMO_USERS:
        assert accounts.authenticate(username, demo.DEMO_PASSWORD).outcome == "ok"
    assert accounts.authenticate("sgddt", "wrong-password").outcome == "bad_credentials"

    text = seeded.describe()
    assert "tracker-demo" in text
    for username, *_ in demo.DEMO_USERS:
        assert username in text
    assert seeded.agencies == 7 and seeded.users == len(users) and seeded.terms == 3
    assert seeded.issues == db.session.scalar(sa.select(sa.func.count(Issue.id)))


def test_agreements_and_commitments(seeded):
    agreements = _all(Agreement)
    assert len(agreements) == 18 == seeded.agreements
    by_term: dict[str, list[Agreement]] = {}
    for agreement in agreements:
        by_term.setdefault(agreement.term.name, []).append(agreement)
        assert 8 <= len(agreement.commitments) <= 15
        roles = {p.agency.code: p.role for p in agreement.parties}
        assert roles.pop("BTGTU") == PartyRole.LEAD
        [(code, role)] = roles.items()
        assert role == PartyRole.PARTNER and agreement.number.endswith(f"-CTr/BTGTU-{code}")
        assert agreement.term.name in agreement.title and "Ban Tuyên giáo" in agreement.title
        assert agreement.term.contains(agreement.signed_on)
        for commitment in agreement.commitments:
            assert commitment.responsible_agency.code == code
            assert commitment.field == commitment.responsible_agency.primary_field
    assert {len(v) for v in by_term.values()} == {6}
    assert {a.status for a in by_term["2017-2021"]} == {AgreementStatus.REPLACED}
    assert {a.status for a in by_term["2021-2025"]} == {AgreementStatus.EXPIRED}
    assert {a.status for a in by_term["2026-2030"]} == {AgreementStatus.IN_FORCE}
    for old in by_term["2017-2021"]:
        assert old.replaced_by.term.name == "2021-2025"
        assert old.replaced_by.number.split("-CTr")[1] == old.number.split("-CTr")[1]
    assert len({a.number for a in agreements}) == 18
    assert all(a.signed_on.year == 2017 for a in by_term["2017-2021"])
    assert all(a.signed_on.month in (10, 11) for a in by_term["2021-2025"])
    assert all(a.signed_on.month in (1, 2) for a in by_term["2026-2030"])

    commitments = _all(Commitment)
    assert len(commitments) == seeded.commitments
    current = Counter(c.status for a in by_term["2026-2030"] for c in a.commitments)
    assert {
        CommitmentStatus.NOT_STARTED,
        CommitmentStatus.IN_PROGRESS,
        CommitmentStatus.DONE,
        CommitmentStatus.OVERDUE,
    } <= set(current)
    past = Counter(c.status for a in by_term["2017-2021"] for c in a.commitments)
    assert past[CommitmentStatus.DONE] > 0.7 * sum(past.values())
    assert any("29-NQ/TW" in c.title for c in commitments)
    assert any("Chỉ thị số 46-CT/TW" in c.title for c in commitments)
    updates = 0
    for c in commitments:
        if c.status == CommitmentStatus.OVERDUE:
            assert c.due_date < TODAY
        if c.status == CommitmentStatus.DONE:
            assert c.progress == 100
        if c.status == CommitmentStatus.NOT_STARTED:
            assert c.progress == 0 and not c.updates
        if c.progress > 0 and c.status != CommitmentStatus.CANCELLED:
            assert 1 <= len(c.updates) <= 6
        if c.updates:
            progress = [u.progress for u in c.updates]
            assert progress == sorted(set(progress)) and progress[-1] == c.progress
            days = [u.recorded_on for u in c.updates]
            assert days == sorted(days) and days[-1] < TODAY
            assert days[0] >= c.agreement.signed_on
            assert all(u.author.agency_id == c.responsible_agency_id for u in c.updates)
            assert all(u.note for u in c.updates)
        updates += len(c.updates)
    assert updates == seeded.updates > len(commitments)


def test_reports_and_discipline(seeded):
    agencies = _agencies()
    dept_ids = [agencies[c].id for c in DEPARTMENTS]
    rows = compliance.expected_reports(date(2017, 1, 1), TODAY, today=TODAY)
    overall = compliance.discipline(rows)
    due = overall.on_time + overall.late + overall.missing
    assert 0.70 <= overall.on_time / due <= 0.90
    assert overall.late > 0 and overall.missing > 0

    # Every liaison has something to do now.
    ahead = compliance.expected_reports(date(2017, 1, 1), TODAY + timedelta(days=62), today=TODAY)
    for agency_id in dept_ids:
        mine = [r for r in ahead if r.agency_id == agency_id]
        open_now = [
            r
            for r in compliance.open_for(mine)
            if r.timeliness in (Timeliness.NOT_DUE, Timeliness.MISSING)
            and r.deadline >= TODAY - timedelta(days=40)
        ]
        assert open_now, agency_id
    # Nothing is submitted for a period not yet due.
    for row in ahead:
        if row.deadline >= TODAY:
            assert row.report is None or row.report.status == ReportStatus.DRAFT
    # The last closed monthly period: one or two departments to chase.
    closed = [r for r in rows if r.kind == ReportKind.MONTHLY and r.deadline < TODAY]
    last = max(r.period.label for r in closed)
    missing = [r for r in closed if r.period.label == last and r.timeliness == Timeliness.MISSING]
    assert 1 <= len(missing) <= 2

    reports = _all(Report)
    assert len(reports) == seeded.reports
    statuses = Counter(r.status for r in reports)
    assert statuses[ReportStatus.SUBMITTED] >= 3  # the Office's review queue
    assert 1 <= statuses[ReportStatus.RETURNED] <= 3
    assert statuses[ReportStatus.ACCEPTED] > 0.8 * len(reports)
    versions = 0
    returned_then_resubmitted = 0
    for report in reports:
        versions += len(report.versions)
        assert report.agency.code in DEPARTMENTS
        assert report.agency.name_vi in report.title
        if report.first_submitted_at is None:
            assert report.status == ReportStatus.DRAFT and not report.versions
            continue
        assert report.versions, report.title
        assert [v.number for v in report.versions] == list(range(1, len(report.versions) + 1))
        latest = report.latest_version
        for name in SECTION_FIELDS:
            assert getattr(latest, name) == getattr(report, name), (report.title, name)
        first = report.versions[0]
        assert _utc(first.submitted_at) == _utc(report.first_submitted_at)
        assert _utc(latest.submitted_at) == _utc(report.last_submitted_at)
        # Submissions happen during office hours, local time (01:00-10:00 UTC).
        assert 1 <= _utc(first.submitted_at).hour < 10
        assert calendar.local_date(report.first_submitted_at) < TODAY
        assert first.submitted_by.agency_id == report.agency_id
        for version in report.versions[:-1]:
            assert version.decision == ReviewDecision.RETURNED and version.review_comment
        if report.status == ReportStatus.ACCEPTED:
            assert latest.decision == ReviewDecision.ACCEPTED and report.accepted_at
            assert latest.reviewer.role == Role.OFFICE
            assert _utc(latest.reviewed_at) == _utc(report.accepted_at)
            assert _utc(latest.reviewed_at) > _utc(latest.submitted_at)
        elif report.status == ReportStatus.RETURNED:
            assert latest.decision == ReviewDecision.RETURNED
            assert latest.review_comment.startswith(("Đề nghị", "Báo cáo"))
        else:
            assert report.status == ReportStatus.SUBMITTED and latest.decision is None
        if len(report.versions) > 1 and report.versions[0].decision == ReviewDecision.RETURNED:
            returned_then_resubmitted += 1
        if report.kind != ReportKind.AD_HOC:
            assert report.situation and report.results and report.proposals
            assert report.next_tasks and report.emerging_issues
            assert 1 <= len(report.commitment_notes) <= 3
    assert versions == seeded.versions
    assert returned_then_resubmitted >= 1

    ad_hoc = [r for r in reports if r.kind == ReportKind.AD_HOC]
    assert 10 <= len(ad_hoc) <= 20
    assert len({(r.agency_id, r.period) for r in ad_hoc}) == len(ad_hoc)
    for report in ad_hoc:
        [issue] = report.issues
        assert report.period.startswith(f"{issue.first_seen_on.year}-AH")
        assert report.deadline > issue.first_seen_on
        assert issue.responsible_agency_id == report.agency_id


def test_commitment_notes_point_at_the_agency_commitments(seeded):
    owner = {c.id: c.responsible_agency_id for c in _all(Commitment)}
    noted = 0
    for report in _all(Report):
        for key, text in report.commitment_notes.items():
            assert owner[int(key)] == report.agency_id and text
            noted += 1
    assert noted > 0


def test_issues_and_timelines(seeded):
    issues = _all(Issue)
    assert 280 <= len(issues) <= 320
    assert {i.status for i in issues} == set(IssueStatus)
    assert {i.sensitivity for i in issues} == set(Sensitivity)
    assert {i.source for i in issues} == set(IssueSource)
    open_issues = [
        i
        for i in issues
        if i.status in (IssueStatus.NEW, IssueStatus.UNDER_REVIEW, IssueStatus.BEING_HANDLED)
    ]
    assert 25 <= len(open_issues) <= 40
    assert any(i.assignee is None for i in open_issues if i.status == IssueStatus.NEW)
    assert len({i.district for i in issues}) >= 8
    assert "Thành phố Kon Tum" in {i.district for i in issues}
    assert len({i.title for i in issues}) > 0.9 * len(issues)
    assert min(i.first_seen_on for i in issues).year == 2017
    assert max(i.first_seen_on for i in issues) < TODAY
    assert any(i.reporting_agency.code == "BTGTU" for i in issues)
    events = 0
    for issue in issues:
        assert issue.title and issue.summary and issue.district and issue.commune
        assert issue.responsible_agency.primary_field == issue.field
        assert issue.reporting_agency.code in ("BTGTU", issue.responsible_agency.code)
        if issue.source == IssueSource.PRESS:
            assert issue.source_url.startswith("https://") and issue.source_outlet
        if issue.status != IssueStatus.NEW:
            assert issue.assignee is not None and issue.assignee.role == Role.OFFICE
        timeline = sorted(issue.events, key=lambda e: e.id)
        events += len(timeline)
        moments = [_utc(e.created_at) for e in timeline]
        assert moments == sorted(moments), issue.title
        assert timeline[0].kind == IssueEventKind.CREATED
        assert calendar.local_date(moments[0]) == issue.first_seen_on
        assert calendar.local_date(moments[-1]) < TODAY
        changes = [e for e in timeline if e.kind == IssueEventKind.STATUS_CHANGED]
        previous = IssueStatus.NEW
        for change in changes:
            assert change.from_status == previous
            previous = change.to_status
        assert previous == issue.status
        if issue.status in (IssueStatus.RESOLVED, IssueStatus.CLOSED):
            resolved = [e for e in changes if e.to_status == IssueStatus.RESOLVED]
            assert _utc(issue.resolved_at) == _utc(resolved[-1].created_at)
        else:
            assert issue.resolved_at is None
        if issue.status in (IssueStatus.CLOSED, IssueStatus.DISMISSED):
            assert _utc(issue.closed_at) == _utc(changes[-1].created_at)
        else:
            assert issue.closed_at is None
        assert bool(issue.dismissed_reason) == (issue.status == IssueStatus.DISMISSED)
        for event in timeline:
            if event.kind == IssueEventKind.LINKED_REPORT:
                report = db.session.get(Report, event.data["report_id"])
                assert issue in report.issues
            if event.kind == IssueEventKind.ASSIGNED:
                assert event.data["assignee_id"] == issue.assignee_id
    assert events == seeded.events


def test_seed_is_deterministic(app):
    first = demo.seed(today=TODAY)
    db.session.commit()
    digest = _digest()
    reports = sorted((r.agency.code, r.kind.value, r.period, r.status.value) for r in _all(Report))
    _empty_tables()
    assert demo.database_is_empty()
    second = demo.seed(today=TODAY)
    db.session.commit()
    assert _digest() == digest
    assert (
        sorted((r.agency.code, r.kind.value, r.period, r.status.value) for r in _all(Report))
        == reports
    )
    assert second.describe() == first.describe()
    # Another day gives data up to that day.
    _empty_tables()
    demo.seed(today=date(2025, 6, 3))
    assert max(i.first_seen_on for i in _all(Issue)) < date(2025, 6, 3)
    statuses = {a.term.name: a.status for a in _all(Agreement)}
    assert statuses["2021-2025"] == AgreementStatus.IN_FORCE
    assert statuses["2026-2030"] == AgreementStatus.DRAFT


def test_cli_seed_demo(app, runner):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "tracker-demo" in result.output
    for username, *_ in demo.DEMO_USERS:
        assert username in result.output
    assert db.session.scalar(sa.select(sa.func.count(Agency.id))) == 7
    again = runner.invoke(args=["seed-demo"])
    assert again.exit_code != 0
    assert "already has data" in again.output
    assert db.session.scalar(sa.select(sa.func.count(Agency.id))) == 7


def test_cli_seed_demo_refused_in_production(app, runner):
    app.config["DEMO_ALLOWED"] = False
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code != 0
    assert "production" in result.output
    assert demo.database_is_empty()


def _independent_open_issue_count(agency_id: int) -> int:
    return db.session.execute(
        sa.text(
            "SELECT count(*) FROM issue WHERE status IN ('new', 'under_review', 'being_handled')"
            " AND (reporting_agency_id = :a OR responsible_agency_id = :a)"
        ),
        {"a": agency_id},
    ).scalar()


def test_every_demo_user_lands_on_a_vietnamese_home_page_with_real_data(app):
    """The promise of `make run`: each demo account logs in with the README's password and
    sees its own home page, in Vietnamese, with figures that match the database."""
    demo.seed()  # today's date, as the home pages use
    db.session.commit()
    submitted = db.session.execute(
        sa.text("SELECT count(*) FROM report WHERE status = 'submitted'")
    ).scalar()
    assert submitted > 0
    for username, _full_name, role, code in demo.DEMO_USERS:
        client = app.test_client()
        response = client.post(
            "/login", data={"username": username, "password": demo.DEMO_PASSWORD}
        )
        assert response.status_code == 302, username
        html = client.get("/").get_data(as_text=True)
        assert '<html lang="vi">' in html and "Đăng xuất" in html, username
        user = db.session.scalar(sa.select(User).where(User.username == username))
        assert user.full_name in html
        if role == Role.LIAISON:
            agency = db.session.scalar(sa.select(Agency).where(Agency.code == code))
            assert agency.name_vi in html
            assert "Báo cáo đến hạn" in html
            figure = _independent_open_issue_count(agency.id)
            assert f'<a href="/issues" class="text-reset text-decoration-none">{figure}</a>' in html
        elif role == Role.OFFICE:
            assert "Công việc cần xử lý của Ban" in html
            assert f">{submitted}</a>" in html
        elif role == Role.LEADERSHIP:
            assert "Tổng quan chương trình phối hợp" in html
        else:
            assert "Ngày nghỉ lễ trong năm" in html

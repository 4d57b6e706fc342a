"""Each role's home page shows figures that match an independent count of the database."""

from datetime import UTC, date, datetime

import sqlalchemy as sa

from tests.factories import IssueFactory, ReportFactory, UserFactory
from tracker.enums import IssueStatus, ReportKind, ReportStatus, Sensitivity, Timeliness
from tracker.extensions import db
from tracker.models import Issue, Report
from tracker.services import compliance, dashboard

TODAY = date(2025, 5, 20)


def _count(stmt) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery()))


def test_office_queue_counts_submitted_reports_and_open_issues(app, world):
    ReportFactory(
        agency=world.b,
        period="2025-04",
        status=ReportStatus.SUBMITTED,
        first_submitted_at=datetime(2025, 5, 14, 3, tzinfo=UTC),
        last_submitted_at=datetime(2025, 5, 14, 3, tzinfo=UTC),
    )
    ReportFactory(agency=world.a, period="2025-02", status=ReportStatus.ACCEPTED)
    IssueFactory(reporting_agency=world.a, status=IssueStatus.CLOSED)
    IssueFactory(
        reporting_agency=world.b, sensitivity=Sensitivity.CRITICAL, assignee=world.users.office
    )
    db.session.commit()
    data = dashboard.home_data(world.users.office, TODAY)
    # Independent counts, written straight against the tables.
    submitted = db.session.execute(
        sa.text("SELECT count(*) FROM report WHERE status = 'submitted'")
    ).scalar()
    open_issues = db.session.execute(
        sa.text(
            "SELECT count(*) FROM issue WHERE status IN ('new', 'under_review', 'being_handled')"
        )
    ).scalar()
    unassigned = db.session.execute(
        sa.text(
            "SELECT count(*) FROM issue WHERE assignee_id IS NULL"
            " AND status IN ('new', 'under_review', 'being_handled')"
        )
    ).scalar()
    assert data["awaiting_count"] == submitted == 3
    assert data["open_issue_count"] == open_issues == 3
    assert data["unassigned_count"] == unassigned == 2
    assert data["open_by_sensitivity"][Sensitivity.CRITICAL] == 1


def test_office_home_page_shows_the_queue(client, login, world):
    login(world.users.office)
    html = client.get("/").get_data(as_text=True)
    assert "Báo cáo chờ thẩm định" in html
    assert f"{world.a.code} · Báo cáo tháng 2025-03" in html


def test_liaison_sees_only_their_agencys_issues_and_reports(client, login, world):
    login(world.users.liaison_a)
    html = client.get("/").get_data(as_text=True)
    assert world.issues["a"].title in html
    assert world.issues["b"].title not in html
    listing = client.get("/reports").get_data(as_text=True)
    assert f"/reports/{world.reports['a'].id}" in listing
    assert f"/reports/{world.reports['b'].id}" not in listing
    issues = client.get("/issues").get_data(as_text=True)
    assert world.issues["a"].title in issues and world.issues["b"].title not in issues


def test_issue_of_the_responsible_agency_is_visible_to_it(client, login, world):
    flagged_by_b_for_a = IssueFactory(
        reporting_agency=world.b,
        responsible_agency=world.a,
        title="Khai thác cát trái phép trên sông Đăk Bla",
    )
    db.session.commit()
    login(world.users.liaison_a)
    assert client.get(f"/issues/{flagged_by_b_for_a.id}").status_code == 200


def test_liaison_home_lists_the_reports_due(app, world):
    # The world's agreement binds A and B from 01/10/2021: on 20/05/2025 the monthly report
    # for 2025-05 (cut-off 14/05, deadline 3 working days later) is missing.
    data = dashboard.home_data(world.users.liaison_a, TODAY)
    due = {(r.kind, r.period.label): r for r in data["todo"]}
    assert due[(ReportKind.MONTHLY, "2025-05")].timeliness == Timeliness.MISSING
    assert due[(ReportKind.MONTHLY, "2025-05")].deadline == date(2025, 5, 19)
    assert (ReportKind.MONTHLY, "2025-03") not in due  # submitted by the world


def test_discipline_matches_an_independent_count(app, world):
    rows = compliance.expected_reports(date(2025, 1, 1), TODAY, today=TODAY)
    # Independently: A and B each owe 5 monthly (01..05), 2 quarterly (Q1, Q2 not yet: Q2's
    # cut-off is 14/06) → 2025-01..2025-05 monthly = 5, Q1 = 1, annual/H1 none yet.
    per_agency = 5 + 1
    assert len(rows) == 2 * per_agency
    d = compliance.discipline(rows)
    assert d.received == _count(sa.select(Report).where(Report.first_submitted_at.is_not(None)))
    assert d.on_time + d.late + d.missing + d.not_due == d.expected


def test_leadership_home_shows_term_figures(client, login, world):
    login(world.users.leadership)
    html = client.get("/").get_data(as_text=True)
    assert "Tổng quan chương trình phối hợp" in html
    assert world.a.name_vi in html


def test_admin_home_counts_users_by_role(client, login, world):
    UserFactory(username="another_office", office=True, agency=world.office_agency)
    db.session.commit()
    data = dashboard.home_data(world.users.admin, TODAY)
    from tracker.enums import Role

    office_count = db.session.execute(
        sa.text("SELECT count(*) FROM user_account WHERE role = 'office' AND active")
    ).scalar()
    assert data["users_by_role"][Role.OFFICE] == office_count == 2
    login(world.users.admin)
    assert client.get("/").status_code == 200


def test_no_query_count_explosion_on_the_office_home(client, login, world, app):
    for period in ("2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"):
        ReportFactory(
            agency=world.a,
            period=period,
            status=ReportStatus.SUBMITTED,
            first_submitted_at=datetime(2024, 7, 1, tzinfo=UTC),
            last_submitted_at=datetime(2024, 7, 1, tzinfo=UTC),
        )
    for _ in range(10):
        IssueFactory(reporting_agency=world.b)
    db.session.commit()
    login(world.users.office)
    statements = []
    engine = db.engine

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        assert client.get("/").status_code == 200
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
    assert len(statements) < 40, len(statements)
    assert _count(sa.select(Issue)) == 12

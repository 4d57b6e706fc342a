"""Each role's home page shows figures that match an independent count of the database."""

from datetime import UTC, date, datetime

import sqlalchemy as sa

from tests.factories import IssueFactory, ReportFactory, UserFactory
from tracker.enums import IssueStatus, ReportKind, ReportStatus, Sensitivity, Timeliness
from tracker.extensions import db
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
    figures = data["issue_figures"]
    assert figures.open_total.value == open_issues == 4
    assert figures.unassigned.value == unassigned == 3
    assert figures.open_by_sensitivity[Sensitivity.CRITICAL].value == 1


def test_office_home_page_shows_the_queue(client, login, world):
    login(world.users.office)
    html = client.get("/").get_data(as_text=True)
    assert "Báo cáo chờ thẩm định" in html
    assert f"{world.a.code} · Báo cáo tháng 3/2025" in html


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


def test_liaison_home_lists_every_late_report_and_those_due_soon(app, world):
    # The world's agreement binds A and B from 01/10/2021: on 20/05/2025 every report since
    # then is late but 2025-03 (sent by the world), however old; 2025-Q2 (cut-off 14/06,
    # deadline 5 working days later) is due soon.
    data = dashboard.home_data(world.users.liaison_a, TODAY)
    late = {(r.kind, r.period.label): r for r in data["late"]}
    assert late[(ReportKind.MONTHLY, "2025-05")].deadline == date(2025, 5, 19)
    assert (ReportKind.MONTHLY, "2021-10") in late  # more than three years ago: still there
    assert (ReportKind.MONTHLY, "2025-03") not in late
    assert all(r.timeliness == Timeliness.MISSING for r in late.values())
    due = {(r.kind, r.period.label) for r in data["due"]}
    assert (ReportKind.QUARTERLY, "2025-Q2") in due and (ReportKind.MONTHLY, "2025-06") in due


def test_discipline_matches_an_independent_count(app, world):
    """Worked out by hand for the world: its agreements bind A and B from 01/10/2021. By
    20/05/2025 each owes the monthly reports 2025-01 to 2025-05 and the quarterly Q1 (cut-off
    14/03, due 21/03); Q2, H1 and the annual report are not cut off yet. Each sent only
    2025-03, on 15/04/2025, after its deadline (19/03): late. Everything else is missing,
    2025-05 included (cut-off 14/05, due 19/05)."""
    rows = compliance.expected_reports(date(2025, 1, 1), TODAY, today=TODAY)
    expected = {
        (agency.id, kind, label)
        for agency in (world.a, world.b)
        for kind, label in [(ReportKind.MONTHLY, f"2025-{m:02d}") for m in range(1, 6)]
        + [(ReportKind.QUARTERLY, "2025-Q1")]
    }
    assert {(r.agency_id, r.kind, r.period.label) for r in rows} == expected
    d = compliance.discipline(rows)
    assert (d.expected, d.received, d.on_time, d.late, d.missing, d.not_due) == (12, 2, 0, 2, 10, 0)
    assert d.on_time_rate == 0
    late = {(r.agency_id, r.period.label) for r in rows if r.timeliness == Timeliness.LATE}
    assert late == {(world.a.id, "2025-03"), (world.b.id, "2025-03")}


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


def test_the_discipline_tables_figures_open_exactly_the_reports_they_count(client, login, world):
    """On the Office's home (this year) and leadership's (this term), every figure of the
    per-agency discipline table links to /reports/expected over the same span, and that list
    holds exactly as many reports as the figure says."""
    import html as html_module
    import re

    link = re.compile(r'<a href="(/reports/expected\?[^"]*agency=\d+[^"]*)">(\d+)</a>')
    for user in (world.users.office, world.users.leadership):
        login(user)
        home = client.get("/").get_data(as_text=True)
        table = home[home.index('id="disc-h"' if 'id="disc-h"' in home else 'id="d-h"') :]
        found = link.findall(table)
        assert len(found) == 5 * 2, found  # five figures for each of the world's two agencies
        assert any(int(n) > 0 for _url, n in found)
        for url, number in found:
            listed = client.get(html_module.unescape(url)).get_data(as_text=True)
            assert listed.count('data-label="Tình trạng đúng hạn"') == int(number), url
        client.post("/logout")


def test_leaderships_term_figures_open_exactly_the_reports_they_count(client, login, world):
    import html as html_module
    import re

    login(world.users.leadership)
    home = client.get("/").get_data(as_text=True)
    cards = re.findall(
        r'<a href="(/reports/expected\?[^"]*)" class="figure-link stretched-link">\s*'
        r'<span class="figure-value d-block">(\d+)</span>',
        home,
    )
    assert len(cards) == 3, cards
    for url, number in cards:
        listed = client.get(html_module.unescape(url)).get_data(as_text=True)
        assert listed.count('data-label="Tình trạng đúng hạn"') == int(number), url
    term = dashboard.home_data(world.users.leadership)["term_discipline"]
    assert [int(n) for _u, n in cards] == [term.expected, term.received, term.on_time]


def test_leaderships_commitment_counts_open_exactly_those_commitments(client, login, world):
    """Each count of the term's commitments by status opens the commitments list filtered to
    that term and status, which holds as many as the count (an independent SQL count too)."""
    import html as html_module
    import re

    from tests.factories import CommitmentFactory
    from tracker.models import Agreement, Commitment

    agreement = db.session.scalar(sa.select(Agreement).where(Agreement.term_id == world.term.id))
    for _ in range(2):
        CommitmentFactory(agreement=agreement, responsible_agency=world.a)
    db.session.commit()
    login(world.users.leadership)
    home = client.get("/").get_data(as_text=True)
    links = re.findall(r'<a href="(/commitments\?term=\d+&amp;status=(\w+))">(\d+)</a>', home)
    assert links, "no commitment count is linked"
    for url, _status, number in links:
        listed = client.get(html_module.unescape(url)).get_data(as_text=True)
        assert listed.count('data-label="Nội dung phối hợp"') == int(number), url
    # And as many as a walk over the term's commitments, status by status, finds.
    today = date.today()
    walked: dict = {}
    for c in db.session.scalars(
        sa.select(Commitment).join(Agreement).where(Agreement.term_id == world.term.id)
    ):
        walked[c.status_on(today).value] = walked.get(c.status_on(today).value, 0) + 1
    assert {status: int(n) for _url, status, n in links} == walked

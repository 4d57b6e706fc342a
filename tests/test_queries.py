"""Every page issues the same number of SQL statements whatever the amount of data: named
queries load what the page shows in a fixed number of statements, and templates trigger none
(the list and detail queries end in ``raiseload``, so a lazy load in a template fails here).

Each GET page of the app is visited by each role that may see it, once with a small data set
and once with ten times more rows of everything (records, their children, the object the page
shows), and the two counts must be equal. Pages added later are measured without anyone having
to remember: the routes are read from the app.
"""

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import url_for

from tests.factories import (
    AgencyFactory,
    AgreementFactory,
    AgreementPartyFactory,
    CommitmentFactory,
    CommitmentUpdateFactory,
    HolidayFactory,
    IssueEventFactory,
    IssueFactory,
    ReportFactory,
    ReportVersionFactory,
    TermFactory,
    UserFactory,
)
from tracker.enums import PartyRole, ReportStatus
from tracker.extensions import db

ROLES = ("liaison_a", "office", "leadership", "admin")
#: Endpoints that are not pages of data.
SKIPPED = {"static", "bootstrap.static", "main.healthz", "main.readyz"}


class Grower:
    """Adds rows to the world: ``grow(n)`` brings every kind of record to n times its base."""

    def __init__(self, world):
        self.world = world
        self.size = 0
        self.month = 0

    def grow(self, target: int) -> None:
        w = self.world
        for _ in range(self.size, target):
            i = self.size = self.size + 1
            agency = AgencyFactory()
            UserFactory(agency=agency)
            # A different person on each new child, so a lazy load per child would show.
            staff = UserFactory(username=f"office_{i}", office=True, agency=w.office_agency)
            TermFactory(name=f"{1990 + i}", start_date=date(1990 + i, 1, 1), end_date=None)
            db.session.flush()
            # The term above is open-ended only until the next one starts.
            for term in db.session.scalars(sa.select(type(w.term))):
                if term.name == f"{1990 + i - 1}":
                    term.end_date = date(1990 + i - 1, 12, 31)
            HolidayFactory(day=date(date.today().year, 1, 1) + timedelta(days=30 + i), name="Lễ")
            agreement = AgreementFactory(term=w.term, number=f"{i}-CTr/BTGTU-GROW")
            AgreementPartyFactory(agreement=agreement, agency=w.office_agency, role=PartyRole.LEAD)
            AgreementPartyFactory(agreement=agreement, agency=w.a)
            for _ in range(2):
                commitment = CommitmentFactory(agreement=agreement, responsible_agency=w.a)
                CommitmentUpdateFactory(commitment=commitment)
            # The objects the detail pages show get more children too.
            commitment = CommitmentFactory(agreement=w.agreements["a"], responsible_agency=w.a)
            CommitmentUpdateFactory(commitment=commitment)
            CommitmentUpdateFactory(commitment=commitment)
            IssueEventFactory(issue=w.issues["a"], actor=staff)
            ReportVersionFactory(report=w.reports["a"], number=i + 1, submitted_by=staff)
            for status in (ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.DRAFT):
                self.month += 1
                year, month = 2022 + (self.month - 1) // 12, (self.month - 1) % 12 + 1
                moment = datetime(year, month, 20, 2, tzinfo=UTC)
                report = ReportFactory(
                    agency=w.a,
                    period=f"{year}-{month:02d}",
                    status=status,
                    first_submitted_at=None if status is ReportStatus.DRAFT else moment,
                    last_submitted_at=None if status is ReportStatus.DRAFT else moment,
                )
                if status is not ReportStatus.DRAFT:
                    ReportVersionFactory(report=report, number=1, submitted_by=staff)
            for reporter, responsible in ((w.a, w.a), (w.b, w.a), (w.a, w.b)):
                issue = IssueFactory(
                    reporting_agency=reporter, responsible_agency=responsible, assignee=None
                )
                IssueEventFactory(issue=issue, actor=staff)
        db.session.commit()


def _target_ids(world) -> dict[str, int]:
    """A value for every <int:…> argument a route may take: agency A's records."""
    return {
        "agreement_id": world.agreements["a"].id,
        "commitment_id": world.commitments["a"].id,
        "attachment_id": world.scans["a"].id,
        "document_id": world.document.id,
        "token_id": world.token.id,
        "report_id": world.reports["a"].id,
        "issue_id": world.issues["a"].id,
        "agency_id": world.a.id,
        "user_id": world.users.liaison_a.id,
        "term_id": world.term.id,
        "holiday_id": world.holiday.id,
        "term": world.term.name,
    }


def _pages(app, world) -> list[str]:
    ids = _target_ids(world)
    urls = []
    with app.test_request_context():
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
            if "GET" not in rule.methods or rule.endpoint in SKIPPED:
                continue
            unknown = set(rule.arguments) - set(ids)
            assert not unknown, f"{rule.rule}: teach _target_ids about {sorted(unknown)}"
            urls.append(url_for(rule.endpoint, **{k: ids[k] for k in rule.arguments}))
    return urls


def _statements(client, url: str) -> tuple[int, int]:
    seen: list[str] = []

    def count(conn, cursor, statement, *args):
        seen.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        status = client.get(url).status_code
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)
    return status, len(seen)


@pytest.mark.parametrize("role", ROLES)
def test_every_page_issues_as_many_statements_for_ten_times_the_data(
    app, client, login, world, role
):
    world.holiday = HolidayFactory()
    db.session.commit()
    grower = Grower(world)
    grower.grow(1)
    login(getattr(world.users, role))
    small = {url: _statements(client, url) for url in _pages(app, world)}
    grower.grow(10)
    visited = 0
    for url, (status, count) in small.items():
        big_status, big_count = _statements(client, url)
        assert big_status == status, url
        if status != 200:
            continue
        visited += 1
        assert big_count == count, f"{url} as {role}: {count} statements, then {big_count}"
    assert visited >= 4

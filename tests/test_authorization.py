"""Walk the authorization matrix: every route, every role, own and other agency."""

import pytest
import sqlalchemy as sa
from flask import url_for

from tests.authz_matrix import MATRIX, PUBLIC_ASSET_ENDPOINTS, ROLES
from tests.factories import HolidayFactory
from tracker.extensions import db
from tracker.models import AuditEvent


def _row_counts() -> dict[str, int]:
    """Rows per table, audit excluded (a denial is itself audited)."""
    counts = {}
    for table in db.metadata.sorted_tables:
        if table.name != AuditEvent.__tablename__:
            counts[table.name] = db.session.scalar(sa.select(sa.func.count()).select_from(table))
    return counts


def _url(app, case, world, holiday) -> str:
    endpoint = next(r.endpoint for r in app.url_map.iter_rules() if r.rule == case.rule)
    side = case.target or "a"
    values = {
        "agreement_id": world.agreements[side].id,
        "report_id": world.reports[side].id,
        "issue_id": world.issues[side].id,
        "agency_id": getattr(world, side).id,
        "user_id": getattr(world.users, f"liaison_{side}").id,
        "term_id": world.term.id,
        "holiday_id": holiday.id,
    }
    rule = next(r for r in app.url_map.iter_rules() if r.rule == case.rule)
    with app.test_request_context():
        return url_for(endpoint, **{k: v for k, v in values.items() if k in rule.arguments})


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", MATRIX, ids=lambda c: c.id)
def test_matrix(app, client, login, world, case, role):
    holiday = HolidayFactory()
    db.session.commit()
    if role != "anonymous":
        user = {
            "liaison_a": world.users.liaison_a,
            "liaison_b": world.users.liaison_b,
            "office": world.users.office,
            "leadership": world.users.leadership,
            "admin": world.users.admin,
        }[role]
        login(user)
    url = _url(app, case, world, holiday)
    expected = case.expected[role]
    before = _row_counts()
    response = client.open(url, method=case.method, data={})
    assert response.status_code == expected, (case.id, role, url)
    if expected in (403, 404) or (expected == 302 and role == "anonymous"):
        assert _row_counts() == before, "a denied request changed the database"


def test_every_route_is_in_the_matrix(app):
    listed = {(c.rule, c.method) for c in MATRIX}
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC_ASSET_ENDPOINTS:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            if (rule.rule, method) not in listed:
                missing.append(f"{method} {rule.rule}")
    assert missing == [], f"routes missing from tests/authz_matrix.py: {missing}"


def test_matrix_lists_no_route_that_does_not_exist(app):
    rules = {(r.rule, m) for r in app.url_map.iter_rules() for m in r.methods}
    assert [c.id for c in MATRIX if (c.rule, c.method) not in rules] == []

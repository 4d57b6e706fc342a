"""Walk the authorization matrix: every route, every role, own and other agency."""

from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa
from flask import url_for

from tests.authz_matrix import LOGIN, MATRIX, PUBLIC_ASSET_ENDPOINTS, ROLES
from tests.factories import HolidayFactory
from tracker.extensions import db
from tracker.models import AuditEvent
from tracker.services import tokens

#: Routes that answer anonymous visitors with a redirect of their own (not to the login page).
NOT_BEHIND_LOGIN = {"/logout", "/language"}


def _row_counts() -> dict[str, int]:
    """Rows per table, audit excluded (a denial is itself audited), and API tokens (a token's
    last use is noted)."""
    counts = {}
    for table in db.metadata.sorted_tables:
        if table.name not in (AuditEvent.__tablename__, "api_token"):
            counts[table.name] = db.session.scalar(sa.select(sa.func.count()).select_from(table))
    return counts


def _url(app, case, world, holiday) -> str:
    endpoint = next(r.endpoint for r in app.url_map.iter_rules() if r.rule == case.rule)
    side = case.target or "a"
    owner = side[0]  # a record shared by A and B ("ab") exists for issues only
    values = {
        "agreement_id": world.agreements[owner].id,
        "commitment_id": world.commitments[owner].id,
        "attachment_id": world.scans[owner].id,
        "document_id": world.document.id,
        "token_id": world.token.id,
        "report_id": world.reports[owner].id,
        "issue_id": world.issues[side].id,
        "agency_id": getattr(world, owner).id,
        "user_id": getattr(world.users, f"liaison_{owner}").id,
        "term_id": world.term.id,
        "term": world.term.name,
        "holiday_id": holiday.id,
        "batch_id": 1,
    }
    rule = next(r for r in app.url_map.iter_rules() if r.rule == case.rule)
    with app.test_request_context():
        return url_for(endpoint, **{k: v for k, v in values.items() if k in rule.arguments})


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", MATRIX, ids=lambda c: c.id)
def test_matrix(app, client, login, world, case, role):
    holiday = HolidayFactory()
    db.session.commit()
    api = case.rule.startswith("/api/")
    headers = {}
    if role != "anonymous":
        user = {
            "liaison_a": world.users.liaison_a,
            "liaison_b": world.users.liaison_b,
            "office": world.users.office,
            "leadership": world.users.leadership,
            "admin": world.users.admin,
        }[role]
        if api:
            token, _row = tokens.issue(user)
            db.session.commit()
            headers["Authorization"] = f"Bearer {token}"
        else:
            login(user)
    url = _url(app, case, world, holiday)
    expected = case.expected[role]
    before = _row_counts()
    if api and case.method in ("POST", "PATCH"):
        response = client.open(url, method=case.method, json={}, headers=headers)
    else:
        response = client.open(url, method=case.method, data={}, headers=headers)
    assert response.status_code == expected, (case.id, role, url)
    if expected in (403, 404) or (expected == 302 and role == "anonymous"):
        assert _row_counts() == before, "a denied request changed the database"
    if role == "anonymous" and expected == LOGIN and case.rule not in NOT_BEHIND_LOGIN:
        # Sent to the login page, which will bring them back here afterwards.
        location = urlsplit(response.headers["Location"])
        assert location.path == "/login", (case.id, response.headers["Location"])
        assert parse_qs(location.query).get("next") == [url], (case.id, location.query)


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

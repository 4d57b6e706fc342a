"""CSRF, on the app with CSRF protection on (the testing configuration turns it off).

- Every state-changing route (every POST, PUT, PATCH and DELETE rule of ``app.url_map``, the
  bearer-token API excepted) refuses a request without a token with 400 and writes nothing,
  audit rows included.
- A form posted after its token expired comes back, with 400, holding what the user typed and
  a message saying nothing was saved: never a bare error page.

The routes and forms are found by walking the app, so new ones join without anyone having to
remember.
"""

import re
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from flask import url_for

from tests.factories import (
    PASSWORD,
    TINY_PDF,
    CommitmentFactory,
    HolidayFactory,
    ReportFactory,
    ReportVersionFactory,
    upload,
)
from tests.test_hostile_input import SCRIPTED, FormFinder, _ids, _post_rules, _poster
from tracker.enums import ReportStatus
from tracker.extensions import db
from tracker.models import ImportBatch
from tracker.services import attachments

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
#: What a user might have typed into any form (field names of the app's forms).
TYPED = {
    name: "Nội dung không được lưu"
    for name in (
        "title",
        "situation",
        "results",
        "name_vi",
        "name_en",
        "full_name",
        "description",
        "comment",
        "reason",
        "note",
        "name",
        "number",
        "value",
    )
}


def _snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, audit trail and tokens included."""
    db.session.expire_all()
    out = {}
    for table in db.metadata.sorted_tables:
        rows = db.session.execute(sa.select(table)).all()
        out[table.name] = sorted((tuple(map(str, row)) for row in rows), key=repr)
    return out


def _token_of(client, url: str = "/login") -> str:
    html = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def _logged_in_client(app, user):
    client = app.test_client()
    if user is not None:
        response = client.post(
            "/login",
            data={"username": user.username, "password": PASSWORD, "csrf_token": _token_of(client)},
        )
        assert response.status_code == 302
    return client


def _state_changing_rules(app) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(rule, method, endpoint, arguments) of every route that changes state, the bearer-token
    API aside (it takes no cookie, so a forged request carries no credentials)."""
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("api."):
            continue
        for method in sorted(rule.methods & STATE_CHANGING):
            found.append((rule.rule, method, rule.endpoint, tuple(sorted(rule.arguments))))
    return sorted(found)


@pytest.fixture
def holiday(app):
    holiday = HolidayFactory()
    db.session.commit()
    return holiday


def test_every_state_changing_route_refuses_a_request_without_a_token(csrf_app, world, holiday):
    ids = _ids(world, holiday)
    clients = {}
    checked = []
    for rule, method, endpoint, arguments in _state_changing_rules(csrf_app):
        role = _poster(rule) or "liaison_a"
        if role not in clients:
            user = None if role == "anonymous" else getattr(world.users, role)
            clients[role] = _logged_in_client(csrf_app, user)
        with csrf_app.test_request_context():
            arguments = {
                k: ids[k] for k in csrf_app.url_map._rules_by_endpoint[endpoint][0].arguments
            }
            url = url_for(endpoint, **arguments)
        before = _snapshot()
        response = clients[role].open(url, method=method, data=TYPED)
        assert response.status_code == 400, (method, rule, role, response.status_code)
        assert _snapshot() == before, (method, rule, "wrote without a token")
        # A forged token is no better than none.
        response = clients[role].open(url, method=method, data={**TYPED, "csrf_token": "x" * 90})
        assert response.status_code == 400, (method, rule, role, response.status_code)
        assert _snapshot() == before, (method, rule, "wrote with a forged token")
        checked.append(rule)
    # The walk did find the app's forms (the login, the reports, the admin pages…).
    assert {"/login", "/logout", "/reports/start", "/admin/users/new"} <= set(checked)
    assert len(checked) >= 30, checked


def test_the_api_is_exempt_because_it_takes_no_cookie(csrf_app, world):
    """A logged-in browser's cookie does not open the API: a forged cross-site POST to it
    carries no credentials and is refused."""
    client = _logged_in_client(csrf_app, world.users.liaison_a)
    before = _snapshot()
    response = client.post("/api/v1/reports", json={"kind": "monthly", "period": "2025-04"})
    assert response.status_code == 401
    assert _snapshot() == before


def _variants(world, holiday) -> list[dict[str, int]]:
    """Records in the states that show every form (a proposal to confirm, a draft to write, an
    accepted report to reopen)."""
    proposal = CommitmentFactory(
        agreement=world.agreements["a"], responsible_agency=world.a, confirmed=False
    )
    draft = ReportFactory(agency=world.a, period="2025-04", status=ReportStatus.DRAFT)
    db.session.flush()
    draft_file = attachments.store(None, draft, upload("so-lieu.pdf", TINY_PDF))
    accepted = ReportFactory(
        agency=world.a,
        period="2025-02",
        status=ReportStatus.ACCEPTED,
        first_submitted_at=datetime(2025, 3, 17, 2, tzinfo=UTC),
    )
    ReportVersionFactory(report=accepted, number=1, decision="accepted")
    # The import page offers to undo an import only when there is one.
    batch = ImportBatch(filename="lich-su.xlsx", sha256="0" * 64, counts={})
    db.session.add(batch)
    db.session.commit()
    base = _ids(world, holiday)
    return [
        {**base, "batch_id": batch.id},
        {**base, "commitment_id": proposal.id},
        {**base, "report_id": draft.id, "attachment_id": draft_file.id},
        {**base, "report_id": accepted.id},
    ]


def _form_views(app) -> set[str]:
    """The rules whose view shows its form again when the token has expired."""
    return {
        rule.rule
        for rule in app.url_map.iter_rules()
        if "POST" in rule.methods
        and getattr(app.view_functions[rule.endpoint], "shows_form_on_expired_token", False)
    }


def test_an_expired_form_comes_back_with_what_was_typed(csrf_app, world, holiday):
    variants = _variants(world, holiday)
    clients = {}
    finders = {}
    checked = []
    for rule in sorted(_form_views(csrf_app)):
        role = _poster(rule)
        assert role is not None, rule
        if role not in clients:
            user = None if role == "anonymous" else getattr(world.users, role)
            clients[role] = _logged_in_client(csrf_app, user)
            finders[role] = FormFinder(csrf_app, clients[role])
        client = clients[role]
        form = url = None
        for ids in variants:
            urls = _post_rules(csrf_app, ids)
            url = next(u for u, r in urls.items() if r == rule)
            shown = next((u for u, r in urls.items() if r == SCRIPTED.get(rule)), url)
            form = finders[role].form(role, ids, shown)
            if form is not None:
                break
        assert form is not None, f"no page has a form that posts to {rule}"
        typed = {
            name: f"Đoạn văn đã gõ vào {name}"
            for name, kind in form.kinds.items()
            if kind in ("text", "textarea", "search")
        }
        before = _snapshot()
        csrf_app.config["WTF_CSRF_TIME_LIMIT"] = -1  # every token is now too old
        try:
            response = client.post(url, data=form.data(**typed))
        finally:
            csrf_app.config["WTF_CSRF_TIME_LIMIT"] = 3600
        html = response.get_data(as_text=True)
        assert response.status_code == 400, (rule, response.status_code)
        assert "hết hạn" in html, rule  # "… đã hết hạn …": the form says why
        assert "<form" in html and 'name="csrf_token"' in html, rule  # the form, not a bare page
        for value in typed.values():
            assert value in html, (rule, value)
        assert _snapshot() == before, (rule, "an expired form wrote something")
        checked.append(rule)
    assert {"/login", "/reports/<int:report_id>/edit", "/admin/users/new"} <= set(checked)

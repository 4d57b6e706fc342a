"""Bad input is a clear message, never a 5xx and never a partial write, on SQLite and PostgreSQL.

A corpus of hostile values (NUL and other control characters, a right-to-left override, 10,000
characters, huge and negative numbers, reserved ``url_for`` names, markup) is thrown at:

- every page, in its query string (the names of its filters and a few reserved ones);
- every route that takes an id, with ids beyond the database's integers;
- every form of the app, one field at a time, the other fields as the page offered them.

The pages and forms are found by walking the app's routes and the forms on its pages, so new
pages and forms join without anyone having to remember.
"""

from datetime import UTC, date, datetime
from urllib.parse import urlencode, urlsplit

import pytest
import sqlalchemy as sa
from flask import url_for

from tests.authz_matrix import MATRIX
from tests.factories import (
    TINY_PDF,
    CommitmentFactory,
    HolidayFactory,
    ReportFactory,
    ReportVersionFactory,
    upload,
)
from tests.pages import Form, forms
from tracker.enums import ReportStatus
from tracker.extensions import db
from tracker.models import AuditEvent, ImportBatch, Setting
from tracker.services import attachments, calendar
from tracker.text import has_forbidden_characters

HOSTILE = [
    "\x00",
    "Sở\x00Y tế",
    "\x1b[31m\x07",
    "\u202egnp.exe",
    "A" * 10_000,
    "99999999999999999999999",
    "-99999999999999999999999",
    "2147483648",
    "-1",
    "1e400",
    "NaN",
    "../../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1; DROP TABLE agency; --",
    "２０２５",
    "   ",
]
#: For fields that are not free text (choices, dates, numbers, hidden values): the values that
#: matter there.
HOSTILE_FOR_CHOICES = ["\x00", "A" * 10_000, "99999999999999999999999", "-1", "2147483648", "   "]
TEXT_KINDS = {"text", "textarea", "search", "url", "email", "password"}
#: Query parameters with a meaning to url_for or to the app, whatever the page.
RESERVED = ["page", "endpoint", "_method", "_external", "_anchor", "_scheme", "next", "q"]
HUGE_IDS = [2**31, 2**63, 10**30]
#: Who visits: one role per kind of page.
VISITORS = ("liaison_a", "office", "admin")
SKIPPED = {"static", "bootstrap.static"}


def _table_counts() -> dict[str, int]:
    """The number of rows in every table but the audit trail, read in one statement."""
    db.session.expire_all()
    tables = [t for t in db.metadata.sorted_tables if t.name != AuditEvent.__tablename__]
    counts = db.session.execute(
        sa.select(
            *(
                sa.select(sa.func.count()).select_from(t).scalar_subquery().label(t.name)
                for t in tables
            )
        )
    ).one()
    return dict(zip((t.name for t in tables), counts, strict=True))


def _stored_text_is_clean() -> list[str]:
    """Every text value in the database, checked for control characters."""
    db.session.expire_all()
    dirty = []
    for table in db.metadata.sorted_tables:
        columns = [c for c in table.columns if isinstance(c.type, sa.String | sa.Text)]
        if not columns or table.name == AuditEvent.__tablename__:
            continue
        for row in db.session.execute(sa.select(*columns)):
            for column, value in zip(columns, row, strict=True):
                if isinstance(value, str) and has_forbidden_characters(value, multiline=True):
                    dirty.append(f"{table.name}.{column.name}: {value[:40]!r}")
    return dirty


def _user(world, role):
    return getattr(world.users, role)


def _ids(world, holiday) -> dict[str, int]:
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
        "holiday_id": holiday.id,
        "term": world.term.name,
        "batch_id": 1,
    }


def _get_urls(app, ids) -> list[str]:
    urls = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "GET" in rule.methods and rule.endpoint not in SKIPPED:
                urls.append(url_for(rule.endpoint, **{k: ids[k] for k in rule.arguments}))
    return sorted(urls)


@pytest.fixture
def holiday(world):
    # This year's, so that the holidays page (this year by default) offers its forms.
    holiday = HolidayFactory(day=date(calendar.today_local().year, 9, 2))
    db.session.commit()
    return holiday


@pytest.mark.parametrize("role", VISITORS)
def test_query_strings_never_break_a_page(app, client, login, world, holiday, role):
    login(_user(world, role))
    for url in _get_urls(app, _ids(world, holiday)):
        page = client.get(url)
        if page.status_code != 200:
            continue
        names = set(RESERVED)
        if page.mimetype == "text/html":
            for form in forms(page.get_data(as_text=True), url):
                if form.method == "GET":
                    names |= set(form.fields) | set(form.kinds)
        for value in HOSTILE:
            query = urlencode({name: value for name in sorted(names)})
            response = client.get(f"{url}?{query}")
            assert response.status_code < 500, (url, value[:20], response.status_code)
        # A forged Host and ?_external=1 never put a foreign host into the page's links.
        response = client.get(
            f"{url}?_external=1&_scheme=https&page=2", headers={"Host": "evil.example"}
        )
        assert response.status_code < 500
        assert "evil.example" not in response.get_data(as_text=True), url


def test_ids_beyond_the_database_integers_are_404(app, client, login, world, holiday):
    login(world.users.office)
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if rule.endpoint in SKIPPED or not any(
                f"<int:{name}>" in rule.rule for name in rule.arguments
            ):
                continue
            for huge in HUGE_IDS:
                path = rule.rule
                for name in rule.arguments:
                    path = path.replace(f"<int:{name}>", str(huge))
                for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                    response = client.open(path, method=method)
                    assert response.status_code == 404, (method, path, response.status_code)


def test_page_numbers_out_of_range_show_the_last_page(client, login, world):
    login(world.users.office)
    for page in ("99999999999999999999999", "2147483648", "-5", "0", "abc"):
        response = client.get(f"/reports?page={page}")
        assert response.status_code == 200, page
        assert f"/reports/{world.reports['a'].id}" in response.get_data(as_text=True)


# -- forms --------------------------------------------------------------------------------------


#: Who posts to a rule whose matrix case uses a record in another state (the world's reports
#: were sent: a draft is written by its liaison, an accepted report reopened by the Office).
POSTERS = {
    "/reports/<int:report_id>/edit": "liaison_a",
    "/reports/<int:report_id>/autosave": "liaison_a",
    "/reports/<int:report_id>/attachments/<int:attachment_id>/remove": "liaison_a",
    "/reports/<int:report_id>/reopen": "office",
    "/transfer/imports/<int:batch_id>/undo": "office",
}
#: Rules that no HTML form posts to but a page's script does, with the form it posts.
SCRIPTED = {
    "/reports/<int:report_id>/autosave": "/reports/<int:report_id>/edit",
    # The confirmation appears only after a dry run: its hostile tokens are in test_transfer.
    "/transfer/confirm": "/transfer/check",
}


def _poster(rule: str) -> str | None:
    """The role that may post to a rule (from the authorization matrix), or None."""
    if rule == "/login":
        return "anonymous"
    if rule in POSTERS:
        return POSTERS[rule]
    expected = {c.rule: c.expected for c in MATRIX if c.method == "POST"}.get(rule)
    if expected is None:
        return None
    for role in ("admin", "office", "liaison_a", "leadership"):
        if expected[role] not in (403, 404):
            return role
    return None


def _forms_by_action(app, client, ids) -> dict[str, Form]:
    found: dict[str, Form] = {}
    for _url, form in _walk_forms(app, client, ids):
        found.setdefault(urlsplit(form.action).path, form)
    return found


class FormFinder:
    """Finds the form a page offers for an action, as the page stands now.

    The first time a visitor (a role) asks about a set of record ids, every GET page is read
    once to learn which page shows which form; after that, finding a form reads that one page
    again, so the form's fields are the current ones. If the page no longer shows it (a post
    changed the record), every page is read again."""

    def __init__(self, app, client):
        self.app = app
        self.client = client
        self._where: dict[tuple, dict[str, str]] = {}

    def _walk(self, ids) -> dict[str, str]:
        where: dict[str, str] = {}
        for url, form in _walk_forms(self.app, self.client, ids):
            where.setdefault(urlsplit(form.action).path, url)
        return where

    def _read(self, page_url: str, action: str) -> Form | None:
        page = self.client.get(page_url)
        if page.status_code != 200 or page.mimetype != "text/html":
            return None
        for form in forms(page.get_data(as_text=True), page_url):
            if form.method == "POST" and urlsplit(form.action).path == action:
                return form
        return None

    def form(self, visitor: str, ids: dict, action: str) -> Form | None:
        key = (visitor, tuple(sorted(ids.items())))
        if key not in self._where:
            self._where[key] = self._walk(ids)
        page_url = self._where[key].get(action)
        found = self._read(page_url, action) if page_url else None
        if found is None:
            self._where[key] = self._walk(ids)
            page_url = self._where[key].get(action)
            found = self._read(page_url, action) if page_url else None
        return found


def _walk_forms(app, client, ids):
    """(page url, form) of every POST form on every GET page."""
    for url in _get_urls(app, ids):
        page = client.get(url)
        if page.status_code == 200 and page.mimetype == "text/html":
            for form in forms(page.get_data(as_text=True), url):
                if form.method == "POST":
                    yield url, form


def _post_rules(app, ids) -> dict[str, str]:
    """{url: rule} of every route that takes a POST."""
    out = {}
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "POST" in rule.methods:
                out[url_for(rule.endpoint, **{k: ids[k] for k in rule.arguments})] = rule.rule
    return out


def test_every_form_survives_the_hostile_corpus(app, client, login, world, holiday):
    # Some forms show only in a record's other state (confirming a proposed commitment).
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
    variants = [
        {**base, "batch_id": batch.id},
        {**base, "commitment_id": proposal.id},
        {**base, "report_id": draft.id, "attachment_id": draft_file.id},
        {**base, "report_id": accepted.id},
    ]
    checked = []
    finder = FormFinder(app, client)
    for rule in sorted(set(_post_rules(app, variants[0]).values())):
        if rule.startswith("/api/"):
            continue  # JSON bodies: test_the_api_survives_hostile_bodies
        role = _poster(rule)
        assert role is not None, f"{rule}: add it to tests/authz_matrix.py"
        client.post("/logout")
        if role != "anonymous":
            login(_user(world, role))
        for ids in variants:
            url = next(u for u, r in _post_rules(app, ids).items() if r == rule)
            shown = next(
                (u for u, r in _post_rules(app, ids).items() if r == SCRIPTED.get(rule)), url
            )
            form = finder.form(role, ids, shown)
            if form is not None:
                break
        assert form is not None, f"no page has a form that posts to {rule}"
        before = _table_counts()
        for name, kind in sorted(form.kinds.items()):
            if kind == "submit" or name == "csrf_token":
                continue
            for value in HOSTILE if kind in TEXT_KINDS else HOSTILE_FOR_CHOICES:
                response = client.post(url, data=form.data(**{name: value}))
                status = response.status_code
                assert status < 500, (url, name, value[:20], status)
                if status in (201, 302, 303):
                    # Accepted (a harmless value) or a redirect: what was stored is checked
                    # at the end; a hostile post that logged us out is undone.
                    before = _table_counts()
                    if role != "anonymous" and "/login" in response.headers.get("Location", ""):
                        login(_user(world, role))
                else:
                    assert _table_counts() == before, (url, name, value[:20], "partial write")
            checked.append((url, name))
    assert _stored_text_is_clean() == []
    assert len({u for u, _ in checked}) >= 10, checked


def test_a_control_character_is_named_and_the_rest_of_the_text_kept(client, login, world):
    login(world.users.admin)
    response = client.post(
        f"/admin/agencies/{world.a.id}/edit",
        data={
            "code": world.a.code,
            "name_vi": "Sở Giáo dục\x00 và Đào tạo\x1b",
            "name_en": "",
            "level": "province",
            "parent_id": "",
            "primary_field": "education",
            "in_bloc": "y",
            "active": "y",
        },
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "ký tự điều khiển ẩn" in html
    assert 'value="Sở Giáo dục và Đào tạo"' in html
    db.session.refresh(world.a)
    assert world.a.name_vi == "Sở Giáo dục và Đào tạo"


def test_a_nul_byte_in_the_login_name_is_a_plain_refusal(client, world):
    response = client.post("/login", data={"username": "liaison_a\x00", "password": "x" * 10})
    assert response.status_code in (400, 401)
    assert "liaison_a" in response.get_data(as_text=True)


def test_a_required_setting_of_spaces_is_refused(client, login, world):
    login(world.users.admin)
    page = client.get("/admin/settings").get_data(as_text=True)
    [form] = [f for f in forms(page, "/admin/settings") if f.action == "/admin/settings"]
    response = client.post("/admin/settings", data=form.data(province_name="   "))
    assert response.status_code == 422
    assert "Trường này là bắt buộc." in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(Setting).where(Setting.key == "province_name")) is None


HOSTILE_JSON = [
    None,
    [],
    "text",
    12,
    {"note": "\x00", "progress": "50", "recorded_on": "2025-02-31"},
    {"note": "A" * 10_000, "progress": 99999999999999999999, "recorded_on": "2025-01-01"},
    {"note": {"nested": ["x"]}, "progress": -1, "recorded_on": None},
    {"username": "\x00", "password": ["x"]},
    {"username": "liaison_a", "password": "x" * 10_000},
    {"figures": [{"metric": "nope", "value": "1e400"}] * 50},
]


def test_the_api_survives_hostile_bodies_and_queries(app, client, world, holiday):
    from tracker.api.core import SPECS
    from tracker.services import tokens

    token, _row = tokens.issue(world.users.office)
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    ids = _ids(world, holiday)
    for spec in SPECS:
        path = spec.rule
        for name, value in ids.items():
            path = path.replace(f"<int:{name}>", str(value)).replace(f"<{name}>", str(value))
        assert "<" not in path, f"{spec.rule}: teach _ids the argument"
        before = _table_counts()
        if spec.method == "POST":
            for body in HOSTILE_JSON:
                response = client.post(path, json=body, headers=headers)
                assert response.status_code < 500, (path, body, response.status_code)
                assert response.status_code in (400, 401, 403, 404, 415, 422), (path, body)
            raw = client.post(
                path, data=b"\xff\xfe{", headers=headers, content_type="application/json"
            )
            assert raw.status_code in (400, 401, 403, 422)
        else:
            for value in HOSTILE:
                query = urlencode(
                    {
                        k: value
                        for k in ("page", "per_page", "agency", "term", "status", "q", "due_from")
                    }
                )
                response = client.get(f"{path}?{query}", headers=headers)
                assert response.status_code < 500, (path, value[:20], response.status_code)
        assert _table_counts() == before, path

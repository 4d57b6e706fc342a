"""An agency that is inactive or dissolved: its liaison logs in and reads, but files nothing
(no report, no proposal, no progress update, no flagged issue), on the pages and the API."""

from datetime import date

import pytest
import sqlalchemy as sa

from tests.factories import PASSWORD, ReportFactory
from tracker.enums import ReportStatus
from tracker.extensions import db
from tracker.models import AuditEvent
from tracker.permissions import FILING, Permission, has_permission


def _deactivate(world, how: str) -> None:
    if how == "inactive":
        world.a.active = False
    else:
        world.a.dissolved_on = date(2025, 3, 1)
    db.session.commit()


def _counts() -> dict[str, int]:
    db.session.expire_all()
    return {
        t.name: db.session.scalar(sa.select(sa.func.count()).select_from(t))
        for t in db.metadata.sorted_tables
        if t.name not in (AuditEvent.__tablename__, "api_token")
    }


@pytest.fixture(params=["inactive", "dissolved"])
def stopped(request, world):
    """World, with agency A inactive or dissolved, and a draft A had started before."""
    draft = ReportFactory(agency=world.a, period="2025-02", status=ReportStatus.DRAFT)
    db.session.commit()
    _deactivate(world, request.param)
    world.draft = draft
    return world


def test_the_liaison_still_logs_in_and_reads(client, login, stopped):
    login(stopped.users.liaison_a)
    for url in (
        "/",
        "/reports",
        f"/reports/{stopped.reports['a'].id}",
        f"/reports/{stopped.draft.id}",
        f"/agreements/{stopped.agreements['a'].id}",
        f"/commitments/{stopped.commitments['a'].id}",
        f"/attachments/{stopped.scans['a'].id}",
        "/issues",
        "/documents",
    ):
        assert client.get(url).status_code == 200, url


def test_the_liaison_files_nothing_on_the_pages(client, login, stopped):
    login(stopped.users.liaison_a)
    before = _counts()
    attempts = [
        ("POST", "/reports/start", {"kind": "monthly", "period": "2025-04"}),
        ("GET", "/reports/ad-hoc/new", None),
        ("POST", "/reports/ad-hoc/new", {"title": "Báo cáo đột xuất"}),
        ("GET", f"/reports/{stopped.draft.id}/edit", None),
        ("POST", f"/reports/{stopped.draft.id}/edit", {"situation": "Viết thêm"}),
        ("POST", f"/reports/{stopped.draft.id}/autosave", {"situation": "Viết thêm"}),
        ("GET", f"/agreements/{stopped.agreements['a'].id}/commitments/new", None),
        ("POST", f"/agreements/{stopped.agreements['a'].id}/commitments/new", {"title": "Mới"}),
        ("GET", f"/commitments/{stopped.commitments['a'].id}/updates/new", None),
        ("POST", f"/commitments/{stopped.commitments['a'].id}/updates/new", {"progress": "50"}),
    ]
    for method, url, data in attempts:
        response = client.open(url, method=method, data=data)
        assert response.status_code == 403, (method, url, response.status_code)
    assert _counts() == before
    # The page says why, rather than offering a button that fails.
    home = client.get("/").get_data(as_text=True)
    assert "/reports/start" not in home


def test_the_liaison_files_nothing_through_the_api(client, stopped):
    token = client.post(
        "/api/v1/tokens", json={"username": "liaison_a", "password": PASSWORD}
    ).get_json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    before = _counts()
    assert client.get("/api/v1/reports", headers=headers).status_code == 200
    created = client.post(
        "/api/v1/reports", json={"kind": "monthly", "period": "2025-04"}, headers=headers
    )
    assert created.status_code == 403
    edited = client.patch(
        f"/api/v1/reports/{stopped.draft.id}",
        json={"version": 1, "situation": "x"},
        headers=headers,
    )
    assert edited.status_code == 403
    update = client.post(
        f"/api/v1/commitments/{stopped.commitments['a'].id}/updates",
        json={"progress": 50, "recorded_on": "2025-03-01", "note": "x"},
        headers=headers,
    )
    assert update.status_code == 403
    assert _counts() == before


def test_the_permission_layer_withdraws_every_filing_permission(app, stopped):
    liaison = stopped.users.liaison_a
    assert FILING and not any(has_permission(liaison, p) for p in FILING)
    assert has_permission(liaison, Permission.VIEW_REPORTS)
    assert has_permission(liaison, Permission.VIEW_ISSUES)
    # The other agency's liaison, and the Office, are untouched.
    assert all(has_permission(stopped.users.liaison_b, p) for p in FILING)
    assert has_permission(stopped.users.office, Permission.FLAG_ISSUES)


def test_reactivating_the_agency_gives_filing_back(client, login, world):
    _deactivate(world, "inactive")
    world.a.active = True
    db.session.commit()
    login(world.users.liaison_a)
    response = client.post("/reports/start", data={"kind": "monthly", "period": "2025-04"})
    assert response.status_code == 302

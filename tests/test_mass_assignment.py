"""No mass assignment: a field the form does not offer (agency, status, role) cannot be set by
adding it to the POST or to the API body."""

import sqlalchemy as sa

from tests.factories import PASSWORD
from tracker.enums import ReportStatus, Role
from tracker.extensions import db
from tracker.models import Report, User

EXTRA = {
    "agency_id": "{b}",
    "agency": "{b}",
    "status": "accepted",
    "role": "admin",
    "active": "0",
    "is_office": "1",
    "first_submitted_at": "2025-01-01T00:00:00",
}


def _extra(world) -> dict[str, str]:
    return {k: v.format(b=world.b.id) for k, v in EXTRA.items()}


def test_a_report_started_with_extra_fields_is_still_the_liaisons_own_draft(client, login, world):
    login(world.users.liaison_a)
    response = client.post(
        "/reports/start", data={"kind": "monthly", "period": "2025-04", **_extra(world)}
    )
    assert response.status_code == 302
    report = db.session.scalar(sa.select(Report).where(Report.period == "2025-04"))
    assert report.agency_id == world.a.id and report.status == ReportStatus.DRAFT
    assert report.first_submitted_at is None


def test_a_liaison_cannot_change_their_own_role_or_agency(client, login, world):
    login(world.users.liaison_a)
    assert client.post("/language", data={"locale": "en", **_extra(world)}).status_code == 302
    changed = client.post(
        "/account/password",
        data={
            "current": PASSWORD,
            "new": PASSWORD + "!",
            "confirm": PASSWORD + "!",
            **_extra(world),
        },
    )
    assert changed.status_code == 302  # the change went through, the extras ignored
    user = db.session.get(User, world.users.liaison_a.id)
    assert user.role == Role.LIAISON and user.agency_id == world.a.id and user.active


def test_the_api_refuses_fields_its_schema_does_not_have(client, world):
    token = client.post(
        "/api/v1/tokens", json={"username": "liaison_a", "password": PASSWORD}
    ).get_json()["token"]
    response = client.post(
        "/api/v1/reports",
        json={
            "kind": "monthly",
            "period": "2025-04",
            "agency_id": world.b.id,
            "status": "accepted",
        },
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 422
    assert (
        db.session.scalar(sa.select(sa.func.count(Report.id)).where(Report.period == "2025-04"))
        == 0
    )

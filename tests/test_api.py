"""The JSON API: tokens, the problem documents, collections and their filters, the same
visibility as the pages, writes through the same services, and a description that covers every
endpoint."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from tests.factories import PASSWORD, CommitmentFactory
from tracker.api.core import SPECS
from tracker.extensions import db
from tracker.models import ApiToken, AuditEvent, CommitmentUpdate
from tracker.services import accounts, tokens


def _token(client, username: str, password: str = PASSWORD) -> str:
    response = client.post("/api/v1/tokens", json={"username": username, "password": password})
    assert response.status_code == 201, response.get_data(as_text=True)
    body = response.get_json()
    assert body["token"].startswith("trk_")
    assert datetime.fromisoformat(body["expires_at"]).utcoffset() == timedelta(hours=7)
    return body["token"]


def _auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_a_token_is_stored_hashed_and_lets_a_script_in(client, world):
    token = _token(client, "liaison_a")
    row = db.session.scalar(sa.select(ApiToken).order_by(ApiToken.id.desc()).limit(1))
    assert token not in (row.token_hash, row.prefix) and row.prefix == token[:12]
    response = client.get("/api/v1/agreements", headers=_auth(token))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("header", [None, "Bearer nope", "Bearer trk_forged", "Basic abc"])
def test_no_token_or_a_bad_one_is_a_401_problem(client, world, header):
    response = client.get("/api/v1/agreements", headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == 401 and body["title"] == "Authentication required"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_wrong_password_gets_no_token_and_is_audited(client, world):
    response = client.post("/api/v1/tokens", json={"username": "liaison_a", "password": "x"})
    assert response.status_code == 401
    assert db.session.scalar(sa.select(sa.func.count(ApiToken.id))) == 1  # the world's own
    assert (
        db.session.scalar(
            sa.select(sa.func.count(AuditEvent.id)).where(AuditEvent.action == "login_failed")
        )
        == 1
    )


def test_the_session_cookie_never_opens_the_api(client, login, world):
    login(world.users.office)
    assert client.get("/api/v1/agreements").status_code == 401


def test_a_token_dies_when_the_password_changes_or_the_account_is_disabled(client, world):
    token = _token(client, "liaison_a")
    accounts.change_password(world.users.liaison_a, "a brand new passphrase")
    db.session.commit()
    assert client.get("/api/v1/agreements", headers=_auth(token)).status_code == 401
    token = _token(client, "liaison_b")
    world.users.liaison_b.active = False
    db.session.commit()
    assert client.get("/api/v1/agreements", headers=_auth(token)).status_code == 401


def test_an_expired_or_revoked_token_is_refused(client, world):
    token = _token(client, "liaison_a")
    row = db.session.scalar(sa.select(ApiToken).order_by(ApiToken.id.desc()).limit(1))
    row.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    assert client.get("/api/v1/agreements", headers=_auth(token)).status_code == 401
    token = _token(client, "liaison_a")
    row = db.session.scalar(sa.select(ApiToken).order_by(ApiToken.id.desc()))
    tokens.revoke(world.users.liaison_a, row.id)
    db.session.commit()
    assert client.get("/api/v1/agreements", headers=_auth(token)).status_code == 401


def test_collections_are_paged_and_filtered_by_codes_and_names(client, world):
    token = _token(client, "office")
    body = client.get("/api/v1/agreements?per_page=1", headers=_auth(token)).get_json()
    assert set(body) == {"items", "page", "per_page", "total"}
    assert body["total"] == 2 and len(body["items"]) == 1 and body["per_page"] == 1
    item = client.get("/api/v1/agreements?agency=SGDDT", headers=_auth(token)).get_json()["items"]
    assert [a["number"] for a in item] == [world.agreements["a"].number]
    assert item[0]["agencies"] == ["BTGTU", "SGDDT"] and item[0]["term"] == "2021-2025"
    nothing = client.get("/api/v1/agreements?agency=NOPE", headers=_auth(token)).get_json()
    assert nothing["total"] == 0
    commitments = client.get(
        "/api/v1/commitments?agency=SYT&term=2021-2025", headers=_auth(token)
    ).get_json()["items"]
    assert [c["id"] for c in commitments] == [world.commitments["b"].id]
    assert commitments[0]["status"] == "overdue" and commitments[0]["agency"] == "SYT"


@pytest.mark.parametrize(
    "query", ["per_page=101", "page=0", "status=unknown", "due_from=31/02/2025"]
)
def test_bad_parameters_are_a_422_with_the_field(client, world, query):
    token = _token(client, "office")
    response = client.get(f"/api/v1/commitments?{query}", headers=_auth(token))
    assert response.status_code == 422
    body = response.get_json()
    assert body["errors"] and body["errors"][0]["in"] == "query"
    assert body["errors"][0]["field"] == query.split("=")[0]


def test_a_liaison_sees_only_their_agencys_records(client, world):
    token = _token(client, "liaison_a")
    numbers = [
        a["number"]
        for a in client.get("/api/v1/agreements", headers=_auth(token)).get_json()["items"]
    ]
    assert numbers == [world.agreements["a"].number]
    other = world.agreements["b"].id
    response = client.get(f"/api/v1/agreements/{other}", headers=_auth(token))
    assert response.status_code == 404 and response.mimetype == "application/problem+json"


def test_a_liaison_records_progress_through_the_same_service(client, world):
    token = _token(client, "liaison_a")
    commitment = world.commitments["a"]
    body = {
        "recorded_on": "2025-05-20",
        "note": "Tổ chức 2 lớp bồi dưỡng.",
        "progress": 50,
        "figures": [{"metric": "classes_held", "value": 2}],
    }
    response = client.post(
        f"/api/v1/commitments/{commitment.id}/updates", json=body, headers=_auth(token)
    )
    assert response.status_code == 201, response.get_data(as_text=True)
    created = response.get_json()
    assert created["figures"] == [{"metric": "classes_held", "value": 2}]
    update = db.session.get(CommitmentUpdate, created["id"])
    assert update.author_id == world.users.liaison_a.id
    audited = db.session.scalar(
        sa.select(AuditEvent).where(AuditEvent.object_type == "commitment_update")
    )
    assert audited.actor_username == "liaison_a"
    again = client.get(f"/api/v1/commitments/{commitment.id}", headers=_auth(token)).get_json()
    assert again["progress"] == 50


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"recorded_on": "2025-05-20", "note": "x", "progress": 101}, "progress"),
        ({"recorded_on": "2025-05-20", "note": "", "progress": 5}, "note"),
        ({"recorded_on": "2025-05-20", "note": "x", "progress": 5, "author_id": 1}, "author_id"),
        ({"recorded_on": "2099-01-01", "note": "x", "progress": 5}, "recorded_on"),
    ],
)
def test_a_bad_body_is_a_422_with_the_field_and_writes_nothing(client, world, body, field):
    token = _token(client, "liaison_a")
    response = client.post(
        f"/api/v1/commitments/{world.commitments['a'].id}/updates", json=body, headers=_auth(token)
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.get_json()["errors"]] == [field]
    assert db.session.scalar(sa.select(sa.func.count(CommitmentUpdate.id))) == 0


def test_leadership_reads_but_does_not_write(client, world):
    token = _token(client, "leader")
    assert client.get("/api/v1/commitments", headers=_auth(token)).status_code == 200
    response = client.post(
        f"/api/v1/commitments/{world.commitments['a'].id}/updates",
        json={"recorded_on": "2025-05-20", "note": "x", "progress": 5},
        headers=_auth(token),
    )
    assert response.status_code == 403


def test_a_proposed_commitment_takes_no_update(client, world):
    proposal = CommitmentFactory(
        agreement=world.agreements["a"], responsible_agency=world.a, confirmed=False
    )
    db.session.commit()
    token = _token(client, "liaison_a")
    response = client.post(
        f"/api/v1/commitments/{proposal.id}/updates",
        json={"recorded_on": "2025-05-20", "note": "x", "progress": 5},
        headers=_auth(token),
    )
    assert response.status_code == 403


def test_the_description_covers_every_api_route(app, client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"] == "3.1.0"
    described = {
        (path, method.upper())
        for path, operations in document["paths"].items()
        for method in operations
    }
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("api."):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
            routes |= {(path, m) for m in rule.methods - {"HEAD", "OPTIONS"}}
    assert routes == described
    assert len(SPECS) == len(described)
    # Every error an endpoint declares is a problem document.
    for operations in document["paths"].values():
        for operation in operations.values():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    assert "application/problem+json" in response["content"]

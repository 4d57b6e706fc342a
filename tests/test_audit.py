"""The audit trail: one row per event, refused changes in the database itself, and the
administrator's page that reads it."""

import re
from datetime import UTC, datetime

import flask_migrate
import pytest
import sqlalchemy as sa

from tests.factories import PASSWORD
from tests.test_migrations import _app_for, empty_database_url  # noqa: F401 (a fixture)
from tracker import ROOT
from tracker.enums import AuditAction
from tracker.extensions import db
from tracker.models import AuditEvent
from tracker.services import audit


def _events_after(last_id: int | None) -> list[AuditEvent]:
    return db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.id > (last_id or 0)).order_by(AuditEvent.id)
    ).all()


def _last_id() -> int | None:
    return db.session.scalar(sa.select(sa.func.max(AuditEvent.id)))


# -- exactly one row per event ----------------------------------------------------------------


def test_a_login_writes_exactly_one_row(client, world):
    mark = _last_id()
    client.post(
        "/login",
        data={"username": "liaison_a", "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "203.0.113.7"},
    )
    [event] = _events_after(mark)
    assert event.action == AuditAction.LOGIN and event.actor_username == "liaison_a"
    assert event.actor_agency_id == world.a.id and event.ip == "203.0.113.7"


def test_a_failed_login_writes_exactly_one_row(client, world):
    mark = _last_id()
    assert client.post("/login", data={"username": "liaison_a", "password": "x"}).status_code == 401
    [event] = _events_after(mark)
    assert event.action == AuditAction.LOGIN_FAILED and event.actor_username == "liaison_a"


def test_a_denial_writes_exactly_one_row(client, login, world):
    login(world.users.liaison_a)
    mark = _last_id()
    assert client.get("/admin/users").status_code == 403
    [event] = _events_after(mark)
    assert event.action == AuditAction.ACCESS_DENIED and event.actor_username == "liaison_a"
    assert "/admin/users" in event.detail


def test_a_state_change_writes_exactly_one_row_with_before_and_after(client, login, world):
    login(world.users.liaison_a)
    mark = _last_id()
    assert client.post("/language", data={"locale": "en"}).status_code == 302
    [event] = _events_after(mark)
    assert event.action == AuditAction.UPDATE and event.object_id == str(world.users.liaison_a.id)
    assert event.before == {"locale": "vi"} and event.after == {"locale": "en"}


# -- nobody can change a row --------------------------------------------------------------------


@pytest.fixture
def recorded(app, world):
    event = audit.record(world.users.admin, AuditAction.UPDATE, world.a, detail="original")
    db.session.commit()
    return event.id


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_event SET detail = 'forged'",
        "UPDATE audit_event SET actor_username = 'someone_else' WHERE id = :id",
        "DELETE FROM audit_event WHERE id = :id",
        "DELETE FROM audit_event",
    ],
)
def test_the_database_refuses_to_change_or_delete_an_audit_row(app, recorded, statement):
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        db.session.execute(sa.text(statement), {"id": recorded})
    db.session.rollback()
    row = db.session.get(AuditEvent, recorded)
    assert row is not None and row.detail == "original"


def test_the_orm_cannot_delete_an_audit_row_either(app, recorded):
    db.session.delete(db.session.get(AuditEvent, recorded))
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        db.session.commit()
    db.session.rollback()
    assert db.session.get(AuditEvent, recorded) is not None


def test_the_migration_installs_the_triggers(empty_database_url):  # noqa: F811
    migrated = _app_for(empty_database_url)
    with migrated.app_context():
        flask_migrate.upgrade()
        event_id = audit.record(None, AuditAction.LOGIN, detail="migrated").id
        db.session.commit()
        for statement in (
            "UPDATE audit_event SET detail = 'forged' WHERE id = :id",
            "DELETE FROM audit_event WHERE id = :id",
        ):
            with pytest.raises(sa.exc.DBAPIError, match="append-only"):
                db.session.execute(sa.text(statement), {"id": event_id})
            db.session.rollback()
        assert db.session.get(AuditEvent, event_id).detail == "migrated"
        db.session.remove()
        db.engine.dispose()


def test_no_code_of_the_app_updates_or_deletes_audit_rows():
    forbidden = re.compile(
        r"(update|delete)\(\s*AuditEvent|(UPDATE|DELETE FROM)\s+\"?audit_event", re.IGNORECASE
    )
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "tracker").rglob("*.py")
        if forbidden.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


# -- the administrator's page -----------------------------------------------------------------


@pytest.fixture
def trail(world):
    """Events of several people, agencies, actions and days."""
    rows = [
        (world.users.liaison_a, AuditAction.LOGIN, datetime(2025, 3, 1, 2, tzinfo=UTC)),
        (world.users.liaison_a, AuditAction.SUBMIT, datetime(2025, 3, 2, 2, tzinfo=UTC)),
        (world.users.liaison_b, AuditAction.LOGIN, datetime(2025, 3, 2, 3, tzinfo=UTC)),
        (world.users.office, AuditAction.REVIEW, datetime(2025, 3, 5, 2, tzinfo=UTC)),
    ]
    for user, action, when in rows:
        # Inserted with their time (a row cannot be changed once written).
        db.session.add(
            AuditEvent(
                created_at=when,
                actor_id=user.id,
                actor_username=user.username,
                actor_agency_id=user.agency_id,
                action=action,
                object_type="user",
                object_id=str(user.id),
                detail=f"{user.username} {action.value}",
            )
        )
    db.session.commit()
    return rows


def _details(html: str) -> list[str]:
    return re.findall(r"(\w+ (?:login|submit|review))\s", html)


def test_the_audit_page_filters_by_user_agency_action_and_date(client, login, world, trail):
    login(world.users.admin)
    page = client.get("/admin/audit?user=LIAISON_A").get_data(as_text=True)
    assert sorted(_details(page)) == ["liaison_a login", "liaison_a submit"]
    page = client.get(f"/admin/audit?agency={world.b.id}").get_data(as_text=True)
    assert _details(page) == ["liaison_b login"]
    page = client.get("/admin/audit?action=login&user=liaison_b").get_data(as_text=True)
    assert _details(page) == ["liaison_b login"]
    # Vietnam-local days: 2025-03-02 09:00 and 10:00 in Hà Nội.
    page = client.get("/admin/audit?from=2025-03-02&to=2025-03-02").get_data(as_text=True)
    assert sorted(_details(page)) == ["liaison_a submit", "liaison_b login"]
    page = client.get("/admin/audit?from=2025-03-03").get_data(as_text=True)
    assert "office review" in page and "liaison_a submit" not in page


def test_the_audit_page_is_paginated_newest_first(client, login, world):
    for n in range(60):
        audit.record(world.users.office, AuditAction.UPDATE, detail=f"change number {n:02d}")
    db.session.commit()
    login(world.users.admin)
    first = client.get("/admin/audit?action=update").get_data(as_text=True)
    assert "change number 59" in first and "change number 05" not in first
    assert "1–50" in first
    second = client.get("/admin/audit?action=update&page=2").get_data(as_text=True)
    assert "change number 05" in second and "change number 59" not in second


def test_the_audit_page_survives_nonsense_filters(client, login, world, trail):
    login(world.users.admin)
    response = client.get("/admin/audit?from=2025-13-45&agency=-1&action=drop&user=%00")
    assert response.status_code == 200
    # Every filter ignored: the whole trail, the administrator's own login included.
    html = response.get_data(as_text=True)
    total = db.session.scalar(sa.select(sa.func.count(AuditEvent.id)))
    assert len(_details(html)) == len(trail) and f"trong {total} sự kiện" in html


def test_the_admin_front_page_counts_the_events_it_links_to(client, login, world, trail):
    login(world.users.admin)
    html = client.get("/admin/").get_data(as_text=True)
    assert 'href="/admin/audit"' in html
    total = db.session.scalar(sa.select(sa.func.count(AuditEvent.id)))
    listed = client.get("/admin/audit").get_data(as_text=True)
    assert f"trong {total} sự kiện" in listed

"""Logging in and out, as each kind of user would try it (and as an attacker would)."""

import re
import time

import pytest
import sqlalchemy as sa

from tests.factories import PASSWORD, UserFactory
from tracker.enums import AuditAction
from tracker.extensions import db
from tracker.models import AuditEvent

EN = {"Accept-Language": "en"}


def _logged_in(client) -> bool:
    with client.session_transaction() as s:
        return "_user_id" in s


def test_login_page_has_the_promised_fields(client):
    html = client.get("/login").get_data(as_text=True)
    for name in ("username", "password", "csrf_token"):
        assert f'name="{name}"' in html


def test_login_page_is_vietnamese_by_default_and_english_for_english_browsers(client):
    assert "Đăng nhập" in client.get("/login").get_data(as_text=True)
    html = client.get("/login", headers=EN).get_data(as_text=True)
    assert "Log in" in html and "Đăng nhập" not in html


@pytest.mark.parametrize("role", ["liaison", "office", "leadership", "admin"])
def test_each_role_logs_in_and_lands_on_its_home(client, app, login, world, role):
    user = {
        "liaison": world.users.liaison_a,
        "office": world.users.office,
        "leadership": world.users.leadership,
        "admin": world.users.admin,
    }[role]
    response = login(user)
    assert response.headers["Location"] == "/"
    page = client.get("/")
    assert page.status_code == 200
    assert user.full_name in page.get_data(as_text=True)


def test_wrong_password_shows_a_clear_message_and_no_session(client, world):
    response = client.post(
        "/login", data={"username": "liaison_a", "password": "wrong"}, headers=EN
    )
    assert response.status_code == 401
    html = response.get_data(as_text=True)
    assert "The username or password is incorrect." in html
    assert 'value="liaison_a"' in html  # what was typed is kept
    assert "wrong" not in html  # but never the password
    assert not _logged_in(client)


def test_unknown_user_gets_the_same_message(client, world):
    response = client.post("/login", data={"username": "nobody", "password": "x"}, headers=EN)
    assert response.status_code == 401
    assert "The username or password is incorrect." in response.get_data(as_text=True)
    assert not _logged_in(client)


def test_disabled_account_is_told_so(client, world):
    world.users.liaison_a.active = False
    db.session.commit()
    response = client.post(
        "/login", data={"username": "liaison_a", "password": PASSWORD}, headers=EN
    )
    assert response.status_code == 401
    assert "This account has been disabled" in response.get_data(as_text=True)
    assert not _logged_in(client)


def test_empty_form_asks_for_both_fields(client, world):
    response = client.post("/login", data={}, headers=EN)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Enter your username." in html and "Enter your password." in html


def test_username_is_case_insensitive(client, world):
    response = client.post("/login", data={"username": "LIAISON_A", "password": PASSWORD})
    assert response.status_code == 302


def test_long_passwords_are_accepted(client, app):
    from tracker.services.passwords import hash_password

    long_password = "Mật khẩu rất dài " * 5  # 85 characters, with Vietnamese letters
    UserFactory(username="longpw", password_hash=hash_password(long_password))
    db.session.commit()
    response = client.post("/login", data={"username": "longpw", "password": long_password})
    assert response.status_code == 302


def test_missing_csrf_token_is_refused_on_the_login_page(csrf_app, world):
    client = csrf_app.test_client()
    response = client.post(
        "/login", data={"username": "liaison_a", "password": PASSWORD}, headers=EN
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "The login form expired" in html
    assert 'name="username"' in html
    assert not _logged_in(client)


def test_login_with_csrf_token_works(csrf_app, world):
    client = csrf_app.test_client()
    html = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    response = client.post(
        "/login", data={"username": "liaison_a", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "////evil.example",
        "/\\evil.example",
        "https://evil.example",
        "javascript:alert(1)",
        "%2F%2Fevil.example",
        "/%2F/evil.example",
        "http:/evil.example",
        " //evil.example",
    ],
)
def test_next_never_leaves_the_site(client, world, target):
    response = client.post(
        "/login", data={"username": "liaison_a", "password": PASSWORD, "next": target}
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location == "/", location


def test_next_to_a_local_page_is_followed(client, world):
    response = client.post(
        "/login",
        data={"username": "liaison_a", "password": PASSWORD, "next": "/reports?kind=monthly"},
    )
    assert response.headers["Location"] == "/reports?kind=monthly"


def test_next_is_carried_from_the_redirect_to_the_form(client, world):
    response = client.get("/reports")
    assert response.status_code == 302
    form = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'value="/reports"' in form


def test_logout_is_a_post_and_ends_the_session(client, login, world):
    login(world.users.liaison_a)
    assert client.get("/logout").status_code == 405
    assert client.get("/").status_code == 200
    response = client.post("/logout")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_cookie_replayed_after_logout_is_refused(client, app, login, world):
    login(world.users.liaison_a)
    cookie = client.get_cookie("session").value
    client.post("/logout")
    replay = app.test_client()
    replay.set_cookie("session", cookie)
    assert replay.get("/").status_code == 302


def test_cookie_refused_after_the_account_is_disabled(client, login, world):
    login(world.users.liaison_a)
    world.users.liaison_a.active = False
    world.users.liaison_a.end_all_sessions()
    db.session.commit()
    assert client.get("/").status_code == 302


def test_cookie_refused_after_a_password_change_elsewhere(client, app, login, world):
    login(world.users.liaison_a)
    other = app.test_client()
    other.post("/login", data={"username": "liaison_a", "password": PASSWORD})
    response = other.post(
        "/account/password",
        data={"current": PASSWORD, "new": "a new long password", "confirm": "a new long password"},
    )
    assert response.status_code == 302
    assert other.get("/").status_code == 200  # the session that changed it stays in
    assert client.get("/").status_code == 302  # every other session is out


def test_idle_session_expires(client, app, login, world):
    login(world.users.liaison_a)
    with client.session_transaction() as s:
        s["seen_at"] = time.time() - app.config["SESSION_IDLE_MINUTES"] * 60 - 5
    response = client.get("/")
    assert response.status_code == 302
    page = client.get("/login", headers=EN).get_data(as_text=True)
    assert "Your session has expired" in page


def test_absolute_session_lifetime(client, app, login, world):
    login(world.users.liaison_a)
    with client.session_transaction() as s:
        s["login_at"] = time.time() - app.config["SESSION_ABSOLUTE_HOURS"] * 3600 - 5
    assert client.get("/").status_code == 302


def test_cookies_are_httponly_and_lax(client, world):
    response = client.post("/login", data={"username": "liaison_a", "password": PASSWORD})
    header = response.headers["Set-Cookie"]
    assert "HttpOnly" in header and "SameSite=Lax" in header


def test_logins_and_failures_are_audited(client, world):
    first = db.session.scalar(sa.select(sa.func.max(AuditEvent.id)))
    client.post("/login", data={"username": "liaison_a", "password": "bad"})
    client.post("/login", data={"username": "liaison_a", "password": PASSWORD})
    actions = db.session.scalars(
        sa.select(AuditEvent.action)
        .where(AuditEvent.actor_username == "liaison_a", AuditEvent.id > first)
        .order_by(AuditEvent.id)
    ).all()
    assert actions == [AuditAction.LOGIN_FAILED, AuditAction.LOGIN]


def test_password_hash_is_argon2id_with_strong_parameters(app):
    from argon2 import extract_parameters

    from config import ProductionConfig
    from tracker.services.passwords import hash_password

    # The production defaults, read from the config class.

    for key in ("ARGON2_TIME_COST", "ARGON2_MEMORY_COST", "ARGON2_PARALLELISM"):
        app.config[key] = getattr(ProductionConfig, key)
    stored = hash_password("tracker-demo")
    assert stored.startswith("$argon2id$")
    params = extract_parameters(stored)
    assert params.memory_cost >= 19 * 1024 and params.time_cost >= 2


def test_change_password_form_rejects_mismatch_and_wrong_current(client, login, world):
    login(world.users.liaison_a)
    response = client.post(
        "/account/password",
        data={"current": PASSWORD, "new": "a new long password", "confirm": "different"},
    )
    assert response.status_code == 422
    assert "Hai mật khẩu không khớp nhau." in response.get_data(as_text=True)

    response = client.post(
        "/account/password",
        data={"current": "nope", "new": "a new long password", "confirm": "a new long password"},
    )
    assert response.status_code == 422
    assert "Mật khẩu hiện tại không đúng." in response.get_data(as_text=True)

    # Nothing changed: this session goes on, and the old password still logs in.
    assert client.get("/").status_code == 200
    client.post("/logout")
    assert (
        client.post(
            "/login", data={"username": "liaison_a", "password": "a new long password"}
        ).status_code
        == 401
    )
    assert (
        client.post("/login", data={"username": "liaison_a", "password": PASSWORD}).status_code
        == 302
    )

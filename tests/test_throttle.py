"""Failed logins are throttled per account and per address, on the form and the API alike."""

import json
import os
import urllib.error
import urllib.request

import pytest
import redis
import sqlalchemy as sa

from tests.factories import PASSWORD, UserFactory
from tests.live import gunicorn
from tracker import create_app
from tracker.enums import AuditAction
from tracker.extensions import db, limiter
from tracker.models import AuditEvent


@pytest.fixture
def throttle(app):
    """The production limits (5 failures per account, 20 per address, per 15 minutes), with
    counters that start at zero."""
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "5 per 15 minutes"
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "20 per 15 minutes"
    limiter.reset()
    yield
    limiter.reset()


def _form_login(client, username, password, address="192.0.2.10"):
    return client.post(
        "/login",
        data={"username": username, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def _api_login(client, username, password, address="192.0.2.10"):
    return client.post(
        "/api/v1/tokens",
        json={"username": username, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, world, throttle):
    for _ in range(5):
        assert _form_login(client, "liaison_a", "wrong").status_code == 401
    response = _form_login(client, "liaison_a", PASSWORD)
    assert response.status_code == 429
    html = response.get_data(as_text=True)
    assert "Bạn đã đăng nhập sai quá nhiều lần" in html and "thử lại sau" in html
    # The form is shown again, with the name kept, and says how long to wait.
    assert 'value="liaison_a"' in html
    assert 1 <= int(response.headers["Retry-After"]) <= 15 * 60
    # No session was opened.
    assert client.get("/").status_code == 302


def test_the_message_is_english_for_english_users(client, world, throttle):
    for _ in range(5):
        _form_login(client, "liaison_a", "wrong")
    response = client.post(
        "/login",
        data={"username": "liaison_a", "password": PASSWORD},
        headers={"Accept-Language": "en"},
        environ_base={"REMOTE_ADDR": "192.0.2.10"},
    )
    assert response.status_code == 429
    assert "Too many failed login attempts" in response.get_data(as_text=True)


def test_the_account_limit_holds_from_every_address(client, world, throttle):
    for n in range(5):
        _form_login(client, "liaison_a", "wrong", address=f"198.51.100.{n}")
    assert _form_login(client, "Liaison_A", PASSWORD, address="203.0.113.9").status_code == 429
    # Another account is not affected.
    assert _form_login(client, "liaison_b", PASSWORD, address="203.0.113.9").status_code == 302


def test_the_address_limit_holds_across_accounts(client, world, throttle):
    for n in range(20):
        assert _form_login(client, f"nobody{n}", "wrong").status_code == 401
    assert _form_login(client, "liaison_b", PASSWORD).status_code == 429
    # Another address still logs in.
    assert _form_login(client, "liaison_b", PASSWORD, address="192.0.2.99").status_code == 302


def test_successful_logins_do_not_count(client, world, throttle):
    for _ in range(8):
        assert _form_login(client, "liaison_a", PASSWORD).status_code == 302
        client.post("/logout")
    assert _form_login(client, "liaison_a", PASSWORD).status_code == 302


def test_the_api_token_endpoint_shares_the_limit(client, world, throttle):
    for _ in range(3):
        assert _form_login(client, "liaison_a", "wrong").status_code == 401
    for _ in range(2):
        assert _api_login(client, "liaison_a", "wrong").status_code == 401
    refused = _api_login(client, "liaison_a", PASSWORD)
    assert refused.status_code == 429 and refused.mimetype == "application/problem+json"
    assert "thử lại sau" in refused.get_json()["detail"]
    assert int(refused.headers["Retry-After"]) >= 1
    # And the form is closed to that account too.
    assert _form_login(client, "liaison_a", PASSWORD).status_code == 429


def test_a_refused_attempt_checks_no_password_and_writes_no_login(client, world, throttle):
    for _ in range(5):
        _form_login(client, "liaison_a", "wrong")
    before = db.session.scalar(sa.select(sa.func.count(AuditEvent.id)))
    assert _form_login(client, "liaison_a", PASSWORD).status_code == 429
    assert db.session.scalar(sa.select(sa.func.count(AuditEvent.id))) == before
    assert not db.session.scalar(
        sa.select(sa.func.count(AuditEvent.id)).where(AuditEvent.action == AuditAction.LOGIN)
    )


#: Database 11 of the shared Redis: this suite's own, emptied before and after.
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/11")


@pytest.fixture
def redis_db():
    """The shared Redis's database 11, emptied before and after (only that one)."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is not answering at {REDIS_URL} and CI=true")
        pytest.skip(f"!!! Redis is not answering at {REDIS_URL}: SKIPPED (fails under CI=true)")
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


def test_gunicorn_workers_count_failures_together_in_redis(redis_db, tmp_path):
    """Four workers, one Redis: five failures spread over the workers close the account."""

    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    other = create_app("testing", SQLALCHEMY_DATABASE_URI=url, SQLALCHEMY_ENGINE_OPTIONS={})
    with other.app_context():
        db.create_all()
        UserFactory(username="liaison_a")
        db.session.commit()
        db.session.remove()
        db.engine.dispose()

    def attempt(base, password):
        request = urllib.request.Request(
            base + "/api/v1/tokens",
            data=json.dumps({"username": "liaison_a", "password": password}).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code

    with gunicorn(url, tmp_path / "gunicorn.log", workers=4, env={"REDIS_URL": REDIS_URL}) as base:
        # Separate connections: gunicorn hands them to whichever worker is free.
        assert [attempt(base, "wrong") for _ in range(5)] == [401] * 5
        assert attempt(base, PASSWORD) == 429
    assert redis_db.keys("*login-account*")


def test_behind_a_proxy_each_client_address_is_counted_apart(tmp_path):
    """With PROXY_COUNT=1 the address is the client's (X-Forwarded-For), not the proxy's: one
    client's failures do not lock out everyone behind the same proxy."""
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    other = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=url,
        SQLALCHEMY_ENGINE_OPTIONS={},
        PROXY_COUNT=1,
        LOGIN_LIMIT_PER_ADDRESS="3 per 15 minutes",
    )
    with other.app_context():
        db.create_all()
        UserFactory(username="liaison_b")
        db.session.commit()
        limiter.reset()
        client = other.test_client()

        def attempt(username, password, client_address):
            return client.post(
                "/login",
                data={"username": username, "password": password},
                headers={"X-Forwarded-For": client_address},
                environ_base={"REMOTE_ADDR": "10.0.0.1"},  # the proxy
            ).status_code

        assert [attempt(f"nobody{n}", "x", "198.51.100.7") for n in range(3)] == [401] * 3
        assert attempt("liaison_b", PASSWORD, "198.51.100.7") == 429
        assert attempt("liaison_b", PASSWORD, "203.0.113.20") == 302
        limiter.reset()
        db.session.remove()
        db.engine.dispose()

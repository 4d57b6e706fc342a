"""Configuration: production refuses to start unsafely."""

import pytest

from tracker import ConfigurationError, create_app


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="SECRET_KEY"):
        create_app("production")


def test_production_refuses_a_short_secret_key(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "short")
    with pytest.raises(ConfigurationError):
        create_app("production")


def test_production_starts_with_a_secret_key_and_secure_cookies(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "x" * 48)
    app = create_app("production", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'p.db'}")
    assert app.config["SECRET_KEY"] == "x" * 48
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["DEMO_ALLOWED"] is False
    response = app.test_client().get("/healthz")
    assert "max-age" in response.headers["Strict-Transport-Security"]


def test_database_url_for_postgres_uses_psycopg3(monkeypatch):
    from config import _database_url

    monkeypatch.setenv("DATABASE_URL", "postgres://u@h/db")
    assert _database_url("sqlite://") == "postgresql+psycopg://u@h/db"


def test_every_response_has_the_security_headers(client):
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
        assert directive in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]


def test_pages_with_data_are_not_cached(client, login, world):
    login(world.users.office)
    assert client.get(f"/reports/{world.reports['a'].id}").headers["Cache-Control"] == "no-store"


def test_no_external_asset_is_referenced(client, login, world):
    """Offices work on closed networks: every script and stylesheet is served by the app."""
    login(world.users.office)
    for path in ("/login", "/", "/reports", "/issues"):
        html = client.get(path).get_data(as_text=True)
        assert "http://" not in html.replace('xmlns="http://', "")
        assert "https://" not in html, path

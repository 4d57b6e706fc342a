"""Fixtures: the app (SQLite in memory, or PostgreSQL when TEST_DATABASE_URL is set), a
client, a CLI runner, a login helper and factories. Every test starts from empty tables."""

import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask.testing import FlaskClient
from sqlalchemy.pool import StaticPool

from tests import factories
from tracker import ROOT, create_app
from tracker.extensions import db
from tracker.models.audit import APPEND_ONLY_TRIGGER_NAMES, APPEND_ONLY_TRIGGERS

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")
ON_POSTGRES = TEST_DATABASE_URL.startswith("postgres")
PASSWORD = factories.PASSWORD


def compile_catalogs() -> None:
    """Build the .mo files from the .po catalogs when they are missing or older, so that plain
    ``pytest`` on a fresh clone sees the translations (``make`` does the same with pybabel)."""
    for po_path in (ROOT / "tracker" / "translations").glob("*/LC_MESSAGES/messages.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with open(po_path, "rb") as fh:
            catalog = read_po(fh, locale=po_path.parent.parent.name)
        tmp = Path(f"{mo_path}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            write_mo(fh, catalog)
        tmp.replace(mo_path)


def pytest_configure(config):
    compile_catalogs()


def _engine_options() -> dict:
    if ON_POSTGRES:
        return {}  # connections are pinged after a pause (tracker.pool), as in production
    # One shared in-memory database for every connection of the test run.
    return {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}


class FreshContextClient(FlaskClient):
    """Each request runs in its own application context, as in production: a fresh ``g``
    (no logged-in user carried over) and a fresh database session. The test's own session
    is expired afterwards so it reads what the request wrote."""

    def open(self, *args, **kwargs):
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        db.session.expire_all()
        return response


@pytest.fixture(scope="session")
def _app():
    app = create_app(
        "testing",
        SQLALCHEMY_ENGINE_OPTIONS=_engine_options(),
        UPLOAD_FOLDER=os.environ.get("PYTEST_UPLOADS", "/tmp/tracker-test-uploads"),
    )
    app.test_client_class = FreshContextClient
    with app.app_context():
        if ON_POSTGRES:
            db.drop_all()
            with db.engine.begin() as conn:
                conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        if ON_POSTGRES:
            db.drop_all()
        db.engine.dispose()


def _empty_tables() -> None:
    db.session.rollback()
    tables = [t.name for t in db.metadata.sorted_tables]
    with db.engine.begin() as conn:
        if ON_POSTGRES:
            quoted = ", ".join(f'"{name}"' for name in tables)
            conn.execute(sa.text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
        else:
            # The audit trail refuses DELETE (a trigger): lift it for the clean-up only.
            for trigger in APPEND_ONLY_TRIGGER_NAMES["sqlite"]:
                conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {trigger}"))
            for name in reversed(tables):
                conn.execute(sa.text(f'DELETE FROM "{name}"'))
            for statement in APPEND_ONLY_TRIGGERS["sqlite"]:
                conn.execute(sa.text(statement))


@pytest.fixture
def app(_app):
    """The app with an application context and empty tables; config changes are undone."""
    saved = dict(_app.config)
    with _app.app_context():
        _empty_tables()
        yield _app
        db.session.remove()
    _app.config.clear()
    _app.config.update(saved)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def csrf_app(app):
    """The same app with CSRF protection on, as in production."""
    app.config["WTF_CSRF_ENABLED"] = True
    return app


class Login:
    """Logs a test client in as a user (through the real login form)."""

    def __init__(self, client):
        self.client = client

    def __call__(self, user, password: str = PASSWORD):
        response = self.client.post(
            "/login", data={"username": user.username, "password": password}
        )
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return response


@pytest.fixture
def login(client):
    return Login(client)


@pytest.fixture
def world(app):
    """Two departments with a liaison each, the Office with staff, leadership and an admin."""
    return factories.make_world()

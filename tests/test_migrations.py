"""The migrations: one head, and `flask db upgrade` on an empty database gives exactly the
schema the models describe (on SQLite, and on PostgreSQL when the suite runs there)."""

import os
import uuid

import flask_migrate
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from tracker import ROOT, create_app
from tracker.extensions import db
from tracker.services import database

PG_URL = os.environ.get("TEST_DATABASE_URL", "")


@pytest.fixture
def empty_database_url(tmp_path):
    """A brand-new empty database of the kind the suite runs on."""
    if not PG_URL.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'migrations.db'}"
        return
    name = f"tracker_mig_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield sa.make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _app_for(url):
    return create_app("testing", SQLALCHEMY_DATABASE_URI=url, SQLALCHEMY_ENGINE_OPTIONS={})


def test_there_is_exactly_one_head():
    from alembic.config import Config

    config = Config(str(ROOT / "migrations" / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, heads


def test_upgrade_gives_exactly_the_models_schema(empty_database_url):
    app = _app_for(empty_database_url)
    with app.app_context():
        flask_migrate.upgrade()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "compare_server_default": False}
            )
            diff = compare_metadata(context, db.metadata)
            tables = set(sa.inspect(conn).get_table_names())
        db.engine.dispose()
    assert diff == []
    assert tables == set(db.metadata.tables) | {"alembic_version"}


def test_a_new_database_counts_as_empty_after_the_migrations(empty_database_url):
    """`make run` seeds the demo only into an empty database: no migration may add rows."""
    app = _app_for(empty_database_url)
    with app.app_context():
        flask_migrate.upgrade()
        assert database.is_empty()
        db.session.remove()
        db.engine.dispose()


def test_downgrade_to_base_and_up_again(empty_database_url):
    app = _app_for(empty_database_url)
    with app.app_context():
        flask_migrate.upgrade()
        flask_migrate.downgrade(revision="base")
        with db.engine.connect() as conn:
            assert set(sa.inspect(conn).get_table_names()) <= {"alembic_version"}
        flask_migrate.upgrade()
        with db.engine.connect() as conn:
            assert "report_version" in sa.inspect(conn).get_table_names()
        db.engine.dispose()

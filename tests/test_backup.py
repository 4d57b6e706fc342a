"""`flask backup` while writers are running, `flask restore` into a fresh instance: the row
counts, a checksum of a canonical export and the attached files' hashes all match, on SQLite
and on PostgreSQL."""

import hashlib
import io
import json
import tarfile
import threading
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests import factories
from tests.conftest import ON_POSTGRES, TEST_DATABASE_URL
from tracker import create_app
from tracker.enums import AuditAction
from tracker.extensions import db
from tracker.models import Agreement, Attachment, AuditEvent, FigureStamp
from tracker.services import attachments, audit, backup

DATABASES = ["sqlite"] + (["postgresql"] if ON_POSTGRES else [])
#: The tables the writers add to while the backup runs.
WRITTEN = {AuditEvent.__tablename__, Attachment.__tablename__}


def _app(url: str, uploads: Path):
    return create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=url,
        SQLALCHEMY_ENGINE_OPTIONS={},
        UPLOAD_FOLDER=str(uploads),
    )


def _flask(app, *args: str):
    """``flask --app tracker ARGS`` against ``app`` (in its own application context: the
    test's app context must not be the one the command sees)."""
    with app.app_context():
        return app.test_cli_runner().invoke(args=list(args))


@pytest.fixture(params=DATABASES)
def instances(request, app, tmp_path):
    """(source, fresh target): the source holds the world and its files; the target is an
    empty database of the same kind with an empty upload folder."""
    if request.param == "sqlite":
        source = _app(f"sqlite:///{tmp_path / 'source.db'}", tmp_path / "source-uploads")
        with source.app_context():
            db.create_all()
            factories.make_world()
            db.session.remove()
        target = _app(f"sqlite:///{tmp_path / 'target.db'}", tmp_path / "target-uploads")
        yield source, target
        for each in (source, target):
            with each.app_context():
                db.engine.dispose()
        return
    # The suite's own PostgreSQL database is the source; a new database the target.
    app.config["UPLOAD_FOLDER"] = str(tmp_path / "source-uploads")
    factories.make_world()
    db.session.remove()
    name = f"tracker_restore_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.make_url(TEST_DATABASE_URL).set(database=name).render_as_string(hide_password=False)
    target = _app(url, tmp_path / "target-uploads")
    try:
        yield app, target
    finally:
        with target.app_context():
            db.engine.dispose()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


class Writers:
    """A thread that keeps adding audit rows and attached files until stopped."""

    def __init__(self, app):
        self.app = app
        self.written = 0
        self.stop = threading.Event()
        self.progress = threading.Condition()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            with self.app.app_context():
                agreement_id = db.session.scalar(sa.select(Agreement.id).limit(1))
                while not self.stop.is_set():
                    n = self.written
                    audit.record(None, AuditAction.UPDATE, detail=f"writer {n}")
                    if n % 3 == 0:
                        agreement = db.session.get(Agreement, agreement_id)
                        data = factories.TINY_PDF + f"% {n}\n".encode()
                        attachments.store(None, agreement, factories.upload(f"tep-{n}.pdf", data))
                    db.session.commit()
                    with self.progress:
                        self.written += 1
                        self.progress.notify_all()
                db.session.remove()
        except BaseException as error:  # reported by the test
            self.error = error
            with self.progress:
                self.progress.notify_all()

    def wait_for(self, count: int) -> None:
        with self.progress:
            self.progress.wait_for(lambda: self.written >= count or self.error is not None)
        assert self.error is None, self.error

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        assert self.error is None, self.error


def _rows(app) -> dict[str, list[tuple]]:
    """Every row of every table, by primary key, as text."""
    with app.app_context(), db.engine.connect() as conn:
        out = {}
        for table in db.metadata.sorted_tables:
            rows = conn.execute(sa.select(table).order_by(*table.primary_key.columns))
            out[table.name] = [tuple(str(v) for v in row) for row in rows]
        return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_backup_taken_while_writers_run_restores_exactly(instances, tmp_path):
    source, target = instances
    archive = tmp_path / "tracker.backup"
    with Writers(source) as writers:
        writers.wait_for(6)
        before = writers.written
        result = _flask(source, "backup", str(archive))
        assert result.exit_code == 0, result.output
        writers.wait_for(writers.written + 6)  # and the writers went on after it
    assert "Backup written" in result.output

    restored = _flask(target, "restore", str(archive))
    assert restored.exit_code == 0, restored.output
    assert "Restored and verified" in restored.output

    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
    live, back = _rows(source), _rows(target)
    # Row counts: the restored database has what the manifest says, table by table.
    assert {name: len(rows) for name, rows in back.items()} == manifest["tables"]
    # The writers' tables: a prefix of the source (taken mid-way, while they ran).
    with target.app_context():
        writes_in_backup = db.session.scalar(
            sa.select(sa.func.count(AuditEvent.id)).where(AuditEvent.detail.like("writer %"))
        )
        db.session.remove()
    assert before <= writes_in_backup < writers.written
    for name, rows in live.items():
        if name in WRITTEN:
            assert back[name] == rows[: len(back[name])], name
        elif name == FigureStamp.__tablename__:
            # Every write changes its topic's stamp: the same topics, the tokens of the moment.
            assert [row[0] for row in back[name]] == [row[0] for row in rows], name
        else:
            assert back[name] == rows, name
    # The checksum of the canonical export of the restored database is the backup's.
    with target.app_context(), db.engine.connect() as conn:
        assert backup.canonical_export(conn)[1] == manifest["checksum"]
    # Every attached file is back, byte for byte.
    with target.app_context():
        stored = db.session.execute(sa.select(Attachment.stored_name, Attachment.sha256)).all()
        assert len(stored) == len(manifest["files"]) > 2
        for name, sha in stored:
            restored_file = attachments.folder() / name[:2] / name
            assert _sha256(restored_file) == sha == manifest["files"][name]
        db.session.remove()
    with source.app_context():
        for name, sha in manifest["files"].items():
            assert _sha256(attachments.folder() / name[:2] / name) == sha


def test_restore_refuses_a_database_that_has_data(instances, tmp_path):
    source, _target = instances
    archive = tmp_path / "tracker.backup"
    assert _flask(source, "backup", str(archive)).exit_code == 0
    before = _rows(source)
    result = _flask(source, "restore", str(archive))
    assert result.exit_code != 0 and "not empty" in result.output
    assert _rows(source) == before


def test_a_damaged_archive_is_refused(instances, tmp_path):
    source, target = instances
    archive = tmp_path / "tracker.backup"
    assert _flask(source, "backup", str(archive)).exit_code == 0
    damaged = tmp_path / "damaged.backup"
    with tarfile.open(archive) as tar, tarfile.open(damaged, "w") as out:
        for member in tar.getmembers():
            data = tar.extractfile(member).read()
            if member.name.startswith("uploads/"):
                data = data.replace(b"%PDF", b"%PDX")
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))
    result = _flask(target, "restore", str(damaged))
    assert result.exit_code != 0 and "damaged" in result.output

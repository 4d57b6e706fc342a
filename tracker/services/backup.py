"""Backup and restore: the database and the attached files together, in one archive.

``backup(path)`` writes a tar archive holding:

- ``database.sqlite`` (SQLite's online backup API: a consistent copy while the app writes) or
  ``database.dump`` (``pg_dump -Fc``, run on a snapshot exported by a repeatable-read
  transaction);
- ``uploads/…``: every file that an attachment row of that copy points at (files are written
  before their row and never changed, so every row's file is there);
- ``manifest.json``: the rows per table, a SHA-256 of a canonical export of every row, and the
  SHA-256 of each file, all computed from the copy itself (the SQLite file; the PostgreSQL
  snapshot), never from the live database that writers keep changing.

``restore(path)`` puts the database and the files into an empty instance, then checks the
result against the manifest: the row counts, the canonical checksum and each file's hash. Any
difference is an error, never a silent partial restore.
"""

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from tracker.extensions import db
from tracker.models import Attachment
from tracker.models.base import utcnow
from tracker.services import database

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite"
PG_FILE = "database.dump"
UPLOADS = "uploads"
_STORED_NAME = re.compile(r"^[0-9a-f]{32}$")


class BackupError(RuntimeError):
    """The backup or the restore could not be done, or did not check out."""


@dataclass
class Summary:
    path: Path
    tables: dict[str, int]
    checksum: str
    files: int

    def describe(self) -> str:
        rows = sum(self.tables.values())
        return (
            f"{self.path}: {rows} rows in {len(self.tables)} tables, {self.files} file(s), "
            f"checksum {self.checksum[:16]}…"
        )


# -- the canonical export ----------------------------------------------------------------------


def _plain(value):
    """A JSON-safe value that is the same whichever way the row was read."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    if hasattr(value, "value"):  # an enum
        return value.value
    return value


def canonical_export(conn: sa.Connection) -> tuple[dict[str, int], str]:
    """(rows per table, SHA-256 of every row of every table in a fixed order)."""
    digest = hashlib.sha256()
    counts = {}
    for table in sorted(db.metadata.sorted_tables, key=lambda t: t.name):
        order = list(table.primary_key.columns) or list(table.columns)
        count = 0
        for row in conn.execute(sa.select(table).order_by(*order)):
            line = json.dumps(
                [table.name, [_plain(v) for v in row]], sort_keys=True, ensure_ascii=False
            )
            digest.update(line.encode() + b"\n")
            count += 1
        counts[table.name] = count
    return counts, digest.hexdigest()


def _stored_names(conn: sa.Connection) -> list[str]:
    return list(conn.scalars(sa.select(Attachment.stored_name).order_by(Attachment.stored_name)))


def _upload_path(stored_name: str) -> Path:
    if not _STORED_NAME.match(stored_name):
        raise BackupError(f"unexpected stored file name {stored_name!r}")
    return Path(current_app.config["UPLOAD_FOLDER"]) / stored_name[:2] / stored_name


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- backup ------------------------------------------------------------------------------------


def _libpq(url: sa.URL) -> tuple[str, dict[str, str]]:
    """The URL for pg_dump and pg_restore, and the environment carrying the password."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return url.set(drivername="postgresql", password=None).render_as_string(False), env


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:2000]}")


def _snapshot_sqlite(work: Path) -> tuple[Path, dict[str, int], str, list[str]]:
    target = work / SQLITE_FILE
    source = db.engine.raw_connection()
    try:
        copy = sqlite3.connect(target)
        try:
            source.driver_connection.backup(copy)  # one step: a consistent copy
        finally:
            copy.close()
    finally:
        source.close()
    engine = sa.create_engine(f"sqlite:///{target}")
    try:
        with engine.connect() as conn:
            counts, checksum = canonical_export(conn)
            names = _stored_names(conn)
    finally:
        engine.dispose()
    return target, counts, checksum, names


def _snapshot_postgresql(work: Path) -> tuple[Path, dict[str, int], str, list[str]]:
    target = work / PG_FILE
    url, env = _libpq(db.engine.url)
    with db.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            # pg_dump reads the very snapshot this transaction reads (and counts) from.
            snapshot = conn.scalar(sa.text("SELECT pg_export_snapshot()"))
            counts, checksum = canonical_export(conn)
            names = _stored_names(conn)
            _run(
                ["pg_dump", "--format=custom", "--no-owner", f"--snapshot={snapshot}"]
                + ["--file", str(target), url],
                env,
            )
    return target, counts, checksum, names


def backup(path: str | os.PathLike) -> Summary:
    """Write the archive (see the module's docstring). Safe while the app is running."""
    path = Path(path)
    db.session.remove()
    dialect = db.engine.dialect.name
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if dialect == "sqlite":
            dump, counts, checksum, names = _snapshot_sqlite(work)
        elif dialect == "postgresql":
            dump, counts, checksum, names = _snapshot_postgresql(work)
        else:
            raise BackupError(f"no backup for the {dialect} database")
        files = {}
        for name in names:
            source = _upload_path(name)
            if not source.is_file():
                raise BackupError(f"the attached file {name} is missing from the upload folder")
            files[name] = _sha256(source)
        manifest = {
            "format": FORMAT,
            "created_at": utcnow().isoformat(),
            "dialect": dialect,
            "database": dump.name,
            "tables": counts,
            "checksum": checksum,
            "files": files,
        }
        partial = path.with_name(path.name + ".part")
        with tarfile.open(partial, "w") as archive:
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=dump.name)
            for name in names:
                archive.add(_upload_path(name), arcname=f"{UPLOADS}/{name[:2]}/{name}")
        partial.replace(path)
    return Summary(path, counts, checksum, len(files))


# -- restore -----------------------------------------------------------------------------------


def read_manifest(archive: tarfile.TarFile) -> dict:
    member = archive.getmember(MANIFEST)
    manifest = json.loads(archive.extractfile(member).read())
    if manifest.get("format") != FORMAT:
        raise BackupError("this archive was not written by this version's backup")
    return manifest


def _restore_sqlite(dump: Path) -> None:
    target = db.engine.raw_connection()
    try:
        source = sqlite3.connect(dump)
        try:
            source.backup(target.driver_connection)
        finally:
            source.close()
    finally:
        target.close()


def _restore_postgresql(dump: Path) -> None:
    url, env = _libpq(db.engine.url)
    _run(["pg_restore", "--no-owner", "--exit-on-error", "--dbname", url, str(dump)], env)


def _is_empty() -> bool:
    tables = set(sa.inspect(db.engine).get_table_names()) - {"alembic_version"}
    if not tables:
        return True
    return database.is_empty()


def _drop_everything() -> None:
    """Empty PostgreSQL for pg_restore (SQLite's backup API replaces the whole file)."""
    db.session.remove()
    db.metadata.drop_all(db.engine)
    with db.engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
        conn.execute(sa.text("DROP FUNCTION IF EXISTS audit_event_append_only()"))


def restore(path: str | os.PathLike, *, replace: bool = False) -> Summary:
    """Restore the archive into this instance's database and upload folder, then check the
    result against its manifest. The database must be empty unless ``replace``.

    Raises BackupError when the archive does not fit this database, or when what was restored
    does not match the manifest."""
    path = Path(path)
    db.session.remove()
    with tarfile.open(path, "r") as archive:
        manifest = read_manifest(archive)
        dialect = db.engine.dialect.name
        if manifest["dialect"] != dialect:
            raise BackupError(
                f"the archive holds a {manifest['dialect']} database; this one is {dialect}"
            )
        if not replace and not _is_empty():
            raise BackupError("the database is not empty: restore into a fresh instance")
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            dump = work / manifest["database"]
            with open(dump, "wb") as out:
                shutil.copyfileobj(archive.extractfile(manifest["database"]), out)
            if dialect == "sqlite":
                _restore_sqlite(dump)
            else:
                _drop_everything()
                _restore_postgresql(dump)
        db.engine.dispose()
        for name, expected in manifest["files"].items():
            member = archive.extractfile(f"{UPLOADS}/{name[:2]}/{name}")
            target = _upload_path(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".part")
            with open(partial, "wb") as out:
                shutil.copyfileobj(member, out)
            if _sha256(partial) != expected:
                partial.unlink()
                raise BackupError(f"the file {name} in the archive is damaged")
            partial.replace(target)
    with db.engine.connect() as conn:
        counts, checksum = canonical_export(conn)
    if counts != manifest["tables"] or checksum != manifest["checksum"]:
        raise BackupError("the restored database does not match the backup's manifest")
    return Summary(path, counts, checksum, len(manifest["files"]))

"""SQLite under concurrent writers (several gunicorn workers on one database file).

Every connection gets, when it is opened:

- ``journal_mode=WAL``: readers never wait for the writer, and the writer never waits for
  readers;
- ``busy_timeout``: a writer that finds the database locked waits for its turn (up to
  ``SQLITE_BUSY_TIMEOUT_MS``) instead of failing with "database is locked";
- transactions that begin with ``BEGIN IMMEDIATE``, just before their first write (reads
  before it run outside a transaction, as Python's sqlite3 driver always does): the write lock
  is taken at the start, where ``busy_timeout`` applies, never half-way through a transaction
  that already read (where SQLite cannot wait and answers "database is locked" at once).

PostgreSQL needs none of this. ``tests/test_concurrency.py`` fires 50 simultaneous report
submissions through gunicorn with 4 workers at both databases.
"""

import sqlite3

import sqlalchemy as sa
from flask import Flask


def _on_connect(timeout_ms: int):
    def configure(dbapi_connection, _record) -> None:
        if not isinstance(dbapi_connection, sqlite3.Connection):
            return
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            # Durable at each checkpoint; the usual companion of WAL.
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()
        # The driver begins a transaction just before the first INSERT, UPDATE or DELETE:
        # make it take the write lock there (BEGIN IMMEDIATE).
        dbapi_connection.isolation_level = "IMMEDIATE"

    return configure


def configure(engine: sa.Engine, timeout_ms: int) -> None:
    """Set the pragmas on every new connection of ``engine`` when it is SQLite."""
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _on_connect(timeout_ms))


def init_app(app: Flask, engine: sa.Engine) -> None:
    configure(engine, app.config["SQLITE_BUSY_TIMEOUT_MS"])

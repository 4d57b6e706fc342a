"""Connections that may have died are tested before use; busy ones are not.

SQLAlchemy's ``pool_pre_ping`` sends a ``SELECT 1`` each time a request takes a connection
from the pool: one more round trip to the database on every request. A connection is only at
risk after it sat unused (a database restarted at night, a firewall that drops idle
connections), so here a connection is pinged when it has been idle for ``DB_PING_IDLE_SECONDS``
or more, and used at once otherwise. A ping that fails makes the pool throw the connection
away and open a new one (SQLAlchemy's ``DisconnectionError``), so the request still succeeds.
A connection that dies between two quick requests is caught as before: the error invalidates
the pool, and the next request gets fresh connections.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from flask import Flask
from sqlalchemy.orm import Session

_LAST_USED = "tracker_last_checkin"


def configure(engine: sa.Engine, idle_seconds: float) -> None:
    """Ping ``engine``'s connections taken after ``idle_seconds`` without use."""

    def checkout(dbapi_connection, record, _proxy) -> None:
        last = record.info.get(_LAST_USED)
        if last is not None and time.monotonic() - last < idle_seconds:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # noqa: BLE001 - any failure means: not usable
            raise sa.exc.DisconnectionError(str(exc)) from exc
        if alive is False:
            raise sa.exc.DisconnectionError("the connection did not answer a ping")

    def checkin(_dbapi_connection, record) -> None:
        if record is not None:
            record.info[_LAST_USED] = time.monotonic()

    sa.event.listen(engine, "checkout", checkout)
    sa.event.listen(engine, "checkin", checkin)


def init_app(app: Flask, engine: sa.Engine) -> None:
    if engine.dialect.name != "sqlite":  # a file needs no ping
        configure(engine, app.config["DB_PING_IDLE_SECONDS"])


@contextmanager
def before_the_transaction(session: Session) -> Iterator[None]:
    """Run the request's first reads (the signed-in user) before its transaction begins.

    On PostgreSQL a transaction costs two round trips of its own (BEGIN, then COMMIT or
    ROLLBACK). Under READ COMMITTED, the isolation the app uses, each statement sees the data
    committed when it starts, in a transaction or not; so a read made before the transaction
    sees what it would have seen inside it, and a request that only reads that (a kept page)
    needs no transaction at all. The transaction begins, as before, with the next statement.
    Elsewhere (SQLite, a transaction already begun), the reads run as usual."""
    connection = session.connection()
    dbapi = connection.connection.dbapi_connection
    idle = False
    if connection.dialect.name == "postgresql" and dbapi is not None:
        from psycopg.pq import TransactionStatus

        idle = not dbapi.autocommit and dbapi.info.transaction_status == TransactionStatus.IDLE
    if not idle:
        yield
        return
    dbapi.autocommit = True
    try:
        yield
    finally:
        dbapi.autocommit = False

"""Expensive figures computed once and reused until something they depend on changes.

``compliance.expected_reports`` walks every agency, kind and period since 2017 and reads every
report row; a summary counts tens of thousands of issues five ways. At national scale that is
most of a page's time. Each answer depends only on its arguments and the tables of its topic
(``TOPICS``). Every flush that adds, changes or deletes a row of those tables (and every ORM
bulk statement on them) writes a fresh random token to the topic's row of ``figure_stamp``,
in the same transaction; a cached answer is used only under the token it was computed under,
which is read before the figures are. So:

- a figure is never stale: once a write commits, every instance (any number of gunicorn
  workers on any number of machines, one PostgreSQL) sees the new token on its next request
  and computes afresh;
- the cache itself is per process and bounded (``SIZE`` answers, least recently used out);
  only the token is shared, through the database, so there is nothing else to deploy.

Writes that bypass the ORM (raw SQL) must call ``invalidate()``; none in the app do.

Whole pages (``tracker.web.page_cache``) depend on every table: they are used only under the
tokens of every topic at once (the audit trail's only for the pages that show it), and the
``OTHER`` topic takes every table that no other topic names (a table added later joins it by
itself). A few columns are bookkeeping that no page
shows (``QUIET``: when a user last logged in, when a token was last used): a write that changes
only those leaves the stamps alone, so that logging in does not throw every page away.

On PostgreSQL, the first write of a transaction that changes a stamp locks every stamp row, in
the order of their ids, before it changes any: two transactions that write different topics
in different orders then wait for each other instead of deadlocking.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import sqlalchemy as sa
from flask import g, has_request_context
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from tracker.extensions import db
from tracker.models import (
    Agency,
    AgencySuccession,
    Agreement,
    AgreementParty,
    ApiToken,
    AuditEvent,
    FigureStamp,
    Holiday,
    Issue,
    Report,
    Setting,
    Term,
    User,
)

#: Each topic's row in figure_stamp, and the tables its figures are computed from.
REPORTS, ISSUES, OTHER, AUDIT = 1, 2, 3, 4
_NAMED: dict[int, tuple[type, ...]] = {
    # Expected reports and their timeliness.
    REPORTS: (Agency, Agreement, AgreementParty, Holiday, Report, Setting, Term),
    # Issue counts (who sees what follows the agencies and their successions; overdue follows
    # the response-deadline settings).
    ISSUES: (Issue, Agency, AgencySuccession, Setting),
    # The audit trail: every login writes to it, and only the administrator's pages show it.
    AUDIT: (AuditEvent,),
}


def _every_other_model() -> tuple[type, ...]:
    named = {model for models in _NAMED.values() for model in models}
    return tuple(
        sorted(
            (
                mapper.class_
                for mapper in db.Model.registry.mappers
                if mapper.class_ not in named and mapper.class_ is not FigureStamp
            ),
            key=lambda model: model.__tablename__,
        )
    )


TOPICS: dict[int, tuple[type, ...]] = {**_NAMED, OTHER: _every_other_model()}
TOPIC_TABLES = {
    topic: frozenset(model.__tablename__ for model in models) for topic, models in _NAMED.items()
}
# Association tables (a report's linked issues…) have no class of their own.
TOPIC_TABLES[OTHER] = frozenset(
    name
    for name in db.metadata.tables
    if name != FigureStamp.__tablename__ and not any(name in t for t in TOPIC_TABLES.values())
)
#: Columns no page or figure shows: a write that changes only these changes no stamp.
QUIET: dict[type, frozenset[str]] = {
    User: frozenset({"last_login_at", "version_id"}),
    ApiToken: frozenset({"last_used_at"}),
}
#: How many answers each process keeps (a national office home's is a few MB).
SIZE = 48

_lock = threading.Lock()
_store: OrderedDict[tuple, Any] = OrderedDict()
#: Counters for tests and the benchmark: (hits, misses).
stats = {"hits": 0, "misses": 0}


def current_token(topic: int = REPORTS) -> str | None:
    """The topic's stamp now in the database (None when there is none: nothing is cached)."""
    found = tokens((topic,))
    return found[0] if found else None


#: What a whole page depends on: every table, the audit trail aside unless it shows it.
PAGE_TOPICS = tuple(sorted(t for t in TOPICS if t != AUDIT))


def stamp_columns() -> list:
    """Every topic's stamp as columns to read along with another row (the signed-in user's:
    ``tracker.security``), in topic order."""
    table = FigureStamp.__table__
    return [
        sa.select(table.c.token)
        .where(table.c.id == topic)
        .scalar_subquery()
        .label(f"stamp_{topic}")
        for topic in sorted(TOPICS)
    ]


def remember_stamps(values) -> None:
    """Keep for this request the stamps read by ``stamp_columns``: ``tokens()`` answers from
    them until the request writes a stamp."""
    if has_request_context():
        g.figure_stamps = dict(zip(sorted(TOPICS), values, strict=True))


def tokens(topics=PAGE_TOPICS) -> tuple[str, ...] | None:
    """The stamps of several topics (None while one has none yet): those read with the
    signed-in user when the request has written none since, otherwise in one statement."""
    known = g.get("figure_stamps") if has_request_context() else None
    if known is not None:
        if any(known.get(topic) is None for topic in topics):
            return None
        return tuple(known[topic] for topic in topics)
    table = FigureStamp.__table__  # a plain Core read: every kept page asks it first
    rows = dict(
        db.session.connection()
        .execute(sa.select(table.c.id, table.c.token).where(table.c.id.in_(topics)))
        .all()
    )
    if any(topic not in rows for topic in topics):
        return None
    return tuple(rows[topic] for topic in topics)


def cached(name: str, key: Hashable, compute: Callable[[], Any], topic: int = REPORTS) -> Any:
    """``compute()``, or the answer it gave for the same ``name`` and ``key`` under the
    topic's current stamp. Callers must not mutate the answer (cache immutable values)."""
    token = current_token(topic)
    if token is None:
        return compute()
    full = (name, key, token)
    with _lock:
        if full in _store:
            _store.move_to_end(full)
            stats["hits"] += 1
            return _store[full]
    value = compute()
    with _lock:
        stats["misses"] += 1
        _store[full] = value
        while len(_store) > SIZE:
            _store.popitem(last=False)
    return value


def clear() -> None:
    """Forget every cached answer in this process (tests)."""
    with _lock:
        _store.clear()


def invalidate(
    connection: sa.Connection | None = None, topics=tuple(TOPICS), session: Session | None = None
) -> None:
    """Write fresh stamps in the current transaction: the topics' cached figures are then
    unused."""
    # The session itself, not the scoped proxy: its transaction marks the stamps as locked.
    session = session if session is not None else db.session()
    conn = connection if connection is not None else session.connection()
    table = FigureStamp.__table__
    if has_request_context():
        g.pop("figure_stamps", None)  # read before this write: no longer the stamps
    _lock_stamps(session, conn)
    for topic in sorted(topics):
        token = secrets.token_hex(16)
        conn.execute(sa.update(table).where(table.c.id == topic).values(token=token))


def _lock_stamps(session: Session, conn: sa.Connection) -> None:
    """Once per transaction: lock every stamp row in id order (PostgreSQL; SQLite has one
    writer at a time), and write the rows of the topics that have none yet, so that every
    topic has a stamp from the first write on."""
    transaction = session.get_transaction()
    if transaction is not None and session.info.get("figure_stamps_locked") is transaction:
        return
    table = FigureStamp.__table__
    present = sa.select(table.c.id).order_by(table.c.id)
    if conn.dialect.name == "postgresql":
        present = present.with_for_update()
    missing = set(TOPICS) - set(conn.execute(present).scalars())
    if missing:
        # Two first writers may both find a row missing: the second one's insert is a no-op.
        insert = (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(table)
        for topic in sorted(missing):
            conn.execute(
                insert.values(id=topic, token=secrets.token_hex(16)).on_conflict_do_nothing()
            )
    if transaction is not None:
        session.info["figure_stamps_locked"] = transaction


def _changes_something_shown(session: Session, obj) -> bool:
    quiet = QUIET.get(type(obj))
    if not quiet or obj in session.new or obj in session.deleted:
        return True
    state = sa.inspect(obj)
    return any(attr.history.has_changes() for attr in state.attrs if attr.key not in quiet)


def _after_flush(session: Session, flush_context) -> None:
    # In after_flush the new/dirty/deleted collections, and each attribute's history, still
    # hold what was just written.
    written = [
        o
        for o in (*session.new, *session.dirty, *session.deleted)
        if _changes_something_shown(session, o)
    ]
    topics = [t for t, models in TOPICS.items() if any(isinstance(o, models) for o in written)]
    if topics:
        invalidate(topics=topics, session=session)


def _orm_execute(state) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    if name is None:
        return
    topics = [t for t, tables in TOPIC_TABLES.items() if name in tables]
    if topics:
        invalidate(topics=topics, session=state.session)


def init_app(app) -> None:
    """Listen to the app's session (once: the session object is shared by every app)."""
    if not sa.event.contains(db.session, "after_flush", _after_flush):
        sa.event.listen(db.session, "after_flush", _after_flush)
        sa.event.listen(db.session, "do_orm_execute", _orm_execute)

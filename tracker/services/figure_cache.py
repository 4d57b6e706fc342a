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
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.extensions import db
from tracker.models import (
    Agency,
    AgencySuccession,
    Agreement,
    AgreementParty,
    FigureStamp,
    Holiday,
    Issue,
    Report,
    Setting,
    Term,
)

#: Each topic's row in figure_stamp, and the tables its figures are computed from.
REPORTS, ISSUES = 1, 2
TOPICS: dict[int, tuple[type, ...]] = {
    # Expected reports and their timeliness.
    REPORTS: (Agency, Agreement, AgreementParty, Holiday, Report, Setting, Term),
    # Issue counts (who sees what follows the agencies and their successions; overdue follows
    # the response-deadline settings).
    ISSUES: (Issue, Agency, AgencySuccession, Setting),
}
TOPIC_TABLES = {
    topic: frozenset(model.__tablename__ for model in models) for topic, models in TOPICS.items()
}
#: How many answers each process keeps (a national office home's is a few MB).
SIZE = 48

_lock = threading.Lock()
_store: OrderedDict[tuple, Any] = OrderedDict()
#: Counters for tests and the benchmark: (hits, misses).
stats = {"hits": 0, "misses": 0}


def current_token(topic: int = REPORTS) -> str | None:
    """The topic's stamp now in the database (None when there is none: nothing is cached)."""
    return db.session.scalar(sa.select(FigureStamp.token).where(FigureStamp.id == topic))


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


def invalidate(connection: sa.Connection | None = None, topics=tuple(TOPICS)) -> None:
    """Write fresh stamps in the current transaction: the topics' cached figures are then
    unused."""
    conn = connection if connection is not None else db.session.connection()
    table = FigureStamp.__table__
    for topic in topics:
        token = secrets.token_hex(16)
        done = conn.execute(sa.update(table).where(table.c.id == topic).values(token=token))
        if not done.rowcount:
            conn.execute(sa.insert(table).values(id=topic, token=token))


def _after_flush(session: Session, flush_context) -> None:
    # In after_flush the new/dirty/deleted collections still hold what was just written.
    written = [*session.new, *session.dirty, *session.deleted]
    topics = [t for t, models in TOPICS.items() if any(isinstance(o, models) for o in written)]
    if topics:
        invalidate(session.connection(), topics)


def _orm_execute(state) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    if mapper is None:
        return
    name = mapper.local_table.name
    topics = [t for t, tables in TOPIC_TABLES.items() if name in tables]
    if topics:
        invalidate(state.session.connection(), topics)


def init_app(app) -> None:
    """Listen to the app's session (once: the session object is shared by every app)."""
    if not sa.event.contains(db.session, "after_flush", _after_flush):
        sa.event.listen(db.session, "after_flush", _after_flush)
        sa.event.listen(db.session, "do_orm_execute", _orm_execute)

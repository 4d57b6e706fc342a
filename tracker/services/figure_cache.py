"""Expensive figures computed once and reused until something they depend on changes.

``compliance.expected_reports`` walks every agency, kind and period since 2017 and reads every
report row; at national scale that is most of a home page's time. Its answer depends only on
its arguments, ``today`` and a handful of tables (``WATCHED``). Every flush that adds, changes
or deletes a row of those tables (and every ORM bulk statement on them) writes a fresh random
token to ``figure_stamp``, in the same transaction; a cached answer is used only under the
token it was computed under, which is read before the figures are. So:

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
    Agreement,
    AgreementParty,
    FigureStamp,
    Holiday,
    Report,
    Setting,
    Term,
)

#: What expected reports and their timeliness are computed from.
WATCHED: tuple[type, ...] = (Agency, Agreement, AgreementParty, Holiday, Report, Setting, Term)
WATCHED_TABLES = frozenset(model.__tablename__ for model in WATCHED)
#: How many answers each process keeps (a national office home's is a few MB).
SIZE = 24
STAMP_ID = 1

_lock = threading.Lock()
_store: OrderedDict[tuple, Any] = OrderedDict()
#: Counters for tests and the benchmark: (hits, misses).
stats = {"hits": 0, "misses": 0}


def current_token() -> str | None:
    """The stamp now in the database (None when there is none yet: nothing is cached then)."""
    return db.session.scalar(sa.select(FigureStamp.token).where(FigureStamp.id == STAMP_ID))


def cached(name: str, key: Hashable, compute: Callable[[], Any]) -> Any:
    """``compute()``, or the answer it gave for the same ``name`` and ``key`` under the
    current stamp. The answer must not be mutated by callers (cache immutable values)."""
    token = current_token()
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


def invalidate(connection: sa.Connection | None = None) -> None:
    """Write a fresh stamp in the current transaction: every cached figure is then unused."""
    conn = connection if connection is not None else db.session.connection()
    token = secrets.token_hex(16)
    table = FigureStamp.__table__
    done = conn.execute(sa.update(table).where(table.c.id == STAMP_ID).values(token=token))
    if not done.rowcount:
        conn.execute(sa.insert(table).values(id=STAMP_ID, token=token))


def _watched(objects) -> bool:
    return any(isinstance(obj, WATCHED) for obj in objects)


def _after_flush(session: Session, flush_context) -> None:
    # In after_flush the new/dirty/deleted collections still hold what was just written.
    if _watched(session.new) or _watched(session.deleted) or _watched(session.dirty):
        invalidate(session.connection())


def _orm_execute(state) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    if mapper is not None and mapper.local_table.name in WATCHED_TABLES:
        invalidate(state.session.connection())


def init_app(app) -> None:
    """Listen to the app's session (once: the session object is shared by every app)."""
    if not sa.event.contains(db.session, "after_flush", _after_flush):
        sa.event.listen(db.session, "after_flush", _after_flush)
        sa.event.listen(db.session, "do_orm_execute", _orm_execute)

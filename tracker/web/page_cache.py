"""Whole pages kept after they are rendered, and served again until anything changes.

A page a user opens often (a home, a queue, a record) is a pure function of the database, of
who is looking, of the address (path and query string), of the language and of the day. So it
is kept, per process, under every topic's stamp at once (``figure_cache.tokens``): any
write to any table that a page can show writes a new stamp in the same transaction, and the
next request, on any instance, renders the page afresh. Nothing is ever served stale.

What stays per request, even on a kept page:

- the login, the session's timeouts and the view's permission check run before the cache is
  looked at (the decorator sits under them), so a page is only ever served to whoever may see
  it, and the key holds the user's id: one user's page is never anyone else's;
- the CSRF token: the page is stored cut where the token was, and each answer carries the
  token of the session that asks;
- a page shown with a flashed message (after a form) is neither served from nor put in the
  cache: the message belongs to that one answer.

Only views that write nothing on GET may use it (a kept page skips the view). The store is
bounded by its size (``PAGE_CACHE_MB`` per process; 0 turns it off), least recently used out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from flask import Response, current_app, g, make_response, request, session
from flask_babel import get_locale
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from tracker.services import calendar, figure_cache

#: Answers worth keeping.
KEPT_TYPES = ("text/html", "application/json")

_lock = threading.Lock()
_store: OrderedDict[tuple, _Page] = OrderedDict()
_size = 0
#: Counters for tests and the benchmark.
stats = {"hits": 0, "misses": 0}


@dataclass(frozen=True)
class _Page:
    #: The encoded body, cut where the CSRF token goes (one part when it has none).
    parts: tuple[bytes, ...]
    status: int
    mimetype: str

    @property
    def size(self) -> int:
        return sum(len(part) for part in self.parts) + 200


@dataclass(frozen=True)
class Kept:
    pages: int
    size: int


def kept() -> Kept:
    """How many pages this process keeps, and their size in bytes."""
    with _lock:
        return Kept(len(_store), _size)


def clear() -> None:
    """Forget every kept page of this process (tests)."""
    global _size
    with _lock:
        _store.clear()
        _size = 0


def _get(key: tuple) -> _Page | None:
    with _lock:
        page = _store.get(key)
        if page is not None:
            _store.move_to_end(key)
        return page


def _entry_size(key: tuple, page: _Page) -> int:
    return page.size + len(key[1])  # the address counts too: it is the user's to make long


def _put(key: tuple, page: _Page) -> None:
    global _size
    budget = current_app.config["PAGE_CACHE_MB"] * 1024 * 1024
    size = _entry_size(key, page)
    if size > budget // 8:
        return
    with _lock:
        old = _store.pop(key, None)
        if old is not None:
            _size -= _entry_size(key, old)
        _store[key] = page
        _size += size
        while _size > budget and _store:
            dropped_key, dropped = _store.popitem(last=False)
            _size -= _entry_size(dropped_key, dropped)


def _usable() -> bool:
    return (
        request.method == "GET"
        and current_app.config["PAGE_CACHE_MB"] > 0
        and current_user.is_authenticated
        and "_flashes" not in session
    )


def _key() -> tuple:
    return (
        request.endpoint,
        request.full_path,
        current_user.id,
        str(get_locale()),
        calendar.today_local(),
    )


def _answer(page: _Page) -> Response:
    body = generate_csrf().encode().join(page.parts) if len(page.parts) > 1 else page.parts[0]
    return Response(body, status=page.status, mimetype=page.mimetype)


def serve(produce: Callable[[], Response], shows_audit: bool = False) -> Response:
    """The kept answer for this request, or ``produce()``'s, kept when it may be. A page that
    shows the audit trail says so (``shows_audit``): it also changes with every login."""
    if not _usable():
        return produce()
    topics = figure_cache.PAGE_TOPICS
    if shows_audit:
        topics = (*topics, figure_cache.AUDIT)
    tokens = figure_cache.tokens(topics)  # read before anything the page shows
    if tokens is None:
        return produce()
    key = (*_key(), tokens)
    page = _get(key)
    if page is not None:
        stats["hits"] += 1
        return _answer(page)
    stats["misses"] += 1
    response = produce()
    _keep(key, response)
    return response


def cached_page(
    view: Callable | None = None, *, shows_audit: Callable[[], bool] | None = None
) -> Callable:
    """Keep the view's answer (see the module); put it under the route and permission
    decorators. ``shows_audit()`` tells, per request, whether the page shows the audit trail
    (the administrator's home does)."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args, **kwargs):
            return serve(
                lambda: make_response(view(*args, **kwargs)),
                shows_audit=bool(shows_audit and shows_audit()),
            )

        return wrapper

    return decorate(view) if view is not None else decorate


def _keep(key: tuple, response: Response) -> None:
    if not (
        response.status_code == 200
        and response.mimetype in KEPT_TYPES
        and not response.direct_passthrough
        and not response.headers.get("Set-Cookie")
        and "_flashes" not in session
    ):
        return
    body = response.get_data()
    token = g.get("csrf_token")
    parts = tuple(body.split(token.encode())) if token else (body,)
    _put(key, _Page(parts, 200, response.mimetype))

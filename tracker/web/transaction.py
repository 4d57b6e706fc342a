"""One commit per request, in one place (as indico's ``RH.process`` does).

A view loads, authorizes, validates and calls services; services flush and audit but never
commit. When the request is answered, this module ends its transaction:

- a response below 400 commits whatever the request wrote;
- an error response (a form shown again with its errors, a 403, a 404, a 500) or an exception
  rolls everything back, so a half-done change never persists.

Security events (a denied request, a failed login) must outlive that rollback: the audit
service queues them on the request and this module writes them afterwards, in their own
transaction. Nothing else in the web layer commits.
"""

import logging

import sqlalchemy as sa
from flask import Flask, Response, g
from flask_login import current_user

from tracker.extensions import db
from tracker.services import audit

log = logging.getLogger(__name__)


def _mark_written(session, flush_context) -> None:
    session.info["wrote"] = True


def _has_writes() -> bool:
    session = db.session
    return bool(session.info.get("wrote") or session.new or session.dirty or session.deleted)


def end_transaction(response: Response) -> Response:
    """Commit the request's work when it succeeded, roll it back otherwise; then record the
    queued security events."""
    try:
        if response.status_code < 400 and _has_writes():
            db.session.commit()
        else:
            db.session.rollback()
    finally:
        db.session.info.pop("wrote", None)
    _write_security_events()
    return response


def rollback() -> None:
    """Undo what the request wrote so far, when a view shows a form again with its errors.

    A rollback expires every object of the session, the signed-in user included; the next
    query that meets the user's row (a report's author, say) would load it again under that
    query's loader options, ``raiseload("*")`` among them, and the page header asking for the
    user's agency would then fail. So the user and their agency are read back at once."""
    db.session.rollback()
    user = current_user._get_current_object() if current_user else None
    if user is not None and getattr(user, "is_authenticated", False) and user in db.session:
        db.session.refresh(user)
        db.session.refresh(user, ["agency"])


def _write_security_events() -> None:
    events = g.pop("security_events", None)
    if not events:
        return
    try:
        audit.write_queued(events)
        db.session.commit()
    except sa.exc.SQLAlchemyError:
        db.session.rollback()
        log.exception("could not record %d security event(s)", len(events))


def init_app(app: Flask) -> None:
    sa.event.listen(db.session, "after_flush", _mark_written)

    @app.before_request
    def _start() -> None:
        db.session.info.pop("wrote", None)

    # Registered first so that it runs last, after every other after_request hook.
    app.after_request_funcs.setdefault(None, []).insert(0, end_transaction)

    @app.teardown_request
    def _rollback_on_error(exc) -> None:
        if exc is not None:
            db.session.rollback()

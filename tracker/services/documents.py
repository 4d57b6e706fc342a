"""Bloc documents: the Office's guidance and plans (hướng dẫn, kế hoạch), which every agency
of the bloc may read."""

from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload, raiseload, selectinload

from tracker.enums import AuditAction, DocumentKind
from tracker.extensions import db
from tracker.models import BlocDocument
from tracker.services import attachments, calendar
from tracker.services.audit import record, snapshot
from tracker.services.validation import clean_date, clean_enum, clean_text, require

FIELDS = ("kind", "number", "title", "issued_on", "summary")


def list_query(kind: DocumentKind | None = None) -> sa.Select:
    stmt = sa.select(BlocDocument).options(selectinload(BlocDocument.attachments), raiseload("*"))
    if kind is not None:
        stmt = stmt.where(BlocDocument.kind == kind)
    return stmt.order_by(BlocDocument.issued_on.desc(), BlocDocument.id.desc())


def detail_query(document_id: int) -> sa.Select:
    return (
        sa.select(BlocDocument)
        .where(BlocDocument.id == document_id)
        .options(
            selectinload(BlocDocument.attachments),
            joinedload(BlocDocument.posted_by),
            raiseload("*"),
        )
    )


def post(actor, *, upload=None, **values) -> BlocDocument:
    """Post a document for the whole bloc, with its file when there is one.

    Raises ValidationError: a missing title or date, a date in the future, a bad file."""
    kind = clean_enum(DocumentKind, values.get("kind"), "kind")
    title = clean_text(values.get("title"), "title", required=True, max_length=300)
    number = clean_text(values.get("number"), "number", required=False, max_length=60)
    issued_on: date = clean_date(values.get("issued_on"), "issued_on")
    require(
        issued_on <= calendar.today_local(),
        _("The date of issue cannot be in the future."),
        "issued_on",
    )
    summary = clean_text(
        values.get("summary"), "summary", required=False, max_length=5000, multiline=True
    )
    document = BlocDocument(
        kind=kind,
        title=title,
        number=number,
        issued_on=issued_on,
        summary=summary,
        posted_by_id=getattr(actor, "id", None),
    )
    db.session.add(document)
    db.session.flush()
    if upload is not None and getattr(upload, "filename", ""):
        attachments.store(actor, document, upload, kinds=attachments.ALLOWED)
    record(actor, AuditAction.CREATE, document, after=snapshot(document, FIELDS))
    return document

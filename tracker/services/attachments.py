"""Uploaded files: checked by what they contain, stored under a random name outside
``static/``, and handed out only through an authorization-checked route.

What is accepted (the allow-list), by content, never by the name or the browser's word:

- PDF, without JavaScript, launch actions or embedded files;
- PNG and JPEG images;
- Word (DOCX) and Excel (XLSX) documents, without macros and not a "zip bomb".

The name the user gave is kept, readable (Vietnamese included), for the download; it must
agree with the content and must not hide another type ("x.pdf.exe", "x.php.pdf").
"""

import hashlib
import os
import re
import secrets
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.orm.attributes import set_committed_value

from tracker.enums import AuditAction
from tracker.extensions import db
from tracker.models import Attachment
from tracker.models.attachment import OWNERS
from tracker.services.audit import record
from tracker.services.errors import ValidationError
from tracker.text import has_forbidden_characters

#: A file larger than this is refused with a message (the request itself is capped by
#: MAX_CONTENT_LENGTH, which answers 413).
MAX_FILE_BYTES = 15 * 1024 * 1024
MAX_NAME_LENGTH = 200
#: An Office document may unpack to at most this, and at most this many times its size.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 100

#: Extensions that must never appear in a name, even inside it (x.php.pdf).
DANGEROUS_EXTENSIONS = {
    "exe", "com", "bat", "cmd", "scr", "msi", "dll", "js", "vbs", "jar", "ps1", "sh", "php",
    "phtml", "py", "pl", "cgi", "asp", "aspx", "jsp", "html", "htm", "svg", "xhtml", "hta",
}  # fmt: skip
#: PDF names that run or carry something.
PDF_ACTIVE = (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile", b"/RichMedia", b"/XFA")
_PDF_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)


@dataclass(frozen=True)
class Kind:
    content_type: str
    extensions: tuple[str, ...]
    label: str


PDF = Kind("application/pdf", ("pdf",), "PDF")
PNG = Kind("image/png", ("png",), "PNG")
JPEG = Kind("image/jpeg", ("jpg", "jpeg"), "JPEG")
DOCX = Kind(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ("docx",), "Word"
)
XLSX = Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx",), "Excel")
ALLOWED = (PDF, PNG, JPEG, DOCX, XLSX)
#: For a signed agreement or a scan: a document or its picture.
SCANS = (PDF, PNG, JPEG)


def accepted_extensions(kinds=ALLOWED) -> str:
    """For the file input's ``accept`` attribute."""
    return ",".join(f".{e}" for k in kinds for e in k.extensions)


def _refuse(message: str) -> ValidationError:
    return ValidationError(message, "file")


def clean_name(raw: str) -> str:
    """The user's file name, checked: no folders, no control characters, not too long, no
    dangerous extension hidden inside. Raises ValidationError."""
    name = unicodedata.normalize("NFC", raw or "").strip()
    if not name:
        raise _refuse(_("The file has no name."))
    if "/" in name or "\\" in name or name in (".", ".."):
        raise _refuse(_("The file name must not contain folders."))
    if has_forbidden_characters(name) or "%00" in name.lower():
        raise _refuse(_("The file name contains characters that are not allowed."))
    if len(name) > MAX_NAME_LENGTH:
        raise _refuse(
            _("The file name is too long (at most %(max)d characters).", max=MAX_NAME_LENGTH)
        )
    parts = name.lower().split(".")
    if len(parts) < 2 or not parts[-1]:
        raise _refuse(_("The file name has no extension (such as .pdf)."))
    if any(part in DANGEROUS_EXTENSIONS for part in parts[1:]):
        raise _refuse(_("This kind of file is not accepted."))
    return name


def _pdf_is_passive(data: bytes) -> bool:
    """No active content in the file's text nor in its compressed streams."""
    if any(marker in data for marker in PDF_ACTIVE):
        return False
    for stream in _PDF_STREAM.findall(data):
        try:
            inflated = zlib.decompressobj().decompress(stream, MAX_UNPACKED_BYTES)
        except zlib.error:
            continue
        if any(marker in inflated for marker in PDF_ACTIVE):
            return False
    return True


def _office_kind(data: bytes) -> Kind | None:
    """DOCX or XLSX when the zip is one, safe to open (no macros, no bomb); else None."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    names = {e.filename for e in entries}
    if "[Content_Types].xml" not in names:
        return None
    unpacked = sum(e.file_size for e in entries)
    if unpacked > MAX_UNPACKED_BYTES or unpacked > MAX_RATIO * max(len(data), 1):
        return None
    if any(
        e.filename.startswith(("/", "..")) or ".." in e.filename.split("/") for e in entries
    ) or any(n.lower().endswith("vbaproject.bin") for n in names):
        return None
    if any(n.startswith("word/") for n in names):
        return DOCX
    if any(n.startswith("xl/") for n in names):
        return XLSX
    return None


def detect(data: bytes) -> Kind | None:
    """What the bytes are, among the accepted kinds (None when not one of them)."""
    if data.startswith(b"%PDF-"):
        return PDF if _pdf_is_passive(data) else None
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"PK\x03\x04"):
        return _office_kind(data)
    return None


def check(name: str, data: bytes, kinds=ALLOWED) -> tuple[str, Kind]:
    """The cleaned name and the detected kind of an upload, or ValidationError with a message
    for the user. Nothing is written."""
    name = clean_name(name)
    if not data:
        raise _refuse(_("The file is empty."))
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(
            _(
                "The file is larger than %(size)d MB.",
                size=MAX_FILE_BYTES // (1024 * 1024),
            )
        )
    kind = detect(data)
    if kind is None or kind not in kinds:
        raise _refuse(
            _(
                "This file is not accepted. Send one of: %(kinds)s.",
                kinds=", ".join(k.label for k in kinds),
            )
        )
    if name.lower().rsplit(".", 1)[-1] not in kind.extensions:
        raise _refuse(
            _(
                "The file's name says one type and its content another: it is a %(kind)s.",
                kind=kind.label,
            )
        )
    return name, kind


def folder() -> Path:
    return Path(current_app.config["UPLOAD_FOLDER"])


def path_of(attachment: Attachment) -> Path:
    return folder() / attachment.stored_name[:2] / attachment.stored_name


def store(actor, owner, upload, kinds=ALLOWED) -> Attachment:
    """Check an uploaded file (a Werkzeug ``FileStorage``) and attach it to ``owner`` (an
    agreement, a progress update, a report, a report version, an issue or a bloc document).

    Raises ValidationError when the file is refused; nothing is written then. The file is
    written before the row, under a random name; if the request is rolled back, the orphan
    file is harmless (nothing points at it) and ``orphans()`` finds it."""
    data = upload.read(MAX_FILE_BYTES + 1)
    name, kind = check(upload.filename or "", data, kinds)
    owner_type = owner.__tablename__
    if owner_type not in OWNERS:
        raise TypeError(f"an attachment cannot belong to a {owner_type}")
    stored_name = secrets.token_hex(16)
    target = folder() / stored_name[:2] / stored_name
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(target)
    attachment = Attachment(
        original_name=name,
        stored_name=stored_name,
        content_type=kind.content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by_id=getattr(actor, "id", None),
        **{f"{owner_type}_id": owner.id},
    )
    db.session.add(attachment)
    db.session.flush()
    _keep_collection_current(owner, attachment)
    record(
        actor,
        AuditAction.CREATE,
        attachment,
        after={"owner": f"{owner_type}:{owner.id}", "name": name, "size": len(data)},
    )
    return attachment


def _keep_collection_current(owner, attachment: Attachment) -> None:
    """When the owner's files are already loaded in this request, the new one joins them, so
    the rest of the request (sending the report just saved) sees it. Never triggers a load."""
    loaded = sa.inspect(owner).dict.get("attachments")
    if loaded is not None and attachment not in loaded:
        # As if loaded so: no change to flush, and a frozen owner stays untouched.
        set_committed_value(owner, "attachments", [*loaded, attachment])


def copy_to(actor, attachment: Attachment, owner) -> Attachment:
    """A new attachment of ``owner`` with the same content (an attachment has one owner; a
    report's files are copied to each submitted version)."""
    owner_type = owner.__tablename__
    stored_name = secrets.token_hex(16)
    target = folder() / stored_name[:2] / stored_name
    target.parent.mkdir(parents=True, exist_ok=True)
    data = path_of(attachment).read_bytes()
    target.write_bytes(data)
    copy = Attachment(
        original_name=attachment.original_name,
        stored_name=stored_name,
        content_type=attachment.content_type,
        size=attachment.size,
        sha256=attachment.sha256,
        uploaded_by_id=attachment.uploaded_by_id,
        **{f"{owner_type}_id": owner.id},
    )
    db.session.add(copy)
    db.session.flush()
    return copy


def owner_of(attachment: Attachment):
    """The record an attachment belongs to (for the download's authorization check)."""
    return getattr(attachment, attachment.owner_type)

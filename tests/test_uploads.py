"""Uploads: the hostile corpus of SECURITY.md is refused with a message and nothing written (no
row, no file, no audit entry); a good file is stored under a random name outside ``static/``
and handed out only through the authorization-checked download."""

import io
import zipfile
import zlib
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.factories import TINY_PDF, upload
from tests.pages import forms
from tracker import ROOT
from tracker.extensions import db
from tracker.models import Attachment, AuditEvent, BlocDocument
from tracker.services import attachments

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _docx(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _pdf_with_compressed_javascript() -> bytes:
    stream = zlib.compress(b"<< /S /JavaScript /JS (app.alert(1)) >>")
    return (
        b"%PDF-1.4\n1 0 obj << /Length "
        + str(len(stream)).encode()
        + b" /Filter /FlateDecode >>\nstream\n"
        + stream
        + b"\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )


#: (name, content, content type the browser claims, what the user is told)
CORPUS = {
    "oversize": (
        "bao-cao.pdf",
        TINY_PDF + b"0" * attachments.MAX_FILE_BYTES,
        "application/pdf",
        "Tệp lớn hơn 15 MB",
    ),
    "empty": ("bao-cao.pdf", b"", "application/pdf", "Tệp rỗng"),
    "double extension": ("x.pdf.exe", TINY_PDF, "application/pdf", "Không nhận loại tệp này"),
    "encoded NUL": ("x.php%00.pdf", TINY_PDF, "application/pdf", "ký tự không được phép"),
    "raw NUL": ("x.php\x00.pdf", TINY_PDF, "application/pdf", "ký tự không được phép"),
    "path traversal": ("../../x.pdf", TINY_PDF, "application/pdf", "không được chứa thư mục"),
    "300-character name": ("a" * 296 + ".pdf", TINY_PDF, "application/pdf", "quá dài"),
    "spoofed content type": (
        "ban-ky.pdf",
        b"MZ\x90\x00\x03 a Windows program",
        "application/pdf",
        "Không nhận loại tệp này",
    ),
    "html named pdf": (
        "ban-ky.pdf",
        b"<html><script>alert(1)</script></html>",
        "application/pdf",
        "Không nhận loại tệp này",
    ),
    "png named pdf": ("ban-ky.pdf", PNG, "application/pdf", "PNG"),
    "pdf with javascript": (
        "ban-ky.pdf",
        b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n",
        "application/pdf",
        "Không nhận loại tệp này",
    ),
    "pdf with compressed javascript": (
        "ban-ky.pdf",
        _pdf_with_compressed_javascript(),
        "application/pdf",
        "Không nhận loại tệp này",
    ),
    "pdf with a launch action": (
        "ban-ky.pdf",
        b"%PDF-1.4\n1 0 obj << /OpenAction << /S /Launch /F (cmd.exe) >> >> endobj\n",
        "application/pdf",
        "Không nhận loại tệp này",
    ),
    "zip bomb": (
        "van-ban.docx",
        _docx({"word/document.xml": b"\x00" * (20 * 1024 * 1024)}),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Không nhận loại tệp này",
    ),
    "macro document": (
        "van-ban.docx",
        _docx({"word/document.xml": b"<w/>", "word/vbaProject.bin": b"macro"}),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Không nhận loại tệp này",
    ),
    "svg image": (
        "anh.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "image/svg+xml",
        "Không nhận loại tệp này",
    ),
}


def _files_on_disk(app) -> list[Path]:
    root = Path(app.config["UPLOAD_FOLDER"])
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _state(app) -> tuple:
    db.session.expire_all()
    return (
        db.session.scalar(sa.select(sa.func.count(Attachment.id))),
        db.session.scalar(sa.select(sa.func.count(AuditEvent.id))),
        db.session.scalar(sa.select(sa.func.count(BlocDocument.id))),
        _files_on_disk(app),
    )


def _document_form(client) -> dict[str, str]:
    """The bloc document form as the page offers it, filled in."""
    url = "/documents/new"
    form = next(f for f in forms(client.get(url).get_data(as_text=True), url) if f.method == "POST")
    return form.data(
        kind="guidance", number="15-HD/BTGTU", title="Hướng dẫn thử nghiệm", issued_on="2025-03-03"
    )


@pytest.fixture
def own_uploads(app, tmp_path):
    """An upload folder of this test's own (other test runs may share the default one)."""
    app.config["UPLOAD_FOLDER"] = str(tmp_path / "uploads")
    return app


@pytest.mark.parametrize("case", CORPUS, ids=str)
def test_the_hostile_corpus_is_refused_and_nothing_is_written(
    own_uploads, app, client, login, world, case
):
    name, data, content_type, message = CORPUS[case]
    login(world.users.office)
    fields = _document_form(client)
    before = _state(app)
    response = client.post(
        "/documents/new",
        data={**fields, "file": (io.BytesIO(data), name, content_type)},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422, (case, response.status_code)
    html = response.get_data(as_text=True)
    assert message in html, case
    assert "Hướng dẫn thử nghiệm" in html  # the rest of the form is kept
    assert _state(app) == before, f"{case}: something was written"


@pytest.mark.parametrize("case", CORPUS, ids=str)
def test_the_service_refuses_the_corpus_before_writing(own_uploads, app, world, case):
    name, data, _type, _message = CORPUS[case]
    before = _state(app)
    with pytest.raises(attachments.ValidationError):
        attachments.store(None, world.agreements["a"], upload(name, data))
    db.session.rollback()
    assert _state(app) == before


def test_a_request_larger_than_the_limit_gets_a_clear_413_page(
    own_uploads, app, client, login, world
):
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    login(world.users.office)
    fields = _document_form(client)
    before = _state(app)
    response = client.post(
        "/documents/new",
        data={**fields, "file": (io.BytesIO(TINY_PDF + b"0" * 1_200_000), "lon.pdf")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    html = response.get_data(as_text=True)
    assert "Tệp quá lớn" in html and "1 MB" in html
    assert "Chọn tệp nhỏ hơn" in html
    assert _state(app) == before


def test_a_good_file_keeps_its_vietnamese_name_under_a_random_stored_name(
    own_uploads, app, client, login, world
):
    login(world.users.office)
    fields = _document_form(client)
    response = client.post(
        "/documents/new",
        data={**fields, "file": (io.BytesIO(TINY_PDF), "Hướng dẫn số 15.pdf", "text/html")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    stored = db.session.scalars(sa.select(Attachment).order_by(Attachment.id.desc())).first()
    assert stored.original_name == "Hướng dẫn số 15.pdf"
    # By content, not by the browser's word.
    assert stored.content_type == "application/pdf"
    # A random name, unrelated to the user's, in the upload folder, outside static/.
    assert len(stored.stored_name) == 32 and "Hướng" not in stored.stored_name
    path = attachments.path_of(stored).resolve()
    assert path.is_file() and path.read_bytes() == TINY_PDF
    assert (ROOT / "static").resolve() not in path.parents
    assert client.get(f"/static/{stored.stored_name}").status_code == 404
    # Served by id, as a download, for who may see it.
    download = client.get(f"/attachments/{stored.id}")
    assert download.status_code == 200 and download.data == TINY_PDF
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert "filename*=UTF-8''H%C6%B0%E1%BB%9Bng" in download.headers["Content-Disposition"]
    client.post("/logout")
    assert client.get(f"/attachments/{stored.id}").status_code == 302  # to the login page


def test_another_agencys_file_is_a_404(client, login, world):
    login(world.users.liaison_b)
    assert client.get(f"/attachments/{world.scans['a'].id}").status_code == 404
    assert client.get(f"/attachments/{world.scans['b'].id}").status_code == 200


def test_the_default_upload_folder_is_outside_static():
    from config import Config

    static = (ROOT / "static").resolve()
    folder = Path(Config.UPLOAD_FOLDER).resolve()
    assert static not in folder.parents and folder != static

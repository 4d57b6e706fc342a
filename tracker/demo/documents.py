"""Files: the Office's guidance and plans for the bloc, the signed scan of every signed
agreement, and the reports departments attach to a few progress updates as evidence.

Each file is a one-page PDF generated here (``pdf``), named and headed as the bodies were on
its date (the settings in force that day: ``settings.get_all(on=day)``), stored through the
services that check uploads (``documents.post``, ``agreements.attach_scan``,
``attachments.store``) under the app's ``UPLOAD_FOLDER``. Without a Vietnamese font there are
no files: the documents are posted without one, the agreements have no scan.
"""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO

from werkzeug.datastructures import FileStorage

from tracker.demo import pdf
from tracker.demo.agreements import signed_notes
from tracker.demo.content.agencies import SIGNATORIES
from tracker.demo.content.documents import CLOSING, DOCUMENTS, RECIPIENTS, DocumentSpec
from tracker.demo.context import Context, slug
from tracker.enums import DocumentKind, Metric
from tracker.extensions import db
from tracker.models import Agency, Agreement, Attachment, Commitment, CommitmentUpdate
from tracker.services import agreements as agreement_service
from tracker.services import attachments, documents, settings

KINDS = {DocumentKind.GUIDANCE: ("HD", "HƯỚNG DẪN"), DocumentKind.PLAN: ("KH", "KẾ HOẠCH")}
#: How a figure reads in a department's report.
METRIC_WORDS = {
    Metric.CLASSES_HELD: "Số lớp đã tổ chức",
    Metric.PEOPLE_TRAINED: "Số người được bồi dưỡng, tập huấn",
    Metric.ARTICLES_PUBLISHED: "Số tin, bài đã đăng tải",
    Metric.EVENTS_HELD: "Số hội nghị, hoạt động đã tổ chức",
    Metric.MISSIONS: "Số đoàn, cuộc kiểm tra",
    Metric.OTHER: "Số vấn đề, vụ việc",
}


def upload(name: str, data: bytes) -> FileStorage:
    return FileStorage(stream=BytesIO(data), filename=name, content_type="application/pdf")


def dateline(day: date) -> str:
    """'Kon Tum, ngày 20 tháng 02 năm 2017' (days below 10 and January, February with a 0)."""
    place = settings.get_all(on=day)["province_name"]
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def office_issuer(day: date) -> tuple[str, str]:
    """('TỈNH ỦY KON TUM', 'BAN TUYÊN GIÁO') as the Office's documents were headed that day."""
    names = settings.get_all(on=day)
    office = str(names["office_name"]).removesuffix(" Tỉnh ủy")
    return str(names["party_committee_name"]).upper(), office.upper()


def signing_block(signatory: str, agency: Agency) -> tuple[str, ...]:
    """'Lê Thị Thu Trang - Phó Trưởng Ban ...' → ('K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', name)."""
    name, _, title = signatory.partition(" - ")
    position = title.replace(agency.name_vi, "").strip() or title
    if position.startswith("Phó Trưởng") and not position.startswith("Phó Trưởng Ban"):
        position = "Phó Trưởng Ban" + position.removeprefix("Phó Trưởng")
    if position.startswith("Phó Trưởng Ban"):
        return ("K/T TRƯỞNG BAN", position.upper(), name)
    if position.startswith("Phó Giám đốc"):
        return ("KT. GIÁM ĐỐC", position.upper(), name)
    return (position.upper(), name)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _stored(ctx: Context, attachment: Attachment, by_id: int | None, day: date) -> None:
    """The file was uploaded by someone on a day of the demo, not by the seeding run now."""
    attachment.uploaded_by_id = by_id
    attachment.uploaded_at = min(ctx.office_time(day), ctx.cap)
    ctx.summary.attachments += 1


# -- the bloc's documents -----------------------------------------------------------------------


def seed_documents(ctx: Context) -> None:
    """The Office's guidance and plans issued by yesterday, each with its file."""
    posted = 0
    for spec in DOCUMENTS:
        if spec.issued_on >= ctx.today:
            continue
        office = ctx.office(spec.issued_on)
        code, heading = KINDS[spec.kind]
        number = f"{spec.number:02d}-{code}/{office.code}"
        data = _document_pdf(ctx, spec, number, office) if pdf.font() else None
        name = f"{number.replace('/', '-')}-{slug(spec.title, 60)}.pdf"
        document = documents.post(
            None,
            upload=upload(name, data) if data else None,
            kind=spec.kind,
            number=number,
            title=spec.title,
            issued_on=spec.issued_on,
            summary=spec.summary,
        )
        poster = ctx.office_staff[0]
        posted_on = min(ctx.yesterday, ctx.next_working_day(spec.issued_on + timedelta(days=1)))
        document.posted_by_id = poster.id
        document.created_at = document.updated_at = ctx.office_time(posted_on)
        for attachment in document.attachments if data else ():
            _stored(ctx, attachment, poster.id, posted_on)
        posted += 1
    ctx.summary.documents = posted


def _document_pdf(ctx: Context, spec: DocumentSpec, number: str, office: Agency) -> bytes:
    index = ctx.term_index(spec.issued_on)
    signatory = SIGNATORIES[office.code][index if index is not None else 0] or ""
    closing = tuple(text.format(office=office.name_vi) for text in CLOSING)
    return pdf.render(
        pdf.Page(
            issuers=(office_issuer(spec.issued_on),),
            number=number,
            motto=pdf.PARTY,
            dateline=dateline(spec.issued_on),
            heading=KINDS[spec.kind][1],
            subject=_capital(spec.title.removeprefix("Hướng dẫn ").removeprefix("Kế hoạch ")),
            paragraphs=(spec.summary, *spec.body, *closing),
            signatures=(signing_block(signatory, office),),
            recipients=RECIPIENTS,
        )
    )


# -- the signed scans ---------------------------------------------------------------------------


def seed_scans(ctx: Context) -> None:
    """Every signed agreement's scan, uploaded by the Office a day or two after signing."""
    if not pdf.font():
        return
    for key, agreement in ctx.agreements.items():
        if agreement.signed_on is None:
            continue
        data = _scan_pdf(agreement, ctx.commitments[key], signed_notes(ctx, agreement.signed_on))
        name = f"{agreement.number.replace('/', '-')}-ban-ky.pdf"
        attachment = agreement_service.attach_scan(None, agreement, upload(name, data))
        day = min(ctx.yesterday, ctx.next_working_day(agreement.signed_on + timedelta(days=1)))
        _stored(ctx, attachment, ctx.office_staff[0].id, day)


def _scan_pdf(agreement: Agreement, commitments: list[Commitment], preamble: str) -> bytes:
    day = agreement.signed_on
    names = settings.get_all(on=day)
    lead = next(p for p in agreement.parties if p.agency.is_office)
    partners = [p for p in agreement.parties if not p.agency.is_office]
    province = f"UBND TỈNH {str(names['province_name']).upper()}"
    clauses = [f"{c.position}. {c.title}." for c in sorted(commitments, key=lambda c: c.position)]
    return pdf.render(
        pdf.Page(
            issuers=(
                office_issuer(day),
                *((province, p.agency.name_vi.upper()) for p in partners),
            ),
            number=agreement.number,
            motto=pdf.PARTY,
            dateline=dateline(day),
            heading="CHƯƠNG TRÌNH PHỐI HỢP",
            subject=_capital(agreement.title.removeprefix("Chương trình phối hợp ")),
            paragraphs=(
                *((preamble,) if preamble else ()),
                "Căn cứ chức năng, nhiệm vụ của mỗi bên, hai bên thống nhất các nội dung phối "
                "hợp sau:",
                *clauses,
            ),
            signatures=(
                signing_block(lead.signatory, lead.agency),
                *(signing_block(p.signatory, p.agency) for p in partners),
            ),
        )
    )


# -- evidence --------------------------------------------------------------------------------


def attach_evidence(ctx: Context, update: CommitmentUpdate, code: str, number: int) -> None:
    """A department's short report on a progress update, as the update's evidence file."""
    if not pdf.font():
        return
    day = update.recorded_on
    commitment = update.commitment
    agency = ctx.agencies[code]
    names = settings.get_all(on=day)
    index = ctx.term_index(day)
    signatory = SIGNATORIES[code][index if index is not None else 0] or ""
    report_number = f"{number}/BC-{code}"
    figures = [
        f"- {METRIC_WORDS[f.metric]}: {f.value:,}.".replace(",", ".") for f in update.figures
    ]
    data = pdf.render(
        pdf.Page(
            issuers=((f"UBND TỈNH {str(names['province_name']).upper()}", agency.name_vi.upper()),),
            number=report_number,
            motto=pdf.NATION,
            dateline=dateline(day),
            heading="BÁO CÁO",
            subject=f"Kết quả thực hiện nội dung phối hợp: {commitment.title}",
            paragraphs=(
                update.note,
                *figures,
                f"{agency.name_vi} trân trọng báo cáo {names['office_name']}.",
            ),
            signatures=(signing_block(signatory, agency),),
            recipients=(str(names["office_name"]),),
        )
    )
    name = f"{report_number.replace('/', '-')}-ket-qua-phoi-hop.pdf"
    attachment = attachments.store(None, update, upload(name, data))
    _stored(ctx, attachment, update.author_id, day)
    db.session.flush()

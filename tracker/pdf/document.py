"""The frame of a Party document (Guideline 36-HD/VPTW, 2018): A4; margins top and bottom
20 mm, left 30 mm, right 15 mm; top left the committee and the issuing body, a star and the
number; top right ĐẢNG CỘNG SẢN VIỆT NAM, underlined, then place and date; the kind of
document and its summary, centred; the body; the signature block and the recipients; pages
numbered "x / y", and in the footer when it was made and up to which day its data runs."""

from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from xml.sax.saxutils import escape

from flask_babel import force_locale
from flask_babel import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from tracker.pdf import fonts

TOP = BOTTOM = 20 * mm
LEFT = 30 * mm
RIGHT = 15 * mm


def text(value) -> str:
    """User text made safe for ReportLab's paragraph markup: ``&``, ``<``, ``>`` and every
    tag (``<font color=…>``, ``<para>``, an unclosed one) come out literally; line breaks are
    kept."""
    return escape(str(value or "")).replace("\n", "<br/>")


def styles(family: str) -> dict[str, ParagraphStyle]:
    base = {"fontName": family, "fontSize": 13, "leading": 17}
    return {
        "body": ParagraphStyle(
            "body", **base, alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=4
        ),
        "plain": ParagraphStyle("plain", **base, alignment=TA_LEFT),
        "small": ParagraphStyle("small", fontName=family, fontSize=10, leading=13),
        "cell": ParagraphStyle("cell", fontName=family, fontSize=10, leading=12.5),
        "cellb": ParagraphStyle("cellb", fontName=f"{family}-Bold", fontSize=10, leading=12.5),
        "center": ParagraphStyle("center", **base, alignment=TA_CENTER),
        "centerb": ParagraphStyle(
            "centerb", fontName=f"{family}-Bold", fontSize=13, leading=17, alignment=TA_CENTER
        ),
        "kind": ParagraphStyle(
            "kind",
            fontName=f"{family}-Bold",
            fontSize=15,
            leading=20,
            alignment=TA_CENTER,
            spaceBefore=10,
        ),
        "h1": ParagraphStyle(
            "h1", fontName=f"{family}-Bold", fontSize=13, leading=17, spaceBefore=8, spaceAfter=4
        ),
        "h2": ParagraphStyle(
            "h2",
            fontName=f"{family}-BoldItalic",
            fontSize=13,
            leading=17,
            spaceBefore=6,
            spaceAfter=3,
        ),
        "italic": ParagraphStyle(
            "italic", fontName=f"{family}-Italic", fontSize=13, leading=17, alignment=TA_CENTER
        ),
        "sign": ParagraphStyle(
            "sign", fontName=f"{family}-Bold", fontSize=13, leading=17, alignment=TA_CENTER
        ),
    }


@dataclass
class Header:
    """The document's identity, as Guideline 36 places it."""

    committee: str  # TỈNH ỦY KON TUM
    body: str  # BAN TUYÊN GIÁO (the issuing body)
    number: str  # Số   -BC/BTGTU
    place: str  # Kon Tum
    dated: date
    kind: str  # BÁO CÁO
    summary: str  # the one-line summary (trích yếu)


@dataclass
class Signature:
    capacity: str = ""  # K/T TRƯỞNG BAN
    title: str = ""  # PHÓ TRƯỞNG BAN
    name: str = ""


@dataclass
class Document:
    header: Header
    flowables: list = field(default_factory=list)
    signature: Signature | None = None
    recipients: list[str] = field(default_factory=list)
    meta_title: str = ""
    meta_author: str = ""
    meta_subject: str = ""
    footer: str = ""  # when it was made and up to which day its data runs


class _Underlined(Flowable):
    """ĐẢNG CỘNG SẢN VIỆT NAM with its underline, centred in its column."""

    def __init__(self, words: str, family: str, width: float):
        super().__init__()
        self.words, self.family, self.width, self.height = words, family, width, 8 * mm

    def draw(self):
        face = f"{self.family}-Bold"
        self.canv.setFont(face, 13)
        size = self.canv.stringWidth(self.words, face, 13)
        x = (self.width - size) / 2
        self.canv.drawString(x, 3 * mm, self.words)
        self.canv.setLineWidth(0.6)
        self.canv.line(x, 2 * mm, x + size, 2 * mm)


def _day_words(day: date) -> str:
    return _(
        "day %(day)s month %(month)s year %(year)s",
        day=f"{day.day:02d}",
        month=f"{day.month:02d}",
        year=day.year,
    )


def header_block(header: Header, family: str) -> list:
    """The two columns at the top, then the kind and summary."""
    s = styles(family)
    width = A4[0] - LEFT - RIGHT
    left = [
        Paragraph(text(header.committee.upper()), s["center"]),
        Paragraph(f"<b>{text(header.body.upper())}</b>", s["center"]),
        Paragraph("*", s["center"]),
        # The number is left blank to be written in when the document is registered.
        Paragraph(text(header.number).replace(" ", "&nbsp;"), s["center"]),
    ]
    right = [
        _Underlined(_("COMMUNIST PARTY OF VIETNAM"), family, width * 0.55),
        Paragraph(f"<i>{text(header.place)}, {text(_day_words(header.dated))}</i>", s["center"]),
    ]
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), family),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        table,
        Spacer(1, 6 * mm),
        Paragraph(text(header.kind.upper()), s["kind"]),
        Paragraph(f"<b>{text(header.summary)}</b>", s["center"]),
        Paragraph("-----", s["center"]),
        Spacer(1, 4 * mm),
    ]


def closing_block(document: Document, family: str) -> list:
    """Recipients on the left, the signature on the right."""
    s = styles(family)
    width = A4[0] - LEFT - RIGHT
    heading = _("Recipients:")
    archive = _("File copy.")
    recipients = [Paragraph(f"<b><i>{text(heading)}</i></b>", s["small"])] + [
        Paragraph(f"- {text(r)},", s["small"]) for r in document.recipients
    ]
    recipients.append(Paragraph(f"- {text(archive)}", s["small"]))
    signature = []
    if document.signature is not None:
        sig = document.signature
        signature = [
            Paragraph(text(sig.capacity), s["sign"]),
            Paragraph(text(sig.title), s["sign"]),
            Spacer(1, 22 * mm),
            Paragraph(text(sig.name), s["sign"]),
        ]
    table = Table([[recipients, signature]], colWidths=[width * 0.5, width * 0.5])
    table.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), family), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return [Spacer(1, 8 * mm), KeepTogether(table)]


def simple_table(rows: list[list], widths: list[float], family: str, header_rows: int = 1):
    """A table of figures with a bold header, readable borders; cells are escaped text."""
    s = styles(family)
    data = [
        [
            Paragraph(text(cell), s["cellb"] if index < header_rows else s["cell"])
            if not isinstance(cell, Flowable)
            else cell
            for cell in row
        ]
        for index, row in enumerate(rows)
    ]
    table = Table(data, colWidths=widths, repeatRows=header_rows)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), family),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#eeeeee")),
            ]
        )
    )
    return table


def _numbered_canvas(family: str, footer: str):
    """A canvas that writes "x / y" at the bottom of every page (two passes), the footer, and
    whose initial font is the embedded one (so no other font enters the file)."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = family
            kwargs["initialFontSize"] = 10
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):  # noqa: N802 - ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._stamp(total)
                super().showPage()
            super().save()

        def _stamp(self, total: int):
            self.setFont(family, 9)
            self.drawCentredString(A4[0] / 2, 10 * mm, f"{self._pageNumber} / {total}")
            if footer:
                self.setFont(f"{family}-Italic", 8)
                self.drawString(LEFT, 6 * mm, footer)

    return NumberedCanvas


def build(document: Document) -> bytes:
    """The PDF's bytes, in Vietnamese (an official document reads in Vietnamese whatever the
    reader's interface language). Raises fonts.FontMissingError when no font is found."""
    with force_locale("vi"):
        return _build(document)


def _build(document: Document) -> bytes:
    family = fonts.register()
    out = BytesIO()
    template = SimpleDocTemplate(
        out,
        pagesize=A4,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        title=document.meta_title,
        author=document.meta_author,
        subject=document.meta_subject,
        creator="Coordination tracker",
        initialFontName=family,
        initialFontSize=10,
    )
    story = header_block(document.header, family) + list(document.flowables)
    story += closing_block(document, family)
    template.build(story, canvasmaker=_numbered_canvas(family, document.footer))
    return out.getvalue()

"""One-page PDF files for the demo: the Office's guidance and plans, the signed programmes
("scans"), and a department's report attached as evidence to a progress update.

Laid out the way Party documents are (Guideline 36-HD/VPTW): A4, the issuing body top left
with its number, ``ĐẢNG CỘNG SẢN VIỆT NAM`` (or the national motto, for a state department)
top right with the place and date, the kind of document and its subject centred, the text,
the signatures, and the recipients. Vietnamese needs an embedded Unicode TrueType font:
``font()`` registers the first one found (Debian's DejaVu Serif, or Liberation Serif); without
one there is no file at all, never a page of empty boxes.

The output is deterministic (ReportLab's ``invariant`` mode): the same text gives the same
bytes, and they are built once per process.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

#: (regular, bold) font files, the first pair found is used.
FONT_FILES: tuple[tuple[str, str], ...] = (
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
    ),
)
REGULAR, BOLD = "DemoSerif", "DemoSerif-Bold"
WIDTH, HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
TEXT_WIDTH = WIDTH - LEFT - RIGHT
#: The national motto, above a state department's documents.
NATION = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PARTY = ("ĐẢNG CỘNG SẢN VIỆT NAM",)


@functools.cache
def font() -> bool:
    """Register the Vietnamese-capable font; False when none is installed."""
    for regular, bold in FONT_FILES:
        if Path(regular).is_file() and Path(bold).is_file():
            pdfmetrics.registerFont(TTFont(REGULAR, regular))
            pdfmetrics.registerFont(TTFont(BOLD, bold))
            return True
    return False


@dataclass(frozen=True)
class Page:
    """What one page says. ``issuers``: the issuing bodies (one or two), each as lines, the
    last one the body itself (bold); ``motto``: the lines top right; ``signatures``: one
    block of lines per signing body, the last line the signer's name."""

    issuers: tuple[tuple[str, ...], ...]
    number: str
    motto: tuple[str, ...]
    dateline: str
    heading: str
    subject: str
    paragraphs: tuple[str, ...]
    signatures: tuple[tuple[str, ...], ...]
    recipients: tuple[str, ...] = ()


@functools.lru_cache(maxsize=256)
def render(page: Page) -> bytes:
    """The page as a PDF. Call only when ``font()`` is true."""
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1, initialFontName=REGULAR)
    canvas.setTitle(f"{page.heading} {page.number}".strip())
    canvas.setAuthor(page.issuers[0][-1] if page.issuers else "")
    y = HEIGHT - TOP
    y = _header(canvas, page, y)
    y -= 14 * mm
    canvas.setFont(BOLD, 14)
    canvas.drawCentredString(LEFT + TEXT_WIDTH / 2, y, page.heading)
    y -= 6 * mm
    y = _lines(canvas, page.subject, y, BOLD, 12, centred=True)
    middle = LEFT + TEXT_WIDTH / 2
    canvas.line(middle - 15 * mm, y + 2 * mm, middle + 15 * mm, y + 2 * mm)
    y -= 6 * mm
    for paragraph in page.paragraphs:
        if y < BOTTOM + 60 * mm:
            break  # one page: the rest is in the record itself
        y = _lines(canvas, paragraph, y, REGULAR, 12, indent=10 * mm)
        y -= 2 * mm
    _signatures(canvas, page, max(y - 6 * mm, BOTTOM + 45 * mm))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _header(canvas: Canvas, page: Page, y: float) -> float:
    """The issuing body and number (left), the motto and date (right); two issuing bodies
    (a joint programme) side by side, the motto centred below them."""
    party = page.motto == PARTY
    if len(page.issuers) == 1:
        left_x, right_x = LEFT + TEXT_WIDTH * 0.2, LEFT + TEXT_WIDTH * 0.7
        below = _issuer(canvas, page.issuers[0], left_x, y, party)
        canvas.setFont(REGULAR, 12)
        canvas.drawCentredString(left_x, below, f"Số {page.number}")
        right_y = _motto(canvas, page.motto, right_x, y)
        canvas.setFont(REGULAR, 12)
        canvas.drawCentredString(right_x, right_y - 3 * mm, page.dateline)
        return min(below, right_y - 3 * mm)
    centres = [LEFT + TEXT_WIDTH * (i + 0.5) / len(page.issuers) for i in range(len(page.issuers))]
    below = min(
        _issuer(canvas, issuer, x, y, party and i == 0)
        for i, (issuer, x) in enumerate(zip(page.issuers, centres, strict=True))
    )
    canvas.setFont(REGULAR, 12)
    canvas.drawCentredString(LEFT + TEXT_WIDTH / 2, below, f"Số {page.number}")
    right_y = _motto(canvas, page.motto, LEFT + TEXT_WIDTH / 2, below - 8 * mm)
    canvas.setFont(REGULAR, 12)
    canvas.drawCentredString(LEFT + TEXT_WIDTH * 0.7, right_y - 3 * mm, page.dateline)
    return right_y - 3 * mm


def _issuer(canvas: Canvas, lines: tuple[str, ...], x: float, y: float, star: bool) -> float:
    """An issuing body's lines centred on ``x``, the body itself in bold (and the star under
    a Party body); the y below."""
    for position, line in enumerate(lines):
        bold = position == len(lines) - 1
        canvas.setFont(BOLD if bold else REGULAR, 11)
        canvas.drawCentredString(x, y, line)
        y -= 5 * mm
    if star:
        canvas.setFont(REGULAR, 11)
        canvas.drawCentredString(x, y, "*")
        y -= 5 * mm
    return y


def _motto(canvas: Canvas, lines: tuple[str, ...], x: float, y: float) -> float:
    """The motto centred on ``x``, its last line underlined; the y below."""
    for position, line in enumerate(lines):
        size = 11 if position == 0 else 12
        canvas.setFont(BOLD, size)
        canvas.drawCentredString(x, y, line)
        if position == len(lines) - 1:
            half = canvas.stringWidth(line, BOLD, size) / 2
            canvas.line(x - half, y - 1.5 * mm, x + half, y - 1.5 * mm)
        y -= 5 * mm
    return y


def _lines(
    canvas: Canvas,
    text: str,
    y: float,
    font_name: str,
    size: float,
    *,
    centred: bool = False,
    indent: float = 0,
) -> float:
    """Wrapped text from ``y`` down; the first line indented; the y below it."""
    width = TEXT_WIDTH - indent
    lines = simpleSplit(text, font_name, size, width)
    if indent and lines:
        first = simpleSplit(text, font_name, size, width)[0]
        rest = text[len(first) :].strip()
        lines = [first, *simpleSplit(rest, font_name, size, TEXT_WIDTH)] if rest else [first]
    canvas.setFont(font_name, size)
    for position, line in enumerate(lines):
        if centred:
            canvas.drawCentredString(LEFT + TEXT_WIDTH / 2, y, line)
        else:
            canvas.drawString(LEFT + (indent if position == 0 else 0), y, line)
        y -= size * 0.5 * mm
    return y


def _signatures(canvas: Canvas, page: Page, y: float) -> None:
    """The signing blocks (right, or side by side) and the recipients (bottom left)."""
    blocks = page.signatures
    if len(blocks) == 1:
        centres = [LEFT + TEXT_WIDTH * 0.72]
    else:
        centres = [LEFT + TEXT_WIDTH * (i + 0.5) / len(blocks) for i in range(len(blocks))]
    titles = max(len(block) - 1 for block in blocks)
    name_y = y - titles * 5 * mm - 18 * mm  # room for the signature and the seal
    canvas.setFont(BOLD, 12)
    for centre, block in zip(centres, blocks, strict=True):
        for position, line in enumerate(block[:-1]):
            canvas.drawCentredString(centre, y - position * 5 * mm, line)
        canvas.drawCentredString(centre, name_y, block[-1])
    if page.recipients and len(blocks) == 1:
        canvas.setFont(BOLD, 10)
        canvas.drawString(LEFT, y, "Nơi nhận:")
        canvas.setFont(REGULAR, 10)
        line_y = y - 4.5 * mm
        for recipient in page.recipients:
            canvas.drawString(LEFT, line_y, f"- {recipient},")
            line_y -= 4.5 * mm
        canvas.drawString(LEFT, line_y, "- Lưu Văn phòng.")

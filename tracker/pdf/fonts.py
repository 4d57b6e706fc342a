"""The fonts of every PDF: DejaVu Serif (the closest to the guideline's Times), regular, bold,
italic and bold italic, embedded. Debian's ``fonts-dejavu-core`` provides it; elsewhere the
``PDF_FONT_DIR`` setting points to a folder holding the four files.

If no such font is found, the app says so at start-up and refuses to make a PDF, rather than
draw boxes in place of Vietnamese letters."""

import logging
from pathlib import Path

from flask import current_app
from reportlab.graphics import shapes
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

FAMILY = "TrackerSerif"
FILES = {
    FAMILY: "DejaVuSerif.ttf",
    f"{FAMILY}-Bold": "DejaVuSerif-Bold.ttf",
    f"{FAMILY}-Italic": "DejaVuSerif-Italic.ttf",
    f"{FAMILY}-BoldItalic": "DejaVuSerif-BoldItalic.ttf",
}
SEARCH = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    "C:/Windows/Fonts",
)


class FontMissingError(RuntimeError):
    """No font with Vietnamese glyphs could be found."""


def _folders() -> list[Path]:
    configured = current_app.config.get("PDF_FONT_DIR") if current_app else None
    return [Path(p) for p in ([configured] if configured else []) + list(SEARCH)]


def find() -> Path | None:
    """The folder that holds all four font files, or None."""
    for folder in _folders():
        if all((folder / name).is_file() for name in FILES.values()):
            return folder
    return None


def register() -> str:
    """Register the family with ReportLab (once) and return its name.

    Raises FontMissingError when the font files are nowhere to be found."""
    if FAMILY in pdfmetrics.getRegisteredFontNames():
        return FAMILY
    folder = find()
    if folder is None:
        raise FontMissingError(
            "No DejaVu Serif font was found (install fonts-dejavu-core, or set PDF_FONT_DIR to "
            "a folder holding DejaVuSerif.ttf, DejaVuSerif-Bold.ttf, DejaVuSerif-Italic.ttf and "
            "DejaVuSerif-BoldItalic.ttf): PDFs cannot be made."
        )
    for name, file in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, f"{FAMILY}-Bold")
    addMapping(FAMILY, 0, 1, f"{FAMILY}-Italic")
    addMapping(FAMILY, 1, 1, f"{FAMILY}-BoldItalic")
    # A chart's renderer starts every drawing in its default font (Helvetica, which is never
    # embedded): make it ours, so no font outside the family enters a file.
    shapes.STATE_DEFAULTS["fontName"] = FAMILY
    return FAMILY


def check_at_start_up(app) -> None:
    """Log loudly when PDFs cannot be made (the rest of the app works)."""
    with app.app_context():
        if find() is None:
            log.error(
                "No DejaVu Serif font found: PDF summaries and report PDFs are unavailable. "
                "Install fonts-dejavu-core or set PDF_FONT_DIR."
            )

"""Text helpers shared by models and queries."""

import re
import unicodedata


def normalise(text: str) -> str:
    """Fold Vietnamese text for accent-insensitive search: 'Đất đai' → 'dat dai'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(stripped.lower().split())


# Characters no text field of the app accepts: C0 and C1 control characters (NUL among them,
# which PostgreSQL refuses in text), and the bidirectional embedding, override and isolate
# marks, which can make text read differently from what it is ("RTL override" spoofing).
# Tab, line feed and carriage return are kept where a field may span lines.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LINE_BREAKS = frozenset("\t\n\r")


def _forbidden(char: str, multiline: bool) -> bool:
    if multiline and char in _LINE_BREAKS:
        return False
    code = ord(char)
    return code < 32 or 127 <= code < 160 or char in _BIDI_CONTROLS


# The same rule as ``_forbidden``, as one regular expression per mode (a cell of an import is
# checked in one pass rather than character by character).
_FORBIDDEN_RE = {
    False: re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"),
    True: re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"),
}


def has_forbidden_characters(text: str, *, multiline: bool = False) -> bool:
    return _FORBIDDEN_RE[multiline].search(text) is not None


def remove_forbidden_characters(text: str, *, multiline: bool = False) -> str:
    """The text without control characters or bidirectional overrides (see above)."""
    return "".join(c for c in text if not _forbidden(c, multiline))

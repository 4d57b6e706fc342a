"""Vietnamese text written in the legacy 8-bit encodings, read back as Unicode.

Old Word and Excel files typed with the .VnTime (TCVN3, "ABC") or VNI-Times (VNI-Windows)
fonts store Vietnamese letters as Latin-1 bytes: opened today, "Sở Y tế" shows as "Së Y tÕ"
(TCVN3) or "Sôû Y teá" (VNI). ``read_legacy`` tells which reading of a cell is Vietnamese:
the text as it is, or one of the two conversions, by checking every word that has a
non-ASCII letter against the shape of a Vietnamese syllable (at most one tone, a known vowel
cluster). Text that is already Unicode is never converted.

The tables are built from the encodings' definitions:

- TCVN3 (TCVN 5712:1993, VN3): one byte per lower-case letter with its tone; only the plain
  capitals Ă Â Đ Ê Ô Ơ Ư have bytes (toned capitals came from a separate capitals font).
- VNI-Windows: a base letter followed by one byte for its marks (tone, circumflex, breve),
  e.g. "ấ" = "a" + "á"; ơ, ư, đ, the toned i and "ỵ" are single bytes. Capitals take the
  capital form of the mark byte.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# -- TCVN3 ----------------------------------------------------------------------------------

#: TCVN3 byte (as Latin-1 shows it) → letter.
TCVN3 = {
    "µ": "à", "¸": "á", "¶": "ả", "·": "ã", "¹": "ạ",
    "¨": "ă", "»": "ằ", "¾": "ắ", "¼": "ẳ", "½": "ẵ", "Æ": "ặ",
    "©": "â", "Ç": "ầ", "Ê": "ấ", "È": "ẩ", "É": "ẫ", "Ë": "ậ",
    "®": "đ",
    "Ì": "è", "Ð": "é", "Î": "ẻ", "Ï": "ẽ", "Ñ": "ẹ",
    "ª": "ê", "Ò": "ề", "Õ": "ế", "Ó": "ể", "Ô": "ễ", "Ö": "ệ",
    "×": "ì", "Ý": "í", "Ø": "ỉ", "Ü": "ĩ", "Þ": "ị",
    "ß": "ò", "ã": "ó", "á": "ỏ", "â": "õ", "ä": "ọ",
    "«": "ô", "å": "ồ", "è": "ố", "æ": "ổ", "ç": "ỗ", "é": "ộ",
    "¬": "ơ", "ê": "ờ", "í": "ớ", "ë": "ở", "ì": "ỡ", "î": "ợ",
    "ï": "ù", "ó": "ú", "ñ": "ủ", "ò": "ũ", "ô": "ụ",
    "\xad": "ư", "õ": "ừ", "ø": "ứ", "ö": "ử", "÷": "ữ", "ù": "ự",
    "ú": "ỳ", "ý": "ý", "û": "ỷ", "ü": "ỹ", "þ": "ỵ",
    "¡": "Ă", "¢": "Â", "§": "Đ", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư",
}  # fmt: skip
_FROM_TCVN3 = str.maketrans(TCVN3)
#: Vietnamese letters that Latin-1 also has: a TCVN3 byte that is one of these proves nothing.
_LATIN1_VIETNAMESE = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
TCVN3_ONLY = frozenset(TCVN3) - _LATIN1_VIETNAMESE

# -- VNI-Windows ----------------------------------------------------------------------------

_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng
#: The mark byte after a vowel, by tone (lower case; the capital form after a capital).
_VNI_TONE = ("", "ù", "ø", "û", "õ", "ï")
_VNI_CIRCUMFLEX = ("â", "á", "à", "å", "ã", "ä")  # â ấ ầ ẩ ẫ ậ (and ê…, ô…)
_VNI_BREVE = ("ê", "é", "è", "ú", "ü", "ë")  # ă ắ ằ ẳ ẵ ặ
_VNI_I = ("i", "í", "ì", "æ", "ó", "ò")  # i í ì ỉ ĩ ị: single bytes
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ"}
_VNI_Y_DOT = "î"  # ỵ
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"

#: Every Vietnamese letter with a mark (67 lower-case, 67 capitals).
VIETNAMESE_LETTERS: tuple[str, ...] = tuple(
    letter
    for lower in (
        [
            unicodedata.normalize("NFC", base + tone)
            for base in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
            for tone in _TONES
            if base + tone not in ("a", "e", "i", "o", "u", "y")
        ]
        + ["đ"]
    )
    for letter in (lower, lower.upper())
)


def _upper(text: str, capital: bool) -> str:
    return text.upper() if capital else text


def to_vni(letter: str) -> str:
    """One letter as VNI-Windows writes it (a letter of ASCII stays as it is)."""
    capital = letter != letter.lower()
    lower = letter.lower()
    if lower in _VNI_SINGLE:
        return _upper(_VNI_SINGLE[lower], capital)
    parts = unicodedata.normalize("NFD", lower)
    base, marks = parts[0], parts[1:]
    tone = next((_TONES.index(m) for m in marks if m in _TONES[1:]), 0)
    if base == "i":
        return _upper(_VNI_I[tone], capital)
    if base == "y" and tone == 5:
        return _upper(_VNI_Y_DOT, capital)
    if _HORN in marks:
        return _upper(_VNI_SINGLE["ơ" if base == "o" else "ư"] + _VNI_TONE[tone], capital)
    if _CIRCUMFLEX in marks:
        return _upper(base + _VNI_CIRCUMFLEX[tone], capital)
    if _BREVE in marks:
        return _upper(base + _VNI_BREVE[tone], capital)
    return _upper(base + _VNI_TONE[tone], capital)


def encode_vni(text: str) -> str:
    """Unicode Vietnamese as a VNI-Windows font shows it when read as Latin-1 (for tests and
    for writing test files)."""
    return "".join(
        to_vni(c) if c in _VNI_ENCODED else c for c in unicodedata.normalize("NFC", text)
    )


_VNI_ENCODED = frozenset(VIETNAMESE_LETTERS)
#: VNI sequence (one or two characters) → letter.
VNI: dict[str, str] = {to_vni(letter): letter for letter in VIETNAMESE_LETTERS}
# A mark byte's case may differ from its letter's in hand-edited files: "Aù" is "Á" too.
for _seq, _letter in list(VNI.items()):
    if len(_seq) == 2:
        VNI.setdefault(_seq[0] + _seq[1].swapcase(), _letter)
_VNI_MARKS = frozenset(seq[1] for seq in VNI if len(seq) == 2)
VNI_ONLY = (frozenset(c for seq in VNI for c in seq) - _LATIN1_VIETNAMESE) - frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
)


def from_vni(text: str) -> str | None:
    """The text read as VNI-Windows, or None when it cannot be (a mark byte after no vowel)."""
    out = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in VNI:
            out.append(VNI[pair])
            i += 2
            continue
        char = text[i]
        if char in VNI and len(to_vni(VNI[char])) == 1:
            out.append(VNI[char])
        elif char in _VNI_MARKS and char not in _LATIN1_VIETNAMESE:
            return None
        else:
            out.append(char)
        i += 1
    return "".join(out)


def from_tcvn3(text: str) -> str | None:
    """The text converted to Unicode when it shows TCVN3 bytes and no letter only Unicode
    has, else None (no check that the result reads as Vietnamese: see ``read_legacy``)."""
    if not any(c in TCVN3_ONLY for c in text) or any(c in UNICODE_ONLY for c in text):
        return None
    return text.translate(_FROM_TCVN3)


# -- which reading is Vietnamese ------------------------------------------------------------

#: Letters only Unicode Vietnamese has (neither legacy encoding, read as Latin-1, shows them).
UNICODE_ONLY = frozenset("ăđĩũơưĂĐĨŨƠƯ") | frozenset(map(chr, range(0x1EA0, 0x1EFA)))
LEGACY_ONLY = TCVN3_ONLY | VNI_ONLY

_NUCLEI = (
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui "
    "uô uơ uy ưa ưi ưu ươ yê iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu"
).split()
_NUCLEUS = "|".join(sorted(_NUCLEI, key=len, reverse=True))
# Any run of consonants may open a syllable (minority place names: Plông, Kroong), or "gi"
# (giữ: the i belongs to the consonant).
_SYLLABLE = re.compile(rf"^(?:[bcdđfghjklmnpqrstvwxz]*|gi)(?:{_NUCLEUS})(?:ch|ng|nh|[cmnptk])?$")
#: Where a word ends: spaces, digits, ASCII punctuation and typographic marks (no byte of
#: either legacy encoding among them).
_WORD_BREAK = re.compile(r"[\s0-9!-/:-@\[-`{-~\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022]+")


def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _TONES[1:])
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES[1:]))
    return bool(_SYLLABLE.match(bare))


def _unreadable_words(text: str) -> int:
    """How many words with a letter outside ASCII do not read as a Vietnamese syllable."""
    return sum(
        1
        for word in _WORD_BREAK.split(text)
        if word and not word.isascii() and not _is_syllable(word)
    )


@dataclass(frozen=True)
class Reading:
    """A cell's text as it should be read: ``encoding`` names the legacy encoding it was
    converted from ("TCVN3", "VNI"), None when it is kept as it is; ``unreadable`` when it
    shows legacy bytes but reads as Vietnamese neither as it is nor converted."""

    text: str
    encoding: str | None = None
    unreadable: bool = False


def read_legacy(text: str) -> Reading:
    """The reading of ``text`` that is Vietnamese: as it is, from TCVN3 or from VNI."""
    if text.isascii() or any(c in UNICODE_ONLY for c in text):
        return Reading(text)
    bad = _unreadable_words(text)
    if bad == 0:
        return Reading(text)
    best: Reading | None = None
    best_bad = bad
    for encoding, converted in (("TCVN3", text.translate(_FROM_TCVN3)), ("VNI", from_vni(text))):
        if converted is None or converted == text:
            continue
        score = _unreadable_words(converted)
        if score < best_bad:
            best, best_bad = Reading(converted, encoding), score
    if best is not None:
        return best
    if any(c in LEGACY_ONLY for c in text):
        return Reading(text, unreadable=True)
    return Reading(text)

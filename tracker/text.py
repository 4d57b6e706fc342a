"""Text helpers shared by models and queries."""

import unicodedata


def normalise(text: str) -> str:
    """Fold Vietnamese text for accent-insensitive search: 'Đất đai' → 'dat dai'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(stripped.lower().split())

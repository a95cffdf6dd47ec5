"""Turkish-aware folding of the names and words complaint sites show."""

from __future__ import annotations

import unicodedata


def fold(value: str) -> str:
    """Turkish-aware lower case (İ → i, I → ı), NFC, whitespace collapsed."""
    value = unicodedata.normalize("NFC", value).replace("İ", "i").replace("I", "ı")
    return " ".join(value.lower().split())

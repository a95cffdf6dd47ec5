"""A small language guess for texts whose source does not say (Turkish or English)."""

from __future__ import annotations

import re

_TURKISH_LETTERS = re.compile(r"[çğıöşüÇĞİÖŞÜ]")
_TURKISH_WORDS = frozenset({"ve", "bir", "bu", "için", "ile", "da", "de", "olarak", "daha", "çok"})
_ENGLISH_WORDS = frozenset({"the", "and", "of", "to", "in", "is", "for", "that", "with", "on"})


def guess_language(text: str) -> str:
    """'tr' or 'en' from Turkish letters and the commonest function words."""
    sample = text[:4000]
    tokens = sample.lower().split()
    turkish = sum(token in _TURKISH_WORDS for token in tokens)
    english = sum(token in _ENGLISH_WORDS for token in tokens)
    turkish += len(_TURKISH_LETTERS.findall(sample)) // 5
    return "tr" if turkish > english else "en"

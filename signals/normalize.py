"""One normaliser for names and texts alike: Turkish casing, ASCII folding, legal forms.

`fold` keeps the string length so that offsets found in folded text point into the original.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"

# Turkish casing first (İ→i, I→ı), then ASCII folding so that "Tüpraş", "TÜPRAŞ" and
# "Tupras" meet; every mapping is one character to one character.
_TURKISH_UPPER = str.maketrans({"İ": "i", "I": "ı"})
_ASCII = str.maketrans(
    {
        "ı": "i",
        "ğ": "g",
        "ü": "u",
        "ş": "s",
        "ö": "o",
        "ç": "c",
        "â": "a",
        "î": "i",
        "û": "u",
        "é": "e",
        "è": "e",
        "ë": "e",
        "á": "a",
        "à": "a",
        "ä": "a",
        "ó": "o",
        "í": "i",
        "ñ": "n",
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
    }
)
_WORD = re.compile(r"[^\W_]+(?:[&+.][^\W_]+)*|&", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case with Turkish rules and fold to ASCII, keeping the length."""
    lowered = text.translate(_TURKISH_UPPER).lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: go one by one
        lowered = "".join(
            (low if len(low := ch.translate(_TURKISH_UPPER).lower()) == 1 else ch) for ch in text
        )
    return lowered.translate(_ASCII)


@cache
def legal_forms() -> tuple[tuple[str, ...], ...]:
    """Legal-form phrases as folded word tuples, longest first (from data/legal_forms.yml)."""
    raw = yaml.safe_load((DATA / "legal_forms.yml").read_text(encoding="utf-8"))
    forms = {tuple(words(form)) for form in raw["forms"]}
    return tuple(sorted(forms, key=len, reverse=True))


@cache
def generic_words() -> frozenset[str]:
    """Words too common to name a company by themselves (data/generic_words.yml)."""
    raw = yaml.safe_load((DATA / "generic_words.yml").read_text(encoding="utf-8"))
    return frozenset(fold(word) for word in raw["words"])


def words(text: str) -> list[str]:
    """Folded word tokens; dots inside abbreviations are dropped (A.Ş. → as)."""
    return [match.group().replace(".", "") for match in _WORD.finditer(fold(text))]


def strip_legal_forms(tokens: list[str]) -> list[str]:
    """Remove legal-form phrases wherever they occur in a folded token list."""
    forms = legal_forms()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for form in forms:
            if tuple(tokens[i : i + len(form)]) == form:
                i += len(form)
                break
        else:
            out.append(tokens[i])
            i += 1
    # "ve" left dangling between two removed forms ("San. ve Tic.") goes too.
    while out and out[-1] in {"ve", "and", "&"}:
        out.pop()
    return out

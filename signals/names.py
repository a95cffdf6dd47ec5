"""The names a text would use for a company, derived from what the CRM stores."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from wordfreq import zipf_frequency

from signals.normalize import generic_words, strip_legal_forms, words

# Legal-form words that end a CRM name; dropped for the "full" name a text writes.
_TRAILING_FORMS = frozenset(
    {
        "as",
        "ao",
        "tas",
        "sti",
        "ltd",
        "inc",
        "corp",
        "co",
        "llc",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "nv",
        "spa",
        "lp",
        "limited",
        "corporation",
        "incorporated",
        "company",
        "sirketi",
        "ortakligi",
        "anonim",
    }
)
_TICKER = re.compile(r"^[A-Z0-9]{2,6}$")
# Zipf frequency (wordfreq) from which an English word is an ordinary word, not a name.
COMMON_ZIPF = 3.5
RARE_ZIPF = 3.0


@cache
def english_zipf(token: str) -> float:
    """How common a (folded) word is in English, on wordfreq's Zipf scale."""
    return float(zipf_frequency(token, "en"))


def is_common(token: str) -> bool:
    """An ordinary word ("Target", "Koç", "Green"): as a name it needs context."""
    if token in generic_words():
        return True
    return token.isalpha() and english_zipf(token) >= COMMON_ZIPF


@dataclass(frozen=True)
class CompanyName:
    """One searchable name of one company: folded key, origin and how much it proves."""

    key: str
    company_id: int
    origin: str  # legal | alias | short | ticker
    confidence: float
    needs_capital: bool  # only count it where the text writes it capitalised
    weak: bool = False  # an ordinary word: linked only with support (see matching.py)


def derive_names(
    company_id: int, legal_name: str, aliases: list[str], ticker: str | None
) -> list[CompanyName]:
    """Full name, name without legal forms, aliases, a distinctive first word, the ticker."""
    generic = generic_words()
    names: dict[str, CompanyName] = {}

    def add(tokens: list[str], origin: str, confidence: float) -> None:
        if not tokens:
            return
        key = " ".join(tokens)
        if len(key) < 3:
            return
        # A CRM alias is a deliberate name: only the hand-kept generic list weakens it.
        weak = all(token in generic for token in tokens) or (
            len(tokens) == 1 and origin != "alias" and is_common(tokens[0])
        )
        if weak:
            confidence = min(confidence, 0.6)
        name = CompanyName(
            key, company_id, origin, confidence, needs_capital=weak or origin == "short", weak=weak
        )
        if key not in names or names[key].confidence < confidence:
            names[key] = name

    legal_tokens = words(legal_name)
    full = list(legal_tokens)
    while full and full[-1] in _TRAILING_FORMS:
        full.pop()
    add(full, "legal", 0.97)
    core = strip_legal_forms(legal_tokens)
    add(core, "legal", 0.95 if len(core) > 1 else 0.9)
    for alias in aliases:
        alias_tokens = strip_legal_forms(words(alias)) or words(alias)
        add(alias_tokens, "alias", 0.95)
    first = core[0] if core else ""
    if (
        len(core) > 1
        and len(first) >= 4
        and not is_common(first)
        and english_zipf(first) < RARE_ZIPF
    ):
        add(core[:1], "short", 0.8)
    if ticker and _TICKER.match(ticker.strip()):
        add([ticker.strip().lower()], "ticker", 0.9)
        # The bare ticker is only trusted in upper case (see matching.py).
        key = ticker.strip().lower()
        names[key] = CompanyName(key, company_id, "ticker", 0.9, needs_capital=True)
    return list(names.values())

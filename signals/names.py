"""The names a text would use for a company, derived from what the CRM stores."""

from __future__ import annotations

import re
from dataclasses import dataclass

from signals.normalize import generic_words, strip_legal_forms, words

# Legal-form words that end a CRM name; dropped for the "full" name a text writes.
_TRAILING_FORMS = frozenset(
    {"as", "ao", "tas", "sti", "ltd", "inc", "corp", "co", "llc", "plc", "gmbh", "ag", "sa",
     "nv", "spa", "lp", "limited", "corporation", "incorporated", "company", "sirketi",
     "ortakligi", "anonim"}
)
_TICKER = re.compile(r"^[A-Z0-9]{2,6}$")


@dataclass(frozen=True)
class CompanyName:
    """One searchable name of one company: folded key, origin and how much it proves."""

    key: str
    company_id: int
    origin: str  # legal | alias | short | ticker
    confidence: float
    needs_capital: bool  # only count it where the text writes it capitalised


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
        weak = all(token in generic for token in tokens)
        if weak:
            confidence = min(confidence, 0.6)
        name = CompanyName(key, company_id, origin, confidence, needs_capital=weak or origin == "short")
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
    if len(core) > 1 and len(core[0]) >= 4 and core[0] not in generic:
        add(core[:1], "short", 0.8)
    if ticker and _TICKER.match(ticker.strip()):
        add([ticker.strip().lower()], "ticker", 0.9)
        # The bare ticker is only trusted in upper case (see matching.py).
        key = ticker.strip().lower()
        names[key] = CompanyName(key, company_id, "ticker", 0.9, needs_capital=True)
    return list(names.values())

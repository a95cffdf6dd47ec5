"""Linking: one Aho-Corasick pass over folded text finds every portfolio name.

Leftmost-longest matches on word boundaries; a Turkish suffix after an apostrophe
("Tüpraş'ın", "Arçelik’ten") still counts as the name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

import ahocorasick

from signals.names import CompanyName
from signals.normalize import fold

_KEPT = "'&"  # fold() maps ’ ‘ ` ´ to '; & stays for AT&T, Procter & Gamble


@dataclass(frozen=True)
class NameHit:
    """A company named at [start, end) of a text."""

    company_id: int
    start: int
    end: int
    surface: str
    method: str
    confidence: float
    explanation: str


class NameIndex:
    """An automaton over every company name; rebuild it when the portfolio changes."""

    def __init__(self, names: Iterable[CompanyName]) -> None:
        by_key: dict[str, list[CompanyName]] = defaultdict(list)
        for name in names:
            by_key[name.key].append(name)
        self._automaton = ahocorasick.Automaton()
        for key, owners in by_key.items():
            self._automaton.add_word(key, (key, tuple(owners)))
        self.size = len(by_key)
        if self.size:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[NameHit]:
        """Every name in the text that stands as a word (or word + apostrophe suffix)."""
        if not self.size:
            return []
        folded = _word_chars(fold(text))
        hits: list[NameHit] = []
        weak: list[tuple[NameHit, bool]] = []
        for end_index, (key, owners) in self._automaton.iter_long(folded):
            start, end = end_index - len(key) + 1, end_index + 1
            if not _stands_alone(folded, start, end):
                continue
            surface = text[start:end]
            ambiguous = len({owner.company_id for owner in owners}) > 1
            for owner in owners:
                if owner.needs_capital and not _capitalised(surface, owner.origin):
                    continue
                confidence = owner.confidence * (0.5 if ambiguous else 1.0)
                why = f"{owner.origin} name '{key}'"
                if ambiguous:
                    why += f", shared by {len(owners)} companies"
                hit = NameHit(owner.company_id, start, end, surface, owner.origin, confidence, why)
                if owner.weak:
                    weak.append((hit, _legal_form_follows(folded, end)))
                else:
                    hits.append(hit)
        return hits + _supported(weak, {hit.company_id for hit in hits})


_FORM_AFTER = re.compile(r"['\s]*(?:inc|corp|co|ltd|llc|plc|as|a s|holding|group|grubu)\b")


def _legal_form_follows(folded: str, end: int) -> bool:
    return _FORM_AFTER.match(folded, end) is not None


def _supported(weak: list[tuple[NameHit, bool]], strong: set[int]) -> list[NameHit]:
    """An ordinary-word name counts when a legal form follows it, the same company is also
    named by a stronger name, or the text names it (capitalised) more than once."""
    times = Counter(hit.company_id for hit, _ in weak)
    kept = []
    for hit, form_follows in weak:
        if form_follows or hit.company_id in strong or times[hit.company_id] > 1:
            reason = (
                "legal form follows"
                if form_follows
                else "also named in full"
                if hit.company_id in strong
                else "named repeatedly"
            )
            kept.append(replace(hit, explanation=f"{hit.explanation}; ordinary word, {reason}"))
    return kept


def _word_chars(folded: str) -> str:
    """Punctuation other than apostrophes and & becomes a space (length kept)."""
    return "".join(ch if ch.isalnum() or ch in _KEPT else " " for ch in folded)


def _stands_alone(folded: str, start: int, end: int) -> bool:
    if start > 0 and folded[start - 1].isalnum():
        return False
    return end >= len(folded) or not folded[end].isalnum()


def _capitalised(surface: str, origin: str) -> bool:
    if origin == "ticker":
        return surface.isupper()
    return surface[:1].isupper()

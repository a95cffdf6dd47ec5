"""Linking: one Aho-Corasick pass over folded text finds every portfolio name.

Leftmost-longest matches on word boundaries; a Turkish suffix after an apostrophe
("Tüpraş'ın", "Arçelik’ten") still counts as the name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from signals.names import CompanyName
from signals.normalize import fold

_APOSTROPHES = "'"  # fold() maps ’ ‘ ` ´ to '


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
                hits.append(
                    NameHit(owner.company_id, start, end, surface, owner.origin, confidence, why)
                )
        return hits


def _word_chars(folded: str) -> str:
    """Punctuation other than apostrophes becomes a space (length kept)."""
    return "".join(ch if ch.isalnum() or ch in _APOSTROPHES else " " for ch in folded)


def _stands_alone(folded: str, start: int, end: int) -> bool:
    if start > 0 and folded[start - 1].isalnum():
        return False
    return end >= len(folded) or not folded[end].isalnum()


def _capitalised(surface: str, origin: str) -> bool:
    if origin == "ticker":
        return surface.isupper()
    return surface[:1].isupper()

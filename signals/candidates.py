"""Which portfolio companies a record may be: ranked candidates with explainable scores.

A record (a name, and maybe a tax number, ticker and city: from a tender, a patent, a CRM
that asks "do you know this company?") is compared with the companies that share an
identifier, its normalised name, or one of its rarer name words (blocking, so 150,000
companies never mean 150,000 comparisons). Each comparison keeps every feature's value and a
sentence for it, as nomenklatura's and yente's matchers do:

- identifier equality: the same tax number (VKN) or ticker is near-certain; two different
  VKNs are strong evidence of two different companies;
- normalised-name equality (legal forms and company-type words removed, "&"/"and"/"ve" one);
- name similarity (rapidfuzz token-sort ratio of the normalised names, best over the legal
  name and aliases) and token overlap (IDF-weighted: sharing "Aselsan" says more than
  sharing "Enerji");
- city agreement: raises a name-based score a little, a different city lowers it.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from rapidfuzz import fuzz

from signals.identifiers import normalize_ticker, normalize_vkn
from signals.normalize import fold, name_key, words

TAX_SCORE = 0.99
TICKER_SCORE = 0.95
TAX_MISMATCH_PENALTY = 0.3
SAME_CITY_BONUS = 0.05
OTHER_CITY_PENALTY = 0.1
NAME_WEIGHT, OVERLAP_WEIGHT = 0.6, 0.4
# "Anadolu Isuzu" in "Anadolu Isuzu Otomotiv": a CRM short form of the same legal name, or a
# sister company; worth a look, not a certainty.
CONTAINED_SCORE = 0.8
# Same name, but one is the group's holding, REIT, bank or insurer and the other is not:
# sister companies more often than one company entered twice ("Alarko Holding", "Alarko GYO").
SISTER_SCORE = 0.75
_KINDS = frozenset(
    ("holding", "gyo", "bank", "bankasi", "sigorta", "reasurans", "leasing", "faktoring")
)
# A word in more companies' names than this ("Enerji", "İnşaat") picks no candidates.
MAX_POSTINGS = 1000
NAME_CANDIDATES = 30  # companies sharing the most rare-word weight that get compared


class Entry(NamedTuple):
    """A portfolio company as the candidate index knows it."""

    id: int
    crm_id: str
    legal_name: str
    aliases: list[str]
    tax_number: str | None = None
    ticker: str | None = None
    city: str | None = None


@dataclass(frozen=True)
class Query:
    """What is known about the company sought."""

    name: str
    tax_number: str | None = None
    ticker: str | None = None
    city: str | None = None


@dataclass
class Candidate:
    """One company a query may be, with its score, each feature's value and the reasons."""

    entry: Entry
    score: float
    features: dict[str, float | None] = field(default_factory=dict)
    explanation: list[str] = field(default_factory=list)


def _city(value: str | None) -> str | None:
    return " ".join(fold(value).split()) if value and value.strip() else None


class CandidateIndex:
    """Blocking tables over a portfolio: identifiers, normalised names, name words."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[int, Entry] = {}
        self._keys: dict[int, tuple[str, ...]] = {}  # every normalised name of a company
        self._by_tax: dict[str, list[int]] = defaultdict(list)
        self._by_ticker: dict[str, list[int]] = defaultdict(list)
        self._by_key: dict[str, list[int]] = defaultdict(list)
        self._by_word: dict[str, list[int]] = defaultdict(list)
        for entry in entries:
            self.entries[entry.id] = entry
            keys = tuple(
                dict.fromkeys(k for k in map(name_key, [entry.legal_name, *entry.aliases]) if k)
            )
            self._keys[entry.id] = keys
            vkn = normalize_vkn(entry.tax_number or "")
            if vkn:
                self._by_tax[vkn].append(entry.id)
            ticker = normalize_ticker(entry.ticker or "")
            if ticker:
                self._by_ticker[ticker].append(entry.id)
            for key in keys:
                self._by_key[key].append(entry.id)
            for word in {w for key in keys for w in key.split() if w != "&"}:
                self._by_word[word].append(entry.id)
        total = max(len(self.entries), 1)
        self._idf = {w: math.log(1 + total / len(ids)) for w, ids in self._by_word.items()}
        self._unknown_idf = math.log(1 + total)

    def __len__(self) -> int:
        return len(self.entries)

    def blocks(self, query: Query) -> set[int]:
        """Companies worth comparing: same identifier, same normalised name, a rare word."""
        found: set[int] = set()
        vkn = normalize_vkn(query.tax_number or "")
        if vkn:
            found.update(self._by_tax.get(vkn, ()))
        ticker = normalize_ticker(query.ticker or "")
        if ticker:
            found.update(self._by_ticker.get(ticker, ()))
        key = name_key(query.name)
        found.update(self._by_key.get(key, ()))
        # Companies sharing the query's rarer words, ranked by the IDF they share: only the
        # best NAME_CANDIDATES are compared, however many names contain those words.
        shared: dict[int, float] = {}
        for word in set(key.split()) - {"&"}:
            postings = self._by_word.get(word)
            if not postings or len(postings) > MAX_POSTINGS:
                continue
            weight = self._idf[word]
            for company in postings:
                shared[company] = shared.get(company, 0.0) + weight
        found.update(heapq.nlargest(NAME_CANDIDATES, shared, key=shared.__getitem__))
        return found

    def candidates(
        self, query: Query, *, limit: int = 5, threshold: float = 0.0, exclude: int | None = None
    ) -> list[Candidate]:
        """The best `limit` companies for a query, best first, scored at `threshold` or more."""
        scored = [
            self.compare(query, self.entries[company])
            for company in self.blocks(query)
            if company != exclude
        ]
        scored = [c for c in scored if c.score >= threshold]
        scored.sort(key=lambda c: (-c.score, c.entry.crm_id))
        return scored[:limit]

    def compare(self, query: Query, entry: Entry) -> Candidate:
        """Score one company against a query, keeping every feature and its reason."""
        features: dict[str, float | None] = {}
        why: list[str] = []
        query_vkn = normalize_vkn(query.tax_number or "")
        entry_vkn = normalize_vkn(entry.tax_number or "")
        identifier = 0.0
        if query_vkn and entry_vkn:
            features["tax_number"] = 1.0 if query_vkn == entry_vkn else 0.0
            if query_vkn == entry_vkn:
                identifier = TAX_SCORE
                why.append(f"same tax number {entry_vkn}")
            else:
                why.append(f"different tax numbers ({query_vkn} vs {entry_vkn})")
        query_ticker = normalize_ticker(query.ticker or "")
        entry_ticker = normalize_ticker(entry.ticker or "")
        if query_ticker and entry_ticker:
            features["ticker"] = 1.0 if query_ticker == entry_ticker else 0.0
            if query_ticker == entry_ticker:
                identifier = max(identifier, TICKER_SCORE)
                why.append(f"same ticker {entry_ticker}")

        key = name_key(query.name)
        best_key, similarity = "", 0.0
        for candidate_key in self._keys.get(entry.id, ()):
            value = fuzz.token_sort_ratio(key, candidate_key) / 100
            if value > similarity:
                best_key, similarity = candidate_key, value
        features["name_equal"] = 1.0 if similarity == 1.0 else 0.0
        features["name_similarity"] = round(similarity, 4)
        overlap = self._overlap(key, best_key)
        features["token_overlap"] = round(overlap, 4)
        contained = _contained(key, best_key)
        features["contained"] = 1.0 if contained else 0.0
        name_score = NAME_WEIGHT * similarity + OVERLAP_WEIGHT * overlap
        kinds = (_kinds(query.name), _kinds(entry.legal_name))
        if similarity == 1.0 and kinds[0] != kinds[1]:
            name_score = SISTER_SCORE
            features["other_kind"] = 1.0
            why.append(
                f"same normalised name '{best_key}' but another kind of company "
                f"({' '.join(sorted(kinds[0])) or '-'} vs {' '.join(sorted(kinds[1])) or '-'}): "
                "sister companies?"
            )
        elif similarity == 1.0:
            name_score = 1.0
            why.append(f"same normalised name '{best_key}'")
        elif contained:
            name_score = max(name_score, CONTAINED_SCORE)
        if similarity < 1.0 and best_key:
            why.append(
                f"name similarity {similarity:.2f} and word overlap {overlap:.2f}"
                + (", one name contains the other" if contained else "")
                + f" ('{key}' vs '{best_key}')"
            )

        query_city, entry_city = _city(query.city), _city(entry.city)
        city_factor = 0.0
        if query_city and entry_city:
            same = query_city == entry_city
            features["city"] = 1.0 if same else 0.0
            city_factor = SAME_CITY_BONUS if same else -OTHER_CITY_PENALTY
            why.append(f"same city ({entry.city})" if same else f"other city ({entry.city})")
        score = max(identifier, min(1.0, name_score + city_factor) if name_score else 0.0)
        if features.get("tax_number") == 0.0:
            score = max(0.0, score - TAX_MISMATCH_PENALTY)
        return Candidate(entry, round(score, 4), features, why)

    def _overlap(self, first: str, second: str) -> float:
        """IDF-weighted Jaccard overlap of two normalised names' words."""
        a, b = set(first.split()) - {"&"}, set(second.split()) - {"&"}
        if not a or not b:
            return 0.0
        weight = self._idf.get
        shared = sum(weight(w, self._unknown_idf) for w in a & b)
        union = sum(weight(w, self._unknown_idf) for w in a | b)
        return shared / union if union else 0.0


def _contained(first: str, second: str) -> bool:
    """Every word of the shorter name (two words at least) is in the longer one."""
    a, b = set(first.split()) - {"&"}, set(second.split()) - {"&"}
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter) >= 2 and shorter < longer


def _kinds(name: str) -> frozenset[str]:
    """The company-kind words of a legal name (holding, GYO, bank, insurer …)."""
    return _KINDS.intersection(words(name))

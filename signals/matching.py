"""Linking: one Aho-Corasick pass over folded text finds every portfolio name.

Leftmost-longest matches that start and end on word boundaries; a Turkish suffix after an
apostrophe ("Tüpraş'ın", "Arçelik’ten") still counts as the name, and in Turkish text also
without one ("Fitchin", "Toyotanın") for a distinctive one-word name when the word so formed
is no known word. Identifiers (a tax number, a ticker written "(SISE)" or "BIST: SISE", an
ISIN) are near-certain. Which names are ordinary words depends on the text's language
(signals/names.py); what each span names is decided by signals/context_rules.py, and every
hit carries a confidence and a short explanation: which name, which rule, which context.

The index is immutable; `IndexHolder` lets a service build a new one off to the side when the
portfolio changes and swap it in with one assignment.
"""

from __future__ import annotations

import ctypes
import gc
import itertools
import re
import threading
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import NamedTuple

import numpy as np
from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

from signals.context_rules import (
    MAX_SHARED_DERIVED,
    classify_tickers,
    decide,
    written_as_name,
)
from signals.hits import NameHit, Owner, Span
from signals.identifiers import (
    DIGIT_MASK,
    digit_runs,
    has_digit_runs,
    has_number_label,
    is_valid_vkn,
    one_letter_ticker_forms,
)
from signals.index_entries import Entries, Kind, index_entries, parse_kind
from signals.names import (
    ORIGINS,
    CompanyName,
    known_turkish_words,
    sports_patterns,
    sports_spans,
)
from signals.normalize import match_form

__all__ = ["CompanyRecord", "IndexHolder", "NameHit", "NameIndex"]

try:
    _LIBC: ctypes.CDLL | None = ctypes.CDLL(None)  # the C library the interpreter runs on
except OSError:  # pragma: no cover (a platform without dlopen(NULL))
    _LIBC = None
_MAX_KEY = 1023  # key lengths are packed into 10 bits
# Owner bits: 0 needs capital, 1 weak in English text, 2 weak in Turkish text, 3-7 origin,
# 8-15 the index of its confidence; the company id from bit 16.
_ORIGIN_SHIFT = 3
_DERIVED_CODES = frozenset({ORIGINS.index("short"), ORIGINS.index("ticker")})
_TICKER_CODE = ORIGINS.index("ticker")
# Turkish case and possessive endings a text may glue to a name without an apostrophe
# ("Fitchin", "Toyotanın", "Samsungun", "Verizona"), folded as match_form() folds them.
TURKISH_SUFFIXES = frozenset(
    (
        *("in", "un", "nin", "nun", "i", "u", "yi", "yu", "a", "e", "ya", "ye"),
        *("da", "de", "ta", "te", "nda", "nde", "dan", "den", "tan", "ten", "ndan", "nden"),
        *("la", "le", "yla", "yle", "lar", "ler", "lari", "leri", "larin", "lerin"),
        *("lara", "lere", "larda", "lerde", "daki", "deki", "taki", "teki", "ndaki", "ndeki"),
        *("ninki", "nunki"),
    )
)
# Unpacked owners kept per key and language (~200 bytes each, ~3 MB when full, then cleared;
# 1,000 bench texts use ~1,100).
_OWNER_CACHE = 16384
_TICKER_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_MIN_SUFFIXED = 4  # a name glued to a suffix is at least this long ("Ford" + "un")
# Cheap language test on the start of a text: Turkish letters and function words.
_TURKISH_MARKS = ("ı", "ş", "ğ", "İ", "Ş", " ve ", " bir ", " bu ", " için ", " icin ", " ile ")
_ENGLISH_MARKS = (" the ", " and ", " of ", " to ", " is ", " that ", " for ", " with ")


class CompanyRecord(NamedTuple):
    """What the index needs to know about one company."""

    id: int
    legal_name: str
    aliases: list[str]
    ticker: str | None = None
    tax_number: str | None = None


class NameIndex:
    """Every company name and identifier of a portfolio; build a new one to change it."""

    def __init__(self, names: Iterable[CompanyName], identifiers: Iterable[CompanyName] = ()):
        by_company: dict[int, Entries] = defaultdict(lambda: Entries([], [], []))
        for n in names:
            weak_tr = n.weak if n.weak_tr is None else n.weak_tr
            entries = by_company[n.company_id]
            entries.keys.append(n.key.replace("'", " "))
            entries.kinds.append((n.origin, n.confidence, n.needs_capital, n.weak, weak_tr))
        for n in identifiers:
            by_company[n.company_id].identifiers.append((n.key, n.origin))
        with gc_paused():
            self._setup(by_company.items())
        del by_company
        _give_back_free_memory()

    @classmethod
    def build(cls, companies: Iterable[CompanyRecord]) -> NameIndex:
        """The index over a portfolio: derived names, tickers, tax numbers, ISINs in aliases."""
        index = cls.__new__(cls)
        with gc_paused():
            index._setup(
                (c.id, index_entries(c.legal_name, c.aliases, c.ticker, c.tax_number))
                for c in companies
            )
        _give_back_free_memory()
        return index

    @classmethod
    def from_stored(cls, companies: Iterable[tuple[int, str]]) -> NameIndex:
        """The index over each company's stored entries_text() (see signals/name_cache.py):
        no name is derived again."""
        index = cls.__new__(cls)
        with gc_paused():
            index._setup_stored(list(companies))
        _give_back_free_memory()
        return index

    def _start(self) -> _Flags:
        """Empty tables, and the owner flags of each kind of name as it is first met."""
        self._owner_cache: dict[int, tuple[Owner, ...]] = {}
        self._confidences: list[float] = []
        self._tax: dict[str, list[int]] = {}
        self._isin: dict[str, list[int]] = {}
        return _Flags(self._flag)

    def _add_identifier(self, company_id: int, key: str, origin: str) -> None:
        table = self._tax if origin == "tax_number" else self._isin
        table.setdefault(key, []).append(company_id)

    def _setup(self, companies: Iterable[tuple[int, Entries]]) -> None:
        flags = self._start()
        # Every name's key and owner (company id and flags) in two flat lists, filled a
        # company at a time in C: a loop per name was most of a build from stored entries.
        keys: list[str] = []
        owners: list[int] = []
        for company_id, (names, kinds, identifiers) in companies:
            shifted = company_id << 16
            keys += names
            owners += [shifted | flags[kind] for kind in kinds]
            for key, origin in identifiers:
                self._add_identifier(company_id, key, origin)
        self._index_names(keys, owners)

    def _setup_stored(self, companies: list[tuple[int, str]]) -> None:
        """_setup() from each company's entries_text(), read for all companies at once: every
        company's four lists joined and split in one go, and each entry's company repeated in
        C (a split per company, or a loop per entry, was a fifth of a build)."""
        flags = self._start()
        ids = np.fromiter((company_id for company_id, _ in companies), np.int64, len(companies))
        fields = "\t".join(text for _, text in companies).split("\t") if companies else []
        if len(fields) != 4 * len(companies):
            raise ValueError("stored name entries are four tab-separated lists a company")
        keys, kinds = _joined_lines(fields[0::4]), _joined_lines(fields[1::4])
        owners = np.repeat(ids << 16, _line_counts(fields[0::4])) | np.fromiter(
            map(flags.__getitem__, kinds), np.int64, len(kinds)
        )
        identifier_ids = np.repeat(ids, _line_counts(fields[2::4])).tolist()
        for key, origin, company_id in zip(
            _joined_lines(fields[2::4]), _joined_lines(fields[3::4]), identifier_ids, strict=True
        ):
            self._add_identifier(company_id, key, origin)
        self._index_names(keys, owners)

    def _index_names(self, keys: list[str], owners: Sequence[int] | np.ndarray) -> None:
        """The automaton and tables over every name's key and owner, in portfolio order."""
        # No Python object per key: the automaton stores the key's number (a C int), and
        # _packed[number] the key length and either its one owner or an index into _shared.
        # Names go into the automaton as "key ", read over match_form() text with apostrophes
        # as spaces (a match ends where a word ends, or at an apostrophe suffix); tickers go
        # into their own table, looked up among the text's upper-case words only.
        self._tickers: dict[str, int] = {}
        self._packed = array("q")
        self._shared: list[tuple[int, ...]] = []
        # Most keys are one company's name, said once: their numbers, packed values and
        # patterns are made for all at once in C (a loop per key was a third of a build).
        counts = Counter(keys)
        owner = np.asarray(owners, dtype=np.int64)
        length = np.fromiter(map(len, keys), np.int64, len(keys))
        once = np.fromiter(map(counts.__getitem__, keys), np.int64, len(keys)) == 1
        ticker = (owner >> _ORIGIN_SHIFT) & 31 == _TICKER_CODE
        plain = np.flatnonzero(once & ~ticker & (length <= _MAX_KEY))
        # Numbered in sorted order (of their first 16 letters): the automaton's states are
        # then made in the order its trie is walked, and it builds in ~0.6 s instead of ~1 s.
        # (numpy sorts without a Python object per key: sorting a list of the keys' numbers
        # left the heap fragmented, ~50 MB more RSS after a rebuild.)
        plain = plain[np.argsort(np.array(keys, dtype="U16")[plain], kind="stable")]
        self._packed.frombytes(((owner[plain] << 11) | (length[plain] << 1)).tobytes())
        plain_keys = list(map(keys.__getitem__, plain.tolist()))
        patterns = (" " + " \n ".join(plain_keys) + " ").split("\n") if plain_keys else []
        # One-word keys distinctive in Turkish text (no owner weak there) and long enough: a
        # suffix may be glued to them without an apostrophe ("Fitchin"). Names of several
        # words are left out: at 150,000 companies they would double the build for ~1 link
        # in 300 dev texts ("Bayraktar İnşaatın").
        may_glue = np.flatnonzero((owner[plain] & 4 == 0) & (length[plain] >= _MIN_SUFFIXED))
        glued = {
            plain_keys[number]: number
            for number in may_glue.tolist()
            if " " not in plain_keys[number]
        }
        by_ticker = self._rare_names(keys, owner, np.flatnonzero(~once | ticker), patterns, glued)
        del keys, owners, owner
        self._has_names = bool(patterns)
        # The glued names follow as " key" (a word starting with the name), then the words
        # of a sentence about a match that a context rule looks for: one pass finds all.
        self._names = len(patterns)
        self._glued_numbers = list(glued.values())
        self._sports_from = self._names + len(glued)
        self._automaton = _automaton(
            [*patterns, *(f" {key}" for key in glued), *sports_patterns()[0]]
        )
        for key, ticker_owners in by_ticker.items():
            if " " not in key:  # "BRK B" (BRK.B): only one-word tickers are looked for
                self._tickers[key] = self._pack(list(dict.fromkeys(ticker_owners)), len(key))
        self.size = self._names + len(self._tickers)
        self._one_letter = any(len(key) == 1 for key in self._tickers)
        # The tickers _scan_tickers() looks for among a text's words, as bytes.
        self._ticker_words = frozenset(key.encode() for key in self._tickers if len(key) > 1)

    def _rare_names(
        self,
        keys: list[str],
        owner: np.ndarray,
        rare: np.ndarray,
        patterns: list[str],
        glued: dict[str, int],
    ) -> dict[str, list[int]]:
        """Keys several names share, and tickers, one by one: appended to `patterns`, `glued`
        and the tables; returns the ticker owners by upper-case key."""
        owners = owner.tolist()
        everyone: dict[str, list[int]] = {}  # each key's owners, in portfolio order
        for position in rare.tolist():
            everyone.setdefault(keys[position], []).append(owners[position])
        by_ticker: dict[str, list[int]] = {}
        for key, key_owners in everyone.items():
            if len(key) > _MAX_KEY:
                continue
            if len(key_owners) == 1:  # a ticker (a plain name is never rare when said once)
                by_ticker.setdefault(key.upper(), []).append(key_owners[0])
                continue
            distinct = _distinctive(key_owners)
            if not distinct:
                continue
            if all((o >> _ORIGIN_SHIFT) & 31 == _TICKER_CODE for o in distinct):
                by_ticker.setdefault(key.upper(), []).extend(distinct)
                continue
            kept = [o for o in distinct if (o >> _ORIGIN_SHIFT) & 31 != _TICKER_CODE]
            # A ticker equal to a name: both (tickers only: a short name too many companies
            # share is no ticker either).
            tickers = [o for o in key_owners if (o >> _ORIGIN_SHIFT) & 31 == _TICKER_CODE]
            if tickers:
                by_ticker.setdefault(key.upper(), []).extend(tickers)
            number = self._pack(kept, len(key))
            patterns.append(f" {key} ")
            distinctive_tr = not any(o & 4 for o in kept)
            if distinctive_tr and len(key) >= _MIN_SUFFIXED and " " not in key:
                glued[key] = number
        return by_ticker

    def _flag(self, kind: Kind) -> int:
        """An owner's bits below the company id for a kind of name (see _ORIGIN_SHIFT)."""
        origin, confidence, needs_capital, weak, weak_tr = (
            parse_kind(kind) if isinstance(kind, str) else kind
        )
        self._confidences.append(confidence)
        return (
            ((len(self._confidences) - 1) << 8)
            | (ORIGINS.index(origin) << _ORIGIN_SHIFT)
            | (weak_tr << 2)
            | (weak << 1)
            | needs_capital
        )

    def _pack(self, owners: list[int], length: int) -> int:
        if len(owners) == 1:
            self._packed.append((owners[0] << 11) | (length << 1))
        else:
            self._packed.append((len(self._shared) << 11) | (length << 1) | 1)
            self._shared.append(tuple(owners))
        return len(self._packed) - 1

    def find(self, text: str, language: str | None = None) -> list[NameHit]:
        """Every company the text names, with confidence and explanation (see module doc).

        `language` ("tr" or "en") decides which names are ordinary words; guessed if None.
        """
        if not self.size and not self._tax and not self._isin:
            return []
        turkish = _turkish(text) if language is None else language == "tr"
        # One space more at the end so that a name ending the text ends at a space.
        prepared = match_form(text) + " "
        hits: list[Span] = []
        sports: list[tuple[int, int]] = []
        if self._has_names:
            hits, sports = self._scan(text, prepared, turkish)
        if self._tickers:
            hits += self._scan_tickers(text, turkish)
        if self._tax or self._isin:
            hits += self._identifiers(text, prepared)
        return decide(text, prepared, hits, turkish, sports)

    def _owners(self, value: int, turkish: bool) -> list[Owner]:
        return list(self._owner_tuple(value, turkish))

    def _owner_tuple(self, value: int, turkish: bool) -> tuple[Owner, ...]:
        """The owners of a packed key, unpacked once per key and language (then cached: they
        do not depend on the text)."""
        cache = self._owner_cache
        slot = (value << 1) | turkish
        owners = cache.get(slot)
        if owners is None:
            if len(cache) >= _OWNER_CACHE:
                cache.clear()
            packed = self._shared[value >> 11] if value & 1 else (value >> 11,)
            weak_bit = 4 if turkish else 2
            owners = cache[slot] = tuple(
                [
                    Owner(
                        owner >> 16,
                        ORIGINS[(owner >> _ORIGIN_SHIFT) & 31],
                        self._confidences[(owner >> 8) & 255],
                        bool(owner & 1),
                        bool(owner & weak_bit),
                    )
                    for owner in packed
                ]
            )
        return owners

    def _scan(
        self, text: str, prepared: str, turkish: bool
    ) -> tuple[list[Span], list[tuple[int, int]]]:
        """Keys are stored as "key " and read over the text with apostrophes as spaces, so a
        match ends where a word ends (or at an apostrophe suffix); whether it starts where a
        word starts is checked here. In Turkish text, a distinctive one-word name with a
        suffix glued on is found too ("fitchin" → "fitch", see _glued_names). Also returns
        where the text's sports words are (names.sports_patterns(), for the context rules)."""
        found: list[tuple[int, int, int, bool]] = []  # start, end, number, suffix glued
        # Every word-start match (patterns are " key "), then leftmost-longest among them;
        # two names may share the space between them. " " + text: offsets are then those
        # of the key's first and past-last letters, minus one, i.e. text offsets.
        words = " " + prepared.replace("'", " ")
        matches = self._automaton.find_matches_as_indexes(words, overlapping=True)
        names = self._names
        taken = 0
        # (start, -end, number): the order of key=(start, -end) without a key function (no
        # two names have the same start and end).
        for start, negative_end, number in sorted(
            [(start, -end, number) for number, start, end in matches if number < names]
        ):
            end = -negative_end
            if start >= taken:
                found.append((start, end - 2, number, False))
                taken = end - 1
        sports_from = self._sports_from
        if turkish and self._glued_numbers:
            found += self._glued_names(words, [m for m in matches if names <= m[0] < sports_from])
            found.sort()
        sports = sports_spans(words, [m for m in matches if m[0] >= sports_from], sports_from)
        spans: list[Span] = []
        packed, owner_tuple, cache = self._packed, self._owner_tuple, self._owner_cache
        for start, end, number, glued in found:
            # written_as_name() inlined: the case of the first letter is the same for every
            # owner, a ticker owner's check (rare here) is made once per span.
            capital = text[start : start + 1].isupper()
            if glued and not capital:
                continue  # "marka yatırımı" is the phrase; "Marka Yatırımın" would be the name
            value = packed[number]
            owners = cache.get((value << 1) | turkish) or owner_tuple(value, turkish)
            if len(owners) == 1 and not glued:  # the common case
                owner = owners[0]
                if owner.origin == "ticker":
                    if not written_as_name(text, start, end, owner):
                        continue
                elif owner.needs_capital and not capital:
                    continue
                spans.append(Span(start, end, prepared[start:end], [owner]))
                continue
            ticker_ok: bool | None = None
            kept = []
            for o in owners:
                if o.origin == "ticker":
                    if glued:
                        continue
                    if ticker_ok is None:
                        ticker_ok = written_as_name(text, start, end, o)
                    if ticker_ok:
                        kept.append(o)
                elif (capital or not o.needs_capital) and not (glued and o.weak):
                    kept.append(o)
            if kept:
                spans.append(Span(start, end, prepared[start:end], kept))
        return spans, sports

    def _glued_names(
        self, spaced: str, matches: list[tuple[int, int, int]]
    ) -> list[tuple[int, int, int, bool]]:
        """Words made of a glued name and a Turkish suffix that are no known word, from the
        words starting with a glued name (`matches`) in `spaced`, the text with one space in
        front."""
        found: list[tuple[int, int, int, bool]] = []
        taken = -1  # the start of the last word found: its shortest name wins
        for pattern, start, end in sorted(matches, key=lambda match: (match[1], match[2])):
            if start == taken:  # start: the space before the word, i.e. its text offset
                continue
            word_end = spaced.find(" ", end)
            if spaced[end:word_end] in TURKISH_SUFFIXES and (
                spaced[start + 1 : word_end] not in known_turkish_words()
            ):
                found.append((start, end - 1, self._glued_numbers[pattern - self._names], True))
                taken = start
        return found

    def _scan_tickers(self, text: str, turkish: bool) -> list[Span]:
        """Upper-case words only: a ticker hit is a whole run of A-Z and digits with, on each
        side, the text's start or end or an ASCII character that is no letter or digit
        ("AAPL'in", "(SISE)"; not "AAPLx", nor "ISE" in "ŞISE"). Candidates come from the
        UTF-8 bytes with everything but A-Z and digits made a space (one translate and split,
        in C: a superset of those runs, as "Apple" leaves "A" and "ABş" "AB"); only those that
        are tickers are then looked up in the text, and their neighbours checked. Hits come
        in text order."""
        tickers = self._tickers
        hits: list[Span] = []
        # One letter is mostly a capital's leftover ("Apple" → "A"): a one-letter ticker is
        # taken only in an explicit form, found from the few "(" and ":" of the text.
        if self._one_letter:
            for start, letter in one_letter_ticker_forms(text):
                if letter in tickers:
                    value = self._packed[tickers[letter]]
                    hit = Span(start, start + 1, letter.lower(), self._owners(value, turkish))
                    classify_tickers(text, hit)
                    hits.append(hit)
        mask = text.encode("utf-8", "surrogatepass").translate(_TICKER_BYTES)
        found = self._ticker_words.intersection(mask.split())
        if not found:
            return hits
        located: list[tuple[int, str]] = []
        for candidate in found:
            word = candidate.decode("ascii")
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                if _ticker_bound(text[at - 1 : at]) and _ticker_bound(text[end : end + 1]):
                    located.append((at, word))
                at = text.find(word, at + 1)
        for at, word in sorted(located):  # in text order, whatever the set's order
            value = self._packed[tickers[word]]
            hit = Span(at, at + len(word), word.lower(), self._owners(value, turkish))
            classify_tickers(text, hit)
            hits.append(hit)
        return hits

    def _identifiers(self, text: str, prepared: str) -> list[Span]:
        hits: list[Span] = []
        if self._tax and has_digit_runs(prepared):
            digits_only = prepared.translate(DIGIT_MASK)  # digits → "0", the rest → "x"
            for start, end in digit_runs(digits_only):
                digits = text[start:end].replace(" ", "").replace("-", "")
                vkn = digits if len(digits) == 10 else digits[1:11]
                if vkn not in self._tax or not is_valid_vkn(vkn):
                    continue
                labelled = has_number_label(text, start)
                kind = "MERSİS number" if len(digits) == 16 else "tax number (VKN)"
                confidence = 0.99 if labelled or len(digits) == 16 else 0.9
                why = f"{kind} {digits}" + ("" if labelled else ", unlabelled")
                owners = [
                    Owner(company, "tax_number", confidence, False, False)
                    for company in self._tax[vkn]
                ]
                hits.append(Span(start, end, vkn, owners, "identifier", why))
        if self._isin and " isin" in prepared:
            for match in _ISIN.finditer(text):
                owners = [
                    Owner(company, "isin", 0.99, False, False)
                    for company in self._isin.get(match.group().lower(), [])
                ]
                if owners:
                    why = f"ISIN {match.group()}"
                    span = (match.start(), match.end(), match.group())
                    hits.append(Span(*span, owners, "identifier", why))
        return hits


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a build makes its million small objects, none of
    them in a cycle: collections set off by the allocation count scanned the growing heap
    again and again (reading back 150,000 companies' entries took 4x as long)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _give_back_free_memory() -> None:
    """Return the heap a build freed to the system. glibc keeps it for reuse: after a build
    at 150,000 companies RSS stayed 40-90 MB above the index's own ~127 MB, depending on how
    the build's temporaries happened to lie (bench/linking.py). Elsewhere: nothing to do."""
    trim = getattr(_LIBC, "malloc_trim", None) if _LIBC is not None else None
    if trim is not None:
        trim(0)


class _Flags(dict[Kind, int]):
    """Owner flags by kind of name, each made by `make` when first asked for (a portfolio has
    a few dozen kinds; a lookup in a comprehension stays in C)."""

    def __init__(self, make: Callable[[Kind], int]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, kind: Kind) -> int:
        flag = self[kind] = self._make(kind)
        return flag


def _line_counts(texts: list[str]) -> np.ndarray:
    """The number of lines of each text, none in an empty one."""
    breaks = np.fromiter(map(str.count, texts, itertools.repeat("\n")), np.int64, len(texts))
    return (breaks + 1) * np.fromiter(map(bool, texts), np.int64, len(texts))


def _joined_lines(texts: Iterable[str]) -> list[str]:
    """The lines of all the non-empty texts, in order."""
    joined = "\n".join(text for text in texts if text)
    return joined.split("\n") if joined else []


def _turkish(text: str) -> bool:
    """Whether a text is Turkish: Turkish letters and function words in its first 2,000
    characters outnumber English function words (ASCII-typed Turkish still has "ve", "bir")."""
    sample = text[:2000]
    turkish = sum(sample.count(mark) for mark in _TURKISH_MARKS)
    english = sum(sample.count(mark) for mark in _ENGLISH_MARKS)
    return turkish > english


def _distinctive(owners: list[int]) -> list[int]:
    """Owners of a shared key, without derived short names and tickers when more than
    MAX_SHARED_DERIVED companies share them: a first word that many customers' names begin
    with is no name in this portfolio ("Anadolu", "Yılmaz")."""
    owners = list(dict.fromkeys(owners))
    derived_owners = [o for o in owners if (o >> _ORIGIN_SHIFT) & 31 in _DERIVED_CODES]
    if len({o >> 16 for o in derived_owners}) > MAX_SHARED_DERIVED:
        owners = [o for o in owners if (o >> _ORIGIN_SHIFT) & 31 not in _DERIVED_CODES]
    return owners


def _automaton(patterns: list[str]) -> AhoCorasick:
    """All matches of `patterns`, overlapping ones too (the caller picks among them). A
    contiguous NFA: a fifth of the memory of a DFA, and ahocorasick-rs walks it about twice
    as fast as pyahocorasick walks its trie (bench/linking.py)."""
    return AhoCorasick(
        patterns,
        matchkind=MatchKind.Standard,
        implementation=Implementation.ContiguousNFA,
        store_patterns=False,
    )


class IndexHolder:
    """The live NameIndex of a process. Build the next one off to the side, then swap.

    Readers take `holder.index` once per document (or batch) and use that object throughout,
    so a swap in the middle never mixes two portfolios; the old index is freed when the last
    reader drops it. Only one rebuild runs at a time (`rebuilding`).
    """

    def __init__(self, index: NameIndex | None = None) -> None:
        self._index = index or NameIndex([])
        self.version = 0
        # What the live index was built from (set by whoever rebuilds, e.g. a portfolio hash).
        self.portfolio_version: object = None
        self.rebuilding = threading.Lock()

    @property
    def index(self) -> NameIndex:
        """The index to use now."""
        return self._index

    def swap(self, index: NameIndex) -> NameIndex:
        """Make `index` the live one (one reference assignment); returns the previous one."""
        previous, self._index = self._index, index
        self.version += 1
        return previous


# A-Z and digits stay, every other byte becomes a space (see _scan_tickers).
_TICKER_BYTES = bytes(c if chr(c) in _TICKER_CHARS else 32 for c in range(256))


def _ticker_bound(char: str) -> bool:
    """Whether a ticker may end at this neighbour: the text's start or end, or an ASCII
    character that is no letter or digit (apostrophes, "?" too)."""
    return not char or (char.isascii() and not char.isalnum())


_ISIN = re.compile(r"\b[A-Za-z]{2}[A-Za-z0-9]{9}[0-9]\b")

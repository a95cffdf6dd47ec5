"""Linking: one Aho-Corasick pass over folded text finds every portfolio name.

Leftmost-longest matches that start and end on word boundaries; a Turkish suffix after an
apostrophe ("Tüpraş'ın", "Arçelik’ten") still counts as the name. Identifiers (a tax number,
a ticker written "(SISE)" or "BIST: SISE", an ISIN) are near-certain. Ordinary-word names
("Koç", "Target") count only with support from the text (`_support`), and a name that
several customers share goes to the one the text otherwise names, if any (`_resolve_shared`).

Every hit carries a confidence and a short explanation: which name, which rule, which context.

The index is immutable; `IndexHolder` lets a service build a new one off to the side when the
portfolio changes and swap it in with one assignment.
"""

from __future__ import annotations

import re
import threading
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

from signals.identifiers import (
    DIGIT_MASK,
    digit_runs,
    explicit_ticker_form,
    has_number_label,
    is_valid_vkn,
    one_letter_ticker_forms,
)
from signals.names import ORIGINS, CompanyName, DerivedName, derive_identifiers, derived
from signals.normalize import forms_by_first_word, match_form

# Confidence of a shared name when the text does not tell which company it means: below the
# link threshold (pipeline.LINK_THRESHOLD), so it is kept only as a candidate.
SHARED_FACTOR = 0.5
WEAK_CONFIDENCE = 0.6
# A name the CRM gave (legal name, alias) beats another company's derived short name or ticker.
PREFERRED_CONFIDENCE = 0.75
_DELIBERATE = frozenset({"legal", "alias"})
_MAX_KEY = 1023  # key lengths are packed into 10 bits
MAX_SHARED_DERIVED = 3
_DERIVED_CODES = frozenset({ORIGINS.index("short"), ORIGINS.index("ticker")})
_NOT_FORMS = frozenset({"the", "ve", "and", "&"})
_SMALL_WORDS = frozenset({"of", "the", "and", "&", "ve", "de", "la", "du", "des", "der", "und"})


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


class CompanyRecord(NamedTuple):
    """What the index needs to know about one company."""

    id: int
    legal_name: str
    aliases: list[str]
    ticker: str | None = None
    tax_number: str | None = None


class _Owner(NamedTuple):
    company_id: int
    origin: str
    confidence: float
    needs_capital: bool
    weak: bool


@dataclass
class _Hit:
    """One span and the companies it may name, before the context rules decide."""

    start: int
    end: int
    key: str
    owners: list[_Owner]
    method: str = ""
    why: str = ""


class NameIndex:
    """An automaton over every company name and identifier; build a new one to change it."""

    def __init__(self, names: Iterable[CompanyName], identifiers: Iterable[CompanyName] = ()):
        by_company: dict[int, list[DerivedName]] = defaultdict(list)
        for n in names:
            by_company[n.company_id].append(
                DerivedName(n.key, n.origin, n.confidence, n.needs_capital, n.weak)
            )
        self._setup(by_company.items(), identifiers)

    @classmethod
    def build(cls, companies: Iterable[CompanyRecord]) -> NameIndex:
        """The index over a portfolio: derived names, tickers, tax numbers, ISINs in aliases."""
        identifiers: list[CompanyName] = []

        def names() -> Iterator[tuple[int, Iterable[DerivedName]]]:
            for company in companies:
                aliases = tuple(company.aliases)
                yield company.id, derived(company.legal_name, aliases, company.ticker)
                if company.tax_number or company.aliases:
                    identifiers.extend(
                        derive_identifiers(company.id, company.tax_number, company.aliases)
                    )

        index = cls.__new__(cls)
        index._setup(names(), identifiers)
        return index

    def _setup(
        self,
        companies: Iterable[tuple[int, Iterable[DerivedName]]],
        identifiers: Iterable[CompanyName],
    ) -> None:
        by_key: dict[str, list[int]] = {}
        by_ticker: dict[str, list[int]] = {}
        flags: dict[tuple[str, float, bool, bool], int] = {}
        self._confidences: list[float] = []
        get_flag, get_owners = flags.get, by_key.get
        for company_id, derived_names in companies:
            shifted = company_id << 16
            for name in derived_names:
                kind = name[1:]
                flag = get_flag(kind)
                if flag is None:
                    origin, confidence, needs_capital, weak = kind
                    flag = flags[kind] = (
                        (len(self._confidences) << 8)
                        | (ORIGINS.index(origin) << 2)
                        | (weak << 1)
                        | needs_capital
                    )
                    self._confidences.append(confidence)
                owners = get_owners(name[0])
                if owners is None:
                    by_key[name[0]] = [shifted | flag]
                else:
                    owners.append(shifted | flag)
        # No Python object per key: an automaton stores the key's number (a C int), and
        # _packed[number] the key length and either its one owner or an index into _shared.
        # Names go into one automaton over match_form() text; tickers into another over the
        # text's upper-case letters only, so that "a", "on", "it" cost nothing in lower case.
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._tickers: dict[str, int] = {}
        self._packed = array("q")
        self._shared: list[tuple[int, ...]] = []
        ticker_code = ORIGINS.index("ticker")
        names = tickers = 0
        add_word, append, packed = self._automaton.add_word, self._packed.append, self._packed
        for key, owners in by_key.items():
            if len(key) > _MAX_KEY:
                continue
            if len(owners) == 1:  # the common case, kept lean
                owner = owners[0]
                if (owner >> 2) & 63 == ticker_code:
                    by_ticker.setdefault(key.upper(), []).append(owner)
                    continue
                number = len(packed)
                append((owner << 11) | (len(key) << 1))
                add_word(key + " ", number)
                add_word(key + "'", number)
                names += 1
                continue
            if len(owners) > 1:
                owners = _distinctive(owners)
                if not owners:
                    continue
            is_ticker = all((o >> 2) & 63 == ticker_code for o in owners)
            if not is_ticker:
                owners = [o for o in owners if (o >> 2) & 63 != ticker_code]
                for o in set(by_key[key]) - set(owners):  # a ticker equal to a name: both
                    by_ticker.setdefault(key.upper(), []).append(o)
            elif len(owners) > 0:
                by_ticker.setdefault(key.upper(), []).extend(owners)
                continue
            number = self._pack(owners, len(key))
            self._automaton.add_word(key + " ", number)
            self._automaton.add_word(key + "'", number)
            names += 1
        for key, owners in by_ticker.items():
            if " " not in key:  # "BRK B" (BRK.B): only one-word tickers are looked for
                self._tickers[key] = self._pack(list(dict.fromkeys(owners)), len(key))
                tickers += 1
        self.size = names + tickers
        self._one_letter = any(len(key) == 1 for key in self._tickers)
        del by_key, by_ticker, packed
        if names:
            self._automaton.make_automaton()
        self._has_names, self._has_tickers = bool(names), bool(tickers)
        self._tax: dict[str, list[int]] = defaultdict(list)
        self._isin: dict[str, list[int]] = defaultdict(list)
        for identifier in identifiers:
            table = self._tax if identifier.origin == "tax_number" else self._isin
            table[identifier.key].append(identifier.company_id)

    def _pack(self, owners: list[int], length: int) -> int:
        if len(owners) == 1:
            self._packed.append((owners[0] << 11) | (length << 1))
        else:
            self._packed.append((len(self._shared) << 11) | (length << 1) | 1)
            self._shared.append(tuple(owners))
        return len(self._packed) - 1

    def find(self, text: str) -> list[NameHit]:
        """Every company the text names, with confidence and explanation (see module doc)."""
        if not self.size and not self._tax and not self._isin:
            return []
        # One space more at the end so that a name ending the text meets its "key " form.
        prepared = match_form(text) + " "
        hits = self._scan(text, prepared) if self._has_names else []
        if self._has_tickers:
            hits += self._scan_tickers(text)
        if self._tax or self._isin:
            hits += self._identifiers(text, prepared)
        return _decide(text, prepared, hits)

    def _owners(self, value: int) -> list[_Owner]:
        packed = self._shared[value >> 11] if value & 1 else (value >> 11,)
        return [
            _Owner(
                owner >> 16,
                ORIGINS[(owner >> 2) & 63],
                self._confidences[(owner >> 8) & 255],
                bool(owner & 1),
                bool(owner & 2),
            )
            for owner in packed
        ]

    def _scan(self, text: str, prepared: str) -> list[_Hit]:
        """Keys are stored as "key " and "key'", so a match ends where a word ends (or at an
        apostrophe suffix); whether it starts where a word starts is checked here."""
        hits: list[_Hit] = []
        packed = self._packed
        for end, number in self._automaton.iter_long(prepared):
            value = packed[number]
            start = end - ((value >> 1) & _MAX_KEY)
            if start and prepared[start - 1] not in " '":
                continue
            owners = self._owners(value)
            kept = [o for o in owners if _written_as_name(text, start, end, o)]
            if kept:
                hits.append(_Hit(start, end, prepared[start:end], kept))
        return hits

    def _scan_tickers(self, text: str) -> list[_Hit]:
        """Upper-case words only. Candidates: the text with lower-case and non-ASCII letters
        deleted, split ("Apple" leaves "A", checked below). Located in a mask where A-Z and
        digits stay, other letters become "x" and the rest a space, one character for one
        code point, so a hit must be a whole upper-case word ("A" in "Axxxx" is not)."""
        ascii_only = text.replace("?", " ").encode("ascii", "replace")  # "?": not ASCII
        tickers = self._tickers
        words = ascii_only.translate(_UPPER_BYTES, _LOWER_LETTERS).decode("ascii").split()
        # One letter is mostly a capital's leftover ("Apple" → "A"): a one-letter ticker is
        # taken only in an explicit form, found from the few "(" and ":" of the text.
        found = [w for w in set(words) if len(w) > 1 and w in tickers]
        hits: list[_Hit] = []
        if self._one_letter:
            for start, letter in one_letter_ticker_forms(text):
                if letter in tickers:
                    hit = _Hit(
                        start,
                        start + 1,
                        letter.lower(),
                        self._owners(self._packed[tickers[letter]]),
                    )
                    _classify_tickers(text, hit)
                    hits.append(hit)
        if not found:
            return hits
        upper = " " + ascii_only.translate(_UPPER_BYTES).decode("ascii") + " "
        for word in found:
            value = self._packed[tickers[word]]
            at = upper.find(f" {word} ")
            while at >= 0:  # upper[at] is the space before the word: text offset at
                end = at + len(word)
                hit = _Hit(at, end, word.lower(), self._owners(value))
                _classify_tickers(text, hit)
                hits.append(hit)
                at = upper.find(f" {word} ", end)
        return hits

    def _identifiers(self, text: str, prepared: str) -> list[_Hit]:
        hits: list[_Hit] = []
        if self._tax:
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
                    _Owner(company, "tax_number", confidence, False, False)
                    for company in self._tax[vkn]
                ]
                hits.append(_Hit(start, end, vkn, owners, "identifier", why))
        if self._isin and " isin" in prepared:
            for match in _ISIN.finditer(text):
                owners = [
                    _Owner(company, "isin", 0.99, False, False)
                    for company in self._isin.get(match.group().lower(), [])
                ]
                if owners:
                    why = f"ISIN {match.group()}"
                    span = (match.start(), match.end(), match.group())
                    hits.append(_Hit(*span, owners, "identifier", why))
        return hits


def _distinctive(owners: list[int]) -> list[int]:
    """Owners of a shared key, without derived short names and tickers when more than
    MAX_SHARED_DERIVED companies share them: a first word that many customers' names begin
    with is no name in this portfolio ("Anadolu", "Yılmaz")."""
    owners = list(dict.fromkeys(owners))
    derived_owners = [o for o in owners if (o >> 2) & 63 in _DERIVED_CODES]
    if len({o >> 16 for o in derived_owners}) > MAX_SHARED_DERIVED:
        owners = [o for o in owners if (o >> 2) & 63 not in _DERIVED_CODES]
    return owners


class IndexHolder:
    """The live NameIndex of a process. Build the next one off to the side, then swap.

    Readers take `holder.index` once per document (or batch) and use that object throughout,
    so a swap in the middle never mixes two portfolios; the old index is freed when the last
    reader drops it. Only one rebuild runs at a time (`rebuilding`).
    """

    def __init__(self, index: NameIndex | None = None) -> None:
        self._index = index or NameIndex([])
        self.version = 0
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


_LOWER_LETTERS = b"abcdefghijklmnopqrstuvwxyz?"
# Apostrophes become spaces here: "AAPL'in" → "AAPL xx".
_UPPER_BYTES = (
    bytes(
        c
        if chr(c).isupper() or chr(c).isdigit()
        else ord("x")
        if chr(c).isalpha() or chr(c) == "?"
        else 32
        for c in range(128)
    )
    + b" " * 128
)
_ISIN = re.compile(r"\b[A-Za-z]{2}[A-Za-z0-9]{9}[0-9]\b")
_CONJUNCTION = re.compile(r"\b(?:and|ve|ile|or|veya|und|et)\b")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_])")
# Between two names of a list: a suffix, a short parenthesis ("Aygaz (28), Opet (25)"),
# then commas, slashes, "and", "ve"…
_LIST_GAP = re.compile(
    r"(?:['’][^\W\d_]*)?(?:\s*\([^()\n]{1,16}\))?"
    r"[\s,;/&()\"“”]*(?:(?:and|ve|ile|or|veya|und|et)\b[\s,;/&()\"“”]*)?"
)


def _written_as_name(text: str, start: int, end: int, owner: _Owner) -> bool:
    """Case rules: a ticker in upper case (or an explicit form), a short name capitalised."""
    surface = text[start:end]
    if owner.origin == "ticker":
        return surface.isupper() or explicit_ticker_form(text, start, end) is not None
    return not owner.needs_capital or surface[:1].isupper()


def _decide(text: str, prepared: str, hits: list[_Hit]) -> list[NameHit]:
    """Apply the context rules in order: identifiers and tickers, shared names, weak names."""
    hits = [hit for hit in hits if hit.owners]  # tickers in an all-caps line are dropped
    named: dict[int, str] = {}  # company → how the text names it unambiguously
    for hit in hits:
        first = hit.owners[0]
        if not first.weak and all(o.company_id == first.company_id for o in hit.owners):
            named.setdefault(first.company_id, _describe(text, hit))
    out: dict[tuple[int, int], NameHit] = {}
    weak: list[_Hit] = []
    for hit in hits:
        strong = [o for o in hit.owners if not o.weak]
        if not strong:
            weak.append(hit)
            continue
        for result in _resolve_shared(text, hit, strong, named):
            _keep(out, result)
    if weak:
        for result in _support(text, prepared, weak, out, named):
            _keep(out, result)
    return sorted(out.values(), key=lambda h: (h.start, h.company_id))


def _classify_tickers(text: str, hit: _Hit) -> None:
    """A ticker written "(SISE)" or "BIST: SISE" is an identifier; bare, it must stand in
    mixed-case text (in an all-caps headline every word is upper case)."""
    if hit.method == "identifier" or not any(o.origin == "ticker" for o in hit.owners):
        return
    form = explicit_ticker_form(text, hit.start, hit.end)
    if form:
        hit.owners = [
            _Owner(o.company_id, "identifier", 0.99, False, False)
            for o in hit.owners
            if o.origin == "ticker"
        ]
        hit.method, hit.why = "identifier", f"ticker written as {form}"
        return
    if _shouting(text, hit.start, hit.end):
        hit.owners = [o for o in hit.owners if o.origin != "ticker"]


def _describe(text: str, hit: _Hit) -> str:
    if hit.method == "identifier":
        return hit.why
    return f"'{text[hit.start : hit.end]}'"


def _keep(out: dict[tuple[int, int], NameHit], hit: NameHit) -> None:
    key = (hit.company_id, hit.start)
    if key not in out or out[key].confidence < hit.confidence:
        out[key] = hit


def _result(text: str, hit: _Hit, owner: _Owner, confidence: float, notes: list[str]) -> NameHit:
    if hit.method == "identifier":
        method, why = "identifier", hit.why
    else:
        method, why = owner.origin, f"{owner.origin} name '{hit.key}'"
    return NameHit(
        owner.company_id,
        hit.start,
        hit.end,
        text[hit.start : hit.end],
        method,
        round(confidence, 4),
        "; ".join([why, *(note for note in notes if note)]),
    )


def _resolve_shared(
    text: str,
    hit: _Hit,
    owners: list[_Owner],
    named: dict[int, str],
    support: dict[int, str] | None = None,
    cap: float = 1.0,
) -> list[NameHit]:
    """One company, or the one of several the text otherwise names, or all of them halved."""
    best: dict[int, _Owner] = {}
    for owner in owners:
        if owner.company_id not in best or best[owner.company_id].confidence < owner.confidence:
            best[owner.company_id] = owner

    def result(owner: _Owner, confidence: float, note: str = "") -> NameHit:
        reason = (support or {}).get(owner.company_id, "")
        return _result(text, hit, owner, min(confidence, cap), [reason, note])

    if len(best) == 1:
        (owner,) = best.values()
        return [result(owner, owner.confidence)]
    count = len(best)
    elsewhere = [o for o in best.values() if o.company_id in named]
    if len(elsewhere) == 1:
        owner = elsewhere[0]
        note = f"shared by {count} companies, the text also names this one as "
        return [result(owner, owner.confidence, note + named[owner.company_id])]
    deliberate = [o for o in best.values() if o.origin in _DELIBERATE]
    if len(deliberate) == 1 and hit.method != "identifier":
        owner = deliberate[0]
        note = f"shared by {count} companies, only this one has it as a CRM name"
        return [result(owner, min(owner.confidence, PREFERRED_CONFIDENCE), note)]
    if count > MAX_SHARED_DERIVED:
        return []  # a name this many customers share says nothing about which one
    note = f"shared by {count} companies"
    return [result(o, o.confidence * SHARED_FACTOR, note) for o in best.values()]


def _support(
    text: str,
    prepared: str,
    weak: list[_Hit],
    out: dict[tuple[int, int], NameHit],
    named: dict[int, str],
) -> list[NameHit]:
    """An ordinary-word name counts when the text backs it: the company is also named or
    identified, a legal form follows ("Apple Inc."), it stands in a list with linked
    companies, or the text writes it capitalised more than once, each time on its own (not
    the first word of another proper name: "Target Price", "Southern California")."""
    standalone: Counter[int] = Counter()
    for hit in weak:
        if _capitalised_alone(text, hit):
            for company in {o.company_id for o in hit.owners}:
                standalone[company] += 1
    linked = {(h.start, h.end) for h in out.values() if h.confidence >= 0.5}
    results: list[NameHit] = []
    pending = list(weak)
    progress = True
    while pending and progress:  # a list ("Alphabet, Apple, Facebook") links one by one
        progress = False
        for hit in list(pending):
            reasons = _reasons(text, prepared, hit, named, standalone, linked)
            if not reasons:
                continue
            pending.remove(hit)
            progress = True
            owners = [o for o in hit.owners if o.company_id in reasons]
            support = {company: f"ordinary word, {why}" for company, why in reasons.items()}
            for result in _resolve_shared(text, hit, owners, named, support, WEAK_CONFIDENCE):
                results.append(result)
                if result.confidence >= 0.5:
                    linked.add((result.start, result.end))
                    # "Apple's iPhone ... Apple Inc. said": the first counts once the second does
                    why = support[result.company_id].removeprefix("ordinary word, ")
                    named.setdefault(result.company_id, f"'{result.surface}' ({why})")
    return results


def _reasons(
    text: str,
    prepared: str,
    hit: _Hit,
    named: dict[int, str],
    standalone: Counter[int],
    linked: set[tuple[int, int]],
) -> dict[int, str]:
    """For each company the weak span may name, why the text supports it (if it does)."""
    reasons: dict[int, str] = {}
    context: str | None = None  # the same for every owner of the span: computed once
    for owner in hit.owners:
        company = owner.company_id
        if company in reasons:
            continue
        if company in named:
            reasons[company] = f"the text also names it as {named[company]}"
        elif owner.origin not in _DELIBERATE:
            continue  # a derived short name or a one-letter ticker needs the company named
        else:
            if context is None:
                context = _context(text, prepared, hit, linked)
            if context:
                reasons[company] = context
            elif standalone[company] > 1 and not _shouting(text, hit.start, hit.end):
                reasons[company] = f"named {standalone[company]} times"
    return reasons


def _context(text: str, prepared: str, hit: _Hit, linked: set[tuple[int, int]]) -> str:
    """What around a span makes an ordinary-word name a company name ("" if nothing)."""
    form = _legal_form_after(text, prepared, hit.end)
    if form:
        return f"legal form follows ({form})"
    listed = _listed_with(text, hit, linked)
    if listed:
        return f"listed with {listed}"
    if _capitalised_words(text, hit) and not _shouting(text, hit.start, hit.end):
        return "several capitalised words"
    return ""


def _capitalised_words(text: str, hit: _Hit) -> bool:
    """A name of two or more words, each capitalised ("İş Bankası", "Bank of America")."""
    parts = [p for p in text[hit.start : hit.end].split() if p.lower() not in _SMALL_WORDS]
    return len(parts) > 1 and all(p[:1].isupper() for p in parts)


def _capitalised_alone(text: str, hit: _Hit) -> bool:
    """Written with capitals, in mixed-case text, and not followed by another capitalised word."""
    surface = text[hit.start : hit.end]
    if not surface[:1].isupper() or _shouting(text, hit.start, hit.end):
        return False
    following = _NEXT_WORD.match(text, hit.end)
    return following is None or not following.group(1).isupper()


def _legal_form_after(text: str, prepared: str, end: int) -> str | None:
    """The legal form or company-type word right after a name, capitalised as such
    ("Apple Inc.", "Koç Holding", "KOÇ A.Ş."; not "Apple'ın", not "Target the")."""
    segment = prepared[end : end + 48]
    tokens = segment.split()
    if not tokens or tokens[0].startswith("'"):
        return None  # "Apple'ın şirket ..." : a suffix ends the name
    if not text[end + len(segment) - len(segment.lstrip())].isupper():
        return None
    tokens = [t.split("'")[0] for t in tokens[:4]]
    for form in forms_by_first_word().get(tokens[0], ()):
        if form[0] not in _NOT_FORMS and tuple(tokens[: len(form)]) == form:
            return " ".join(form)
    return None


def _listed_with(text: str, hit: _Hit, linked: set[tuple[int, int]]) -> str | None:
    """A linked company right before or after, separated only by a comma, "and", "ve"…"""
    for start, end in linked:
        if hit.start - 30 <= end <= hit.start:
            gap = _LIST_GAP.match(text, end, hit.start)
            if gap and gap.end() == hit.start and _has_separator(text[end : hit.start]):
                return f"'{text[start:end]}'"
        elif hit.end <= start <= hit.end + 30:
            gap = _LIST_GAP.match(text, hit.end, start)
            if gap and gap.end() == start and _has_separator(text[hit.end : start]):
                return f"'{text[start:end]}'"
    return None


def _has_separator(gap: str) -> bool:
    return any(ch in gap for ch in ",;/&") or _CONJUNCTION.search(gap) is not None


def _shouting(text: str, start: int, end: int) -> bool:
    """No lower-case letter around: an all-caps headline or text, where case proves nothing."""
    window = text[max(0, start - 40) : end + 40]
    return window == window.upper()

"""Context rules: what each span found by the index names, with confidence and explanation.

In order: a person's name is no company ("Mehmet Cengiz"); identifiers and tickers (an
acronym spelled out before it, "Derneği (ODD)", is no ticker); then names that one company
has, names several share (`_resolve_shared`), and ordinary-word names, which count only with
support from the text (`_support`).
"""

from __future__ import annotations

import re
from collections import Counter

from signals.hits import NameHit, Owner, Span
from signals.identifiers import explicit_ticker_form
from signals.names import (
    given_names,
    institution_words,
    name_like,
    person_names,
    turkish_words,
)
from signals.normalize import fold, forms_by_first_word, generic_words

# Confidence of a shared name when the text does not tell which company it means: below the
# link threshold (pipeline.LINK_THRESHOLD), so it is kept only as a candidate.
SHARED_FACTOR = 0.5
WEAK_CONFIDENCE = 0.6
# A name the CRM gave (legal name, alias) beats another company's derived short name or ticker.
PREFERRED_CONFIDENCE = 0.75
MAX_SHARED_DERIVED = 3
DELIBERATE = frozenset({"legal", "alias"})
_NOT_FORMS = frozenset({"the", "ve", "and", "&"})
_SMALL_WORDS = frozenset({"of", "the", "and", "&", "ve", "de", "la", "du", "des", "der", "und"})
# Words skipped when reading an acronym's letters off the words before it.
_ACRONYM_GAPS = frozenset({"ve", "and", "of", "the", "for", "de", "ile", "&"})
_NEXT_FULL_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
# Results that depend only on their key, kept per process and cleared when this large: whether
# a word begins an institution's name (_institution_after; names are mostly followed by a few
# thousand common words), and round(confidence, 4) (_round4).
_CACHE_LIMIT = 16384
_INSTITUTION_WORDS: dict[str, bool] = {}
_ROUNDED: dict[float, float] = {}
_new_tuple = tuple.__new__  # see _result()
_WORDS_BEFORE_PAREN = re.compile(r"((?:[^\W\d_][\w.&'’-]*[ \t]+){1,12})\([ \t]*$")
# Capitalised words that stand before a company's name without being part of it.
_NATIONALITIES = frozenset(
    fold(word)
    for word in (
        *("Alman", "Fransız", "Japon", "Amerikan", "İngiliz", "İtalyan", "İspanyol", "Rus"),
        *("Yunan", "Arap", "Fin", "Çek", "Leh", "Macar", "Türk", "Kore", "Çin", "Hint"),
        *("Kanada", "German", "French", "Japanese", "American", "British", "English"),
        *("Italian", "Spanish", "Russian", "Chinese", "Korean", "Dutch", "Swedish", "Swiss"),
        *("Canadian", "Indian", "Turkish", "European", "Asian", "Global", "Dev", "Sayın"),
        *("Mr", "Mrs", "Ms", "Dr"),
    )
)
# After an outlet's name: spoke or gave a statement to it ("Hürriyet'e konuştu", "Hürriyet'e,
# şunları söyledi"), or its report ("Reuters'ın haberine göre", "Hürriyet'ten Ayşe Kaya'nın
# haberine göre", "Hürriyet gazetesinden … haberi"). ’ may arrive as U+0092.
_CREDIT_AFTER = re.compile(
    r"['’\x92]?(?:[yn]?[ae],?(?:[ \t]+\w+){0,2}?[ \t]+"
    r"(?:konuş|açıklama(?:[ \t]+yap|da[ \t]+bulun)|demeç|anlat|söyle)"
    r"|n?[ıiuü]n[ \t]+haber(?:i|in|ine)\b"
    r"|(?:n?[dt][ae]n|[ \t]+gazetesi(?:nden|nde|nin)?)\b[^.\n]{0,60}?haber(?:i|in|ine)\b)",
    re.IGNORECASE,
)
# A capitalised name in the genitive right before: "Samsung'un", "Apple’ın".
_OWNER_BEFORE = re.compile(r"\b([A-ZÇĞİÖŞÜ][\w&-]*)['’\x92]n?[ıiuü]n[ \t]+$")
_CREDIT_LINE_END = re.compile(r"[ \t]*\)[ \t]*(?:\n|$)")
# A product's model code after its line's name: "Galaxy A8", "Galaxy S6'nın" (not "Türksat
# 4A", a satellite of the company).
_MODEL_CODE = re.compile(r"[ \t]+[A-Z]{1,3}\d+[A-Za-z]*\b")
_CONJUNCTION = re.compile(r"\b(?:and|ve|ile|or|veya|und|et)\b")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_])")
# Between two names of a list: a suffix, a short parenthesis ("Aygaz (28), Opet (25)"),
# then commas, slashes, "and", "ve"…
_LIST_GAP = re.compile(
    r"(?:['’][^\W\d_]*)?(?:\s*\([^()\n]{1,16}\))?"
    r"[\s,;/&()\"“”]*(?:(?:and|ve|ile|or|veya|und|et)\b[\s,;/&()\"“”]*)?"
)


def written_as_name(text: str, start: int, end: int, owner: Owner) -> bool:
    """Case rules: a ticker in upper case (or an explicit form), a short name capitalised."""
    surface = text[start:end]
    if owner.origin == "ticker":
        return surface.isupper() or explicit_ticker_form(text, start, end) is not None
    return not owner.needs_capital or surface[:1].isupper()


def decide(
    text: str,
    prepared: str,
    hits: list[Span],
    turkish: bool,
    sports: list[tuple[int, int]],
) -> list[NameHit]:
    """Apply the context rules in order: persons, identifiers and tickers, shared names, weak
    names. `turkish`: the text is Turkish (which words are ordinary depends on it); `sports`:
    where its sports words are (see names.sports_spans())."""
    # Each span's person test is made once (it is used twice below).
    is_person = [bool(hit.owners) and _person(text, hit) for hit in hits]
    persons = {hit.key for hit, person in zip(hits, is_person, strict=True) if person}
    # A name that is a sports club in one sentence is the club throughout the text; most
    # texts hold no word of a match.
    clubs: set[str] = set()
    if sports and any(hit.owners and _derived_or_alias(hit) for hit in hits):
        clubs = {hit.key for hit in hits if hit.owners and _sports_club(text, sports, hit)}
    # A bare ticker inside a name found in full is that name's word ("Dorian LPG").
    names = [(hit.start, hit.end) for hit in hits if hit.owners and hit.method == ""]
    ends = {end for _, end in names}
    kept: list[Span] = []
    for hit, person in zip(hits, is_person, strict=True):
        if (
            hit.owners
            and not _inside_a_name(hit, names)
            and not (hit.key in persons and (person or _needs_capital(hit)))
            and not _institution_after(text, hit)
            and not _source_credit(text, hit)
            and not (hit.key in clubs and _derived_or_alias(hit))
            and not (
                _only_guessed(hit)
                and (_after_another_name(text, hit, ends) or _MODEL_CODE.match(text, hit.end))
            )
        ):
            kept.append(hit)
    hits = kept
    named: dict[int, str] = {}  # company → how the text names it unambiguously
    for hit in hits:
        first = hit.owners[0]
        company = first.company_id
        if (
            company not in named
            and not first.weak
            and all(o.company_id == company for o in hit.owners)
        ):
            named[company] = _describe(text, hit)
    out: dict[tuple[int, int], NameHit] = {}
    weak: list[Span] = []
    for hit in hits:
        strong = [o for o in hit.owners if not o.weak]
        if not strong:
            weak.append(hit)
        elif len(strong) == 1:  # _resolve_shared()'s first case, without its call
            _keep(out, _result(text, hit, strong[0], min(strong[0].confidence, 1.0), []))
        else:
            for result in _resolve_shared(text, hit, strong, named):
                _keep(out, result)
    if weak:
        for result in _support(text, prepared, weak, out, named, turkish, persons):
            _keep(out, result)
    return sorted(out.values(), key=lambda h: (h.start, h.company_id))


def _word_before(text: str, start: int) -> tuple[int, str] | None:
    """(offset, word) of the letters right before the spaces before `start`, within 24
    characters (a plain loop: this runs for every candidate name)."""
    low = max(0, start - 24)
    end = start
    while end > low and text[end - 1] in " \t":
        end -= 1
    if end == start:
        return None
    begin = end
    while begin > low and text[begin - 1].isalpha():
        begin -= 1
    return (begin, text[begin:end]) if begin < end else None


def _source_credit(text: str, hit: Span) -> bool:
    """A news outlet credited as the source, not named in the story: "Hürriyet'e konuştu",
    "Reuters'ın haberine göre", a closing "( Hürriyet )" line."""
    if hit.method == "identifier":
        return False
    if _may_credit(text, hit.end) and _CREDIT_AFTER.match(text, hit.end):
        return True
    before = text[max(0, hit.start - 3) : hit.start]
    opened = "(" in before and before.rstrip(" \t").endswith("(")
    return opened and _CREDIT_LINE_END.match(text, hit.end) is not None


def _sports_club(text: str, sports: list[tuple[int, int]], hit: Span) -> bool:
    """A name derived or given as an alias, in a sentence about a match: the sports club
    named after the company ("Anadolu Efes, Fenerbahçe'yi yendi"), not the company. The
    legal name itself is the company even there. `sports`: where the text's sports words
    are (names.sports_spans())."""
    if not _derived_or_alias(hit):
        return False
    low = max(0, text.rfind(".", max(0, hit.start - 300), hit.start) + 1)
    high = text.find(".", hit.end, hit.end + 300)
    if high < 0:
        high = hit.end + 300
    return any(low <= start and end <= high for start, end in sports)


def _derived_or_alias(hit: Span) -> bool:
    """Every company the span may name has it as a derived short name or an alias."""
    return all(owner.origin in ("short", "alias") for owner in hit.owners)


def _may_credit(text: str, end: int) -> bool:
    """False where _CREDIT_AFTER cannot match at `end` (a cheap test of its first letters,
    case-insensitive: an apostrophe, y n a e ı i u ü d t, or blanks before "gazetesi")."""
    char = text[end : end + 1]
    if char == " " or char == "\t":
        while text[end : end + 1] in (" ", "\t"):
            end += 1
        return text[end : end + 1] in ("g", "G")
    return not char.isascii() or char.lower() in "ynaeiudt'"


def _needs_capital(hit: Span) -> bool:
    """A one-word name every company has only as a capitalised word ("Smith", "Hunt"): once
    the text gives it to a person ("Jermaine Smith"), a bare "Smith" is that person too. Not
    a Turkish family name: "Rahmi Koç … KOÇ Grubu" names the family's group as well."""
    if " " in hit.key or hit.key in name_like():
        return False
    for owner in hit.owners:  # noqa: SIM110 (all() without a generator: runs for every span)
        if not owner.needs_capital:
            return False
    return True


def _only_guessed(hit: Span) -> bool:
    """Every company the span may name has it only as a short name (its legal name's first
    word): a guess. One right after another name is that name's product or part ("Samsung
    Galaxy")."""
    if " " in hit.key:
        return False
    for owner in hit.owners:  # noqa: SIM110 (all() without a generator: runs for every span)
        if owner.origin != "short":
            return False
    return True


def _after_another_name(text: str, hit: Span, ends: set[int]) -> bool:
    """Right after a portfolio name, after a capitalised name in the genitive ("Samsung'un
    Galaxy"), or after a capitalised word inside a sentence that is no nationality, place or
    acronym: the span ends a longer proper name ("Samsung Galaxy", "ZenFone Zoom"), not
    "Japon Toyota", "ABD Apple", "Türkiye'nin Aselsan'ı"."""
    if text[hit.start - 1 : hit.start] != " ":
        return False
    if hit.start - 1 in ends:
        return True
    # _OWNER_BEFORE ends in "n" and spaces: without that "n" the search cannot match.
    low, at = max(0, hit.start - 32), hit.start
    while at > low and text[at - 1] in " \t":
        at -= 1
    owner = _OWNER_BEFORE.search(text, low, hit.start) if text[at - 1 : at] == "n" else None
    if owner is not None and fold(owner.group(1)) not in generic_words():
        return True  # "Samsung'un Galaxy Tab": a capitalised owner's product
    before = _word_before(text, hit.start)
    if before is None or before[0] < 2 or not before[1][:1].isupper():
        return False
    word, previous = before[1], text[max(0, before[0] - 8) : before[0]].rstrip()[-1:]
    folded = fold(word)
    return not (
        previous in ("", ".", "!", "?", ":", "\n", '"', "“", "'", "(")
        or word.isupper()
        or folded in generic_words()
        or folded in _NATIONALITIES
        # Turkish "-li" adjectives ("Koreli", "Tayvanlı") and titles with their possessive
        # ("Türkiye Distribütörü Bilkom") end in i or u once folded.
        or folded.endswith(("i", "u"))
    )


def _inside_a_name(hit: Span, names: list[tuple[int, int]]) -> bool:
    if hit.method:
        return False
    for owner in hit.owners:  # all() without a generator
        if owner.origin != "ticker":
            return False
    hit_start, hit_end = hit.start, hit.end
    for start, end in names:  # any() without a generator: a ticker is checked against them all
        if start <= hit_start and hit_end <= end and (start != hit_start or end != hit_end):
            return True
    return False


def _person(text: str, hit: Span) -> bool:
    """A one-word name right after a capitalised given name names a person: "Mehmet Cengiz",
    "Sakıp Sabancı", "Tim Hunt", "Abraham Lincoln"; so does a short name (a legal name's first
    word) that is itself a given name before a capitalised word: "Jack Lew", "Hugo Weaving".
    Not a ticker or identifier."""
    if hit.method == "identifier" or " " in hit.key:
        return False
    for owner in hit.owners:
        if owner.origin != "ticker":
            break
    else:  # only tickers
        if hit.key not in person_names():
            return False
    # No space right before: no word before (what _word_before() would find, without a call).
    start = hit.start
    before = _word_before(text, start) if start and text[start - 1] in " \t" else None
    if (
        before is not None
        and before[1][:1].isupper()
        and fold(before[1]) in given_names()
        # In capitals ("ÖZEL SONY") only a person-like name is taken for a surname.
        and (
            not before[1].isupper() or hit.key in person_names() or any(o.weak for o in hit.owners)
        )
    ):
        return True
    if hit.key in given_names() and all(o.origin == "short" for o in hit.owners):
        following = _NEXT_FULL_WORD.match(text, hit.end)
        return (
            following is not None
            and following.group(1)[:1].isupper()
            and not following.group(1).isupper()  # "SONY MOBILE": capitals prove nothing
        )
    return False


def classify_tickers(text: str, hit: Span) -> None:
    """A ticker written "(SISE)" or "BIST: SISE" is an identifier, unless the parenthesis
    spells out the words before it ("Otomotiv Distribütörleri Derneği (ODD)": an acronym);
    bare, it must stand in mixed-case text (in an all-caps headline every word is upper case)."""
    if hit.method == "identifier" or not any(o.origin == "ticker" for o in hit.owners):
        return
    form = explicit_ticker_form(text, hit.start, hit.end)
    if form and form.startswith("(") and _spelled_out_before(text, hit.start, hit.key):
        form = None
    if form:
        hit.owners = [
            Owner(o.company_id, "identifier", 0.99, False, False)
            for o in hit.owners
            if o.origin == "ticker"
        ]
        hit.method, hit.why = "identifier", f"ticker written as {form}"
        return
    if _shouting(text, hit.start, hit.end):
        hit.owners = [o for o in hit.owners if o.origin != "ticker"]


def _spelled_out_before(text: str, start: int, symbol: str) -> bool:
    """Whether the words right before "(" begin with the letters of `symbol`, in order."""
    low = max(0, start - 160)
    words = _WORDS_BEFORE_PAREN.search(text, _words_from(text, low, start), start)
    if words is None:
        return False
    initials = [
        fold(word)[:1] for word in words.group(1).split() if fold(word) not in _ACRONYM_GAPS
    ]
    letters = fold(symbol).replace(" ", "")
    return len(letters) > 1 and "".join(initials[-len(letters) :]) == letters


def _words_from(text: str, low: int, start: int) -> int:
    """Where a _WORDS_BEFORE_PAREN match before `start` can begin at the earliest: its words
    and spaces run without a break up to the last "(" and hold at most 12 runs of spaces, so
    the search need not try the rest of the window (the same match, found much faster)."""
    paren = text.rfind("(", low, start)
    if paren < 0:
        return low  # no match anyway
    at, runs = paren, 0
    while at > low:
        char = text[at - 1]
        if char == " " or char == "\t":
            if runs == 12:
                return at
            runs += 1
            at -= 1
            while at > low and text[at - 1] in " \t":
                at -= 1
        elif char.isalnum() or char in "_.&'’-":
            at -= 1
        else:
            return at
    return low


def _describe(text: str, hit: Span) -> str:
    if hit.method == "identifier":
        return hit.why
    return f"'{text[hit.start : hit.end]}'"


def _keep(out: dict[tuple[int, int], NameHit], hit: NameHit) -> None:
    key = (hit.company_id, hit.start)
    if key not in out or out[key].confidence < hit.confidence:
        out[key] = hit


def _result(text: str, hit: Span, owner: Owner, confidence: float, notes: list[str]) -> NameHit:
    if hit.method == "identifier":
        method, why = "identifier", hit.why
    else:
        method, why = owner.origin, f"{owner.origin} name '{hit.key}'"
    for note in notes:
        if note:
            why = f"{why}; {note}"
    # tuple.__new__: a NamedTuple made without its Python-level __new__ (twice as fast).
    surface = text[hit.start : hit.end]
    rounded = _round4(confidence)
    return _new_tuple(
        NameHit, (owner.company_id, hit.start, hit.end, surface, method, rounded, why)
    )


def _round4(confidence: float) -> float:
    """round(confidence, 4), which formats the number: once per value (a portfolio has a few
    dozen). Only for a non-zero float: 1 and 1.0, 0.0 and -0.0 are one key of a dict."""
    if type(confidence) is not float or not confidence:
        return round(confidence, 4)
    rounded = _ROUNDED.get(confidence)
    if rounded is None:
        if len(_ROUNDED) >= _CACHE_LIMIT:
            _ROUNDED.clear()
        rounded = _ROUNDED[confidence] = round(confidence, 4)
    return rounded


def _resolve_shared(
    text: str,
    hit: Span,
    owners: list[Owner],
    named: dict[int, str],
    support: dict[int, str] | None = None,
    cap: float = 1.0,
) -> list[NameHit]:
    """One company, or the one of several the text otherwise names, or all of them halved."""
    if len(owners) == 1:  # the common case
        owner = owners[0]
        reason = support.get(owner.company_id, "") if support else ""
        return [_result(text, hit, owner, min(owner.confidence, cap), [reason, ""])]
    best: dict[int, Owner] = {}
    for owner in owners:
        if owner.company_id not in best or best[owner.company_id].confidence < owner.confidence:
            best[owner.company_id] = owner

    def result(owner: Owner, confidence: float, note: str = "") -> NameHit:
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
    deliberate = [o for o in best.values() if o.origin in DELIBERATE]
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
    weak: list[Span],
    out: dict[tuple[int, int], NameHit],
    named: dict[int, str],
    turkish: bool,
    persons: set[str],
) -> list[NameHit]:
    """An ordinary-word name counts when the text backs it: the company is also named or
    identified, a legal form follows ("Apple Inc."), it stands in a list with linked
    companies, or the text writes it capitalised more than once, each time on its own (not
    the first word of another proper name: "Target Price", "Southern California"; not a
    person's surname). In Turkish text a rare dictionary word ("Otokar", "Hürriyet") also
    counts where the text writes it only as a name: capitalised, never in lower case."""
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
        still: list[Span] = []  # the spans left for the next pass, in order
        for hit in pending:
            reasons = _reasons(text, prepared, hit, named, standalone, linked, turkish, persons)
            if not reasons:
                still.append(hit)
                continue
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
        pending = still
    return results


def _reasons(
    text: str,
    prepared: str,
    hit: Span,
    named: dict[int, str],
    standalone: Counter[int],
    linked: set[tuple[int, int]],
    turkish: bool,
    persons: set[str],
) -> dict[int, str]:
    """For each company the weak span may name, why the text supports it (if it does)."""
    reasons: dict[int, str] = {}
    context: str | None = None  # the same for every owner of the span: computed once
    # A surname, or a name the text also gives a person ("Sakıp Sabancı ... Sabancı said"),
    # repeated is that person; in Turkish text a generic word repeated is the word (Anadolu).
    person = hit.key in person_names() or hit.key in persons
    repeatable = not person and not (turkish and hit.key in generic_words())
    for owner in hit.owners:
        company = owner.company_id
        if company in reasons:
            continue
        if company in named:
            reasons[company] = f"the text also names it as {named[company]}"
            continue
        if owner.origin == "ticker" or hit.method == "identifier":
            continue  # a common-word or one-letter ticker needs the company named
        if context is None:
            # A derived short name takes only a list of linked companies: a legal form after it
            # names another company ("Carlyle Group" is not Carlyle Commodities Corp).
            context = _context(text, prepared, hit, linked, owner.origin in DELIBERATE)
        if context:
            reasons[company] = context
        elif turkish and not person and _written_only_as_name(text, prepared, hit):
            reasons[company] = "a rare word the text writes only as a name"
        elif (
            owner.origin in DELIBERATE
            and repeatable
            and standalone[company] > 1
            and not _shouting(text, hit.start, hit.end)
        ):
            reasons[company] = f"named {standalone[company]} times"
    return reasons


def _written_only_as_name(text: str, prepared: str, hit: Span) -> bool:
    """A one-word dictionary name (not a generic word) that the text writes capitalised and
    on its own every time, at least once inside a sentence, and never in lower case: used as
    a name here ("Otokar (63)", "Hürriyet'in"), not as the word ("fındık fiyatları")."""
    key = hit.key
    if " " in key or key not in turkish_words() or key in generic_words():
        return False
    if _shouting(text, hit.start, hit.end):
        return False
    clean = False
    spaced = " " + prepared
    at = spaced.find(" " + key)
    while at >= 0:
        end = at + len(key)
        after = spaced[end + 1 : end + 2]
        if after == " " or after == "'" or after == "":
            surface = text[at:end]
            if not surface[:1].isupper():
                return False
            clean = clean or _alone_in_sentence(text, at, end)
        at = spaced.find(" " + key, at + 1)
    return clean


def _context(
    text: str, prepared: str, hit: Span, linked: set[tuple[int, int]], deliberate: bool = True
) -> str:
    """What around a span makes an ordinary-word name a company name ("" if nothing)."""
    form = _legal_form_after(text, prepared, hit.end) if deliberate else None
    if form:
        return f"legal form follows ({form})"
    listed = _listed_with(text, hit, linked)
    if listed:
        return f"listed with {listed}"
    if not deliberate:
        return ""
    if _capitalised_words(text, hit) and not _shouting(text, hit.start, hit.end):
        return "several capitalised words"
    return ""


def _alone_in_sentence(text: str, start: int, end: int) -> bool:
    """Capitalised inside a sentence, not in all capitals, and not one word of a longer
    capitalised name ("Alt Yapı Genel Müdürü", "Kargo-Posta", "Teknik Önizleme")."""
    surface = text[start:end]
    if surface.isupper() or text[max(0, start - 1) : start] == "-":
        return False
    if text[max(0, start - 3) : start].rstrip()[-1:] in ("", ".", "!", "?", ":", "\n"):
        return False
    before = _word_before(text, start)
    if before is not None and before[1][:1].isupper():
        return False
    following = _NEXT_WORD.match(text, end)
    return following is None or not following.group(1).isupper()


def _institution_after(text: str, hit: Span) -> bool:
    """The name begins an institution or place named after it: "Sabancı Vakfı"."""
    if hit.method == "identifier":
        return False
    if text[hit.end : hit.end + 1] not in (" ", "\t"):
        return False  # _NEXT_FULL_WORD starts with a blank
    following = _NEXT_FULL_WORD.match(text, hit.end)
    if following is None:
        return False
    word = following.group(1)
    institution = _INSTITUTION_WORDS.get(word)
    if institution is None:  # fold() and the prefix test once per word
        if len(_INSTITUTION_WORDS) >= _CACHE_LIMIT:
            _INSTITUTION_WORDS.clear()
        institution = _INSTITUTION_WORDS[word] = fold(word).startswith(institution_words())
    return institution


def _capitalised_words(text: str, hit: Span) -> bool:
    """A name of two or more words, each capitalised ("İş Bankası", "Bank of America")."""
    parts = [p for p in text[hit.start : hit.end].split() if p.lower() not in _SMALL_WORDS]
    return len(parts) > 1 and all(p[:1].isupper() for p in parts)


def _capitalised_alone(text: str, hit: Span) -> bool:
    """Written with capitals, in mixed-case text, and not followed by another capitalised word."""
    surface = text[hit.start : hit.end]
    if not surface[:1].isupper() or _shouting(text, hit.start, hit.end):
        return False
    if text[hit.end : hit.end + 1] not in (" ", "\t"):
        return True  # _NEXT_WORD starts with a blank: no word follows
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


def _listed_with(text: str, hit: Span, linked: set[tuple[int, int]]) -> str | None:
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

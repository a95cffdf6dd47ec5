"""The names a text would use for a company, derived from what the CRM stores.

For each company: the legal name as a text writes it (legal form dropped: "Koç Holding"),
its core (company-type words dropped too: "Koç"), the CRM's aliases, a distinctive first
word ("Aselsan" from "ASELSAN ELEKTRONİK SANAYİ VE TİCARET A.Ş."), and the ticker. A name
that is an ordinary word ("Koç", "Target", "Anadolu Sigorta") is *weak*: matching.py links it
only with support from the text.

Whether a word is ordinary depends on the language of the text, so each name carries two
flags. In English text: wordfreq (English and Turkish, Zipf scale) plus the hand-kept list in
data/generic_words.yml. In Turkish text the English frequency of a brand ("Toyota", "Fitch")
says nothing; what counts is the Turkish lexicon (data/tr_words.txt), Turkish person names
(data/tr_person_names.txt: "Cengiz", "Yaşar"), the Turkish frequency, and English words that are
far more frequent in English than in Turkish ("Target", "Black"). The tables are read once per
process and kept folded, so deriving names for 150,000 companies does no per-word library call.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

import yaml
from wordfreq import get_frequency_list

from signals.identifiers import normalize_isin, normalize_vkn
from signals.normalize import (
    CONNECTORS,
    DATA,
    connector_variants,
    english_only_words,
    fold,
    generic_words,
    leading_legal_forms,
    match_form,
    place_words,
    strip_legal_forms,
    strip_trailing_legal_forms,
    words,
)

# Zipf frequency (wordfreq) from which a word is ordinary, not a name: a single-word name at
# or above it is weak. English brand names sit at 4–5 (Apple 4.8). Famous Turkish brands sit
# at 3–4.7 in Turkish (Aselsan 3.4, Turkcell 4.1, Hürriyet 4.6), ordinary Turkish words higher
# (devlet 5.7, mavi 5.1); Turkish surnames (Koç 4.7) are in data/generic_words.yml.
COMMON_ZIPF = {"en": 3.5, "tr": 5.0}
# A first word below RARE_ZIPF makes a distinctive short name ("Aselsan"); up to VERY_COMMON a
# weak one, linked only where the text also names the company otherwise ("Toyota Motor Corp
# ... Toyota said"); above VERY_COMMON none ("Devlet" from "Devlet Hava Meydanları").
RARE_ZIPF = {"en": 3.0, "tr": 5.0}
VERY_COMMON_ZIPF = {"en": 5.0, "tr": 5.5}
# In Turkish text an English word is ordinary when it is common in English and this much more
# frequent in English than in Turkish: "target" (4.8 vs 3.2), not "toyota" (3.95 vs 3.90),
# whose frequency in every language comes from the brand.
ENGLISH_GAP = 0.75
# In a two-word name, a Turkish word at least this frequent is an ordinary word ("Hava" 5.5);
# brands stay below it ("Efes" 4.3, "Renault" 4.0).
PLAIN_ZIPF_TR = 4.5
# The Turkish frequency table goes down to this (for ENGLISH_GAP and suffixed forms).
TR_FLOOR = 3.0
_TICKER = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{0,7}$")
_NO_CONNECTOR = frozenset(CONNECTORS)
_NOT_DIGIT = re.compile(r"[^0-9]")
# SEC names end with a state or a note between slashes: "TOYOTA MOTOR CORP/", "X INC /DE/".
_SEC_SUFFIX = re.compile(r"\s*/[A-Z]{0,3}/?\s*$")
_AMPERSAND_NAME = re.compile(r"^[a-z]{1,3}&[a-z]{1,3}$")
_TURKISH_LETTERS = re.compile("[çğıöşüÇĞİÖŞÜ]")
# How a Turkish legal form ends once folded into words: A.Ş., T.A.Ş., A.O., Ltd. Şti.
_TURKISH_FORM_ENDS = frozenset({"s", "as", "o", "sti"})
# The state's name before a state or Turkish company's name, which texts leave out.
_STATE_PREFIXES = (("turkiye", "cumhuriyeti"), ("t", "c"), ("tc",), ("turkiye",))
_STATE_FIRST_WORDS = frozenset(prefix[0] for prefix in _STATE_PREFIXES)
# A company kind that makes "X Bankası" a name even when X is an ordinary word ("İş Bankası",
# "Halk Yatırım"), unless X is the state's or a place's name ("Türkiye Yatırım", "Avrupa
# Yatırım Bankası").
_KIND_WORDS = frozenset(
    {"bankasi", "bank", "sigorta", "holding", "yatirim", "portfoy", "menkul", "leasing"}
    | {"faktoring"}
)
_STATE_WORDS = frozenset({"turkiye", "turk", "tc", "t", "milli", "ulusal", "devlet"})

ORIGINS = ("legal", "alias", "short", "ticker", "tax_number", "isin")


class CompanyName(NamedTuple):
    """One searchable name of one company: folded key, origin and how much it proves."""

    key: str
    company_id: int
    origin: str  # legal | alias | short | ticker | tax_number | isin
    confidence: float
    needs_capital: bool  # only count it where the text writes it capitalised
    weak: bool = False  # an ordinary word in English text: linked only with support
    weak_tr: bool | None = None  # the same in Turkish text (None: as `weak`)


@cache
def _zipf_table() -> dict[str, tuple[float, float]]:
    """Folded word → (English Zipf, Turkish Zipf), only for words some threshold cares about
    (English ≥ 3, Turkish ≥ 3): about 90,000 entries."""
    table: dict[str, tuple[float, float]] = {}
    floors = {"en": RARE_ZIPF["en"], "tr": TR_FLOOR}
    for position, lang in enumerate(("en", "tr")):
        # The "small" lists hold exactly the words at Zipf ≥ 3; bucket i is Zipf 9 - i/100.
        for index, bucket in enumerate(get_frequency_list(lang, "small")):
            zipf = 9.0 - index / 100
            if zipf < floors[lang]:
                break
            for word in bucket:
                key = fold(word)
                en, tr = table.get(key, (0.0, 0.0))
                if position == 0 and zipf > en:
                    table[key] = (zipf, tr)
                elif position == 1 and zipf > tr:
                    table[key] = (en, zipf)
    return table


def zipf(token: str) -> tuple[float, float]:
    """How common a folded word is in English and Turkish (0.0 below Zipf 3)."""
    return _zipf_table().get(token, (0.0, 0.0))


def english_zipf(token: str) -> float:
    """How common a (folded) word is in English, on wordfreq's Zipf scale (0.0 below 3)."""
    return zipf(token)[0]


def is_common(token: str) -> bool:
    """An ordinary word in English text ("Target", "Koç", "Green"): as a name it needs context."""
    if token in generic_words() or token in english_only_words():
        return True
    if not token.isalpha():
        return False
    en, tr = zipf(token)
    return en >= COMMON_ZIPF["en"] or tr >= COMMON_ZIPF["tr"]


def is_common_tr(token: str) -> bool:
    """An ordinary word in Turkish text: a Turkish word ("Fındık", "Teknik"), a person's name
    ("Cengiz", "Bayraktar"), a very frequent word, or an English word that Turkish does not
    borrow as a brand ("Target"). "Toyota", "Fitch", "Samsung" are not."""
    if token in generic_words() or token in turkish_words() or token in name_like():
        return True
    if not token.isalpha():
        return False
    en, tr = zipf(token)
    return tr >= COMMON_ZIPF["tr"] or (en >= COMMON_ZIPF["en"] and en - tr >= ENGLISH_GAP)


def is_acronym_or_word(token: str) -> bool:
    """A ticker that texts also use as a word or an acronym: wordfreq knows it in English or
    Turkish (Zipf ≥ 3: "lpg", "lng", "crm", "dar"; not "aapl", "thyao")."""
    return token in generic_words() or token in turkish_words() or max(zipf(token)) > 0.0


@cache
def known_turkish_words() -> frozenset[str]:
    """Every folded word a Turkish text uses as a word: wordfreq (Zipf ≥ 3, inflected forms
    included), the lexicon, person names. A name glued to a suffix must not form one."""
    table = _zipf_table()
    common = (word for word, (_, tr) in table.items() if tr > 0.0)
    return frozenset(common).union(turkish_words(), name_like())


@cache
def turkish_words() -> frozenset[str]:
    """Folded Turkish common words (data/tr_words.txt)."""
    return frozenset(_data_lines("tr_words.txt"))


@cache
def _person_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    sections: dict[str, set[str]] = {"[given]": set(), "[surname]": set(), "[other]": set()}
    target = sections["[given]"]
    for line in _data_lines("tr_person_names.txt"):
        if line in sections:
            target = sections[line]
        else:
            target.add(line)
    given, surnames, other = sections["[given]"], sections["[surname]"], sections["[other]"]
    # [other] is mostly given names ("Mehmet" is only there); those that are also words or
    # places ("Anadolu", "Devlet") do not make the next word a surname.
    ordinary = generic_words() | turkish_words()
    given_like = given | {name for name in other if name not in ordinary}
    return frozenset(given_like), frozenset(given | surnames), frozenset(given | surnames | other)


@cache
def given_names() -> frozenset[str]:
    """Folded given names, Turkish ("mehmet", "sakip") and international ("tim", "jermaine"):
    a capitalised one before a name makes a person."""
    return _person_names()[0] | _international_given_names()


def _international_given_names() -> frozenset[str]:
    return frozenset(_data_lines("given_names_intl.txt"))


def person_names() -> frozenset[str]:
    """Folded sure Turkish person names, given names and surnames ("cengiz", "yildiz")."""
    return _person_names()[1]


def name_like() -> frozenset[str]:
    """person_names() and rarer given and family names ("hurriyet", "zorlu"): all of
    data/tr_person_names.txt."""
    return _person_names()[2]


@cache
def _institution_file() -> dict[str, list[str]]:
    raw: dict[str, list[str]] = yaml.safe_load(
        (DATA / "institution_words.yml").read_text(encoding="utf-8")
    )
    return raw


@cache
def institution_words() -> tuple[str, ...]:
    """Folded prefixes of words that make a name an institution's (data/institution_words.yml)."""
    return tuple(fold(prefix) for prefix in _institution_file()["prefixes"])


@cache
def sports_patterns() -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """The words of a sentence about a match (data/institution_words.yml `sports`) as " word"
    patterns over match_form() text with apostrophes as spaces ("play-off" is "play off"
    there), and whether each is a prefix ("basketbol*"). The name index looks for them in its
    own pass over the text: a regex alternation of them took ~240 µs on a 5 KB text."""
    words = _institution_file()["sports"]
    patterns = tuple(" " + match_form(word.rstrip("*")).strip() for word in words)
    return patterns, tuple(word.endswith("*") for word in words)


def sports_spans(
    spaced: str, matches: Iterable[tuple[int, int, int]], first: int
) -> list[tuple[int, int]]:
    """(start, end) in the text of the sports words among automaton `matches` of
    sports_patterns() (numbered from `first`) over `spaced`, the text with one space in
    front: a prefix word's match, or a whole word's followed by no letter."""
    prefix = sports_patterns()[1]
    found: list[tuple[int, int]] = []
    for number, start, end in matches:
        # spaced[start] is the space before the word: its offset in the text is start.
        if prefix[number - first] or spaced[end : end + 1] in (" ", "&", ""):
            found.append((start, end - 1))
    return found


def _data_lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [fold(line.strip()) for line in text.splitlines() if line.strip()[:1] not in ("", "#")]


def short_name_kind(token: str) -> str | None:
    """What the first word of a longer name makes on its own: "strong", "weak" or None."""
    if token in generic_words():
        return None
    if _AMPERSAND_NAME.match(token):
        return "strong"  # "S&P", "AT&T", "P&G"
    if len(token) < 4 or not token.isalpha():
        return None
    en, tr = zipf(token)
    if en >= VERY_COMMON_ZIPF["en"] or tr >= VERY_COMMON_ZIPF["tr"]:
        return None
    if en >= RARE_ZIPF["en"] or tr >= RARE_ZIPF["tr"]:
        return "weak"
    return "strong"


class DerivedName(NamedTuple):
    """A CompanyName without its company: what a legal name, aliases and ticker give."""

    key: str
    origin: str
    confidence: float
    needs_capital: bool
    weak: bool  # in English text
    weak_tr: bool  # in Turkish text


def derive_names(
    company_id: int, legal_name: str, aliases: list[str], ticker: str | None
) -> list[CompanyName]:
    """Full name, name without legal forms, aliases, a distinctive first word, the ticker."""
    return [
        CompanyName(name.key, company_id, *name[1:])
        for name in derived(legal_name, tuple(aliases), ticker)
    ]


def derived(
    legal_name: str, aliases: tuple[str, ...], ticker: str | None
) -> tuple[DerivedName, ...]:
    """derive_names() without the company id (not cached: for 150,000 companies a cache
    would hold ~90 MB to save ~2 s of a rebuild that runs off to the side anyway)."""
    generic = generic_words()
    names: dict[str, DerivedName] = {}

    def add(
        tokens: list[str],
        origin: str,
        confidence: float,
        weak: bool = False,
        weak_tr: bool = False,
        capital: bool = False,
        plain: bool = False,
        any_case: bool = False,
    ) -> None:
        if not tokens:
            return
        single = len(tokens) == 1
        all_generic = generic.issuperset(tokens)
        everywhere = all_generic and not (plain or _named_by_kind(tokens))
        # A CRM alias is a deliberate name: in English text only the hand-kept generic list
        # weakens it; in Turkish text a Turkish word or a person's name does too ("Teknik").
        weak = weak or everywhere or (single and origin != "alias" and is_common(tokens[0]))
        weak_tr = weak_tr or everywhere or (single and is_common_tr(tokens[0]))
        # The confidence stays that of a distinctive name: matching.py caps a weak one.
        if weak and weak_tr:
            confidence = min(confidence, 0.6)
        capital = capital or all_generic or weak or weak_tr or origin == "short"
        if any_case and not (weak or weak_tr):
            capital = False  # a glued brand ("vakıfbank") is no word in either case
        connected = len(tokens) > 2 and not _NO_CONNECTOR.isdisjoint(tokens)
        for variant in connector_variants(tokens) if connected else (tokens,):
            key = " ".join(variant)
            if len(key) < 3:
                return
            # The strongest reading of a key wins: one weak in fewer languages, then the surer.
            had = names.get(key)
            if had is None or (had.weak + had.weak_tr, -had.confidence) > (
                weak + weak_tr,
                -confidence,
            ):
                names[key] = DerivedName(key, origin, confidence, capital, weak, weak_tr)

    if "/" in legal_name:
        legal_name = _SEC_SUFFIX.sub("", legal_name)
    legal_tokens = words(legal_name)
    if len(legal_tokens) > 1 and legal_tokens[0] in leading_legal_forms():
        legal_tokens = legal_tokens[1:]  # "PAO GAZPROM"
    full = strip_trailing_legal_forms(legal_tokens)
    core = strip_legal_forms(full)
    # The full name ("Aselsan Elektronik Sanayi ve Ticaret") adds nothing when the core
    # ("Aselsan Elektronik") begins it and is a name on its own: the core matches there too.
    if core == full or len(core) < 2 or full[: len(core)] != core:
        add(full, "legal", 0.97)
    if core != full:
        # One word left of a longer name ("Fitch" of "Fitch Ratings"): a name only capitalised.
        add(core, "legal", 0.95 if len(core) > 1 else 0.9, capital=len(core) == 1)
    if len(full) > 1 and ("'" in legal_name or "’" in legal_name):
        # "Angie's List": words() drops an inner possessive that texts keep, straight or curly
        # (match_form turns the curly one into a space).
        kept = strip_legal_forms(
            strip_trailing_legal_forms(match_form(legal_name.replace("’", "'")).split())
        )
        add(kept, "legal", 0.97)
        add(" ".join(kept).replace("'", " ").split(), "legal", 0.97)
    codes: list[str] = []
    for alias in aliases:
        if alias[-1:].isdigit() and (normalize_isin(alias) or normalize_vkn(alias)):
            continue  # a code kept among the aliases: see derive_identifiers()
        alias_tokens = strip_legal_forms(words(alias)) or words(alias)
        if len(" ".join(alias_tokens)) < 3 and alias.strip().isupper():
            codes.append(" ".join(alias_tokens))  # "GE", "HP": counted in upper case only
            continue
        add(alias_tokens, "alias", 0.95)
    if len(core) > 1:
        kind = short_name_kind(core[0])
        # "Yahoo! Japan", "Toyota Türkiye": the brand alone names the group, not this
        # regional company, so it needs the text's support.
        regional = not place_words().isdisjoint(core[1:])
        if kind:
            weak_tr = is_common_tr(core[0]) or regional
            add(core[:1], "short", 0.8, weak=kind == "weak" or regional, weak_tr=weak_tr)
    stateless = _without_state(full)
    for brand in _known_brands().get(stateless[0] if stateless else "", ()):
        if stateless[: len(brand.legal)] == list(brand.legal):
            for name in brand.names:
                add(words(name), "alias", 0.95, capital=True)
            codes.extend(brand.codes)
    for tokens, kind_name, any_case in _text_forms(legal_name, legal_tokens, full, core, stateless):
        # Forms the legal name implies ("İş Bankası", "Anadolu Efes", "Moody's"): capitalised
        # only; a kind word ("Bankası") makes a name of ordinary words, a pair of ordinary
        # words stays weak.
        common = not kind_name and _ordinary(tokens)
        add(tokens, "short", 0.8, common, common, True, plain=True, any_case=any_case)
    out = list(names.values())
    for code in codes:
        out.append(DerivedName(code, "ticker", 0.9, True, False, False))
    symbol = (ticker or "").strip().upper()
    key = " ".join(words(symbol)) if symbol and _TICKER.match(symbol) else ""
    if key:
        # Bare, a ticker counts only in upper case (matching.py); a one- or two-letter ticker
        # or a word or common acronym in either language ("ALL", "LPG", "CRM", "MARKA") needs
        # the company named or an explicit form ("(NYSE: T)", "BIST: MARKA").
        # A ticker that is also a name ("AYGAZ", "SNAP") is kept beside that name.
        weak = len(key) <= 2 or is_acronym_or_word(key)
        out.append(DerivedName(key, "ticker", 0.6 if weak else 0.9, True, weak, weak))
    return tuple(out)


def _text_forms(
    legal_name: str, legal_words: list[str], full: list[str], core: list[str], rest: list[str]
) -> list[tuple[list[str], bool, bool]]:
    """Names a text writes for a company that its legal name implies, each with whether a
    kind word ("Bankası") makes it a name and whether it counts in lower case too (a glued
    bank name, no word of either language): the name without the state's ("TÜRKİYE İŞ
    BANKASI" → "İş Bankası", "İşbank"); for a Turkish company, its first two words
    ("ANADOLU EFES BİRACILIK VE MALT" → "Anadolu Efes"); the possessive that an SEC name
    lost ("MOODYS CORP" → "Moody's"). `rest`: `full` without the state's name."""
    forms: list[tuple[list[str], bool, bool]] = []
    for tokens in (rest, _without_state(core)):
        if tokens is not full and tokens is not core and len(tokens) > 1:
            forms.append((tokens, _named_by_kind(tokens), False))
    for tokens in (rest, full):
        if len(tokens) == 2 and tokens[1] in ("bankasi", "bank") and tokens[0].isalpha():
            stem = tokens[0]
            if len(stem) > 5 and stem.endswith(("lar", "ler")):
                stem = stem[:-3]  # "Vakıflar Bankası" → "VakıfBank"
            forms.append(([stem + "bank"], False, True))
            break
    turkish = bool(_TURKISH_LETTERS.search(legal_name)) or (
        len(full) < len(legal_words) and legal_words[-1] in _TURKISH_FORM_ENDS
    )
    if turkish:
        tokens = _without_state(core)
        if len(tokens) > 2 and tokens[1] not in _NO_CONNECTOR and tokens[0].isalpha():
            forms.append((tokens[:2], _named_by_kind(tokens[:2]), False))
    first = core[0] if core else ""
    apostrophe = "'" in legal_name or "’" in legal_name
    if not apostrophe and first.isalpha() and _lost_possessive(first):
        forms.append(([first[:-1], "s", *core[1:]], False, False))  # "Moody's", "Macy's"
    return forms


class _Brand(NamedTuple):
    legal: tuple[str, ...]
    names: tuple[str, ...]
    codes: tuple[str, ...]


@cache
def _known_brands() -> dict[str, tuple[_Brand, ...]]:
    """data/known_brands.yml by the first word of the legal name it belongs to."""
    raw = yaml.safe_load((DATA / "known_brands.yml").read_text(encoding="utf-8"))
    by_first: dict[str, list[_Brand]] = {}
    for entry in raw["brands"]:
        legal = tuple(words(entry["legal"]))
        codes = tuple(" ".join(words(code)) for code in entry.get("codes", ()))
        brand = _Brand(legal, tuple(entry.get("names", ())), codes)
        by_first.setdefault(legal[0], []).append(brand)
    return {first: tuple(brands) for first, brands in by_first.items()}


def _lost_possessive(token: str) -> bool:
    """ "moodys": no word, but "moody" is one; not "systems", "glass" or "campus"."""
    if len(token) < 5 or not token.endswith("s") or token[-2] in "su":
        return False
    return not max(zipf(token)) and max(zipf(token[:-1])) > 0.0


def _without_state(tokens: list[str]) -> list[str]:
    """The tokens without a leading "Türkiye", "T.C." or "Türkiye Cumhuriyeti" (the same list
    when there is none, or nothing would be left)."""
    if not tokens or tokens[0] not in _STATE_FIRST_WORDS:
        return tokens
    for prefix in _STATE_PREFIXES:
        if tuple(tokens[: len(prefix)]) == prefix and len(tokens) > len(prefix):
            return tokens[len(prefix) :]
    return tokens


def _named_by_kind(tokens: list[str]) -> bool:
    """Two words, the second a company kind and the first no place: "Halk Bankası"."""
    first = tokens[0]
    return (
        len(tokens) == 2
        and tokens[1] in _KIND_WORDS
        and first not in place_words()
        and first not in _STATE_WORDS
    )


def _ordinary(tokens: list[str]) -> bool:
    """Ordinary words and places only ("Bizim Toptan", "Sakarya Elektrik", "Türk Hava"), or
    a sure person's name ("Ahmet Yılmaz")."""
    return all(_plain_word(t) for t in tokens) or all(t in person_names() for t in tokens)


def _plain_word(token: str) -> bool:
    """A word of the lexicon, a place, a generic word or a frequent word (not a brand's
    frequency: "Renault" is rarer than this in Turkish)."""
    if token in generic_words() or token in turkish_words():  # generic_words() has the places
        return True
    return zipf(token)[1] >= PLAIN_ZIPF_TR


def derive_identifiers(
    company_id: int, tax_number: str | None, aliases: Sequence[str] = ()
) -> list[CompanyName]:
    """The company's identifiers that a text may quote: tax number (VKN), ISINs in aliases.

    The stored tax number is taken as its digits (a MERSİS number gives its VKN); the check
    digit is verified on the number found in the text, so a bad stored one never matches.
    """
    out: list[CompanyName] = []
    if tax_number:
        digits = tax_number if tax_number.isdigit() else _NOT_DIGIT.sub("", tax_number)
        if len(digits) == 16 and digits[0] == "0":
            digits = digits[1:11]
        if len(digits) == 10:
            out.append(CompanyName(digits, company_id, "tax_number", 0.99, needs_capital=False))
    for alias in aliases:
        isin = normalize_isin(alias) if len(alias) >= 12 and alias[-1:].isdigit() else None
        if isin:
            out.append(CompanyName(isin.lower(), company_id, "isin", 0.99, needs_capital=False))
    return out

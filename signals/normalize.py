"""One normaliser for names and texts alike: Turkish casing, ASCII folding, legal forms.

`fold` keeps the string length so that offsets found in folded text point into the original.
`match_form` goes one step further for the name automaton: only `[a-z0-9'&]` and spaces
remain, still one character for one character.

Speed matters here (every document passes through it once): `str.replace` of single
characters and `bytes.translate` run in C at hundreds of MB/s, while `str.translate` with a
dict on non-ASCII text, or a Python loop per character, run at 3–30 MB/s
(bench/linking.py; shared/reference/hot-path-measurements.md).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"

# Turkish casing first (İ→i before lower(); I→i and ı→i after), then ASCII folding so that
# "Tüpraş", "TÜPRAŞ" and "Tupras" meet. Every mapping is one character to one character:
# U+0130 (İ) is the only character whose lower case is longer, and it is replaced first.
_FOLDS = (
    ("ı", "i"),
    ("ğ", "g"),
    ("ü", "u"),
    ("ş", "s"),
    ("ö", "o"),
    ("ç", "c"),
    ("â", "a"),
    ("î", "i"),
    ("û", "u"),
    ("é", "e"),
    ("è", "e"),
    ("ê", "e"),
    ("ë", "e"),
    ("á", "a"),
    ("à", "a"),
    ("ä", "a"),
    ("ã", "a"),
    ("å", "a"),
    ("ó", "o"),
    ("ò", "o"),
    ("ô", "o"),
    ("õ", "o"),
    ("í", "i"),
    ("ì", "i"),
    ("ï", "i"),
    ("ú", "u"),
    ("ù", "u"),
    ("ñ", "n"),
    ("ý", "y"),
    ("ß", "s"),
    ("ș", "s"),
    ("ț", "t"),
    # Apostrophes, including the cp1252 bytes 0x91/0x92 that reach us as C1 controls when a
    # windows-1252 page was decoded as Latin-1 ("Toyota\x92nın").
    ("’", "'"),
    ("`", "'"),
    ("´", "'"),
    ("ʼ", "'"),
    ("\x92", "'"),
)
# Opening quotes never start a Turkish suffix: they separate words.
_OPENING_QUOTES = (("‘", " "), ("\x91", " "))
_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789'&"
# One byte in, one byte out: letters, digits, ' and & stay (lower-cased); the rest is a space.
_MATCH_BYTES = bytes(
    (c if chr(c) in _LETTERS else ord(chr(c).lower()) if chr(c).lower() in _LETTERS else 32)
    for c in range(256)
)
_MATCH_ASCII = {c: _MATCH_BYTES[c] for c in range(128)}


# fold()'s replacements with the capitals too ("ş" and "Ş" → "s"), made before lower-casing:
# a Turkish text is then left with ASCII and caseless marks (quotes, dashes), which
# bytes.lower() lower-cases. str.lower() on a non-ASCII text cost ~60 % of fold().
_FOLDS_ANY_CASE = tuple(
    (form, plain)
    for accented, plain in (*_FOLDS, ("‘", "'"), ("\x91", "'"))
    for form in dict.fromkeys((accented, accented.upper()))
    if form.lower() == accented
)
_ASCII = bytes(range(128))


def fold(text: str) -> str:
    """Lower-case with Turkish rules and fold to ASCII, keeping the length."""
    if text.isascii():
        return text.lower()
    folded = text.replace("İ", "i")
    for accented, plain in _FOLDS_ANY_CASE:
        if accented in folded:
            folded = folded.replace(accented, plain)
    if folded.isascii():
        return folded.lower()
    data = folded.encode("utf-8", "surrogatepass")
    others = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")  # non-ASCII left
    if others.lower() == others:  # none has a lower case: only ASCII letters to lower
        return data.lower().decode("utf-8", "surrogatepass")
    return _fold_slowly(text)


def _fold_slowly(text: str) -> str:
    """fold() by its definition: str.lower(), then each replacement."""
    folded = text.replace("İ", "i").lower()
    for accented, plain in _FOLDS:
        if accented in folded:
            folded = folded.replace(accented, plain)
    for opening in ("‘", "\x91"):
        if opening in folded:
            folded = folded.replace(opening, "'")
    return folded


def match_form(text: str) -> str:
    """fold(), then every character other than `[a-z0-9'&]` becomes a space (length kept).

    Names and texts both pass through it, so "Amazon.com", "Miracle-Gro" and a name broken
    over two lines meet their index key. Letters that fold() leaves non-ASCII (ß, ø, Cyrillic)
    become spaces on both sides alike.
    """
    if text.isascii():
        return text.translate(_MATCH_ASCII)
    folded = text.replace("İ", "i").lower()
    for accented, plain in _FOLDS + _OPENING_QUOTES:
        if accented in folded:
            folded = folded.replace(accented, plain)
    if folded.isascii():
        return folded.translate(_MATCH_ASCII)
    # encode('ascii', 'replace') writes one '?' per code point, so the length still holds.
    return folded.encode("ascii", "replace").translate(_MATCH_BYTES).decode("ascii")


def words(text: str) -> list[str]:
    """Folded word tokens as the name index sees them (A.Ş. → ["a", "s"], AT&T → ["at&t"]).

    A possessive or suffix after an apostrophe is dropped (McDonald's → "mcdonald"), since
    the index accepts any suffix after an apostrophe; an inner one stays (l'oreal).
    """
    tokens = match_form(text).split()
    if "'" not in text and "’" not in text and "\x92" not in text and "`" not in text:
        return tokens
    out = []
    for token in tokens:
        token = token.strip("'")
        if token.endswith("'s"):
            token = token[:-2]
        if token:
            out.append(token)
    return out


@cache
def _forms_file() -> dict[str, list[str]]:
    raw: dict[str, list[str]] = yaml.safe_load(
        (DATA / "legal_forms.yml").read_text(encoding="utf-8")
    )
    return raw


@cache
def legal_forms() -> tuple[tuple[str, ...], ...]:
    """Legal forms and company-type words as folded word tuples, longest first."""
    raw = _forms_file()
    forms = {tuple(words(form)) for form in raw["legal"] + raw["descriptive"]}
    return tuple(sorted(forms, key=len, reverse=True))


@cache
def strict_legal_forms() -> tuple[tuple[str, ...], ...]:
    """Only the legal forms proper (A.Ş., Inc., GmbH), not company-type words (Holding)."""
    forms = {tuple(words(form)) for form in _forms_file()["legal"]}
    return tuple(sorted(forms, key=len, reverse=True))


@cache
def leading_legal_forms() -> frozenset[str]:
    """One-word legal forms a CRM writes before the name ("PAO GAZPROM")."""
    return frozenset(fold(form) for form in _forms_file().get("leading", []))


@cache
def forms_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """legal_forms() grouped by their first word, for a quick "does a form follow?"."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for form in legal_forms():
        grouped.setdefault(form[0], []).append(form)
    return {first: tuple(forms) for first, forms in grouped.items()}


@cache
def generic_words() -> frozenset[str]:
    """Words too common to name a company by themselves (data/generic_words.yml)."""
    raw = _generic_file()
    sections = ("words", "places", "codes", "calendar_and_sky")
    return frozenset(fold(word) for section in sections for word in raw.get(section, []))


@cache
def place_words() -> frozenset[str]:
    """Provinces, districts, regions and countries (the `places` of data/generic_words.yml)."""
    return frozenset(fold(word) for word in _generic_file().get("places", []))


@cache
def english_only_words() -> frozenset[str]:
    """Words ordinary in English text that Turkish text uses as brands ("apple", "shell")."""
    return frozenset(fold(word) for word in _generic_file().get("english_only", []))


@cache
def _generic_file() -> dict[str, list[str]]:
    raw: dict[str, list[str]] = yaml.safe_load(
        (DATA / "generic_words.yml").read_text(encoding="utf-8")
    )
    return raw


def strip_legal_forms(tokens: list[str]) -> list[str]:
    """Remove legal forms and company-type words from a folded token list.

    Legal forms proper (A.Ş., Inc., SA) go from the end only, where a CRM writes them: "SA" or
    "AB" in the middle of a name is more likely a word. Company-type words (Holding, Sanayi
    ve Ticaret) go wherever they occur.
    """
    out = _strip_tail(tokens, _by_last_word(False))
    starting = _descriptive_by_first_word()
    kept: list[str] = []
    i = 0
    while i < len(out):
        for form in starting.get(out[i], ()):
            if tuple(out[i : i + len(form)]) == form:
                i += len(form)
                break
        else:
            kept.append(out[i])
            i += 1
    return _strip_tail(kept, {})


def strip_trailing_legal_forms(tokens: list[str]) -> list[str]:
    """Remove legal forms proper (A.Ş., Inc.) from the end only: the name a text writes."""
    return _strip_tail(tokens, _by_last_word(True))


def _strip_tail(tokens: list[str], ending: dict[str, tuple[tuple[str, ...], ...]]) -> list[str]:
    if not tokens or (tokens[-1] not in ending and tokens[-1] not in CONNECTORS):
        return tokens
    out = list(tokens)
    while out:
        # "ve" left dangling between two removed forms ("San. ve Tic.") goes too.
        if out[-1] in CONNECTORS:
            out.pop()
            continue
        for form in ending.get(out[-1], ()):
            if len(form) <= len(out) and tuple(out[-len(form) :]) == form:
                del out[-len(form) :]
                break
        else:
            return out
    return out


@cache
def _by_last_word(strict: bool) -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for form in strict_legal_forms() if strict else legal_forms():
        grouped.setdefault(form[-1], []).append(form)
    return {last: tuple(forms) for last, forms in grouped.items()}


@cache
def _descriptive_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for form in descriptive_forms():
        grouped.setdefault(form[0], []).append(form)
    return {first: tuple(forms) for first, forms in grouped.items()}


@cache
def descriptive_forms() -> tuple[tuple[str, ...], ...]:
    """Company-type words (Holding, Sanayi ve Ticaret) as folded word tuples, longest first."""
    forms = {tuple(words(form)) for form in _forms_file()["descriptive"]}
    return tuple(sorted(forms, key=len, reverse=True))


# "&", "and" and "ve" join two names the same way: Procter and Gamble = Procter & Gamble.
CONNECTORS = ("&", "and", "ve")


def connector_variants(tokens: list[str]) -> list[list[str]]:
    """The token list with every inner connector written each way (&, and, ve)."""
    inner = [i for i in range(1, len(tokens) - 1) if tokens[i] in CONNECTORS]
    if not inner:
        return [tokens]
    variants = []
    for connector in CONNECTORS:
        variant = list(tokens)
        for i in inner:
            variant[i] = connector
        variants.append(variant)
    return variants


def name_key(name: str) -> str:
    """A name's comparable core: folded words, legal forms removed, connectors as "&"."""
    tokens = strip_legal_forms(words(name)) or words(name)
    return " ".join("&" if token in CONNECTORS else token for token in tokens)

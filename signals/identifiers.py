"""Company identifiers in CRM fields and in texts: VKN, MERSİS, ISIN, tickers.

- VKN (Vergi Kimlik Numarası): 10 digits, the last a check digit (the Revenue
  Administration's algorithm, below).
- MERSİS number: 16 digits, "0" + the VKN + 5 more digits (a sequence number).
- ISIN (ISO 6166): 2-letter country code, 9 alphanumerics, a Luhn check digit over the
  letters-as-numbers expansion.
- Ticker in an explicit form: "(SISE)", "BIST: SISE", "BIST:SISE", "(NYSE: AAPL)",
  "(NASDAQ:AAPL)". A bare upper-case word may be a ticker or any acronym; the explicit form
  is an identifier.

A number that fails its check is not that identifier, whatever its length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from signals.normalize import fold

EXCHANGES = (
    "BIST",
    "BİST",
    "IMKB",
    "İMKB",
    "NYSE",
    "NASDAQ",
    "Nasdaq",
    "NYSE American",
    "NYSEAMERICAN",
    "AMEX",
    "OTC",
    "LSE",
    "LON",
    "XETRA",
    "ETR",
    "FRA",
    "EPA",
    "AMS",
    "SWX",
    "SIX",
    "TSX",
    "ASX",
    "HKEX",
    "HKG",
    "TYO",
    "KRX",
)
_EXCHANGE = "|".join(sorted((re.escape(e) for e in EXCHANGES), key=len, reverse=True))
_SYMBOL = r"[A-Z0-9][A-Z0-9.\-]{0,7}"
# What stands right before a ticker written explicitly, and right after it.
_BEFORE_EXCHANGE = re.compile(rf"(?:^|[^\w])(?P<exchange>{_EXCHANGE})\s*:\s*$")
# "(" opens a ticker only after a space or the start: "dB(A)", "f(x)" are no tickers.
_BEFORE_PAREN = re.compile(r"(?:^|[^\w])\(\s*$")
_AFTER_PAREN = re.compile(r"\s*\)")
_EXPLICIT_TICKER = re.compile(
    rf"(?:\b(?P<exchange>{_EXCHANGE})\s*:\s*(?P<symbol>{_SYMBOL})\b)"
    rf"|(?:\(\s*(?P<bare>{_SYMBOL})\s*\))"
)
# Labels that say a number is a tax or registry number (matched on fold()ed text).
_VKN_LABEL = re.compile(
    r"(?:vergi\s*(?:kimlik\s*)?(?:no|numarasi|numarasi)|v\.?\s*k\.?\s*n\.?|tax\s*(?:id|number|no)"
    r"|mersis(?:\s*no)?)\s*[.:]?\s*(?:no)?\s*[.:]?\s*$"
)
# A VKN or MERSİS number as one run of digits, or a MERSİS number in groups of four.
_DIGITS = re.compile(
    r"(?<![0-9])(?:[0-9]{10}(?:[0-9]{6})?"
    r"|0[0-9]{3}[ \-][0-9]{4}[ \-][0-9]{4}[ \-][0-9]{4})(?![0-9])"
)
_ISIN = re.compile(r"\b[A-Z]{2}[A-Z0-9]{9}[0-9]\b")
# Digits as "0", everything else as "x": str.find("0" * 10) then finds number runs fast.
DIGIT_MASK = {c: (ord("0") if chr(c).isdigit() else ord("x")) for c in range(128)}
GROUPED_MERSIS = "0000x0000x0000x0000"
# DIGIT_MASK for UTF-8 bytes; the bytes of a non-ASCII character (which DIGIT_MASK leaves as it
# is) become "y".
_DIGIT_BYTES = bytes(48 if 48 <= c <= 57 else 120 if c < 128 else 121 for c in range(256))
_GROUPED_BYTES = GROUPED_MERSIS.encode()
_ISIN_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Identifier:
    """An identifier written at [start, end) of a text."""

    kind: str  # vkn | mersis | isin | ticker
    value: str  # normalised: digits for VKN and MERSİS, upper case for ISIN and ticker
    start: int
    end: int
    labelled: bool = False  # the text says what it is ("Vergi No:", "BIST:", parentheses)
    exchange: str | None = None

    @property
    def vkn(self) -> str | None:
        """The tax number this identifier carries (a MERSİS number contains one)."""
        if self.kind == "vkn":
            return self.value
        if self.kind == "mersis":
            return self.value[1:11]
        return None


def vkn_check_digit(first_nine: str) -> int:
    """The tenth digit of a VKN from its first nine (Gelir İdaresi Başkanlığı algorithm).

    For the digit d at position i (1-based, from the left): t = (d + 10 - i) mod 10;
    v = 9 if t == 9 else (t · 2^(10-i)) mod 9; check = (10 - Σv mod 10) mod 10.
    """
    total = 0
    for position, char in enumerate(first_nine, 1):
        t = (int(char) + 10 - position) % 10
        total += 9 if t == 9 else (t * 2 ** (10 - position)) % 9
    return (10 - total % 10) % 10


def is_valid_vkn(value: str) -> bool:
    """Ten digits whose last is the check digit."""
    return (
        len(value) == 10
        and value.isascii()
        and value.isdigit()
        and vkn_check_digit(value[:9]) == int(value[9])
    )


def is_valid_mersis(value: str) -> bool:
    """Sixteen digits: "0", a valid VKN, five more digits."""
    return (
        len(value) == 16
        and value.isascii()
        and value.isdigit()
        and value[0] == "0"
        and is_valid_vkn(value[1:11])
    )


def normalize_vkn(value: str) -> str | None:
    """The VKN in a CRM field or a query: separators dropped; a MERSİS number gives its VKN.

    None when the field holds no valid VKN (an 11-digit TCKN of a sole proprietor is personal
    data and not matched in texts).
    """
    digits = "".join(ch for ch in value if ch not in " -./\t")
    if is_valid_vkn(digits):
        return digits
    if is_valid_mersis(digits):
        return digits[1:11]
    return None


def is_valid_isin(value: str) -> bool:
    """Twelve characters: country letters, nine alphanumerics, a Luhn check digit."""
    if len(value) != 12 or not value.isascii() or not value.isalnum():
        return False
    value = value.upper()
    if not value[:2].isalpha() or not value[11].isdigit():
        return False
    expanded = "".join(str(_ISIN_ALPHABET.index(ch)) for ch in value[:11])
    total = 0
    for i, char in enumerate(reversed(expanded)):
        digit = int(char) * (2 if i % 2 == 0 else 1)
        total += digit // 10 + digit % 10
    return (10 - total % 10) % 10 == int(value[11])


def normalize_isin(value: str) -> str | None:
    """The ISIN in upper case, or None when the value is not a valid ISIN."""
    compact = value.replace(" ", "").strip().upper()
    return compact if is_valid_isin(compact) else None


def normalize_ticker(value: str) -> str | None:
    """A ticker as stored: upper case, an exchange prefix dropped ("BIST:SISE" → "SISE")."""
    symbol = value.strip().upper()
    if ":" in symbol:
        symbol = symbol.split(":", 1)[1].strip()
    return symbol if re.fullmatch(_SYMBOL, symbol) else None


def explicit_ticker_form(text: str, start: int, end: int) -> str | None:
    """How the ticker at text[start:end] is written explicitly ("(SISE)", "BIST: SISE"), if so."""
    before = text[max(0, start - 20) : start].rstrip()
    if not before or before[-1] not in "(:":
        return None
    exchange = _BEFORE_EXCHANGE.search(before)
    if exchange:
        return f"{exchange.group('exchange')}: {text[start:end]}"
    if _BEFORE_PAREN.search(before) and _AFTER_PAREN.match(text, end):
        return f"({text[start:end]})"
    return None


def find_identifiers(text: str) -> list[Identifier]:
    """Every VKN, MERSİS number, ISIN and explicitly written ticker in a text."""
    found: list[Identifier] = []
    for match in _DIGITS.finditer(text):
        digits = match.group().replace(" ", "").replace("-", "")
        kind = "vkn" if is_valid_vkn(digits) else "mersis" if is_valid_mersis(digits) else None
        if kind is None:
            continue
        labelled = has_number_label(text, match.start())
        found.append(Identifier(kind, digits, match.start(), match.end(), labelled))
    for match in _ISIN.finditer(text):
        if is_valid_isin(match.group()):
            found.append(Identifier("isin", match.group(), match.start(), match.end(), True))
    for match in _EXPLICIT_TICKER.finditer(text):
        group = "symbol" if match.group("symbol") else "bare"
        found.append(
            Identifier(
                "ticker",
                match.group(group),
                match.start(group),
                match.end(group),
                True,
                match.group("exchange"),
            )
        )
    return sorted(found, key=lambda identifier: identifier.start)


def has_number_label(text: str, start: int) -> bool:
    """Whether "Vergi No:", "VKN", "MERSİS No" or "tax number" stands right before start."""
    return _VKN_LABEL.search(fold(text[max(0, start - 30) : start])) is not None


def digit_runs(mask: str) -> Iterator[tuple[int, int]]:
    """[start, end) of every run of exactly 10 or 16 digits, and of "0000 0000 0000 0000"
    (a MERSİS number in groups), in a text masked by DIGIT_MASK. str.find skips the rest."""
    at = mask.find("0" * 10)
    while at >= 0:
        end = at + 10
        while end < len(mask) and mask[end] == "0":
            end += 1
        if end - at in (10, 16):
            yield at, end
        at = mask.find("0" * 10, end)
    at = mask.find(GROUPED_MERSIS)
    while at >= 0:
        end = at + len(GROUPED_MERSIS)
        if (at == 0 or mask[at - 1] != "0") and (end >= len(mask) or mask[end] != "0"):
            yield at, end
        at = mask.find(GROUPED_MERSIS, end)


def has_digit_runs(text: str) -> bool:
    """Whether digit_runs() may find something in `text` masked by DIGIT_MASK: the same
    searches in its UTF-8 bytes masked alike (a bytes translate, far faster than the str one;
    most texts hold no such run, and a non-ASCII character is neither "0" nor "x" in both)."""
    mask = text.encode("utf-8", "surrogatepass").translate(_DIGIT_BYTES)
    if b"0" * 10 in mask:
        return True
    # GROUPED_MERSIS in mask, found from its first four digits: a search for a pattern holding
    # "x", the mask's commonest byte, steps one byte at a time (10x slower).
    grouped, at = _GROUPED_BYTES, mask.find(b"0000")
    while at >= 0:
        if mask.startswith(grouped, at):
            return True
        at = mask.find(b"0000", at + 1)
    return False


def one_letter_ticker_forms(text: str) -> Iterator[tuple[int, str]]:
    """(offset, letter) of "(T)", "( T )", "NYSE: T" and the like: a one-letter ticker."""
    for opener in "(:":
        at = text.find(opener)
        while at >= 0:
            start = at + 1
            while start < len(text) and text[start] == " ":
                start += 1
            after = text[start + 1 : start + 2]
            if (
                start < len(text)
                and "A" <= text[start] <= "Z"
                and not (opener == "(" and at and text[at - 1].isalnum())  # "dB(A)"
                and (
                    after in ("", " ", ")", ",", ";", ".") if opener == ":" else after in (")", " ")
                )
            ):
                yield start, text[start]
            at = text.find(opener, at + 1)

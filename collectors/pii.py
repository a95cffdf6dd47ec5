"""Masks personal data in complaint texts before anything is stored (KVKK: Radar needs the
complaint, never the complainant).

What is masked, and the token that replaces it:

- e-mail addresses (site-masked ones such as ``a*****@gmail.com`` too) → ``[E-POSTA]``
- IBANs: ``TR`` + 24 digits, spaces allowed, that pass the ISO 13616 mod-97 check; 24 bare
  digits that pass it once ``TR`` is put in front (people drop the prefix) → ``[IBAN]``
- Turkish ID numbers (TCKN): 11 digits, the first not 0, passing both check digits; spaces
  between groups allowed. Eleven digits that fail the check (reference numbers, policy
  numbers) are left alone → ``[TCKN]``
- phone numbers: Turkish ones (05xx xxx xx xx, 0 (5xx) …, 0212 …, +90 / 0090 …, bare
  5xx xxx xx xx mobiles) and any ``+<country code>`` number → ``[TELEFON]``
- names → ``[AD]``: the names the page layout marks (the complainant's username, passed in as
  `names`), a name after an introduction ("Adım …", "Merhaba, ben …", "Ad Soyad: …"), a
  name line after a sign-off ("Saygılarımla,\\n…"), and names the site has half-masked
  already ("M*** T***", "Yusuf A****": only the initials were left).

Names are found by shape (capitalised words), so a capitalised ordinary word right before a
half-masked name may go too; we prefer losing a word to keeping a name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

NAME = "[AD]"
PHONE = "[TELEFON]"
EMAIL = "[E-POSTA]"
TCKN = "[TCKN]"
IBAN = "[IBAN]"

_UPPER = "A-ZÇĞİÖŞÜÂÎÛ"
_LOWER = "a-zçğıöşüâîû"
_WORD = f"[{_UPPER}][{_LOWER}]+|[{_UPPER}]{{2,}}"
# The site's own masking keeps a name's first letter: "M***", "A***Ş**", "c**u".
_HALF_MASKED = rf"[{_UPPER}{_LOWER}](?:[{_UPPER}{_LOWER}]*\*{{2,}})+[{_UPPER}{_LOWER}]*"
_NAME_TOKEN = rf"(?:{_HALF_MASKED}|{_WORD}|\[AD\])"  # [AD]: a name part masked already
_NAME_RUN = rf"{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,3}}"

_EMAIL = re.compile(r"[\w.+*-]+@[\w-]+(?:\.[\w-]+)+")
_IBAN_TR = re.compile(r"(?<![\w])TR ?(\d(?: ?\d){23})(?!\d)", re.IGNORECASE)
_IBAN_BARE = re.compile(r"(?<![\w])\d{24}(?![\w])")
_TCKN = re.compile(r"(?<![\w])[1-9](?: ?\d){10}(?![\w])(?! \d)")
_PHONE_TR = re.compile(
    r"""(?<![\w+*])
    (?P<prefix>(?:\+|00)\ ?90[\s.-]*(?:\(?0\)?[\s.-]*)? | \(?0\)?[\s.-]*)?
    \(?(?P<area>[2-58]\d{2})\)?[\s.-]*
    \d(?:[\ .-]?\d){6}               # 724 07 24, 724 0 724, 7240724
    (?![\w*])(?![\ .-]?\d)""",
    re.VERBOSE,
)
_PHONE_INTERNATIONAL = re.compile(r"(?<![\w+])\+(?!90)\d{1,3}(?:[\s.-]?\(?\d+\)?){2,5}(?![\w*])")
_INTRODUCTION = re.compile(
    rf"(?:\b(?:[Bb]enim adım|Adım|İsmim|[Bb]enim ismim)"
    rf"|\b(?:Merhaba(?:lar)?|Selam(?:lar)?|İyi günler)[,.!]?\s+(?:ben|adım)"
    rf"|\b(?:Ad[ıi]?[ \t]*[Ss]oyad[ıi]?|İsim|Ad[ıi]?)[ \t]*:)[ \t]+(?P<name>{_NAME_RUN})"
)
_SIGN_OFF = re.compile(
    rf"(?:Saygılarımla|Saygılarımızla|Saygılar|İyi çalışmalar(?: dilerim)?|Teşekkürler"
    rf"|Teşekkür ederim)[,.!]?[ \t]*(?:\n[ \t]*|,[ \t]*)(?P<name>{_NAME_RUN})[ \t.]*$",
    re.MULTILINE,
)
# Capitalised words that start sentences or name relatives, never first names: "Annem
# F**** G*****" keeps "Annem".
_NOT_FIRST_NAMES = (
    *("Ama", "Ancak", "Ayrıca", "Bana", "Ben", "Benim", "Bir", "Bu", "Bunun", "Daha", "Fakat"),
    *("Özellikle", "Sadece", "Sayın", "Şu", "Ve", "Veya", "Müşteriniz", "Şubede", "Görüştüğüm"),
    *("Annem", "Babam", "Eşim", "Kardeşim", "Kızım", "Oğlum"),
)
# Up to two capitalised words before a half-masked one are taken for its first names.
_WITH_HALF_MASKED = re.compile(
    rf"(?<![\w*])(?:(?!(?:{'|'.join(_NOT_FIRST_NAMES)})[ \t])(?:{_WORD})[ \t]+){{0,2}}"
    rf"{_HALF_MASKED}(?:[ \t]+{_HALF_MASKED})*(?![\w*])"
)
_MASKED_RUN = re.compile(r"\[AD\](?:[ \t]+\[AD\])+")


@dataclass
class Masked:
    """A masked text and how many of each kind were replaced (keys: the tokens)."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)


def mask_personal_data(text: str, *, names: Iterable[str] = ()) -> Masked:
    """Replace personal data in `text` with tokens; `names` are names the layout marks as the
    complainant's (a username), masked wherever they appear as a whole word."""
    result = Masked(text=unicodedata.normalize("NFC", text))
    _sub(result, _EMAIL, EMAIL, lambda match: EMAIL)
    _sub(result, _IBAN_TR, IBAN, lambda m: IBAN if is_valid_iban("TR" + m[1]) else None)
    _sub(result, _IBAN_BARE, IBAN, lambda m: IBAN if is_valid_iban("TR" + m[0]) else None)
    _sub(result, _TCKN, TCKN, lambda m: TCKN if is_valid_tckn(m[0]) else None)
    _sub(result, _PHONE_TR, PHONE, _turkish_phone)
    _sub(result, _PHONE_INTERNATIONAL, PHONE, lambda match: PHONE)
    for name in sorted({n.strip() for n in names if len(n.strip()) >= 3}, key=len, reverse=True):
        pattern = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])", re.IGNORECASE)
        _sub(result, pattern, NAME, lambda match: NAME)
    _sub(result, _INTRODUCTION, NAME, _name_group)
    _sub(result, _SIGN_OFF, NAME, _name_group)
    _sub(result, _WITH_HALF_MASKED, NAME, lambda match: NAME)
    result.text = _MASKED_RUN.sub(NAME, result.text)
    return result


def mask(text: str, *, names: Iterable[str] = ()) -> str:
    """`text` with personal data replaced by tokens (see the module docstring)."""
    return mask_personal_data(text, names=names).text


def is_valid_tckn(value: str) -> bool:
    """True when `value` (spaces ignored) is 11 digits, not starting with 0, whose 10th and
    11th digits are the TCKN check digits."""
    digits = [int(c) for c in value if c.isdigit()]
    if len(digits) != 11 or len(value.replace(" ", "")) != 11 or digits[0] == 0:
        return False
    odd, even = sum(digits[0:9:2]), sum(digits[1:8:2])
    return (odd * 7 - even) % 10 == digits[9] and sum(digits[:10]) % 10 == digits[10]


def is_valid_iban(value: str) -> bool:
    """True when `value` (spaces ignored) is a Turkish IBAN: TR, 24 digits, mod-97 == 1."""
    compact = value.replace(" ", "").upper()
    if len(compact) != 26 or not compact.startswith("TR") or not compact[2:].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1


def _turkish_phone(match: re.Match[str]) -> str | None:
    # Without a 0 or +90 in front only a mobile number (5xx) is taken: bare ten-digit
    # numbers starting 2, 3, 4 or 8 are customer, policy and reference numbers far more often.
    if not (match["prefix"] or match["area"].startswith("5")):
        return None
    # "(0212 801 0600)": the pattern takes the opening bracket; give back what it leaves open.
    opened, closed = match[0].count("("), match[0].count(")")
    return "(" * (opened - closed) + PHONE + ")" * (closed - opened)


def _name_group(match: re.Match[str]) -> str:
    """The match with only its "name" group replaced."""
    start, end = match.span("name")
    offset = match.start()
    return match[0][: start - offset] + NAME + match[0][end - offset :]


def _sub(
    result: Masked,
    pattern: re.Pattern[str],
    kind: str,
    replace: Callable[[re.Match[str]], str | None],
) -> None:
    """Apply `replace` (None keeps the match) to `result.text`, counting replacements."""

    def one(match: re.Match[str]) -> str:
        replacement = replace(match)
        if replacement is None:
            return match[0]
        result.counts[kind] = result.counts.get(kind, 0) + 1
        return replacement

    result.text = pattern.sub(one, result.text)

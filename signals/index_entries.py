"""What one company puts into the name index, and its stored form.

An entry is a key (a folded name, or an identifier's digits) and its kind: for a name, the
DerivedName's fields after the key; for an identifier, its origin ("tax_number", "isin").
Deriving them costs ~30 µs a company (signals/names.py), so signals/name_cache.py keeps each
company's entries as text in the database and a rebuild derives only what changed.
"""

from __future__ import annotations

from typing import NamedTuple

from signals.names import derive_identifiers, derived

NameKind = tuple[str, float, bool, bool, bool]  # origin, confidence, needs capital, weak (en, tr)
Kind = NameKind | str  # a name's kind, or its stored text (kind_text())


class Entries(NamedTuple):
    """A company's names (keys and kinds in the same order) and identifiers."""

    keys: list[str]  # folded, apostrophes as spaces: the automaton reads text so
    kinds: list[Kind]
    identifiers: list[tuple[str, str]]  # (key, origin): "tax_number" or "isin"


def index_entries(
    legal_name: str, aliases: list[str], ticker: str | None, tax_number: str | None
) -> Entries:
    """Every name derived from the company's names and every identifier it has."""
    names = derived(legal_name, tuple(aliases), ticker)
    identifiers = (
        [(i.key, i.origin) for i in derive_identifiers(0, tax_number, aliases)]
        if tax_number or aliases
        else []
    )
    return Entries(
        [name.key.replace("'", " ") for name in names],
        [(n.origin, n.confidence, n.needs_capital, n.weak, n.weak_tr) for n in names],
        identifiers,
    )


def entries_text(entries: Entries) -> str:
    """The stored form, four tab-separated lists of lines: keys, kinds (a name's as "origin
    confidence flags"), identifier keys and origins. Keys are folded words and digits, never
    a tab or a line break. Lists split and zip in C, where a split per entry would not."""
    keys, kinds, identifiers = entries
    return "\t".join(
        (
            "\n".join(keys),
            "\n".join(kind_text(kind) for kind in kinds),
            "\n".join(key for key, _ in identifiers),
            "\n".join(origin for _, origin in identifiers),
        )
    )


def kind_text(kind: Kind) -> str:
    if isinstance(kind, str):
        return kind
    origin, confidence, needs_capital, weak, weak_tr = kind
    return f"{origin} {confidence!r} {int(needs_capital)}{int(weak)}{int(weak_tr)}"


def parse_kind(text: str) -> NameKind:
    """A name's kind from kind_text()."""
    origin, confidence, flags = text.split(" ")
    return origin, float(confidence), flags[0] == "1", flags[1] == "1", flags[2] == "1"

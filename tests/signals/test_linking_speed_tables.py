"""The index's tables, made for most keys at once (NameIndex._index_names), say what the
straightforward loop over every key says: which companies (and kinds of name) each automaton
key and each ticker stands for, and which one-word names may have a suffix glued on."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import signals.matching as matching
from signals.index_entries import Entries, index_entries
from signals.matching import NameIndex
from signals.portfolio import parse_portfolio

ROOT = Path(__file__).resolve().parents[2]
PORTFOLIOS = [
    ROOT / "app/demo_data/portfolio.csv",
    ROOT / "tests/fixtures/eval/sentivent_portfolio.csv",
]
TICKER = matching._TICKER_CODE


def _reference(
    keys: list[str], owners: list[int]
) -> tuple[dict[str, Any], set[str], dict[str, Any]]:
    """Each automaton key's (owners, length), the glued keys and each ticker's owners, key
    by key as the index was first built."""
    single = dict(zip(keys, owners, strict=True))
    shared: dict[str, list[int]] = {}
    repeated = {key for key, count in Counter(keys).items() if count > 1}
    for key, owner in zip(keys, owners, strict=True):
        if key in repeated:
            shared.setdefault(key, []).append(owner)
    names: dict[str, Any] = {}
    glued: set[str] = set()
    by_ticker: dict[str, list[int]] = {}
    for key, owner in single.items():
        if len(key) > matching._MAX_KEY:
            continue
        if key not in shared:
            if (owner >> matching._ORIGIN_SHIFT) & 31 == TICKER:
                by_ticker.setdefault(key.upper(), []).append(owner)
                continue
            kept = [owner]
        else:
            distinct = matching._distinctive(shared[key])
            if not distinct:
                continue
            ticker_owners = [o for o in distinct if (o >> matching._ORIGIN_SHIFT) & 31 == TICKER]
            if len(ticker_owners) == len(distinct):
                by_ticker.setdefault(key.upper(), []).extend(distinct)
                continue
            kept = [o for o in distinct if o not in ticker_owners]
            for o in shared[key]:  # a ticker equal to a name: both
                if (o >> matching._ORIGIN_SHIFT) & 31 == TICKER:
                    by_ticker.setdefault(key.upper(), []).append(o)
        names[key] = (tuple(kept), len(key))
        if not any(o & 4 for o in kept) and len(key) >= matching._MIN_SUFFIXED and " " not in key:
            glued.add(key)
    tickers = {
        key: (tuple(dict.fromkeys(found)), len(key))
        for key, found in by_ticker.items()
        if " " not in key
    }
    return names, glued, tickers


def _unpacked(index: NameIndex, value: int) -> tuple[tuple[int, ...], int]:
    owners = index._shared[value >> 11] if value & 1 else (value >> 11,)
    return tuple(owners), (value >> 1) & 1023


def _companies() -> list[tuple[int, Entries]]:
    rows = [r for path in PORTFOLIOS for r in parse_portfolio(path.read_bytes())]
    made = [
        # A short name more companies begin with than may share it, and one company's alias.
        *((f"Anadolu {word} Sanayi A.Ş.", [], None) for word in ("Cam", "Efes", "Isuzu", "Hayat")),
        ("Başka Holding A.Ş.", ["Anadolu"], None),
        # A ticker that is another company's name; a ticker two companies have.
        ("Koç Holding A.Ş.", [], "KCHOL"),
        ("Kchol Danışmanlık Ltd. Şti.", ["Kchol"], None),
        ("Birinci Gıda A.Ş.", [], "ORTAK"),
        ("İkinci Gıda A.Ş.", [], "ORTAK"),
        ("Uzun " + "ad " * 600 + "A.Ş.", [], None),  # too long for the automaton
    ]
    rows += [{"legal_name": n, "aliases": a, "ticker": t, "tax_number": None} for n, a, t in made]
    return [
        (i, index_entries(r["legal_name"], r["aliases"], r["ticker"], r["tax_number"]))
        for i, r in enumerate(rows, 1)
    ]


def test_tables_made_at_once_are_those_of_the_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    patterns: list[str] = []
    seen: dict[str, Any] = {}
    real_index_names = NameIndex._index_names

    def spy(self: NameIndex, keys: list[str], owners: Any) -> None:
        seen["keys"], seen["owners"] = list(keys), [int(o) for o in owners]
        real_index_names(self, keys, owners)

    monkeypatch.setattr(NameIndex, "_index_names", spy)
    real_automaton = matching._automaton

    def automaton(made: list[str]) -> Any:
        patterns.extend(made)
        return real_automaton(made)

    monkeypatch.setattr(matching, "_automaton", automaton)
    index = NameIndex.__new__(NameIndex)
    index._setup(_companies())

    names, glued, tickers = _reference(seen["keys"], seen["owners"])
    made_names = {
        patterns[number][1:-1]: _unpacked(index, index._packed[number])
        for number in range(index._names)
    }
    made_glued = [patterns[index._names + i][1:] for i in range(len(index._glued_numbers))]
    assert made_names == names
    assert set(made_glued) == glued
    assert all(
        patterns[number] == f" {key} "
        for key, number in zip(made_glued, index._glued_numbers, strict=True)
    )
    assert {key: _unpacked(index, index._packed[v]) for key, v in index._tickers.items()} == tickers
    # Every path was taken: shared keys, tickers, a ticker beside a name, glued names.
    assert any(len(owners) > 1 for owners, _ in names.values())
    assert len(tickers["ORTAK"][0]) == 2 and "KCHOL" in tickers and "kchol" in names
    # A short name more companies share than may is no ticker either (it once became one).
    assert "anadolu" in names and "ANADOLU" not in tickers
    assert len(glued) > 100 and len(names) > 3000

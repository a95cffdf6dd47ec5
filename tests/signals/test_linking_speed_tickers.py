"""The ticker scan (NameIndex._scan_tickers: candidates from a bytes mask, then located in
the text) finds exactly what the straightforward scan finds: every whole upper-case word
between two characters that are neither A-Z, a digit, a letter nor non-ASCII."""

from __future__ import annotations

import random

from signals.context_rules import classify_tickers
from signals.hits import Span
from signals.identifiers import one_letter_ticker_forms
from signals.matching import NameIndex
from signals.names import derive_names
from tests.signals.samples import sample_texts

TICKERS = ["AB", "ABC", "A1", "ISE", "SISE", "KCHOL", "T", "X", "BAB", "AAPL", "GE", "IBM"]
# Tickers, non-ASCII letters next to capitals ("ŞISE", "ISEş"), apostrophes, "?", digits.
ALPHABET = [*TICKERS, *"ABCISET1şŞİıéax", " ", " ", *"'’?():.-\n\u00a0", "NYSE: ", "BIST:"]


def _index() -> NameIndex:
    names = []
    for company, ticker in enumerate(TICKERS, 1):
        names += derive_names(company, f"Firma{company} Sanayi A.Ş.", [], ticker)
    return NameIndex(names)


def _reference(index: NameIndex, text: str, turkish: bool) -> list[Span]:
    """The scan as first written: the text as ASCII ("?" for a non-ASCII character), then a
    mask where A-Z and digits stay, other letters become "x", the rest a space."""
    tickers = index._tickers
    ascii_only = text.replace("?", " ").encode("ascii", "replace")
    upper_bytes = (
        bytes(
            c
            if chr(c).isupper() or chr(c).isdigit()
            else 120
            if chr(c).isalpha() or c == 63
            else 32
            for c in range(128)
        )
        + b" " * 128
    )
    lower = b"abcdefghijklmnopqrstuvwxyz?"
    words = ascii_only.translate(upper_bytes, lower).decode("ascii").split()
    found = [w for w in set(words) if len(w) > 1 and w in tickers]
    hits: list[Span] = []
    if index._one_letter:
        for start, letter in one_letter_ticker_forms(text):
            if letter in tickers:
                value = index._packed[tickers[letter]]
                hit = Span(start, start + 1, letter.lower(), index._owners(value, turkish))
                classify_tickers(text, hit)
                hits.append(hit)
    upper = " " + ascii_only.translate(upper_bytes).decode("ascii") + " "
    for word in found:
        value = index._packed[tickers[word]]
        at = upper.find(f" {word} ")
        while at >= 0:
            end = at + len(word)
            hit = Span(at, end, word.lower(), index._owners(value, turkish))
            classify_tickers(text, hit)
            hits.append(hit)
            at = upper.find(f" {word} ", end)
    return hits


def _key(hit: Span) -> tuple[object, ...]:
    return (hit.start, hit.end, hit.key, hit.owners, hit.method, hit.why)


def test_ticker_scan_equals_the_reference_on_adversarial_texts() -> None:
    index = _index()
    rng = random.Random(7)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    texts += [
        "AB",
        "ŞAB",
        "ABş",
        "AB'nin",
        "?AB?",
        "éABC",
        "A1 AB1 1AB",
        "(T) X",
        "ABAB AB",
        "\ud800AB\udfff",
    ]
    found = 0
    for text in texts:
        for turkish in (False, True):
            new = [_key(hit) for hit in index._scan_tickers(text, turkish)]
            assert sorted(new) == sorted(_key(h) for h in _reference(index, text, turkish)), text
            found += len(new)
    assert found > 1000  # the texts do hold tickers


def test_ticker_scan_equals_the_reference_on_real_texts() -> None:
    index = _index()
    texts = sample_texts()
    # Real texts with the tickers written into them, next to letters and marks.
    rng = random.Random(3)
    for i, text in enumerate(texts[:200]):
        for _ in range(5):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(TICKERS) + rng.choice(["", " ", "'", "ş"]) + text[at:]
        texts[i] = text
    for text in texts:
        new = sorted(_key(hit) for hit in index._scan_tickers(text, False))
        assert new == sorted(_key(h) for h in _reference(index, text, False))


def test_ticker_hits_come_in_text_order() -> None:
    index = _index()
    hits = index._scan_tickers("SISE ve AB, sonra IBM; AB (ISE) GE", True)
    assert [hit.start for hit in hits] == sorted(hit.start for hit in hits)
    assert [hit.key for hit in hits] == ["sise", "ab", "ibm", "ab", "ise", "ge"]

"""The cheap test before the tax-number scan (identifiers.has_digit_runs) says no only where
digit_runs() finds nothing; NameIndex._identifiers still finds tax and MERSİS numbers."""

from __future__ import annotations

import random

from signals.identifiers import DIGIT_MASK, GROUPED_MERSIS, digit_runs, has_digit_runs
from signals.matching import NameIndex
from signals.names import CompanyName
from signals.normalize import match_form

# Digits, separators of a grouped MERSİS number, non-ASCII letters and digits ("٣", "²").
ALPHABET = [*"0123456789", *"0123456789", " ", "-", "x", "ş", "İ", "\u00a0", "٣", "²", "\ud800"]


def _texts() -> list[str]:
    rng = random.Random(5)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40))) for _ in range(5000)]
    return [
        *texts,
        "1234567890",
        "vergi no 123456789",
        "0123 4567 8901 2345",
        "0123-4567-8901-2345",
        "0123ş4567 8901 2345",
        "0123\u00a04567 8901 2345",
        "12345٣67890",
        "ab 1234567890123456 cd",
    ]


def test_no_digit_runs_where_the_precheck_says_none() -> None:
    said_yes = 0
    for text in _texts():
        mask = text.translate(DIGIT_MASK)
        assert not list(digit_runs(mask)) or has_digit_runs(text), text
        # Exactly the searches digit_runs() starts with (one that always said yes would pass
        # the test above).
        assert has_digit_runs(text) == ("0" * 10 in mask or GROUPED_MERSIS in mask), text
        said_yes += has_digit_runs(text)
    assert 100 < said_yes < 5000


def test_tax_numbers_found_with_the_precheck() -> None:
    vkn = "4540536920"  # a valid VKN
    index = NameIndex([], [CompanyName(vkn, 7, "tax_number", 0.99, False)])
    for text in (
        f"Vergi No: {vkn}",
        f"MERSİS 0{vkn}00015",
        f"0{vkn[:3]} {vkn[3:7]} {vkn[7:]}0 0015",
    ):
        prepared = match_form(text) + " "
        assert [hit.owners[0].company_id for hit in index._identifiers(text, prepared)] == [7]
    assert index._identifiers("Vergi No: 454053692", "vergi no: 454053692 ") == []

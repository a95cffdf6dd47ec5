"""The context rules' fast paths find what their plain versions find: the next word's
institution test (_institution_after, cached by word), a confidence rounded (_result)."""

from __future__ import annotations

import random

from signals import context_rules
from signals.context_rules import _institution_after
from signals.hits import NameHit, Owner, Span
from signals.names import institution_words
from signals.normalize import fold

# Letters of both cases and scripts, blanks, other whitespace, marks, digits.
ALPHABET = [*"aBçİış", "Ab", "Mehmet", " ", " ", "\t", "\n", "\r", "\u00a0", "\u2028", *".,'(1_"]


def _random_texts(count: int, length: int) -> list[str]:
    rng = random.Random(11)
    return [
        "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, length))) for _ in range(count)
    ]


def test_institution_after_equals_the_uncached_test() -> None:
    owner = Owner(1, "short", 0.9, True, False)
    context_rules._INSTITUTION_WORDS.clear()
    texts = ["Sabancı Vakfı", "Sabancı VAKFI", "Sabancı vakfı", "Koç Üniversitesi", "Koç dedi"]
    texts += [f"Ad {word}" for text in _random_texts(300, 12) for word in text.split()]
    institutions = 0
    for _ in range(2):  # the second time from the cache
        for text in texts:
            hit = Span(0, 2, "ad", [owner]) if text.startswith("Ad ") else Span(0, 3, "x", [owner])
            hit.end = text.index(" ") if " " in text else len(text)
            following = context_rules._NEXT_FULL_WORD.match(text, hit.end)
            plain = following is not None and fold(following.group(1)).startswith(
                institution_words()
            )
            assert _institution_after(text, hit) == plain, text
            institutions += plain
    assert institutions >= 6


def test_results_round_as_round_does() -> None:
    hit = Span(0, 5, "apple", [Owner(4, "legal", 0.95, False, False)])
    # Values whose rounding differs, and keys a dict takes as one: 1 and 1.0, 0.0 and -0.0.
    values = [0.123456, 0.12345, 1 / 3, 0.5 * 0.95, 1, 1.0, 0.0, -0.0, 0.99995, 2.5e-5]
    for _ in range(2):  # the second time from the cache
        for value in values:
            result = context_rules._result("Apple said", hit, hit.owners[0], value, ["", "x"])
            assert type(result) is NameHit
            assert repr(result.confidence) == repr(round(value, 4))
            assert result == NameHit(
                4, 0, 5, "Apple", "legal", round(value, 4), "legal name 'apple'; x"
            )


def test_source_credit_in_a_closing_parenthesis() -> None:
    owner = Owner(1, "legal", 0.95, False, False)
    for text, credited in [
        ("Haber metni.\n( Hürriyet )\n", True),
        ("Haber metni.\n(Hürriyet)", True),
        ("Haber metni.\n(\tHürriyet )", True),
        ("Haber metni.\n( x Hürriyet )\n", False),
        ("Haber metni.\n(Hürriyet ve Milliyet)", False),
        ("Hürriyet )", False),
    ]:
        start = text.index("Hürriyet")
        hit = Span(start, start + 8, "hurriyet", [owner])
        assert context_rules._source_credit(text, hit) == credited, text

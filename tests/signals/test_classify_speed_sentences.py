"""Sentences found near offsets only (signals/sentences.py: Sentences) are the sentences that
sentence_starts() gives."""

import random

import pytest

from signals import sentences
from signals.sentences import _boundaries, sentence_at, sentence_starts, sentences_holding
from tests.signals.samples import sample_texts

TEXTS = [
    "Acme Inc. opened a plant. It cost $5 million!\n\nThe U.S. unit said no.",
    "Tüpraş A.Ş. yeni tesis açtı. “Yatırım sürecek” dedi.\nDevamı\nsonra geldi… Son.",
    'He said "no." Then left.\n \nnext line lower\nNext line upper. No. 5 is here.',
    "no boundary at all in this text, just words and words and words",
    ". \n Foo. \nbar.\n\n\nBaz?! «Qux» (Quux). 1999 was a year.",
]
# Characters that make or break boundaries, to build texts no writer would.
ALPHABET = list("ab. Ab\n\n !?…\"'”’»)(«“‘ İnc. A.Ş. no. U.S. x1 9\t")


def _expected(text: str, offsets: list[int]) -> list[tuple[int, int]]:
    starts = sentence_starts(text)
    out: list[tuple[int, int]] = []
    for offset in sorted(offsets):
        bounds = sentence_at(starts, len(text), offset)
        if bounds not in out:
            out.append(bounds)
    return out


@pytest.mark.parametrize("scan_back", [1, 3, 40, sentences.SCAN_BACK])
def test_sentences_near_offsets_are_the_full_scans(
    scan_back: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A short look back makes the scan start after letters and retry further back often.
    monkeypatch.setattr(sentences, "SCAN_BACK", scan_back)
    rng = random.Random(0)
    texts = TEXTS + [
        "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 300))) for _ in range(400)
    ]
    for text in texts:
        for _ in range(4):
            offsets = rng.sample(range(len(text)), min(len(text), rng.randint(1, 10)))
            assert sentences_holding(text, offsets) == _expected(text, offsets), (text, offsets)


def test_a_whole_texts_boundaries_are_the_single_scans() -> None:
    """sentence_starts() searches once per first character; _boundaries() is one scan."""
    rng = random.Random(2)
    texts = TEXTS + sample_texts()
    texts += [
        "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 300))) for _ in range(3000)
    ]
    for text in texts:
        assert sentence_starts(text) == (0, *_boundaries(text, 0)), text

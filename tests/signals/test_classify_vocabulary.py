"""A long-running classifier does not grow without end: every unseen word of a stream stays
in spaCy's vocabulary, so past a limit the language's pipeline is made anew, with the same
results."""

from __future__ import annotations

import pytest

import signals.classify as classify
from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy

CUE = "Anka Gıda yeni fabrikası için 50 milyon liralık yatırım yapacağını açıkladı."


def _stream(start: int) -> list[tuple[str, str]]:
    # Sentences that hold a cue word, so that they are tokenised, and words never seen.
    return [
        (f"Firma{i} yatırım yapacağını açıkladı, kelime{i}ler ve sözcük{i}ten söz etti.", "tr")
        for i in range(start, start + 200)
    ]


def test_the_vocabulary_is_made_anew_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    classifier = CueClassifier(load_taxonomy())
    expected = classifier.classify(CUE, "tr")
    assert [hit.type for hit in expected] == ["investment_statement"]
    first = classifier._nlp["tr"]
    monkeypatch.setattr(classify, "VOCABULARY_LIMIT", len(first.vocab) + 300)

    classifier.classify_many(_stream(0))  # ~600 new words: past the limit
    renewed = classifier._nlp["tr"]
    assert renewed is not first
    assert len(renewed.vocab) < len(first.vocab)
    assert classifier.classify(CUE, "tr") == expected

    classifier.classify_many(_stream(0)[:20])  # well below the limit: kept
    assert classifier._nlp["tr"] is renewed

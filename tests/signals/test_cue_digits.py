"""Cues with digits ("chapter 11") reach the Matcher: the cue-sentence finder keeps digits."""

import pytest

from signals.classify import CueClassifier
from signals.cue_sentences import CueSentenceFinder
from signals.lexicon import load_taxonomy


@pytest.fixture(scope="module")
def classifier() -> CueClassifier:
    return CueClassifier(load_taxonomy())


def test_the_finder_keeps_a_sentence_holding_a_digit_cue() -> None:
    finder = CueSentenceFinder(["chapter 11", "chapter 7"], "en")
    text = "Sales fell. The chain sought Chapter 11 last May. Read chapter 117 or chapter 7."
    kept = [text[a:b].strip() for a, b in finder.sentences(text)]
    assert kept == ["The chain sought Chapter 11 last May.", "Read chapter 117 or chapter 7."]


def test_a_digit_word_must_end_where_the_cue_word_ends() -> None:
    finder = CueSentenceFinder(["chapter 11"], "en")
    assert finder.sentences("See chapter 110 of the code.") == []
    assert finder.sentences("See chapter 11a of the code.") == []


def test_a_chapter_11_filing_is_an_insolvency_cue(classifier: CueClassifier) -> None:
    text = "Profits grew. Last week the retailer sought Chapter 11 protection in Delaware."
    hits = [hit for hit in classifier.classify(text, "en") if hit.type == "insolvency"]
    assert [hit.cue.lower() for hit in hits] == ["chapter 11"]
    assert hits[0].sentence == "Last week the retailer sought Chapter 11 protection in Delaware."
    assert hits[0].probability >= 0.5


def test_chapter_7_is_found_in_a_sentence_with_no_other_cue(classifier: CueClassifier) -> None:
    text = "The lender moved the case to Chapter 7 on Friday, a court filing showed."
    assert "insolvency" in {hit.type for hit in classifier.classify(text, "en")}

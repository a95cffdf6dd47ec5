"""The cue-sentence prefilter: it only saves work, it never changes what is found."""

import json
from itertools import pairwise
from pathlib import Path

import pytest

from signals.classify import CueClassifier, CueHit
from signals.cue_sentences import CueSentenceFinder
from signals.lexicon import load_taxonomy
from signals.sentences import sentence_starts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def classifier() -> CueClassifier:
    return CueClassifier(load_taxonomy())


def test_only_sentences_with_every_word_of_a_cue_are_kept() -> None:
    finder = CueSentenceFinder(["konkordato ilan*", "satın al*"])
    text = "Hava güzeldi. Şirket KONKORDATO İLAN ETTİ. Konkordato yok. Arsayı satın aldılar."
    kept = [text[a:b].strip() for a, b in finder.sentences(text)]
    assert kept == ["Şirket KONKORDATO İLAN ETTİ.", "Arsayı satın aldılar."]


def test_a_stem_counts_only_at_the_start_of_a_word() -> None:
    finder = CueSentenceFinder(["sat*"])
    assert finder.sentences("Hasat başladı.") == []
    assert finder.sentences("Tarla (satıldı) dün.") == [(0, 20)]


def _every_sentence(classifier: CueClassifier, text: str, lang: str) -> list[CueHit]:
    """What the classifier finds when it tokenises every sentence (no prefilter)."""
    starts = [*sentence_starts(text), len(text)]
    bounds = list(pairwise(starts))
    docs = classifier._nlp[lang].pipe(text[a:b] for a, b in bounds)
    return classifier._rule_hits(text, list(zip(bounds, docs, strict=True)), lang)


def _real_texts() -> list[tuple[str, str]]:
    demo = ROOT / "app" / "demo_data" / "expected.jsonl"
    texts = [(r["text"], "tr") for r in map(json.loads, demo.read_text("utf-8").splitlines())]
    english = ROOT / "tests" / "fixtures" / "eval" / "sentivent_eval_sample.jsonl"
    rows = map(json.loads, english.read_text("utf-8").splitlines())
    return texts + [(r["text"], "en") for r in rows]


def test_the_prefilter_finds_what_parsing_every_sentence_finds(
    classifier: CueClassifier,
) -> None:
    texts = _real_texts()
    assert len(texts) > 100
    found = classifier.classify_many(texts)
    assert sum(map(len, found)) > 30  # real cue hits, not an empty comparison
    for (text, lang), hits in zip(texts, found, strict=True):
        assert hits == _every_sentence(classifier, text, lang)

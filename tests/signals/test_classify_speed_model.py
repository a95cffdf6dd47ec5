"""The sentence model's fast path (features counted in C, TF-IDF and the logistic regressions
as numpy passes) gives sklearn's probabilities, to the bit."""

import json
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from signals import textcat
from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy
from signals.normalize import fold
from signals.sentences import sentence_starts

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = {
    "tr": ROOT / "app" / "demo_data" / "expected.jsonl",
    "en": ROOT / "tests" / "fixtures" / "eval" / "sentivent_eval_sample.jsonl",
}


def _sentences(lang: str) -> list[str]:
    texts = [json.loads(line)["text"] for line in SAMPLES[lang].read_text("utf-8").splitlines()]
    bounds = (pairwise([*sentence_starts(t), len(t)]) for t in texts)
    found = [t[a:b].strip() for t, pairs in zip(texts, bounds, strict=True) for a, b in pairs]
    return [*found, "", "  x \t\n y  ", "İSTANBUL’DA ﬁnans", "a"]


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_fast_probabilities_equal_the_pipelines(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    model = textcat.load(lang)
    if model is None:
        pytest.skip(f"no committed {lang} model")
    scorer = model._scorer
    assert scorer is not None  # the fast path is taken for the committed models
    sentences = _sentences(lang)
    assert len(sentences) > 200
    expected = np.asarray(model.pipeline.predict_proba(sentences))
    columns = sorted(scorer.linear)
    assert len(columns) >= 5 and scorer.covers(model.types.index(t) for t in model.trusted)
    assert np.array_equal(scorer.probabilities(sentences, columns), expected[:, columns])
    # Again from the kept words, one column alone, and with a cache that keeps emptying.
    assert np.array_equal(scorer.probabilities(sentences, columns), expected[:, columns])
    last = columns[-1:]
    assert np.array_equal(scorer.probabilities(sentences, last), expected[:, last])
    monkeypatch.setattr(textcat, "WORD_CACHE", 5)
    again = textcat.load(lang)._scorer  # type: ignore[union-attr]
    assert again is not None
    assert np.array_equal(again.probabilities(sentences, columns), expected[:, columns])


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_probabilities_of_chosen_types(lang: str) -> None:
    """Only the asked types come back, with the full pipeline's values; a type without a
    logistic regression (never seen in training) takes the pipeline's own path."""
    model = textcat.load(lang)
    if model is None:
        pytest.skip(f"no committed {lang} model")
    sentences = _sentences(lang)[:50]
    full = model.probabilities(sentences)
    assert all(set(row) == set(model.types) for row in full)
    some = sorted(model.trusted)
    chosen = model.probabilities(sentences, some)
    assert chosen == [{t: row[t] for t in some} for row in full]
    assert model._scorer is not None
    constant = [t for i, t in enumerate(model.types) if i not in model._scorer.linear]
    if constant:
        expected = np.asarray(model.pipeline.predict_proba(sentences))
        column = model.types.index(constant[0])
        got = model.probabilities(sentences, constant[:1])
        assert [row[constant[0]] for row in got] == expected[:, column].tolist()


def test_a_pipeline_of_another_shape_is_called_as_it_is() -> None:
    class Stub:
        def predict_proba(self, sentences: list[str]) -> list[list[float]]:
            return [[0.25] for _ in sentences]

    model = textcat.SentenceModel(Stub(), ["lawsuit"], {})
    assert model._scorer is None
    assert model.probabilities(["a", "b"]) == [{"lawsuit": 0.25}, {"lawsuit": 0.25}]


def test_only_trusted_types_are_reweighed_even_beside_a_trusted_one() -> None:
    """A type the model is not trusted for keeps the rule's probability, also in a sentence
    whose trusted hit the model re-weighs (the model is asked for trusted types only)."""
    model = textcat.load("tr")
    if model is None or "lawsuit" not in model.trusted or "capacity_increase" in model.trusted:
        pytest.skip("the committed Turkish model trusts other types")
    classifier = CueClassifier(load_taxonomy(), {"tr": model})
    hits = classifier.classify("Savcılık soruşturma başlattı ve fabrika devreye girdi.", "tr")
    by_type = {hit.type: hit for hit in hits}
    assert by_type["lawsuit"].model_probability is not None
    assert by_type["lawsuit"].sentence == by_type["capacity_increase"].sentence
    assert by_type["capacity_increase"].model_probability is None
    rules_alone = CueClassifier(load_taxonomy()).classify(by_type["lawsuit"].sentence, "tr")
    expected = next(hit.probability for hit in rules_alone if hit.type == "capacity_increase")
    assert by_type["capacity_increase"].probability == expected


@pytest.mark.parametrize("ngram_range", [(1, 2), (1, 3), (2, 2), (1, 1)])
def test_word_ngrams_are_the_analyzers(ngram_range: tuple[int, int]) -> None:
    sentences = _sentences("tr")
    vectorizer = TfidfVectorizer(preprocessor=fold, ngram_range=ngram_range).fit(sentences)
    counts = textcat._Counts(vectorizer)
    assert counts.tokenize is not None
    for sentence in sentences:
        tokens = counts.tokenize(fold(sentence))
        assert sorted(counts._ngrams(tokens)) == sorted(vectorizer.build_analyzer()(sentence))
    # With stop words, sklearn's own analyzer is used.
    assert textcat._Counts(TfidfVectorizer(stop_words=["ve"]).fit(sentences)).tokenize is None

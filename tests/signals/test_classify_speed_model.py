"""The sentence model's fast features (counted in C, word by word) are sklearn's, to the bit."""

import json
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from signals import textcat
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
    assert model._parts is not None  # the fast path is taken for the committed models
    sentences = _sentences(lang)
    assert len(sentences) > 200
    expected = np.asarray(model.pipeline.predict_proba(sentences))
    assert np.array_equal(np.asarray(model._predict_proba(sentences)), expected)
    # Again from the kept words, and with a cache that keeps emptying.
    assert np.array_equal(np.asarray(model._predict_proba(sentences)), expected)
    monkeypatch.setattr(textcat, "WORD_CACHE", 5)
    assert np.array_equal(np.asarray(textcat.load(lang)._predict_proba(sentences)), expected)  # type: ignore[union-attr]


def test_a_pipeline_of_another_shape_is_called_as_it_is() -> None:
    class Stub:
        def predict_proba(self, sentences: list[str]) -> list[list[float]]:
            return [[0.25] for _ in sentences]

    model = textcat.SentenceModel(Stub(), ["lawsuit"], {})
    assert model._parts is None
    assert model.probabilities(["a", "b"]) == [{"lawsuit": 0.25}, {"lawsuit": 0.25}]

"""A trained sentence classifier per language: does this sentence read like signal type T?

TF-IDF over folded words (1–2-grams) and character 3–5-grams inside words (Turkish
suffixes: "davası", "davasında", "davayı" share their grams), then one logistic regression
per type with balanced class weights (positives are rare). scikit-learn, because it trains
in seconds on 2 cores, is deterministic, and the fitted model is a few MB — committed under
signals/data/models/ so a fresh clone needs no training. The cue rules propose sentences;
this model re-weighs them (signals/classify.py), so the model learns what the rules cannot
express: a "patent" inside a lawsuit story, "yatırım" in a rating story.
"""

from __future__ import annotations

import array
import itertools
import logging
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from scipy import sparse  # type: ignore[import-untyped]  # scipy ships no stubs
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, make_pipeline

from signals.normalize import fold

log = logging.getLogger("radar.signals")

MODELS = Path(__file__).parent / "data" / "models"
SEED = 0
FORMAT = 2  # bump when the saved object changes shape
# A type's probabilities are used only when training had this many positive sentences:
# with fewer, the model mostly learns that the type is rare and says "no" to everything.
MIN_POSITIVES = 40
WORD_CACHE = 50_000  # words whose n-gram features are kept (see _Counts): ~20 MB


@dataclass(frozen=True)
class Sentence:
    """One training sentence and the signal types it asserts."""

    text: str
    labels: frozenset[str]


class SentenceModel:
    """Per-type probabilities for sentences of one language."""

    def __init__(self, pipeline: Any, types: Sequence[str], meta: dict[str, Any]) -> None:
        self.pipeline = pipeline
        self.types = tuple(types)
        self.meta = meta
        positives = meta.get("positives", {})
        enough = frozenset(t for t in self.types if positives.get(t, 0) >= MIN_POSITIVES)
        # `radar train` keeps only the types where re-weighing beat the rules on held-out data.
        self.trusted = frozenset(meta["trusted"]) & enough if "trusted" in meta else enough
        self._parts = _feature_parts(pipeline)

    def probabilities(self, sentences: Sequence[str]) -> list[dict[str, float]]:
        """{type: probability} for each sentence."""
        if not sentences:
            return []
        matrix = np.asarray(self._predict_proba(list(sentences)))
        if len(self.types) == 1 and matrix.shape[1] == 2:  # one type: sklearn went binary
            matrix = matrix[:, 1:]
        return [dict(zip(self.types, map(float, row), strict=True)) for row in matrix]

    def _predict_proba(self, sentences: list[str]) -> Any:
        """pipeline.predict_proba(sentences), with the features built as the pipeline's
        FeatureUnion builds them (sparse.hstack(...).tocsr()), but without its joblib call
        and with the character n-grams counted word by word (see _Counts)."""
        if self._parts is None:
            return self.pipeline.predict_proba(sentences)
        features = sparse.hstack([part.transform(sentences) for part in self._parts]).tocsr()
        return self.pipeline.steps[-1][1].predict_proba(features)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"format": FORMAT, "pipeline": self.pipeline, "types": self.types}
        joblib.dump(payload | {"meta": self.meta}, path, compress=3)


class _Counts:
    """transform() of a fitted TfidfVectorizer, with the counting done in C.

    sklearn counts the features of each sentence one by one in Python. Here the features
    come from the vectorizer's own analyzer and are counted by np.unique; a "char_wb"
    vectorizer's are looked up word by word and kept, as a word's n-grams ("char_wb":
    inside the word) do not depend on its neighbours. The counts go into the matrix sklearn
    would build (same values, same sorted indices) and through the vectorizer's own TF-IDF
    step, so the features are the same to the bit (tests/signals/test_classify_speed_*).
    """

    def __init__(self, vectorizer: TfidfVectorizer) -> None:
        self.vectorizer = vectorizer
        self.vocabulary: dict[str, int] = vectorizer.vocabulary_
        self.by_word = vectorizer.analyzer == "char_wb"
        self.preprocess = vectorizer.build_preprocessor()
        self.analyze = vectorizer.build_analyzer()
        self.words: dict[str, tuple[int, ...]] = {}

    def _word(self, word: str) -> tuple[int, ...]:
        """The feature index of each of the word's n-grams in the vocabulary."""
        vocabulary = self.vocabulary
        grams = self.vectorizer._char_wb_ngrams(word)
        if len(self.words) >= WORD_CACHE:
            self.words.clear()
        found = self.words[word] = tuple(vocabulary[g] for g in grams if g in vocabulary)
        return found

    def _features(self, sentence: str) -> list[int]:
        """The vocabulary index of each feature of the sentence, repeated as it repeats."""
        if not self.by_word:
            vocabulary = self.vocabulary
            return [vocabulary[f] for f in self.analyze(sentence) if f in vocabulary]
        features: list[int] = []
        words = self.words
        for word in self.vectorizer._white_spaces.sub(" ", self.preprocess(sentence)).split():
            known = words.get(word)
            features.extend(self._word(word) if known is None else known)
        return features

    def transform(self, sentences: list[str]) -> Any:
        features = [self._features(sentence) for sentence in sentences]
        rows, width = len(sentences), len(self.vocabulary)
        # Each feature of row r as the number r × width + feature, counted by np.unique: in
        # C, sorted by row then feature as sort_indices() sorts (Counter and np.asarray on
        # lists of ints cost twice as much).
        flat = array.array("q", itertools.chain.from_iterable(features))
        keys = np.repeat(np.arange(rows, dtype=np.int64) * width, [len(f) for f in features])
        found, counts = np.unique(keys + np.frombuffer(flat, dtype=np.int64), return_counts=True)
        indptr = np.searchsorted(found, np.arange(rows + 1, dtype=np.int64) * width)
        matrix = sparse.csr_array(
            (
                counts.astype(np.intc),
                (found % width).astype(np.int32),
                indptr.astype(np.int32),
            ),
            shape=(rows, width),
            dtype=self.vectorizer.dtype,
        )
        matrix.sort_indices()
        return self.vectorizer._tfidf.transform(matrix, copy=False)


def _feature_parts(pipeline: Any) -> list[_Counts] | None:
    """The TF-IDF vectorizers of a pipeline made by train() (a FeatureUnion of them, then
    the classifier) as _Counts; None for any other shape (the pipeline is then called as
    it is)."""
    steps = getattr(pipeline, "steps", None)
    if not steps or len(steps) != 2 or not isinstance(steps[0][1], FeatureUnion):
        return None
    union = steps[0][1]
    vectorizers = [t for _, t in union.transformer_list]
    if union.transformer_weights or not all(
        isinstance(t, TfidfVectorizer)
        and t.analyzer in ("word", "char_wb")
        and not t.binary
        and t.input == "content"
        for t in vectorizers
    ):
        return None
    return [_Counts(t) for t in vectorizers]


def train(
    sentences: Sequence[Sentence], types: Iterable[str], *, seed: int = SEED
) -> SentenceModel:
    """Fit the model on `sentences` (deterministic for a given seed and input order)."""
    names = sorted(types)
    random.Random(seed).shuffle(ordered := list(sentences))
    targets = np.array([[name in s.labels for name in names] for s in ordered], dtype=int)
    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(preprocessor=fold, ngram_range=(1, 2), min_df=2,
                                      max_features=40_000, sublinear_tf=True)),
            ("grams", TfidfVectorizer(preprocessor=fold, analyzer="char_wb",
                                      ngram_range=(3, 5), min_df=2, max_features=60_000,
                                      sublinear_tf=True)),
        ]
    )  # fmt: skip
    classifier = OneVsRestClassifier(
        LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000, random_state=seed)
    )
    pipeline = make_pipeline(features, classifier)
    pipeline.fit([s.text for s in ordered], targets)
    positives = {name: int(targets[:, i].sum()) for i, name in enumerate(names)}
    return SentenceModel(pipeline, names, {"sentences": len(ordered), "positives": positives})


def evaluate(
    model: SentenceModel, sentences: Sequence[Sentence], threshold: float = 0.5
) -> dict[str, float]:
    """Micro precision, recall and F1 of the model alone on held-out sentences."""
    tp = fp = fn = 0
    rows = model.probabilities([s.text for s in sentences])
    for sentence, row in zip(sentences, rows, strict=True):
        predicted = {name for name, p in row.items() if p >= threshold}
        tp += len(predicted & sentence.labels)
        fp += len(predicted - sentence.labels)
        fn += len(sentence.labels - predicted)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def model_path(lang: str, folder: Path = MODELS) -> Path:
    return folder / f"sentences_{lang}.joblib"


def load(lang: str, folder: Path = MODELS) -> SentenceModel | None:
    """The trained model for a language, or None (rules alone) when there is none usable."""
    path = model_path(lang, folder)
    if not path.exists():
        return None
    try:
        payload = joblib.load(path)
        if payload.get("format") != FORMAT:
            raise ValueError(f"format {payload.get('format')}, expected {FORMAT}")
        return SentenceModel(payload["pipeline"], payload["types"], payload.get("meta", {}))
    except Exception as exc:
        log.warning("sentence model %s unusable (%s): rules alone for %s", path, exc, lang)
        return None

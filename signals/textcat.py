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
from scipy.special import expit  # type: ignore[import-untyped]  # scipy ships no stubs
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
        self._scorer = _LinearScorer.of(pipeline)

    def probabilities(
        self, sentences: Sequence[str], types: Iterable[str] | None = None
    ) -> list[dict[str, float]]:
        """{type: probability} for each sentence, of `types` (all the model's if None): the
        classifier re-weighs only its trusted types, and each type costs a pass."""
        if not sentences:
            return []
        wanted = self.types if types is None else tuple(t for t in self.types if t in set(types))
        columns = [self.types.index(t) for t in wanted]
        if self._scorer is not None and self._scorer.covers(columns):
            matrix = self._scorer.probabilities(list(sentences), columns)
        else:
            matrix = np.asarray(self.pipeline.predict_proba(list(sentences)))
            if len(self.types) == 1 and matrix.shape[1] == 2:  # one type: sklearn went binary
                matrix = matrix[:, 1:]
            matrix = matrix[:, columns]
        return [dict(zip(wanted, map(float, row), strict=True)) for row in matrix]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"format": FORMAT, "pipeline": self.pipeline, "types": self.types}
        joblib.dump(payload | {"meta": self.meta}, path, compress=3)


class _Counts:
    """The feature counts of a fitted TfidfVectorizer, counted in C.

    sklearn counts the features of each sentence one by one in Python. Here the features
    come from the vectorizer's own analyzer and are counted by np.unique; a "char_wb"
    vectorizer's are looked up word by word and kept, as a word's n-grams ("char_wb":
    inside the word) do not depend on its neighbours. The counts are those of the matrix
    sklearn would build, in its order (tests/signals/test_classify_speed_model.py).
    """

    def __init__(self, vectorizer: TfidfVectorizer) -> None:
        self.vectorizer = vectorizer
        self.vocabulary: dict[str, int] = vectorizer.vocabulary_
        self.by_word = vectorizer.analyzer == "char_wb"
        self.preprocess = vectorizer.build_preprocessor()
        self.analyze = vectorizer.build_analyzer()
        # Word n-grams made here when sklearn's analyzer would only tokenize and join: its
        # loop joins each n-gram in Python, zip and map do it in C.
        self.tokenize = (
            vectorizer.build_tokenizer()
            if vectorizer.analyzer == "word"
            and vectorizer.tokenizer is None
            and vectorizer.get_stop_words() is None
            else None
        )
        # A word's feature indexes as packed int64s: a batch's are then joined by bytes.join
        # and read by np.frombuffer (an array built from a stream of ints cost 80 ns an int).
        self.words: dict[str, bytes] = {}

    def _word(self, word: str) -> bytes:
        """The feature index of each of the word's n-grams in the vocabulary, packed."""
        vocabulary = self.vocabulary
        grams = self.vectorizer._char_wb_ngrams(word)
        if len(self.words) >= WORD_CACHE:
            self.words.clear()
        found = array.array("q", [vocabulary[g] for g in grams if g in vocabulary]).tobytes()
        self.words[word] = found
        return found

    def _features(self, sentence: str, preprocessed: str) -> bytes:
        """The vocabulary index of each feature of the sentence, repeated as it repeats,
        packed as int64s. `preprocessed` is the vectorizer's preprocessor's output."""
        if not self.by_word:
            vocabulary = self.vocabulary
            tokenize = self.tokenize
            grams = (
                self.analyze(sentence) if tokenize is None else self._ngrams(tokenize(preprocessed))
            )
            return array.array("q", [vocabulary[g] for g in grams if g in vocabulary]).tobytes()
        packed: list[bytes] = []
        words = self.words
        for word in self.vectorizer._white_spaces.sub(" ", preprocessed).split():
            known = words.get(word)
            packed.append(self._word(word) if known is None else known)
        return b"".join(packed)

    def _ngrams(self, tokens: list[str]) -> list[str]:
        """The word n-grams of a sentence's tokens, as sklearn's analyzer gives them (in
        another order: they are counted)."""
        low, high = self.vectorizer.ngram_range
        grams: list[str] = list(tokens) if low == 1 else []
        for n in range(max(low, 2), high + 1):
            grams += map(" ".join, zip(*(tokens[i:] for i in range(n)), strict=False))
        return grams

    def counted(
        self, sentences: list[str], preprocessed: list[str] | None = None
    ) -> tuple[Any, Any]:
        """Each distinct feature of each sentence as the number row × width + feature, in
        sklearn's order (by row, then feature), and how often it occurs there. np.unique
        counts and sorts in C (Counter and np.asarray on lists of ints cost twice as much).
        `preprocessed`: the sentences through the vectorizer's preprocessor, if known."""
        if preprocessed is None:
            preprocessed = [self.preprocess(sentence) for sentence in sentences]
        features = list(map(self._features, sentences, preprocessed))
        starts = np.arange(len(sentences), dtype=np.int64) * len(self.vocabulary)
        keys = np.repeat(starts, [len(packed) >> 3 for packed in features])
        return np.unique(
            keys + np.frombuffer(b"".join(features), dtype=np.int64), return_counts=True
        )


class _LinearScorer:
    """predict_proba() of a pipeline made by train(), for chosen types, straight from the
    sentences' feature counts: each vectorizer's TF-IDF (sublinear tf, idf, l2 norm per row)
    and each type's logistic regression (features · coef + intercept, then expit) as a few
    numpy passes, in the order of sklearn's own sums, so the probabilities are the same to
    the bit (tests/signals/test_classify_speed_model.py). Building sparse matrices and
    calling 11 estimators cost ~40 ms a batch, more than the features themselves."""

    def __init__(self, parts: list[_Counts], estimators: list[Any]) -> None:
        self.parts = parts
        self.offsets = list(itertools.accumulate((len(p.vocabulary) for p in parts), initial=0))
        self.idf = [np.asarray(p.vectorizer.idf_, dtype=np.float64) for p in parts]
        # Types whose estimator is a logistic regression (sklearn keeps a constant predictor
        # for a type that training never saw): its coefficients and intercept.
        self.linear = {
            column: (np.ravel(e.coef_), e.intercept_)
            for column, e in enumerate(estimators)
            if isinstance(e, LogisticRegression) and e.coef_.shape == (1, self.offsets[-1])
        }

    @classmethod
    def of(cls, pipeline: Any) -> _LinearScorer | None:
        """The scorer of a pipeline made by train() (a FeatureUnion of TF-IDF vectorizers,
        then one-vs-rest logistic regressions); None for any other shape."""
        steps = getattr(pipeline, "steps", None)
        if not steps or len(steps) != 2 or not isinstance(steps[0][1], FeatureUnion):
            return None
        union, classifier = steps[0][1], steps[1][1]
        vectorizers = [t for _, t in union.transformer_list]
        if (
            union.transformer_weights
            or not isinstance(classifier, OneVsRestClassifier)
            or not all(_plain_tfidf(t) for t in vectorizers)
        ):
            return None
        return cls([_Counts(t) for t in vectorizers], list(classifier.estimators_))

    def covers(self, columns: Iterable[int]) -> bool:
        return all(column in self.linear for column in columns)

    def probabilities(self, sentences: list[str], columns: list[int]) -> Any:
        """rows × columns: each sentence's probability of each type column."""
        rows: list[Any] = []
        features: list[Any] = []
        values: list[Any] = []
        count = len(sentences)
        # Both vectorizers of train() fold the sentences: once is enough.
        preprocessed: dict[Any, list[str]] = {}
        for part, offset, idf in zip(self.parts, self.offsets, self.idf, strict=False):
            if part.preprocess not in preprocessed:
                preprocessed[part.preprocess] = [part.preprocess(s) for s in sentences]
            found, counts = part.counted(sentences, preprocessed[part.preprocess])
            row, feature = np.divmod(found, len(part.vocabulary))
            value = counts.astype(np.float64)
            if part.vectorizer.sublinear_tf:
                np.log(value, out=value)
                value += 1
            value *= idf[feature]
            # bincount adds each row's squares in order, as sklearn's l2 normalisation does.
            value /= np.sqrt(np.bincount(row, weights=value * value, minlength=count))[row]
            rows.append(row)
            features.append(feature + offset)
            values.append(value)
        # The vectorizers' blocks side by side, each row's features in order (hstack's order):
        # the sums below then add the same terms in the same order as sklearn's dot product.
        order = np.argsort(np.concatenate(rows), kind="stable")
        row = np.concatenate(rows)[order]
        feature = np.concatenate(features)[order]
        value = np.concatenate(values)[order]
        out = np.empty((count, len(columns)))
        for k, column in enumerate(columns):
            coef, intercept = self.linear[column]
            out[:, k] = np.bincount(row, weights=value * coef[feature], minlength=count) + intercept
        return expit(out, out=out)


def _plain_tfidf(vectorizer: Any) -> bool:
    """A TF-IDF vectorizer whose features _Counts counts as sklearn does."""
    return (
        isinstance(vectorizer, TfidfVectorizer)
        and vectorizer.analyzer in ("word", "char_wb")
        and not vectorizer.binary
        and vectorizer.input == "content"
        and vectorizer.use_idf
        and vectorizer.norm == "l2"
    )


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

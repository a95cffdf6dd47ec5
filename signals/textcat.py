"""A trained sentence classifier (spaCy textcat_multilabel, bag of words) per language.

Rules find a cue; the model says how much the whole sentence reads like that signal.
Trained by `radar train` with a fixed seed; the trained pipelines live in models/.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.training import Example
from spacy.util import fix_random_seed  # type: ignore[attr-defined]

MODELS = Path(__file__).resolve().parents[1] / "models"
SEED = 0
BOW = {
    "@architectures": "spacy.TextCatBOW.v3",
    "exclusive_classes": False,
    "ngram_size": 2,
    "no_output_layer": False,
    "length": 262144,
}


@dataclass(frozen=True)
class Sentence:
    """One training sentence and the signal types it asserts."""

    text: str
    labels: frozenset[str]


def _blank(lang: str) -> Language:
    nlp = spacy.blank(lang)
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.rules = {}  # see signals/classify.py: exceptions switch spaCy's cache off
    tokenizer.max_cache_size = 1_000_000
    return nlp


def train(
    sentences: Sequence[Sentence], lang: str, labels: Iterable[str], *, epochs: int = 8
) -> Language:
    """A textcat_multilabel pipeline trained on `sentences` with the fixed seed."""
    fix_random_seed(SEED)
    nlp = _blank(lang)
    textcat: Any = nlp.add_pipe("textcat_multilabel", config={"model": BOW})
    for label in sorted(labels):
        textcat.add_label(label)
    names = sorted(labels)

    def example(sentence: Sentence) -> Example:
        cats = {name: float(name in sentence.labels) for name in names}
        return Example.from_dict(nlp.make_doc(sentence.text), {"cats": cats})

    examples = [example(s) for s in sentences]
    nlp.initialize(lambda: examples)
    rng = random.Random(SEED)
    for _ in range(epochs):
        rng.shuffle(examples)
        for start in range(0, len(examples), 32):
            nlp.update(examples[start : start + 32], drop=0.1)
    return nlp


def evaluate(
    nlp: Language, sentences: Sequence[Sentence], threshold: float = 0.5
) -> dict[str, float]:
    """Micro precision, recall and F1 of the model alone on held-out sentences."""
    tp = fp = fn = 0
    for sentence, doc in zip(sentences, nlp.pipe(s.text for s in sentences), strict=True):
        predicted = {label for label, p in doc.cats.items() if p >= threshold}
        tp += len(predicted & sentence.labels)
        fp += len(predicted - sentence.labels)
        fn += len(sentence.labels - predicted)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def load(lang: str, folder: Path = MODELS) -> Language | None:
    """The trained pipeline for a language, or None when none was trained."""
    path = folder / f"textcat_{lang}"
    if not (path / "meta.json").exists():
        return None
    nlp = spacy.load(path)
    cast(Tokenizer, nlp.tokenizer).max_cache_size = 1_000_000
    return nlp

"""The signals pipeline's heavy objects, built once per process."""

from __future__ import annotations

from functools import cache

from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy


@cache
def classifier() -> CueClassifier:
    """The cue classifier (building the spaCy pipelines takes about a second)."""
    return CueClassifier(load_taxonomy())

"""The signals pipeline's heavy objects, built once per process."""

from __future__ import annotations

from functools import cache

from signals import textcat
from signals.classify import CueClassifier
from signals.lexicon import LANGUAGES, load_taxonomy


@cache
def classifier(use_trained_models: bool = True) -> CueClassifier:
    """Cue rules re-weighed by the committed sentence models (signals/data/models/);
    RADAR_USE_TRAINED_MODELS=false gives the rules alone."""
    models = {}
    if use_trained_models:
        models = {lang: model for lang in LANGUAGES if (model := textcat.load(lang)) is not None}
    return CueClassifier(load_taxonomy(), models)

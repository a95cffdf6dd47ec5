"""The signals pipeline's heavy objects, built once per process."""

from __future__ import annotations

from functools import cache

from signals import textcat
from signals.classify import CueClassifier
from signals.lexicon import LANGUAGES, load_taxonomy


@cache
def classifier(use_trained_models: bool = False) -> CueClassifier:
    """Cue rules, plus the sentence models of models/ when asked (RADAR_USE_TRAINED_MODELS).

    Off by default: on the held-out sets the first trained models added no true positive
    to the rules (see README, "Quality and speed").
    """
    models = {}
    if use_trained_models:
        models = {lang: model for lang in LANGUAGES if (model := textcat.load(lang)) is not None}
    return CueClassifier(load_taxonomy(), models)

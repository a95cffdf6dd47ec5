"""Fixtures shared by the signals tests."""

import pytest

from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy


@pytest.fixture(scope="session")
def classifier() -> CueClassifier:
    """The rule classifier without the trained models (what the rules alone decide)."""
    return CueClassifier(load_taxonomy())

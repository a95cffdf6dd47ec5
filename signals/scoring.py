"""One explainable score per signal: the product of factors, every factor stored."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class ScoreInputs:
    """Everything a score depends on, as numbers that can be shown to a user."""

    kind: str
    type_weight: float
    probability: float
    link_confidence: float
    source_reliability: float
    recent_same_type: int
    source_count: int
    exposure: float | None


def novelty(recent_same_type: int) -> float:
    """1 for news; repeats of a recently seen type count less."""
    return 1.0 if recent_same_type == 0 else round(1.0 / (1 + recent_same_type), 4)


def corroboration(source_count: int) -> float:
    """More independent sources carrying the story raise the score, up to 1.6."""
    return round(min(1.6, 1.0 + 0.15 * max(0, source_count - 1)), 4)


def exposure_factor(kind: str, exposure: float | None) -> float:
    """Distress matters more where the bank has more at stake (0.5 … 1.5)."""
    if kind != "distress" or not exposure or exposure <= 0:
        return 1.0
    return round(max(0.5, min(1.5, 0.5 + math.log10(1 + exposure / 1e6) / 2)), 4)


def score(inputs: ScoreInputs) -> tuple[float, dict[str, float]]:
    """The score and its factors."""
    factors = {
        "type_weight": inputs.type_weight,
        "probability": inputs.probability,
        "link_confidence": inputs.link_confidence,
        "source_reliability": inputs.source_reliability,
        "novelty": novelty(inputs.recent_same_type),
        "corroboration": corroboration(inputs.source_count),
        "exposure": exposure_factor(inputs.kind, inputs.exposure),
    }
    value = 1.0
    for factor in factors.values():
        value *= factor
    return round(value, 4), factors

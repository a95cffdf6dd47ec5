"""The taxonomy as data: signal types, their kind, weight and cue phrases per language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from signals.errors import TaxonomyInvalid
from signals.normalize import fold

TAXONOMY_FILE = Path(__file__).parent / "data" / "taxonomy.yml"
LANGUAGES = ("tr", "en")
KINDS = ("investment", "distress")


@dataclass(frozen=True)
class SignalType:
    """One type of the taxonomy."""

    name: str
    kind: str
    weight: float
    confidence: float
    why: str
    cues: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Taxonomy:
    """All types plus the phrases that deny or make a cue hypothetical."""

    version: int
    types: dict[str, SignalType]
    negation: dict[str, tuple[str, ...]]


def cue_pattern(cue: str) -> list[dict[str, Any]]:
    """A spaCy Matcher pattern for a cue: words on folded NORM, `word*` a prefix, `*` a gap."""
    pattern: list[dict[str, Any]] = []
    for word in cue.split():
        if word == "*":
            pattern.append({"OP": "{0,3}"})
        elif word.endswith("*"):
            pattern.append({"NORM": {"REGEX": "^" + _escape(fold(word[:-1]))}})
        else:
            pattern.append({"NORM": fold(word)})
    return pattern


def _escape(text: str) -> str:
    return "".join("\\" + ch if not ch.isalnum() else ch for ch in text)


@cache
def load_taxonomy(path: Path = TAXONOMY_FILE) -> Taxonomy:
    """Read and check the taxonomy file."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    try:
        types = {
            name: SignalType(
                name=name,
                kind=spec["kind"],
                weight=float(spec["weight"]),
                confidence=float(spec["confidence"]),
                why=str(spec.get("why", "")),
                cues={lang: tuple(spec["cues"].get(lang, ())) for lang in LANGUAGES},
            )
            for name, spec in raw["types"].items()
        }
        negation = {lang: tuple(raw["negation"].get(lang, ())) for lang in LANGUAGES}
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise TaxonomyInvalid(f"{path}: {exc!r}") from exc
    bad = [t.name for t in types.values() if t.kind not in KINDS]
    if bad:
        raise TaxonomyInvalid(f"{path}: unknown kind for {', '.join(bad)}")
    return Taxonomy(version=int(raw.get("version", 1)), types=types, negation=negation)

"""The taxonomy as data: signal types, their kind, weight and cue phrases per language."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
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
    # Allegations are what lawsuits are made of: "iddia"/"alleged" does not doubt them.
    hearsay_doubts: bool = True
    # A refund problem is a negated verb ("para iadesi yapılmadı"): negation words and
    # non-asserting verb forms do not doubt it.
    negation_doubts: bool = True
    # A called-off deal or project ("satış süreci iptal edildi", "plans were scrapped") did
    # not happen: the taxonomy's cancellation words doubt the types that set this. Not a
    # lawsuit, where a cancelled decision is still a court event.
    cancellation_doubts: bool = False
    # A Turkish sentence about the writer's own affairs ("aracıma haciz", "hissem satıldı"):
    # a complainant's debts, sales or accounts, not the named company's event.
    private_speaker_doubts: bool = False
    # A complaint's cue sentence often names no company ("param hâlâ iade edilmedi"): with no
    # owner found, the signal goes to the complaint's subject (the company its title names,
    # else the one it names most). For types that complaints report.
    title_fallback: bool = False
    # Phrases in which a cue word does not name this type's event ("yatırım araçları":
    # financial instruments; "yabancı yatırım": a country's inflows; "patentim": a person's).
    # A cue match overlapping one is dropped. Same syntax as cues.
    exclusions: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {lang: () for lang in LANGUAGES}
    )


@dataclass(frozen=True)
class Taxonomy:
    """All types plus the phrases that deny or make a cue hypothetical, and hearsay."""

    version: int
    types: dict[str, SignalType]
    negation: dict[str, tuple[str, ...]]
    hearsay: dict[str, tuple[str, ...]]
    # Words that call a deal or project off (see SignalType.cancellation_doubts).
    cancellation: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Words never read as a longer form of a shorter stem ("satın" is not "sat*").
    distinct: dict[str, tuple[str, ...]] = field(default_factory=dict)


def cue_words(cues: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(stems, exact words) that the cue phrases use, folded; `word*` is a stem, `*` a gap."""
    stems: set[str] = set()
    exact: set[str] = set()
    for cue in cues:
        for word in cue.split():
            if word == "*":
                continue
            if word.endswith("*"):
                stems.add(fold(word[:-1]))
            else:
                exact.add(fold(word))
    return frozenset(stems), frozenset(exact)


def cue_patterns(
    cue: str, vocabulary: frozenset[str], distinct: frozenset[str] = frozenset()
) -> list[list[dict[str, Any]]]:
    """spaCy Matcher patterns on NORM, where NORM is a token's cue stem (see classify.py).

    A stem `word*` stands for every vocabulary entry that starts with it; nested stems
    ("yatırım*", "yatırımı*") give one pattern per combination, so that every token test
    is an equality on a hash (fast) rather than a set or regular-expression predicate.
    `*` alone allows up to three tokens. A `distinct` word is only matched by itself; a
    distinct stem (`yatırımcı*`: investor, not investment) keeps all its forms out of
    shorter stems' patterns.
    """
    distinct = frozenset(word.rstrip("*") for word in distinct)
    choices: list[list[dict[str, Any]]] = []
    for word in cue.split():
        if word == "*":
            choices.append([{"OP": "{0,3}"}])
        elif word.endswith("*"):
            stem = fold(word[:-1])
            choices.append(
                [
                    {"NORM": v}
                    for v in sorted(vocabulary)
                    if v.startswith(stem) and (v == stem or v not in distinct)
                ]
            )
        else:
            choices.append([{"NORM": fold(word)}])
    return [list(combination) for combination in itertools.product(*choices)]


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
                hearsay_doubts=bool(spec.get("hearsay_doubts", True)),
                negation_doubts=bool(spec.get("negation_doubts", True)),
                cancellation_doubts=bool(spec.get("cancellation_doubts", False)),
                private_speaker_doubts=bool(spec.get("private_speaker_doubts", False)),
                title_fallback=bool(spec.get("title_fallback", False)),
                exclusions={
                    lang: tuple((spec.get("exclusions") or {}).get(lang, ())) for lang in LANGUAGES
                },
            )
            for name, spec in raw["types"].items()
        }
        negation = {lang: tuple(raw["negation"].get(lang, ())) for lang in LANGUAGES}
        hearsay = {lang: tuple((raw.get("hearsay") or {}).get(lang, ())) for lang in LANGUAGES}
        distinct = {lang: tuple((raw.get("distinct") or {}).get(lang, ())) for lang in LANGUAGES}
        cancellation = {
            lang: tuple((raw.get("cancellation") or {}).get(lang, ())) for lang in LANGUAGES
        }
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise TaxonomyInvalid(f"{path}: {exc!r}") from exc
    bad = [t.name for t in types.values() if t.kind not in KINDS]
    if bad:
        raise TaxonomyInvalid(f"{path}: unknown kind for {', '.join(bad)}")
    return Taxonomy(
        version=int(raw.get("version", 1)),
        types=types,
        negation=negation,
        hearsay=hearsay,
        distinct=distinct,
        cancellation=cancellation,
    )

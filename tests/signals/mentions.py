"""Helpers for the classifier and attribution tests: hand-written mentions, and what a text
asserts and to whom."""

from signals.attribution import attribute
from signals.classify import CueClassifier
from signals.matching import NameHit


def mentions_of(text: str, names: dict[str, int]) -> list[NameHit]:
    """A mention of each name at its first occurrence in the text."""
    out = []
    for name, company in names.items():
        start = text.index(name)
        out.append(NameHit(company, start, start + len(name), name, "legal", 0.9, "test"))
    return out


def asserted_types(classifier: CueClassifier, text: str, lang: str = "tr") -> set[str]:
    """The types the text asserts (hits not lowered by negation, doubt or verb form)."""
    return {h.type for h in classifier.classify(text, lang) if not h.negated}


def type_assertions(classifier: CueClassifier, text: str, lang: str = "tr") -> dict[str, bool]:
    """type → asserted (True) or only lowered hits (False)."""
    out: dict[str, bool] = {}
    for hit in classifier.classify(text, lang):
        out[hit.type] = out.get(hit.type, False) or not hit.negated
    return out


def signal_owners(
    classifier: CueClassifier,
    text: str,
    names: dict[str, int],
    signal_type: str,
    lang: str = "tr",
    *,
    asserted_only: bool = False,
    previous_sentence: bool = False,
) -> set[int]:
    """Companies that get `signal_type` from the text's hits (`asserted_only`: not from
    lowered ones; `previous_sentence`: the sentence before a hit is known, so attribution may
    fall back to it)."""
    hits = [
        h
        for h in classifier.classify(text, lang)
        if h.type == signal_type and not (asserted_only and h.negated)
    ]
    assert hits, f"no {signal_type} cue in {text!r}"
    mentions = mentions_of(text, names)
    owners = set()
    for hit in hits:
        previous = 0 if previous_sentence and hit.sentence_start > 0 else None
        for mention, _ in attribute(hit, mentions, previous, text, lang):
            owners.add(mention.company_id)
    return owners

"""A document-level `refund_problem` rule for complaints: a refusal plus a refund request.

A complaint often tells the refusal in words that name no money ("herhangi bir çözüm
sunulmadı", "talebim olumsuz sonuçlandı", "olumlu bir dönüş alamadım") and asks for the money
back in another sentence ("tutarın tarafıma iade edilmesini talep ediyorum"). Neither is a
refund problem alone: a refusal may be about a blocked card, and a request may be the first
one (the post itself). Together they report a refund asked for and refused or ignored. A
complaint that tells of a card dispute or case still open needs an explicit refusal
("talebim reddedildi"): no answer yet is no refusal there (GUIDELINE.md).

The phrases are data (signals/data/complaint_phrases.yml, the cue syntax of taxonomy.yml),
matched on the folded text sentence by sentence. The classifier (signals/classify.py) asks
for this rule only when no cue found a refund problem in the document; the evidence is the
refusal's sentence, which the pipeline attributes like any cue's (a sentence naming no
company goes to the complaint's subject).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from signals.cue_sentences import CueSentenceFinder, prepared_words
from signals.errors import TaxonomyInvalid
from signals.normalize import fold

PHRASES_FILE = Path(__file__).parent / "data" / "complaint_phrases.yml"
REFUND_TYPE = "refund_problem"
GAP_WORDS = 3  # what `*` alone allows, as in the cues (signals/lexicon.py)


@dataclass(frozen=True)
class RefundEvidence:
    """Where the rule found a refusal in a text that also asks for money back."""

    cue: str  # the refusal phrase as written
    cue_start: int
    sentence_start: int
    sentence_end: int  # where the next sentence starts, as the cues' sentences
    request: str  # the request phrase as written (for explanations and tests)


@dataclass(frozen=True)
class RefundPhrases:
    """Compiled phrases of one language (see signals/data/complaint_phrases.yml)."""

    refusals: re.Pattern[str] | None  # asked and refused ("talebim reddedildi")
    no_answers: re.Pattern[str] | None  # asked, no solution or answer ("çözüm sunulmadı")
    requests: re.Pattern[str] | None  # money asked back ("iade edilmesini talep ediyorum")
    # A refusal overlapping one of these is dropped ("henüz bir çözüm sunulmadı": not yet).
    exclusions: re.Pattern[str] | None = None
    # A dispute or case still open anywhere in the text: no_answers do not count.
    open_cases: re.Pattern[str] | None = None
    # The sentences that may hold a request, a refusal (refusals or no_answers): only those
    # are run through the patterns (most texts are news, and hold none).
    requested: CueSentenceFinder | None = None
    refused: CueSentenceFinder | None = None


def phrase_regex(phrase: str) -> str:
    """A regular expression for one phrase in the cue syntax, on folded text: `word*` is a
    stem, `word` a whole word, `*` up to GAP_WORDS words; words are separated by non-word
    characters, never by a sentence's end (the rule searches one sentence at a time)."""
    parts: list[str] = []
    words = phrase.split()
    for i, word in enumerate(words):
        if word == "*":
            parts.append(rf"(?:\w+\W+){{0,{GAP_WORDS}}}")
            continue
        stem = word.endswith("*")
        parts.append(re.escape(fold(word.rstrip("*"))) + (r"\w*" if stem else r"\b"))
        if i < len(words) - 1:
            parts.append(r"\W+")
    return r"\b" + "".join(parts)


def _compile(phrases: list[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    return re.compile("|".join(f"(?:{phrase_regex(p)})" for p in phrases))


@cache
def load_phrases(path: Path = PHRASES_FILE) -> dict[str, RefundPhrases]:
    """The refund_problem block of the phrases file, per language."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    try:
        block = raw[REFUND_TYPE]
        langs = set(block["refusals"]) | set(block["requests"])

        def listed(key: str, lang: str) -> list[str]:
            return [str(p) for p in (block.get(key) or {}).get(lang) or ()]

        def compiled(key: str, lang: str) -> re.Pattern[str] | None:
            return _compile(listed(key, lang))

        return {
            lang: RefundPhrases(
                refusals=compiled("refusals", lang),
                no_answers=compiled("no_answers", lang),
                requests=compiled("requests", lang),
                exclusions=compiled("exclusions", lang),
                open_cases=compiled("open_cases", lang),
                requested=_finder(listed("requests", lang), lang),
                refused=_finder(listed("refusals", lang) + listed("no_answers", lang), lang),
            )
            for lang in langs
        }
    except (KeyError, TypeError, AttributeError, re.error) as exc:
        raise TaxonomyInvalid(f"{path}: {exc!r}") from exc


def _first_refusal(
    folded: str,
    sentences: list[tuple[int, int]],
    patterns: list[re.Pattern[str]],
    exclusions: re.Pattern[str] | None,
) -> tuple[int, int, int, int] | None:
    """(start, end, sentence start, sentence end) of the first refusal, looking only in
    `sentences` (the ones holding a refusal's word)."""
    for start, end in sentences if patterns else ():
        if span := _refusal(folded[start:end], patterns, exclusions):
            return start + span[0], start + span[1], start, end
    return None


def _finder(phrases: list[str], lang: str) -> CueSentenceFinder | None:
    """The sentences holding every word of one of `phrases` (a superset of where their
    patterns match: the same words, in any order)."""
    return CueSentenceFinder(phrases, lang) if phrases else None


def _refusal(
    sentence: str, patterns: list[re.Pattern[str]], exclusions: re.Pattern[str] | None
) -> tuple[int, int] | None:
    """(start, end) of the first refusal in a folded sentence that no exclusion overlaps."""
    excluded = [m.span() for m in exclusions.finditer(sentence)] if exclusions else []
    found = sorted(m.span() for pattern in patterns for m in pattern.finditer(sentence))
    for start, end in found:
        if not any(a < end and start < b for a, b in excluded):
            return start, end
    return None


def refund_refused(
    text: str, lang: str, folded: str | None = None, prepared: bytes | None = None
) -> RefundEvidence | None:
    """The first refusal of a text that also asks for money back, or None (see the module
    docstring). Both may stand in one sentence. A text that tells of a dispute still open
    (open_cases) needs an explicit refusal: no answer yet is no refusal there. `folded` is
    fold(text), `prepared` cue_sentences.prepared_words(folded), when the caller has them."""
    phrases = load_phrases().get(lang)
    if phrases is None or phrases.requests is None:
        return None
    if phrases.requested is None or phrases.refused is None:
        return None
    folded = fold(text) if folded is None else folded
    prepared = prepared_words(folded) if prepared is None else prepared
    refusal_sentences = phrases.refused.sentences(text, folded, prepared)
    if not refusal_sentences:
        return None
    patterns = [p for p in (phrases.refusals, phrases.no_answers) if p is not None]
    refusal = _first_refusal(folded, refusal_sentences, patterns, phrases.exclusions)
    if refusal is not None and phrases.open_cases and phrases.open_cases.search(folded):
        explicit = [phrases.refusals] if phrases.refusals is not None else []
        refusal = _first_refusal(folded, refusal_sentences, explicit, phrases.exclusions)
    request: tuple[int, int] | None = None
    if refusal is not None:
        for start, end in phrases.requested.sentences(text, folded, prepared):
            if asked := phrases.requests.search(folded, start, end):
                request = (asked.start(), asked.end())
                break
    if refusal is None or request is None:
        return None
    cue_start, cue_end, sentence_start, sentence_end = refusal
    return RefundEvidence(
        cue=text[cue_start:cue_end],
        cue_start=cue_start,
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        request=text[request[0] : request[1]],
    )

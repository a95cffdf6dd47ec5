"""Cue rules: find signal cues per sentence with spaCy's Matcher, with negation.

A cue hit says "this sentence reports an event of type T"; the pipeline decides which
company it belongs to (signals/attribution.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

import signals.components  # noqa: F401  (registers radar_fold_norms)
from signals.lexicon import LANGUAGES, Taxonomy, cue_pattern

NEGATION_FACTOR = 0.2
_NEGATION = "__negation__"


@dataclass(frozen=True)
class CueHit:
    """One cue of one type found in one sentence."""

    type: str
    kind: str
    probability: float
    cue: str
    cue_start: int
    sentence: str
    sentence_start: int
    sentence_end: int
    negated: bool


class CueClassifier:
    """Per-language blank spaCy pipelines with the taxonomy's cue and negation patterns."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._nlp: dict[str, Language] = {}
        self._matchers: dict[str, Matcher] = {}
        for lang in LANGUAGES:
            nlp = spacy.blank(lang)
            nlp.add_pipe("sentencizer")
            nlp.add_pipe("radar_fold_norms")
            matcher = Matcher(nlp.vocab)
            for signal_type in taxonomy.types.values():
                patterns = [cue_pattern(cue) for cue in signal_type.cues[lang]]
                if patterns:
                    matcher.add(signal_type.name, patterns)
            matcher.add(_NEGATION, [cue_pattern(cue) for cue in taxonomy.negation[lang]])
            self._nlp[lang] = nlp
            self._matchers[lang] = matcher

    def parse(self, text: str, lang: str) -> Doc:
        """Tokenise and split into sentences with the language's pipeline."""
        return self._nlp[lang if lang in self._nlp else "en"](text)

    def hits(self, doc: Doc, lang: str) -> list[CueHit]:
        """Every (sentence, type) with a cue; negated ones keep a lowered probability."""
        matcher = self._matchers[lang if lang in self._matchers else "en"]
        vocab = doc.vocab
        negated_sentences: set[int] = set()
        found: dict[tuple[int, str], CueHit] = {}
        matches = matcher(doc)
        for match_id, start, _end in matches:
            if vocab.strings[match_id] == _NEGATION:
                negated_sentences.add(doc[start].sent.start)
        for match_id, start, end in matches:
            name = vocab.strings[match_id]
            if name == _NEGATION:
                continue
            sentence = doc[start].sent
            key = (sentence.start, name)
            if key in found:
                continue
            signal_type = self.taxonomy.types[name]
            negated = sentence.start in negated_sentences
            probability = signal_type.confidence * (NEGATION_FACTOR if negated else 1.0)
            found[key] = CueHit(
                type=name,
                kind=signal_type.kind,
                probability=round(probability, 4),
                cue=doc[start:end].text,
                cue_start=doc[start].idx,
                sentence=sentence.text.strip(),
                sentence_start=sentence.start_char,
                sentence_end=sentence.end_char,
                negated=negated,
            )
        return list(found.values())

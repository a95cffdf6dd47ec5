"""Cue rules: find signal cues per sentence with spaCy's Matcher, with negation.

Speed comes from the vocabulary: each new word's NORM is computed once (its cue stem,
or its folded form), so the Matcher compares hashes instead of running a regular
expression per token. A cue hit says "this sentence reports an event of type T"; the
pipeline decides which company it belongs to (signals/attribution.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, cast

import numpy as np
import spacy
from spacy.attrs import IDX, NORM
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex
from wordfreq import zipf_frequency

from signals.lexicon import LANGUAGES, Taxonomy, cue_patterns, cue_words
from signals.normalize import fold
from signals.sentences import sentence_at, sentence_starts
from signals.textcat import SentenceModel

NEGATION_FACTOR = 0.2
MODEL_BASE = 0.65
MODEL_CAP = 0.99
TOKENIZER_CACHE = 1_000_000
_NEGATION = "__negation__"
_HEARSAY = "__hearsay__"
# Split Turkish suffixes after an apostrophe: "Tüpraş'tan" → "Tüpraş", "'", "tan".
_APOSTROPHE_INFIX = r"(?<=[^\W\d_])['’](?=[^\W\d_])"
# What follows a Turkish cue stem (folded to ASCII) when the verb does not assert the event:
# negated ("açmadı", "satmayacak", "yapmıyor", "yapmaz"), only possible ("yapılabilir"),
# an obligation ("yapmalı") or the act talked about rather than done ("yatırım yapmak
# isteyenler", "yapmayı", "yapmanın", "temel atma törenleri"). Reported past ("yapmış")
# and "-makta" (is doing) assert it; so does "-ması" ("yapılmasına karar verildi").
_NOT_ASSERTED_TR = re.compile(
    r"^(?:[iu]?[ln])?m(?:[ae](?:$|d|y|z|m|l[iu]|k(?!t)|n[iu]n)|[iu]y)|[ae]bil"
)


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
    model_probability: float | None = None


def stem_norm(stems: frozenset[str], exact: frozenset[str]) -> Callable[[str], str]:
    """NORM for a word: itself if a cue names it exactly, else its longest cue stem, else
    its folded form. Computed once per vocabulary entry, not per token."""
    longest = max((len(stem) for stem in stems), default=0)

    def norm(text: str) -> str:
        folded = fold(text)
        if folded in exact:
            return folded
        for end in range(min(len(folded), longest), 0, -1):
            if folded[:end] in stems:
                return folded[:end]
        return folded

    return norm


def _rarest(pattern: list[dict[str, Any]], lang: str) -> str:
    """The pattern's least common word: sentences without it cannot match."""
    words = [token["NORM"] for token in pattern if "NORM" in token]
    return str(min(words, key=lambda word: zipf_frequency(word, lang)))


def build_pipeline(lang: str, cues: Iterable[str]) -> tuple[Language, frozenset[str]]:
    """A blank pipeline whose NORMs are cue stems; returns it with the stem vocabulary."""
    stems, exact = cue_words(cues)
    nlp = spacy.blank(lang)
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    # No tokenizer exceptions: after the first one in a text spaCy caches nothing more for
    # that text (sentences come from signals/sentences.py instead). And a cache sized for
    # real news: the default 10,000 chunks fill at once and tokenising slows down many times.
    tokenizer.rules = {}
    tokenizer.max_cache_size = TOKENIZER_CACHE
    infixes = [*(nlp.Defaults.infixes or ()), _APOSTROPHE_INFIX]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    norm = stem_norm(stems, exact)
    vocab: Any = nlp.vocab  # lex_attr_getters is not in spaCy's type stubs
    vocab.lex_attr_getters[NORM] = norm
    for lexeme in nlp.vocab:  # entries made before the getter was set
        lexeme.norm_ = norm(lexeme.orth_)
    return nlp, stems | exact


def _verb_not_asserted(cue: Span) -> bool:
    """True when a Turkish cue word matched by its stem is a negated, possible or
    non-finite verb form (see _NOT_ASSERTED_TR)."""
    for token in cue:
        folded, stem = fold(token.text), token.norm_
        if (
            stem != folded
            and folded.startswith(stem)
            and _NOT_ASSERTED_TR.search(folded[len(stem) :])
        ):
            return True
    return False


class CueClassifier:
    """Per-language blank spaCy pipelines with the taxonomy's cue and negation patterns.

    Cues without gaps go to a PhraseMatcher (one hash-trie pass over the text); cues with
    a `*` gap go to a Matcher that only looks at sentences holding their last word,
    because the Matcher's cost grows with patterns × tokens.
    """

    def __init__(self, taxonomy: Taxonomy, models: dict[str, SentenceModel] | None = None) -> None:
        self.taxonomy = taxonomy
        self.models = models or {}
        self._nlp: dict[str, Language] = {}
        self._phrases: dict[str, PhraseMatcher] = {}
        # Gapped patterns grouped by their rarest word: a sentence runs only the groups
        # whose word it holds.
        self._gapped: dict[str, dict[int, Matcher]] = {}
        self._anchors: dict[str, np.ndarray] = {}
        for lang in LANGUAGES:
            cues = {t.name: t.cues[lang] for t in taxonomy.types.values()}
            cues[_NEGATION] = taxonomy.negation[lang]
            cues[_HEARSAY] = taxonomy.hearsay[lang]
            distinct = taxonomy.distinct.get(lang, ())
            nlp, vocabulary = build_pipeline(
                lang, [c for group in cues.values() for c in group] + list(distinct)
            )
            distinct_folded = frozenset(fold(word) for word in distinct)
            phrases = PhraseMatcher(nlp.vocab, attr="NORM")
            gapped: dict[int, Matcher] = {}
            for name, group in cues.items():
                patterns = [
                    p for cue in group for p in cue_patterns(cue, vocabulary, distinct_folded)
                ]
                plain = [p for p in patterns if all("NORM" in token for token in p)]
                with_gaps = [p for p in patterns if p not in plain]
                if plain:
                    phrases.add(name, [Doc(nlp.vocab, words=[t["NORM"] for t in p]) for p in plain])
                for pattern in with_gaps:
                    anchor = nlp.vocab.strings.add(_rarest(pattern, lang))
                    gapped.setdefault(anchor, Matcher(nlp.vocab)).add(name, [pattern])
            self._nlp[lang] = nlp
            self._phrases[lang] = phrases
            self._gapped[lang] = gapped
            self._anchors[lang] = np.array(sorted(gapped), dtype=np.uint64)

    def parse(self, text: str, lang: str) -> Doc:
        """Tokenise with the language's pipeline (NORMs are cue stems)."""
        return self._nlp[lang if lang in self._nlp else "en"](text)

    def pipe(self, texts: Iterable[str], lang: str, batch_size: int = 64) -> Iterable[Doc]:
        """parse() for many texts of one language."""
        nlp = self._nlp[lang if lang in self._nlp else "en"]
        return nlp.pipe(texts, batch_size=batch_size)

    def _matches(self, doc: Doc, lang: str, text: str) -> list[tuple[str, int, int]]:
        """(name, start, end) of every cue and negation match, in token offsets."""
        strings = doc.vocab.strings
        found = [(strings[m], a, b) for m, a, b in self._phrases[lang](doc)]
        columns = doc.to_array([NORM, IDX])
        anchored = np.flatnonzero(np.isin(columns[:, 0], self._anchors[lang]))
        if len(anchored):
            starts, offsets = sentence_starts(text), columns[:, 1]
            groups: dict[tuple[int, int], set[int]] = {}
            for i in anchored:
                bounds = sentence_at(starts, len(text), int(offsets[i]))
                groups.setdefault(bounds, set()).add(int(columns[i, 0]))
            for (a, b), anchors in sorted(groups.items()):
                first, last = (int(x) for x in np.searchsorted(offsets, [a, b]))
                sentence = doc[first:last]
                for anchor in anchors:
                    found += [
                        (strings[m], first + x, first + y)
                        for m, x, y in self._gapped[lang][anchor](sentence)
                    ]
        return found

    def classify(self, text: str, lang: str) -> list[CueHit]:
        """parse() then hits()."""
        return self.hits(self.parse(text, lang), lang, text)

    def classify_many(self, texts: list[tuple[str, str]]) -> list[list[CueHit]]:
        """classify() for many (text, language) pairs, with one model call per language:
        the sentence model costs ~10 ms a call but ~0.2 ms a sentence."""
        by_lang: dict[str, list[int]] = {}
        for i, (_, lang) in enumerate(texts):
            by_lang.setdefault(lang if lang in self._nlp else "en", []).append(i)
        out: list[list[CueHit]] = [[] for _ in texts]
        for lang, indexes in by_lang.items():
            batch = [texts[i][0] for i in indexes]
            rule_hits = [
                self._rule_hits(doc, lang, text)
                for text, doc in zip(batch, self.pipe(batch, lang), strict=True)
            ]
            for i, hits in zip(indexes, self._with_model(rule_hits, lang), strict=True):
                out[i] = hits
        return out

    def hits(self, doc: Doc, lang: str, text: str | None = None) -> list[CueHit]:
        """Every (sentence, type) with a cue; negated ones keep a lowered probability.

        Pass the text the doc was made from when you have it: rebuilding it from the
        tokens costs more than all the matching.
        """
        lang = lang if lang in self._nlp else "en"
        text = doc.text if text is None else text
        return self._with_model([self._rule_hits(doc, lang, text)], lang)[0]

    def _rule_hits(self, doc: Doc, lang: str, text: str) -> list[CueHit]:
        matches = self._matches(doc, lang, text)
        if not matches:
            return []
        starts = sentence_starts(text)

        def sentence_of(token: int) -> tuple[int, int]:
            return sentence_at(starts, len(text), doc[token].idx)

        negated = {sentence_of(a) for name, a, _ in matches if name == _NEGATION}
        hearsay = {sentence_of(a) for name, a, _ in matches if name == _HEARSAY}
        found: dict[tuple[tuple[int, int], str], CueHit] = {}
        for name, start, end in sorted(matches, key=lambda m: (m[1], -m[2])):
            if name in (_NEGATION, _HEARSAY):
                continue
            bounds = sentence_of(start)
            signal_type = self.taxonomy.types[name]
            denied = (
                bounds in negated
                or (signal_type.hearsay_doubts and bounds in hearsay)
                or (lang == "tr" and _verb_not_asserted(doc[start:end]))
            )
            previous = found.get((bounds, name))
            if previous is not None and (denied or not previous.negated):
                continue
            probability = signal_type.confidence * (NEGATION_FACTOR if denied else 1.0)
            found[(bounds, name)] = CueHit(
                type=name,
                kind=signal_type.kind,
                probability=round(probability, 4),
                cue=doc[start:end].text,
                cue_start=doc[start].idx,
                sentence=text[bounds[0] : bounds[1]].strip(),
                sentence_start=bounds[0],
                sentence_end=bounds[1],
                negated=denied,
            )
        return list(found.values())

    def _with_model(self, documents: list[list[CueHit]], lang: str) -> list[list[CueHit]]:
        """Re-weigh each cue hit by how much its sentence reads like the type to the
        trained model: probability = rule confidence × (MODEL_BASE + model probability),
        capped at MODEL_CAP. A cue in a sentence the model finds typical rises; an odd one
        falls below the signal threshold. Types the model saw too few examples of keep the
        rule's probability (see SentenceModel.trusted). Sentences without a cue are not
        scored: on the English sample, model-only hits (p ≥ 0.8) added false positives only.
        One model call for all the documents' sentences."""
        model = self.models.get(lang)
        if model is None:
            return documents
        wanted = sorted({h.sentence for hits in documents for h in hits if h.type in model.trusted})
        rows = dict(zip(wanted, model.probabilities(wanted), strict=True))
        rescored = []
        for hits in documents:
            out = []
            for hit in hits:
                row = rows.get(hit.sentence)
                if row is None or hit.type not in row:
                    out.append(hit)
                    continue
                p_model = row[hit.type]
                probability = min(MODEL_CAP, hit.probability * (MODEL_BASE + p_model))
                out.append(
                    replace(
                        hit, probability=round(probability, 4), model_probability=round(p_model, 4)
                    )
                )
            rescored.append(out)
        return rescored

"""The cue rules' shortcuts (a word looked for in the sentence's text before its tokens are
walked, the cue's text sliced from the sentence) give what the rules give by their
definitions, kept here, on every sentence of the sample texts and every token position."""

import pytest
from spacy.attrs import NORM
from spacy.tokens import Doc, Span

from signals import classify
from signals.classify import (
    _AVOIDED_EN,
    _CLAUSE_BREAK_EN,
    _CLAUSE_END,
    _CONCRETE_INVESTMENT_TR,
    _CONDITIONAL_EN,
    _FIRST_PERSON_TR,
    _NOT_A_PLACE_EN,
    _OPENING_EN,
    _OWN_THING_TR,
    _PAST_PARTICIPLE_TR,
    _PLURAL_INVESTMENTS_TR,
    _STAVE_EN,
    AVOIDED_WINDOW,
    CueClassifier,
    _fold_word,
    _opened_in,
)
from signals.lexicon import load_taxonomy
from signals.normalize import fold
from signals.sentences import sentences_holding
from tests.signals.samples import sample_texts


def _vague_record(doc: Doc, start: int, end: int) -> bool:
    words = [_fold_word(token.text) for token in doc[start:end]]
    if len(words) < 2 or not _PLURAL_INVESTMENTS_TR.match(words[-1]):
        return False
    if not any(_PAST_PARTICIPLE_TR.search(word) for word in words[:-1]):
        return False
    return not _CONCRETE_INVESTMENT_TR.search(fold(doc.text))


def _private_speaker(doc: Doc) -> bool:
    for token in doc:
        word = _fold_word(token.text)
        if word in _FIRST_PERSON_TR or _OWN_THING_TR.match(word):
            return True
    return False


def _avoided(doc: Doc, start: int) -> bool:
    for i in range(max(0, start - AVOIDED_WINDOW), start):
        word = doc[i].lower_
        if word in _AVOIDED_EN:
            return True
        if word in _STAVE_EN and i + 1 < len(doc) and doc[i + 1].lower_ == "off":
            return True
    return False


def _conditional(doc: Doc, start: int) -> bool:
    for i in range(start - 1, -1, -1):
        word = doc[i].lower_
        if word in _CLAUSE_BREAK_EN:
            return False
        if word in _CONDITIONAL_EN:
            return True
    return False


def _openings(doc: Doc) -> list[tuple[int, int]]:
    if "open" not in doc.text.lower():
        return []
    out = []
    for i, token in enumerate(doc[:-1]):
        if token.lower_ not in _OPENING_EN or i == 0:
            continue
        if _opened_in(doc, i):
            out.append((i, i + 3))
            continue
        j = i + 1
        if doc[j].text == "The" and j + 1 < len(doc):
            j += 1
        end = j
        while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
            end += 1
        if end == j or doc[j].lower_ in _NOT_A_PLACE_EN:
            continue
        if end < len(doc) and doc[end].lower_ == "to":
            continue
        out.append((i, end))
    return out


def _asked(doc: Doc, end: int) -> bool:
    after = doc.text[doc[end - 1].idx + len(doc[end - 1].text) :]
    clause_end = _CLAUSE_END.search(after)
    return clause_end is not None and clause_end.group() == "?"


@pytest.fixture(scope="module")
def classifier() -> CueClassifier:
    return CueClassifier(load_taxonomy())


def _docs(classifier: CueClassifier, lang: str) -> list[Doc]:
    texts = sample_texts(lang)
    sentences = [text[a:b] for text in texts for a, b in sentences_holding(text, range(len(text)))]
    made_up = {
        "tr": ["Hesabıma haciz geldi, bana bilgi verilmedi?", "EVİM satıldı", "parametre"],
        "en": [
            "If it fails, Acme opened The Park to all?",
            "Without IF, it staved off X",
            "a",
            "Disney opened Pandora",
            "Opening",
        ],
    }[lang]
    return classifier._parse_sentences([*sentences, *made_up], lang)


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_rules_are_their_definitions(classifier: CueClassifier, lang: str) -> None:
    docs = _docs(classifier, lang)
    assert len(docs) > 500
    private = asked = openings = 0
    opening_norms = classifier._opening_norms[lang]
    for doc in docs:
        was_private = _private_speaker(doc)
        assert classify._private_speaker(doc) == was_private
        private += was_private
        norms = doc.to_array(NORM).tolist()
        found = _openings(doc)
        assert classify._openings(doc, norms, opening_norms) == found
        openings += len(found)
        for start in range(len(doc)):
            assert classify._avoided(doc, start) == _avoided(doc, start)
            assert classify._conditional(doc, start) == _conditional(doc, start)
            was_asked = _asked(doc, start + 1)
            assert classify._asked(doc, start + 1) == was_asked
            asked += was_asked
            for end in range(start + 1, min(len(doc), start + 4) + 1):
                assert classify._vague_record(doc, start, end) == _vague_record(doc, start, end)
    assert asked and (private if lang == "tr" else openings)


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_a_cue_hit_names_the_cue_as_its_tokens_do(classifier: CueClassifier, lang: str) -> None:
    taxonomy = load_taxonomy()
    signal_type = next(iter(taxonomy.types.values()))
    for doc in _docs(classifier, lang)[:300]:
        text = f"x {doc.text}"
        for start in range(len(doc)):
            for end in range(start + 1, min(len(doc), start + 4) + 1):
                cue: Span = doc[start:end]
                hit = classify._cue_hit(signal_type, 0.5, text, (2, len(text)), cue, False)
                assert (hit.cue, hit.cue_start) == (cue.text, 2 + cue[0].idx)
                assert hit.sentence == text[2:].strip()

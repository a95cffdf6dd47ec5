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
    _DECISION_TR,
    _FIRST_PERSON_TR,
    _LAST_WORD_REVERSED,
    _LIGHT_VERBS_TR,
    _MODAL_TR,
    _NOT_A_PLACE_EN,
    _OPENING_EN,
    _OWN_THING_TR,
    _PAST_PARTICIPLE_TR,
    _PLAN_NOUN_TR,
    _PLAN_TR,
    _PLANNED_TR,
    _PLURAL_INVESTMENTS_TR,
    _STAVE_EN,
    _VERBAL_NOUN_TR,
    AVOIDED_WINDOW,
    DECISION_WINDOW,
    LOOKAHEAD_TOKENS,
    CueClassifier,
    _fold_word,
    _light_verb_suffix,
    _opened_in,
    _suffix_not_asserted,
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


def _plan_sentence(doc: Doc, start: int, decision: bool = False) -> bool:
    if start > 0 and _PLANNED_TR.match(_fold_word(doc[start - 1].text)):
        return True
    if decision and any(
        _DECISION_TR.match(_fold_word(token.text))
        for token in doc[-DECISION_WINDOW:]
        if token.is_alpha
    ):
        return True
    last = _LAST_WORD_REVERSED.match(doc.text[::-1])
    return last is not None and bool(_PLAN_TR.match(_fold_word(last.group(1)[::-1])))


def _verb_planned(doc: Doc, start: int, end: int, decision: bool = False) -> bool:
    def following(i: int) -> str:
        word = _fold_word(doc[i + 1].text) if i + 1 < len(doc) else ""
        return "planli" if decision and _DECISION_TR.match(word) else word

    last = doc[end - 1]
    folded, stem = _fold_word(last.text), last.norm_
    suffix = folded[len(stem) :] if stem != folded and folded.startswith(stem) else None
    if suffix is not None and _PLAN_NOUN_TR.match(suffix) and _PLAN_TR.match(following(end - 1)):
        return True
    for i in range(end, min(end + LOOKAHEAD_TOKENS, len(doc))):
        verb_suffix = _light_verb_suffix(_fold_word(doc[i].text))
        if verb_suffix is not None:
            return bool(_PLAN_NOUN_TR.match(verb_suffix) and _PLAN_TR.match(following(i)))
    return False


def _verb_not_asserted(doc: Doc, start: int, end: int, plan_asserts: bool = False) -> bool:
    def following(i: int) -> str:
        return _fold_word(doc[i + 1].text) if i + 1 < len(doc) else ""

    for i in range(start, end):
        token = doc[i]
        folded, stem = _fold_word(token.text), token.norm_
        if stem == folded or not folded.startswith(stem):
            continue
        suffix = folded[len(stem) :]
        if i == end - 1 and _PLAN_NOUN_TR.match(suffix) and _PLAN_TR.match(following(i)):
            return not plan_asserts
        if _suffix_not_asserted(suffix, following(i)):
            return True
        if i == end - 1 and stem in _LIGHT_VERBS_TR:
            return bool(_VERBAL_NOUN_TR.match(suffix) and _MODAL_TR.match(following(i)))
    if _light_verb_suffix(doc[end - 1].norm_) is not None:
        return False
    for i in range(end, min(end + LOOKAHEAD_TOKENS, len(doc))):
        verb_suffix = _light_verb_suffix(_fold_word(doc[i].text))
        if verb_suffix is None:
            continue
        if _PLAN_NOUN_TR.match(verb_suffix) and _PLAN_TR.match(following(i)):
            return not plan_asserts
        if _suffix_not_asserted(verb_suffix, following(i)):
            return True
        return bool(_VERBAL_NOUN_TR.match(verb_suffix) and _MODAL_TR.match(following(i)))
    return False


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
        "tr": [
            "Hesabıma haciz geldi, bana bilgi verilmedi?",
            "EVİM satıldı",
            "parametre",
            "Fabrika kurma kararı aldı",
            "Yatırım yapılması PLANLANIYOR",
            "Zarar et etmedi, yatırım yap yapmaz",
        ],
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
    private = asked = openings = planned = denied = 0
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
            if lang != "tr":
                continue  # the Turkish rules
            for decision in (False, True):
                was_planned = _plan_sentence(doc, start, decision)
                assert classify._plan_sentence(doc, start, decision) == was_planned
                planned += was_planned
            for end in range(start + 1, min(len(doc), start + 4) + 1):
                assert classify._vague_record(doc, start, end) == _vague_record(doc, start, end)
                for decision in (False, True):
                    verb_planned = _verb_planned(doc, start, end, decision)
                    assert classify._verb_planned(doc, start, end, decision) == verb_planned
                    planned += verb_planned
                    not_asserted = _verb_not_asserted(doc, start, end, decision)
                    assert classify._verb_not_asserted(doc, start, end, decision) == not_asserted
                    denied += not_asserted
    assert asked and (private and planned and denied if lang == "tr" else openings)


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

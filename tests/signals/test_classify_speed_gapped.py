"""The gapped cue groups (signals/gapped_cues.py) find what spaCy's Matcher finds with the
same patterns, and the classifier's matches stay those of the Matcher calls."""

import random

import pytest
from spacy.attrs import NORM
from spacy.tokens import Doc

from signals.classify import CueClassifier
from signals.gapped_cues import GappedCues, pattern_steps
from signals.lexicon import LANGUAGES, load_taxonomy
from signals.sentences import sentences_holding
from tests.signals.samples import sample_texts


@pytest.fixture(scope="module")
def classifier() -> CueClassifier:
    return CueClassifier(load_taxonomy())


def _matcher_matches(group: GappedCues, doc: Doc) -> list[tuple[str, int, int]]:
    """The group's matches by its spaCy Matcher (the definition)."""
    return [(group.strings[key], start, end) for key, start, end in group.matcher(doc)]


def _sentences(classifier: CueClassifier, lang: str) -> list[Doc]:
    """Every sentence of the language's sample texts that holds a gapped cue's anchor."""
    texts = sample_texts(lang)
    anchors = classifier._gapped[lang].keys()
    docs = []
    for text in texts:
        bounds = sentences_holding(text, range(len(text)))
        for doc in classifier._parse_sentences([text[a:b] for a, b in bounds], lang):
            if anchors & set(doc.to_array(NORM).tolist()):
                docs.append(doc)
    return docs


def _made_up(classifier: CueClassifier, lang: str, count: int) -> list[Doc]:
    """Sentences made of the groups' own words, repeated and with 0 to 5 other words between
    them: spans of every gap length, a word that starts two matches, patterns at the end."""
    rng = random.Random(5)
    vocab = classifier._nlp[lang].vocab
    words = sorted(
        {vocab.strings[step] for group in classifier._gapped[lang].values()
         for _, steps in group.patterns for step in steps if step >= 0}
    )  # fmt: skip
    fillers = ["x", "the", "ve", ",", "bir"]
    docs = []
    for _ in range(count):
        group = rng.choice(list(classifier._gapped[lang].values()))
        tokens: list[str] = []
        for _ in range(rng.randint(1, 3)):
            _, steps = rng.choice(group.patterns)
            for step in steps:
                if step >= 0:
                    tokens.append(vocab.strings[step])
                tokens += rng.choices(fillers + words, k=rng.choice([0, 0, 1, 2, 3, 4, 5]))
        docs.append(Doc(vocab, words=tokens))
    return docs


@pytest.mark.parametrize("lang", LANGUAGES)
def test_groups_find_the_matchers_spans(classifier: CueClassifier, lang: str) -> None:
    docs = _sentences(classifier, lang) + _made_up(classifier, lang, 3000)
    assert len(docs) > 3000
    found = 0
    for doc in docs:
        norms = doc.to_array(NORM).tolist()
        for anchor in classifier._gapped[lang].keys() & set(norms):  # every pattern has it
            group = classifier._gapped[lang][anchor]
            assert group.all_steps
            expected = _matcher_matches(group, doc)
            got = group(doc, norms)
            assert sorted(got) == sorted(expected)
            assert len(got) == len(set(got))
            found += len(got)
    assert found > 1000


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_shared_span_keeps_the_matchers_order(classifier: CueClassifier, lang: str) -> None:
    """Two cues of one group matching one span come in the Matcher's order: the classifier's
    hits are ordered by it."""
    vocab = classifier._nlp[lang].vocab
    group = GappedCues(vocab)
    group.add("b_second", [{"NORM": "put"}, {"OP": "{0,3}"}, {"NORM": "sale"}])
    group.add("a_first", [{"NORM": "put"}, {"OP": "{0,3}"}, {"NORM": "for"}, {"NORM": "sale"}])
    doc = Doc(vocab, words=["put", "it", "for", "sale"])
    assert group(doc, doc.to_array(NORM).tolist()) == _matcher_matches(group, doc)


def test_other_shapes_go_to_the_matcher(classifier: CueClassifier) -> None:
    vocab = classifier._nlp["en"].vocab
    assert pattern_steps([{"OP": "{0,3}"}, {"NORM": "sale"}], vocab) is None
    assert pattern_steps([{"NORM": "a"}, {"OP": "+"}], vocab) is None
    assert pattern_steps([{"LOWER": "a"}], vocab) is None
    group = GappedCues(vocab)
    group.add("sale", [{"NORM": "for"}, {"OP": "?"}, {"NORM": "sale"}])
    assert not group.all_steps
    doc = Doc(vocab, words=["for", "a", "sale", "for", "sale"])
    assert group(doc, doc.to_array(NORM).tolist()) == [("sale", 0, 3), ("sale", 3, 5)]

"""The word-start scan (signals/cue_sentences.py: WordStarts) finds what an overlapping search
for " key" finds, and the complaint rule, looking only in the sentences its finders give,
finds what it finds looking in every sentence."""

import random
from itertools import pairwise

from ahocorasick_rs import BytesAhoCorasick, MatchKind

from signals.classify import CueClassifier
from signals.cue_sentences import _WORD_CHARS, WordStarts
from signals.lexicon import load_taxonomy
from signals.normalize import fold
from signals.refund_requests import RefundEvidence, _refusal, load_phrases, refund_refused
from signals.sentences import sentence_starts
from tests.signals.samples import sample_texts


def _prepared(text: str) -> bytes:
    return b" " + fold(text).encode("ascii", "replace").translate(_WORD_CHARS) + b" "


def _overlapping(keys: list[bytes], prepared: bytes) -> set[tuple[int, int]]:
    """The definition: every match of " key", overlapping ones too."""
    automaton = BytesAhoCorasick(keys, matchkind=MatchKind.Standard)
    return {(n, start) for n, start, _ in automaton.find_matches_as_indexes(prepared, True)}


def test_word_starts_are_the_overlapping_matches() -> None:
    classifier = CueClassifier(load_taxonomy())
    rng = random.Random(1)
    # Keys that are prefixes of each other, exact words (a space after), digits.
    made = [
        b" ab",
        b" abc",
        b" abc ",
        b" b",
        b" ba ",
        b" 11 ",
        b" a1",
        b" bab",
        b" c",
        b" b a ",
        b" a b",
    ]
    random_texts = [
        "".join(rng.choice("abc 1.İş") for _ in range(rng.randint(0, 60))) for _ in range(300)
    ]
    for keys, texts in [
        *(
            ([finder._words[k] for k in finder._triggers], sample_texts())
            for finder in classifier._finders.values()
        ),
        (made, random_texts),
    ]:
        scanner = WordStarts(keys)
        found = 0
        for text in texts:
            prepared = _prepared(text)
            hits = scanner.find(prepared)
            assert hits == sorted(set(hits))
            assert {(key, start) for start, key in hits} == _overlapping(keys, prepared), text
            found += len(hits)
        assert found > 50


def _refund_everywhere(text: str) -> RefundEvidence | None:
    """The complaint rule by its definition: the patterns run on every sentence."""
    phrases = load_phrases()["tr"]
    folded = fold(text)
    sentences = list(pairwise([*sentence_starts(text), len(text)]))
    patterns = [p for p in (phrases.refusals, phrases.no_answers) if p is not None]

    def first(chosen: list) -> tuple[int, int, int, int] | None:  # type: ignore[type-arg]
        for start, end in sentences:
            if span := _refusal(folded[start:end], chosen, phrases.exclusions):
                return start + span[0], start + span[1], start, end
        return None

    refusal = first(patterns)
    if refusal is not None and phrases.open_cases and phrases.open_cases.search(folded):
        refusal = first([phrases.refusals])
    request = None
    for start, end in sentences:
        if refusal is not None and (asked := phrases.requests.search(folded, start, end)):  # type: ignore[union-attr]
            request = asked
            break
    if refusal is None or request is None:
        return None
    return RefundEvidence(
        text[refusal[0] : refusal[1]],
        refusal[0],
        refusal[2],
        refusal[3],
        text[request.start() : request.end()],
    )


# Complaint sentences of each kind (refusals, no answers, exclusions, open cases, requests)
# and news sentences, shuffled into texts: the rule's sentences must be the same whichever way
# they are found.
COMPLAINT_SENTENCES = [
    "Talebim reddedildi.",
    "Başvurum olumsuz sonuçlandı!",
    "Herhangi bir çözüm sunulmadı.",
    "Henüz bir çözüm sunulmadı.",
    "Çözüm sunulmaması halinde şikayet edeceğim.",
    "Olumlu bir dönüş alamadım…",
    "Yapılacak bir şey olmadığı söylendi.",
    "Harcama itirazı yaptım, işlem beklemede.",
    "Tutarın tarafıma iade edilmesini talep ediyorum.",
    "Paramın geri ödenmesini istiyorum.",
    "Ücret iadesi yapılmazsa tüketici hakem heyetine başvuracağım.",
    "İADE TALEBİM karşılanmadı.",
]


def test_the_complaint_rule_finds_what_it_finds_in_every_sentence() -> None:
    news = [
        text[a:b]
        for text in sample_texts()[:40]
        for a, b in pairwise([*sentence_starts(text), len(text)])
    ]
    rng = random.Random(2)
    texts = [
        " ".join(rng.choice(COMPLAINT_SENTENCES if rng.random() < 0.6 else news) for _ in range(n))
        for n in [rng.randint(1, 7) for _ in range(600)]
    ]
    found = 0
    for text in texts:
        got = refund_refused(text, "tr")
        assert got == _refund_everywhere(text), text
        found += got is not None
    assert found >= 50

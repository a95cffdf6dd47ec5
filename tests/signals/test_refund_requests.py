"""A complaint that tells a refusal in words naming no money ("herhangi bir çözüm
sunulmadı", "talebim olumsuz sonuçlandı") and asks for the money back in another sentence
reports a refund problem (signals/refund_requests.py); either alone does not. The texts are
hand-written for these tests (dev set: dev_sets/complaints_tr/)."""

import pytest

from signals.classify import CueClassifier
from signals.pipeline import _complaint_subject
from signals.refund_requests import phrase_regex, refund_refused
from signals.sentences import sentence_starts
from tests.signals.mentions import asserted_types, mentions_of

REFUND = "refund_problem"


@pytest.mark.parametrize(
    "text",
    [
        # no solution offered, the refund asked in the last sentence
        "Kartımdan 620 TL yıllık ücret alındı. Çağrı merkezini iki kez aradım ama bana "
        "herhangi bir çözüm sunulmadı. Ücretin hesabıma iade edilmesini talep ediyorum.",
        # the request refused in words naming no money
        "Hesap işletim ücreti kesildi. Şubeye gittim, talebim olumsuz sonuçlandı. "
        "Kesilen tutarın iadesini istiyorum.",
        # no positive answer
        "Sigorta poliçemi iptal ettirdim ve bankaya yazdım; temsilciden olumlu bir dönüş "
        "alamadım. Primin geri ödenmesini bekliyorum.",
        # told nothing can be done
        "Hesabımdan bilgim dışında 1.200 TL çekildi. Bankayı aradığımda yapılacak bir şey "
        "olmadığı söylendi. Bu tutarın tarafıma iade edilmesini rica ediyorum.",
        # the request in the title, the refusal in the body
        "Kart Aidatı İade Talebim.\nAidat için canlı desteğe yazdım, yardımcı olamıyoruz dediler.",
        # both in one sentence
        "Ücretin iade edilmesini istedim fakat talebim reddedildi.",
    ],
)
def test_a_refusal_and_a_refund_request_make_a_refund_problem(
    classifier: CueClassifier, text: str
) -> None:
    assert REFUND in asserted_types(classifier, text), text


def test_the_refusal_sentence_is_the_evidence() -> None:
    text = (
        "Kartımdan 620 TL yıllık ücret alındı. Çağrı merkezini aradım ama herhangi bir "
        "çözüm sunulmadı. Ücretin hesabıma iade edilmesini talep ediyorum."
    )
    evidence = refund_refused(text, "tr")
    assert evidence is not None
    assert evidence.cue == "çözüm sunulmadı"
    sentence = text[evidence.sentence_start : evidence.sentence_end].strip()
    assert sentence == "Çağrı merkezini aradım ama herhangi bir çözüm sunulmadı."
    assert evidence.request == "iade edilmesini"


def test_a_refusal_naming_no_company_goes_to_the_complaints_subject(
    classifier: CueClassifier,
) -> None:
    text = (
        "Denizbank Kart Ücretimi Geri Vermiyor.\n"
        "Akbank maaş kartım var, aidat ise Denizbank kartımdan kesildi. "
        "Müşteri hizmetlerini aradım, herhangi bir çözüm sunulmadı. "
        "Aidatın iade edilmesini talep ediyorum."
    )
    cue = next(h for h in classifier.classify(text, "tr") if h.type == REFUND)
    hits = mentions_of(text, {"Denizbank": 1, "Akbank": 2})
    owners = _complaint_subject(cue, hits, sentence_starts(text))
    assert {mention.company_id for mention, _ in owners} == {1}


@pytest.mark.parametrize(
    "text",
    [
        # a refusal about something else, no money asked back
        "Kartım bloke edildi. Şubeye gittim ama herhangi bir çözüm sunulmadı.",
        # only the request: the post itself is the first one
        "Kartımdan 620 TL yıllık ücret alındı. Ücretin iade edilmesini talep ediyorum.",
        # not yet
        "Çağrı merkezini aradım, henüz bir çözüm sunulmadı. Tutarın iadesini istiyorum.",
        # a threat on condition
        "Çözüm sunulmaması halinde hakem heyetine gideceğim. Aidatın iadesini istiyorum.",
        # asking for a solution is no refusal
        "Bir çözüm sunulmasını ve aidatın iade edilmesini talep ediyorum.",
        # a card dispute still open, only unanswered
        "Tanımadığım bir harcama için harcama itirazı oluşturdum ama geri dönüş yapılmadı. "
        "Tutarın iade edilmesini istiyorum.",
    ],
)
def test_no_refusal_with_a_request_is_no_refund_problem(text: str) -> None:
    assert refund_refused(text, "tr") is None, text


def test_an_open_dispute_refused_outright_is_one() -> None:
    text = (
        "Harcama itirazı oluşturdum, itirazım incelendi ve talebim reddedildi. "
        "Tutarın kartıma iade edilmesini istiyorum."
    )
    evidence = refund_refused(text, "tr")
    assert evidence is not None and evidence.cue == "talebim reddedildi"


def test_phrases_use_the_cue_syntax() -> None:
    import re

    assert re.search(phrase_regex("olumlu * dönüş alama*"), "olumlu bir donus alamadim")
    assert not re.search(phrase_regex("çözüm sunmad*"), "cozum sunmasini")
    assert not re.search(phrase_regex("iade* talep ed*"), "iade et talep")

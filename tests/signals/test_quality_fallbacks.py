"""Third quality round (own sentences, not eval texts): a cue whose sentence rules out every
company by role falls back when the sentence points back at a company; a state as the doer
blocks the fallback to another sentence's company; cancelled deals, questions, patent
litigation, a person's fine, planned or generic plants, and English capex without an amount
do not assert their type."""

from functools import partial

import pytest

from signals.classify import CueClassifier
from tests.signals.mentions import signal_owners, type_assertions

_owners = partial(signal_owners, previous_sentence=True)


# --- roles rule out every company named, but the sentence points back at another one ---


def test_a_sentence_that_points_back_falls_to_the_only_other_company(
    classifier: CueClassifier,
) -> None:
    text = (
        "Firma, Konya'da kurulacak fabrika için Siemens ile teknoloji anlaşması imzaladı. "
        "Kordsa Genel Müdürü açıklamayı yaptı."
    )
    owners = _owners(classifier, text, {"Siemens": 1, "Kordsa": 2}, "investment_statement")
    assert owners == {2}


def test_english_the_company_sold_to_a_buyer_falls_to_the_previous_sentence(
    classifier: CueClassifier,
) -> None:
    text = "Initech reported weak results. The company sold its stake in the unit to Globex."
    owners = _owners(classifier, text, {"Initech": 1, "Globex": 2}, "asset_sale", "en")
    assert owners == {1}


def test_without_pointing_back_a_ruled_out_sentence_still_gives_nobody(
    classifier: CueClassifier,
) -> None:
    text = "Kordsa yeni ürününü tanıttı. Bölgede kurulacak fabrika için Siemens ile anlaşıldı."
    owners = _owners(classifier, text, {"Kordsa": 1, "Siemens": 2}, "investment_statement")
    assert owners == set()


# --- a state as the doer blocks the fallback to another sentence's company ---


@pytest.mark.parametrize(
    ("text", "signal_type"),
    [
        (
            "Tofaş yeni modelini tanıttı. Bakan, Azerbaycan'ın bölgeye büyük bir yatırım "
            "yaptığını söyledi.",
            "investment_statement",
        ),
        (
            "Tofaş ihracat rakamlarını açıkladı. Borcunu ödeyemezse iflas edecek olan "
            "Yunanistan için görüşmeler sürüyor.",
            "insolvency",
        ),
        (
            "Tofaş ihracat rakamlarını açıkladı. Macaristan, sınır bölgesine 300 milyon "
            "avroluk yatırım yapacak.",
            "investment_statement",
        ),
    ],
)
def test_a_country_as_the_doer_gets_no_company(
    classifier: CueClassifier, text: str, signal_type: str
) -> None:
    assert _owners(classifier, text, {"Tofaş": 1}, signal_type) == set()


def test_a_country_that_is_only_a_place_keeps_the_fallback(classifier: CueClassifier) -> None:
    text = "Tofaş yeni modelini tanıttı. Azerbaycan'ın başkenti Bakü'de yeni fabrika kuracak."
    assert _owners(classifier, text, {"Tofaş": 1}, "investment_statement") == {1}


def test_english_the_city_as_the_doer_gets_no_company(classifier: CueClassifier) -> None:
    text = (
        "Initech opened a branch downtown. Next year the city will spend $ 2 billion on "
        "roads and bridges."
    )
    assert _owners(classifier, text, {"Initech": 1}, "investment_statement", "en") == set()


# --- cancelled deals and projects; not lawsuits ---


@pytest.mark.parametrize(
    ("text", "lang", "signal_type"),
    [
        ("Holding, iştirakindeki hisse satışı sürecinin iptal edildiğini bildirdi.", "tr",
         "asset_sale"),
        ("Grup, Kocaeli'de yeni fabrika kurma kararından vazgeçti.", "tr", "investment_statement"),
        ("Şirketin Gebze'deki arsa alımı askıya alındı.", "tr", "land_purchase"),
        ("Initech called off the sale of its stake in the joint venture.", "en", "asset_sale"),
        ("Globex scrapped its plans to build a new plant in Ohio.", "en", "investment_statement"),
    ],
)  # fmt: skip
def test_a_cancelled_deal_is_not_asserted(
    classifier: CueClassifier, text: str, lang: str, signal_type: str
) -> None:
    assert type_assertions(classifier, text, lang).get(signal_type) is False


def test_a_cancelled_decision_does_not_doubt_a_lawsuit(classifier: CueClassifier) -> None:
    text = "Önceki karar iptal edildi ve şirket hakkında yeniden dava açıldı."
    assert type_assertions(classifier, text).get("lawsuit") is True


# --- a cue in a question asserts nothing ---


@pytest.mark.parametrize(
    ("text", "lang", "signal_type"),
    [
        ("Müdüre 'Neden konkordato ilan ettiniz?' diye sordu.", "tr", "insolvency"),
        ("Will Globex build a new plant in Ohio ?", "en", "investment_statement"),
    ],
)
def test_a_question_does_not_assert(
    classifier: CueClassifier, text: str, lang: str, signal_type: str
) -> None:
    assert type_assertions(classifier, text, lang).get(signal_type) is False


def test_a_statement_after_a_question_is_still_asserted(classifier: CueClassifier) -> None:
    text = "Peki sonra ne oldu? Şirket geçen ay konkordato ilan etti."
    assert type_assertions(classifier, text).get("insolvency") is True


# --- exclusions: patent litigation, a person's fine, planned or generic plants ---


def test_patent_litigation_is_not_a_patent(classifier: CueClassifier) -> None:
    assert "patent" not in type_assertions(
        classifier, "Şirket, rakibine açtığı patent davasını kazandı."
    )
    assert "patent" not in type_assertions(
        classifier, "Rakibin patent ihlali iddiaları reddedildi."
    )
    assert type_assertions(classifier, "Şirket yeni ürünü için patent aldı.").get("patent") is True


def test_a_fine_on_the_speaker_is_not_the_companys(classifier: CueClassifier) -> None:
    assert "fine" not in type_assertions(
        classifier, "Kurul, hiçbir gerekçe göstermeden bana ceza verdi."
    )
    assert (
        type_assertions(classifier, "Kurul, şirkete 2 milyon lira ceza verdi.").get("fine") is True
    )


@pytest.mark.parametrize(
    "text",
    [
        "Yeni fabrika için uygun bir arsa arıyoruz.",
        "Yeni tesis yatırımı için finansman görüşmeleri sürüyor.",
        "Kurucumuz tesis açılışlarında her zaman yanımızdaydı.",
    ],
)
def test_a_planned_or_generic_plant_is_not_capacity(classifier: CueClassifier, text: str) -> None:
    assert "capacity_increase" not in type_assertions(classifier, text)


def test_a_new_plant_that_opened_is_capacity(classifier: CueClassifier) -> None:
    assert type_assertions(classifier, "Yeni fabrika geçen hafta üretime başladı.").get(
        "capacity_increase"
    )


def test_english_capex_needs_an_amount_or_a_plan(classifier: CueClassifier) -> None:
    trend = "Its capital expenditures have grown along with its store count ."
    assert "investment_statement" not in type_assertions(classifier, trend, "en")
    budget = "Globex set capital expenditures of $ 3 billion for next year ."
    assert type_assertions(classifier, budget, "en").get("investment_statement") is True

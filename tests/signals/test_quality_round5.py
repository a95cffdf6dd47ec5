"""Fifth quality round, recall (own sentences, not eval texts): a denial that is someone's
defence or a finished evaluation does not doubt the event; capacity still to be raised is an
investment plan; a groundbreaking and a land purchase may have words before their verb, and
the seller of the land (ablative) is not its buyer; a construction job put out to tender
("ihale edildi") is a tender."""

import pytest

from signals.attribution import attribute
from signals.classify import CueClassifier
from tests.signals.mentions import asserted_types, mentions_of


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Boyaların zehirli olmadığını savunan Renkli Boya yöneticileri, yasağın "
            "kaldırılması için mahkemeye başvurdu.",
            "tr",
        ),
        ("Ürünün güvenli olmadığını belirten bakanlık, Renkli Boya hakkında dava açtı.", "tr"),
        ("Northwind was sued by two former dealers on Monday and denied any wrongdoing.", "en"),
        ("Northwind denied the allegations in the lawsuit its customers filed in Ohio.", "en"),
    ],
)
def test_a_defence_does_not_deny_the_lawsuit(
    classifier: CueClassifier, text: str, lang: str
) -> None:
    assert "lawsuit" in asserted_types(classifier, text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Renkli Boya hakkında dava açıldığı doğru değil.", "tr"),
        ("Northwind denied that it had been sued by its dealers.", "en"),
    ],
)
def test_a_denied_lawsuit_stays_denied(classifier: CueClassifier, text: str, lang: str) -> None:
    assert "lawsuit" not in asserted_types(classifier, text, lang)


def test_a_finished_evaluation_doubts_nothing(classifier: CueClassifier) -> None:
    text = (
        "Yeni depo binasının yapımı geçen ay ihale edildi, değerlendirme sonucunda üç firma "
        "teklif verdi."
    )
    assert "expansion_tender" in asserted_types(classifier, text)


def test_an_evaluation_still_doubts(classifier: CueClassifier) -> None:
    text = "Şirket yeni bir fabrika kurmayı değerlendiriyor."
    assert "investment_statement" not in asserted_types(classifier, text)


@pytest.mark.parametrize(
    "text",
    [
        "Borvex, Bursa'daki fabrikasının kapasitesini iki katına çıkaracak.",
        "Borvex'in boya hattında gelecek yıl kapasite artırılacak.",
    ],
)
def test_capacity_to_be_raised_is_a_plan(classifier: CueClassifier, text: str) -> None:
    types = asserted_types(classifier, text)
    assert "investment_statement" in types
    assert "capacity_increase" not in types


def test_capacity_to_be_raised_is_not_added(classifier: CueClassifier) -> None:
    text = "Borvex'in Gebze tesisinde önümüzdeki ay kapasite artışına gidilecek."
    assert "capacity_increase" not in asserted_types(classifier, text)


def test_capacity_raised_is_capacity(classifier: CueClassifier) -> None:
    text = "Borvex, Gebze'deki tesisinin kapasitesini geçen yıl artırdı."
    assert "capacity_increase" in asserted_types(classifier, text)


@pytest.mark.parametrize(
    "text",
    [
        "Borvex, Manisa'daki yeni fabrikasının temelini geçen hafta attı.",
        "Borvex deposunun temellerini dün sabah attı.",
    ],
)
def test_groundbreaking_with_words_between(classifier: CueClassifier, text: str) -> None:
    assert "investment_statement" in asserted_types(classifier, text)


def test_a_step_on_a_basis_is_no_groundbreaking(classifier: CueClassifier) -> None:
    assert "investment_statement" not in asserted_types(
        classifier, "Borvex bu konuda temelde doğru bir adım attı."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Borvex Lojistik, depo için gereken 40 dönümlük arazisini geçen yıl Kuzey "
        "Tekstil'den satın aldı.",
        "Borvex Lojistik, geçen yıl Kuzey Tekstil'den depo arsasını satın aldı.",
    ],
)
def test_land_bought_from_a_seller(classifier: CueClassifier, text: str) -> None:
    names = {"Borvex Lojistik": 1, "Kuzey Tekstil": 2}
    hits = [h for h in classifier.classify(text, "tr") if h.type == "land_purchase"]
    assert hits and not any(h.negated for h in hits)
    owners = {
        m.company_id
        for hit in hits
        for m, _ in attribute(hit, mentions_of(text, names), None, text, "tr")
    }
    assert owners == {1}

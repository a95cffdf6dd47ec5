"""Cue classes added or narrowed in the quality round (own sentences, not eval texts)."""

import pytest

from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy
from tests.signals.mentions import asserted_types


@pytest.fixture(scope="module")
def classifier() -> CueClassifier:
    return CueClassifier(load_taxonomy())


def test_selling_operations_is_an_asset_sale(classifier: CueClassifier) -> None:
    assert "asset_sale" in asserted_types(classifier, "Banka, Mısır'daki operasyonlarını sattı.")
    assert "asset_sale" in asserted_types(
        classifier, "Grup, Doğu Avrupa operasyonunu satacağını duyurdu."
    )


def test_a_refund_being_paid_is_no_refund_problem(classifier: CueClassifier) -> None:
    for text in (
        "Firma, arızalı ürünler için ücret iadesi yapacağını açıkladı.",
        "Müşterilere para iadesi yapıldı.",
        "Başvuran herkese iade gerçekleşti.",
    ):
        assert "refund_problem" not in asserted_types(classifier, text), text


def test_a_refund_not_paid_is_a_refund_problem(classifier: CueClassifier) -> None:
    assert "refund_problem" in asserted_types(
        classifier, "Firma iptal edilen siparişin bedelini aylardır iade etmedi."
    )


def test_probable_is_a_hedge(classifier: CueClassifier) -> None:
    hits = [h for h in classifier.classify("Bu gidişle iflaslar muhtemel.", "tr")]
    assert [h.type for h in hits] == ["insolvency"]
    assert hits[0].negated


def test_investors_are_not_an_investment(classifier: CueClassifier) -> None:
    text = "Şirketin 50 milyon liralık halka arzına yatırımcılar yoğun ilgi gösterdi."
    assert "investment_statement" not in asserted_types(classifier, text)


def test_a_factory_investment_is_an_investment_statement(classifier: CueClassifier) -> None:
    assert "investment_statement" in asserted_types(
        classifier, "Şirket Konya'da bir fabrika yatırımı başlattı."
    )
    assert "investment_statement" in asserted_types(
        classifier, "Organize sanayi bölgesinde kurulacak yeni tesis 2027'de üretime geçecek."
    )


def test_an_area_of_land_is_no_land_purchase(classifier: CueClassifier) -> None:
    assert "land_purchase" not in asserted_types(
        classifier, "Konutlar 40 dönümlük arazi üzerinde yükseliyor."
    )


def test_claimed_tax_credits_are_no_incentive(classifier: CueClassifier) -> None:
    text = "The bank claimed foreign tax credits through an offshore structure."
    assert "incentive" not in asserted_types(classifier, text, "en")
    text = "The carmaker received $40 million in state tax credits for its new plant."
    assert "incentive" in asserted_types(classifier, text, "en")

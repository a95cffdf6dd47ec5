"""Signals quality round 8: buying an asset from a company is that company's asset sale."""

from signals.classify import CueClassifier
from tests.signals.mentions import asserted_types, signal_owners


def test_land_bought_from_a_company_is_its_asset_sale(classifier: CueClassifier) -> None:
    text = "Mavi Konut, fabrika arazisini 2011 yılında Demir Çelik'ten satın aldı."
    names = {"Mavi Konut": 1, "Demir Çelik": 2}
    assert signal_owners(classifier, text, names, "asset_sale") == {2}
    assert signal_owners(classifier, text, names, "land_purchase") == {1}


def test_shares_bought_from_a_company_spoken_by_the_buyer(classifier: CueClassifier) -> None:
    text = "Genel Müdür Ayşe Kaya, hisselerini geçen yıl Yıldız Holding'den aldık dedi."
    assert signal_owners(classifier, text, {"Yıldız Holding": 3}, "asset_sale") == {3}


def test_a_purchase_naming_no_seller_is_nobodys_sale(classifier: CueClassifier) -> None:
    text = "Mavi Konut, arsayı geçen ay yüksek bir bedelle satın aldı."
    assert signal_owners(classifier, text, {"Mavi Konut": 1}, "asset_sale") == set()
    text = "Mavi Konut büyüyor. Şirket arsayı geçen ay yüksek bir bedelle satın aldı."
    owners = signal_owners(
        classifier, text, {"Mavi Konut": 1}, "asset_sale", previous_sentence=True
    )
    assert owners == set()


def test_capacity_raised_with_a_place_between_noun_and_verb(classifier: CueClassifier) -> None:
    # "İzmir'deki" is three tokens: the gap between noun and verb must allow more.
    raised = "Firma, kapasitesini İzmir'deki tesisinde yüzde 30 artırdı."
    assert "capacity_increase" in asserted_types(classifier, raised)
    planned = "Firma, kapasitesini İzmir'deki tesisinde yüzde 30 artıracak."
    assert "capacity_increase" not in asserted_types(classifier, planned)
    assert "investment_statement" in asserted_types(classifier, planned)


def test_foundation_laid_with_a_place_between_noun_and_verb(classifier: CueClassifier) -> None:
    text = "Kaya Enerji, santralin temellerini geçen hafta Bursa'da attı."
    assert "investment_statement" in asserted_types(classifier, text)


def test_investments_looked_back_on_in_general_are_no_statement(
    classifier: CueClassifier,
) -> None:
    vague = (
        "Bugüne kadar yaptığımız yatırımlar ve 50. yılımızda verdiğimiz destekle gurur duyuyoruz."
    )
    assert "investment_statement" not in asserted_types(classifier, vague)
    with_amount = "Bugüne kadar yaptığımız yatırımlar 400 milyon lirayı aştı."
    assert "investment_statement" in asserted_types(classifier, with_amount)
    with_site = "Geçen yıl yaptığımız yatırımlarla Konya'daki fabrikamızı büyüttük."
    assert "investment_statement" in asserted_types(classifier, with_site)


def test_a_patent_held_by_the_persons_topic_is_not_the_companys(
    classifier: CueClassifier,
) -> None:
    text = (
        "Mavi Tekstil kumaş üretiyor. "
        "Kurucusu Ahmet Karadağlı, bugüne kadar 12 uluslararası patente sahip olduğunu söyledi."
    )
    names = {"Mavi Tekstil": 1}
    assert signal_owners(classifier, text, names, "patent", previous_sentence=True) == set()
    text = (
        "Mavi Tekstil kumaş üretiyor. "
        "Şirket, bugüne kadar 12 uluslararası patente sahip olduğunu açıkladı."
    )
    assert signal_owners(classifier, text, names, "patent", previous_sentence=True) == {1}

"""Signals quality round 7: a first person plural statement belongs to the speaker's
company, not to the last company named before it."""

from signals.classify import CueClassifier
from tests.signals.mentions import asserted_types, signal_owners


def test_we_opened_stores_is_the_officers_company(classifier: CueClassifier) -> None:
    text = (
        "Kaya Tekstil Genel Müdürü Ayşe Yılmaz sorularımızı yanıtladı. "
        "En büyük müşterimiz uzun yıllar Demir Lojistik oldu. "
        "Bu yıl İzmir'de dört mağaza açtık ve yenilerini açacağız."
    )
    names = {"Kaya Tekstil": 1, "Demir Lojistik": 2}
    owners = signal_owners(classifier, text, names, "investment_statement", previous_sentence=True)
    assert owners == {1}


def test_we_invested_is_the_lead_company(classifier: CueClassifier) -> None:
    text = (
        "Yıldız Gıda, üç kuşaktır büyümeye devam ediyor. "
        "Ailenin ilk kredisini yıllar önce Mavi Bank vermiş. "
        "Geçen yıl yapmış olduğumuz büyük yatırım ile yeni bir depo kurduk."
    )
    names = {"Yıldız Gıda": 1, "Mavi Bank": 2}
    owners = signal_owners(classifier, text, names, "investment_statement", previous_sentence=True)
    assert owners == {1}


def test_an_investment_told_as_made_in_the_past_by_us(classifier: CueClassifier) -> None:
    text = "Geçen yıl yapmış olduğumuz büyük yatırım sayesinde ihracatımız iki katına çıktı."
    assert "investment_statement" in asserted_types(classifier, text)


def test_a_third_person_report_does_not_go_to_the_lead_company(
    classifier: CueClassifier,
) -> None:
    text = (
        "Yıldız Gıda, üç kuşaktır büyümeye devam ediyor. "
        "Ailenin ilk kredisini yıllar önce Mavi Bank vermiş. "
        "Bölgede yeni bir tesis kurdular."
    )
    names = {"Yıldız Gıda": 1, "Mavi Bank": 2}
    owners = signal_owners(classifier, text, names, "investment_statement", previous_sentence=True)
    assert owners == {2}


def test_we_sold_our_building_is_the_officers_company(classifier: CueClassifier) -> None:
    text = (
        "Kaya Tekstil Yönetim Kurulu Başkanı Ali Demir açıklama yaptı. "
        "Alıcı, uzun süredir görüşülen Deniz Yatırım oldu. "
        "Merkez binamızı geçen ay sattık."
    )
    names = {"Kaya Tekstil": 1, "Deniz Yatırım": 2}
    assert signal_owners(classifier, text, names, "asset_sale", previous_sentence=True) == {1}


def test_an_adjective_in_tik_is_no_first_person_verb(classifier: CueClassifier) -> None:
    text = (
        "Kaya Tekstil Genel Müdürü Ali Demir açıklama yaptı. "
        "Makineleri Deniz Otomasyon kurdu. "
        "Yeni üretim hattı tamamen otomatik."
    )
    names = {"Kaya Tekstil": 1, "Deniz Otomasyon": 2}
    owners = signal_owners(classifier, text, names, "capacity_increase", previous_sentence=True)
    assert owners == {2}

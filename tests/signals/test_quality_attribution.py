"""Who a Turkish cue belongs to: plaintiffs, agents, places, partners, contractors, lists,
and cues in sentences that name no company (quality round: classes of attribution error)."""

import pytest

from signals.attribution import (
    ONLY_COMPANY_FACTOR,
    ONLY_COMPANY_FACTOR_TR_UNREFERRED,
    attribute,
)
from signals.classify import CueClassifier, CueHit
from tests.signals.mentions import mentions_of, signal_owners


@pytest.mark.parametrize(
    ("text", "defendants"),
    [
        # The subject of an active "dava açtı" is the plaintiff; the defendant here is no
        # company of ours.
        ("Beko, Ankara Belediyesi'ne imar planı nedeniyle iptal davası açtı.", set()),
        ("Beko'nun belediyeye açtığı tazminat davası geçen hafta reddedildi.", set()),
        # A company named after the filing verb can still be the defendant.
        ("Savcılığın açtığı davada Beko yöneticileri yargılanıyor.", {3}),
        # The agent of a passive: "firmasınca açılan".
        ("Vestel firmasınca açılan davalar mahkemece reddedildi.", set()),
        # A Latin-1-decoded ’ (U+0092) still marks the object.
        ("Vestel\x92i Arçelik geçen yıl dava etti.", {2}),
        # A company that is only a place ("Vestel'de çalışan") is not the defendant.
        ("Vestel'de çalışan bir mühendis hakkında soruşturma başlatıldı.", set()),
        # Three or more names joined by commas are one list.
        ("Arçelik, Vestel, Beko yöneticileri dün gözaltına alındı.", {1, 2, 3}),
    ],
)
def test_turkish_lawsuit_roles(classifier: CueClassifier, text: str, defendants: set[int]) -> None:
    names = {"Arçelik": 1, "Vestel": 2, "Beko": 3}
    present = {n: c for n, c in names.items() if n in text}
    assert signal_owners(classifier, text, present, "lawsuit") == defendants


def test_the_company_whose_shares_are_sold_is_not_the_seller(classifier: CueClassifier) -> None:
    text = "Koç Holding, Tofaş'taki hisselerini yabancı bir fona sattı."
    assert signal_owners(classifier, text, {"Koç Holding": 1, "Tofaş": 2}, "asset_sale") == {1}


def test_a_partner_named_with_ile_does_not_invest(classifier: CueClassifier) -> None:
    text = "Bölgede kurulacak fabrika için Siemens ile teknoloji anlaşması imzalandı."
    assert signal_owners(classifier, text, {"Siemens": 1}, "investment_statement") == set()


def test_the_contractor_after_the_tender_gets_no_expansion_tender(
    classifier: CueClassifier,
) -> None:
    text = "Yeni terminal için ihaleye çıkıldı ve Limak ile sözleşme imzalandı."
    assert signal_owners(classifier, text, {"Limak": 1}, "expansion_tender") == set()
    text = "Pegasus, bakım hangarının inşaatı için ihaleye çıktı."
    assert signal_owners(classifier, text, {"Pegasus": 1}, "expansion_tender") == {1}


def _hit(sentence: str, start: int) -> CueHit:
    return CueHit("investment_statement", "investment", 0.65, "yatırım", start + 10, sentence,
                  start, start + len(sentence), False)  # fmt: skip


def test_turkish_cue_without_a_company_in_its_sentence_is_weak_for_the_only_company() -> None:
    first = "Tofaş yeni modelini tanıttı. Hava güzeldi. "
    about_country = "Bakanlık bölgeye 50 milyon liralık yatırım yapacak."
    text = first + about_country
    mentions = mentions_of(text, {"Tofaş": 1})
    ((_, factor),) = attribute(_hit(about_country, len(first)), mentions, None, text, "tr")
    assert factor == ONLY_COMPANY_FACTOR_TR_UNREFERRED
    assert 0.65 * factor < 0.5  # below the signal threshold
    about_company = "Şirket bölgeye 50 milyon liralık yatırım yapacak."
    text = first + about_company
    ((_, factor),) = attribute(_hit(about_company, len(first)), mentions, None, text, "tr")
    assert factor == ONLY_COMPANY_FACTOR

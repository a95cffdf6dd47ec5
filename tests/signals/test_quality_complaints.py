"""Turkish bank complaints: `refund_problem` is money (or goods) owed back that is not being
returned. A complaint that only *asks* for a refund, tells of one already made, or threatens
what it will do if none comes is no refund problem; a refund refused, withheld, late or lost
on its way is one. The sentences are written for these tests (dev set:
dev_sets/complaints_tr/)."""

import pytest

from signals.classify import CueClassifier
from tests.signals.mentions import asserted_types

REFUND = "refund_problem"


@pytest.mark.parametrize(
    "text",
    [
        # the verbal noun of a request: "that it be refunded"
        "Kesilen 450 TL kart ücretinin tarafıma iade edilmesini talep ediyorum.",
        "Sigorta priminin para iadesinin yapılmasını istiyorum.",
        # a request to give the money back
        "Hesabımdan çekilen paramın geri verilmesini rica ediyorum.",
        # a refund made in the past
        "Geçen yıl da aynı sorunu yaşamıştım ve param iade edilmişti.",
        "Mağaza ürünü geri aldı ve bedelini iade etmiş.",
        # a threat on condition
        "Ücret iadesi yapılmazsa tüketici hakem heyetine başvuracağım.",
        "Aidatın iade edilmemesi halinde kartımı kapatacağım.",
        "Tutar iade edilmediği takdirde hesaplarımı başka bankaya taşıyacağım.",
        # a question whether a refund was made, and a declined transaction next to a refund
        "Aidatın iade edilip edilmediğini sormak için müşteri hizmetlerini aradım.",
        "Kart ücretinin iadesini ve işlem reddi sorununun çözülmesini istiyorum.",
    ],
)
def test_a_refund_asked_made_or_threatened_is_no_refund_problem(
    classifier: CueClassifier, text: str
) -> None:
    assert REFUND not in asserted_types(classifier, text), text


@pytest.mark.parametrize(
    "text",
    [
        # a refund request refused
        "Kart aidatı iade talebim reddedildi.",
        "Aidat iadesi talebimle ilgili olumsuz dönüş yapıldı.",
        "Müşteri hizmetleri ücretin iade edilemeyeceğini söyledi.",
        "Temsilci ücreti iade edemeyeceklerini belirtti.",
        "Bankaya göre aidatın iadesinin mümkün olmadığı bildirildi.",
        "Aradığımda aidatı ödemem gerektiği söylendi.",
        "Yüksek bir harcama taahhüdü verirsem ücretin iade edilebileceği söylendi.",
        # a refund not made or left unanswered
        "Banka hatayı kabul etmeyerek iade işlemini gerçekleştirmedi.",
        "Kesilen ücret için açtığım iade talebim cevapsız kaldı.",
        "Paranın iadesi konusunda hiçbir destek sunulmadı.",
        # a refund that is late or lost on its way to the card
        "Sigorta iptalinde prim iadesi gecikti.",
        "Mağazanın yaptığı iade kartıma yansımadı.",
        "Görüştüğüm temsilci iadenin bankaya ulaşmadığını söyledi.",
        # money taken by a failed transaction and never credited
        "ATM'ye yatırdığım para hesabıma geçmedi.",
        # a card dispute refused
        "Yaptığım harcama itirazım reddedildi.",
        # a dispute or refund request that came to nothing, in words between the two
        "Kart aidatı için yaptığım itiraza olumlu bir cevap alamadım.",
        "Harcama itirazıma bankadan olumsuz yanıt geldi.",
        "Aidat iadesi başvurum sonuçsuz kaldı.",
        "Aidat iadesi talebim banka tarafından reddedildi.",
        "Kalan tutarın iadesi ise hâlâ yapılmadı.",
        # a refund that never arrived
        "Sigorta iptalinden doğan prim iadesi iki haftadır hesabıma yatmadı.",
        "Firmanın yaptığı iade ekstremde görünmüyor.",
        # money lost on its way that nobody can find
        "Banka, gönderdiğim parayı bulamadığını söyledi.",
        # debited but never paid out
        "Tutar hesabımdan düşmesine rağmen ATM nakit vermedi.",
        # an ATM that kept the money
        "Para yatırırken ATM paramı yuttu.",
        # a refund promised and not made
        "Ücretin bir hafta içinde iade edileceği söylendi ancak bir ay oldu.",
    ],
)
def test_a_refund_refused_withheld_or_lost_is_a_refund_problem(
    classifier: CueClassifier, text: str
) -> None:
    assert REFUND in asserted_types(classifier, text), text

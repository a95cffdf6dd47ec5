"""A Turkish sentence about the writer's own affairs (a complainant's debts, accounts, shares)
asserts no insolvency, asset sale or investment of the company it names; the enforcement law,
its offices and a wage garnishment are no proceedings against a company. A company speaking in
the plural still does. The sentences are written for these tests (see dev_sets/complaints_tr)."""

import pytest

from signals.classify import CueClassifier
from tests.signals.mentions import asserted_types


@pytest.mark.parametrize(
    ("text", "signal_type"),
    [
        ("Kredi borcum yüzünden aracıma haciz konuldu.", "insolvency"),
        ("Hakkımda başlatılan icra takibi nedeniyle hesabım bloke edildi.", "insolvency"),
        ("Banka, kartımdaki borç için tarafıma icra takibi başlattı.", "insolvency"),
        ("Maaş haczi devam ederken promosyon ödemesine de el konuldu.", "insolvency"),
        ("İcra ve İflas Kanunu'na göre bu kesinti yapılamaz.", "insolvency"),
        ("Eylül ayından bu yana ödeme güçlüğü yaşıyorum.", "insolvency"),
        ("Bilgim dışında hissem banka tarafından satıldı.", "asset_sale"),
        ("Hesabımın açıldığı şube kapatıldı, yeni şube açıldığı söylendi.", "investment_statement"),
    ],
)
def test_the_writers_own_affairs_assert_nothing_about_the_company(
    classifier: CueClassifier, text: str, signal_type: str
) -> None:
    assert signal_type not in asserted_types(classifier, text), text


@pytest.mark.parametrize(
    ("text", "signal_type"),
    [
        ("Şirketin banka hesaplarına haciz konuldu.", "insolvency"),
        ("Şirket hakkında icra takibi başlatıldı.", "insolvency"),
        ("Şirketimiz, iştirakindeki hisselerimizin satışına karar verdi.", "asset_sale"),
    ],
)
def test_a_company_and_its_own_plural_still_assert(
    classifier: CueClassifier, text: str, signal_type: str
) -> None:
    assert signal_type in asserted_types(classifier, text), text


@pytest.mark.parametrize(
    ("text", "signal_type"),
    [
        ("Uygulama üzerinden verdiğim satış emrim geç gerçekleşti.", "asset_sale"),
        ("Hisse satış işlemlerim sırasında sistem hata verdi.", "asset_sale"),
        ("Kargo kaybolunca tazminat hakkım doğdu ama ödeme yapılmadı.", "lawsuit"),
    ],
)
def test_a_customers_own_orders_and_claims_are_not_the_companys(
    classifier: CueClassifier, text: str, signal_type: str
) -> None:
    assert signal_type not in asserted_types(classifier, text), text

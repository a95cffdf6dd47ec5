"""Names a text writes that a CRM's legal name implies, with no alias given: the name
without the state's ("İş Bankası"), a bank's glued form ("VakıfBank"), a Turkish company's
first two words ("Anadolu Efes"), a leading legal form ("PAO"), an ampersand brand ("S&P"),
the possessive an SEC name lost ("Moody's"). Texts are hand-written."""

from __future__ import annotations

from signals.matching import CompanyRecord, NameIndex
from signals.names import derived

PORTFOLIO = (
    CompanyRecord(1, "TÜRKİYE İŞ BANKASI A.Ş.", [], None),
    CompanyRecord(2, "TÜRKİYE VAKIFLAR BANKASI T.A.O.", [], None),
    CompanyRecord(3, "T.C. ZİRAAT BANKASI A.Ş.", [], None),
    CompanyRecord(4, "ANADOLU EFES BİRACILIK VE MALT SANAYİİ A.Ş.", [], None),
    CompanyRecord(5, "PAO GAZPROM", [], None),
    CompanyRecord(6, "MOODYS CORP /DE/", [], None),
    CompanyRecord(7, "S&P Global Inc.", [], None),
    CompanyRecord(8, "HALK YATIRIM MENKUL DEĞERLER A.Ş.", [], None),
    CompanyRecord(9, "SAKARYA ELEKTRİK PERAKENDE SATIŞ A.Ş.", [], None),
    CompanyRecord(10, "TÜRK HAVA YOLLARI A.O.", [], None),
    CompanyRecord(11, "Garanti Bankası A.Ş.", [], None),
)
INDEX = NameIndex.build(PORTFOLIO)


def linked(text: str, index: NameIndex = INDEX) -> set[int]:
    return {hit.company_id for hit in index.find(text, "tr") if hit.confidence >= 0.5}


def keys(legal_name: str) -> dict[str, tuple[bool, bool]]:
    """Derived key → (weak in English text, weak in Turkish text)."""
    return {name.key: (name.weak, name.weak_tr) for name in derived(legal_name, (), None)}


def test_the_state_name_is_left_out() -> None:
    assert linked("İş Bankası'ndan kredi kartı aidatı kesildi.") == {1}
    assert linked("Ziraat Bankası tarım kredilerini artırdı.") == {3}
    assert linked("Vakıflar Bankası açıklama yaptı.") == {2}


def test_a_bank_is_written_glued_without_the_plural() -> None:
    assert linked("Müşteriler VakıfBank'a başvurdu.") == {2}
    assert linked("İşbank yeni şube açtı.") == {1}
    # no word of either language: complainants write it in lower case too
    assert linked("dün vakıfbank şubesine gittim, kartımı bloke ettiler.") == {2}


def test_the_bank_name_stays_a_name_only_when_capitalised() -> None:
    assert linked("yeni bir iş bankası kurulması tartışılıyor.") == set()
    assert linked("Garanti Bankası faiz oranlarını açıkladı.") == {11}


def test_a_turkish_company_by_its_first_two_words() -> None:
    assert linked("Anadolu Efes yeni bira fabrikası kuracak.") == {4}
    assert linked("Halk Yatırım'ın raporuna göre endeks yükseldi.") == {8}


def test_two_ordinary_words_stay_weak() -> None:
    assert keys("SAKARYA ELEKTRİK PERAKENDE SATIŞ A.Ş.")["sakarya elektrik"] == (True, True)
    assert keys("TÜRK HAVA YOLLARI A.O.")["turk hava"] == (True, True)
    assert linked("Sakarya Elektrik kesintileri sürüyor.") == set()
    # "Türk Hava Kurumu" is another organisation: the state word and a plain word are no name.
    assert linked("Türk Hava Kurumu yeni uçak aldı.") == set()


def test_a_kind_word_after_the_states_or_a_places_name_is_no_name() -> None:
    assert "turkiye yatirim" not in keys("TÜRKİYE YATIRIM BANKASI A.Ş.")
    assert keys("AVRUPA YATIRIM MENKUL A.Ş.")["avrupa yatirim"] == (True, True)


def test_a_leading_legal_form_is_dropped() -> None:
    assert linked("Gazprom'un Türk Akımı projesi ilerliyor.") == {5}


def test_the_possessive_an_sec_name_lost() -> None:
    assert linked("Moody's Türkiye'nin notunu teyit etti.") == {6}


def test_an_ampersand_brand_alone() -> None:
    assert linked("Kredi derecelendirme kuruluşu S&P notu düşürdü.") == {7}
    assert "r&d" not in keys("R&D SYSTEMS INC")


# Brands no rule derives (signals/data/known_brands.yml) ------------------------------------

BRANDS = NameIndex.build(
    (
        CompanyRecord(1, "TÜRKİYE PETROL RAFİNERİLERİ A.Ş.", [], None),
        CompanyRecord(2, "TÜRK HAVA YOLLARI A.O.", [], None),
        CompanyRecord(3, "BİM BİRLEŞİK MAĞAZALAR A.Ş.", [], None),
        CompanyRecord(4, "YAPI VE KREDİ BANKASI A.Ş.", [], None),
        CompanyRecord(5, "TÜRKİYE İŞ BANKASI A.Ş.", [], None),
    )
)


def brands_linked(text: str) -> set[int]:
    return linked(text, BRANDS)


def test_a_known_brand_names_the_company_whose_legal_name_it_belongs_to() -> None:
    assert brands_linked("Tüpraş'ın İzmit rafinerisinde bakım başladı.") == {1}
    assert brands_linked("BİM yeni mağazalar açtı.") == {3}
    assert brands_linked("Yapı Kredi kredi kartı faizlerini düşürdü.") == {4}


def test_a_known_acronym_counts_only_in_upper_case() -> None:
    assert brands_linked("THY yeni uçak siparişi verdi.") == {2}
    assert brands_linked("Thy kingdom come.") == set()


def test_a_banks_product_names_the_bank() -> None:
    assert brands_linked("İşCep uygulamasından para transferi yapamıyorum.") == {5}
    assert brands_linked("Kazandığım MaxiPuan'lar hesabıma yüklenmedi.") == {5}


def test_a_name_in_a_sentence_about_a_match_is_the_sports_club() -> None:
    assert linked("Anadolu Efes, deplasmanda Fenerbahçe'yi 85-80 yendi.") == set()
    assert linked("VakıfBank'ın voleybol takımı finalde Eczacıbaşı'nı 3-1 yendi.") == set()
    # the legal name is the company even there
    assert linked("Anadolu Efes Biracılık ve Malt Sanayii, basketbol takımını destekliyor.") == {4}


def test_sports_words_are_whole_words_or_prefixes_whichever_the_list_says() -> None:
    assert linked("Anadolu Efes maçı 85-80 kazandı.") == set()  # "maçı": a whole word
    assert linked("Anadolu Efes basketbolcuları sevindi.") == set()  # "basketbol*": a prefix
    # "maçinalar" is neither the whole word "maçı" nor begins with a prefix word
    assert linked("Anadolu Efes maçinalar satın aldı.") == {4}
    assert linked("Anadolu Efes satışları 85 milyon arttı.") == {4}

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session

from signals.matching import NameIndex
from signals.names import derive_names


def index() -> NameIndex:
    return NameIndex(
        derive_names(1, "TÜRKİYE PETROL RAFİNERİLERİ A.Ş.", ["Tüpraş"], "TUPRS")
        + derive_names(2, "ASELSAN ELEKTRONİK SANAYİ VE TİCARET A.Ş.", [], "ASELS")
        + derive_names(3, "KOÇ HOLDİNG A.Ş.", [], "KCHOL")
        + derive_names(4, "Apple Inc.", [], "AAPL")
    )


def linked(text: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for hit in index().find(text):
        found.setdefault(hit.company_id, []).append(hit.surface)
    return found


def test_alias_with_apostrophe_suffix_both_apostrophes() -> None:
    assert linked("Tüpraş'ın kârı arttı, Tüpraş’tan açıklama geldi.") == {1: ["Tüpraş", "Tüpraş"]}


def test_ascii_folded_and_upper_case_text() -> None:
    assert linked("TUPRAS ve TÜRKİYE PETROL RAFİNERİLERİ") == {
        1: ["TUPRAS", "TÜRKİYE PETROL RAFİNERİLERİ"]
    }


def test_short_name_derived_from_legal_name_needs_capital() -> None:
    assert linked("Aselsan yeni bir sözleşme imzaladı.") == {2: ["Aselsan"]}
    assert linked("aselsan") == {}


def test_name_inside_a_longer_word_is_not_a_mention() -> None:
    assert linked("Aselsanpark ve Aselsankent açıldı") == {}  # not a Turkish suffix
    assert linked("Kocaeli'de") == {}


def test_common_word_names_need_context() -> None:
    assert linked("Koç Holding yatırım yapacak") == {3: ["Koç Holding"]}
    assert linked("Koç ailesi toplandı") == {}  # a surname alone is no company
    assert linked("apple pie and an Apple phone") == {}  # one capitalised ordinary word
    assert linked("Apple Inc. said") == {4: ["Apple"]}  # a legal form follows
    assert linked("Apple said. Later Apple added") == {4: ["Apple", "Apple"]}  # named repeatedly
    assert linked("AAPL rose; Apple said") == {4: ["AAPL", "Apple"]}  # also named by its ticker
    hit = next(h for h in index().find("Apple Inc. said") if h.company_id == 4)
    assert hit.confidence < 0.7 and "legal form follows" in hit.explanation


def test_ampersand_names() -> None:
    at_t = NameIndex(
        derive_names(9, "AT&T Inc.", [], "T") + derive_names(8, "Procter & Gamble Co", [], "PG")
    )
    assert {h.company_id for h in at_t.find("AT&T and Procter & Gamble said")} == {8, 9}


def test_ticker_only_in_upper_case() -> None:
    assert linked("KCHOL hisseleri") == {3: ["KCHOL"]}
    assert linked("kchol") == {}


def test_two_companies_sharing_a_name_are_both_less_certain() -> None:
    shared = NameIndex(
        derive_names(1, "Anka Yatırım A.Ş.", ["Anka"], None)
        + derive_names(2, "Anka Gıda A.Ş.", ["Anka"], None)
    )
    hits = shared.find("Anka yeni fabrika kuracak")
    assert {h.company_id for h in hits} == {1, 2}
    assert all(h.confidence < 0.5 for h in hits)


# --- hard cases (issue #4) -------------------------------------------------------------

from signals.matching import CompanyRecord, IndexHolder  # noqa: E402

PORTFOLIO = (
    CompanyRecord(1, "TÜRKİYE PETROL RAFİNERİLERİ A.Ş.", ["Tüpraş"], "TUPRS", "4540536920"),
    CompanyRecord(2, "ASELSAN ELEKTRONİK SANAYİ VE TİCARET A.Ş.", [], "ASELS"),
    CompanyRecord(3, "KOÇ HOLDİNG A.Ş.", [], "KCHOL"),
    CompanyRecord(4, "Apple Inc.", [], "AAPL"),
    CompanyRecord(5, "TÜRKİYE ŞİŞE VE CAM FABRİKALARI A.Ş.", ["Şişecam"], "SISE"),
    CompanyRecord(6, "ÜLKER BİSKÜVİ SANAYİ A.Ş.", [], "ULKER"),
    CompanyRecord(7, "ANADOLU SİGORTA A.Ş.", ["Anadolu Sigorta"], "ANSGR"),
    CompanyRecord(8, "DOĞAN ŞİRKETLER GRUBU HOLDİNG A.Ş.", ["Doğan Holding"], "DOHOL"),
    CompanyRecord(9, "Target Corporation", [], "TGT"),
    CompanyRecord(10, "The Procter & Gamble Company", [], "PG"),
    CompanyRecord(11, "Facebook, Inc.", ["Facebook"], "FB"),
    CompanyRecord(12, "Beşiktaş A.Ş.", [], "BJKAS"),
    CompanyRecord(13, "TOYOTA INDUSTRIES CORP/", [], "TM"),
)


def found(text: str, portfolio: tuple[CompanyRecord, ...] = PORTFOLIO) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for hit in NameIndex.build(portfolio).find(text):
        if hit.confidence >= 0.5:
            out.setdefault(hit.company_id, []).append(hit.surface)
    return out


def test_turkish_suffixes_after_either_apostrophe() -> None:
    assert found("Aselsan'ın cirosu arttı; Tüpraş’tan açıklama.") == {
        2: ["Aselsan"],
        1: ["Tüpraş"],
    }
    # cp1252 bytes decoded as Latin-1 leave U+0092 where ’ stood
    assert found("Şişecam\x92ın yatırımı") == {5: ["Şişecam"]}


def test_ascii_folded_and_all_caps_texts() -> None:
    assert found("Tupras ve Sisecam hisseleri") == {1: ["Tupras"], 5: ["Sisecam"]}
    assert found("TÜPRAŞ'IN KÂRI ARTTI, ŞİŞECAM YATIRIM YAPACAK") == {
        1: ["TÜPRAŞ"],
        5: ["ŞİŞECAM"],
    }
    # In an all-caps headline every word is upper case: a bare ticker proves nothing there.
    assert found("KOÇ VE TUPRS ORTAKLIĞI") == {}


def test_surname_and_ordinary_word_names_need_context() -> None:
    assert found("Koç ailesi toplandı.") == {}
    assert found("Ülker ailesinden açıklama.") == {}
    assert found("Anadolu'da yağış bekleniyor.") == {}
    assert found("Doğan Bey emekli oldu.") == {}
    assert found("Target was met. Our Target Price is lower.") == {}
    assert found("Beşiktaş'ta ev fiyatları yüzde 11 arttı.") == {}


def test_context_that_supports_an_ordinary_word_name() -> None:
    assert found("Koç Holding yatırım yapacak.") == {3: ["Koç Holding"]}
    assert found("Ülker Bisküvi yeni fabrika açtı.") == {6: ["Ülker Bisküvi"]}
    assert found("Beşiktaş A.Ş. borcunu açıkladı.") == {12: ["Beşiktaş"]}  # a legal form follows
    assert found("Anadolu Sigorta'nın kârı arttı.") == {7: ["Anadolu Sigorta"]}
    assert found("Target (TGT) beat estimates.") == {9: ["Target", "TGT"]}  # its ticker
    assert found("Target said sales rose. Target also said") == {9: ["Target", "Target"]}
    assert found("Facebook, Apple and Target led the index.") == {
        11: ["Facebook"],
        4: ["Apple"],
        9: ["Target"],
    }  # a list with a company named by a distinctive name
    hit = next(h for h in NameIndex.build(PORTFOLIO).find("Beşiktaş A.Ş.") if h.company_id == 12)
    assert hit.confidence == 0.6 and "legal form follows" in hit.explanation


def test_weak_short_name_counts_only_when_the_company_is_otherwise_named() -> None:
    # "Toyota" is frequent in English: in English text it needs the company named.
    assert found("Toyota said. Toyota added.") == {}
    assert found("Toyota Industries Corp reported. Toyota added.") == {
        13: ["Toyota Industries", "Toyota"]
    }


def test_ampersand_and_and_ve_are_the_same_connector() -> None:
    for text in ("Procter & Gamble said", "Procter and Gamble said", "PROCTER VE GAMBLE"):
        assert found(text) == {10: [text.split(" said")[0]]}


def test_shared_short_name_goes_to_the_company_named_elsewhere() -> None:
    portfolio = (
        CompanyRecord(1, "Zenit Yatırım Holding A.Ş.", [], None),
        CompanyRecord(2, "Zenit Gıda Sanayi A.Ş.", [], None),
    )
    assert found("Zenit yeni fabrika kuracak.", portfolio) == {}  # which Zenit? neither
    hits = NameIndex.build(portfolio).find("Zenit Gıda büyüyor. Zenit yeni fabrika kuracak.")
    assert {(h.company_id, h.surface) for h in hits} == {(2, "Zenit Gıda"), (2, "Zenit")}
    second = next(h for h in hits if h.surface == "Zenit")
    assert second.confidence >= 0.5 and "also names this one as 'Zenit Gıda'" in second.explanation


def test_identifiers_give_near_certain_mentions() -> None:
    for text, method_surface in (
        ("Şirketin (SISE) hisseleri", "SISE"),
        ("BIST: SISE yükseldi", "SISE"),
        ("BIST:SISE yükseldi", "SISE"),
        ("shares of (NASDAQ:AAPL) and", "AAPL"),
        ("Apple (NYSE: AAPL) said", "AAPL"),
        ("Vergi No: 4540536920 olan şirket", "4540536920"),
        ("MERSİS No: 0454053692000015", "0454053692000015"),
    ):
        hits = [h for h in NameIndex.build(PORTFOLIO).find(text) if h.method == "identifier"]
        assert [h.surface for h in hits] == [method_surface], text
        assert hits[0].confidence == 0.99
    explained = NameIndex.build(PORTFOLIO).find("Vergi No: 4540536920")[0]
    assert explained.company_id == 1 and "tax number (VKN) 4540536920" in explained.explanation
    # A ten-digit number that fails the check digit is no VKN.
    assert found("Vergi No: 4540536921") == {}


def test_a_ticker_inside_another_token_is_not_a_ticker() -> None:
    index = NameIndex.build((CompanyRecord(1, "BlackBerry Ltd", ["BlackBerry"], "BB"),))
    assert index.find("BB&T Bank and Santander") == []


def test_index_holder_swaps_without_readers_noticing() -> None:
    holder = IndexHolder()
    assert holder.index.find("Aselsan") == []
    reader = holder.index
    previous = holder.swap(NameIndex.build(PORTFOLIO))
    assert previous is reader and holder.version == 1
    assert [h.company_id for h in holder.index.find("Aselsan büyüdü")] == [2]


def test_a_supported_ordinary_word_name_supports_its_other_mentions() -> None:
    hits = NameIndex.build(PORTFOLIO).find("Apple's iPhone sold well. Apple Inc. said")
    assert [(h.company_id, h.surface) for h in hits] == [(4, "Apple"), (4, "Apple")]
    assert "the text also names it as 'Apple' (legal form follows" in hits[0].explanation


def test_a_ranking_list_with_numbers_in_parentheses() -> None:
    text = "Listede Şişecam (12), Beşiktaş (28) ve Aselsan (47) yer aldı."
    assert found(text) == {5: ["Şişecam"], 12: ["Beşiktaş"], 2: ["Aselsan"]}


def test_the_pipeline_stores_identifier_mentions(session: Session) -> None:
    from sqlmodel import select

    from signals.classify import CueClassifier
    from signals.lexicon import load_taxonomy
    from signals.models import Mention
    from signals.pipeline import build_index, process
    from tests.factories import NOW, make_company, make_document

    make_company(session, legal_name="ANKA GIDA A.Ş.", aliases=[], ticker="ANKAG")
    make_company(session, crm_id="C2", legal_name="Gizli Ltd. Şti.", tax_number="4540536920")
    make_document(session, "Vergi No: 4540536920 olan firma ile (ANKAG) ortaklık kurdu.")
    index = build_index(session)
    process(session=session, now=NOW, classifier=CueClassifier(load_taxonomy()), index=index)
    rows = session.exec(select(Mention).order_by(Mention.start)).all()  # type: ignore[arg-type]
    assert [(m.surface, m.method, m.confidence) for m in rows] == [
        ("4540536920", "identifier", 0.99),
        ("ANKAG", "identifier", 0.99),
    ]
    assert rows[0].explanation == "tax number (VKN) 4540536920"
    assert rows[1].explanation == "ticker written as (ANKAG)"


def test_a_name_inside_a_longer_word_does_not_hide_the_next_name() -> None:
    # "Ton Logistics" matches from inside "Arlington"; that match is no mention, and it must
    # not hide "Logistics", which starts a word (pyahocorasick's iter_long lost it).
    portfolio = (
        CompanyRecord(1, "Logistics Motors Corporation", ["Logistics Motors"], None),
        CompanyRecord(2, "Ton Logistics Ltd", [], None),
    )
    text = "On Friday the Arlington Logistics Center will open in Dallas."
    assert found(text, portfolio) == {1: ["Logistics"]}


def test_two_names_side_by_side_are_both_found() -> None:
    # The space between two names belongs to both matches.
    assert found("Tüpraş Şişecam ve Koç Holding hisseleri yükseldi.") == {
        1: ["Tüpraş"],
        5: ["Şişecam"],
        3: ["Koç Holding"],
    }

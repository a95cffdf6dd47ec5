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
    assert linked("Aselsanın") == {}  # no apostrophe: not safe to split
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

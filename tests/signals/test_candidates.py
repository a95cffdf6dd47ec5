from signals.candidates import CandidateIndex, Entry, Query

PORTFOLIO = CandidateIndex(
    [
        Entry(
            1,
            "C1",
            "TÜRKİYE PETROL RAFİNERİLERİ A.Ş.",
            ["Tüpraş"],
            "4540536920",
            "TUPRS",
            "KOCAELİ",
        ),
        Entry(2, "C2", "ASELSAN ELEKTRONİK SANAYİ VE TİCARET A.Ş.", [], None, "ASELS", "ANKARA"),
        Entry(3, "C3", "ASELSAN KONYA SİLAH SİSTEMLERİ A.Ş.", [], None, None, "KONYA"),
        Entry(4, "C4", "The Procter & Gamble Company", [], None, "PG", None),
        Entry(5, "C5", "Anadolu Enerji İnşaat A.Ş.", [], None, None, "İSTANBUL"),
        Entry(6, "C6", "Marmara Enerji İnşaat A.Ş.", [], None, None, "İSTANBUL"),
    ]
)


def best(query: Query) -> tuple[str, float, dict[str, float | None], list[str]]:
    top = PORTFOLIO.candidates(query, limit=1)[0]
    return top.entry.crm_id, top.score, top.features, top.explanation


def test_identifier_equality_wins() -> None:
    crm_id, score, features, why = best(Query("Something else", tax_number="4540536920"))
    assert crm_id == "C1" and score == 0.99 and features["tax_number"] == 1.0
    assert "same tax number 4540536920" in why
    crm_id, score, features, _ = best(Query("Aselsan", ticker="(ASELS)".strip("()")))
    assert crm_id == "C2" and features["ticker"] == 1.0


def test_alias_and_normalised_name_equality() -> None:
    assert best(Query("TUPRAS"))[:2] == ("C1", 1.0)
    assert best(Query("Procter and Gamble Co."))[:2] == ("C4", 1.0)
    crm_id, score, features, why = best(Query("Aselsan Elektronik San. ve Tic. AŞ", city="Ankara"))
    assert (crm_id, score, features["name_equal"], features["city"]) == ("C2", 1.0, 1.0, 1.0)
    assert why == ["same normalised name 'aselsan elektronik'", "same city (ANKARA)"]


def test_fuzzy_names_rank_by_similarity_and_city() -> None:
    ranked = PORTFOLIO.candidates(Query("Aselsan Elektronk", city="Ankara"), limit=3)
    assert [c.entry.crm_id for c in ranked][:2] == ["C2", "C3"]
    assert 0.5 < ranked[0].score < 1.0
    assert ranked[0].features["name_similarity"] is not None
    assert ranked[1].features["city"] == 0.0  # Konya: a different city lowers the score


def test_rare_words_count_more_than_sector_words() -> None:
    anadolu = PORTFOLIO.compare(Query("Anadolu Enerji"), PORTFOLIO.entries[5])
    marmara = PORTFOLIO.compare(Query("Anadolu Enerji"), PORTFOLIO.entries[6])
    assert anadolu.score > marmara.score
    assert anadolu.features["token_overlap"] > marmara.features["token_overlap"]  # type: ignore[operator]


def test_a_different_tax_number_is_evidence_against() -> None:
    same_name_other_vkn = PORTFOLIO.compare(
        Query("Türkiye Petrol Rafinerileri", tax_number="1234567890"), PORTFOLIO.entries[1]
    )
    assert same_name_other_vkn.features["tax_number"] == 0.0
    assert same_name_other_vkn.score <= 0.7
    assert any("different tax numbers" in why for why in same_name_other_vkn.explanation)


def test_no_candidates_for_unknown_names() -> None:
    assert PORTFOLIO.candidates(Query("Zzyzx Widgets LLC"), threshold=0.5) == []

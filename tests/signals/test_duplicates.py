from pathlib import Path

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from app.cli import app
from app.settings import Settings
from signals.candidates import Entry
from signals.duplicates import find_duplicates, portfolio_entries
from signals.portfolio import COLUMNS
from tests.factories import make_company

ENTRIES = [
    Entry(
        1, "A1", "TÜRKİYE PETROL RAFİNERİLERİ A.Ş.", ["Tüpraş"], "4540536920", "TUPRS", "KOCAELİ"
    ),
    Entry(2, "A2", "Tüpraş", [], "454 053 6920", None, None),  # same VKN, written otherwise
    Entry(3, "A3", "ASELSAN ELEKTRONİK SAN. VE TİC. A.Ş.", [], None, "ASELS", "ANKARA"),
    Entry(4, "A4", "Aselsan Elektronik Sanayi ve Ticaret Anonim Şirketi", [], None, None, "Ankara"),
    Entry(5, "A5", "Procter and Gamble Co", [], None, "PG", None),
    Entry(6, "A6", "PROCTER & GAMBLE COMPANY", [], None, "PG", None),
    Entry(7, "A7", "Anadolu Isuzu Otomotiv San. ve Tic. A.Ş.", [], None, None, "Kocaeli"),
    Entry(8, "A8", "Anadolu Isuzu", [], None, None, None),
    Entry(9, "A9", "Assan Alüminyum A.Ş.", [], None, None, "İstanbul"),
    Entry(10, "A10", "Arslan Alüminyum A.Ş.", [], None, None, "İstanbul"),
    Entry(11, "A11", "Ege Seramik A.Ş.", [], "1234567890", None, "İzmir"),
    Entry(12, "A12", "Ege Seramik A.Ş.", [], "0010000009", None, "İzmir"),  # other VKN
]


def pairs(threshold: float = 0.85) -> dict[tuple[str, str], tuple[float, str]]:
    return {
        (p.first.crm_id, p.second.crm_id): (p.score, "; ".join(p.reasons))
        for p in find_duplicates(ENTRIES, threshold=threshold)
    }


def test_duplicates_with_their_reasons() -> None:
    found = pairs()
    assert found[("A1", "A2")][0] >= 0.99 and "same tax number 4540536920" in found[("A1", "A2")][1]
    assert found[("A3", "A4")] == (
        1.0,
        "same normalised name 'aselsan elektronik'; same city (Ankara)",
    )
    assert found[("A5", "A6")][0] == 1.0 and "same ticker PG" in found[("A5", "A6")][1]
    assert ("A9", "A10") not in found  # similar words, another company
    assert ("A11", "A12") not in found  # the same name but two different tax numbers


def test_a_name_contained_in_another_is_a_candidate_below_the_default() -> None:
    assert ("A7", "A8") not in pairs()
    score, reasons = pairs(0.8)[("A7", "A8")]
    assert score >= 0.8 and "one name contains the other" in reasons


def test_pairs_are_ranked_and_limited() -> None:
    ranked = find_duplicates(ENTRIES, limit=2)
    assert len(ranked) == 2 and ranked[0].score >= ranked[1].score


def test_blocking_keeps_a_large_portfolio_linear() -> None:
    many = [
        Entry(i, f"X{i}", f"Firma{i} Enerji İnşaat A.Ş.", [], None, None, None) for i in range(3000)
    ]
    many.append(Entry(5000, "D1", "Firma7 Enerji İnşaat Ltd. Şti.", [], None, None, None))
    found = find_duplicates(many)
    assert [(p.first.crm_id, p.second.crm_id) for p in found] == [("X7", "D1")]


def test_portfolio_entries_and_cli(
    session: Session, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    make_company(session, tax_number="4540536920")
    make_company(
        session, crm_id="C2", legal_name="Tüpraş", aliases=[], ticker=None, tax_number="4540536920"
    )
    make_company(session, crm_id="C3", legal_name="ASELSAN A.Ş.", aliases=[], ticker="ASELS")
    session.commit()
    assert [e.crm_id for e in portfolio_entries(session)] == ["C1", "C2", "C3"]
    monkeypatch.setenv("RADAR_DATABASE_URL", settings.database_url)
    result = CliRunner().invoke(app, ["portfolio", "duplicates", "--limit", "5"])
    assert result.exit_code == 0, result.output
    assert "C1" in result.output and "C2" in result.output and "same tax number" in result.output
    assert "1 likely duplicate pair(s) among 3 companies" in result.output
    assert COLUMNS[0] == "crm_id"


def test_a_holding_and_its_reit_with_the_same_name_are_sister_companies() -> None:
    entries = [
        Entry(1, "B1", "Alarko Holding A.Ş.", [], None, None, "İstanbul"),
        Entry(2, "B2", "Alarko GYO A.Ş.", [], None, None, "İstanbul"),
        Entry(3, "B3", "ALARKO HOLDİNG ANONİM ŞİRKETİ", [], None, None, "İstanbul"),
    ]
    found = {(p.first.crm_id, p.second.crm_id): p for p in find_duplicates(entries, threshold=0.0)}
    assert found[("B1", "B3")].score == 1.0  # one company entered twice
    sisters = found[("B1", "B2")]
    assert sisters.score < 0.85  # below the default report threshold
    assert "another kind of company (holding vs gyo)" in "; ".join(sisters.reasons)

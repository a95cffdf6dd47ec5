from pathlib import Path

import pytest
from sqlmodel import Session, select

from signals.errors import PortfolioInvalid
from signals.models import Company, Manager
from signals.portfolio import COLUMNS, import_portfolio, parse_portfolio
from tests.factories import NOW

HEADER = ",".join(COLUMNS)
GOOD = (
    f"{HEADER}\n"
    "TR1,TÜRKİYE PETROL RAFİNERİLERİ A.Ş.,Tüpraş,1234567890,TUPRS,Petrol,KOCAELİ,"
    "Ayse@Bank.example,5000000,,active\n"
    'TR2,"ASELSAN ELEKTRONİK SANAYİ VE TİCARET A.Ş.",,,ASELS,Savunma,ANKARA,'
    "mehmet@bank.example,,no_credit_offers|no_phone,\n"
)


def test_good_file_parses_with_lists_and_defaults() -> None:
    rows = parse_portfolio(GOOD.encode())
    assert rows[0]["aliases"] == ["Tüpraş"] and rows[0]["manager_email"] == "ayse@bank.example"
    assert rows[1]["contact_preferences"] == ["no_credit_offers", "no_phone"]
    assert rows[1]["status"] == "active" and rows[1]["exposure"] is None


def test_import_is_an_idempotent_upsert(session: Session) -> None:
    rows = parse_portfolio(GOOD.encode())
    first = import_portfolio(session=session, rows=rows, now=NOW)
    second = import_portfolio(session=session, rows=rows, now=NOW)
    assert (first.created, first.updated) == (2, 0)
    assert (second.created, second.updated) == (0, 2)
    assert len(session.exec(select(Company)).all()) == 2
    assert len(session.exec(select(Manager)).all()) == 2
    changed = parse_portfolio(GOOD.replace("Tüpraş", "Tüpraş|TÜPRAŞ").encode())
    import_portfolio(session=session, rows=changed, now=NOW)
    company = session.exec(select(Company).where(Company.crm_id == "TR1")).one()
    session.refresh(company)
    assert company.aliases == ["Tüpraş", "TÜPRAŞ"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"crm_id,name\nX,Y\n", "line 1: header must be"),
        (GOOD.encode("cp1254"), "not UTF-8"),
        (
            (GOOD + "TR1,Duplicate A.Ş.,,,,,,,,,active\n").encode(),
            "line 4: duplicate crm_id 'TR1' (first on line 2)",
        ),
        ((GOOD + ",No Id A.Ş.,,,,,,,,,active\n").encode(), "line 4: crm_id is empty"),
        ((GOOD + "TR3,,,,,,,,,,active\n").encode(), "line 4: legal_name is empty"),
        (
            (GOOD + "TR3,X A.Ş.,,,,,,,lots,,active\n").encode(),
            "line 4: exposure 'lots' is not a number",
        ),
        ((GOOD + "TR3,X A.Ş.,,,,,,,,,gone\n").encode(), "line 4: status 'gone'"),
    ],
)
def test_bad_files_are_rejected_with_line_numbers(data: bytes, expected: str) -> None:
    with pytest.raises(PortfolioInvalid) as caught:
        parse_portfolio(data)
    assert any(expected in problem for problem in caught.value.problems), caught.value.problems


def test_every_problem_is_listed() -> None:
    data = (GOOD + ",,,,,,,,,,\nTR2,Again,,,,,,,,,\n").encode()
    with pytest.raises(PortfolioInvalid) as caught:
        parse_portfolio(data)
    assert len(caught.value.problems) == 3


def test_demo_portfolio_is_valid() -> None:
    path = Path(__file__).resolve().parents[2] / "app" / "demo_data" / "portfolio.csv"
    assert len(parse_portfolio(path.read_bytes())) > 100

"""process_job keeps one name index per database and rebuilds it only when the portfolio
changes (app/jobs.py current_index)."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session, select

from app import jobs
from app.settings import Settings
from signals.models import Mention
from signals.portfolio import import_portfolio, parse_portfolio
from tests.factories import NOW, make_document

HEADER = (
    "crm_id,legal_name,aliases,tax_number,ticker,sector,city,manager_email,exposure,"
    "contact_preferences,status\n"
)
ASELSAN = "C1,ASELSAN ELEKTRONİK SANAYİ VE TİCARET A.Ş.,,,ASELS,,,a@bank.example,1,,active\n"
TUPRAS = "C2,TÜRKİYE PETROL RAFİNERİLERİ A.Ş.,Tüpraş,,TUPRS,,,a@bank.example,1,,active\n"


def _import(engine: Engine, csv: str) -> None:
    with Session(engine) as session:
        import_portfolio(session=session, rows=parse_portfolio((HEADER + csv).encode()), now=NOW)
        session.commit()


def _document(engine: Engine, text: str) -> None:
    with Session(engine) as session:
        make_document(session, text)
        session.commit()


def _linked(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return sorted(m.surface for m in session.exec(select(Mention)).all())


def test_index_is_reused_until_the_portfolio_changes(engine: Engine, settings: Settings) -> None:
    _import(engine, ASELSAN)
    _document(engine, "Aselsan ve Tüpraş yeni bir anlaşma imzaladı.")
    jobs.process_job(engine, settings, now=NOW)
    assert _linked(engine) == ["Aselsan"]
    with Session(engine) as session:
        first = jobs.current_index(engine, session)
        assert jobs.current_index(engine, session) is first  # unchanged: not rebuilt

    _import(engine, ASELSAN + TUPRAS)  # import-portfolio adds a company
    _document(engine, "Tüpraş'ın rafinerisi büyüyor.")
    jobs.process_job(engine, settings, now=NOW)
    assert _linked(engine) == ["Aselsan", "Tüpraş"]  # the next run links it
    with Session(engine) as session:
        assert jobs.current_index(engine, session) is not first

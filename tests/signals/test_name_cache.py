"""Derived names kept between index builds (signals/name_cache.py): a rebuild derives only
the companies whose names changed, and the index it builds is the one a full derivation
builds."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, select

import signals.name_cache as name_cache
from signals.index_entries import entries_text, index_entries, kind_text, parse_kind
from signals.matching import CompanyRecord, NameIndex
from signals.models import Company, DerivedNames
from signals.pipeline import build_index, link
from signals.portfolio import import_portfolio, parse_portfolio
from tests.factories import NOW

DEMO = Path(__file__).resolve().parents[2] / "app" / "demo_data"


def _import_demo(session: Session) -> None:
    rows = parse_portfolio((DEMO / "portfolio.csv").read_bytes())
    import_portfolio(session=session, rows=rows, now=NOW)


def _demo_texts() -> list[tuple[str, str]]:
    with (DEMO / "expected.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return [(r["title"] + ".\n" + r["text"], r["lang"]) for r in records]


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The legal names derived from now on."""
    derived: list[str] = []
    real: Callable[..., Any] = name_cache.index_entries

    def counted(legal_name: str, *args: Any) -> Any:
        derived.append(legal_name)
        return real(legal_name, *args)

    monkeypatch.setattr(name_cache, "index_entries", counted)
    return derived


def _links(index: NameIndex) -> list[list[tuple[Any, ...]]]:
    return [[tuple(hit) for hit in link(index, text, lang)] for text, lang in _demo_texts()]


def test_the_index_from_stored_names_links_as_one_derived_afresh(session: Session) -> None:
    _import_demo(session)
    companies = session.exec(select(Company)).all()
    fresh = NameIndex.build(
        CompanyRecord(c.id or 0, c.legal_name, c.aliases, c.ticker, c.tax_number) for c in companies
    )
    build_index(session)  # derives and stores
    stored = build_index(session)  # reads back
    assert stored.size == fresh.size
    expected = _links(fresh)
    assert sum(map(len, expected)) > 50  # the demo texts name many customers
    assert _links(stored) == expected


def test_a_rebuild_derives_only_the_companies_whose_names_changed(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import_demo(session)
    derived = _counting(monkeypatch)
    build_index(session)
    assert derived == []  # nothing changed since the import: every company's names read back

    tupras = session.exec(select(Company).where(Company.crm_id == "TR0002")).one()
    tupras.legal_name = "ZORLUTEKS MENSUCAT A.Ş."
    tupras.aliases = []
    session.add(tupras)
    session.flush()
    derived.clear()
    index = build_index(session)
    assert derived == ["ZORLUTEKS MENSUCAT A.Ş."]
    hits = link(index, "Zorluteks Mensucat yeni bir fabrika kuruyor.", "tr")
    assert [h.company_id for h in hits] == [tupras.id]
    assert link(index, "Tüpraş yeni bir rafineri kuruyor.", "tr") == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("aliases", ["Aselsan Elektronik", "ASELSAN"]),
        ("ticker", "ASLSN"),
        ("ticker", None),
        ("tax_number", "0010011009"),
    ],
)
def test_a_change_to_any_name_field_derives_that_company_again(
    session: Session, monkeypatch: pytest.MonkeyPatch, field: str, value: Any
) -> None:
    """The database finds the changed company by the name fields its entries were derived
    from: aliases (as the database's JSON), ticker and tax number count, a field emptied too."""
    _import_demo(session)
    derived = _counting(monkeypatch)
    aselsan = session.exec(select(Company).where(Company.legal_name.startswith("ASELSAN"))).one()  # type: ignore[attr-defined]
    assert getattr(aselsan, field) != value
    setattr(aselsan, field, value)
    session.add(aselsan)
    session.flush()
    build_index(session)
    assert derived == [aselsan.legal_name]
    derived.clear()
    build_index(session)
    assert derived == []


def test_entries_stored_without_their_name_fields_are_derived_again(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows stored before the name fields were (migration 0005) are derived once more."""
    _import_demo(session)
    first = session.exec(select(DerivedNames)).first()
    assert first is not None and first.names
    first.names = None
    session.add(first)
    session.flush()
    derived = _counting(monkeypatch)
    build_index(session)
    assert len(derived) == 1


def test_an_import_derives_the_names_of_the_companies_it_adds(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    derived = _counting(monkeypatch)
    _import_demo(session)
    companies = session.exec(select(Company)).all()
    assert len(derived) == len(companies)
    assert {row.company_id for row in session.exec(select(DerivedNames))} == {
        c.id for c in companies
    }
    derived.clear()
    build_index(session)
    assert derived == []


def test_a_change_to_the_derivation_derives_every_company_again(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import_demo(session)
    build_index(session)
    derived = _counting(monkeypatch)
    monkeypatch.setattr(name_cache, "derivation_version", lambda: b"another derivation")
    build_index(session)
    assert len(derived) == len(session.exec(select(Company)).all())


def test_the_derivation_version_changes_with_its_code_and_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "signals"
    shutil.copytree(name_cache._SIGNALS, copy, ignore=shutil.ignore_patterns("models"))
    monkeypatch.setattr(name_cache, "_SIGNALS", copy)

    def version() -> bytes:
        name_cache.derivation_version.cache_clear()
        return name_cache.derivation_version()

    try:
        before = version()
        (copy / "data" / "legal_forms.yml").write_text("forms: []\n", encoding="utf-8")
        after_data = version()
        with (copy / "names.py").open("a", encoding="utf-8") as handle:
            handle.write("\n# changed\n")
        after_code = version()
    finally:
        name_cache.derivation_version.cache_clear()
    assert len({before, after_data, after_code}) == 3


def _tables(index: NameIndex) -> tuple[Any, ...]:
    """Everything an index looks names up in (the automaton's patterns follow from them)."""
    return (
        list(index._packed),
        index._shared,
        index._tickers,
        index._tax,
        index._isin,
        index._confidences,
        index._names,
        index._glued_numbers,
        index._sports_from,
        index.size,
    )


def test_stored_entries_read_back_as_derived() -> None:
    """The index read from the stored texts of all companies at once has the tables of one
    made from the derived entries, company by company."""
    companies = [
        (
            1,
            index_entries(
                "TÜRKİYE İŞ BANKASI A.Ş.", ["İşbank", "TRAISCTR91N2"], "ISCTR", "4810058590"
            ),
        ),
        (2, index_entries("Angie's List, Inc.", [], None, None)),
        (3, index_entries("", [], None, "4810058590")),  # no name: an identifier alone
        (4, index_entries("", [], None, None)),  # nothing at all
        (
            5,
            index_entries(
                "ANADOLU EFES BİRACILIK VE MALT SANAYİİ A.Ş.", ["Anadolu Efes"], "AEFES", None
            ),
        ),
        (6, index_entries("Anadolu Sigorta", [], "ANSGR", None)),
    ]
    rows = parse_portfolio((DEMO / "portfolio.csv").read_bytes())
    companies += [
        (100 + i, index_entries(r["legal_name"], r["aliases"], r["ticker"], r["tax_number"]))
        for i, r in enumerate(rows)
    ]
    assert {origin for _, origin in companies[0][1].identifiers} == {"tax_number", "isin"}
    assert "angie s list" in companies[1][1].keys  # apostrophes as spaces, as the automaton reads
    derived = NameIndex.__new__(NameIndex)
    derived._setup(companies)
    stored = NameIndex.from_stored([(i, entries_text(entries)) for i, entries in companies])
    assert _tables(stored) == _tables(derived)
    assert stored._tax["4810058590"] == [1, 3]
    assert [parse_kind(kind_text(kind)) for kind in companies[0][1].kinds] == companies[0][1].kinds


def test_stored_entries_of_another_shape_are_refused() -> None:
    good = entries_text(index_entries("Aselsan A.Ş.", [], "ASELS", None))
    assert NameIndex.from_stored([(1, good), (2, good)]).size > 0
    with pytest.raises(ValueError, match="four tab-separated lists"):
        NameIndex.from_stored([(1, good), (2, good.replace("\t", "\n", 1))])
    assert NameIndex.from_stored([]).size == 0

"""process(workers=N) forks workers for linking, classification and attribution; the database
must end up exactly as with one worker: the same rows, written in the same order (the ids)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from app.cli import app as cli
from app.db import make_engine, upgrade
from app.evaluation import _store_documents, read_gold
from collectors.models import Document
from signals import pipeline
from signals.classify import CueClassifier
from signals.models import Mention, Signal
from signals.pipeline import build_index, process
from signals.portfolio import import_portfolio, parse_portfolio
from tests.factories import NOW

ROOT = Path(__file__).resolve().parents[2]
# Bundled real texts with their portfolios: the demo feeds and the Turkish news dev set.
SETS = {
    "demo": ("app/demo_data/portfolio.csv", "app/demo_data/expected.jsonl"),
    "tr_news": ("dev_sets/tr_news/portfolio.csv", "dev_sets/tr_news/gold.jsonl"),
}


@pytest.fixture
def make_database(tmp_path: Path) -> Iterator[Any]:
    engines: list[Engine] = []

    def make(name: str, portfolio: str, texts: str) -> Engine:
        engine = make_engine(f"sqlite:///{tmp_path / name}.db")
        engines.append(engine)
        upgrade(engine)
        with Session(engine) as session:
            rows = parse_portfolio((ROOT / portfolio).read_bytes())
            import_portfolio(session=session, rows=rows, now=NOW)
            # the documents stored as `radar eval` stores them
            _store_documents(session, read_gold(ROOT / texts), NOW)
            session.commit()
        return engine

    yield make
    for engine in engines:
        engine.dispose()


def run(engine: Engine, classifier: CueClassifier, workers: int) -> pipeline.ProcessReport:
    with Session(engine) as session:
        # Small batches: many in flight with the workers at once, so order matters.
        report = process(
            session=session,
            now=NOW,
            classifier=classifier,
            index=build_index(session),
            batch_size=7,
            workers=workers,
        )
        session.commit()
    return report


def contents(engine: Engine) -> dict[str, list[Any]]:
    """Every mention and signal row, every column, in id (write) order; and what is processed."""
    with Session(engine) as session:
        mentions = session.exec(select(Mention).order_by(col(Mention.id))).all()
        signals = session.exec(select(Signal).order_by(col(Signal.id))).all()
        documents = session.exec(select(Document).order_by(col(Document.id))).all()
        return {
            "mentions": [m.model_dump() for m in mentions],
            "signals": [s.model_dump() for s in signals],
            "processed": [(d.id, d.processed_at) for d in documents],
        }


@pytest.mark.parametrize("name", SETS)
def test_two_workers_write_what_one_writes_in_the_same_order(
    name: str, make_database: Any, classifier: CueClassifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = make_database("one", *SETS[name])
    two = make_database("two", *SETS[name])
    report_one = run(one, classifier, workers=1)
    # In this process _analyse must not run at all with workers: the forked workers do it.
    parent = os.getpid()
    analyse = pipeline._analyse
    in_parent: list[int] = []

    def spy(*args: Any) -> Any:
        if os.getpid() == parent:
            in_parent.append(1)
        return analyse(*args)

    monkeypatch.setattr(pipeline, "_analyse", spy)
    report_two = run(two, classifier, workers=2)
    assert not in_parent
    assert report_one == report_two
    assert report_one.signals >= 5 and report_one.mentions >= 100  # not a vacuous comparison
    first, second = contents(one), contents(two)
    assert len(first["mentions"]) == report_one.mentions
    assert all(at is not None for _, at in first["processed"])
    assert first == second


def test_a_worker_error_reaches_the_caller_and_nothing_is_marked_processed(
    make_database: Any, classifier: CueClassifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_database("failing", *SETS["demo"])

    def fail(*args: Any) -> Any:
        raise ValueError("analysis failed")

    monkeypatch.setattr(pipeline, "_analyse", fail)  # inherited by the forked workers
    with pytest.raises(ValueError, match="analysis failed"), Session(engine) as session:
        process(
            session=session, now=NOW, classifier=classifier, index=build_index(session), workers=2
        )
    with Session(engine) as session:
        assert not session.exec(select(Mention)).all()
        assert not session.exec(
            select(Document).where(col(Document.processed_at).isnot(None))
        ).all()


def test_the_process_command_takes_workers(
    make_database: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.cli.utcnow", lambda: NOW)  # the rows hold it
    outputs, engines = [], []
    for workers in ("1", "2"):
        engine = make_database(f"cli{workers}", *SETS["demo"])
        monkeypatch.setenv("RADAR_DATABASE_URL", str(engine.url))
        result = CliRunner().invoke(cli, ["process", "--workers", workers])
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
        engines.append(engine)
    assert "processed 51 document(s)" in outputs[0] and outputs[0] == outputs[1]
    assert contents(engines[0]) == contents(engines[1])
    result = CliRunner().invoke(cli, ["process", "--workers", "0"])
    assert result.exit_code == 2

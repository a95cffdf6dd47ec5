"""`radar eval`: the production pipeline on a temporary database, scored against gold labels."""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from app.db import make_engine, upgrade
from app.nlp import classifier
from collectors.models import Document, Source
from signals.models import Company, Mention, Signal
from signals.pipeline import build_index, process
from signals.portfolio import import_portfolio, parse_portfolio

UNSCORED_TYPES = frozenset({"complaint_surge"})
MAX_ERRORS = 50


def read_gold(path: Path) -> list[dict[str, Any]]:
    """Labelled documents, one JSON object a line (blank lines skipped)."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall and F1 with their counts."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def evaluate(portfolio: Path, gold_path: Path, *, now: datetime) -> dict[str, Any]:
    """Run the pipeline over the gold documents and compare links and signals."""
    gold = read_gold(gold_path)
    with tempfile.TemporaryDirectory(prefix="radar-eval-") as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'eval.db'}")
        upgrade(engine)
        started = time.perf_counter()
        with Session(engine, expire_on_commit=False) as session:
            import_portfolio(session=session, rows=parse_portfolio(portfolio.read_bytes()), now=now)
            ids = _store_documents(session, gold, now)
            process(session=session, now=now, classifier=classifier(), index=build_index(session))
            predicted_links, predicted_signals = _predictions(session, ids)
            session.commit()
        seconds = time.perf_counter() - started
        engine.dispose()
    return _compare(gold, predicted_links, predicted_signals, seconds)


def _store_documents(session: Session, gold: list[dict[str, Any]], now: datetime) -> dict[int, str]:
    source = Source(name="eval", kind="eval", url="file://gold", created_at=now, state={})
    session.add(source)
    session.flush()
    assert source.id is not None
    ids: dict[int, str] = {}
    for record in gold:
        published = record.get("published")
        document = Document(
            source_id=source.id,
            canonical_url=f"eval:{record['id']}",
            content_hash=hashlib.sha256(record["text"].encode()).hexdigest(),
            title=record.get("title") or "",
            text=record["text"],
            language=record.get("lang"),
            published_at=_aware(datetime.fromisoformat(published)) if published else None,
            fetched_at=now,
        )
        session.add(document)
        session.flush()
        assert document.id is not None
        ids[document.id] = record["id"]
    return ids


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _predictions(
    session: Session, ids: dict[int, str]
) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    crm = dict(session.exec(select(Company.id, Company.crm_id)).all())
    links = {
        (ids[document_id], crm[company_id])
        for document_id, company_id in session.exec(select(Mention.document_id, Mention.company_id))
    }
    signals = {
        (ids[document_id], crm[company_id], signal_type)
        for document_id, company_id, signal_type in session.exec(
            select(Signal.document_id, Signal.company_id, Signal.type)
        )
    }
    return links, signals


def _compare(
    gold: list[dict[str, Any]],
    predicted_links: set[tuple[str, str]],
    predicted_signals: set[tuple[str, str, str]],
    seconds: float,
) -> dict[str, Any]:
    gold_links = {(d["id"], label["crm_id"]) for d in gold for label in d["labels"]}
    gold_signals = {
        (d["id"], label["crm_id"], t)
        for d in gold
        for label in d["labels"]
        for t in label["signals"]
        if t not in UNSCORED_TYPES
    }
    predicted_signals = {s for s in predicted_signals if s[2] not in UNSCORED_TYPES}
    errors: list[dict[str, Any]] = []
    for kind, items in (("fn", gold_links - predicted_links), ("fp", predicted_links - gold_links)):
        errors += [{"id": i, "kind": kind, "crm_id": c, "type": None} for i, c in sorted(items)]
    for kind, triples in (
        ("fn", gold_signals - predicted_signals),
        ("fp", predicted_signals - gold_signals),
    ):
        errors += [{"id": i, "kind": kind, "crm_id": c, "type": t} for i, c, t in sorted(triples)]
    per_type: dict[str, dict[str, Any]] = {}
    support = Counter(t for _, _, t in gold_signals)
    for signal_type in sorted({t for _, _, t in gold_signals | predicted_signals}):
        gold_t = {s for s in gold_signals if s[2] == signal_type}
        pred_t = {s for s in predicted_signals if s[2] == signal_type}
        per_type[signal_type] = {
            **prf(len(gold_t & pred_t), len(pred_t - gold_t), len(gold_t - pred_t)),
            "support": support[signal_type],
        }
    return {
        "documents": len(gold),
        "seconds": round(seconds, 3),
        "docs_per_s": round(len(gold) / seconds, 1) if seconds else 0.0,
        "linking": prf(
            len(gold_links & predicted_links),
            len(predicted_links - gold_links),
            len(gold_links - predicted_links),
        ),
        "signals": {
            "micro": prf(
                len(gold_signals & predicted_signals),
                len(predicted_signals - gold_signals),
                len(gold_signals - predicted_signals),
            ),
            "per_type": per_type,
        },
        "errors": errors[:MAX_ERRORS],
    }

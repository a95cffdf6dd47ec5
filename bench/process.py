"""End to end from stored text: `process()` links, classifies and scores a backlog of
documents and writes mentions and signals, on SQLite (the embedded default).

    .venv/bin/python bench/process.py [--companies 150000] [--docs 2000] [--runs 3] [--workers 1]

Portfolio and texts as in bench/linking.py (generated 150k-company portfolio from real name
parts; TTC-3600 and SENTiVENT texts joined to ~4.6 KB, 60 % Turkish, language as a source
would give it). Each run loads the documents into a fresh database, then times process()
alone (index and classifier built beforehand, as the service keeps them). Prints docs/s with
the mention and signal counts, and the share of time in linking and classification (with
--workers 1 only: with more, linking and classification run in the forked workers, whose time
this process does not see). Wall clock: on a shared machine compare worker counts by running
them alternately, several times.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from linking import SEED, company_rows, documents, portfolio
from sqlalchemy import insert
from sqlmodel import Session

from app.db import make_engine, upgrade
from app.nlp import classifier as make_classifier
from collectors.models import Document, Source
from signals import pipeline
from signals.matching import NameIndex
from signals.models import Company


def load(url: str, records: list, texts: list[str]) -> None:  # type: ignore[type-arg]
    engine = make_engine(url)
    upgrade(engine)
    now = datetime.now(UTC)
    with engine.begin() as connection:
        connection.execute(insert(Company), company_rows(records, now))
        connection.execute(
            insert(Source),
            [{"id": 1, "name": "bench", "kind": "rss", "url": "http://127.0.0.1/", "state": {},
              "created_at": now}],
        )  # fmt: skip
        connection.execute(
            insert(Document),
            [
                {
                    "source_id": 1,
                    "canonical_url": f"http://127.0.0.1/{i}",
                    "content_hash": f"{i:064d}",
                    "title": "",
                    "text": text,
                    "language": "tr" if i < len(texts) * 0.6 else "en",
                    "fetched_at": now,
                    "extra": {},
                }
                for i, text in enumerate(texts)
            ],
        )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--companies", type=int, default=150_000)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1, help="process(workers=N)")
    options = parser.parse_args()

    texts = documents(options.docs)
    records = portfolio(options.companies)
    index = NameIndex.build(records)
    classifier = make_classifier()
    spent = {"link": 0.0, "classify": 0.0}
    link, classify_many = pipeline.link, classifier.classify_many

    def timed_link(*args):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return link(*args)
        finally:
            spent["link"] += time.perf_counter() - start

    def timed_classify(*args):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return classify_many(*args)
        finally:
            spent["classify"] += time.perf_counter() - start

    pipeline.link = timed_link  # type: ignore[assignment]
    classifier.classify_many = timed_classify  # type: ignore[method-assign]
    times, shares = [], []
    for _ in range(options.runs):
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder) / 'bench.db'}"
            load(url, records, texts)
            engine = make_engine(url)
            spent.update(link=0.0, classify=0.0)
            start = time.perf_counter()
            with Session(engine) as session:
                report = pipeline.process(
                    session=session,
                    now=datetime.now(UTC),
                    classifier=classifier,
                    index=index,
                    workers=options.workers,
                )
                session.commit()
            elapsed = time.perf_counter() - start
            engine.dispose()
        times.append(elapsed)
        shares.append((spent["link"] / elapsed, spent["classify"] / elapsed))
    median = statistics.median(times)
    link_share = statistics.median(s[0] for s in shares)
    classify_share = statistics.median(s[1] for s in shares)
    shares_text = (
        f"linking {link_share:.0%}, classification {classify_share:.0%}, the rest (storage, "
        f"attribution, scoring) {1 - link_share - classify_share:.0%}"
        if options.workers == 1
        else "time shares not measured with workers"
    )
    print(
        f"process(workers={options.workers}): {len(texts)} documents, "
        f"{options.companies:,} companies (seed {SEED}): {report.mentions} mentions, "
        f"{report.signals} signals; median {median:.2f} s over {options.runs} runs "
        f"({', '.join(f'{t:.2f}' for t in times)}): {len(texts) / median:,.0f} docs/s; "
        f"{shares_text}"
    )


if __name__ == "__main__":
    main()

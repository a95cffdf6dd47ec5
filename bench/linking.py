"""Linking at portfolio scale: 150,000 companies, real Turkish and English news, one core.

    .venv/bin/python bench/linking.py [--companies 150000] [--docs 1000] [--runs 5] [--profile]
        [--processes 2] [--stored]

Portfolio: generated with a fixed seed from real name parts (Fortune Türkiye 500, BIST and SEC
company names in ../shared/data/company_names) combined with sector words and legal forms,
upper case as a CRM stores them, with aliases, tickers and valid tax numbers (VKN); the real
BIST, Fortune and SEC names themselves are part of it, so real texts name real customers.
Texts: TTC-3600 economy articles (Turkish) and SENTiVENT documents (English) from
../shared/data, joined to about 4.6 KB per document (60% Turkish).

Each text is linked with its language, as a source gives it (process() passes it on).
Prints: index build seconds (first build in the process, which also reads the word-frequency
table once, and a rebuild), RSS after the build, and link() throughput, the median of the runs
after a warm-up, with the ratio to one pass of bytes.lower().count() over the same bytes (the
"touch every byte once" line of shared/reference/hot-path-measurements.md).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import gc
import json
import multiprocessing
import pstats
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import Session

from app.db import make_engine, upgrade
from signals.identifiers import vkn_check_digit
from signals.matching import CompanyRecord, NameIndex
from signals.models import Company
from signals.normalize import strip_legal_forms, words
from signals.pipeline import build_index, link

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
TARGET = 4600
SEED = 20261122

SECTORS_TR = (
    "ENERJİ", "İNŞAAT", "GIDA", "TEKSTİL", "OTOMOTİV", "LOJİSTİK", "TURİZM", "MADENCİLİK",
    "KİMYA", "PLASTİK", "METAL", "MAKİNA", "ELEKTRİK", "ELEKTRONİK", "YAZILIM", "BİLİŞİM",
    "SAĞLIK", "İLAÇ", "TARIM", "HAYVANCILIK", "MOBİLYA", "KAĞIT", "AMBALAJ", "CAM", "ÇİMENTO",
    "PETROL", "SERAMİK", "DÖKÜM", "DEMİR ÇELİK", "DANIŞMANLIK", "GAYRİMENKUL", "YATIRIM",
    "TAŞIMACILIK", "DENİZCİLİK", "HAVACILIK", "MEDYA", "REKLAMCILIK", "EĞİTİM", "GÜVENLİK",
    "MÜHENDİSLİK", "PROJE", "TAAHHÜT", "TELEKOMÜNİKASYON", "PERAKENDE", "MAĞAZACILIK",
    "KUYUMCULUK", "SÜT ÜRÜNLERİ", "UN", "YEM", "TOHUM", "SU ÜRÜNLERİ", "BOYA", "KOZMETİK",
    "MEDİKAL", "GERİ DÖNÜŞÜM", "ENDÜSTRİ", "OTOMASYON", "İHRACAT",
)  # fmt: skip
FORMS_TR = (
    "A.Ş.", "SANAYİ VE TİCARET A.Ş.", "SAN. VE TİC. A.Ş.", "TİC. LTD. ŞTİ.", "DIŞ TİC. A.Ş.",
    "SANAYİ VE TİCARET LİMİTED ŞİRKETİ", "T.A.Ş.", "KOLL. ŞTİ.", "HOLDİNG A.Ş.",
    "ANONİM ŞİRKETİ", "SAN. TİC. LTD. ŞTİ.", "PAZARLAMA A.Ş.",
)  # fmt: skip
SECTORS_EN = (
    "Holdings", "Technologies", "Capital", "Energy", "Pharmaceuticals", "Systems", "Logistics",
    "Foods", "Industries", "Partners", "Resources", "Materials", "Networks", "Therapeutics",
    "Solutions", "Brands", "Financial", "Realty", "Motors", "Semiconductor", "Software",
    "Services", "Manufacturing", "Retail", "Media", "Biosciences", "Minerals", "Airlines",
    "Insurance", "Bancorp", "Robotics", "Aerospace",
)  # fmt: skip
FORMS_EN = (
    "Inc.", "Corp.", "LLC", "Ltd", "PLC", "GmbH", "AG", "S.A.", "N.V.", "S.p.A.", "Co.",
    "Corporation", "Limited",
)  # fmt: skip


def real_names() -> tuple[list[tuple[str, str | None]], list[tuple[str, str | None]]]:
    """(name, ticker) from the shared lists: Turkish (Fortune Türkiye 500, BIST) and SEC."""
    turkish: list[tuple[str, str | None]] = []
    with (SHARED / "company_names" / "fortune_turkiye_500_2016.csv").open(encoding="utf-8") as f:
        turkish += [(row["name"], None) for row in csv.DictReader(f)]
    with (SHARED / "company_names" / "bist_companies.csv").open(encoding="utf-8") as f:
        turkish += [(row["name"] + " A.Ş.", row["ticker"]) for row in csv.DictReader(f)]
    sec = json.loads(
        (SHARED / "company_names" / "sec_company_tickers_exchange.json").read_text("utf-8")
    )
    english = [(name, ticker) for _, name, ticker, _ in sec["data"]]
    return turkish, english


def name_parts(names: list[tuple[str, str | None]]) -> list[str]:
    """Distinctive words of real names (legal forms and very short words left out)."""
    parts = {
        token
        for name, _ in names
        for token in name.replace(",", " ").split()
        if len(token) >= 4 and len(strip_legal_forms(words(token))) == 1
    }
    return sorted(parts)


def valid_vkn(rng: random.Random) -> str:
    """A random ten-digit number with a correct check digit."""
    first = f"{rng.randrange(10**9):09d}"
    return first + str(vkn_check_digit(first))


def portfolio(count: int, seed: int = SEED) -> list[CompanyRecord]:
    """A realistic portfolio: the real names, then generated ones up to `count`."""
    rng = random.Random(seed)
    turkish, english = real_names()
    parts_tr, parts_en = name_parts(turkish), name_parts(english)
    records: list[CompanyRecord] = []
    for name, ticker in turkish + english:
        records.append(CompanyRecord(len(records) + 1, name, [], ticker, valid_vkn(rng)))
    while len(records) < count:
        turkish_name = rng.random() < 0.65
        parts, sectors = (parts_tr, SECTORS_TR) if turkish_name else (parts_en, SECTORS_EN)
        words_ = [rng.choice(parts)]
        if rng.random() < 0.4:
            words_.append(rng.choice(parts))
        words_ += rng.sample(sectors, rng.choice((1, 1, 2)))
        form = rng.choice(FORMS_TR if turkish_name else FORMS_EN)
        legal = " ".join(words_) + " " + form
        if turkish_name and rng.random() < 0.7:
            legal = legal.replace("i", "İ").upper()
        aliases = []
        if rng.random() < 0.3:
            aliases.append(" ".join(w.title() for w in words_[:2]))
        ticker = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVYZ") for _ in range(5))
        records.append(
            CompanyRecord(
                len(records) + 1,
                legal,
                aliases,
                ticker if rng.random() < 0.05 else None,
                valid_vkn(rng) if rng.random() < 0.8 else None,
            )
        )
    return records


def documents(count: int) -> list[str]:
    """About 4.6 KB documents: 60% TTC-3600 economy texts, 40% SENTiVENT, joined."""
    with (SHARED / "ttc3600" / "ttc3600.jsonl").open(encoding="utf-8") as f:
        turkish = [r["text"] for r in map(json.loads, f) if r["category"] == "ekonomi"]
    with (SHARED / "sentivent_silver" / "documents.jsonl").open(encoding="utf-8") as f:
        english = [r["title"] + ".\n" + r["text"] for r in map(json.loads, f)]
    turkish_count = round(count * 0.6)
    turkish_docs = joined(turkish, turkish_count)
    _TURKISH.update(turkish_docs)
    return turkish_docs + joined(english, count - turkish_count)


_TURKISH: set[str] = set()


def language(doc: str) -> str:
    """The document's language as its source would give it (process() passes it on)."""
    return "tr" if doc in _TURKISH else "en"


def joined(texts: list[str], count: int) -> list[str]:
    """`count` documents of TARGET characters made of consecutive texts."""
    out: list[str] = []
    current, i = "", 0
    while len(out) < count:
        current += "\n" + texts[i % len(texts)]
        i += 1
        if len(current) >= TARGET:
            out.append(current[:TARGET])
            current = ""
    return out


def rss_mb() -> float:
    """Resident set size now (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--companies", type=int, default=150_000)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="cProfile one link() pass")
    parser.add_argument(
        "--processes",
        type=int,
        default=1,
        help="also time N forked workers sharing the built index (copy-on-write)",
    )
    parser.add_argument(
        "--stored",
        action="store_true",
        help="also time build_index() on a SQLite portfolio: the first build derives every "
        "company's names and stores them, a rebuild derives only the changed companies",
    )
    options = parser.parse_args()

    docs = documents(options.docs)
    size = sum(len(d.encode()) for d in docs)
    blob = "\n".join(docs).encode()
    records = portfolio(options.companies)
    crm_names = sum(1 + len(r.aliases) for r in records)
    gc.collect()
    before = rss_mb()
    first = timed(lambda: NameIndex.build(records))
    gc.collect()
    holder: list[NameIndex] = []
    rebuild = timed(lambda: holder.append(NameIndex.build(records)))
    index = holder[0]
    gc.collect()
    after = rss_mb()
    print(
        f"portfolio: {len(records):,} companies, {crm_names:,} CRM names (legal + aliases), "
        f"{index.size:,} index keys; seed {SEED}"
    )
    print(
        f"build: {first:.2f} s first in process (reads the word-frequency table), "
        f"{rebuild:.2f} s rebuild; RSS {after:.0f} MB after the build "
        f"({after - before:+.0f} MB over the loaded portfolio and texts, {before:.0f} MB)"
    )

    def run() -> None:
        for doc in docs:
            link(index, doc, language(doc))

    def limit() -> None:
        blob.lower().count(b"'")

    if options.profile:
        profiler = cProfile.Profile()
        profiler.runcall(run)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)
    mentions = sum(len(link(index, doc, language(doc))) for doc in docs)  # warm-up
    runs = [(timed(run), timed(limit)) for _ in range(options.runs)]
    median = statistics.median(r[0] for r in runs)
    ratio = statistics.median(r[0] / r[1] for r in runs)
    print(
        f"link(): {len(docs)} docs ({size / len(docs) / 1000:.1f} KB avg, {mentions} mentions), "
        f"median {median:.3f} s over {options.runs} runs: {len(docs) / median:,.0f} docs/s, "
        f"{size / median / 1e6:.1f} MB/s, {ratio:.0f}x the bytes.lower().count() line"
    )
    if options.processes > 1:
        parallel(index, docs, size, options.processes, options.runs)
    if options.stored:
        del index, holder
        gc.collect()
        stored_builds(records, options.runs)


_SHARED_INDEX: list[NameIndex] = []


def _link_count(batch: list[str]) -> int:
    return sum(len(link(_SHARED_INDEX[0], doc, language(doc))) for doc in batch)


def parallel(index: NameIndex, docs: list[str], size: int, processes: int, runs: int) -> None:
    """The same documents over a persistent pool of forked workers (the index is inherited)."""
    _SHARED_INDEX.append(index)
    context = multiprocessing.get_context("fork")
    chunks = [docs[i :: processes * 8] for i in range(processes * 8)]
    with context.Pool(processes) as pool:
        pool.map(_link_count, chunks)  # warm-up: every worker touches the index once
        times = [timed(lambda: pool.map(_link_count, chunks)) for _ in range(runs)]
    median = statistics.median(times)
    print(
        f"link() in {processes} forked processes: median {median:.3f} s over {runs} runs: "
        f"{len(docs) / median:,.0f} docs/s, {size / median / 1e6:.1f} MB/s"
    )


def company_rows(records: list[CompanyRecord], now: datetime) -> list[dict[str, object]]:
    """The portfolio as rows of the company table (crm_id "B" + id)."""
    return [
        {
            "id": r.id,
            "crm_id": f"B{r.id}",
            "legal_name": r.legal_name,
            "aliases": r.aliases,
            "ticker": r.ticker,
            "tax_number": r.tax_number,
            "contact_preferences": [],
            "status": "active",
            "updated_at": now,
        }
        for r in records
    ]


def stored_builds(records: list[CompanyRecord], runs: int) -> None:
    """build_index() as the service runs it, on a SQLite database holding the portfolio: the
    first build (every company derived and stored), rebuilds with nothing changed and with
    100 companies renamed (the median of `runs`)."""
    with tempfile.TemporaryDirectory(prefix="radar-bench-") as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        upgrade(engine)
        rows = company_rows(records, datetime.now(UTC))
        table = Company.__table__  # type: ignore[attr-defined]
        with Session(engine) as session:
            for start in range(0, len(rows), 5000):
                session.execute(table.insert(), rows[start : start + 5000])
            session.commit()
            first = timed(lambda: build_index(session))
            session.commit()
            unchanged = statistics.median(timed(lambda: build_index(session)) for _ in range(runs))
            changed = []
            for run in range(runs):
                for company_id in range(1000 + run * 100, 1100 + run * 100):
                    session.execute(
                        table.update()
                        .where(table.c.id == company_id)
                        .values(legal_name=f"YENİ UNVAN {run} {company_id} A.Ş.")
                    )
                changed.append(timed(lambda: build_index(session)))
                session.commit()
        engine.dispose()
    print(
        f"build_index() from SQLite: {first:.2f} s first (derives and stores every company), "
        f"rebuild {unchanged:.2f} s with no change, {statistics.median(changed):.2f} s with "
        f"100 companies renamed (medians of {runs})"
    )


if __name__ == "__main__":
    main()

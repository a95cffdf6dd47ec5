"""Classification speed on real texts (~4.6 KB each), one core: cue rules alone, and cue
rules re-weighed by the committed sentence models (what production runs).

    .venv/bin/python bench/classify.py [--docs 1000] [--runs 5] [--cpu]

Texts: TTC-3600 economy articles (Turkish) and SENTiVENT documents (English) from
../shared/data, joined to about 4.6 KB per document. Prints the median of the runs after a
warm-up, docs/s and MB/s, and the ratio to one pass of bytes.lower().count() over the same
bytes (the "touch every byte once" line of shared/reference/hot-path-measurements.md); and
the warm-up's own docs/s, where every word is still unseen.
With --cpu, runs are timed by the process's CPU time, steadier on a shared, busy machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from signals import textcat
from signals.classify import CueClassifier
from signals.lexicon import LANGUAGES, load_taxonomy

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
TARGET = 4600


def documents(lang: str, count: int) -> list[str]:
    if lang == "tr":
        lines = (SHARED / "ttc3600" / "ttc3600.jsonl").read_text(encoding="utf-8").splitlines()
        texts = [json.loads(line)["text"] for line in lines]
    else:
        lines = (
            (SHARED / "sentivent_silver" / "documents.jsonl")
            .read_text(encoding="utf-8")
            .splitlines()
        )
        texts = [json.loads(line)["text"] for line in lines]
    out: list[str] = []
    current = ""
    i = 0
    while len(out) < count:
        current += " " + texts[i % len(texts)]
        i += 1
        if len(current) >= TARGET:
            out.append(current[:TARGET])
            current = ""
    return out


CLOCK = time.perf_counter


def timed(function, *args) -> float:  # type: ignore[no-untyped-def]
    start = CLOCK()
    function(*args)
    return CLOCK() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cpu", action="store_true", help="time by CPU, not wall clock")
    options = parser.parse_args()
    if options.cpu:
        global CLOCK
        CLOCK = time.process_time
    models = {lang: m for lang in LANGUAGES if (m := textcat.load(lang)) is not None}
    for label, classifier in (
        ("rules", CueClassifier(load_taxonomy())),
        ("rules+model", CueClassifier(load_taxonomy(), models)),  # the production default
    ):
        run(classifier, label, options.docs, options.runs)


def run(classifier: CueClassifier, label: str, count: int, repeats: int) -> None:
    for lang in ("tr", "en"):
        docs = documents(lang, count)
        size = sum(len(d.encode()) for d in docs)
        blob = "\n".join(docs).encode()

        def classify(batch: list[str] = docs, language: str = lang) -> None:
            for start in range(0, len(batch), 200):  # the pipeline's batch size
                classifier.classify_many([(t, language) for t in batch[start : start + 200]])

        def limit(data: bytes = blob) -> None:
            data.lower().count(b"'")

        # Warm-up: fills the vocabulary, as a running service would have. Its time is shown
        # too: a stream of news keeps bringing unseen words, which cost a vocabulary entry.
        first = timed(classify)
        runs = [(timed(classify), timed(limit)) for _ in range(repeats)]
        median = statistics.median(r[0] for r in runs)
        ratio = statistics.median(r[0] / r[1] for r in runs)
        print(
            f"{label:12} {lang}: {len(docs)} docs ({size / len(docs) / 1000:.1f} KB avg), "
            f"median {median:.3f} s "
            f"over {repeats} runs: {len(docs) / median:,.0f} docs/s, "
            f"{size / median / 1e6:.1f} MB/s, {ratio:.0f}x the bytes.lower().count() line; "
            f"first pass (unseen words) {len(docs) / first:,.0f} docs/s"
        )


if __name__ == "__main__":
    main()

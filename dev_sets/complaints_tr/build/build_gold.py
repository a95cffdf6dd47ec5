"""Build the labelled-document JSONL of the Turkish complaints dev set.

Reads the Şikayetvar İş Bankası CSV from ``../shared/data`` (relative to the repository) and
``dev_sets/complaints_tr/labels.jsonl``; writes DESIGN's labelled-document format (title =
complaint title, text = full_text, lang tr, source sikayetvar, url) to the path given on the
command line (default ``out/complaints_tr_gold.jsonl``). The complaint texts are user posts:
they are never written inside ``dev_sets/``.

    .venv/bin/python dev_sets/complaints_tr/build/build_gold.py [OUT] [--split all|dev|heldout]

``dev`` keeps the even line indices of labels.jsonl, ``heldout`` the odd ones.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SET_DIR = HERE.parent
REPO = SET_DIR.parents[1]
CSV_PATH = REPO.parent / "shared" / "data" / "sikayetvar_isbank" / "sikayetvar_isbank.csv"
DEFAULT_OUT = REPO / "out" / "complaints_tr_gold.jsonl"


def published(raw: str) -> str | None:
    try:
        return datetime.strptime(raw.strip(), "%m/%d/%Y").date().isoformat()
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(DEFAULT_OUT))
    parser.add_argument("--split", choices=["all", "dev", "heldout"], default="all")
    args = parser.parse_args(argv)
    if not CSV_PATH.is_file():
        print(f"error: complaint CSV not found at {CSV_PATH} (expected ../shared/data next to the repository)", file=sys.stderr)
        return 2
    out = Path(args.out).resolve()
    if SET_DIR.resolve() in out.parents:
        print("error: the gold file holds user posts; write it outside dev_sets/ (e.g. out/)", file=sys.stderr)
        return 2
    with CSV_PATH.open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    labels = [json.loads(line) for line in (SET_DIR / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    out.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with out.open("w", encoding="utf-8") as handle:
        for index, item in enumerate(labels):
            if args.split == "dev" and index % 2:
                continue
            if args.split == "heldout" and not index % 2:
                continue
            row = rows.get(item["id"])
            if row is None:
                print(f"error: complaint {item['id']} not in {CSV_PATH}", file=sys.stderr)
                return 2
            doc = {
                "id": f"sikayetvar-isbank-{item['id']}",
                "lang": "tr",
                "title": row["title"].strip(),
                "text": row["full_text"],
                "url": row["url"] or None,
                "published": published(row["date"]),
                "source": "sikayetvar",
                "labels": item["labels"],
            }
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
            written += 1
    print(f"{written} documents -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

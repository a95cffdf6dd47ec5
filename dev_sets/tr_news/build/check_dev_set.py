"""Check dev_sets/tr_news/{portfolio.csv, gold.jsonl} for consistency and print counts.

usage: check_dev_set.py        (exit code 1 on any error)
"""

from __future__ import annotations

import collections
import csv
import json
import sys

from common import SET_DIR, core_name, demo_ids, fold, load_ttc
from build_dev_set import HEADER, named_in_texts, norm

TYPES = {"patent", "capacity_increase", "expansion_tender", "incentive", "land_purchase", "investment_statement",
         "asset_sale", "complaint_surge", "fine", "lawsuit", "refund_problem", "insolvency"}
DOC_KEYS = ["id", "lang", "title", "text", "url", "published", "source", "labels"]


def main() -> int:
    errors = []
    with open(SET_DIR / "portfolio.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != HEADER:
            errors.append(f"portfolio header {reader.fieldnames}")
        rows = list(reader)
    ids = [r["crm_id"] for r in rows]
    dup = [k for k, n in collections.Counter(ids).items() if n > 1]
    if dup:
        errors.append(f"duplicate crm_id {dup[:5]}")
    for r in rows:
        if not r["crm_id"] or not r["legal_name"]:
            errors.append(f"empty crm_id/legal_name {r}")
        if r["status"] not in ("active", "closed"):
            errors.append(f"bad status {r['crm_id']}")
    portfolio = {r["crm_id"]: r for r in rows}

    ttc = load_ttc()
    demo = demo_ids()
    docs, seen = [], set()
    with open(SET_DIR / "gold.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: invalid JSON {e}")
                continue
            if list(d) != DOC_KEYS:
                errors.append(f"{d.get('id')}: keys {list(d)}")
            if d["id"] in seen:
                errors.append(f"duplicate id {d['id']}")
            seen.add(d["id"])
            if d["id"] in demo:
                errors.append(f"{d['id']} is one of the 51 demo articles")
            if d["id"] not in ttc or ttc[d["id"]]["text"] != d["text"]:
                errors.append(f"{d['id']}: text differs from TTC-3600")
            if d["lang"] != "tr" or d["source"] != "ttc3600" or d["url"] is not None or d["published"] is not None:
                errors.append(f"{d['id']}: lang/source/url/published")
            if not d["title"] or len(d["title"]) > 125:
                errors.append(f"{d['id']}: title length {len(d['title'])}")
            crm_seen = set()
            for lab in d["labels"]:
                if lab["crm_id"] not in portfolio:
                    errors.append(f"{d['id']}: unknown crm_id {lab['crm_id']}")
                if lab["crm_id"] in crm_seen:
                    errors.append(f"{d['id']}: crm_id twice {lab['crm_id']}")
                crm_seen.add(lab["crm_id"])
                bad = [t for t in lab["signals"] if t not in TYPES or t == "complaint_surge"]
                if bad or len(set(lab["signals"])) != len(lab["signals"]):
                    errors.append(f"{d['id']}: bad signals {lab['signals']}")
            docs.append(d)

    # distractors (portfolio rows never labelled) must not be named in the selected texts
    labelled = {lab["crm_id"] for d in docs for lab in d["labels"]}
    corpus = "|".join(norm(fold(d["text"])) for d in docs)
    leaks = [r["legal_name"] for cid, r in portfolio.items() if cid not in labelled
             and named_in_texts(r["legal_name"], corpus)]
    if leaks:
        errors.append(f"{len(leaks)} unlabelled portfolio rows look named in the texts: {leaks[:10]}")

    # counts
    cats = collections.Counter(d["id"].split("/")[0] for d in docs)
    links = sum(len(d["labels"]) for d in docs)
    per_type = collections.Counter(t for d in docs for lab in d["labels"] for t in lab["signals"])
    with_sig = sum(1 for d in docs for lab in d["labels"] if lab["signals"])
    print(f"documents {len(docs)} {dict(cats)}; negatives (no label) {sum(1 for d in docs if not d['labels'])}")
    print(f"links {links}; links with a signal {with_sig}; signals {sum(per_type.values())} {dict(per_type)}")
    print(f"portfolio rows {len(rows)}; labelled companies {len(labelled)}; distractors {len(rows) - len(labelled)}; "
          f"labelled without aliases {sum(1 for c in labelled if not portfolio[c]['aliases'])}")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Check app/demo_data/ (standard library only).

    python app/demo_data/build/check_demo_data.py [--shared-data PATH] [--verbose]

* the English feeds are byte copies of shared/data/feeds/news (sha256 from index.csv);
* the Turkish feeds are well-formed RSS 2.0, texts equal the TTC-3600 texts, and the
  windows-1254 copy parses to exactly the same items as tr_ekonomi_1.xml;
* portfolio.csv follows DESIGN.md (header, unique crm_id, status, exposure ...);
* expected.jsonl links only to portfolio rows, and every labelled company is findable
  by one of its names in the text (or is listed in KNOWN_HARD below);
* no distractor (DX...) is named in any Turkish text or English feed;
* prints, for review, portfolio names found in a text that is not labelled with them.
Exit status 1 on an error.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEMO_DIR, feed_plain_text, fold, load_ttc, name_pattern, shared_data_dir  # noqa: E402

HEADER = ["crm_id", "legal_name", "aliases", "tax_number", "ticker", "sector", "city",
          "manager_email", "exposure", "contact_preferences", "status"]
TYPES = {"patent", "capacity_increase", "expansion_tender", "incentive", "land_purchase",
         "investment_statement", "asset_sale", "complaint_surge", "fine", "lawsuit",
         "refund_problem", "insolvency"}
LEGAL_TAIL = re.compile(r"[\s,]+(A\.Ş\.|T\.A\.Ş\.|A\.O\.|A\.Ş|AŞ|INC\.?|CORP/?|CORP\.|CO|LTD|PLC|NV|N\.V\.|S\.A\.|"
                        r"SANAYİİ|SANAYİ|SAN\.|TİC\.|TİCARET|VE|GENEL MÜD\.|GENEL MÜDÜRLÜĞÜ|HOLDINGS?|GROUP|GROEP|COMMUNICATIONS|MOTOR|"
                        r"PLATFORMS|TECHNOLOGY|TECHNOLOGIES|SOFTWARE|INTERACTIVE)$", re.I)
# labelled links that simple name matching cannot find (kept on purpose)
KNOWN_HARD = {
    ("ekonomi/c (375).txt", "Lloyds Banking Group plc"): "spelt 'Lyods' in the source",
}

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)
    print("ERROR:", msg)


def names_for(row: dict) -> list[str]:
    legal = row["legal_name"]
    short = legal
    for _ in range(4):
        short = LEGAL_TAIL.sub("", short).strip(" ,")
    names = [short] + [a for a in row["aliases"].split("|") if a]
    if not row["aliases"]:
        first = re.split(r"[\s,]+", legal)[0]
        if len(first) >= 3:
            names.append(first)
    return list(dict.fromkeys(names))


def rss_items(data: bytes) -> list[dict]:
    root = ET.fromstring(data)
    assert root.tag == "rss" and root.get("version") == "2.0", "not RSS 2.0"
    channel = root.find("channel")
    assert channel.findtext("title") and channel.findtext("description") and channel.findtext("link")
    out = []
    for it in channel.findall("item"):
        guid = it.find("guid")
        assert guid is not None and guid.get("isPermaLink") == "false"
        assert it.find("pubDate") is None
        out.append(dict(title=it.findtext("title"), link=it.findtext("link"), guid=guid.text,
                        text=it.findtext("description")))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared-data")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    shared = shared_data_dir(args.shared_data)
    feeds = DEMO_DIR / "feeds"

    # English feeds: byte copies
    with open(shared / "feeds" / "index.csv", encoding="utf-8", newline="") as fh:
        index = {r["path"]: r for r in csv.DictReader(fh)}
    en_text = ""
    for name in ("TechCrunch.xml", "google_alerts_atom.xml"):
        data = (feeds / name).read_bytes()
        if data != (shared / "feeds" / "news" / name).read_bytes() or \
                hashlib.sha256(data).hexdigest() != index["news/" + name]["sha256"]:
            err(f"{name} is not a byte copy of shared/data/feeds/news/{name}")
        en_text += "\n" + fold(feed_plain_text(data))

    # Turkish feeds
    ttc = load_ttc(shared)
    items = {}
    for n in (1, 2):
        for it in rss_items((feeds / f"tr_ekonomi_{n}.xml").read_bytes()):
            if it["guid"] in items:
                err(f"duplicate item {it['guid']}")
            rec = ttc.get(it["guid"])
            if not rec or rec["category"] != "ekonomi":
                err(f"{it['guid']}: not a TTC-3600 ekonomi text")
            elif rec["text"] != it["text"]:
                err(f"{it['guid']}: description differs from the corpus text")
            if len(it["title"]) > 125:
                err(f"{it['guid']}: title longer than ~120 characters")
            items[it["guid"]] = it
    cp = (feeds / "tr_ekonomi_1_windows1254.xml").read_bytes()
    if not cp.startswith(b'<?xml version="1.0" encoding="windows-1254"?>'):
        err("windows-1254 feed lacks its XML declaration")
    if rss_items(cp) != rss_items((feeds / "tr_ekonomi_1.xml").read_bytes()):
        err("windows-1254 feed content differs from tr_ekonomi_1.xml")
    try:
        cp.decode("utf-8")
        err("windows-1254 feed happens to be valid UTF-8 (not a useful encoding test)")
    except UnicodeDecodeError:
        pass

    # portfolio
    with open(DEMO_DIR / "portfolio.csv", encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        if header != HEADER:
            err(f"portfolio header {header}")
        rows = [dict(zip(header, r)) for r in reader]
    ids = [r["crm_id"] for r in rows]
    if len(ids) != len(set(ids)):
        err("crm_id not unique")
    for r in rows:
        if not r["crm_id"] or not r["legal_name"]:
            err(f"empty crm_id/legal_name: {r}")
        if r["status"] not in ("active", "closed"):
            err(f"{r['crm_id']}: status {r['status']}")
        if not r["exposure"].isdigit() or not 1_000_000 <= int(r["exposure"]) <= 500_000_000:
            err(f"{r['crm_id']}: exposure {r['exposure']}")
        if r["tax_number"]:
            err(f"{r['crm_id']}: tax_number should be empty")
    by_id = {r["crm_id"]: r for r in rows}
    for r in rows:
        r["_pats"] = [(n, name_pattern(n)) for n in names_for(r)]

    # expected labels
    labelled = {}
    with open(DEMO_DIR / "expected.jsonl", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            labelled[doc["id"]] = doc
            if doc["id"] not in items or doc["text"] != items[doc["id"]]["text"]:
                err(f"{doc['id']}: expected.jsonl text/id not in the feeds")
            for lab in doc["labels"]:
                if lab["crm_id"] not in by_id:
                    err(f"{doc['id']}: unknown crm_id {lab['crm_id']}")
                if not set(lab["signals"]) <= TYPES:
                    err(f"{doc['id']}: unknown signal {lab['signals']}")
    if set(labelled) != set(items):
        err("expected.jsonl does not cover exactly the feed items")

    review = 0
    for gid, it in items.items():
        text = fold(it["text"])
        want = {lab["crm_id"] for lab in labelled.get(gid, {}).get("labels", [])}
        for r in rows:
            hits = [n for n, p in r["_pats"] if p.search(text)]
            if r["crm_id"] in want and not hits and (gid, r["legal_name"]) not in KNOWN_HARD:
                err(f"{gid}: labelled {r['crm_id']} {r['legal_name']} but no name of it found")
            if r["crm_id"].startswith("DX") and hits:
                err(f"{gid}: distractor {r['crm_id']} {r['legal_name']} named ({hits})")
            if r["crm_id"] not in want and hits and not r["crm_id"].startswith("DX"):
                review += 1
                if args.verbose:
                    print(f"review: {gid}: {r['crm_id']} {r['legal_name']} matched {hits} but not labelled")
    for r in rows:
        if r["crm_id"].startswith("DX"):
            hits = [n for n, p in r["_pats"] if p.search(en_text)]
            if hits:
                err(f"English feeds name distractor {r['crm_id']} {r['legal_name']} ({hits})")

    groups = {}
    for r in rows:
        groups[r["crm_id"][:2]] = groups.get(r["crm_id"][:2], 0) + 1
    print(f"items: {len(items)}; portfolio rows by prefix: {groups}; "
          f"unlabelled name matches to review: {review} (see --verbose)")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

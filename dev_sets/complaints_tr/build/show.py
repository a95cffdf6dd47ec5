"""Annotator aid: print complaints of the sample (by position) with candidate company names.

``show.py START END`` prints positions START..END-1 of ``sample_ids.json`` order. Local use
only; prints the texts to the terminal, never into a file of the repository.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CSV_PATH = HERE.parents[2].parent / "shared" / "data" / "sikayetvar_isbank" / "sikayetvar_isbank.csv"

CANDIDATES = {
    "C001": r"i[sş] ?bank|i[sş]bank|maximum|maxipuan|maximiles|i[sş]cep|i[sş] ?cep|türkiye i[sş]",
    "C002": r"garanti|bonus ?kart",
    "C003": r"akbank|axess",
    "C004": r"yap[ıi] ?kredi|world ?kart",
    "C005": r"ziraat|bankkart",
    "C006": r"vak[ıi]f",
    "C007": r"halk ?bank|paraf",
    "C008": r"qnb|finansbank|enpara|cardfinans",
    "C009": r"denizbank|fastpay",
    "C010": r"\bteb\b|cepteteb",
    "C011": r"\bing\b",
    "C012": r"hsbc",
    "C013": r"[sş]ekerbank",
    "C014": r"kuveyt",
    "C015": r"türkiye finans",
    "C016": r"odea",
    "C017": r"trendyol",
    "C018": r"hepsiburada|hepsipay",
    "C019": r"amazon",
    "C020": r"iyzico",
    "C021": r"papara",
    "C022": r"turkcell|paycell|superonline",
    "C023": r"vodafone",
    "C024": r"türk telekom|türktelekom",
    "C025": r"anadolu sigorta",
    "C026": r"anadolu hayat",
    "C027": r"migros",
    "C028": r"yemeksepeti|yemek sepeti",
    "C029": r"\bptt\b",
    "C030": r"netflix",
}


def main() -> int:
    start, end = int(sys.argv[1]), int(sys.argv[2])
    order = json.loads((HERE.parent / "sample_ids.json").read_text(encoding="utf-8"))["order"]
    with CSV_PATH.open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    for pos in range(start, min(end, len(order))):
        row = rows[order[pos]]
        text = " ".join((row["title"] + " || " + row["full_text"]).split())
        low = text.replace("İ", "i").replace("I", "ı").lower()
        cands = [c for c, pat in CANDIDATES.items() if re.search(pat, low)]
        print(f"### {pos} {row['id']} {cands}\n{text}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

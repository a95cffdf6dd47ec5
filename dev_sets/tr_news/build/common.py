"""Shared helpers for the tr_news dev-set scripts (standard library only).

Scripts here only help a human annotator: they find candidate names and cue words and
format files.  No label is decided by code; labels live in ``labels_*.py`` and were
written by hand after reading each text.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

BUILD_DIR = Path(__file__).resolve().parent
SET_DIR = BUILD_DIR.parent                      # dev_sets/tr_news
REPO_ROOT = SET_DIR.parent.parent               # /work/main
SHARED = REPO_ROOT.parent / "shared" / "data"   # /work/shared/data
DEMO_GOLD = REPO_ROOT / "app" / "demo_data" / "expected.jsonl"

_ASCII = str.maketrans({
    "ş": "s", "ğ": "g", "ü": "u", "ö": "o", "ç": "c", "ı": "i",
    "â": "a", "î": "i", "û": "u", "\u0307": "",
})
_APOS = re.compile("['\u2019\u2018\u0091\u0092`´]")


def tr_lower(text: str) -> str:
    return text.replace("İ", "i").replace("I", "ı").lower()


def fold(text: str) -> str:
    """Turkish-aware lower case (İ->i, I->ı), then ASCII folding."""
    return _APOS.sub("'", tr_lower(text).translate(_ASCII))


def name_re(name: str) -> re.Pattern:
    f = re.escape(fold(name)).replace(r"\ ", r"\s+")
    tail = r"(?![a-z0-9])" if len(fold(name)) < 5 else ""
    return re.compile(r"(?<![a-z0-9])" + f + tail)


def load_ttc() -> dict[str, dict]:
    out = {}
    with open(SHARED / "ttc3600" / "ttc3600.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[rec["id"]] = rec
    return out


def demo_ids() -> set[str]:
    with open(DEMO_GOLD, encoding="utf-8") as fh:
        return {json.loads(l)["id"] for l in fh if l.strip()}


def load_fortune() -> dict[int, dict]:
    with open(SHARED / "company_names" / "fortune_turkiye_500_2016.csv", encoding="utf-8", newline="") as fh:
        return {int(r["list_position"]): r for r in csv.DictReader(fh)}


def load_bist() -> dict[str, dict]:
    with open(SHARED / "company_names" / "bist_companies.csv", encoding="utf-8", newline="") as fh:
        return {r["ticker"]: r for r in csv.DictReader(fh)}


def load_sec() -> list[dict]:
    with open(SHARED / "company_names" / "sec_company_tickers.json", encoding="utf-8") as fh:
        data = json.load(fh)
    return [data[k] for k in sorted(data, key=int)]


LEGAL_TAIL = re.compile(
    r"\b(t\.?a\.?s\.?|a\.?s\.?|a\.?o\.?|genel mud\.?|san\.?|tic\.?|ve|ltd\.?|sti\.?|inc\.?|corp\.?|"
    r"co\.?|plc|n\.?v\.?|s\.?a\.?|ag|se|llc|lp|l\.p\.|ltd|limited|holdings?|group|company|/[a-z]+/?)\s*$")


def core_name(name: str) -> str:
    """Folded name without trailing legal forms (for candidate search only)."""
    f = fold(name).replace("&", " ").replace(",", " ")
    f = re.sub(r"\s+", " ", f).strip()
    prev = None
    while prev != f:
        prev = f
        f = LEGAL_TAIL.sub("", f).strip(" .-")
    return f

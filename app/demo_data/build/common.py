"""Shared helpers for the demo-data build scripts (standard library only).

The scripts read the shared, read-only data folder ``../shared/data`` next to the
repository (``/work/shared/data`` on the team machines).  Override it with the
environment variable ``RADAR_SHARED_DATA`` or ``--shared-data PATH``.
"""

from __future__ import annotations

import csv
import html
import json
import os
import re
from pathlib import Path

BUILD_DIR = Path(__file__).resolve().parent
DEMO_DIR = BUILD_DIR.parent                      # app/demo_data
REPO_ROOT = DEMO_DIR.parent.parent               # the repository root
DEFAULT_SHARED = REPO_ROOT.parent / "shared" / "data"


def shared_data_dir(cli_value: str | None = None) -> Path:
    path = Path(cli_value or os.environ.get("RADAR_SHARED_DATA") or DEFAULT_SHARED)
    if not (path / "MANIFEST.md").is_file():
        raise SystemExit(f"shared data folder not found (no MANIFEST.md): {path}")
    return path


# --------------------------------------------------------------------------- text

_ASCII = str.maketrans({
    "ş": "s", "ğ": "g", "ü": "u", "ö": "o", "ç": "c", "ı": "i",
    "â": "a", "î": "i", "û": "u", "\u0307": "",
})
# U+0091/U+0092 are mis-decoded Windows-125x apostrophes that occur in TTC-3600.
_APOSTROPHES = re.compile("['\u2019\u2018\u0091\u0092`´]")


def tr_lower(text: str) -> str:
    """Turkish-aware lower case: İ -> i, I -> ı."""
    return text.replace("İ", "i").replace("I", "ı").lower()


def fold(text: str) -> str:
    """Turkish-aware lower case, then ASCII folding (ş->s, ğ->g, ü->u, ö->o, ç->c, ı->i)."""
    return _APOSTROPHES.sub("'", tr_lower(text).translate(_ASCII))


def tr_upper(text: str) -> str:
    return text.replace("i", "İ").replace("ı", "I").upper()


def name_pattern(name: str) -> re.Pattern:
    """Regex over folded text: the folded name at a word start, Turkish suffixes allowed.

    Short names (< 5 characters) must end at a word boundary or an apostrophe, so that
    ``bim`` does not match ``bimeks``; longer names may carry a suffix written without an
    apostrophe (``Arçelike``, ``Bankasından``), as the corpus often does.
    """
    folded = re.escape(fold(name)).replace(r"\ ", r"\s+")
    tail = r"(?![a-z0-9])" if len(fold(name)) < 5 else ""
    return re.compile(r"(?<![a-z0-9])" + folded + tail)


def mentions(text_folded: str, names) -> list[str]:
    return [n for n in names if n and name_pattern(n).search(text_folded)]


# --------------------------------------------------------------------------- data

def load_ttc(shared: Path) -> dict[str, dict]:
    out = {}
    with open(shared / "ttc3600" / "ttc3600.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[rec["id"]] = rec
    return out


def load_fortune(shared: Path) -> dict[int, dict]:
    with open(shared / "company_names" / "fortune_turkiye_500_2016.csv", encoding="utf-8", newline="") as fh:
        return {int(r["list_position"]): r for r in csv.DictReader(fh)}


def load_bist(shared: Path) -> dict[str, dict]:
    with open(shared / "company_names" / "bist_companies.csv", encoding="utf-8", newline="") as fh:
        return {r["ticker"]: r for r in csv.DictReader(fh)}


def load_sec(shared: Path) -> list[dict]:
    """SEC company_tickers.json in file order (roughly by market value)."""
    with open(shared / "company_names" / "sec_company_tickers.json", encoding="utf-8") as fh:
        data = json.load(fh)
    return [data[k] for k in sorted(data, key=int)]


def feed_plain_text(raw: bytes) -> str:
    """Rough plain text of an RSS/Atom file (tags dropped, entities resolved)."""
    text = raw.decode("utf-8", errors="replace")
    text = re.sub(r"<!\[CDATA\[(.*?)\]\]>", lambda m: m.group(1), text, flags=re.S)
    for _ in range(2):  # entity-escaped HTML inside <description> needs two rounds
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"\s+", " ", text)

"""Helpers for the hand-labelled Turkish sentence set (standard library only).

Code here only splits texts and shows candidate sentences to the human annotator.
No label is decided by code: labels live in ``labels_*.txt`` and were written by hand
after reading each sentence (format: ``<id> | <type,type or -> | <note>``).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

BUILD = Path(__file__).resolve().parent
OUT_DIR = BUILD.parent                                  # train_data/tr
MAIN = OUT_DIR.parent.parent                            # /work/main
TTC = MAIN.parent / "shared" / "data" / "ttc3600" / "ttc3600.jsonl"
DEMO = MAIN / "app" / "demo_data" / "expected.jsonl"
DEV_GOLD = MAIN / "dev_sets" / "tr_news" / "gold.jsonl"

TYPES = ["patent", "capacity_increase", "expansion_tender", "incentive", "land_purchase",
         "investment_statement", "asset_sale", "fine", "lawsuit", "refund_problem", "insolvency"]

# no split after these tokens (abbreviations / legal forms / initials)
_NO_SPLIT_END = re.compile(
    r"(?:\b(?:A\.Ş|A\.O|Ltd|Şti|Tic|San|Dr|Prof|Doç|Av|vb|vs|Yrd|Sn|St|Co|Inc|Corp|No|Bkz|bkz|"
    r"Mah|Cad|Sok|Mr|Mrs|Jr|T\.C|A\.B\.D|ABD|Gen|Org|Alb|Kur|Müh|Uzm|Op|Öğr|Gör)|\b[A-ZÇĞİÖŞÜ])$")
_CAND = re.compile(r"([.!?])\s+")


_COURT = re.compile(r"(?:Hukuk|İş|Ağır|Asliye|Ceza|İdare|Vergi|Ticaret|Sulh|İcra|Tüketici|Bölge|Daire|Tahsilat|Fikri|Noterliği|Kolordu|Ordu|Tümen)\b")
_UPPER_START = re.compile(r"[A-ZÇĞİÖŞÜ\"“«]")


def split_sentences(text: str) -> list[str]:
    """Split into sentences.  A line break ends a unit only when the next line starts with
    an upper-case letter or a quote and the previous line does not end with a comma (the
    corpus has headlines on their own line, but also stray breaks inside sentences; those
    are kept as they are).  Inside a unit split on '. ', '! ', '? ' (the punctuation stays
    with its sentence), not after abbreviations, initials, lower-case continuations or
    ordinals before court names ('22. Hukuk Dairesi')."""
    lines = text.split("\n")
    units, cur = [], lines[0]
    for nxt in lines[1:]:
        prev_line = cur.split("\n")[-1].rstrip()
        starts_upper = bool(nxt[:1]) and bool(_UPPER_START.match(nxt))
        ends_sentence = prev_line.endswith((".", "!", "?", ":", '"', "”", ")"))
        headline = len(prev_line.split()) >= 3 and len(nxt.split()) >= 3 and not prev_line.endswith(",")
        ordinal = bool(re.search(r"(?<![\d.,])\d{1,2}\.$", prev_line)) and bool(_COURT.match(nxt))
        if starts_upper and (ends_sentence or headline) and not ordinal:
            units.append(cur); cur = nxt
        else:
            cur = cur + "\n" + nxt
    units.append(cur)
    out = []
    for u in units:
        out.extend(_split_line(u))
    return [s for s in out if s.strip()]


def _split_line(text: str) -> list[str]:
    out, start = [], 0
    for m in _CAND.finditer(text):
        end = m.start(1)
        before = text[start:end]
        rest = text[m.end():]
        after = rest[:1]
        if m.group(1) == ".":
            if _NO_SPLIT_END.search(before):
                continue
            if after and after.islower():
                continue          # abbreviation, ordinal or typo before a lower-case word
            if re.search(r"(?<![\d.,])\d{1,2}$", before) and _COURT.match(rest):
                continue
        out.append(text[start:m.end(1)].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def load_ttc() -> dict[str, dict]:
    with open(TTC, encoding="utf-8") as fh:
        return {r["id"]: r for r in map(json.loads, fh)}


def ids_in(path: Path) -> set[str]:
    if not path.exists():
        return set()
    out = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.add(json.loads(line)["id"])
    return out


def excluded_ids() -> set[str]:
    return ids_in(DEMO) | ids_in(DEV_GOLD)


def parse_labels(path: Path):
    """Yield (unit_id, labels, note) from a labels file; unit_id may be 'art#3' or 'art#3+4'."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#!"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) < 2:
            raise ValueError(f"{path.name}:{n}: bad line {line!r}")
        uid, labs = parts[0], parts[1]
        note = " | ".join(parts[2:]) if len(parts) > 2 else ""
        labels = [] if labs in ("-", "") else [x.strip() for x in labs.split(",")]
        for t in labels:
            if t not in TYPES:
                raise ValueError(f"{path.name}:{n}: unknown type {t!r}")
        yield uid, labels, note


def dup_key(s: str) -> str:
    """Normalised text used to find the same sentence in duplicate articles."""
    return re.sub(r"[^0-9a-zçğıöşüâîû]+", "", s.replace("İ", "i").replace("I", "ı").lower())


def all_units(ttc=None):
    """{unit_id: text} for every sentence of every article (no exclusion applied)."""
    ttc = ttc or load_ttc()
    return {f"{aid}#{i}": s for aid, r in ttc.items() for i, s in enumerate(split_sentences(r["text"]))}

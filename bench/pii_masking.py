"""How much personal data `collectors.pii` finds in real complaints, with a spot-check list.

    .venv/bin/python bench/pii_masking.py [--csv PATH] [--show 5]

Input: the Şikayetvar İş Bankası complaints in ../shared/data (internal, never copied into
this repository). Masks each complaint's title and text with its username as the layout's
name, and prints: complaints read, replacements per token, complaints with any replacement,
near misses (numbers shaped like an IBAN or a TCKN that fail the checksum, so stay), and
`--show` examples per token with 40 characters of masked context (nothing unmasked is
printed). Also the median seconds of five timed passes after a warm-up.
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import time
from collections import Counter
from pathlib import Path

from collectors.pii import EMAIL, IBAN, NAME, PHONE, TCKN, mask_personal_data

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_CSV = SHARED / "sikayetvar_isbank" / "sikayetvar_isbank.csv"
TOKENS = (PHONE, EMAIL, IBAN, TCKN, NAME)
NEAR_IBAN = re.compile(r"(?<![\w])TR ?\d[\d ]{14,32}\d", re.IGNORECASE)
NEAR_TCKN = re.compile(r"(?<![\w])[1-9]\d{10}(?![\w])")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--show", type=int, default=5, help="examples per token")
    args = parser.parse_args()
    with args.csv.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    counts: Counter[str] = Counter()
    touched: Counter[str] = Counter()
    examples: dict[str, list[str]] = {token: [] for token in TOKENS}
    near: Counter[str] = Counter()
    any_masked = 0
    for row in rows:
        names = [row["username"]] if row.get("username") else []
        masked = mask_personal_data(f"{row['title']}\n{row['full_text']}", names=names)
        counts.update(masked.counts)
        any_masked += bool(masked.counts)
        touched.update(masked.counts.keys())
        for token in TOKENS:
            for found in re.finditer(re.escape(token), masked.text):
                if len(examples[token]) < args.show:
                    start, end = max(found.start() - 40, 0), found.end() + 40
                    examples[token].append(masked.text[start:end].replace("\n", " / "))
        near["IBAN-shaped, failing mod-97"] += len(NEAR_IBAN.findall(masked.text))
        near["11 digits, failing the TCKN check"] += len(NEAR_TCKN.findall(masked.text))
    texts = [(f"{r['title']}\n{r['full_text']}", [r["username"]]) for r in rows]
    for text, names in texts:  # warm-up
        mask_personal_data(text, names=names)
    seconds: list[float] = []
    for _ in range(5):
        began = time.perf_counter()
        for text, names in texts:
            mask_personal_data(text, names=names)
        seconds.append(time.perf_counter() - began)
    print(f"complaints: {len(rows)}  ({args.csv.name})")
    for token in TOKENS:
        print(f"{token:10} {counts[token]:5} replacements in {touched[token]:4} complaints")
    print(f"complaints with any replacement: {any_masked}; near misses (left as they are):")
    for what, number in near.items():
        print(f"  {what}: {number}")
    median = statistics.median(seconds)
    print(f"median of 5 passes: {median:.3f} s ({len(rows) / median:.0f} complaints/s)")
    for token in TOKENS:
        print(f"\n{token} examples:")
        for example in examples[token]:
            print(f"  …{example}…")


if __name__ == "__main__":
    main()

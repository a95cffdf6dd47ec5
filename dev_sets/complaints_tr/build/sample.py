"""Draw the complaint sample (deterministic) and write ``sample_ids.json``.

Two strata over the 2,583 Şikayetvar complaints about İş Bankası with a text (95 of the
2,678 rows have an empty ``full_text`` and are left out):

* ``refund_words``: title or text matches ``REFUND_RE`` (iade, geri ödeme/alma/verme,
  ters ibraz, chargeback, harcama itirazı) — positives and hard negatives;
* ``other``: every other complaint — random background.

``N_REFUND`` and ``N_OTHER`` complaints are drawn from each with ``random.Random(SEED)``;
the two draws are interleaved in pairs whose order alternates (R O, O R, R O, …) so the
even (dev) and odd (held-out) line indices of ``labels.jsonl`` get the same mix.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
CSV_PATH = REPO.parent / "shared" / "data" / "sikayetvar_isbank" / "sikayetvar_isbank.csv"
SEED = 20261123
N_REFUND = 160
N_OTHER = 150
REFUND_RE = re.compile(
    r"iade|geri (?:öde|al|ver|yatır|gel)|ters ibraz|chargeback|harcama itiraz", re.IGNORECASE
)


def main() -> int:
    if not CSV_PATH.exists():
        print(f"missing {CSV_PATH}", file=sys.stderr)
        return 1
    with CSV_PATH.open(encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["full_text"].strip()]
    refund = sorted(r["id"] for r in rows if REFUND_RE.search(r["title"] + " " + r["full_text"]))
    refund_set = set(refund)
    other = sorted(r["id"] for r in rows if r["id"] not in refund_set)
    rng = random.Random(SEED)
    a = rng.sample(refund, N_REFUND)
    b = rng.sample(other, N_OTHER)
    # Pairs (refund_words, other) alternate their order, so the even (dev) and odd (held-out)
    # line indices of labels.jsonl each get half of both strata.
    order = []
    for i in range(max(len(a), len(b))):
        pair = [a[i] if i < len(a) else None, b[i] if i < len(b) else None]
        if i % 2:
            pair.reverse()
        order += [x for x in pair if x]
    out = {
        "seed": SEED,
        "source": "shared/data/sikayetvar_isbank/sikayetvar_isbank.csv (rows with empty full_text left out)",
        "strata": {
            "refund_words": {"regex": REFUND_RE.pattern, "population": len(refund), "drawn": N_REFUND},
            "other": {"population": len(other), "drawn": N_OTHER},
        },
        "how": "random.Random(seed).sample(sorted ids of refund_words, n) then .sample(sorted ids of other, n); interleaved in pairs, pair i reversed when i is odd; labels.jsonl follows this order (even line index = dev, odd = held-out)",
        "order": order,
        "stratum": {i: ("refund_words" if i in refund_set else "other") for i in order},
    }
    (HERE.parent / "sample_ids.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(len(refund), len(other), len(order))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

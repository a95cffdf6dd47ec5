"""Turn the annotator's ``decisions.txt`` into ``labels.jsonl`` (one line per complaint).

``decisions.txt``: ``reading position<TAB>id<TAB>labels<TAB>note`` (the order the annotator
read them in); labels are comma-separated
``crm_id`` or ``crm_id:CODE`` (R refund_problem, L lawsuit, F fine, I insolvency, A
asset_sale); an empty labels field means no portfolio company is named. Lines keep the
order of ``sample_ids.json`` ("order") so that the even/odd split of ``labels.jsonl`` is the
dev / held-out split.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CODES = {"R": "refund_problem", "L": "lawsuit", "F": "fine", "I": "insolvency", "A": "asset_sale"}


def parse_labels(field: str) -> list[dict]:
    by_company: dict[str, list[str]] = {}
    for item in filter(None, (part.strip() for part in field.split(","))):
        crm_id, _, code = item.partition(":")
        signals = by_company.setdefault(crm_id, [])
        if code:
            signal = CODES[code]
            if signal not in signals:
                signals.append(signal)
    return [{"crm_id": crm_id, "signals": sorted(sig)} for crm_id, sig in by_company.items()]


def main() -> int:
    order = json.loads((HERE.parent / "sample_ids.json").read_text(encoding="utf-8"))["order"]
    by_id = {}
    for line in (HERE / "decisions.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _pos, doc_id, labels, note = (line.split("\t") + [""] * 4)[:4]
        if doc_id in by_id:
            print(f"{doc_id} decided twice", file=sys.stderr)
            return 1
        by_id[doc_id] = {"id": doc_id, "labels": parse_labels(labels), "note": note.strip()}
    missing = [i for i in order if i not in by_id]
    extra = sorted(set(by_id) - set(order))
    if missing or extra:
        print(f"undecided: {missing[:5]} ({len(missing)}); not sampled: {extra[:5]}", file=sys.stderr)
        return 1
    rows = [(n, by_id[i]) for n, i in enumerate(order)]
    out = HERE.parent / "labels.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for _, row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} labelled complaints -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

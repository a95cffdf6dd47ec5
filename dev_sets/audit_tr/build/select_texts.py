"""Pick the audit texts: a seeded random sample of unseen TTC-3600 ekonomi/teknoloji texts.

Standard library only, deterministic.  Writes ``../sample_ids.json`` (ids only, no texts):

* eligible = category ``ekonomi`` or ``teknoloji``, and the id is in none of
  ``dev_sets/tr_news/gold.jsonl`` (held-out dev set), ``app/demo_data/expected.jsonl``
  (demo articles; identified there by their TTC-3600 id in ``id``) and the ``article`` field
  of ``train_data/tr/sentences.jsonl`` (articles that gave training sentences);
* ``random.Random(20261123).sample(sorted(eligible), 400)``.

For information only (it does not change the sample) the script also flags sampled texts
that are near-duplicates of a seen text (word 5-gram Jaccard >= 0.5 with a dev, demo or
training article; TTC-3600 holds the same story from several outlets) and texts the dev-set
annotator listed as "read but left out" in ``dev_sets/tr_news/build/labels_table.md``.

usage: python select_texts.py
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

BUILD = Path(__file__).resolve().parent
AUDIT = BUILD.parent
REPO = AUDIT.parent.parent
SHARED = REPO.parent / "shared" / "data"
SEED = 20261123
N = 400
CATEGORIES = ("ekonomi", "teknoloji")


def jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(max(0, len(words) - n + 1))}


def main() -> None:
    ttc = {r["id"]: r for r in jsonl(SHARED / "ttc3600" / "ttc3600.jsonl")}
    dev = {r["id"] for r in jsonl(REPO / "dev_sets" / "tr_news" / "gold.jsonl")}
    demo = {r["id"] for r in jsonl(REPO / "app" / "demo_data" / "expected.jsonl")}
    train = {r["article"] for r in jsonl(REPO / "train_data" / "tr" / "sentences.jsonl")}
    seen = dev | demo | train
    eligible = sorted(i for i, r in ttc.items() if r["category"] in CATEGORIES and i not in seen)
    sample = sorted(random.Random(SEED).sample(eligible, N))

    seen_sh = {i: shingles(ttc[i]["text"]) for i in sorted(seen) if i in ttc}
    near_dup = {}
    for i in sample:
        sh = shingles(ttc[i]["text"])
        if not sh:
            continue
        best = max(((len(sh & s) / len(sh | s), j) for j, s in seen_sh.items() if s), default=(0.0, ""))
        if best[0] >= 0.5:
            near_dup[i] = {"of": best[1], "jaccard": round(best[0], 3)}
    table = (REPO / "dev_sets" / "tr_news" / "build" / "labels_table.md").read_text(encoding="utf-8")
    left_out = table.split("## Read but left out", 1)[-1]
    read_by_dev = sorted(i for i in sample if f"`{i}`" in left_out)

    out = {
        "seed": SEED,
        "n": N,
        "categories": list(CATEGORIES),
        "excluded": {"dev": len(dev), "demo": len(demo), "train_articles": len(train)},
        "eligible": len(eligible),
        "by_category": {c: sum(i.startswith(c + "/") for i in sample) for c in CATEGORIES},
        "ids": sample,
        "near_duplicate_of_seen": near_dup,
        "listed_as_read_by_dev_annotator": read_by_dev,
    }
    (AUDIT / "sample_ids.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"eligible {len(eligible)}, sampled {len(sample)} {out['by_category']}; "
          f"near-duplicates of seen texts {len(near_dup)}; listed as read by the dev annotator {len(read_by_dev)}")


if __name__ == "__main__":
    main()

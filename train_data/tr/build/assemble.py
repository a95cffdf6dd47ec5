"""Build ../sentences.jsonl from the hand-written labels_*.txt files.

Checks: every unit id exists, two-sentence units are consecutive, no article from the demo
gold, no article (and no sentence text) from the dev set gold.jsonl if that file exists,
no duplicate text.  Prints counts.  Labels are copied, never computed.
"""
import collections, json, sys
from common import (BUILD, OUT_DIR, TYPES, DEMO, DEV_GOLD, all_units, dup_key, ids_in,
                    load_ttc, parse_labels, split_sentences)

ttc = load_ttc()
units = all_units(ttc)
demo = ids_in(DEMO)
dev = ids_in(DEV_GOLD)
dev_keys = set()
for aid in dev:
    if aid in ttc:
        dev_keys.update(dup_key(s) for s in split_sentences(ttc[aid]["text"]))

rows, seen = [], {}
dropped = []
for p in sorted(BUILD.glob("labels_*.txt")):
    for uid, labels, note in parse_labels(p):
        art, idx = uid.split("#")
        parts = [int(x) for x in idx.split("+")]
        if len(parts) == 2 and parts[1] != parts[0] + 1:
            sys.exit(f"{p.name}: {uid}: not consecutive")
        texts = []
        for i in parts:
            key = f"{art}#{i}"
            if key not in units:
                sys.exit(f"{p.name}: unknown unit {key}")
            texts.append(units[key])
        text = " ".join(texts)
        if art in demo:
            sys.exit(f"{p.name}: {uid} is from a demo-gold article")
        k = dup_key(text)
        if art in dev or any(dup_key(t) in dev_keys for t in texts):
            dropped.append(uid)
            continue
        if k in seen:
            sys.exit(f"{p.name}: {uid} duplicates {seen[k]}")
        seen[k] = uid
        rec = {"id": f"{art}#{parts[0]}", "article": art, "text": text,
               "labels": [t for t in TYPES if t in labels]}
        if note:
            rec["note"] = note
        rows.append(rec)

with open(OUT_DIR / "sentences.jsonl", "w", encoding="utf-8") as fh:
    for r in rows:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")

c = collections.Counter(t for r in rows for t in r["labels"])
neg = sum(1 for r in rows if not r["labels"])
cats = collections.Counter(r["article"].split("/")[0] for r in rows)
print(f"units {len(rows)}  positives {len(rows)-neg}  negatives {neg}  "
      f"articles {len({r['article'] for r in rows})}  dropped(dev overlap) {len(dropped)}")
print("per type:", {t: c[t] for t in TYPES})
print("per category:", dict(cats))
if dropped:
    print("dropped:", dropped)
json.dump({"units": len(rows), "negatives": neg, "per_type": {t: c[t] for t in TYPES},
           "per_category": dict(cats), "dropped_dev_overlap": dropped,
           "dev_gold_present": DEV_GOLD.exists(), "dev_articles": len(dev)},
          open(BUILD / "stats.json", "w"), ensure_ascii=False, indent=1)

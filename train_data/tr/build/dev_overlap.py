"""Report (read-only) how many labelled units come from articles in the tr_news dev set.

Checks dev_sets/tr_news/gold.jsonl (the policy file: assemble.py drops these) and, for
information only, the colleague's in-progress build/labels.py (lab(...) entries).
Run assemble.py again once gold.jsonl exists; it drops the overlap automatically.
"""
import json, re
from pathlib import Path
from common import DEV_GOLD, MAIN, OUT_DIR, ids_in

mine = [json.loads(l) for l in open(OUT_DIR / "sentences.jsonl", encoding="utf-8")]
gold = ids_in(DEV_GOLD)
print("gold.jsonl present:", DEV_GOLD.exists(), "articles:", len(gold),
      "overlapping units still in sentences.jsonl:", sum(r["article"] in gold for r in mine))
lp = MAIN / "dev_sets" / "tr_news" / "build" / "labels.py"
if lp.exists():
    src = lp.read_text(encoding="utf-8")
    helpers = dict(re.findall(r'def (\w+)\(n\):\s*\n\s*return f"(\w+)/c \(\{n\}\)\.txt"', src))
    prog = {f"{helpers[f]}/c ({n}).txt" for f, n in re.findall(r"\blab\(\s*(\w+)\((\d+)\)", src) if f in helpers}
    prog |= set(re.findall(r'\blab\(\s*"([^"]+)"', src))
    hit = [r for r in mine if r["article"] in prog]
    print("in-progress labels.py articles:", len(prog), "-> would hit", len(hit), "units /",
          sum(bool(r["labels"]) for r in hit), "positives in", len({r["article"] for r in hit}), "articles")

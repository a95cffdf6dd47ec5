"""Print sentences for the annotator to read.
usage: show.py ARTICLE_ID...
       show.py --grep REGEX [--cat C] [--limit N] [--offset K] [--ctx]
Sentences already labelled are marked '*' (article view) or skipped (grep view); in grep view
a sentence whose text already appeared earlier (duplicate articles) is skipped."""
import argparse, re, sys
from common import load_ttc, split_sentences, excluded_ids, parse_labels, BUILD, dup_key

ap = argparse.ArgumentParser()
ap.add_argument("articles", nargs="*")
ap.add_argument("--grep")
ap.add_argument("--notgrep")
ap.add_argument("--cat")
ap.add_argument("--limit", type=int, default=60)
ap.add_argument("--offset", type=int, default=0)
ap.add_argument("--ctx", action="store_true")
ap.add_argument("--maxlen", type=int, default=700)
a = ap.parse_args()
ttc = load_ttc(); exc = excluded_ids()
done = set(); done_keys = set()
units = {}
for aid, r in ttc.items():
    for i, s in enumerate(split_sentences(r["text"])):
        units[f"{aid}#{i}"] = s
for p in sorted(BUILD.glob("labels_*.txt")):
    for uid, _, _ in parse_labels(p):
        first = uid.split("+")[0]
        done.add(first); done_keys.add(dup_key(units[first]))
if a.articles:
    for aid in a.articles:
        if aid in exc: print("EXCLUDED", aid); continue
        for i, s in enumerate(split_sentences(ttc[aid]["text"])):
            mark = "*" if (f"{aid}#{i}" in done or dup_key(s) in done_keys) else " "
            print(f"{mark}{aid}#{i}: {s}")
        print()
    sys.exit()
rx = re.compile(a.grep, re.I); nrx = re.compile(a.notgrep, re.I) if a.notgrep else None
n = 0; seen = set(done_keys)
for aid, r in ttc.items():
    if aid in exc or (a.cat and r["category"] != a.cat): continue
    sents = split_sentences(r["text"])
    for i, s in enumerate(sents):
        k = dup_key(s)
        if len(s) <= a.maxlen and rx.search(s) and not (nrx and nrx.search(s)) and k not in seen:
            seen.add(k)
            n += 1
            if n <= a.offset: continue
            if n > a.offset + a.limit: sys.exit()
            if a.ctx and i > 0:
                print(f"    (prev: {sents[i-1][-160:]})")
            print(f"{aid}#{i}: {s}")

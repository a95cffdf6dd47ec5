"""Annotator aid: look a name up in the Fortune / BIST / SEC lists (folded substring search).
usage: find.py NAME [NAME ...]"""
import sys
from common import fold, load_bist, load_fortune, load_sec
F, B, S = load_fortune(), load_bist(), load_sec()
for q in sys.argv[1:]:
    fq = fold(q)
    out = [f"F{p}: {r['name']}" for p, r in F.items() if fq in fold(r["name"])]
    out += [f"B {t}: {r['name']}" for t, r in B.items() if fq in fold(r["name"]) or fq == fold(t)]
    out += [f"S {r['ticker']}: {r['title']}" for r in S if fq in fold(r["title"])][:8]
    print(f"== {q}: " + (" | ".join(out[:25]) or "-"))

"""Annotator aid: print texts (with candidate-name hints) for reading.
usage: show.py RANKFILE START END   |  show.py --ids 'ekonomi/c (1).txt' ..."""
import json, sys
from common import load_ttc
from rank import NOISE
d = json.load(open("candidates.json"))
ttc = load_ttc()
import os
MAX = int(os.environ.get("MAX", "4500"))
if sys.argv[1] == "--ids":
    ids = sys.argv[2:]
else:
    lines = open(sys.argv[1]).read().splitlines()[int(sys.argv[2]):int(sys.argv[3])]
    ids = [l.split(" | ")[0].split(" ", 2)[2] for l in lines]
for i in ids:
    v = d.get(i, {"hits": {}})
    hints = ["%s[%s]" % (k, (h[-2] or "").strip()) for k, h in v["hits"].items() if k not in NOISE]
    print("#####", i, "| hits:", "; ".join(hints))
    t = ttc[i]["text"]
    if len(t) > MAX:
        print(f"[LONG {len(t)} chars] " + t[:400] + " ...")
    else:
        print(t)
    print()

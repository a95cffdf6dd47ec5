"""Rank articles by the number of cue words (to decide what to READ; decides no label)."""
import re, sys
from common import load_ttc, excluded_ids
CUE = re.compile(r"fabrika|tesis|kapasite|üretim hatt|yatırım yap|lık yatırım|yatırımı|ihale|teşvik|arsa|arazi|"
                 r"satın al|sattı|satışa|hisse|ceza|dava|soruşturma|konkordato|iflas|icra|haciz|patent|iade|"
                 r"santral|temel at|kuracak|inşa", re.I)
cat = sys.argv[1] if len(sys.argv) > 1 else "ekonomi"
ttc = load_ttc(); exc = excluded_ids()
rows = []
for aid, r in ttc.items():
    if aid in exc or r["category"] != cat: continue
    rows.append((len(CUE.findall(r["text"])), len(r["text"]), aid))
rows.sort(reverse=True)
for n, l, aid in rows[: int(sys.argv[2]) if len(sys.argv) > 2 else 80]:
    print(n, l, aid)

"""Print a seeded random sample of sentences from given categories for the annotator to read
(used to pick off-topic negatives; decides no label).  usage: sample.py SEED N CAT..."""
import random, sys
from common import load_ttc, split_sentences, excluded_ids
seed, n, cats = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
ttc = load_ttc(); exc = excluded_ids()
pool = [(f"{aid}#{i}", s) for aid, r in ttc.items() if r["category"] in cats and aid not in exc
        for i, s in enumerate(split_sentences(r["text"])) if 50 <= len(s) <= 260 and "\n" not in s]
random.Random(seed).shuffle(pool)
for uid, s in pool[:n]:
    print(f"{uid}: {s}")

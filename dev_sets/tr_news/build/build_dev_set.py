"""Build dev_sets/tr_news/{portfolio.csv, gold.jsonl} from the hand-made labels.

Formatting only: every label comes from labels.py (decided by reading each text); this
script resolves company names from the shared name lists, picks distractors that the
selected texts do not name, and writes the files.  Deterministic.

usage: build_dev_set.py
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import re

from common import SET_DIR, core_name, fold, load_bist, load_fortune, load_sec, load_ttc
from candidates import STOP_FIRST
import companies
import labels

MANAGERS = ["ayse.yilmaz@bank.example", "mehmet.demir@bank.example", "elif.kaya@bank.example",
            "john.smith@bank.example", "sarah.jones@bank.example"]
N_DISTRACTORS = {"fortune": 300, "bist": 420, "sec": 780}
EMPTY_ALIAS_SHARE = 1 / 3
HEADER = ["crm_id", "legal_name", "aliases", "tax_number", "ticker", "sector", "city", "manager_email",
          "exposure", "contact_preferences", "status"]
# Distractor candidates that are the same group as, or too easily confused with, a company
# the texts name (identity uncertain, so they are kept out rather than guessed).
EXCLUDE_DISTRACTORS = {"B:DAPGM", "B:AYDEM", "B:CCOLA", "B:ALCTL", "F:463", "S:TKC", "S:TMUS", "B:QNBFK", "S:QNBC",
                       "S:MSI", "S:SAABF", "F:193", "F:174", "B:ASUZU", "F:178", "F:10", "F:416", "B:GARFA",
                       "F:171", "F:173", "B:BFREN", "B:PNSUT", "B:PINSU", "B:PETUN",
                       "S:EADSF", "S:MBGAF", "S:UNLYF", "S:UL", "F:34"}


def _h(s: str) -> int:
    return int(hashlib.sha256(s.encode()).hexdigest()[:8], 16)


def exposure_for(key: str) -> int:
    return 1_000_000 + (_h(key) % 499) * 1_000_000 + (_h(key + "k") % 1000) * 1000


def legal_and_ticker(key, c, F, B, S):
    sector = city = ""
    if "f" in c:
        r = F[c["f"]]
        legal, sector, city = r["name"], r["sector"], r["city"]
    elif "b" in c:
        n = B[c["b"]]["name"]
        n = re.sub(r"\s*\([A-C]\)\s*$", "", n)
        legal = n if re.search(r"A\.Ş\.?$", n) else n + " A.Ş."
    elif "s" in c:
        legal = S[c["s"]]["title"]
    else:
        legal = c["legal"]
    ticker = c.get("b") or c.get("s") or c.get("ticker") or ""
    return legal, ticker, sector, city


def selected_texts():
    ttc = load_ttc()
    return {i: ttc[i]["text"] for i in labels.L}


_TOK = re.compile(r"[a-z0-9&]+")


def norm(folded: str) -> str:
    """Folded text as space-separated tokens with padding, for whole-word phrase search."""
    return " " + " ".join(_TOK.findall(folded)) + " "


def word_in(phrase_folded: str, corpus_norm: str) -> bool:
    p = norm(phrase_folded)
    return p.strip() != "" and p in corpus_norm


def named_in_texts(name: str, corpus_folded: str) -> bool:
    """Conservative check: the core name, its first two words, or a distinctive first word occur."""
    core = core_name(name)
    words = core.split()
    if word_in(core, corpus_folded):
        return True
    if len(words) >= 2 and word_in(" ".join(words[:2]), corpus_folded):
        return True
    if words and len(words[0]) >= 4 and words[0] not in STOP_FIRST and word_in(words[0], corpus_folded):
        return True
    return False


def title_of(text: str) -> str:
    t = re.sub(r"\s+", " ", text).strip()
    first = t
    # a sentence ends at . ! ? after a word of 3+ letters that is not a roman numeral or
    # abbreviation ("Ankara 1. Ağır Ceza", "II. Abdülhamit", "St. Petersburg" do not end it)
    for m in re.finditer(r"(\S+)([.!?])(?=\s)", t):
        word = re.sub(r"[^\w]", "", m.group(1))
        if len(word) >= 3 and not word.isdigit() and not re.fullmatch(r"[IVXLC]+", word):
            first = t[:m.end()]
            break
    if len(first) > 120:
        cut = first[:120]
        first = cut[:cut.rfind(" ")] if " " in cut else cut
        first = first.rstrip(" ,;:-") + "…"
    return first


def main():
    F, B = load_fortune(), load_bist()
    S = {}
    for r in load_sec():
        S.setdefault(r["ticker"], r)
    texts = selected_texts()
    corpus = "|".join(norm(fold(t)) for t in texts.values())  # no phrase across documents
    rng = random.Random(20151)

    # ---- named companies
    rows = []
    used_sources = set()
    for key in sorted(companies.C):
        c = companies.C[key]
        legal, ticker, sector, city = legal_and_ticker(key, c, F, B, S)
        for tag, k in (("F", c.get("f")), ("B", c.get("b")), ("S", c.get("s"))):
            if k:
                used_sources.add(f"{tag}:{k}")
        lf = fold(legal)
        first = core_name(legal).split()[:1]
        aliases = []
        for a in c.get("aliases", []):
            fa = fold(a)
            if (core_name(a) == core_name(legal) or fa == lf or (first and fa == first[0])
                    or not word_in(fa, corpus)):
                continue
            if a not in aliases:
                aliases.append(a)
        rows.append(dict(key=key, legal=legal, aliases=aliases, ticker=ticker, sector=sector, city=city,
                         status=c.get("status", "active"), contact=c.get("contact", ""), group="named"))
    # about a third of the named companies without aliases
    with_alias = [r for r in rows if r["aliases"]]
    target_empty = round(EMPTY_ALIAS_SHARE * len(rows))
    need = target_empty - (len(rows) - len(with_alias))
    dropped = []
    if need > 0:
        for r in sorted(with_alias, key=lambda r: _h("alias" + r["key"]))[:need]:
            dropped.append((r["key"], r["aliases"]))
            r["aliases"] = []

    # ---- distractors: same lists, not named in any selected text
    # a company listed in both Fortune and BIST is one customer: the Fortune row takes the ticker
    abbr = {"sanayi": "san", "sanayii": "san", "ticaret": "tic", "san.": "san", "tic.": "tic"}

    def toks(n):
        return [abbr.get(w, w) for w in core_name(n).split() if w != "ve"]

    def bist_core(n):
        return toks(re.sub(r"\s*\([A-C]\)\s*$", "", n))
    fcores = {p: toks(r["name"]) for p, r in F.items()}
    f_ticker, merged = {}, set()
    for t, r in sorted(B.items()):
        bc = bist_core(r["name"])
        for p, fc in fcores.items():
            short, long_ = (bc, fc) if len(bc) <= len(fc) else (fc, bc)
            if (fc == bc or (len(short) >= 2 and long_[:len(short)] == short)) and p not in f_ticker:
                f_ticker[p] = t
                merged.add(t)
                break
    used_sources |= {f"F:{p}" for p, t in f_ticker.items() if f"B:{t}" in used_sources}
    used_sources |= {f"B:{t}" for p, t in f_ticker.items() if f"F:{p}" in used_sources}
    fort = [(f"F:{p}", r["name"], f_ticker.get(p, ""), r["sector"], r["city"]) for p, r in sorted(F.items())]
    bist = [(f"B:{t}", (r["name"] if re.search(r"A\.Ş\.?$", r["name"]) else r["name"] + " A.Ş."), t, "", "")
            for t, r in sorted(B.items()) if t not in merged]
    seen_cik, sec = set(), []
    for r in load_sec():
        if r["cik_str"] in seen_cik:
            continue
        seen_cik.add(r["cik_str"])
        sec.append((f"S:{r['ticker']}", r["title"], r["ticker"], "", ""))
    # SEC ADRs of Turkish companies duplicate Fortune/BIST rows: keep the Turkish row
    tr_heads = {" ".join(toks(n)[:2]) for n in [r["name"] for r in F.values()] + [r["name"] for r in B.values()]}
    sec = [x for x in sec if " ".join(toks(x[1])[:2]) not in tr_heads]
    named_legal = {fold(r["legal"]) for r in rows}
    named_heads = {" ".join(core_name(r["legal"]).split()[:2]) for r in rows}
    picked = []
    for group, pool in (("fortune", fort), ("bist", bist), ("sec", sec)):
        ok = [x for x in pool if x[0] not in used_sources and x[0] not in EXCLUDE_DISTRACTORS
              and fold(x[1]) not in named_legal and " ".join(core_name(x[1]).split()[:2]) not in named_heads
              and not named_in_texts(x[1], corpus)]
        if group == "sec":
            ok = ok[:2500]  # the larger SEC companies, as a bank's international book would hold
        rng.shuffle(ok)
        picked += [(group,) + x for x in ok[:N_DISTRACTORS[group]]]
    for group, src, legal, ticker, sector, city in picked:
        rows.append(dict(key=src, legal=legal, aliases=[], ticker=ticker, sector=sector, city=city,
                         status="active", contact="", group="dx:" + group))

    # ---- crm ids, managers, exposure, preferences (shuffled so ids do not reveal the group)
    rng.shuffle(rows)
    out = []
    for n, r in enumerate(rows, 1):
        crm = f"N{n:04d}"
        r["crm_id"] = crm
        contact = r["contact"]
        if not contact and n % 23 == 0:
            contact = "no_credit_offers"
        elif not contact and n % 31 == 0:
            contact = "no_phone"
        status = r["status"]
        if r["group"].startswith("dx") and n % 97 == 0:
            status = "closed"
        out.append([crm, r["legal"], "|".join(r["aliases"]), "", r["ticker"], r["sector"], r["city"],
                    MANAGERS[_h(r["key"]) % 5], str(exposure_for(r["key"])), contact, status])
    key2crm = {r["key"]: r["crm_id"] for r in rows if r["group"] == "named"}

    with open(SET_DIR / "portfolio.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(sorted(out))

    # ---- gold.jsonl
    def order(i):
        cat, rest = i.split("/")
        return (cat != "ekonomi", cat, int(re.search(r"\((\d+)\)", rest).group(1)))

    with open(SET_DIR / "gold.jsonl", "w", encoding="utf-8") as fh:
        for i in sorted(labels.L, key=order):
            labs, seen = [], set()
            for key, types, _note in labels.L[i]:
                crm = key2crm[key]
                assert crm not in seen, (i, key)
                seen.add(crm)
                labs.append({"crm_id": crm, "signals": list(types)})
            doc = {"id": i, "lang": "tr", "title": title_of(texts[i]), "text": texts[i], "url": None,
                   "published": None, "source": "ttc3600", "labels": labs}
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")

    # ---- a key -> crm map and notes for the guideline / debugging
    with open(SET_DIR / "build" / "key_map.json", "w", encoding="utf-8") as fh:
        json.dump({"named": key2crm, "aliases_dropped_for_honest_linking": dropped,
                   "distractors": {g: sum(1 for r in rows if r["group"] == "dx:" + g) for g in N_DISTRACTORS}},
                  fh, ensure_ascii=False, indent=1)
    print(f"portfolio rows {len(out)} (named {len(key2crm)}, distractors {len(out) - len(key2crm)}); "
          f"docs {len(labels.L)}; aliases emptied on purpose: {len(dropped)}; "
          f"named without aliases: {sum(1 for r in rows if r['group'] == 'named' and not r['aliases'])}")


if __name__ == "__main__":
    main()

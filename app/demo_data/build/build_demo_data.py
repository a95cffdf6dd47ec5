#!/usr/bin/env python3
"""Rebuild the offline demo data in app/demo_data/ from ../shared/data (standard library only).

    python app/demo_data/build/build_demo_data.py [--shared-data PATH]

Writes feeds/TechCrunch.xml, feeds/google_alerts_atom.xml (byte copies),
feeds/tr_ekonomi_1.xml, feeds/tr_ekonomi_2.xml, feeds/tr_ekonomi_1_windows1254.xml,
portfolio.csv, expected.md and expected.jsonl.  ATTRIBUTION.md is written by hand.
The output is deterministic: running it twice gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

import selection as S  # noqa: E402
from common import (DEMO_DIR, feed_plain_text, fold, load_bist, load_fortune, load_sec,  # noqa: E402
                    load_ttc, name_pattern, shared_data_dir)

FEEDS_DIR = DEMO_DIR / "feeds"
LINK_BASE = "https://ttc3600.example/ekonomi/"
EN_FEEDS = ["TechCrunch.xml", "google_alerts_atom.xml"]


# --------------------------------------------------------------------------- titles

_SOURCE_TAG = re.compile(r"^\s*RADİKAL\s*-?\s*", re.I)
_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"'”\u0094\u0092]*(\s|$))")


# the corpus' stray C1 characters (mis-decoded Windows-125x quotes) -> real quotes, titles only
_TITLE_QUOTES = str.maketrans({"\u0091": "\u2018", "\u0092": "\u2019", "\u0093": "\u201c",
                               "\u0094": "\u201d", "\u0096": "\u2013"})


def derive_title(text: str, limit: int = 120) -> str:
    """A headline for an item: the text's first line when that line is a headline
    (short, no final full stop, followed by a longer paragraph), else its first sentence;
    cut at about ``limit`` characters on a word boundary.  A leading 'RADİKAL -'
    source tag is dropped."""
    lines = text.split("\n")
    first = lines[0].strip()
    if (len(lines) > 1 and 8 <= len(first) <= 150 and not first.endswith((".", ",", ";", ":", "-"))
            and not _SOURCE_TAG.match(first) and len(lines[1]) >= 60):
        title = first
    else:
        flat = _SOURCE_TAG.sub("", re.sub(r"\s+", " ", text)).strip()
        m = None
        for m in _SENTENCE_END.finditer(flat):
            # skip full stops inside numbers and abbreviations (1.7, A.Ş., Dr.)
            before = flat[max(0, m.start() - 3):m.start()]
            if re.search(r"(\d|\b[A-ZÇĞİÖŞÜ]|\bDr|\bSt|\bvs)$", before):
                m = None
                continue
            break
        title = flat[:m.end()] if m else flat
    title = title.strip().translate(_TITLE_QUOTES)
    if len(title) > limit:
        cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:-–")
        title = cut + "…"
    return title


def item_link(ttc_id: str) -> str:
    return LINK_BASE + quote(ttc_id.split("/", 1)[1])


# --------------------------------------------------------------------------- feeds

def build_tr_feed(number: int, items: list[dict]) -> str:
    desc = (
        "Demo feed {n}/2 for Radar: {k} real Turkish economy news texts (category 'ekonomi') from the "
        "TTC-3600 corpus (Kılınç et al., 2017, CC BY 4.0), which its authors collected from the RSS "
        "feeds of Turkish news sites between May and July 2015 (some stories report earlier events). "
        "The corpus has no per-article dates, so items carry no pubDate. Item titles are derived "
        "(the text's first line or first sentence, cut at about 120 characters, stray control "
        "characters shown as quotes); descriptions are "
        "the full texts, unchanged; links are stable identifiers and are never fetched."
    ).format(n=number, k=len(items))
    out = io.StringIO()
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<rss version="2.0">\n<channel>\n')
    out.write(f"<title>TTC-3600 ekonomi (Radar demo {number}/2)</title>\n")
    out.write(f"<link>{escape(LINK_BASE)}</link>\n")
    out.write(f"<description>{escape(desc)}</description>\n")
    out.write("<language>tr</language>\n")
    for it in items:
        out.write("<item>\n")
        out.write(f"<title>{escape(it['title'])}</title>\n")
        out.write(f"<link>{escape(it['url'])}</link>\n")
        out.write(f'<guid isPermaLink="false">{escape(it["id"])}</guid>\n')
        out.write(f"<description>{escape(it['text'])}</description>\n")
        out.write("</item>\n")
    out.write("</channel>\n</rss>\n")
    return out.getvalue()


def to_windows1254(xml_text: str) -> bytes:
    head = '<?xml version="1.0" encoding="UTF-8"?>'
    assert xml_text.startswith(head)
    body = '<?xml version="1.0" encoding="windows-1254"?>' + xml_text[len(head):]
    # Characters windows-1254 cannot encode (the corpus' stray U+0091..U+0096) become
    # numeric character references, so the parsed content stays identical.
    return body.encode("cp1254", errors="xmlcharrefreplace")


def copy_en_feeds(shared: Path) -> None:
    index = {}
    with open(shared / "feeds" / "index.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            index[row["path"]] = row
    for name in EN_FEEDS:
        src = shared / "feeds" / "news" / name
        dst = FEEDS_DIR / name
        shutil.copyfile(src, dst)
        digest = hashlib.sha256(dst.read_bytes()).hexdigest()
        if digest != index["news/" + name]["sha256"]:
            raise SystemExit(f"{name}: sha256 differs from feeds/index.csv")


# --------------------------------------------------------------------------- portfolio

LEGAL_FORM_END = re.compile(r"(?:\s+|(?<=\.))(A\.Ş\.?|A\.S\.?|AŞ)$")


def bist_legal_name(name: str) -> str:
    name = re.sub(r"\s*\([A-Z]\)$", "", name.strip())   # share class: "İş Bankası (C)"
    name = LEGAL_FORM_END.sub("", name).strip()
    return name + " A.Ş."


def exposure_for(crm_id: str) -> int:
    """Deterministic, plausible exposure between 1 M and 500 M (TRY for TR, USD for US)."""
    h = int(hashlib.sha256(crm_id.encode()).hexdigest()[:12], 16) / 16 ** 12
    value = 1_000_000 * 10 ** (h * 2.69897)           # log-uniform 1e6 .. 5e8
    step = 100_000 if value < 50_000_000 else 1_000_000
    return int(round(value / step) * step)


def first_tokens(name: str, stop: set[str]) -> list[str]:
    words = [w for w in re.split(r"[\s,./&()\-'’]+", name) if w]
    words = [w for w in words if fold(w) not in stop] or words
    out = [words[0]]
    if len(fold(words[0])) < 4 and len(words) > 1:
        out.append(words[0] + " " + words[1])
    return out


SEC_SKIP = re.compile(r"\b(TRUST|ETF|FUND|FUNDS|ACQUISITION|PROSHARES|ISHARES|SPDR|INVESCO|PORTFOLIO|"
                      r"MERGER|CAPITAL CORP|BDC|PARTNERS LP|L\.?P\.?$|INCOME|MUNICIPAL|SPAC)\b", re.I)
GENERIC = {"the", "a", "an", "of", "and", "t", "s", "ve", "ile"}


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[^a-z0-9]+", fold(name)) if w]


def match_fortune_to_bist(fortune: dict, bist: dict) -> dict[int, str]:
    """Fortune list position -> BIST ticker, when the BIST short name is the start of exactly
    one Fortune legal name and that Fortune name starts exactly one BIST name (e.g. 'Vestel
    Elektronik' -> VESTEL ELEKTRONİK SAN. VE TİC. A.Ş.).  Single-word BIST names must be
    at least 5 letters long."""
    cand: dict[int, set[str]] = {}
    for t, b in bist.items():
        bw = _words(b["name"])
        if not bw or (len(bw) == 1 and len(bw[0]) < 5):
            continue
        hits = [p for p, f in fortune.items() if _words(f["name"])[:len(bw)] == bw]
        if len(hits) == 1:
            cand.setdefault(hits[0], set()).add(t)
    return {p: next(iter(ts)) for p, ts in cand.items() if len(ts) == 1}


def build_portfolio(shared: Path, all_text_folded: str) -> tuple[list[list[str]], dict[str, dict]]:
    fortune = load_fortune(shared)
    bist = load_bist(shared)
    sec = load_sec(shared)
    sec_by_ticker = {r["ticker"]: r for r in sec}

    rows: list[list[str]] = []
    companies: dict[str, dict] = {}   # key -> row info (for labels)

    def add(row: dict, key: str | None = None) -> None:
        rows.append([row["crm_id"], row["legal_name"], "|".join(row.get("aliases", [])), "",
                     row.get("ticker", ""), row.get("sector", ""), row.get("city", ""),
                     row["manager_email"], str(exposure_for(row["crm_id"])),
                     row.get("contact", ""), row.get("status", "active")])
        if key:
            companies[key] = row

    # (a) Turkish companies named in the selected articles
    for i, c in enumerate(S.TR_COMPANIES, 1):
        row = dict(crm_id=f"TR{i:04d}", aliases=c["aliases"], contact=c.get("contact", ""),
                   status=c.get("status", "active"), manager_email=S.TR_MANAGERS[(i - 1) % 3])
        if "fortune" in c:
            f = fortune[c["fortune"]]
            row.update(legal_name=f["name"], sector=f["sector"], city=f["city"])
        else:
            row.update(legal_name=bist_legal_name(bist[c["bist"]]["name"]))
        if c.get("bist"):
            if c["bist"] not in bist:
                raise SystemExit(f"unknown BIST ticker {c['bist']}")
            row["ticker"] = c["bist"]
        row["group"] = "tr"
        add(row, c["key"])

    # (b) SEC-listed companies named in the Turkish articles or central to the English feeds
    for i, c in enumerate(S.US_COMPANIES, 1):
        row = dict(crm_id=f"US{i:04d}", aliases=c["aliases"], contact=c.get("contact", ""),
                   status=c.get("status", "active"), manager_email=S.US_MANAGERS[(i - 1) % 2])
        if "sec" in c:
            rec = sec_by_ticker[c["sec"]]
            row.update(legal_name=rec["title"], ticker=c["sec"])
        else:
            row.update(legal_name=c["legal_name"], ticker=c["ticker"])
        row["group"] = "tr_foreign" if c["key"] in S.US_MENTIONED_IN_TR else "en"
        add(row, c["key"])

    # (c) distractors: same lists, not named in any selected text
    def named(tokens: list[str]) -> bool:
        return any(name_pattern(t).search(all_text_folded) for t in tokens)

    taken_tokens = {fold(first_tokens(r[1], GENERIC)[0]) for r in rows}
    dx: list[dict] = []

    def eligible(tokens: list[str]) -> bool:
        key = fold(tokens[0])
        return key not in taken_tokens and not named(tokens)

    stop_tr = GENERIC | {"türkiye", "turkiye", "tc", "t.c", "s.s"}
    fortune_ticker = match_fortune_to_bist(fortune, bist)
    picked = 0
    for i, pos in enumerate(sorted(fortune)):
        if picked >= S.DISTRACTORS_FORTUNE:
            break
        f = fortune[pos]
        if i % 3 != 1:
            continue
        toks = first_tokens(f["name"], stop_tr)
        dom = (f.get("web_domain") or "").split(".")[0]
        if len(dom) >= 4:
            toks.append(dom)
        if not eligible(toks):
            continue
        taken_tokens.add(fold(toks[0]))
        dx.append(dict(legal_name=f["name"], sector=f["sector"], city=f["city"],
                       ticker=fortune_ticker.get(pos, ""), src="tr"))
        picked += 1

    picked = 0
    fortune_folded = {fold(f["name"]) for f in fortune.values()}
    for i, t in enumerate(sorted(bist)):
        if picked >= S.DISTRACTORS_BIST:
            break
        b = bist[t]
        if i % 4 != 2:
            continue
        toks = first_tokens(b["name"], stop_tr) + [b["name"]]
        if not eligible(toks) or any(fold(b["name"].split()[0]) in n.split()[:1] for n in fortune_folded):
            continue
        taken_tokens.add(fold(toks[0]))
        dx.append(dict(legal_name=bist_legal_name(b["name"]), ticker=t, src="tr"))
        picked += 1

    picked = 0
    seen_cik = set()
    sec_ops = []
    for r in sec:
        if r["cik_str"] in seen_cik:
            continue
        seen_cik.add(r["cik_str"])
        if SEC_SKIP.search(r["title"]) or "-" in r["ticker"] or "/ADR" in r["title"].upper():
            continue
        sec_ops.append(r)
    for i, r in enumerate(sec_ops[:3000]):
        if picked >= S.DISTRACTORS_SEC:
            break
        if i % 20 != 3:
            continue
        toks = first_tokens(r["title"], GENERIC)
        if not eligible(toks):
            continue
        taken_tokens.add(fold(toks[0]))
        dx.append(dict(legal_name=r["title"], ticker=r["ticker"], src="us"))
        picked += 1

    # interleave the three sources so the file is not sorted by origin
    tr_dx = [d for d in dx if d["src"] == "tr"]
    us_dx = [d for d in dx if d["src"] == "us"]
    ordered = []
    while tr_dx or us_dx:
        for _ in range(3):
            if tr_dx:
                ordered.append(tr_dx.pop(0))
        for _ in range(2):
            if us_dx:
                ordered.append(us_dx.pop(0))
    tr_i = us_i = 0
    for n, d in enumerate(ordered, 1):
        if d["src"] == "tr":
            mgr = S.TR_MANAGERS[tr_i % 3]
            tr_i += 1
        else:
            mgr = S.US_MANAGERS[us_i % 2]
            us_i += 1
        add(dict(crm_id=f"DX{n:04d}", manager_email=mgr, aliases=[], group="dx", **{k: v for k, v in d.items() if k != "src"}))
    return rows, companies


# --------------------------------------------------------------------------- expected

SIGNAL_ORDER = ["patent", "capacity_increase", "expansion_tender", "incentive", "land_purchase",
                "investment_statement", "asset_sale", "complaint_surge", "fine", "lawsuit",
                "refund_problem", "insolvency"]


def write_expected(items: list[dict], companies: dict[str, dict]) -> None:
    jsonl = io.StringIO()
    for it in items:
        labels = [{"crm_id": companies[k]["crm_id"], "signals": sorted(sig, key=SIGNAL_ORDER.index)}
                  for k, sig, _ in S.LABELS[it["n"]]]
        jsonl.write(json.dumps({"id": it["id"], "lang": "tr", "title": it["title"], "text": it["text"],
                                "url": it["url"], "published": None, "source": it["feed"],
                                "labels": labels}, ensure_ascii=False) + "\n")
    (DEMO_DIR / "expected.jsonl").write_text(jsonl.getvalue(), encoding="utf-8")

    md = io.StringIO()
    w = md.write
    w("# Expected results for `radar demo` (Turkish feeds)\n\n")
    w("One annotator's reading of the selected TTC-3600 articles under the labelling rules of\n"
      "`DESIGN.md`, to help check the demo output. It is not blind evaluation data.\n"
      "`expected.jsonl` holds the same labels in the labelled-document format, so\n"
      "`radar eval --portfolio app/demo_data/portfolio.csv --gold app/demo_data/expected.jsonl`\n"
      "can score the pipeline on these 51 texts. Generated by `build/build_demo_data.py`\n"
      "from `build/selection.py`; edit there, not here.\n\n")
    n_sig = sum(1 for it in items for _, s, _ in S.LABELS[it["n"]] if s)
    n_links = sum(len(S.LABELS[it["n"]]) for it in items)
    w(f"{len(items)} articles, {n_links} (article, company) links, {n_sig} of them with a signal.\n\n")
    w("Things to watch: apostrophes and quotes in many texts are U+0091..U+0094 (mis-decoded\n"
      "Windows-1254; feedparser turns them into typographic quotes when it reads the feeds) and\n"
      "suffixes are often written without an apostrophe (`Turkcelle`, `Tofaşa`, `İş Bankasından`);\n"
      "`Lyods` is misspelt in the source; words that look like portfolio names but are not\n"
      "(`mavinin` the colour and the `Mavibahçe` mall vs Mavi, `Beşiktaş` the district,\n"
      "`Ege Perla` vs Ege Seramik, `Bimeks` vs BİM, `Kocaman`, `Koçtaş`, `Vehbi Koç Vakfı` vs\n"
      "Koç Holding, `OMV Petrol Ofisi` vs OMV AG); newspaper credits (`Hürriyet`) are mentions\n"
      "of Hürriyet Gazetecilik, e-mail addresses (`...@hurriyet.com.tr`) are not.\n\n")
    w("## Articles with a signal\n\n| article | feed | company | expected signal | why |\n|---|---|---|---|---|\n")
    rest = []
    for it in items:
        for k, sig, note in S.LABELS[it["n"]]:
            c = companies[k]
            cell = f"{c['crm_id']} {c['legal_name']}"
            if sig:
                w(f"| `{it['id']}` | {it['feed']} | {cell} | {', '.join(sig)} | {note} |\n")
            else:
                rest.append((it, cell, note))
    w("\n## Links without a signal\n\n"
      "| article | feed | company | why no signal |\n|---|---|---|---|\n")
    for it, cell, note in rest:
        w(f"| `{it['id']}` | {it['feed']} | {cell} | {note} |\n")
    w("\n## Article titles\n\n| article | feed | derived title |\n|---|---|---|\n")
    for it in items:
        w(f"| `{it['id']}` | {it['feed']} | {it['title'].replace('|', '/')} |\n")
    w("\n## English feeds (informational, not exhaustive)\n\n"
      "No item carries a signal type under the rules (IPOs, product launches, funding rounds,\n"
      "insider share sales, earnings). Companies each item is about:\n\n"
      "| feed | item | portfolio companies | note |\n|---|---|---|---|\n")
    for feed, item, keys, note in S.EN_NOTES:
        def expand(m):
            c = companies[m.group(1)]
            return f"{c['crm_id']} {c['legal_name']}"
        keys = re.sub(r"@([a-z]+)", expand, keys)
        w(f"| {feed} | {item} | {keys} | {note} |\n")
    (DEMO_DIR / "expected.md").write_text(md.getvalue(), encoding="utf-8")


# --------------------------------------------------------------------------- main

def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared-data", help="path of shared/data (default ../shared/data or $RADAR_SHARED_DATA)")
    args = ap.parse_args(argv)
    shared = shared_data_dir(args.shared_data)
    FEEDS_DIR.mkdir(parents=True, exist_ok=True)

    copy_en_feeds(shared)

    ttc = load_ttc(shared)
    items = []
    for n, feed in S.ARTICLES:
        rec = ttc[f"ekonomi/c ({n}).txt"]
        assert rec["category"] == "ekonomi"
        items.append(dict(n=n, id=rec["id"], text=rec["text"], title=derive_title(rec["text"]),
                          url=item_link(rec["id"]), feed=f"tr_ekonomi_{feed}"))
    if set(S.LABELS) != {n for n, _ in S.ARTICLES}:
        raise SystemExit("LABELS and ARTICLES disagree")
    for feed in (1, 2):
        xml = build_tr_feed(feed, [it for it in items if it["feed"] == f"tr_ekonomi_{feed}"])
        (FEEDS_DIR / f"tr_ekonomi_{feed}.xml").write_text(xml, encoding="utf-8")
        if feed == 1:
            (FEEDS_DIR / "tr_ekonomi_1_windows1254.xml").write_bytes(to_windows1254(xml))

    all_text = "\n".join(fold(it["text"]) for it in items)
    for name in EN_FEEDS:
        all_text += "\n" + fold(feed_plain_text((FEEDS_DIR / name).read_bytes()))
    rows, companies = build_portfolio(shared, all_text)
    with open(DEMO_DIR / "portfolio.csv", "w", encoding="utf-8", newline="") as fh:
        wr = csv.writer(fh, lineterminator="\n")
        wr.writerow(["crm_id", "legal_name", "aliases", "tax_number", "ticker", "sector", "city",
                     "manager_email", "exposure", "contact_preferences", "status"])
        wr.writerows(rows)

    write_expected(items, companies)
    groups = {}
    for c in companies.values():
        groups[c["group"]] = groups.get(c["group"], 0) + 1
    print(f"articles: {len(items)} (feed 1: {sum(it['feed'].endswith('1') for it in items)}, "
          f"feed 2: {sum(it['feed'].endswith('2') for it in items)})")
    print(f"portfolio rows: {len(rows)}; mentioned: {groups}; distractors: {len(rows) - len(companies)}")


if __name__ == "__main__":
    main()

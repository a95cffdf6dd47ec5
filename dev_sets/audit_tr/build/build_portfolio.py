"""Build ``../portfolio.csv``: every Fortune Türkiye 500 (2016) company plus every Borsa
İstanbul company, in the portfolio CSV format of DESIGN.md.

Standard library only, deterministic.  Nothing here looks at any news text: the portfolio is
what a bank's CRM could hold, not tailored to the audit texts.

* Fortune row: legal name, sector and city as the list gives them.
* A BIST row is merged into a Fortune row (ticker + BIST short name as alias) when, after
  Turkish-aware folding, the BIST name's words are the first words of the Fortune name
  (two words or more, or one word of 5+ letters that is the Fortune name's whole first word
  and unique among Fortune rows), or the BIST name without spaces is the stem of the Fortune
  row's web domain (``tupras.com.tr`` <-> ``Tüpraş``), or it is one of nine pairs listed in
  ``MANUAL_MERGES`` (spelling variants found by reading the two lists side by side).
* Other BIST rows: BIST name (share class dropped, one row per company) + ``A.Ş.``, ticker.
* Alias only when the BIST short name is not already the start of the legal name.
* crm_id ``A0001…`` in list order (Fortune by rank, then BIST by ticker); five managers,
  exposure and a few contact preferences deterministic per company; all ``active``.

Second file, ``../portfolio_intl.csv``: the same rows plus the 1,000 largest SEC registrants
(``sec_company_tickers.json`` in file order, which follows market value; one row per CIK; funds
and trusts kept as the file has them; rows whose first two name words equal a Turkish row's,
i.e. ADRs of Turkish companies, skipped), legal name and ticker as the SEC spells them.  It
exists because the Turkish-only portfolio yields almost no signal on these texts (most
``teknoloji`` news is about international companies); see ../README.md.

usage: python build_portfolio.py
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

BUILD = Path(__file__).resolve().parent
AUDIT = BUILD.parent
NAMES = AUDIT.parent.parent.parent / "shared" / "data" / "company_names"
HEADER = ["crm_id", "legal_name", "aliases", "tax_number", "ticker", "sector", "city", "manager_email",
          "exposure", "contact_preferences", "status"]
MANAGERS = ["ayse.yilmaz@bank.example", "mehmet.demir@bank.example", "elif.kaya@bank.example",
            "can.ozturk@bank.example", "zeynep.arslan@bank.example"]
# Same company under different spellings in the two lists (checked by reading the two name
# lists side by side; no news text involved): BIST ticker -> start of the Fortune name.
MANUAL_MERGES = {"ADESE": "ADESE ALIŞVERİŞ", "ALCTL": "ALCATEL LUCENT TELETAŞ", "BASCM": "BAŞTAŞ BAŞKENT",
                 "EREGL": "EREĞLİ DEMİR VE ÇELİK", "GOLTS": "GÖLTAŞ GÖLLER", "GSRAY": "GALATASARAY SPORTİF",
                 "KORDS": "KORDSA GLOBAL", "MAVI": "MAVİ GİYİM", "TOASO": "TOFAŞ TÜRK OTOMOBİL"}
N_SEC = 1000
_ASCII = str.maketrans({"ş": "s", "ğ": "g", "ü": "u", "ö": "o", "ç": "c", "ı": "i", "â": "a", "î": "i",
                        "û": "u", "\u0307": ""})


def fold(text: str) -> str:
    return text.replace("İ", "i").replace("I", "ı").lower().translate(_ASCII)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9&]+", fold(text))


def _h(s: str) -> int:
    return int(hashlib.sha256(s.encode()).hexdigest()[:8], 16)


def main() -> None:
    with (NAMES / "fortune_turkiye_500_2016.csv").open(encoding="utf-8", newline="") as fh:
        fortune = list(csv.DictReader(fh))
    with (NAMES / "bist_companies.csv").open(encoding="utf-8", newline="") as fh:
        bist_rows = sorted(csv.DictReader(fh), key=lambda r: r["ticker"])
    # one BIST row per company: share classes "(A)", "(B)" … collapse, the last ticker is kept
    bist: dict[str, str] = {}
    for r in bist_rows:
        name = re.sub(r"\s*\([A-D]\)\s*$", "", r["name"].strip())
        bist[name] = r["ticker"]

    first_count: dict[str, int] = {}
    for f in fortune:
        w = words(f["name"])
        if w:
            first_count[w[0]] = first_count.get(w[0], 0) + 1
    merged: dict[int, tuple[str, str]] = {}   # fortune index -> (bist name, ticker)
    used: set[str] = set()
    for name, ticker in sorted(bist.items(), key=lambda kv: kv[1]):
        if ticker in MANUAL_MERGES:
            k = next(k for k, f in enumerate(fortune) if f["name"].startswith(MANUAL_MERGES[ticker]))
            merged[k] = (name, ticker)
            used.add(name)
    for name, ticker in sorted(bist.items(), key=lambda kv: kv[1]):
        if name in used:
            continue
        bw = words(name)
        if not bw:
            continue
        for k, f in enumerate(fortune):
            if k in merged:
                continue
            fw = words(f["name"])
            stem = fold(f["web_domain"]).split(".")[0] if f["web_domain"] else ""
            prefix = fw[:len(bw)] == bw and (len(bw) >= 2 or (len(bw[0]) >= 5 and first_count[bw[0]] == 1))
            domain = bool(stem) and "".join(bw) == stem
            if prefix or domain:
                merged[k] = (name, ticker)
                used.add(name)
                break

    rows = []
    for k, f in enumerate(fortune):
        legal = f["name"].strip()
        alias, ticker = "", ""
        if k in merged:
            short, ticker = merged[k]
            if words(legal)[:len(words(short))] != words(short):
                alias = short
        rows.append(("F" + f["list_position"], legal, alias, ticker, f["sector"], f["city"]))
    for name, ticker in sorted(bist.items(), key=lambda kv: kv[1]):
        if name in used:
            continue
        legal = name if re.search(r"A\.Ş\.?$", name) else name + " A.Ş."
        rows.append(("B" + ticker, legal, "", ticker, "", ""))

    write(AUDIT / "portfolio.csv", rows)
    with (NAMES / "sec_company_tickers.json").open(encoding="utf-8") as fh:
        sec = json.load(fh)
    tr_heads = {" ".join(words(r[1])[:2]) for r in rows}
    seen_cik: set[int] = set()
    intl = list(rows)
    for k in sorted(sec, key=int):
        r = sec[k]
        if r["cik_str"] in seen_cik or " ".join(words(r["title"])[:2]) in tr_heads:
            continue
        seen_cik.add(r["cik_str"])
        intl.append(("S" + r["ticker"], r["title"], "", r["ticker"], "", ""))
        if len(intl) - len(rows) == N_SEC:
            break
    write(AUDIT / "portfolio_intl.csv", intl)
    print(f"{len(rows)} companies: {len(fortune)} Fortune ({len(merged)} merged with BIST), "
          f"{len(rows) - len(fortune)} BIST only; portfolio_intl.csv: {len(intl)} (+{len(intl) - len(rows)} SEC)")
    for k in sorted(merged):
        print(f"  merged: {fortune[k]['name']}  <-  {merged[k][0]} ({merged[k][1]})")


def write(path: Path, rows: list[tuple[str, str, str, str, str, str]]) -> None:
    out = []
    for n, (key, legal, alias, ticker, sector, city) in enumerate(rows, 1):
        contact = "no_credit_offers" if n % 23 == 0 else ("no_phone" if n % 31 == 0 else "")
        exposure = 1_000_000 + (_h(key) % 499) * 1_000_000 + (_h(key + "k") % 1000) * 1000
        out.append([f"A{n:04d}", legal, alias, "", ticker, sector, city, MANAGERS[_h(key) % 5],
                    str(exposure), contact, "active"])
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(out)


if __name__ == "__main__":
    main()

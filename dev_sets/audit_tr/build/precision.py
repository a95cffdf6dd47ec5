"""Re-run Radar's production pipeline over the audit sample and score it against the verdicts.

* Texts: the ids in ``../sample_ids.json`` (written by ``select_texts.py``), read from
  ``shared/data/ttc3600/ttc3600.jsonl`` and turned into labelled documents with empty labels
  (``lang`` tr, ``title`` = first sentence as in ``dev_sets/tr_news``).
* Pipeline: the same steps as ``app.evaluation.evaluate`` (``radar eval``), by import: a
  temporary SQLite database, ``upgrade``, ``import_portfolio``,
  ``evaluation._store_documents`` (portfolio: ``../portfolio_intl.csv`` unless ``--portfolio``), ``signals.pipeline.process`` with ``app.nlp.classifier()``
  and ``build_index``; then every ``Signal`` and ``Mention`` row is read back (with probability
  and evidence, which ``evaluate`` does not return).
* Verdicts: ``../verdicts.jsonl``, keyed by (id, company legal name, type), judged by hand.
  Precision = correct / judged predictions; predictions without a verdict are listed so the
  audit can be topped up; verdicts whose prediction is gone are counted separately.
* Links: ``../link_verdicts.jsonl`` (id, company, link right|wrong), judged by hand for the
  sample; link precision over judged (document, company) pairs, unjudged pairs counted.

usage: python precision.py [--frame sample|unseen_all] [--portfolio P.csv] [--predictions OUT.jsonl] [--links OUT.jsonl] [--json]
(run with the project's venv from anywhere; RADAR_USE_TRAINED_MODELS is honoured as in production)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

BUILD = Path(__file__).resolve().parent
AUDIT = BUILD.parent
REPO = AUDIT.parent.parent
SHARED = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO))

from sqlmodel import Session, select  # noqa: E402

from app import evaluation  # noqa: E402
from app.db import make_engine, upgrade  # noqa: E402
from app.nlp import classifier  # noqa: E402
from app.settings import Settings  # noqa: E402
from signals.models import Company, Mention, Signal  # noqa: E402
from signals.pipeline import build_index, process  # noqa: E402
from signals.portfolio import import_portfolio, parse_portfolio  # noqa: E402

NOW = datetime(2026, 11, 23, tzinfo=UTC)
VERDICTS = ("correct", "wrong_type", "wrong_company", "not_asserted", "not_a_signal")


def title_of(text: str) -> str:
    """First sentence, cut near 120 characters (the convention of dev_sets/tr_news)."""
    t = re.sub(r"\s+", " ", text).strip()
    first = t
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


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def frame_ids(frame: str) -> list[str]:
    """``sample``: the 400 audit texts; ``unseen_all``: every TTC-3600 text of any category that
    is in none of the dev set, the demo set and the training articles (supplementary frame)."""
    if frame == "sample":
        return json.loads((AUDIT / "sample_ids.json").read_text(encoding="utf-8"))["ids"]
    seen = ({r["id"] for r in _jsonl(REPO / "dev_sets" / "tr_news" / "gold.jsonl")}
            | {r["id"] for r in _jsonl(REPO / "app" / "demo_data" / "expected.jsonl")}
            | {r["article"] for r in _jsonl(REPO / "train_data" / "tr" / "sentences.jsonl")})
    return [r["id"] for r in _jsonl(SHARED / "ttc3600" / "ttc3600.jsonl") if r["id"] not in seen]


def documents(frame: str = "sample") -> list[dict]:
    ids = frame_ids(frame)
    ttc = {r["id"]: r["text"] for r in _jsonl(SHARED / "ttc3600" / "ttc3600.jsonl")}
    return [{"id": i, "lang": "tr", "title": title_of(ttc[i]), "text": ttc[i], "url": None,
             "published": None, "source": "ttc3600", "labels": []} for i in ids]


def run_pipeline(portfolio: Path, frame: str = "sample") -> tuple[list[dict], list[dict], list[dict]]:
    """(documents, links, signals) from the production pipeline, as radar eval runs it."""
    docs = documents(frame)
    with tempfile.TemporaryDirectory(prefix="radar-audit-") as tmp:
        gold = Path(tmp) / "gold.jsonl"
        gold.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        records = evaluation.read_gold(gold)
        engine = make_engine(f"sqlite:///{Path(tmp) / 'audit.db'}")
        upgrade(engine)
        with Session(engine, expire_on_commit=False) as session:
            import_portfolio(session=session,
                             rows=parse_portfolio(portfolio.read_bytes()), now=NOW)
            ids = evaluation._store_documents(session, records, NOW)
            use_models = Settings().use_trained_models
            process(session=session, now=NOW, classifier=classifier(use_models), index=build_index(session))
            names = {c.id: (c.crm_id, c.legal_name) for c in session.exec(select(Company))}
            links = [{"id": ids[m.document_id], "crm_id": names[m.company_id][0],
                      "company": names[m.company_id][1], "surface": m.surface, "method": m.method,
                      "confidence": round(m.confidence, 3)}
                     for m in session.exec(select(Mention).order_by(Mention.id))]
            signals = [{"id": ids[s.document_id], "crm_id": names[s.company_id][0],
                        "company": names[s.company_id][1], "type": s.type,
                        "probability": round(s.probability, 3), "cue": s.cue, "evidence": s.evidence}
                       for s in session.exec(select(Signal).order_by(Signal.id))
                       if s.type not in evaluation.UNSCORED_TYPES]
            session.commit()
        engine.dispose()
    return docs, links, signals


def read_verdicts() -> dict[tuple[str, str, str], dict]:
    path = AUDIT / "verdicts.jsonl"
    out: dict[tuple[str, str, str], dict] = {}
    if path.exists():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            v = json.loads(line)
            assert v["verdict"] in VERDICTS, f"verdicts.jsonl:{n}: unknown verdict {v['verdict']!r}"
            key = (v["id"], v["company"], v["type"])
            assert key not in out, f"verdicts.jsonl:{n}: duplicate {key}"
            out[key] = v
    return out


def read_link_verdicts() -> dict[tuple[str, str], dict]:
    path = AUDIT / "link_verdicts.jsonl"
    return {(v["id"], v["company"]): v for v in _jsonl(path)} if path.exists() else {}


def report(docs: list[dict], links: list[dict], signals: list[dict]) -> dict:
    in_frame = {d["id"] for d in docs}
    verdicts = {k: v for k, v in read_verdicts().items() if k[0] in in_frame}
    link_verdicts = read_link_verdicts()
    pairs = sorted({(m["id"], m["company"]) for m in links})
    judged_links = [link_verdicts[k] for k in pairs if k in link_verdicts]
    right_links = sum(1 for v in judged_links if v["link"] == "right")
    # one prediction per (document, company, type), as radar eval counts them
    best: dict[tuple[str, str, str], dict] = {}
    for s in signals:
        key = (s["id"], s["company"], s["type"])
        if key not in best or s["probability"] > best[key]["probability"]:
            best[key] = s
    judged = {k: verdicts[k] for k in best if k in verdicts}
    unjudged = [best[k] for k in sorted(best) if k not in verdicts]
    stale = sorted(k for k in verdicts if k not in best)
    per_type: dict[str, Counter] = {}
    for (_, _, t), v in judged.items():
        per_type.setdefault(t, Counter())[v["verdict"]] += 1
    correct = sum(1 for v in judged.values() if v["verdict"] == "correct")

    def p(c: int, n: int) -> float | None:
        return round(c / n, 3) if n else None

    return {
        "documents": len(docs),
        "linked_documents": len({m["id"] for m in links}),
        "links": len(pairs),
        "links_judged": len(judged_links),
        "links_right": right_links,
        "link_precision": p(right_links, len(judged_links)),
        "links_unjudged": [list(k) for k in pairs if k not in link_verdicts],
        "predicted_signals": len(best),
        "documents_with_signals": len({k[0] for k in best}),
        "judged": len(judged),
        "correct": correct,
        "precision": p(correct, len(judged)),
        "verdicts": dict(Counter(v["verdict"] for v in judged.values()).most_common()),
        "per_type": {t: {"predicted": sum(c.values()), "correct": c["correct"],
                         "precision": p(c["correct"], sum(c.values())), "verdicts": dict(c)}
                     for t, c in sorted(per_type.items(), key=lambda kv: -sum(kv[1].values()))},
        "unjudged": [{k: s[k] for k in ("id", "company", "type", "probability", "evidence")} for s in unjudged],
        "verdicts_without_prediction": [list(k) for k in stale],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--portfolio", type=Path, default=AUDIT / "portfolio_intl.csv",
                    help="portfolio CSV (default ../portfolio_intl.csv; ../portfolio.csv = Turkish companies only)")
    ap.add_argument("--frame", choices=("sample", "unseen_all"), default="sample",
                    help="sample = the 400 audit texts (default); unseen_all = every unseen TTC-3600 text")
    ap.add_argument("--predictions", type=Path, help="also write every prediction (with evidence) here")
    ap.add_argument("--links", type=Path, help="also write every mention here")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args()
    docs, links, signals = run_pipeline(args.portfolio, args.frame)
    if args.predictions:
        args.predictions.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in signals),
                                    encoding="utf-8")
    if args.links:
        args.links.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in links), encoding="utf-8")
    r = report(docs, links, signals)
    if args.json:
        print(json.dumps(r, ensure_ascii=False, indent=1))
        return
    print(f"documents {r['documents']}, linked {r['linked_documents']} ({r['links']} links), "
          f"predicted signals {r['predicted_signals']} in {r['documents_with_signals']} documents")
    print(f"links judged {r['links_judged']} of {r['links']}: right {r['links_right']}, "
          f"link precision {r['link_precision']}; {len(r['links_unjudged'])} links without a link verdict")
    print(f"signals judged {r['judged']}: correct {r['correct']}, precision {r['precision']}  {r['verdicts']}")
    for t, c in r["per_type"].items():
        print(f"  {t:22s} {c['correct']:3d} / {c['predicted']:3d}  P {c['precision']}  {c['verdicts']}")
    if r["unjudged"]:
        print(f"\n{len(r['unjudged'])} predictions without a verdict (add them to verdicts.jsonl):")
        for s in r["unjudged"]:
            print(f"  {s['id']} | {s['company']} | {s['type']} | p={s['probability']} | {s['evidence'][:160]!r}")
    if r["verdicts_without_prediction"]:
        print(f"\n{len(r['verdicts_without_prediction'])} verdicts whose prediction the pipeline no longer makes:")
        for k in r["verdicts_without_prediction"]:
            print("  " + " | ".join(k))


if __name__ == "__main__":
    main()

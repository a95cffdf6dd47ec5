"""`radar train`: build training sentences from the repository's data and train per language.

English: SENTiVENT silver sentences (../shared/data/sentivent_silver/documents.jsonl),
labelled from their event annotations by the mapping in shared/data/sentivent_silver/
mapping.md (factual events only); documents of the held-out evaluation sample are left out.
Turkish: the hand-labelled sentences in train_data/tr/sentences.jsonl (texts in the repo).
The models are written to signals/data/models/ and committed.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from signals import textcat
from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy
from signals.pipeline import SIGNAL_THRESHOLD
from signals.textcat import Sentence

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
EVAL_SAMPLE = ROOT / "tests" / "fixtures" / "eval" / "sentivent_eval_sample.jsonl"
TURKISH = ROOT / "train_data" / "tr" / "sentences.jsonl"
_FINE = re.compile(r"\b(fine|fined|fines|penalt)", re.I)
_LAND = re.compile(r"\b(land|acre|acreage|plot)", re.I)
_SALE = re.compile(r"\b(sell|sold|sale|divest|spin|spun)", re.I)
_CAPITAL = re.compile(r"\b(invest|capital|capex|spend|build|plant|facility|network)", re.I)
_STAKE = re.compile(r"\b(stake|shares|equity)\b", re.I)


def english_sentences(
    documents: Path = SHARED / "sentivent_silver" / "documents.jsonl",
) -> list[Sentence]:
    """SENTiVENT sentences with Radar types from their factual events."""
    held_out = {json.loads(line)["id"].removeprefix("sentivent-") for line in EVAL_SAMPLE.open()}
    out: list[Sentence] = []
    for line in documents.open(encoding="utf-8"):
        document = json.loads(line)
        if document["document_id"] in held_out:
            continue
        labels: dict[int, set[str]] = {}
        for event in document["events"]:
            if event.get("negative_polarity") or event.get("other_modality"):
                continue
            index = event["sentence"]
            radar = _radar_type(event, document["sentences"][index])
            if radar:
                labels.setdefault(index, set()).add(radar)
        out += [
            Sentence(text, frozenset(labels.get(i, set())))
            for i, text in enumerate(document["sentences"])
        ]
    return out


def _radar_type(event: dict[str, Any], sentence: str) -> str | None:
    kind, subtype = event["type"], event.get("subtype")
    if kind == "Legal" and subtype in ("Proceeding", "Appeal"):
        return "lawsuit"
    if kind == "Legal" and subtype == "Conviction/Settlement":
        return "fine" if _FINE.search(sentence) else "lawsuit"
    if kind == "Facility" and subtype == "Open":
        return "land_purchase" if _LAND.search(sentence) else "capacity_increase"
    if kind == "Investment" and _CAPITAL.search(sentence) and not _STAKE.search(sentence):
        return "land_purchase" if _LAND.search(sentence) else "investment_statement"
    if kind == "Merger/Acquisition" and _SALE.search(sentence):
        return "asset_sale"
    return None


def turkish_sentences(path: Path = TURKISH) -> list[Sentence]:
    """Hand-labelled Turkish sentences."""
    if not path.exists():
        return []
    return [
        Sentence(record["text"], frozenset(record["labels"]))
        for record in map(json.loads, path.open(encoding="utf-8"))
    ]


def train_all(out: Path = textcat.MODELS) -> dict[str, dict[str, Any]]:
    """Train every language that has data and save the models to `out`.

    Each report row scores a model trained on 80 % of the sentences against the other
    20 % (seeded split); the saved model is then trained on all of them.
    """
    types = set(load_taxonomy().types) - {"complaint_surge"}
    report: dict[str, dict[str, Any]] = {}
    for lang, sentences in (("en", english_sentences()), ("tr", turkish_sentences())):
        if not sentences:
            continue
        shuffled = list(sentences)
        random.Random(textcat.SEED).shuffle(shuffled)
        cut = len(shuffled) // 5
        held, rest = shuffled[:cut], shuffled[cut:]
        scored = textcat.train(rest, types)
        scores = textcat.evaluate(scored, held)
        trusted = types_the_model_improves(scored, held, lang)
        final = textcat.train(sentences, types)
        final.meta.update(
            {
                "lang": lang,
                "held_out_20pct": scores,
                "trusted": sorted(trusted),
                "seed": textcat.SEED,
            }
        )
        final.save(textcat.model_path(lang, out))
        positives = sum(bool(s.labels) for s in sentences)
        report[lang] = {
            "sentences": len(sentences),
            "positives": positives,
            **scores,
            "re-weighs": sorted(trusted),
        }
    return report


def types_the_model_improves(
    model: textcat.SentenceModel, held: list[Sentence], lang: str
) -> set[str]:
    """Types whose sentence-level F1 on held-out sentences is at least as good with the
    model re-weighing the cue hits as with the cue rules alone (and that the rules hit at
    all there): the model is only let loose where it has shown it helps."""
    taxonomy = load_taxonomy()
    rules = CueClassifier(taxonomy)
    with_model = CueClassifier(taxonomy, {lang: model})
    texts = [(s.text, lang) for s in held]
    counts: dict[str, list[Counter[str]]] = {}
    for name, classifier in (("rules", rules), ("model", with_model)):
        tally: list[Counter[str]] = [Counter(), Counter(), Counter()]  # tp, fp, fn
        for sentence, hits in zip(held, classifier.classify_many(texts), strict=True):
            found = {h.type for h in hits if h.probability >= SIGNAL_THRESHOLD}
            tally[0].update(found & sentence.labels)
            tally[1].update(found - sentence.labels)
            tally[2].update(sentence.labels - found)
        counts[name] = tally

    def f1(name: str, t: str) -> float:
        tp, fp, fn = (c[t] for c in counts[name])
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    hit_by_rules = {t for t in model.trusted if counts["rules"][0][t] + counts["rules"][1][t]}
    return {t for t in hit_by_rules if f1("model", t) >= f1("rules", t)}

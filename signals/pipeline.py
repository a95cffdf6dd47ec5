"""process(): link → classify → score every unprocessed document; reruns change nothing."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session, col, func, select, update

from collectors.models import Document, Source, Story
from collectors.upsert import insert_ignore
from signals.attribution import attribute
from signals.classify import CueClassifier, CueHit
from signals.language import guess_language
from signals.matching import CompanyRecord, NameHit, NameIndex
from signals.models import Company, Mention, Signal
from signals.scoring import ScoreInputs, score
from signals.sentences import sentence_starts

log = logging.getLogger("radar.signals")

LINK_THRESHOLD = 0.5
SIGNAL_THRESHOLD = 0.5
NOVELTY_WINDOW = timedelta(days=30)
# How sure a signal is of its company when it goes to the complaint's subject
# (see _complaint_subject).
SUBJECT_CERTAINTY = 0.8


@dataclass
class ProcessReport:
    """Counts from one processing run."""

    documents: int = 0
    mentions: int = 0
    signals: int = 0
    by_type: Counter[str] = field(default_factory=Counter)


def build_index(session: Session) -> NameIndex:
    """The name automaton over every company in the portfolio (names, tickers, tax numbers)."""
    table = Company.__table__  # type: ignore[attr-defined]
    c = table.c
    query = table.select().with_only_columns(c.id, c.legal_name, c.aliases, c.ticker, c.tax_number)
    return NameIndex.build(CompanyRecord(*row) for row in session.execute(query))


def document_text(title: str, text: str) -> str:
    """Title and body as one text (mention offsets point into it); the title is a sentence."""
    if not title:
        return text
    end = "" if title.rstrip()[-1:] in ".!?:" else "."
    return f"{title.rstrip()}{end}\n{text}"


def link(index: NameIndex, text: str, language: str | None = None) -> list[NameHit]:
    """Mentions confident enough to keep; `language` ("tr", "en") as the source gave it,
    else guessed from the text."""
    known = language if language in ("tr", "en") else None
    return [hit for hit in index.find(text, known) if hit.confidence >= LINK_THRESHOLD]


def process(
    *,
    session: Session,
    now: datetime,
    classifier: CueClassifier,
    index: NameIndex,
    batch_size: int = 200,
    progress: Callable[[int], None] | None = None,
) -> ProcessReport:
    """Link, classify and score every document not processed yet."""
    report = ProcessReport()
    facts = _Facts(session)
    while True:
        batch = session.exec(
            select(Document)
            .where(col(Document.processed_at).is_(None))
            .order_by(col(Document.id))
            .limit(batch_size)
        ).all()
        if not batch:
            break
        linked = []
        for document in batch:
            text = document_text(document.title, document.text)
            hits = link(index, text, document.language)
            if hits:
                linked.append((document, text, hits))
        # One statement per batch for the mentions and one for "processed": a statement per
        # document was most of process()'s time (bench/process.py).
        rows = [_mention_row(document, hit) for document, _, hits in linked for hit in hits]
        insert_ignore(session, Mention, rows, keys=["document_id", "company_id", "start"])
        report.mentions += len(rows)
        languages = [d.language or guess_language(text) for d, text, _ in linked]
        cues = classifier.classify_many(
            [(text, lang) for (_, text, _), lang in zip(linked, languages, strict=True)]
        )
        for (document, text, hits), language, found in zip(linked, languages, cues, strict=True):
            _store_signals(facts, document, text, hits, language, found, classifier, now, report)
        session.execute(
            update(Document)
            .where(col(Document.id).in_([document.id for document in batch]))
            .values(processed_at=now)
        )
        report.documents += len(batch)
        if progress:
            progress(len(batch))
    log.info(
        "processed %d documents: %d mentions, %d signals",
        report.documents,
        report.mentions,
        report.signals,
    )
    return report


def _mention_row(document: Document, hit: NameHit) -> dict[str, object]:
    return {
        "document_id": document.id,
        "company_id": hit.company_id,
        "start": hit.start,
        "end": hit.end,
        "surface": hit.surface[:500],
        "method": hit.method,
        "confidence": round(hit.confidence, 4),
        "explanation": hit.explanation[:500],
    }


class _Facts:
    """Source reliability and company exposure, each read once per process() run."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._reliability: dict[int, float] = {}
        self._exposure: dict[int, float | None] = {}

    def reliability(self, source_id: int) -> float:
        if source_id not in self._reliability:
            source = self.session.get(Source, source_id)
            self._reliability[source_id] = source.reliability if source else 0.5
        return self._reliability[source_id]

    def exposure(self, company_id: int) -> float | None:
        if company_id not in self._exposure:
            company = self.session.get(Company, company_id)
            self._exposure[company_id] = company.exposure if company else None
        return self._exposure[company_id]


def _store_signals(
    facts: _Facts,
    document: Document,
    text: str,
    hits: list[NameHit],
    language: str,
    cues: list[CueHit],
    classifier: CueClassifier,
    now: datetime,
    report: ProcessReport,
) -> None:
    """Give each cue to its companies and keep the surest cue per (company, type)."""
    starts = sentence_starts(text)
    best: dict[tuple[int, str], tuple[CueHit, NameHit, float]] = {}
    for cue in cues:
        previous = _previous_start(starts, cue.sentence_start)
        owners = attribute(cue, hits, previous, text, language)
        if not owners and classifier.taxonomy.types[cue.type].title_fallback:
            owners = _complaint_subject(cue, hits, starts)
        for mention, certainty in owners:
            probability = cue.probability * certainty
            key = (mention.company_id, cue.type)
            if probability >= SIGNAL_THRESHOLD and (key not in best or best[key][2] < probability):
                best[key] = (cue, mention, probability)
    for (company_id, signal_type), (cue, mention, probability) in best.items():
        link_confidence = max(h.confidence for h in hits if h.company_id == company_id)
        weight = classifier.taxonomy.types[signal_type].weight
        _store_signal(
            facts, document, company_id, cue, mention, probability, link_confidence, weight, now
        )
        report.signals += 1
        report.by_type[signal_type] += 1


def _complaint_subject(
    cue: CueHit, hits: list[NameHit], sentence_starts: Sequence[int]
) -> list[tuple[NameHit, float]]:
    """For a cue in a sentence that names no company, the company a complaint is about: the
    one its title (first sentence) names, else the one it names most often, the first named
    on a tie ("… param iade edilmedi" in a complaint about X Bankası)."""
    if not hits or any(cue.sentence_start <= h.start < cue.sentence_end for h in hits):
        return []
    title_end = sentence_starts[1] if len(sentence_starts) > 1 else 0
    in_title = {h.company_id: h for h in hits if h.start < title_end}
    if len(in_title) == 1:
        return [(next(iter(in_title.values())), SUBJECT_CERTAINTY)]
    counts = Counter(h.company_id for h in hits)
    first: dict[int, NameHit] = {}
    for h in hits:
        first.setdefault(h.company_id, h)
    subject = max(first, key=lambda company: (counts[company], -first[company].start))
    return [(first[subject], SUBJECT_CERTAINTY)]


def _previous_start(sentence_starts: Sequence[int], start: int) -> int | None:
    earlier = [s for s in sentence_starts if s < start]
    return earlier[-1] if earlier else None


def _store_signal(
    facts: _Facts,
    document: Document,
    company_id: int,
    cue: CueHit,
    mention: NameHit,
    probability: float,
    link_confidence: float,
    type_weight: float,
    now: datetime,
) -> None:
    session = facts.session
    story = session.get(Story, document.story_id) if document.story_id else None
    occurred_at = document.published_at or document.fetched_at
    recent = session.exec(
        select(func.count())
        .select_from(Signal)
        .where(Signal.company_id == company_id, Signal.type == cue.type)
        .where(Signal.document_id != document.id)
        .where(col(Signal.occurred_at) >= occurred_at - NOVELTY_WINDOW)
        .where(col(Signal.occurred_at) <= occurred_at)
    ).one()
    value, factors = score(
        ScoreInputs(
            kind=cue.kind,
            type_weight=type_weight,
            probability=round(probability, 4),
            link_confidence=round(link_confidence, 4),
            source_reliability=facts.reliability(document.source_id),
            recent_same_type=int(recent),
            source_count=story.source_count if story else 1,
            exposure=facts.exposure(company_id),
        )
    )
    mention_id = session.exec(
        select(Mention.id).where(
            Mention.document_id == document.id,
            Mention.company_id == company_id,
            Mention.start == mention.start,
        )
    ).first()
    insert_ignore(
        session,
        Signal,
        [
            {
                "document_id": document.id,
                "company_id": company_id,
                "mention_id": mention_id,
                "story_id": document.story_id,
                "kind": cue.kind,
                "type": cue.type,
                "probability": round(probability, 4),
                "evidence": cue.sentence[:2000],
                "cue": cue.cue[:200],
                "score": value,
                "factors": factors,
                "occurred_at": occurred_at,
                "created_at": now,
            }
        ],
        keys=["document_id", "company_id", "type"],
    )

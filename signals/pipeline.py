"""process(): link → classify → score every unprocessed document; reruns change nothing."""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.pool
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from multiprocessing.pool import AsyncResult

from sqlalchemy import Connection, Engine
from sqlmodel import Session, col, func, select, update

from collectors.models import Document, Source, Story
from collectors.upsert import insert_ignore
from signals.attribution import attribute
from signals.classify import CueClassifier, CueHit
from signals.language import guess_language
from signals.matching import NameHit, NameIndex
from signals.models import Company, Mention, Signal
from signals.name_cache import stored_entries
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
    """The name automaton over every company in the portfolio (names, tickers, tax numbers),
    from the names derived at an earlier build where a company's names are unchanged."""
    entries = stored_entries(session)
    log.info("name index: %d companies", len(entries))
    return NameIndex.from_stored(entries)


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
    workers: int = 1,
) -> ProcessReport:
    """Link, classify and score every document not processed yet.

    With workers > 1 the pure half of each batch (linking, classification, attribution: see
    _analyse) runs in that many forked processes, which inherit the index and classifier
    (never pickled) and never touch the database; this process keeps every read and write, in
    the same order as with one worker, so the results are the same. Forking a process with
    other threads is unsafe (a lock another thread holds stays held in the child): `radar
    process --workers N` may (its only other thread draws the progress bar, which the workers
    never touch); the server's scheduled job runs in a thread of a multi-threaded process
    (scheduler, API) and must stay at 1, the default.
    """
    report = ProcessReport()
    facts = _Facts(session)
    # Started before any document is read; the children drop their copy of the engine's
    # connection pool at once (_start_worker) and never use the session.
    pool = _worker_pool(session, index, classifier, workers) if workers > 1 else None
    try:
        batches = _unprocessed_batches(session, batch_size)
        if pool is None:
            analysed: Iterator[tuple[list[Document], list[_Analysis]]] = (
                (batch, _analyse(index, classifier, _plain(batch))) for batch in batches
            )
        else:
            analysed = _analysed_in_order(pool, batches, ahead=2 * workers)
        for batch, analyses in analysed:
            _store_batch(facts, batch, analyses, now, report)
            if progress:
                progress(len(batch))
    except BaseException:
        if pool is not None:
            pool.terminate()
        raise
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    log.info(
        "processed %d documents: %d mentions, %d signals",
        report.documents,
        report.mentions,
        report.signals,
    )
    return report


def _unprocessed_batches(session: Session, batch_size: int) -> Iterator[list[Document]]:
    """Unprocessed documents in id order, batch_size at a time. Keyed on the last id read
    rather than on processed_at alone, so that batches can be read before the earlier ones
    are stored (a worker pool reads ahead); the batches are those of reading after storing."""
    last = 0
    while True:
        batch = list(
            session.exec(
                select(Document)
                .where(col(Document.processed_at).is_(None), col(Document.id) > last)
                .order_by(col(Document.id))
                .limit(batch_size)
            ).all()
        )
        if not batch:
            return
        yield batch
        last = batch[-1].id or 0


# What a worker gets for each document of a batch: (title, text, language).
_PlainDocument = tuple[str, str, str | None]


def _plain(batch: Sequence[Document]) -> list[_PlainDocument]:
    return [(document.title, document.text, document.language) for document in batch]


@dataclass(frozen=True)
class _Decision:
    """A signal to store: the surest cue of its type for a company (see _decide)."""

    company_id: int
    cue: CueHit
    mention: NameHit
    probability: float
    link_confidence: float
    type_weight: float


@dataclass(frozen=True)
class _Analysis:
    """What the database-free half of process() found in one document."""

    hits: list[NameHit]
    decisions: list[_Decision]


def _analyse(
    index: NameIndex, classifier: CueClassifier, documents: Sequence[_PlainDocument]
) -> list[_Analysis]:
    """Link, classify and attribute a batch: pure (no database), so a worker can do it."""
    texts = [document_text(title, text) for title, text, _ in documents]
    languages_given = [language for _, _, language in documents]
    hits = [link(index, t, lang) for t, lang in zip(texts, languages_given, strict=True)]
    linked = [i for i, found in enumerate(hits) if found]
    languages = [languages_given[i] or guess_language(texts[i]) for i in linked]
    cues = classifier.classify_many(
        [(texts[i], language) for i, language in zip(linked, languages, strict=True)]
    )
    decisions: list[list[_Decision]] = [[] for _ in documents]
    for i, language, found in zip(linked, languages, cues, strict=True):
        decisions[i] = _decide(texts[i], hits[i], language, found, classifier)
    return [_Analysis(h, d) for h, d in zip(hits, decisions, strict=True)]


# The index and classifier in a worker process, set by _start_worker.
_worker_state: tuple[NameIndex, CueClassifier] | None = None


def _worker_pool(
    session: Session, index: NameIndex, classifier: CueClassifier, workers: int
) -> multiprocessing.pool.Pool:
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    # With fork the initializer's arguments are inherited, not pickled (copy-on-write).
    return multiprocessing.get_context("fork").Pool(
        workers, initializer=_start_worker, initargs=(index, classifier, engine)
    )


def _start_worker(index: NameIndex, classifier: CueClassifier, engine: Engine) -> None:
    global _worker_state
    # The parent's pooled connections are not this process's to use or close: a fresh pool,
    # the old one dropped unclosed (SQLAlchemy's recipe for fork; psycopg closes nothing from
    # another process). The workers never open a connection from it either.
    engine.dispose(close=False)
    _worker_state = (index, classifier)


def _analyse_in_worker(documents: list[_PlainDocument]) -> list[_Analysis]:
    assert _worker_state is not None, "called outside a process() worker"
    return _analyse(*_worker_state, documents)


def _analysed_in_order(
    pool: multiprocessing.pool.Pool, batches: Iterator[list[Document]], ahead: int
) -> Iterator[tuple[list[Document], list[_Analysis]]]:
    """Each batch with its analysis, in batch order, keeping up to `ahead` batches with the
    workers. The batches are read here, in the caller's thread (imap would read them in the
    pool's feeder thread, concurrently with the caller's writes on the same session)."""
    pending: deque[tuple[list[Document], AsyncResult[list[_Analysis]]]] = deque()
    for batch in batches:
        pending.append((batch, pool.apply_async(_analyse_in_worker, (_plain(batch),))))
        if len(pending) >= ahead:
            done, result = pending.popleft()
            yield done, result.get()
    while pending:
        done, result = pending.popleft()
        yield done, result.get()


def _store_batch(
    facts: _Facts,
    batch: list[Document],
    analyses: list[_Analysis],
    now: datetime,
    report: ProcessReport,
) -> None:
    """Mentions, signals and "processed" for one analysed batch."""
    session = facts.session
    # One statement per batch for the mentions and one for "processed": a statement per
    # document was most of process()'s time (bench/process.py).
    rows = [
        _mention_row(document, hit)
        for document, analysis in zip(batch, analyses, strict=True)
        for hit in analysis.hits
    ]
    insert_ignore(session, Mention, rows, keys=["document_id", "company_id", "start"])
    report.mentions += len(rows)
    for document, analysis in zip(batch, analyses, strict=True):
        for decision in analysis.decisions:
            _store_signal(facts, document, decision, now)
            report.signals += 1
            report.by_type[decision.cue.type] += 1
    session.execute(
        update(Document)
        .where(col(Document.id).in_([document.id for document in batch]))
        .values(processed_at=now)
    )
    report.documents += len(batch)


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


def _decide(
    text: str,
    hits: list[NameHit],
    language: str,
    cues: list[CueHit],
    classifier: CueClassifier,
) -> list[_Decision]:
    """Give each cue to its companies and keep the surest cue per (company, type)."""
    if not cues:
        return []  # most texts: their sentence boundaries are never needed
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
    return [
        _Decision(
            company_id=company_id,
            cue=cue,
            mention=mention,
            probability=probability,
            link_confidence=max(h.confidence for h in hits if h.company_id == company_id),
            type_weight=classifier.taxonomy.types[signal_type].weight,
        )
        for (company_id, signal_type), (cue, mention, probability) in best.items()
    ]


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


def _store_signal(facts: _Facts, document: Document, decision: _Decision, now: datetime) -> None:
    session = facts.session
    company_id, cue, mention = decision.company_id, decision.cue, decision.mention
    probability, link_confidence = decision.probability, decision.link_confidence
    type_weight = decision.type_weight
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

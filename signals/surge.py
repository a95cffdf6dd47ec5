"""Complaint surges: a company whose complaint count rose unusually is a `complaint_surge`.

The statistic, meant to be read by a risk analyst:

- *recent*: complaints in the last `window_days` days (today, UTC, included), summed over
  every complaint source and every brand name that resolves to the company;
- *usual rate*: complaints per day in the `baseline_days` before the window, at least
  BASELINE_FLOOR_PER_DAY (a company never complained about before has no rate to compare
  with: without a floor, any single complaint would be an infinite rise);
- a surge needs all three: at least `min_recent` complaints, at least MIN_RATIO times the
  usual daily rate, and a Poisson chance p of seeing that many or more at the usual rate of
  at most MAX_P_VALUE. The ratio keeps busy companies' ordinary wobble out (at 50 a day, 10 %
  more is "significant" but means nothing); the Poisson test keeps small numbers out (3 after
  1 is ×3 but chance). The tail is computed with `math` (no scipy), in log space.

The signal's probability is 1 − p. Its document is the company's most recent complaint in the
window (the evidence a user can open); its score is signals/scoring.py's product of factors,
with corroboration = the number of complaint sources that saw the rise. A company gets at most
one surge per window: while an earlier surge is younger than `window_days`, none is added.

Brand names (ComplaintCount.company_key, folded) resolve to portfolio companies through the
name index, as news text does. A source too young to have a baseline (created less than
MIN_BASELINE_DAYS before the window) is left out: its first scrape fills the recent days with
everything the listing shows, which is no rise.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session, col, func, select

from collectors.complaints import company_key
from collectors.models import ComplaintCount, Document, Source
from collectors.upsert import insert_ignore
from signals.lexicon import load_taxonomy
from signals.matching import NameIndex
from signals.models import Company, Mention, Signal
from signals.pipeline import LINK_THRESHOLD, NOVELTY_WINDOW, build_index
from signals.scoring import ScoreInputs, score

log = logging.getLogger("radar.signals")

TYPE = "complaint_surge"
KIND = "distress"
DEFAULT_WEIGHT = 0.7  # used while taxonomy.yml has no complaint_surge entry to tune
MIN_RATIO = 2.0
MAX_P_VALUE = 0.001
BASELINE_FLOOR_PER_DAY = 0.2  # one complaint in five days
MIN_BASELINE_DAYS = 14


@dataclass
class Surge:
    """One stored complaint_surge signal and the numbers behind it."""

    company_id: int
    document_id: int
    recent: int
    baseline_per_day: float  # as observed, before the floor
    ratio: float
    p_value: float
    score: float
    evidence: str


@dataclass
class _Tally:
    """What the counts say about one company."""

    recent: int = 0
    baseline_per_day: float = 0.0  # summed over sources: rates add up
    link_confidence: float = 0.0
    keys: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))  # by source
    recent_sources: set[int] = field(default_factory=set)


def poisson_tail(k: int, mean: float) -> float:
    """P(X ≥ k) for X ~ Poisson(mean), mean > 0."""
    if k <= 0:
        return 1.0

    def pmf(i: int) -> float:
        return math.exp(-mean + i * math.log(mean) - math.lgamma(i + 1))

    if k <= mean:  # no surge anyway: 1 − lower sum is accurate enough here
        return max(0.0, 1.0 - math.fsum(pmf(i) for i in range(k)))
    # Above the mean, terms shrink (ratio mean/(i+1) < 1): sum the upper tail directly, so a
    # tiny p is not lost to 1 − 0.999…
    total, i = 0.0, k
    while True:
        term = pmf(i)
        total += term
        if term <= total * 1e-12:  # also stops when term underflows to 0
            return min(1.0, total)
        i += 1


def detect_surges(
    session: Session,
    now: datetime,
    *,
    window_days: int = 7,
    baseline_days: int = 56,
    min_recent: int = 10,
    index: NameIndex | None = None,
) -> list[Surge]:
    """Store a complaint_surge signal for every portfolio company whose complaints rose
    unusually in the window ending at `now`; returns those stored (reruns store nothing).
    `index`: the live name index if the caller has one, else it is built here."""
    today = now.astimezone(UTC).date()
    window_start = today - timedelta(days=window_days - 1)
    baseline_start = window_start - timedelta(days=baseline_days)
    index = build_index(session) if index is None else index
    tallies = _tally(session, index, today, window_start, baseline_start)
    spec = load_taxonomy().types.get(TYPE)
    weight = spec.weight if spec else DEFAULT_WEIGHT
    stored: list[Surge] = []
    for company_id, tally in sorted(tallies.items()):
        rate = max(tally.baseline_per_day, BASELINE_FLOOR_PER_DAY)
        ratio = tally.recent / window_days / rate
        p_value = poisson_tail(tally.recent, rate * window_days)
        if tally.recent < min_recent or ratio < MIN_RATIO or p_value > MAX_P_VALUE:
            continue
        if _already_reported(session, company_id, now, window_days):
            continue
        document = _evidence_document(session, tally, window_start, today)
        if document is None:  # counts without their documents (pruned): nothing to point at
            log.warning("complaint surge of company %d has no complaint document", company_id)
            continue
        evidence = _evidence(tally, window_days, baseline_days, ratio, p_value)
        value = _store(session, company_id, document, tally, p_value, weight, evidence, now)
        if value is not None:
            assert document.id is not None
            stored.append(
                Surge(
                    company_id=company_id,
                    document_id=document.id,
                    recent=tally.recent,
                    baseline_per_day=round(tally.baseline_per_day, 4),
                    ratio=round(ratio, 2),
                    p_value=p_value,
                    score=value,
                    evidence=evidence,
                )
            )
    log.info("complaint surges: %d new", len(stored))
    return stored


def _tally(
    session: Session,
    index: NameIndex,
    today: date,
    window_start: date,
    baseline_start: date,
) -> dict[int, _Tally]:
    rows = session.exec(
        select(ComplaintCount)
        .where(col(ComplaintCount.day) >= baseline_start)
        # A site's local day can run ahead of UTC's: tomorrow counts as today.
        .where(col(ComplaintCount.day) <= today + timedelta(days=1))
    ).all()
    sources = {s.id: s for s in session.exec(select(Source)).all()}
    languages: dict[int, str | None] = {}
    resolved: dict[tuple[str, str | None], tuple[int, float] | None] = {}
    tallies: dict[int, _Tally] = defaultdict(_Tally)
    for row in rows:
        source = sources.get(row.source_id)
        if source is None:
            continue
        first_day = max(baseline_start, source.created_at.date())
        covered = (window_start - first_day).days
        if covered < MIN_BASELINE_DAYS:  # too young to know what is usual
            continue
        if row.source_id not in languages:
            languages[row.source_id] = _language(session, row.source_id)
        name = (row.company_key, languages[row.source_id])
        if name not in resolved:
            resolved[name] = _resolve(index, *name)
        match = resolved[name]
        if match is None:  # not a portfolio company
            continue
        company_id, confidence = match
        tally = tallies[company_id]
        tally.link_confidence = max(tally.link_confidence, confidence)
        tally.keys[row.source_id].add(row.company_key)
        if row.day >= window_start:
            tally.recent += row.count
            tally.recent_sources.add(row.source_id)
        elif row.day >= first_day:  # before the source existed nothing was counted
            tally.baseline_per_day += row.count / covered
    return tallies


def _language(session: Session, source_id: int) -> str | None:
    """The source's text language (decides which names are ordinary words)."""
    return session.exec(
        select(Document.language)
        .where(Document.source_id == source_id, col(Document.language).is_not(None))
        .limit(1)
    ).first()


def _resolve(index: NameIndex, key: str, language: str | None) -> tuple[int, float] | None:
    """The one portfolio company a site's brand name starts with, and the link confidence.

    The key is folded to lower case; the index reads capitals as a sign of a name, so the key
    is given back title case ("turkcell superonline" → "Turkcell Superonline" → Turkcell).
    Two companies (a brand shared by two customers): none, rather than a guess.
    """
    hits = [
        hit
        for hit in index.find(key.title(), language)
        if hit.start == 0 and hit.confidence >= LINK_THRESHOLD
    ]
    if len({hit.company_id for hit in hits}) != 1:
        return None
    return hits[0].company_id, max(hit.confidence for hit in hits)


def _already_reported(session: Session, company_id: int, now: datetime, window_days: int) -> bool:
    """One surge per company and window: an ongoing surge is not reported again each run."""
    found = session.exec(
        select(Signal.id)
        .where(Signal.company_id == company_id, Signal.type == TYPE)
        .where(col(Signal.occurred_at) > now - timedelta(days=window_days))
        .where(col(Signal.occurred_at) <= now)
    ).first()
    return found is not None


def _complaint_day(document: Document) -> date:
    """The day the counts put the complaint on (as collectors/complaints/counts.py does)."""
    complaint = document.extra.get("complaint") or {}
    try:
        return date.fromisoformat(str(complaint["day"]))
    except (KeyError, ValueError):
        moment = document.published_at or document.fetched_at
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).date()


def _evidence_document(
    session: Session, tally: _Tally, window_start: date, today: date
) -> Document | None:
    """The company's most recent complaint in the window."""
    # A complaint is fetched after it is written: older fetches cannot be in the window.
    since = datetime.combine(window_start - timedelta(days=1), datetime.min.time(), UTC)
    candidates = session.exec(
        select(Document)
        .where(col(Document.source_id).in_(list(tally.keys)))
        .where(col(Document.fetched_at) >= since)
    ).all()
    found = [
        d
        for d in candidates
        if company_key(str((d.extra.get("complaint") or {}).get("company") or ""))
        in tally.keys[d.source_id]
        and window_start <= _complaint_day(d) <= today + timedelta(days=1)
    ]
    return max(found, key=lambda d: (_complaint_day(d), d.id or 0), default=None)


def _evidence(
    tally: _Tally, window_days: int, baseline_days: int, ratio: float, p_value: float
) -> str:
    floor = (
        f"; counted as {BASELINE_FLOOR_PER_DAY}/day"
        if tally.baseline_per_day < BASELINE_FLOOR_PER_DAY
        else ""
    )
    return (
        f"{tally.recent} complaints in the last {window_days} days vs "
        f"{tally.baseline_per_day:.1f}/day in the {baseline_days} days before{floor} "
        f"(×{ratio:.1f}; Poisson p={p_value:.1g})"
    )


def _store(
    session: Session,
    company_id: int,
    document: Document,
    tally: _Tally,
    p_value: float,
    weight: float,
    evidence: str,
    now: datetime,
) -> float | None:
    """Store the signal; its score, or None when it was there already."""
    company = session.get(Company, company_id)
    source = session.get(Source, document.source_id)
    recent_surges = session.exec(
        select(func.count())
        .select_from(Signal)
        .where(Signal.company_id == company_id, Signal.type == TYPE)
        .where(col(Signal.occurred_at) >= now - NOVELTY_WINDOW)
        .where(col(Signal.occurred_at) < now)
    ).one()
    probability = round(1.0 - p_value, 4)
    value, factors = score(
        ScoreInputs(
            kind=KIND,
            type_weight=weight,
            probability=probability,
            link_confidence=round(tally.link_confidence, 4),
            source_reliability=source.reliability if source else 0.5,
            recent_same_type=int(recent_surges),
            source_count=len(tally.recent_sources),
            exposure=company.exposure if company else None,
        )
    )
    # The pipeline's mention of the company in that complaint, when it found one.
    mention_id = session.exec(
        select(Mention.id)
        .where(Mention.document_id == document.id, Mention.company_id == company_id)
        .order_by(col(Mention.confidence).desc())
    ).first()
    brands = sorted({key for keys in tally.keys.values() for key in keys})
    inserted = insert_ignore(
        session,
        Signal,
        [
            {
                "document_id": document.id,
                "company_id": company_id,
                "mention_id": mention_id,
                "story_id": document.story_id,
                "kind": KIND,
                "type": TYPE,
                "probability": probability,
                "evidence": evidence,
                "cue": ", ".join(brands)[:200],
                "score": value,
                "factors": factors,
                # The surge is a state measured now, over the window that ends now.
                "occurred_at": now,
                "created_at": now,
            }
        ],
        keys=["document_id", "company_id", "type"],
    )
    return value if inserted else None

"""Runs due sources, stores their items as Documents and records each source's health.

Keyword-only services that flush and never commit: the job that calls them owns the
transaction. Times are passed in and stored timezone-aware in UTC (a naive `now` or date
from a collector is taken as UTC). Every write is keyed, so a rerun or
a second worker adds nothing twice: a document by (source, canonical URL), a story by its
content hash, a health row by its source.

A document keeps its collector's `RawItem.extra` in `Document.extra` (JSON: dates become ISO
strings, non-finite numbers None, other objects their str()), except the runner's own flags
(`RUNNER_FLAGS`, e.g. "keep_fragment"), which tell the runner how to store an item and mean
nothing to a reader.

Sources are due at `SourceHealth.next_attempt_at`: after a success one period later, after a
failure an exponential backoff later, each plus a random jitter of up to `JITTER_FRACTION` of
that delay (at most `MAX_JITTER_SECONDS`), so that sources with the same period, or failing
together in one outage, drift apart instead of all hitting at once. Jitter only ever delays,
so a source is never read more often than its period says.
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlmodel import Session, col, or_, select

from collectors.base import Collector, FetchResult, RawItem, SourceSpec
from collectors.complaints import count_complaint
from collectors.dedupe import canonical_url, content_hash
from collectors.errors import InvalidSource, SourceUrlRefused
from collectors.http import Network, check_url
from collectors.models import Document, Source, SourceHealth
from collectors.registry import collector_class, get_collector
from collectors.stories import (
    StoryIndex,
    assign_story,
    count_story_sources,
    document_key,
    recent_story_index,
)
from collectors.upsert import insert_ignore

log = logging.getLogger("radar.collectors")

MAX_BACKOFF_SECONDS = 86400
MAX_URL_LENGTH = 2000  # Source.url and Document.canonical_url; PostgreSQL refuses longer
MAX_NAME_LENGTH = 200  # Source.name
JITTER_FRACTION = 0.1  # of the delay until the next attempt
MAX_JITTER_SECONDS = 900
# RawItem.extra keys that instruct the runner and are not stored with the document.
RUNNER_FLAGS = frozenset({"keep_fragment"})
_RANDOM = random.Random()  # jitter needs spread, not secrecy


@dataclass
class CollectReport:
    """What one collect run did; per_source rows are (name, status, new, error), status one
    of "ok", "not_modified", "failed"."""

    sources_run: int = 0
    sources_failed: int = 0
    items_seen: int = 0
    documents_new: int = 0
    per_source: list[tuple[str, str, int, str | None]] = field(default_factory=list)


def add_source(
    *,
    session: Session,
    kind: str,
    name: str,
    url: str,
    every_seconds: int,
    allowed_networks: Sequence[Network],
    now: datetime,
) -> Source:
    """Register a source, or update kind, URL and interval of the one with this name.

    Raises UnknownSourceKind, SourceUrlRefused (not an absolute http(s) URL, or the SSRF gate
    refuses it), InvalidSource for an empty name or a non-positive interval.
    """
    collector_class(kind)
    now = _utc(now)
    name = name.strip()
    if not name or len(name) > MAX_NAME_LENGTH:
        raise InvalidSource(f"a source needs a name of 1 to {MAX_NAME_LENGTH} characters")
    if every_seconds <= 0:
        raise InvalidSource(f"every_seconds must be positive, not {every_seconds}")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourceUrlRefused(f"{url!r} is not an absolute http(s) URL")
    url = url.strip()
    if len(url) > MAX_URL_LENGTH:
        raise SourceUrlRefused(f"URL is {len(url)} characters long, over {MAX_URL_LENGTH}")
    check_url(url, allowed_networks)
    row = Source(name=name, kind=kind, url=url, every_seconds=every_seconds, created_at=now)
    insert_ignore(session, Source, [row.model_dump(exclude={"id"})], keys=["name"])
    source = session.exec(select(Source).where(Source.name == name)).one()
    if (source.url, source.kind) != (url, kind):
        # Validators and cursors belong to the old address; a new address gets tried soon.
        source.state = {}
        health = session.get(SourceHealth, source.id)
        if health is not None:
            health.next_attempt_at = None
    source.url, source.kind, source.every_seconds = url, kind, every_seconds
    session.add(source)
    session.flush()
    return source


def collect(
    *,
    session: Session,
    client: httpx.Client,
    now: datetime,
    force: bool = False,
    collector_options: dict[str, Any] | None = None,
    kind_options: dict[str, dict[str, Any]] | None = None,
    story_window_days: int = 7,
    rng: random.Random | None = None,
) -> CollectReport:
    """Run every enabled source that is due (all enabled ones with `force`) and store what
    they return. A failing source is recorded in its health row and never stops the others;
    nothing stored before is touched. A database error is not a source's failure: it
    propagates, and the caller's transaction rolls back. A new document joins the story of an
    identical one, else of a near-duplicate whose story was first seen within
    `story_window_days` (collectors/stories.py). `collector_options` go to every kind,
    `kind_options[kind]` to that kind only (e.g. {"rss": {"max_articles": 0}}). `rng` draws the
    scheduling jitter (a seeded random.Random makes it reproducible)."""
    now = _utc(now)
    rng = rng or _RANDOM
    report = CollectReport()
    stories = recent_story_index(session=session, now=now, window=timedelta(days=story_window_days))
    collectors: dict[str, Collector] = {}
    for source, health in _due(session, now=now, force=force):
        assert source.id is not None
        report.sources_run += 1
        health = health or _health_row(session, source.id)
        health.last_attempt_at = now
        spec = SourceSpec(name=source.name, kind=source.kind, url=source.url)
        try:
            if source.kind not in collectors:
                options = {**(collector_options or {}), **(kind_options or {}).get(source.kind, {})}
                collectors[source.kind] = get_collector(source.kind, **options)
            result = collectors[source.kind].fetch(
                spec, dict(source.state or {}), client=client, now=now
            )
        except Exception as exc:  # any failure of one source is that source's health, no more
            _record_failure(health, source, exc, now, rng)
            report.sources_failed += 1
            report.per_source.append((source.name, "failed", 0, health.last_error))
            continue
        new = _store(session, source.id, result.items, now, stories)
        _record_success(health, source, result, new, now, rng)
        report.items_seen += len(result.items)
        report.documents_new += new
        status = "not_modified" if result.not_modified else "ok"
        report.per_source.append((source.name, status, new, None))
        log.info("source %s: %s, %d items, %d new", source.name, status, len(result.items), new)
    session.flush()
    log.info(
        "collected %d source(s): %d items, %d new documents, %d failed",
        report.sources_run,
        report.items_seen,
        report.documents_new,
        report.sources_failed,
    )
    return report


def source_health_rows(*, session: Session) -> list[tuple[Source, SourceHealth | None]]:
    """Every source with its health row (None before its first run), by name."""
    rows = session.exec(
        select(Source, SourceHealth)
        .outerjoin(SourceHealth, col(SourceHealth.source_id) == col(Source.id))
        .order_by(col(Source.name))
    ).all()
    return [(source, health) for source, health in rows]


def _due(
    session: Session, *, now: datetime, force: bool
) -> list[tuple[Source, SourceHealth | None]]:
    statement = (
        select(Source, SourceHealth)
        .outerjoin(SourceHealth, col(SourceHealth.source_id) == col(Source.id))
        .where(col(Source.enabled).is_(True))
        .order_by(col(Source.id))
    )
    if not force:
        next_attempt = col(SourceHealth.next_attempt_at)
        statement = statement.where(or_(next_attempt.is_(None), next_attempt <= now))
    return [(source, health) for source, health in session.exec(statement).all()]


def _health_row(session: Session, source_id: int) -> SourceHealth:
    insert_ignore(
        session, SourceHealth, [SourceHealth(source_id=source_id).model_dump()], keys=["source_id"]
    )
    health = session.get(SourceHealth, source_id)
    assert health is not None
    return health


def jittered(delay_seconds: int, rng: random.Random) -> timedelta:
    """`delay_seconds` plus a whole number of seconds drawn from 0 to JITTER_FRACTION of it, at
    most MAX_JITTER_SECONDS."""
    bound = int(min(delay_seconds * JITTER_FRACTION, MAX_JITTER_SECONDS))
    return timedelta(seconds=delay_seconds + rng.randint(0, max(bound, 0)))


def _record_success(
    health: SourceHealth,
    source: Source,
    result: FetchResult,
    new: int,
    now: datetime,
    rng: random.Random,
) -> None:
    health.last_success_at = now
    health.error_streak = 0
    health.last_error = None
    health.next_attempt_at = now + jittered(source.every_seconds, rng)
    health.items_last_run = len(result.items)
    health.new_documents_last_run = new
    # A new dict, so that SQLAlchemy sees the JSON column change.
    source.state = dict(result.state)


def _record_failure(
    health: SourceHealth, source: Source, exc: Exception, now: datetime, rng: random.Random
) -> None:
    health.error_streak += 1
    health.last_error = f"{type(exc).__name__}: {exc}"
    health.items_last_run = 0
    health.new_documents_last_run = 0
    # Back off exponentially (the exponent is bounded so the number stays small), at most a day
    # (plus the jitter).
    delay = min(source.every_seconds * 2 ** min(health.error_streak, 20), MAX_BACKOFF_SECONDS)
    health.next_attempt_at = now + jittered(delay, rng)
    if type(exc).__module__.startswith("collectors."):
        log.warning(
            "source %s failed (%d in a row): %s",
            source.name,
            health.error_streak,
            health.last_error,
        )
    else:
        log.exception("source %s failed unexpectedly", source.name)


def _store(
    session: Session, source_id: int, items: list[RawItem], now: datetime, stories: StoryIndex
) -> int:
    """Insert new documents and attach each to its story; returns how many were new."""
    new = 0
    for item in items:
        if not (item.title.strip() or item.text.strip()):
            continue
        url = canonical_url(item.url)
        if item.extra.get("keep_fragment") and "#" in item.url:
            url += "#" + item.url.split("#", 1)[1]  # a page watch: each version is a document
        if len(url) > MAX_URL_LENGTH:
            log.warning("skipping an item with a %d-character URL", len(url))
            continue
        if _document_exists(session, source_id, url):
            continue
        fingerprint = content_hash(item.title, item.text)
        story_id = assign_story(
            session=session, fingerprint=fingerprint, text=item.text, index=stories, now=now
        )
        row = {
            "source_id": source_id,
            "canonical_url": url,
            "content_hash": fingerprint,
            "title": item.title.strip(),
            "text": item.text.strip(),
            "language": item.language[:8] if item.language else None,
            "published_at": _aware_utc(item.published_at),
            "fetched_at": now,
            "story_id": story_id,
            "processed_at": None,
            "extra": stored_extra(item.extra),
        }
        inserted = insert_ignore(session, Document, [row], keys=["source_id", "canonical_url"])
        if inserted:
            stories.add(document_key(source_id, url), story_id, item.text)
            # A story counts each source once, however many of its documents carry it.
            count_story_sources(session=session, story_id=story_id)
        new += inserted
        if inserted and item.extra.get("complaint"):
            count_complaint(session=session, source_id=source_id, item=item, now=now)
    return new


def stored_extra(extra: dict[str, Any]) -> dict[str, Any]:
    """What of a RawItem's extra a Document keeps: all but RUNNER_FLAGS, made JSON-safe."""
    kept = _json_safe({k: v for k, v in extra.items() if k not in RUNNER_FLAGS})
    assert isinstance(kept, dict)
    return kept


def _json_safe(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        # NaN and infinities are not JSON; PostgreSQL refuses them.
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(key): _json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(item) for item in value]
    if isinstance(value, (set, frozenset)):  # no order of its own: give it one
        return [_json_safe(item) for item in sorted(value, key=str)]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def _document_exists(session: Session, source_id: int, url: str) -> bool:
    found = session.exec(
        select(Document.id).where(Document.source_id == source_id, Document.canonical_url == url)
    ).first()
    return found is not None


def _aware_utc(value: datetime | None) -> datetime | None:
    """Stored timestamps are aware UTC (the column type refuses naive ones); naive means UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _utc(value: datetime) -> datetime:
    aware = _aware_utc(value)
    assert aware is not None
    return aware

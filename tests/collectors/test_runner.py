"""The runner on the real (migrated) database: sources, documents, stories, health."""

from __future__ import annotations

import ipaddress
import math
import random
from datetime import UTC, date, datetime, timedelta
from typing import Any, ClassVar

import httpx
import pytest
from sqlmodel import Session, col, func, select

from collectors import registry
from collectors.base import FetchResult, RawItem, SourceSpec
from collectors.errors import InvalidSource, SourceUrlRefused, UnknownSourceKind
from collectors.models import Document, Source, SourceHealth, Story
from collectors.runner import (
    MAX_JITTER_SECONDS,
    CollectReport,
    add_source,
    collect,
    jittered,
    source_health_rows,
)
from tests.collectors.conftest import LOOPBACK
from tests.http_server import FaultServer

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
EVERY = 1800
OPTIONS = {"max_bytes": 1_000_000, "retries": 1, "backoff_seconds": 0.01, "max_articles": 0}


def _add(session: Session, server: FaultServer, name: str, path: str, **kw: Any) -> Source:
    return add_source(
        session=session,
        kind=kw.get("kind", "rss"),
        name=name,
        url=server.url(path),
        every_seconds=kw.get("every", EVERY),
        allowed_networks=LOOPBACK,
        now=NOW,
    )


class NoJitter(random.Random):
    """Always draws the smallest jitter (none), so tests can name exact due times."""

    def randint(self, a: int, b: int) -> int:
        return a


class MaxJitter(random.Random):
    """Always draws the largest jitter allowed."""

    def randint(self, a: int, b: int) -> int:
        return b


def _collect(
    session: Session,
    http_client: httpx.Client,
    now: datetime = NOW,
    force: bool = False,
    rng: random.Random | None = None,
) -> CollectReport:
    return collect(
        session=session,
        client=http_client,
        now=now,
        force=force,
        collector_options=OPTIONS,
        rng=rng or NoJitter(),
    )


def _count(session: Session, model: Any) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def _health(session: Session, source: Source) -> SourceHealth:
    health = session.get(SourceHealth, source.id)
    assert health is not None
    session.refresh(health)
    return health


# --- add_source ----------------------------------------------------------------------------


def test_add_source_validates_kind_and_url(session: Session) -> None:
    with pytest.raises(UnknownSourceKind, match="rss"):
        add_source(
            session=session,
            kind="gopher",
            name="x",
            url="http://127.0.0.1/",
            every_seconds=EVERY,
            allowed_networks=LOOPBACK,
            now=NOW,
        )
    for bad in [
        "ftp://127.0.0.1/feed",
        "not a url",
        "http:///feed",
        "http://127.0.0.1/" + "x" * 2000,
    ]:
        with pytest.raises(SourceUrlRefused):
            add_source(
                session=session,
                kind="rss",
                name="x",
                url=bad,
                every_seconds=EVERY,
                allowed_networks=LOOPBACK,
                now=NOW,
            )
    with pytest.raises(SourceUrlRefused, match=r"10\.0\.0\.5"):
        add_source(
            session=session,
            kind="rss",
            name="x",
            url="http://10.0.0.5/rss",
            every_seconds=EVERY,
            allowed_networks=LOOPBACK,
            now=NOW,
        )
    for name, every in [("  ", EVERY), ("x" * 201, EVERY), ("ok", 0)]:
        with pytest.raises(InvalidSource):
            add_source(
                session=session,
                kind="rss",
                name=name,
                url="http://127.0.0.1/rss",
                every_seconds=every,
                allowed_networks=LOOPBACK,
                now=NOW,
            )
    assert _count(session, Source) == 0


def test_add_source_is_idempotent_on_name(session: Session, feed_server: FaultServer) -> None:
    first = _add(session, feed_server, "TechCrunch", "/TechCrunch.xml")
    first.state = {"etag": '"old"'}
    session.flush()
    again = _add(session, feed_server, "TechCrunch", "/google_alerts_atom.xml", every=3600)
    assert again.id == first.id and _count(session, Source) == 1
    assert again.url.endswith("/google_alerts_atom.xml") and again.every_seconds == 3600
    assert again.state == {}  # validators of the old URL must not be sent to the new one
    assert again.created_at == NOW


def test_changing_a_source_url_makes_it_due_again(
    session: Session, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    _add(session, feed_server, "News", "/TechCrunch.xml")
    _collect(session, http_client)
    soon = NOW + timedelta(minutes=1)
    assert _collect(session, http_client, soon).sources_run == 0
    _add(session, feed_server, "News", "/google_alerts_atom.xml")
    assert _collect(session, http_client, soon).per_source == [("News", "ok", 20, None)]


# --- collect -------------------------------------------------------------------------------


def test_first_collect_stores_documents_and_healthy_health(
    session: Session, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    source = _add(session, feed_server, "TechCrunch", "/TechCrunch.xml")
    report = _collect(session, http_client)
    assert (report.sources_run, report.sources_failed) == (1, 0)
    assert (report.items_seen, report.documents_new) == (20, 20)
    assert report.per_source == [("TechCrunch", "ok", 20, None)]
    assert _count(session, Document) == 20 and _count(session, Story) == 20
    document = session.exec(select(Document).order_by(col(Document.id))).first()
    assert document is not None and document.source_id == source.id
    assert document.fetched_at == NOW and document.language == "en"
    assert document.canonical_url == "http://feedproxy.google.com/~r/Techcrunch/~3/kTeeGj4FnwU/"
    assert document.story_id is not None and len(document.content_hash) == 64
    health = _health(session, source)
    assert health.last_success_at == NOW and health.last_attempt_at == NOW
    assert health.error_streak == 0 and health.last_error is None
    assert health.next_attempt_at == NOW + timedelta(seconds=EVERY)
    assert (health.items_last_run, health.new_documents_last_run) == (20, 20)
    session.expire_all()
    assert session.get(Source, source.id).state["etag"].startswith('"')  # type: ignore[union-attr]


def test_second_collect_stores_nothing_new(
    session: Session, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    # No validators: the full feed comes again, and the database keys must hold.
    _add(session, feed_server, "TechCrunch", "/TechCrunch.xml?etag=0&last_modified=0")
    _collect(session, http_client)
    report = _collect(session, http_client, NOW + timedelta(minutes=1), force=True)
    assert report.per_source == [("TechCrunch", "ok", 0, None)] and report.items_seen == 20
    assert _count(session, Document) == 20 and _count(session, Story) == 20


def test_unchanged_feed_is_not_modified(
    session: Session, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    source = _add(session, feed_server, "TechCrunch", "/TechCrunch.xml")
    _collect(session, http_client)
    later = NOW + timedelta(hours=1)
    report = _collect(session, http_client, later)
    assert report.per_source == [("TechCrunch", "not_modified", 0, None)]
    health = _health(session, source)
    assert health.last_success_at == later and health.items_last_run == 0


def test_failure_is_recorded_keeps_documents_and_recovers(
    session: Session, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    source = _add(session, feed_server, "TechCrunch", "/TechCrunch.xml")
    _collect(session, http_client)
    feed_server.override("/TechCrunch.xml", status="503")
    failed_at = NOW + timedelta(hours=1)
    report = _collect(session, http_client, failed_at)
    assert (report.sources_run, report.sources_failed, report.documents_new) == (1, 1, 0)
    name, status, new, error = report.per_source[0]
    assert (name, status, new) == ("TechCrunch", "failed", 0) and error and "503" in error
    assert _count(session, Document) == 20
    health = _health(session, source)
    assert health.error_streak == 1 and health.last_success_at == NOW
    assert health.last_error is not None and health.last_error.startswith("FetchFailed: HTTP 503")
    assert health.next_attempt_at == failed_at + timedelta(seconds=EVERY * 2)
    again_at = failed_at + timedelta(seconds=EVERY * 2)
    _collect(session, http_client, again_at)
    health = _health(session, source)
    assert health.error_streak == 2
    assert health.next_attempt_at == again_at + timedelta(seconds=EVERY * 4)

    feed_server.clear("/TechCrunch.xml")
    recovered_at = again_at + timedelta(seconds=EVERY * 4)
    report = _collect(session, http_client, recovered_at)
    assert report.sources_failed == 0
    health = _health(session, source)
    assert health.error_streak == 0 and health.last_error is None
    assert health.last_success_at == recovered_at and _count(session, Document) == 20


def test_failure_backoff_is_capped_at_a_day(
    session: Session, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    source = _add(session, feed_server, "Broken", "/TechCrunch.xml?status=404", every=50000)
    _collect(session, http_client)
    assert _health(session, source).next_attempt_at == NOW + timedelta(seconds=86400)


def test_one_failing_source_does_not_stop_the_others(
    session: Session, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    _add(session, feed_server, "Broken", "/google_alerts_atom.xml?status=500")
    _add(session, feed_server, "Malformed", "/malformed.xml")
    _add(session, feed_server, "TechCrunch", "/TechCrunch.xml")
    report = _collect(session, http_client)
    assert (report.sources_run, report.sources_failed, report.documents_new) == (3, 2, 20)
    statuses = {name: (status, error) for name, status, _, error in report.per_source}
    assert statuses["Malformed"][0] == "failed" and "ParseFailed" in str(statuses["Malformed"][1])
    assert statuses["TechCrunch"] == ("ok", None)


def test_a_kind_no_longer_registered_is_a_recorded_failure(
    session: Session, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    source = _add(session, feed_server, "Old kind", "/TechCrunch.xml")
    source.kind = "retired"
    session.flush()
    report = _collect(session, http_client)
    assert report.sources_failed == 1
    assert str(_health(session, source).last_error).startswith("UnknownSourceKind")


def test_only_due_enabled_sources_run(
    session: Session, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    _add(session, feed_server, "TechCrunch", "/TechCrunch.xml")
    off = _add(session, feed_server, "Off", "/google_alerts_atom.xml")
    off.enabled = False
    session.flush()
    assert _collect(session, http_client).sources_run == 1
    assert _collect(session, http_client, NOW + timedelta(seconds=EVERY - 1)).sources_run == 0
    assert feed_server.hits("/TechCrunch.xml") == 1
    assert _collect(session, http_client, NOW + timedelta(seconds=EVERY)).sources_run == 1
    forced = _collect(session, http_client, NOW + timedelta(seconds=EVERY + 1), force=True)
    assert forced.sources_run == 1
    assert feed_server.hits("/google_alerts_atom.xml") == 0


def test_two_sources_carrying_the_same_story_share_it(
    session: Session, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    _add(session, feed_server, "TechCrunch", "/TechCrunch.xml")
    _add(session, feed_server, "TechCrunch mirror", "/TechCrunch.xml?mirror=1")
    _collect(session, http_client)
    _collect(session, http_client, NOW + timedelta(hours=1), force=True)  # reruns add nothing
    assert _count(session, Document) == 40 and _count(session, Story) == 20
    assert set(session.exec(select(Story.source_count)).all()) == {2}


def test_collect_never_commits(
    session: Session, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    _add(session, feed_server, "TechCrunch", "/TechCrunch.xml")
    session.commit()
    _collect(session, http_client)
    session.rollback()
    assert _count(session, Document) == 0 and _count(session, SourceHealth) == 0


# --- storage rules, with a scripted collector ----------------------------------------------


class ScriptedCollector:
    """Returns the items a test sets, without any network."""

    kind = "scripted"
    items: ClassVar[list[RawItem]] = []

    def __init__(self, **options: Any) -> None:
        self.options = options

    def fetch(
        self, source: SourceSpec, state: dict[str, Any], *, client: httpx.Client, now: datetime
    ) -> FetchResult:
        return FetchResult(items=list(self.items), state={"seen": len(self.items)})


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> type[ScriptedCollector]:
    monkeypatch.setitem(registry.COLLECTORS, "scripted", ScriptedCollector)
    monkeypatch.setattr(ScriptedCollector, "items", [])
    return ScriptedCollector


def test_storage_rules(
    session: Session, http_client: httpx.Client, scripted: type[ScriptedCollector]
) -> None:
    source = add_source(
        session=session,
        kind="scripted",
        name="s",
        url="http://127.0.0.1/s",
        every_seconds=EVERY,
        allowed_networks=LOOPBACK,
        now=NOW,
    )
    scripted.items = [
        RawItem(url="https://n.example/a?utm_source=x", title="Same story", text="Body one."),
        RawItem(url="https://n.example/a", title="Same story", text="Body one."),  # same URL
        RawItem(url="https://n.example/b", title="same  STORY", text="body one."),  # same story
        RawItem(url="https://n.example/empty", title=" ", text="\n"),  # nothing to store
        RawItem(url="https://n.example/" + "x" * 2100, title="Long", text="URL too long."),
        RawItem(url="https://n.example/c", title="", text="Text only still counts."),
    ]
    report = _collect(session, http_client)
    assert report.documents_new == 3 and report.items_seen == 6
    urls = session.exec(select(Document.canonical_url).order_by(col(Document.id))).all()
    assert urls == ["https://n.example/a", "https://n.example/b", "https://n.example/c"]
    counts = session.exec(select(Story.source_count).order_by(col(Story.id))).all()
    assert counts == [1, 1]  # a/b share one story from one source: still one source
    session.expire_all()
    assert session.get(Source, source.id).state == {"seen": 6}  # type: ignore[union-attr]


def test_source_health_rows(
    session: Session, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    _add(session, feed_server, "B TechCrunch", "/TechCrunch.xml")
    _collect(session, http_client)
    _add(session, feed_server, "A new", "/google_alerts_atom.xml")
    rows = source_health_rows(session=session)
    assert [(source.name, health is None) for source, health in rows] == [
        ("A new", True),
        ("B TechCrunch", False),
    ]


def test_allowed_networks_are_honoured_by_add_source(session: Session) -> None:
    add_source(
        session=session,
        kind="rss",
        name="lan",
        url="http://10.0.0.5/rss",
        every_seconds=EVERY,
        allowed_networks=[ipaddress.ip_network("10.0.0.0/8")],
        now=NOW,
    )
    assert _count(session, Source) == 1


def test_extra_is_stored_json_safe_without_runner_flags(
    session: Session, http_client: httpx.Client, scripted: type[ScriptedCollector]
) -> None:
    add_source(
        session=session,
        kind="scripted",
        name="s",
        url="http://127.0.0.1/s",
        every_seconds=EVERY,
        allowed_networks=LOOPBACK,
        now=NOW,
    )
    scripted.items = [
        RawItem(
            url="https://n.example/a#radar-version=1",
            title="A",
            text="Alpha.",
            extra={
                "keep_fragment": True,  # the runner's instruction: used, not stored
                "page": {"version": 1, "seen": datetime(2026, 1, 2, 3, 4, tzinfo=UTC)},
                "day": date(2026, 1, 2),
                "value": math.nan,
                "tags": {"b", "a"},
                "pair": ("x", 1),
            },
        ),
        RawItem(url="https://n.example/b", title="B", text="Beta."),
    ]
    _collect(session, http_client)
    session.expire_all()
    documents = session.exec(select(Document).order_by(col(Document.id))).all()
    assert documents[0].canonical_url.endswith("#radar-version=1")  # the flag still worked
    assert documents[0].extra == {
        "page": {"version": 1, "seen": "2026-01-02T03:04:00+00:00"},
        "day": "2026-01-02",
        "value": None,
        "tags": ["a", "b"],
        "pair": ["x", 1],
    }
    assert documents[1].extra == {}


# --- jitter --------------------------------------------------------------------------------


def test_jitter_is_bounded_by_a_tenth_of_the_delay_and_a_cap() -> None:
    most, least = MaxJitter(), NoJitter()
    assert jittered(1800, most) == timedelta(seconds=1800 + 180)
    assert jittered(86400, most) == timedelta(seconds=86400 + MAX_JITTER_SECONDS)
    assert jittered(5, most) == timedelta(seconds=5)  # under 10 s: no room for jitter
    assert jittered(1800, least) == timedelta(seconds=1800)  # never earlier than the period
    draws = {jittered(1800, random.Random(seed)) for seed in range(50)}
    assert len(draws) > 25 and all(1800 <= d.total_seconds() <= 1980 for d in draws)
    # A seed makes it reproducible.
    assert jittered(3600, random.Random(3)) == jittered(3600, random.Random(3))


def test_sources_with_the_same_period_drift_apart(
    session: Session, http_client: httpx.Client, scripted: type[ScriptedCollector]
) -> None:
    for number in range(12):
        add_source(
            session=session,
            kind="scripted",
            name=f"s{number}",
            url=f"http://127.0.0.1/s{number}",
            every_seconds=EVERY,
            allowed_networks=LOOPBACK,
            now=NOW,
        )
    _collect(session, http_client, rng=random.Random(42))
    due = [health.next_attempt_at for health in session.exec(select(SourceHealth)).all()]
    assert len(due) == 12 and len(set(due)) >= 8
    assert all(
        NOW + timedelta(seconds=EVERY) <= when <= NOW + timedelta(seconds=EVERY * 1.1)
        for when in due
        if when is not None
    )
    # The same seed gives the same schedule.
    again = _collect(session, http_client, NOW + timedelta(hours=2), rng=random.Random(42))
    assert again.sources_run == 12
    later = [h.next_attempt_at for h in session.exec(select(SourceHealth)).all()]
    assert [w - timedelta(hours=2) for w in later if w is not None] == due


def test_a_jittered_source_is_not_due_before_its_jittered_time(
    session: Session, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    source = _add(session, feed_server, "TechCrunch", "/TechCrunch.xml")
    _collect(session, http_client, rng=MaxJitter())
    due = NOW + timedelta(seconds=EVERY + EVERY // 10)
    assert _health(session, source).next_attempt_at == due
    assert _collect(session, http_client, due - timedelta(seconds=1)).sources_run == 0
    assert _collect(session, http_client, due).sources_run == 1


def test_failure_backoff_is_jittered_too(
    session: Session, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    source = _add(session, feed_server, "Broken", "/TechCrunch.xml?status=503")
    _collect(session, http_client, rng=MaxJitter())
    backoff = EVERY * 2
    assert _health(session, source).next_attempt_at == NOW + timedelta(
        seconds=backoff + backoff // 10
    )
    capped = _add(session, feed_server, "Broken daily", "/TechCrunch.xml?status=404", every=50000)
    _collect(session, http_client, rng=MaxJitter())
    assert _health(session, capped).next_attempt_at == NOW + timedelta(
        seconds=86400 + MAX_JITTER_SECONDS
    )

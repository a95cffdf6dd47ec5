"""robots.txt through the shared client: disallowed URLs raise RobotsDisallowed before any
request; 404 means allowed; 5xx and timeouts mean allowed and logged; rules are cached."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TypedDict

import httpx
import pytest

from collectors.base import SourceSpec
from collectors.errors import FetchFailed, SourceUrlRefused
from collectors.http import fetch, make_client
from collectors.robots import RobotsCache, RobotsDisallowed, robots_cache, set_robots_cache
from collectors.tenders import TendersCollector
from tests.collectors.conftest import LOOPBACK
from tests.http_server import FaultServer

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TED = Path(__file__).resolve().parent.parent / "fixtures" / "ted"
ROBOTS = """# Radar may read the notices, not the private folder; every other robot nothing.
User-agent: RadarTest
Disallow: /private/

User-agent: *
Disallow: /
"""


class _Fast(TypedDict):
    max_bytes: int
    retries: int
    backoff_seconds: float


FAST: _Fast = {"max_bytes": 1_000_000, "retries": 0, "backoff_seconds": 0.01}


@pytest.fixture
def site(tmp_path: Path) -> Iterator[FaultServer]:
    """A site with a robots.txt, a public notice and one in a disallowed folder."""
    (tmp_path / "robots.txt").write_text(ROBOTS)
    notice = (TED / "20-157399-001-EXP.xml").read_bytes()
    (tmp_path / "notice.xml").write_bytes(notice)
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "notice.xml").write_bytes(notice)
    (tmp_path / "listing.txt").write_text("notice.xml\nprivate/notice.xml\n")
    with FaultServer(tmp_path) as server:
        yield server


def _client(user_agent: str = "RadarTest/1.0", timeout: float = 2.0) -> httpx.Client:
    return make_client(
        timeout=timeout, user_agent=user_agent, allowed_networks=LOOPBACK, min_interval_seconds=0
    )


def test_a_disallowed_url_is_refused_before_any_request(site: FaultServer) -> None:
    with _client() as client:
        with pytest.raises(RobotsDisallowed, match=r"disallows .*/private/notice\.xml") as caught:
            fetch(client, site.url("/private/notice.xml"), **FAST, respect_robots=True)
        assert isinstance(caught.value, FetchFailed)  # handled wherever a fetch failure is
        assert fetch(client, site.url("/notice.xml"), **FAST, respect_robots=True).status == 200
    assert site.hits("/private/notice.xml") == 0
    assert site.hits("/robots.txt") == 1  # one robots.txt for both URLs
    assert site.last_headers("/robots.txt")["user-agent"] == "RadarTest/1.0"


def test_rules_follow_the_user_agent(site: FaultServer) -> None:
    with _client(user_agent="SomeOtherBot/2.0") as client, pytest.raises(RobotsDisallowed):
        fetch(client, site.url("/notice.xml"), **FAST, respect_robots=True)


def test_robots_is_not_consulted_unless_asked(site: FaultServer) -> None:
    with _client() as client:
        assert fetch(client, site.url("/private/notice.xml"), **FAST).status == 200
    assert site.hits("/robots.txt") == 0


def test_a_missing_robots_txt_allows_everything(feed_server: FaultServer) -> None:
    with _client(user_agent="SomeOtherBot/2.0") as client:
        response = fetch(client, feed_server.url("/TechCrunch.xml"), **FAST, respect_robots=True)
    assert response.status == 200 and feed_server.hits("/robots.txt") == 1


@pytest.mark.parametrize("fault", [{"status": "503"}, {"delay": "1"}])
def test_an_unreachable_robots_txt_leaves_the_site_alone(
    site: FaultServer, fault: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    """RFC 9309: a robots.txt that answers 5xx or not at all means "disallow everything"."""
    site.override("/robots.txt", **fault)
    with (
        caplog.at_level(logging.WARNING, "radar.collectors"),
        _client(timeout=0.3) as client,
        pytest.raises(RobotsDisallowed, match="unreachable"),
    ):
        fetch(client, site.url("/notice.xml"), **FAST, respect_robots=True)
    assert site.hits("/notice.xml") == 0  # a path the rules would allow
    assert any("robots.txt" in r.message and "left alone" in r.message for r in caplog.records)


def test_rules_are_cached_until_they_expire(site: FaultServer) -> None:
    now = [0.0]
    with _client() as client:
        set_robots_cache(client, RobotsCache(ttl_seconds=60, clock=lambda: now[0]))
        for _ in range(3):
            fetch(client, site.url("/notice.xml"), **FAST, respect_robots=True)
        assert site.hits("/robots.txt") == 1
        now[0] = 61.0
        fetch(client, site.url("/notice.xml"), **FAST, respect_robots=True)
        assert site.hits("/robots.txt") == 2


def test_an_unreachable_robots_txt_is_asked_again_sooner(site: FaultServer) -> None:
    now = [0.0]
    site.override("/robots.txt", status="500")
    with _client() as client:
        cache = RobotsCache(ttl_seconds=3600, retry_seconds=30, clock=lambda: now[0])
        set_robots_cache(client, cache)
        assert not cache.allowed(client, site.url("/notice.xml"))  # unreachable: all disallowed
        site.clear("/robots.txt")
        now[0] = 31.0
        assert cache.allowed(client, site.url("/notice.xml"))  # asked again: rules apply
        assert not cache.allowed(client, site.url("/private/notice.xml"))


def test_each_client_has_its_own_cache() -> None:
    with _client() as first, _client() as second:
        assert robots_cache(first) is robots_cache(first)
        assert robots_cache(first) is not robots_cache(second)


def test_the_ssrf_gate_applies_to_robots_txt(site: FaultServer) -> None:
    with (
        make_client(timeout=2, user_agent="RadarTest/1.0", allowed_networks=[]) as closed,
        pytest.raises(SourceUrlRefused),
    ):
        fetch(closed, site.url("/notice.xml"), **FAST, respect_robots=True)
    assert site.hits("/robots.txt") == 0 and site.hits("/notice.xml") == 0


def test_collectors_respect_robots(site: FaultServer) -> None:
    """A disallowed source fails; a disallowed notice in a listing is skipped for good."""
    collector = TendersCollector(max_bytes=1_000_000, retries=0, backoff_seconds=0.01)
    with _client() as client:
        with pytest.raises(RobotsDisallowed):
            spec = SourceSpec(name="t", kind="tenders", url=site.url("/private/notice.xml"))
            collector.fetch(spec, {}, client=client, now=NOW)
        listing = SourceSpec(name="t", kind="tenders", url=site.url("/listing.txt"))
        result = collector.fetch(listing, {}, client=client, now=NOW)
    assert [item.extra["notice_id"] for item in result.items] == ["154292-2020"]
    assert result.state["pending"] == [] and len(result.state["seen"]) == 2
    assert site.hits("/private/notice.xml") == 0

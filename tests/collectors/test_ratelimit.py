"""Per-host politeness in the shared client: spacing between requests to one host, a cap on
concurrent requests, and no waiting between different hosts."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import TypedDict
from urllib.parse import quote

import httpx
import pytest

from collectors.errors import FetchFailed
from collectors.http import fetch, make_client
from collectors.ratelimit import HostLimiter, host_key
from tests.collectors.conftest import FEEDS, LOOPBACK
from tests.http_server import FaultServer


class _Fast(TypedDict):
    max_bytes: int
    retries: int
    backoff_seconds: float


FAST: _Fast = {"max_bytes": 1_000_000, "retries": 0, "backoff_seconds": 0.01}
PATH = "/google_alerts_atom.xml"


@pytest.fixture
def other_server() -> Iterator[FaultServer]:
    """A second server: another port, so another host for the limiter."""
    with FaultServer(FEEDS) as server:
        yield server


def _client(interval: float, per_host: int = 2, timeout: float = 2.0) -> httpx.Client:
    return make_client(
        timeout=timeout,
        user_agent="RadarTest/1.0",
        allowed_networks=LOOPBACK,
        min_interval_seconds=interval,
        max_per_host=per_host,
    )


def _timed(action: Callable[[], object]) -> float:
    started = time.monotonic()
    action()
    return time.monotonic() - started


# --- the limiter on its own (a fake clock) -------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_limiter_spaces_starts_per_host_and_leaves_other_hosts_alone() -> None:
    clock = FakeClock()
    limiter = HostLimiter(min_interval_seconds=2.0, max_per_host=4, clock=clock, sleep=clock.sleep)
    limiter.acquire("a.example:443")()
    limiter.acquire("b.example:443")()  # another host: no wait
    assert clock.slept == []
    limiter.acquire("a.example:443")()
    limiter.acquire("a.example:443")()  # each booking takes the next free start
    assert clock.slept == [2.0, 2.0]
    clock.now += 10
    limiter.acquire("a.example:443")()  # the interval has long passed
    assert clock.slept == [2.0, 2.0]


def test_limiter_caps_concurrent_requests_per_host() -> None:
    limiter = HostLimiter(min_interval_seconds=0, max_per_host=1)
    release = limiter.acquire("a.example:80")
    got_second = threading.Event()

    def second() -> None:
        limiter.acquire("a.example:80")()
        got_second.set()

    worker = threading.Thread(target=second, daemon=True)
    worker.start()
    limiter.acquire("b.example:80")()  # another host is not held up by a's slot
    assert not got_second.wait(0.2)  # a's only slot is taken
    release()
    release()  # a second release is harmless (the slot is freed once)
    assert got_second.wait(2.0)
    worker.join(2.0)


def test_limiter_refuses_nonsense_settings() -> None:
    with pytest.raises(ValueError):
        HostLimiter(min_interval_seconds=-1, max_per_host=1)
    with pytest.raises(ValueError):
        HostLimiter(min_interval_seconds=0, max_per_host=0)


def test_host_key_fills_in_the_default_port() -> None:
    assert host_key(httpx.URL("https://ted.europa.eu/x")) == "ted.europa.eu:443"
    assert host_key(httpx.URL("http://127.0.0.1:8080/x")) == "127.0.0.1:8080"


# --- through the client, on the loopback server --------------------------------------------


def test_two_requests_to_one_host_are_spaced_by_the_interval(feed_server: FaultServer) -> None:
    url = feed_server.url(PATH)
    with _client(interval=0.5) as client:
        fetch(client, url, **FAST)
        second = _timed(lambda: fetch(client, url, **FAST))
    assert 0.4 <= second < 3.0
    with _client(interval=0) as client:
        fetch(client, url, **FAST)
        assert _timed(lambda: fetch(client, url, **FAST)) < 0.4
    assert feed_server.hits(PATH) == 4


def test_different_hosts_do_not_wait_for_each_other(
    feed_server: FaultServer, other_server: FaultServer
) -> None:
    with _client(interval=1.0) as client:
        fetch(client, feed_server.url(PATH), **FAST)
        assert _timed(lambda: fetch(client, other_server.url(PATH), **FAST)) < 0.5
        assert _timed(lambda: fetch(client, feed_server.url(PATH), **FAST)) >= 0.5


def test_concurrent_requests_to_different_hosts_run_together(
    feed_server: FaultServer, other_server: FaultServer
) -> None:
    # Each answer takes 0.6 s; with one slot per host, two hosts still overlap.
    urls = [feed_server.url(PATH + "?delay=0.6"), other_server.url(PATH + "?delay=0.6")]
    with _client(interval=0, per_host=1) as client:
        threads = [threading.Thread(target=fetch, args=(client, url), kwargs=FAST) for url in urls]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(5)
        assert time.monotonic() - started < 1.1


def test_one_slot_per_host_serialises_concurrent_requests(feed_server: FaultServer) -> None:
    url = feed_server.url(PATH + "?delay=0.4")
    with _client(interval=0, per_host=1) as client:
        threads = [threading.Thread(target=fetch, args=(client, url), kwargs=FAST) for _ in "ab"]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(5)
        assert time.monotonic() - started >= 0.75


def test_redirect_hops_wait_their_turn(feed_server: FaultServer) -> None:
    target = quote(feed_server.url(PATH), safe="")
    with _client(interval=0.5) as client:
        elapsed = _timed(lambda: fetch(client, feed_server.url(f"/redirect?to={target}"), **FAST))
    assert elapsed >= 0.4


def test_slots_come_back_after_errors_and_streams(feed_server: FaultServer) -> None:
    """With one slot per host, a leaked slot would hang the next request."""
    done = threading.Event()

    def run() -> None:
        with _client(interval=0, per_host=1, timeout=0.2) as client:
            with pytest.raises(FetchFailed, match="timed out"):
                fetch(client, feed_server.url(PATH + "?delay=1"), **FAST)
            with pytest.raises(FetchFailed, match="404"):
                fetch(client, feed_server.url("/missing.xml"), **FAST)
            with client.stream("GET", feed_server.url(PATH)) as response:
                next(response.iter_bytes())  # left unread: closing must free the slot
            fetch(client, feed_server.url(PATH), **FAST)
        done.set()

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    assert done.wait(10), "a slot was not released"


def test_make_client_can_share_one_limiter(feed_server: FaultServer) -> None:
    shared = HostLimiter(min_interval_seconds=0.5, max_per_host=2)
    url = feed_server.url(PATH)
    first = make_client(timeout=2, user_agent="t", allowed_networks=LOOPBACK, limiter=shared)
    second = make_client(timeout=2, user_agent="t", allowed_networks=LOOPBACK, limiter=shared)
    with first, second:
        fetch(first, url, **FAST)
        assert _timed(lambda: fetch(second, url, **FAST)) >= 0.4

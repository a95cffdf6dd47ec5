"""Fixtures for collector tests: the fault server over the recorded feeds, and a http_client."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from collectors.http import make_client
from tests.http_server import FaultServer

FEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"
LOOPBACK = [ipaddress.ip_network("127.0.0.0/8")]


@pytest.fixture
def feed_server() -> Iterator[FaultServer]:
    """A fresh server per test, so request counters start at zero."""
    with FaultServer(FEEDS) as server:
        yield server


@pytest.fixture
def http_client() -> Iterator[httpx.Client]:
    """The polite client, allowed to reach loopback only (as tests and the demo are), without
    the per-host interval: tests fetch many pages from one host."""
    with make_client(
        timeout=2.0, user_agent="RadarTest/1.0", allowed_networks=LOOPBACK, min_interval_seconds=0
    ) as c:
        yield c

"""The hand-written registry of collector kinds."""

from __future__ import annotations

import pytest

from collectors.errors import UnknownSourceKind
from collectors.registry import COLLECTORS, get_collector
from collectors.rss import RssCollector


def test_rss_is_registered_and_configurable() -> None:
    assert COLLECTORS["rss"] is RssCollector
    collector = get_collector("rss", max_bytes=1234, retries=0, backoff_seconds=0.5)
    assert isinstance(collector, RssCollector) and collector.kind == "rss"
    assert collector.max_bytes == 1234


def test_unknown_kind_lists_the_known_ones() -> None:
    with pytest.raises(UnknownSourceKind, match=r"'atomx'.*known kinds: .*rss"):
        get_collector("atomx")


def test_every_registered_class_declares_its_kind() -> None:
    assert all(cls.kind == kind for kind, cls in COLLECTORS.items())

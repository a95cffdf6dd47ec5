"""One suite every registered collector passes: 200, 304, 5xx, timeout, malformed body,
wrong encoding, oversize (style habit 11). A new kind adds its recorded fixtures to CASES."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from collectors.base import Collector, SourceSpec
from collectors.errors import BodyTooLarge, FetchFailed, ParseFailed
from collectors.http import make_client
from collectors.registry import COLLECTORS, get_collector
from tests.collectors.conftest import FEEDS, LOOPBACK
from tests.http_server import FaultServer

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@dataclass(frozen=True)
class ContractCase:
    """Recorded files for one kind: a good one, a malformed one, and a non-UTF-8 one."""

    good: str
    malformed: str
    encoded: str  # a body in a legacy charset, declared in the document itself
    encoded_word: str  # a word that must come out right from `encoded`
    root: Path = FEEDS  # the folder the fault server serves for this kind


CASES: dict[str, ContractCase] = {
    "rss": ContractCase(
        good="/TechCrunch.xml",
        malformed="/malformed.xml",
        encoded="/tr_windows1254.xml",
        encoded_word="doğalgaz",
    ),
    "complaints": ContractCase(
        good="/is-bankasi.html",
        malformed="/is-bankasi-truncated.html",
        encoded="/tr1254/is-bankasi.html",
        encoded_word="mağdur",
        root=FEEDS.parent / "complaints",
    ),
    "disclosures": ContractCase(
        good="/edgar_current.xml",
        malformed="/edgar_truncated.xml",
        encoded="/kap_windows1254.json",
        encoded_word="Teşvik",
        root=FEEDS.parent / "disclosures",
    ),
    "page": ContractCase(
        good="/press.html",
        malformed="/press_gzip_unlabelled.html",
        encoded="/press_windows1254.html",
        encoded_word="teşvik",
        root=FEEDS.parent / "pages",
    ),
    "tenders": ContractCase(
        good="/listing.txt",
        malformed="/20-157399-001-EXP.truncated.xml",
        encoded="/18-156915-001-EXP.latin1.xml",
        encoded_word="Weißenfels",
        root=FEEDS.parent / "ted",
    ),
    "patents": ContractCase(
        good="/ipg_grants_bulk.xml",
        malformed="/v4-5-B1.truncated.xml",
        encoded="/v4-5-B1.utf16.xml",
        encoded_word="Toyota",
        root=FEEDS.parent / "patents",
    ),
}
KINDS = sorted(COLLECTORS)


@pytest.fixture
def feed_server(kind: str) -> Iterator[FaultServer]:
    """The fault server over this kind's fixture folder (overrides conftest's feeds-only one)."""
    with FaultServer(CASES[kind].root) as server:
        yield server


# Recorded feeds link to real sites: the rss kind must not fetch their articles here.
KIND_OPTIONS: dict[str, dict[str, int]] = {"rss": {"max_articles": 0}}


def _collector(kind: str, retries: int = 2) -> Collector:
    return get_collector(
        kind,
        max_bytes=1_000_000,
        retries=retries,
        backoff_seconds=0.01,
        **KIND_OPTIONS.get(kind, {}),
    )


def _spec(kind: str, server: FaultServer, path: str) -> SourceSpec:
    return SourceSpec(name=f"{kind} contract", kind=kind, url=server.url(path))


def test_every_registered_kind_has_contract_fixtures() -> None:
    assert set(KINDS) == set(CASES)


@pytest.mark.parametrize("kind", KINDS)
def test_200_gives_items(kind: str, http_client: httpx.Client, feed_server: FaultServer) -> None:
    result = _collector(kind).fetch(
        _spec(kind, feed_server, CASES[kind].good), {}, client=http_client, now=NOW
    )
    assert result.items and not result.not_modified
    assert all(item.url and (item.title or item.text) for item in result.items)


@pytest.mark.parametrize("kind", KINDS)
def test_304_is_success_without_items(
    kind: str, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    spec = _spec(kind, feed_server, CASES[kind].good)
    first = _collector(kind).fetch(spec, {}, client=http_client, now=NOW)
    second = _collector(kind).fetch(spec, first.state, client=http_client, now=NOW)
    assert second.not_modified and second.items == [] and second.state == first.state


@pytest.mark.parametrize("kind", KINDS)
def test_5xx_fails_after_retries(
    kind: str, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    spec = _spec(kind, feed_server, CASES[kind].good + "?status=502")
    with pytest.raises(FetchFailed, match="502"):
        _collector(kind, retries=1).fetch(spec, {}, client=http_client, now=NOW)
    assert feed_server.hits(CASES[kind].good) == 2


@pytest.mark.parametrize("kind", KINDS)
def test_timeout_fails(kind: str, feed_server: FaultServer) -> None:
    spec = _spec(kind, feed_server, CASES[kind].good + "?delay=2")
    with (
        make_client(
            timeout=0.2, user_agent="t", allowed_networks=LOOPBACK, min_interval_seconds=0
        ) as impatient,
        pytest.raises(FetchFailed, match="timed out"),
    ):
        _collector(kind, retries=0).fetch(spec, {}, client=impatient, now=NOW)


@pytest.mark.parametrize("kind", KINDS)
def test_malformed_body_fails_to_parse(
    kind: str, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    with pytest.raises(ParseFailed):
        _collector(kind).fetch(
            _spec(kind, feed_server, CASES[kind].malformed), {}, client=http_client, now=NOW
        )


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "content_type",
    [
        "application/xml",
        "text/xml",
        "text/html; charset=utf-8",
        "application/xml; charset=iso-8859-1",
    ],
)
def test_legacy_encoding_survives_a_wrong_content_type(
    kind: str, content_type: str, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    case = CASES[kind]
    spec = _spec(kind, feed_server, f"{case.encoded}?content_type={quote(content_type)}")
    result = _collector(kind).fetch(spec, {}, client=http_client, now=NOW)
    assert any(case.encoded_word in item.text for item in result.items)


@pytest.mark.parametrize("kind", KINDS)
def test_oversize_body_is_refused(
    kind: str, http_client: httpx.Client, feed_server: FaultServer
) -> None:
    collector = get_collector(
        kind, max_bytes=100_000, retries=0, backoff_seconds=0.01, **KIND_OPTIONS.get(kind, {})
    )
    with pytest.raises(BodyTooLarge):
        collector.fetch(_spec(kind, feed_server, "/huge"), {}, client=http_client, now=NOW)

"""RssCollector against the recorded feeds served over loopback."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from collectors.base import SourceSpec
from collectors.errors import FetchFailed, ParseFailed, SourceUrlRefused
from collectors.rss import RssCollector
from tests.http_server import FaultServer

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TTC = Path("/work/shared/data/ttc3600/ttc3600.jsonl")
# The three TTC-3600 texts in tr_windows1254.xml, in feed order, whitespace collapsed.
TR_TEXT_STARTS = ["Gazprom'dan yapılan yazılı", "Şirket, Hint yetkililerin", "S&P, genel seçim"]


def _rss(retries: int = 2) -> RssCollector:
    return RssCollector(max_bytes=1_000_000, retries=retries, backoff_seconds=0.01)


def _spec(server: FaultServer, path: str) -> SourceSpec:
    return SourceSpec(name="feed", kind="rss", url=server.url(path))


def test_rss2_feed_items(http_client: httpx.Client, feed_server: FaultServer) -> None:
    result = _rss().fetch(_spec(feed_server, "/TechCrunch.xml"), {}, client=http_client, now=NOW)
    assert len(result.items) == 20
    first = result.items[0]
    assert first.title == (
        "Angie’s List Sets Price Range IPO At $11 To $13 Per Share; Valued At Over $600M"
    )
    assert first.url == "http://feedproxy.google.com/~r/Techcrunch/~3/kTeeGj4FnwU/"
    assert first.published_at == datetime(2011, 11, 2, 17, 25, 27, tzinfo=UTC)
    assert first.language == "en"
    assert "<" not in first.text and "  " not in first.text
    assert "Angie’s List" in first.text and len(first.text) > 500  # full content, not teaser


def test_atom_feed_items(http_client: httpx.Client, feed_server: FaultServer) -> None:
    spec = _spec(feed_server, "/google_alerts_atom.xml")
    result = _rss().fetch(spec, {}, client=http_client, now=NOW)
    assert len(result.items) == 20
    titles = [item.title for item in result.items]
    assert "Slack Stock Has a Compelling Story and the Numbers to Back It Up" in titles
    assert not any(
        "<b>" in title or "<b>" in item.text
        for title, item in zip(titles, result.items, strict=True)
    )
    second = result.items[1]
    assert second.url.startswith("https://www.google.com/url?")
    assert second.published_at == datetime(2019, 7, 10, 11, 46, 48, tzinfo=UTC)
    assert "Company's decision to go public" in second.text  # &#39; and &nbsp; decoded


def test_windows_1254_feed_comes_out_as_correct_turkish(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    spec = _spec(feed_server, "/tr_windows1254.xml")
    result = _rss().fetch(spec, {}, client=http_client, now=NOW)
    assert [
        item.text[: len(start)] for item, start in zip(result.items, TR_TEXT_STARTS, strict=True)
    ] == TR_TEXT_STARTS
    gazprom = result.items[0]
    assert gazprom.language == "tr"
    assert gazprom.title.startswith("Gazprom'dan yapılan yazılı açıklamada tarafların")
    assert gazprom.title.endswith("…")
    assert "ÇİPRAS İLE PUTİN BİR ARAYA GELECEK" in gazprom.text
    assert gazprom.published_at == datetime(2015, 6, 19, 7, 15, tzinfo=UTC)  # 10:15 +03:00
    nestle = result.items[1]
    assert "Nestlé yetkilileri, yasağa karşı mahkemeye başvurdu" in nestle.text


@pytest.mark.skipif(not TTC.exists(), reason="shared TTC-3600 data not on this machine")
def test_windows_1254_texts_equal_the_ttc3600_originals(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    originals: dict[str, str] = {}
    for line in TTC.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        originals[record["id"]] = " ".join(record["text"].split())
    spec = _spec(feed_server, "/tr_windows1254.xml")
    result = _rss().fetch(spec, {}, client=http_client, now=NOW)
    expected = [originals[f"ekonomi/c ({n}).txt"] for n in (328, 336, 331)]
    assert [item.text for item in result.items] == expected


def test_state_keeps_validators_and_304_keeps_state(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    spec = _spec(feed_server, "/TechCrunch.xml")
    first = _rss().fetch(spec, {"cursor": "kept"}, client=http_client, now=NOW)
    assert first.state["etag"].startswith('"') and first.state["last_modified"].endswith("GMT")
    assert first.state["cursor"] == "kept"
    second = _rss().fetch(spec, first.state, client=http_client, now=NOW)
    assert second.not_modified and second.items == [] and second.state == first.state
    assert feed_server.last_headers("/TechCrunch.xml")["if-none-match"] == first.state["etag"]


def test_validators_the_server_stops_sending_are_dropped(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    old = {"etag": '"stale"', "last_modified": "Tue, 01 Nov 2011 00:00:00 GMT"}
    result = _rss().fetch(
        _spec(feed_server, "/TechCrunch.xml?etag=0&last_modified=0"),
        old,
        client=http_client,
        now=NOW,
    )
    assert len(result.items) == 20 and "etag" not in result.state
    assert "last_modified" not in result.state


def test_server_error_fails_after_retries(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    with pytest.raises(FetchFailed, match="HTTP 500"):
        _rss(retries=2).fetch(
            _spec(feed_server, "/TechCrunch.xml?status=500"), {}, client=http_client, now=NOW
        )
    assert feed_server.hits("/TechCrunch.xml") == 3


def test_two_failures_then_success_recovers(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    result = _rss(retries=2).fetch(
        _spec(feed_server, "/TechCrunch.xml?fail_times=2"), {}, client=http_client, now=NOW
    )
    assert len(result.items) == 20 and feed_server.hits("/TechCrunch.xml") == 3


def test_truncated_feed_is_refused_whole(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    # The loose parser would recover the first items and a cut last one: store none of them.
    with pytest.raises(ParseFailed, match="truncated"):
        _rss().fetch(_spec(feed_server, "/malformed.xml"), {}, client=http_client, now=NOW)
    with pytest.raises(ParseFailed, match="truncated"):
        _rss().fetch(
            _spec(feed_server, "/TechCrunch.xml?truncate=60000&declare=short"),
            {},
            client=http_client,
            now=NOW,
        )


def test_a_page_that_is_not_a_feed_fails_to_parse(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    with pytest.raises(ParseFailed, match="not an RSS or Atom feed"):
        _rss().fetch(_spec(feed_server, "/not_a_feed.html"), {}, client=http_client, now=NOW)


def test_an_empty_valid_feed_is_no_items_not_an_error(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    result = _rss().fetch(_spec(feed_server, "/empty.xml"), {}, client=http_client, now=NOW)
    assert result.items == [] and not result.not_modified


def test_redirect_to_metadata_address_is_refused(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    spec = _spec(feed_server, "/redirect?to=http%3A%2F%2F169.254.169.254%2F")
    with pytest.raises(SourceUrlRefused):
        _rss().fetch(spec, {}, client=http_client, now=NOW)

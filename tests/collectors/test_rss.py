"""RssCollector against the recorded feeds served over loopback."""

from __future__ import annotations

import html
import json
import logging
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from collectors.base import SourceSpec
from collectors.errors import FetchFailed, ParseFailed, SourceUrlRefused
from collectors.robots import RobotsDisallowed
from collectors.rss import ARTICLE_LINKS, RssCollector, article_text
from tests.collectors.conftest import FEEDS
from tests.http_server import FaultServer

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TTC = Path("/work/shared/data/ttc3600/ttc3600.jsonl")
# The three TTC-3600 texts in tr_windows1254.xml, in feed order, whitespace collapsed.
TR_TEXT_STARTS = ["Gazprom'dan yapılan yazılı", "Şirket, Hint yetkililerin", "S&P, genel seçim"]
# summaries.xml: two teasers linking to hand-written articles, one item with full content.
ARTICLES = FEEDS.parent / "articles"
ORNEK = "/articles/ornek-makina-ihracat.html"
NORTHWIND = "/articles/northwind-plant-closure.html"
GUNEY = "/articles/guney-enerji-halka-arz.html"  # never fetched: its item is not a teaser
ORNEK_SUMMARY = (
    "Örnek Makina, Alman bir traktör üreticisiyle dişli kutusu tedariki için anlaşma imzaladı."
)
ORNEK_BODY = "Alman bir traktör üreticisiyle üç yıl sürecek bir dişli kutusu tedarik anlaşması"
NORTHWIND_BODY = "Northwind Components Ltd, the auto-parts maker, said on Wednesday"
# Companies named only by readers, in related links or in the site's navigation.
NOT_IN_ARTICLES = [
    "Deneme Gıda",
    "Kuzey Tekstil",
    "Contoso",
    "Fabrikam",
    "Anadolu Çelik",
    "Litware",
    "Yorumlar",
    "Piyasalar",
]


def _rss(retries: int = 2, max_articles: int = 0) -> RssCollector:
    # The recorded feeds link to the real sites: full text stays off for them (no network in
    # tests); the full-text tests below serve their own articles on loopback.
    return RssCollector(
        max_bytes=1_000_000, retries=retries, backoff_seconds=0.01, max_articles=max_articles
    )


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


# --- full text for teaser-only feeds ------------------------------------------------------


@pytest.fixture
def news_site() -> Iterator[FaultServer]:
    """The fixtures folder on loopback: /feeds/summaries.xml and the pages in /articles/."""
    with FaultServer(FEEDS.parent) as server:
        yield server


def _site_copy(root: Path, robots: str) -> Path:
    shutil.copytree(FEEDS, root / "feeds")
    shutil.copytree(ARTICLES, root / "articles")
    (root / "robots.txt").write_text(robots)
    return root


def _news(server: FaultServer, query: str = "") -> SourceSpec:
    return SourceSpec(name="news", kind="rss", url=server.url("/feeds/summaries.xml" + query))


def test_teasers_are_replaced_by_the_articles_main_text(
    http_client: httpx.Client, news_site: FaultServer
) -> None:
    result = _rss(max_articles=20).fetch(_news(news_site), {}, client=http_client, now=NOW)
    ornek, northwind, guney = result.items
    assert ORNEK_BODY in ornek.text and "80 kişilik ek istihdam" in ornek.text
    assert ornek.text.count("\n") == 4  # one paragraph a line, five paragraphs
    assert ornek.extra == {"full_text": True} and ornek.language == "tr"
    assert NORTHWIND_BODY in northwind.text and "covenant test" in northwind.text
    assert northwind.language == "en"  # the page's <html lang>, not the feed's tr-TR
    assert ornek.title.startswith("Örnek Makina'dan") and ornek.url == news_site.url(ORNEK)
    # An item with full content is left alone and its page is never asked for.
    assert guney.text.startswith("Güney Enerji Üretim A.Ş., paylarının") and guney.extra == {}
    assert news_site.hits(GUNEY) == 0
    assert news_site.hits(ORNEK) == news_site.hits(NORTHWIND) == 1


def test_reader_comments_related_links_and_navigation_are_left_out(
    http_client: httpx.Client, news_site: FaultServer
) -> None:
    result = _rss(max_articles=20).fetch(_news(news_site), {}, client=http_client, now=NOW)
    texts = [item.text for item in result.items[:2]]
    assert all(item.extra.get("full_text") for item in result.items[:2])
    assert [name for name in NOT_IN_ARTICLES if any(name in text for text in texts)] == []


def test_a_failing_article_keeps_its_summary_and_the_others_get_full_text(
    http_client: httpx.Client, news_site: FaultServer, caplog: pytest.LogCaptureFixture
) -> None:
    news_site.override(ORNEK, status="500")
    with caplog.at_level(logging.WARNING, logger="radar.collectors"):
        result = _rss(retries=1, max_articles=20).fetch(
            _news(news_site), {}, client=http_client, now=NOW
        )
    ornek, northwind, _ = result.items
    assert ornek.text == ORNEK_SUMMARY and ornek.extra == {}
    assert NORTHWIND_BODY in northwind.text
    assert news_site.hits(ORNEK) == 2  # the usual retry, then the summary
    assert any("HTTP 500" in record.getMessage() for record in caplog.records)
    # Handled, so not asked again on the next run (the document is stored once).
    assert result.state[ARTICLE_LINKS] == [news_site.url(ORNEK), news_site.url(NORTHWIND)]


def test_robots_txt_disallowing_the_articles_keeps_the_summaries(
    http_client: httpx.Client, tmp_path: Path
) -> None:
    site = _site_copy(tmp_path, "User-agent: *\nDisallow: /articles/\n")
    with FaultServer(site) as server:
        result = _rss(max_articles=20).fetch(_news(server), {}, client=http_client, now=NOW)
        assert server.hits(ORNEK) == server.hits(NORTHWIND) == 0
        assert server.hits("/robots.txt") == 1
    assert result.items[0].text == ORNEK_SUMMARY
    assert result.items[1].text == "The auto-parts maker blames falling orders. Read more"


def test_robots_txt_disallowing_the_feed_fails_before_fetching_it(
    http_client: httpx.Client, tmp_path: Path
) -> None:
    site = _site_copy(tmp_path, "User-agent: *\nDisallow: /feeds/\n")
    with FaultServer(site) as server:
        with pytest.raises(RobotsDisallowed):
            _rss(max_articles=20).fetch(_news(server), {}, client=http_client, now=NOW)
        assert server.hits("/feeds/summaries.xml") == 0


def test_a_rerun_does_not_fetch_the_articles_again(
    http_client: httpx.Client, news_site: FaultServer
) -> None:
    spec = _news(news_site, "?etag=0&last_modified=0")  # the feed answers 200 every time
    first = _rss(max_articles=20).fetch(spec, {}, client=http_client, now=NOW)
    second = _rss(max_articles=20).fetch(spec, first.state, client=http_client, now=NOW)
    assert news_site.hits(ORNEK) == news_site.hits(NORTHWIND) == 1
    assert [item.url for item in second.items] == [item.url for item in first.items]
    assert second.state == first.state


def test_max_articles_bounds_the_pages_fetched_in_one_run(
    http_client: httpx.Client, news_site: FaultServer
) -> None:
    spec = _news(news_site, "?etag=0&last_modified=0")
    first = _rss(max_articles=1).fetch(spec, {}, client=http_client, now=NOW)
    assert ORNEK_BODY in first.items[0].text
    assert first.items[1].text == "The auto-parts maker blames falling orders. Read more"
    assert news_site.hits(NORTHWIND) == 0
    # Its summary is stored now and documents are insert-only: a later page would be wasted.
    assert first.state[ARTICLE_LINKS] == [news_site.url(ORNEK), news_site.url(NORTHWIND)]
    _rss(max_articles=1).fetch(spec, first.state, client=http_client, now=NOW)
    assert news_site.hits(NORTHWIND) == 0 and news_site.hits(ORNEK) == 1


def test_links_the_feed_no_longer_lists_are_forgotten(
    http_client: httpx.Client, news_site: FaultServer
) -> None:
    old = {ARTICLE_LINKS: ["https://radar.example/old", news_site.url(NORTHWIND)]}
    result = _rss(max_articles=20).fetch(_news(news_site), old, client=http_client, now=NOW)
    assert result.state[ARTICLE_LINKS] == [news_site.url(NORTHWIND), news_site.url(ORNEK)]
    assert news_site.hits(NORTHWIND) == 0 and news_site.hits(ORNEK) == 1


def test_full_text_off_leaves_the_state_alone(
    http_client: httpx.Client, news_site: FaultServer
) -> None:
    result = _rss(max_articles=0).fetch(_news(news_site), {}, client=http_client, now=NOW)
    assert result.items[0].text == ORNEK_SUMMARY and ARTICLE_LINKS not in result.state
    assert news_site.hits(ORNEK) == 0


def test_a_server_that_cannot_be_reached_is_tried_once_per_run(
    http_client: httpx.Client, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Port 1 on loopback refuses connections. The first link redirects there and fails; the
    # third points there directly and is not tried; the second, on the redirecting server
    # itself, is still fetched.
    links = [
        "/redirect?to=http%3A%2F%2F127.0.0.1%3A1%2Fgone",
        NORTHWIND,
        "http://127.0.0.1:1/other",
    ]
    items = "".join(
        f"<item><title>t{n}</title><link>{html.escape(link)}</link>"
        f"<description>teaser {n}</description></item>"
        for n, link in enumerate(links)
    )
    _site_copy(tmp_path, "")
    (tmp_path / "feed.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>x</title>'
        f"{items}</channel></rss>"
    )
    with FaultServer(tmp_path) as server, caplog.at_level(logging.WARNING):
        result = _rss(retries=1, max_articles=20).fetch(
            SourceSpec(name="x", kind="rss", url=server.url("/feed.xml")),
            {},
            client=http_client,
            now=NOW,
        )
        assert server.hits("/redirect") == 2 and server.hits(NORTHWIND) == 1
    first, second, third = result.items
    assert first.text == "teaser 0" and third.text == "teaser 2"
    assert NORTHWIND_BODY in second.text
    failures = [r.getMessage() for r in caplog.records if "kept its summary" in r.getMessage()]
    assert len(failures) == 1 and "/redirect" in failures[0]


def test_a_one_sentence_article_does_not_bring_the_navigation_in() -> None:
    # trafilatura's default focus retries a short article in recall mode over the whole page
    # and returns the menu instead; precision keeps to the article.
    companies = ["Anadolu Çelik", "Güney Enerji", "Deneme Gıda", "Kuzey Tekstil"]
    menu = "".join(
        f'<li><a href="/sirketler/{n}">{companies[n % 4]} haberleri</a></li>' for n in range(40)
    )
    page = (
        '<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>Kısa haber</title>'
        f"</head><body><header><nav><ul>{menu}</ul></nav></header><main><article>"
        "<h1>Temettü</h1><p>Örnek Makina, hisse başına 1,20 TL brüt temettü dağıtacağını "
        "açıkladı.</p></article></main><footer><p>© 2024 Ekonomi Gündem</p></footer></body></html>"
    )
    text = article_text(page.encode("utf-8"), content_type="text/html; charset=utf-8")
    assert text == "Temettü\nÖrnek Makina, hisse başına 1,20 TL brüt temettü dağıtacağını açıkladı."

"""RSS 0.9x/1.0/2.0 and Atom news feeds: our polite fetch, then feedparser on the bytes.

feedparser never fetches: it gets `io.BytesIO(body)`, because `parse()` given a string may open
it as a URL or a file, past the SSRF gate and the size cap. Feeds are fetched with robots.txt
respected. feedparser's HTML sanitiser and relative-URI rewriting are off: every title and
text is reduced to plain text here (`_plain`), so they would only cost time.

Dates: `published_at` is timezone-aware UTC, the convention of every stored timestamp
(feedparser has already converted each entry's date, whatever its offset, to UTC).

Full text. Many feeds carry a teaser only. An item whose text (content:encoded or Atom
content, else the summary) is shorter than `SHORT_TEXT_CHARS` has its link fetched through the
same client (robots.txt respected, same size cap) and the article's main text extracted with
trafilatura (`fast=True`, `include_comments=False`: reader comments name other companies;
`favor_precision=True`, see `article_text`); it replaces the summary when it is longer. A
page that fails (HTTP error, robots.txt, not HTML, no main text) leaves the summary and is
logged: one bad article never fails the feed. At most `max_articles` pages are fetched per
run (0 turns full text off), and a server that cannot be reached (connection error, timeout)
is not asked again in the same run.

State: ``etag``, ``last_modified``, and ``article_links``: the links of short items already
emitted, with their article or their summary. The runner stores a document once and never
updates it, so fetching those pages again would be wasted; this includes items left with
their summary because the run's `max_articles` was spent. Links the feed no longer lists are
dropped, so the list stays the size of the feed.
"""

from __future__ import annotations

import dataclasses
import html
import io
import logging
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx
import lxml.etree
import lxml.html
import trafilatura

from collectors.base import FetchResult, RawItem, SourceSpec
from collectors.errors import CollectorError, ParseFailed
from collectors.http import HttpResponse, fetch, next_validators
from collectors.robots import RobotsDisallowed
from collectors.webpage import decode_html

log = logging.getLogger("radar.collectors")

ARTICLE_LINKS = "article_links"
# Shorter than this, an item's text is taken for a teaser and its article is fetched.
SHORT_TEXT_CHARS = 600
MAX_ARTICLE_LINKS = 1000  # a bound on the state for feeds with thousands of items
# The encoding the document declares in its XML prolog (bytes, so before any decoding).
_XML_ENCODING = re.compile(rb"^\s*(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding=[\"']([A-Za-z0-9._-]+)")
# A complete feed ends by closing its root (rss, feed or rdf:RDF), perhaps then comments.
_ROOT_CLOSED = re.compile(rb"</(?:[\w.-]+:)?(?:rss|feed|RDF)\s*>(?:\s|<!--.*?-->)*\Z", re.S)
_HTML_LANG = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2})\b", re.I)
_SPACE = re.compile(r"\s+")


class RssCollector:
    """Collector for kind "rss": one feed URL, items from its entries, teasers made whole."""

    kind = "rss"

    def __init__(
        self,
        *,
        max_bytes: int = 10 * 1024 * 1024,
        retries: int = 2,
        backoff_seconds: float = 0.5,
        max_articles: int = 20,
    ) -> None:
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff_seconds = backoff_seconds
        self.max_articles = max_articles

    def fetch(
        self, source: SourceSpec, state: dict[str, Any], *, client: httpx.Client, now: datetime
    ) -> FetchResult:
        """Fetch the feed conditionally and turn its entries into RawItems, fetching the
        article of each item that carries a teaser only (see the module docstring).

        Raises FetchFailed (and BodyTooLarge, RobotsDisallowed), SourceUrlRefused, or
        ParseFailed when the body is not a complete RSS/Atom feed. A 304 is success with no
        items and the state kept. Article pages never raise: they fall back to the summary.
        """
        response = fetch(
            client,
            source.url,
            etag=state.get("etag"),
            last_modified=state.get("last_modified"),
            max_bytes=self.max_bytes,
            retries=self.retries,
            backoff_seconds=self.backoff_seconds,
            respect_robots=True,
        )
        if response.status == 304:
            return FetchResult(items=[], state=dict(state), not_modified=True)
        items = items_from_feed(response)
        new_state = next_validators(state, response)
        if self.max_articles > 0:
            items, links = self._full_texts(items, list(state.get(ARTICLE_LINKS) or []), client)
            new_state[ARTICLE_LINKS] = links
        return FetchResult(items=items, state=new_state)

    def _full_texts(
        self, items: list[RawItem], handled: list[str], client: httpx.Client
    ) -> tuple[list[RawItem], list[str]]:
        """Items with teasers replaced by their articles, and the links handled so far."""
        listed = {item.url for item in items}
        links = [link for link in handled if link in listed]
        seen = set(links)
        fetched = over_budget = 0
        unreachable: set[str] = set()
        out: list[RawItem] = []
        for item in items:
            if len(item.text) >= SHORT_TEXT_CHARS or item.url in seen:
                out.append(item)
                continue
            seen.add(item.url)
            links.append(item.url)
            if (
                urlsplit(item.url).scheme not in ("http", "https")
                or _origin(item.url) in unreachable
            ):
                out.append(item)
            elif fetched >= self.max_articles:
                over_budget += 1
                out.append(item)
            else:
                fetched += 1
                out.append(self._with_article(item, client, unreachable))
        if over_budget:
            log.info(
                "%d item(s) kept their summary: max_articles=%d reached",
                over_budget,
                self.max_articles,
            )
        return out, links[-MAX_ARTICLE_LINKS:]

    def _with_article(self, item: RawItem, client: httpx.Client, unreachable: set[str]) -> RawItem:
        """The item with its article's text, or unchanged (logged) when the page fails."""
        try:
            response = fetch(
                client,
                item.url,
                max_bytes=self.max_bytes,
                retries=self.retries,
                backoff_seconds=self.backoff_seconds,
                respect_robots=True,
            )
            text = article_text(
                response.body, content_type=response.headers.get("content-type"), url=response.url
            )
        except RobotsDisallowed as exc:
            log.info("article %s kept its summary: %s", item.url, exc)
            return item
        except CollectorError as exc:
            if isinstance(exc.__cause__, httpx.TransportError):
                unreachable.add(_failed_origin(exc.__cause__, item.url))
            log.warning("article %s kept its summary: %s: %s", item.url, type(exc).__name__, exc)
            return item
        if len(text) <= len(item.text):
            log.info("article %s kept its summary: the page has no longer text", item.url)
            return item
        found = _HTML_LANG.search(response.body[:4096])
        # The page's own language tag describes the text now stored better than the feed's.
        language = _language(found[1].decode("ascii")) if found else item.language
        return dataclasses.replace(
            item, text=text, language=language, extra=item.extra | {"full_text": True}
        )


def items_from_feed(response: HttpResponse) -> list[RawItem]:
    """The feed's entries as RawItems, text as it is in the feed (no article fetched).

    Raises ParseFailed when the body is not a complete RSS/Atom feed.
    """
    parsed = _parse(response)
    language = _language(parsed.feed.get("language") or response.headers.get("content-language"))
    return [
        item
        for entry in parsed.entries
        if (item := _item(entry, response.url, language)) is not None
    ]


def article_text(body: bytes, *, content_type: str | None = None, url: str | None = None) -> str:
    """An article page's main text, one paragraph a line. Raises ParseFailed when the body is
    not HTML or has no main text.

    trafilatura with `fast=True`, `include_comments=False` and `favor_precision=True`. In its
    default (balanced) focus, a short article (a few sentences) makes trafilatura retry in
    recall mode over the whole page, which brings the navigation and related links in (their
    headlines name other companies) and costs a third of the time (bench/collect.py).
    """
    page = decode_html(body, content_type)
    head = page[:2048]
    if "\x00" in head or "<" not in head:
        raise ParseFailed(f"{url or 'page'} is not an HTML page")
    try:
        text = trafilatura.extract(
            page, url=url, fast=True, include_comments=False, favor_precision=True
        )
    except Exception as exc:  # lxml and trafilatura errors on hostile input are parse failures
        raise ParseFailed(f"{url or 'page'}: text extraction failed: {exc!r}") from exc
    lines = (_SPACE.sub(" ", line).strip() for line in str(text or "").splitlines())
    joined = "\n".join(line for line in lines if line)
    if not joined:
        raise ParseFailed(f"{url or 'page'} has no main text")
    return joined


def _parse(response: HttpResponse) -> Any:
    headers = dict(response.headers)
    headers.setdefault("content-location", response.url)  # base for relative links
    body = response.body
    if _XML_ENCODING.match(body[:512]):
        # The prolog names the encoding the feed was written in; a server's default charset
        # (often iso-8859-1, which never fails to decode) would turn Turkish into mojibake.
        headers["content-type"] = headers.get("content-type", "application/xml").split(";")[0]
        # Whitespace before the prolog is not well-formed XML: feedparser would fall back to
        # its loose parser for the whole feed, several times slower.
        body = body.lstrip()
    try:
        parsed = feedparser.parse(
            io.BytesIO(body),
            response_headers=headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except Exception as exc:  # feedparser's own bugs on hostile input are parse failures too
        raise ParseFailed(f"{response.url}: feedparser failed: {exc!r}") from exc
    reason = parsed.get("bozo_exception")
    if not parsed.entries and not parsed.version:
        raise ParseFailed(
            f"{response.url} is not an RSS or Atom feed" + (f": {reason}" if reason else "")
        )
    if parsed.bozo and not parsed.entries:
        raise ParseFailed(f"{response.url}: malformed feed with no items: {reason}")
    if parsed.bozo and not _ROOT_CLOSED.search(body[-4096:]):
        # The loose parser recovers the first items and a cut last one from a truncated body;
        # storing them would keep that cut text for good (documents are insert-only).
        raise ParseFailed(f"{response.url}: feed is truncated (no closing root tag): {reason}")
    if parsed.bozo:
        log.info("%s parsed despite an error: %s", response.url, reason)
    return parsed


def _item(entry: Any, base_url: str, feed_language: str | None) -> RawItem | None:
    url = entry.get("link") or entry.get("id")
    if not url:
        return None
    title_detail = entry.get("title_detail") or {}
    title = _plain(entry.get("title", ""), title_detail.get("type", "text/plain"))
    return RawItem(
        url=urljoin(base_url, url),
        title=title,
        text=_body(entry),
        published_at=_published(entry),
        language=_language(entry.get("language")) or feed_language,
    )


def _body(entry: Any) -> str:
    # Full content (content:encoded, Atom content) when there is some, else the summary.
    for part in entry.get("content") or []:
        text = _plain(part.get("value", ""), part.get("type", "text/html"))
        if text:
            return text
    detail = entry.get("summary_detail") or {}
    return _plain(entry.get("summary", ""), detail.get("type", "text/html"))


def _plain(value: str, content_type: str) -> str:
    """Text without markup (scripts, styles and comments dropped), whitespace collapsed."""
    if "html" in content_type and "<" in value:
        value = _html_text(value)
    elif "html" in content_type:
        value = html.unescape(value)  # "S&amp;P" without any tag still means "S&P"
    return _SPACE.sub(" ", value).strip()


def _html_text(value: str) -> str:
    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except (lxml.etree.ParserError, ValueError):  # nothing but whitespace, or a NUL byte
        return html.unescape(re.sub(r"<[^>]*>", " ", value.replace("\x00", "")))
    lxml.etree.strip_elements(root, "script", "style", lxml.etree.Comment, with_tail=False)
    # A space between text nodes, as a browser's block layout would mostly put one.
    return " ".join(root.itertext())


def _origin(url: str) -> str:
    """scheme://host:port: what a connection failure is about."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return url
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    return f"{parsed.scheme}://{parsed.host}:{port}"


def _failed_origin(error: httpx.TransportError, url: str) -> str:
    # The request that failed, which after a redirect is not the link's own host (a Google
    # Alerts link whose target is down must not stop the other google.com links).
    try:
        return _origin(str(error.request.url))
    except RuntimeError:  # an error raised without its request
        return _origin(url)


def _published(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    # feedparser's struct_time is already UTC.
    return datetime(*parsed[:6]).replace(tzinfo=UTC)


def _language(value: str | None) -> str | None:
    """'tr-TR' → 'tr', 'en-us' → 'en'; None for anything that is not a language tag."""
    code = (value or "").strip()[:2].lower()
    return code if len(code) == 2 and code.isalpha() else None

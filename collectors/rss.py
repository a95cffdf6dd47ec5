"""RSS 0.9x/1.0/2.0 and Atom news feeds: our polite fetch, then feedparser on the bytes.

feedparser never fetches: it gets `io.BytesIO(body)`, because `parse()` given a string may open
it as a URL or a file, past the SSRF gate and the size cap.

Dates: `published_at` is timezone-aware UTC, the convention of every stored timestamp
(feedparser has already converted each entry's date, whatever its offset, to UTC).
"""

from __future__ import annotations

import html
import io
import logging
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser
import httpx
from bs4 import BeautifulSoup

from collectors.base import FetchResult, RawItem, SourceSpec
from collectors.errors import ParseFailed
from collectors.http import HttpResponse, fetch

log = logging.getLogger("radar.collectors")

VALIDATORS = ("etag", "last_modified")
# The encoding the document declares in its XML prolog (bytes, so before any decoding).
_XML_ENCODING = re.compile(rb"^\s*(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding=[\"']([A-Za-z0-9._-]+)")
# A complete feed ends by closing its root (rss, feed or rdf:RDF), perhaps then comments.
_ROOT_CLOSED = re.compile(rb"</(?:[\w.-]+:)?(?:rss|feed|RDF)\s*>(?:\s|<!--.*?-->)*\Z", re.S)
_SPACE = re.compile(r"\s+")


class RssCollector:
    """Collector for kind "rss": one feed URL, items from its entries."""

    kind = "rss"

    def __init__(
        self, *, max_bytes: int = 10 * 1024 * 1024, retries: int = 2, backoff_seconds: float = 0.5
    ) -> None:
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff_seconds = backoff_seconds

    def fetch(
        self, source: SourceSpec, state: dict[str, Any], *, client: httpx.Client, now: datetime
    ) -> FetchResult:
        """Fetch the feed conditionally and turn its entries into RawItems.

        Raises FetchFailed (and BodyTooLarge), SourceUrlRefused, or ParseFailed when the body
        is not a complete RSS/Atom feed. A 304 is success with no items and the state kept.
        """
        response = fetch(
            client,
            source.url,
            etag=state.get("etag"),
            last_modified=state.get("last_modified"),
            max_bytes=self.max_bytes,
            retries=self.retries,
            backoff_seconds=self.backoff_seconds,
        )
        if response.status == 304:
            return FetchResult(items=[], state=dict(state), not_modified=True)
        parsed = _parse(response)
        language = _language(
            parsed.feed.get("language") or response.headers.get("content-language")
        )
        items = [
            item
            for entry in parsed.entries
            if (item := _item(entry, response.url, language)) is not None
        ]
        return FetchResult(items=items, state=_next_state(state, response))


def _parse(response: HttpResponse) -> Any:
    headers = dict(response.headers)
    headers.setdefault("content-location", response.url)  # base for relative links
    if _XML_ENCODING.match(response.body[:512]):
        # The prolog names the encoding the feed was written in; a server's default charset
        # (often iso-8859-1, which never fails to decode) would turn Turkish into mojibake.
        headers["content-type"] = headers.get("content-type", "application/xml").split(";")[0]
    try:
        parsed = feedparser.parse(io.BytesIO(response.body), response_headers=headers)
    except Exception as exc:  # feedparser's own bugs on hostile input are parse failures too
        raise ParseFailed(f"{response.url}: feedparser failed: {exc!r}") from exc
    reason = parsed.get("bozo_exception")
    if not parsed.entries and not parsed.version:
        raise ParseFailed(
            f"{response.url} is not an RSS or Atom feed" + (f": {reason}" if reason else "")
        )
    if parsed.bozo and not parsed.entries:
        raise ParseFailed(f"{response.url}: malformed feed with no items: {reason}")
    if parsed.bozo and not _ROOT_CLOSED.search(response.body[-4096:]):
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
    """Text without markup, whitespace collapsed."""
    if "html" in content_type and "<" in value:
        soup = BeautifulSoup(value, "html.parser")
        for tag in soup(["script", "style"]):
            tag.decompose()
        value = soup.get_text(" ")
    elif "html" in content_type:
        value = html.unescape(value)  # "S&amp;P" without any tag still means "S&P"
    return _SPACE.sub(" ", value).strip()


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


def _next_state(state: dict[str, Any], response: HttpResponse) -> dict[str, Any]:
    """Other keys kept; validators replaced by what the server sent now (dropped if none)."""
    new = {key: value for key, value in state.items() if key not in VALIDATORS}
    if response.headers.get("etag"):
        new["etag"] = response.headers["etag"]
    if response.headers.get("last-modified"):
        new["last_modified"] = response.headers["last-modified"]
    return new

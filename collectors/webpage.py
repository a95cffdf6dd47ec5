"""Kind "page": watch any web page (a company's press page, an investor-relations page) and
emit what is new on it, the way changedetection.io does.

Each run: a conditional GET; the main text extracted with trafilatura (`fast=True`, no
comments, so menus, footers and comment threads do not count as changes); the lines that were
not in the last version become one RawItem. The first run emits the whole text. A run that
only removed lines, or changed nothing, emits nothing.

The item's URL is the page URL plus a fragment made from the new version's content hash
(``#radar-version=<16 hex>``), so every change is its own document; the item carries
``extra["keep_fragment"] = True`` because the runner drops fragments from URLs otherwise.

State: ``etag``, ``last_modified``, ``version`` (that hash) and ``text``: the last version's
main text, at most `max_state_chars` characters (cut at a line end). Text past that bound is
ignored in both versions, so a change there goes unseen rather than being reported on every
run.

`decode_html` (the document's own ``<meta charset>`` first, then the header's) is shared with
the complaints kind.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
from datetime import datetime
from typing import Any

import httpx
import trafilatura

from collectors.base import FetchResult, RawItem, SourceSpec
from collectors.errors import ParseFailed
from collectors.http import decode_text, fetch, next_validators

log = logging.getLogger("radar.collectors")

FRAGMENT = "radar-version="
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
_HTML_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2})\b", re.I)
_SPACE = re.compile(r"\s+")


def decode_html(body: bytes, content_type: str | None) -> str:
    """HTML bytes to text. The charset the document declares in its own ``<meta>`` wins over
    the Content-Type header: servers send a default charset (often iso-8859-1, which never
    fails to decode) far more often than authors mislabel their pages."""
    found = _META_CHARSET.search(body[:4096])
    declared = found[1].decode("ascii") if found else None
    if declared is None and content_type:
        header = _HEADER_CHARSET.search(content_type)
        declared = header[1] if header else None
    return decode_text(body, declared)


class PageCollector:
    """Collector for kind "page": one page URL, one item per change of its main text."""

    kind = "page"

    def __init__(
        self,
        *,
        max_bytes: int = 5 * 1024 * 1024,
        retries: int = 2,
        backoff_seconds: float = 0.5,
        max_state_chars: int = 100_000,
    ) -> None:
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff_seconds = backoff_seconds
        self.max_state_chars = max_state_chars

    def fetch(
        self, source: SourceSpec, state: dict[str, Any], *, client: httpx.Client, now: datetime
    ) -> FetchResult:
        """Fetch the page and return what is new since the version kept in `state`.

        Raises FetchFailed (and BodyTooLarge), SourceUrlRefused, or ParseFailed when the body
        is not an HTML page with extractable text.
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
        page = decode_html(response.body, response.headers.get("content-type"))
        text = _bounded(main_text(page, url=response.url), self.max_state_chars)
        version = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        new_state = next_validators(state, response) | {"version": version, "text": text}
        if state.get("version") == version:
            return FetchResult(items=[], state=new_state)
        first = "text" not in state
        added = text if first else _added_lines(str(state.get("text", "")), text)
        if not added:
            return FetchResult(items=[], state=new_state)
        item = RawItem(
            url=f"{source.url.split('#', 1)[0]}#{FRAGMENT}{version}",
            title=_title(page) or source.name,
            text=added,
            # A change was seen now; the first version's age is unknown.
            published_at=None if first else now,
            language=_language(page),
            extra={"keep_fragment": True, "page": {"version": version, "first": first}},
        )
        return FetchResult(items=[item], state=new_state)


def main_text(page: str, *, url: str | None = None) -> str:
    """The page's main text (trafilatura, fast, without comments); ParseFailed when the body
    is not HTML or has no main text (a script-only shell, a binary file)."""
    head = page[:2048]
    if "\x00" in head or "<" not in head:
        raise ParseFailed(f"{url or 'page'} is not an HTML page")
    try:
        text = trafilatura.extract(page, url=url, fast=True, include_comments=False)
    except Exception as exc:  # lxml and trafilatura errors on hostile input are parse failures
        raise ParseFailed(f"{url or 'page'}: text extraction failed: {exc!r}") from exc
    if not text or not text.strip():
        raise ParseFailed(f"{url or 'page'} has no main text to watch")
    return str(text).strip()


def _bounded(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    return text[: cut if cut > 0 else limit]


def _added_lines(old: str, new: str) -> str:
    """Lines of `new` that `old` did not have, in the order of `new`."""
    seen = {line.strip() for line in old.splitlines()}
    return "\n".join(line for line in new.splitlines() if line.strip() and line.strip() not in seen)


def _title(page: str) -> str:
    found = _TITLE.search(page[:65536])
    if not found:
        return ""
    return _SPACE.sub(" ", html.unescape(found[1])).strip()


def _language(page: str) -> str | None:
    found = _HTML_LANG.search(page[:4096])
    return found[1].lower() if found else None

"""A listing of notice URLs: a plain-text file, one URL per line (blank lines and lines
starting with `#` ignored), or a JSON array of URL strings. Relative URLs are resolved against
the listing's final URL."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from collectors.errors import ParseFailed
from collectors.http import decode_text


def parse_listing(body: bytes, *, base_url: str, charset: str | None) -> list[str]:
    """Notice URLs of a listing (plain text, one a line, or a JSON array), resolved against
    `base_url`, duplicates dropped. ParseFailed names the first entry that is not a URL."""
    text = decode_text(body, charset).strip()
    entries: list[Any]
    if text.startswith("["):
        try:
            entries = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ParseFailed(f"{base_url}: listing is not valid JSON: {exc}") from exc
    else:
        entries = [line.strip() for line in text.splitlines()]
        entries = [line for line in entries if line and not line.startswith("#")]
    urls: dict[str, None] = {}
    for number, entry in enumerate(entries, start=1):
        url = urljoin(base_url, entry.strip()) if isinstance(entry, str) else ""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname or re.search(r"\s", url):
            raise ParseFailed(f"{base_url}: listing entry {number} is not a URL: {entry!r:.80}")
        urls[url] = None
    return list(urls)

"""Kind "tenders": public-procurement notices from TED (Tenders Electronic Daily), one item per
notice.

A source URL is either one notice or a listing of notice URLs (`collectors.tenders.listing`).
The listing is fetched conditionally; the notices it names are fetched through the same polite
client, at most `max_notices` per run, and a listing entry is identified by its resolved URL:
`state["seen"]` holds the entries already fetched (only those still listed, so the list stays
as long as the listing) and `state["pending"]` those left for the next run by the cap. A notice
that cannot be fetched stays pending; one that cannot be parsed is logged and not asked for
again. The run fails only when no notice it tried could be fetched.

Notices are read by `collectors.tenders.schemas.parse_notice` (TED export XML and eForms) and
rendered by `collectors.tenders.render`.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any

import httpx

from collectors.base import FetchResult, RawItem, SourceSpec
from collectors.errors import FetchFailed, ParseFailed, SourceUrlRefused
from collectors.http import HttpResponse, fetch, next_validators
from collectors.robots import RobotsDisallowed
from collectors.tenders.listing import parse_listing
from collectors.tenders.schemas import parse_notice

log = logging.getLogger("radar.collectors")

_CHARSET = re.compile(r"charset=([\w.:-]+)", re.I)


class TendersCollector:
    """Collector for kind "tenders": one TED notice, or a listing of notice URLs."""

    kind = "tenders"

    def __init__(
        self,
        *,
        max_bytes: int = 10 * 1024 * 1024,
        retries: int = 2,
        backoff_seconds: float = 0.5,
        max_notices: int = 50,
        respect_robots: bool = True,
    ) -> None:
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff_seconds = backoff_seconds
        self.max_notices = max_notices
        self.respect_robots = respect_robots

    def fetch(
        self, source: SourceSpec, state: dict[str, Any], *, client: httpx.Client, now: datetime
    ) -> FetchResult:
        """Fetch the notice or the listing and its new notices. Raises FetchFailed (and
        BodyTooLarge, RobotsDisallowed), SourceUrlRefused, ParseFailed (not a notice Radar
        reads, a malformed listing)."""
        pending = list(state.get("pending") or [])
        response = self._get(client, source.url, state if not pending else {})
        if response.status == 304:
            return FetchResult(items=[], state=dict(state), not_modified=True)
        new_state = next_validators(state, response)
        if _looks_like_xml(response.body):
            return FetchResult(items=[parse_notice(response.body, response.url)], state=new_state)
        listed = parse_listing(response.body, base_url=response.url, charset=_charset(response))
        seen = set(state.get("seen") or [])
        items, done = self._notices(client, [url for url in listed if url not in seen])
        new_state["seen"] = [url for url in listed if url in seen or url in done]
        new_state["pending"] = [url for url in listed if url not in seen and url not in done]
        return FetchResult(items=items, state=new_state)

    def _get(self, client: httpx.Client, url: str, state: dict[str, Any]) -> HttpResponse:
        return fetch(
            client,
            url,
            etag=state.get("etag"),
            last_modified=state.get("last_modified"),
            max_bytes=self.max_bytes,
            retries=self.retries,
            backoff_seconds=self.backoff_seconds,
            respect_robots=self.respect_robots,
        )

    def _notices(self, client: httpx.Client, urls: list[str]) -> tuple[list[RawItem], set[str]]:
        """Fetch and parse up to max_notices of `urls`; returns the items and the URLs done
        (parsed, or given up on for good)."""
        items: list[RawItem] = []
        done: set[str] = set()
        failures: list[FetchFailed] = []
        for url in urls[: self.max_notices]:
            try:
                response = self._get(client, url, {})
                items.append(parse_notice(response.body, response.url))
                done.add(url)
            except (ParseFailed, RobotsDisallowed, SourceUrlRefused) as exc:
                log.warning("skipping notice %s for good: %s: %s", url, type(exc).__name__, exc)
                done.add(url)
            except FetchFailed as exc:
                log.warning("notice %s not fetched, will retry: %s", url, exc)
                failures.append(exc)
        if failures and not items and len(failures) == len(urls[: self.max_notices]):
            raise FetchFailed(
                f"none of {len(failures)} listed notices could be fetched; first: {failures[0]}"
            ) from failures[0]
        return items, done


def _looks_like_xml(body: bytes) -> bool:
    return body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _charset(response: HttpResponse) -> str | None:
    found = _CHARSET.search(response.headers.get("content-type", ""))
    return found.group(1) if found else None

"""The ComplaintsCollector: a listing page and its complaint pages, or an export, per run."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from collectors.base import FetchResult, RawItem, SourceSpec
from collectors.complaints.export import export_items, is_export
from collectors.complaints.profiles import PROFILES_FILE, Profile, choose_profile, load_profiles
from collectors.complaints.site import complaint_item, listing_links
from collectors.errors import CollectorError
from collectors.http import HttpResponse, fetch, next_validators

log = logging.getLogger("radar.collectors")


class ComplaintsCollector:
    """Collector for kind "complaints": listing pages → complaint pages, or an export."""

    kind = "complaints"

    def __init__(
        self,
        *,
        max_bytes: int = 5 * 1024 * 1024,
        retries: int = 2,
        backoff_seconds: float = 0.5,
        max_pages: int = 3,
        max_complaints: int = 50,
        max_seen: int = 2000,
        profiles_file: Path = PROFILES_FILE,
    ) -> None:
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff_seconds = backoff_seconds
        self.max_pages = max_pages
        self.max_complaints = max_complaints
        self.max_seen = max_seen
        self.profiles_file = profiles_file

    def fetch(
        self, source: SourceSpec, state: dict[str, Any], *, client: httpx.Client, now: datetime
    ) -> FetchResult:
        """New complaints of the source, PII masked. Raises InvalidSource (unknown profile),
        FetchFailed (and BodyTooLarge), SourceUrlRefused, ParseFailed."""
        profile = choose_profile(source.url, state, load_profiles(self.profiles_file))
        response = self._get(client, source.url, state)
        pending = list(state.get("pending", []))
        if response.status == 304 and not pending:
            return FetchResult(items=[], state=dict(state), not_modified=True)
        if response.status == 304:
            new_state, links = dict(state), []
        else:
            new_state = next_validators(state, response)
            if is_export(source.url, response):
                return FetchResult(items=export_items(response, profile, now), state=new_state)
            known = set(state.get("seen", [])) | set(pending)
            links = self._new_links(client, response, profile, known)
        # Newest first; what the bound leaves over waits in "pending" for the next run.
        queue = list(dict.fromkeys(links + pending))
        items: list[RawItem] = []
        read: list[str] = []
        failures: list[CollectorError] = []
        for url in queue[: self.max_complaints]:
            try:
                items.append(complaint_item(self._get(client, url, {}), profile, now))
                read.append(url)
            except CollectorError as exc:  # tried again when a listing shows it again
                log.warning("complaint page %s skipped: %s", url, exc)
                failures.append(exc)
        if failures and not items:
            raise failures[0]
        new_state["seen"] = (read + list(state.get("seen", [])))[: self.max_seen]
        new_state["pending"] = queue[self.max_complaints :][: self.max_seen]
        if not new_state["pending"]:
            del new_state["pending"]
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
        )

    def _new_links(
        self, client: httpx.Client, first: HttpResponse, profile: Profile, known: set[str]
    ) -> list[str]:
        """Unknown complaint URLs from the first listing page and, while every link on a page
        is unknown (older new ones may follow), its next pages, at most `max_pages` in all."""
        links, next_url = listing_links(first, profile)
        found: list[str] = []
        pages = 1
        while True:
            fresh = [link for link in links if link not in known and link not in found]
            found += fresh
            # A known link on this page: caught up with what earlier runs found.
            if not links or len(fresh) < len(links) or not next_url or pages >= self.max_pages:
                return found
            try:
                links, next_url = listing_links(self._get(client, next_url, {}), profile)
            except CollectorError as exc:  # keep what the earlier pages gave
                log.warning("listing page %s skipped: %s", next_url, exc)
                return found
            pages += 1

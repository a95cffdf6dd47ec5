"""robots.txt: may Radar's User-Agent fetch this URL?

The robots.txt of each origin (scheme, host, port) is fetched through the caller's own client,
so the SSRF gate, the per-host rate limit and the User-Agent all apply to it, and is kept in
memory per client for `ttl_seconds` (24 hours, the longest RFC 9309 allows). Rules are read by
`urllib.robotparser` against the client's User-Agent header (a group applies when its
user-agent token appears in ours, case-insensitively; robotparser takes the first matching
rule, not the longest as RFC 9309 does).

- 2xx: the rules apply (the first `max_bytes` of the file are read; RFC 9309 asks for 500 KiB).
- 4xx (404, 403, ...): no rules, everything allowed (RFC 9309 "unavailable").
- 5xx, 429, timeout, connection error, too many redirects: everything disallowed, as RFC 9309
  asks ("unreachable"), logged, and asked again after `retry_seconds`: a site in trouble is
  left alone, and the source's health shows why.
- A refusal by the SSRF gate is not an answer: SourceUrlRefused propagates.

Errors: `RobotsDisallowed` is defined here (collectors/errors.py is shared) as a subclass of
`collectors.errors.FetchFailed`, so everything that handles a failed fetch handles it:

    CollectorError
     └── FetchFailed
          └── RobotsDisallowed   robots.txt disallows the URL for our User-Agent
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

import httpx

from collectors.errors import BodyTooLarge, FetchFailed

log = logging.getLogger("radar.collectors")

DEFAULT_TTL_SECONDS = 24 * 3600.0
DEFAULT_RETRY_SECONDS = 300.0
DEFAULT_MAX_BYTES = 512 * 1024


class RobotsDisallowed(FetchFailed):
    """The site's robots.txt disallows this URL for Radar's User-Agent."""


@dataclass(frozen=True)
class _Entry:
    rules: RobotFileParser | None  # None: no rules (4xx), everything allowed
    expires_at: float
    unreachable: bool = False  # 5xx, 429 or no answer: everything disallowed until expiry


class RobotsCache:
    """robots.txt rules per origin, fetched on first use and kept until they expire."""

    def __init__(
        self,
        *,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        retry_seconds: float = DEFAULT_RETRY_SECONDS,
        max_bytes: int = DEFAULT_MAX_BYTES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl_seconds = ttl_seconds
        self.retry_seconds = retry_seconds
        self.max_bytes = max_bytes
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: dict[str, _Entry] = {}

    def check(self, client: httpx.Client, url: str) -> None:
        """Raise RobotsDisallowed if robots.txt forbids `url` for the client's User-Agent."""
        if not self.allowed(client, url):
            origin = _origin(httpx.URL(url))
            with self._lock:
                entry = self._entries.get(origin)
            if entry is not None and entry.unreachable:
                raise RobotsDisallowed(
                    f"robots.txt of {origin} is unreachable (5xx, 429 or no answer): "
                    "the site is left alone until it answers (RFC 9309)"
                )
            agent = client.headers.get("user-agent", "*")
            raise RobotsDisallowed(
                f"robots.txt of {origin} disallows {url} for User-Agent {agent!r}"
            )

    def allowed(self, client: httpx.Client, url: str) -> bool:
        """Whether `url` may be fetched (an unparseable URL is left to the fetch to report)."""
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL:
            return True
        if parsed.scheme not in ("http", "https") or not parsed.host:
            return True
        origin = _origin(parsed)
        now = self._clock()
        with self._lock:
            entry = self._entries.get(origin)
        if entry is None or entry.expires_at <= now:
            # Two threads may both fetch on a miss; the answer is the same, so no lock held.
            entry = self._load(client, origin, now)
            with self._lock:
                self._entries[origin] = entry
        if entry.unreachable:
            return False
        if entry.rules is None:
            return True
        return entry.rules.can_fetch(client.headers.get("user-agent", "*"), url)

    def _load(self, client: httpx.Client, origin: str, now: float) -> _Entry:
        robots_url = origin + "/robots.txt"
        try:
            with client.stream("GET", robots_url) as response:
                status = response.status_code
                if status == 429 or status >= 500:
                    log.warning(
                        "robots.txt %s answered HTTP %d: site left alone for now",
                        robots_url,
                        status,
                    )
                    return _Entry(None, now + self.retry_seconds, unreachable=True)
                if not 200 <= status < 300:
                    # 4xx means "no rules" (RFC 9309); a redirect left over is the same.
                    return _Entry(None, now + self.ttl_seconds)
                body = self._read_capped(response)
        except (httpx.HTTPError, BodyTooLarge) as exc:
            log.warning(
                "robots.txt %s unreachable (%s: %s): site left alone for now",
                robots_url,
                type(exc).__name__,
                exc,
            )
            return _Entry(None, now + self.retry_seconds, unreachable=True)
        rules = RobotFileParser(robots_url)
        rules.parse(body.decode("utf-8", errors="replace").splitlines())
        return _Entry(rules, now + self.ttl_seconds)

    def _read_capped(self, response: httpx.Response) -> bytes:
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) >= self.max_bytes:
                # Rules past the cap are ignored, as RFC 9309 allows; a cut line is dropped.
                cut = bytes(body[: self.max_bytes])
                return cut[: cut.rfind(b"\n") + 1]
        return bytes(body)


def _origin(url: httpx.URL) -> str:
    port = url.port or (443 if url.scheme == "https" else 80)
    host = url.raw_host.decode("ascii")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return f"{url.scheme}://{host}:{port}"


_CACHES: weakref.WeakKeyDictionary[httpx.Client, RobotsCache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def robots_cache(client: httpx.Client) -> RobotsCache:
    """The cache that belongs to `client` (made on first use, dropped with the client)."""
    with _CACHES_LOCK:
        cache = _CACHES.get(client)
        if cache is None:
            cache = _CACHES[client] = RobotsCache()
        return cache


def set_robots_cache(client: httpx.Client, cache: RobotsCache) -> None:
    """Give `client` a cache with other settings (TTL, clock) than the default."""
    with _CACHES_LOCK:
        _CACHES[client] = cache


def check_robots(client: httpx.Client, url: str) -> None:
    """Raise RobotsDisallowed if the robots.txt of `url`'s origin forbids it for `client`."""
    robots_cache(client).check(client, url)

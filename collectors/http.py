"""The one polite HTTP client every collector uses.

- SSRF gate: `make_client` installs it as a request hook, and httpx runs request hooks before
  every send, redirect hops included, so no path skips it. It refuses non-http(s) schemes and
  any host that resolves to a loopback, private, link-local, multicast, reserved, unspecified
  or otherwise non-public address, unless the address is inside an allowed network.
- `fetch`: conditional GET, a size cap checked on Content-Length and while streaming, and
  retries with exponential backoff and jitter on timeouts, connection errors, 429 and 5xx.
- `decode_text`: declared charset, then UTF-8, then windows-1254 (Turkish sites).
- Per-host politeness (collectors/ratelimit.py): `make_client` sends every request, redirect
  hops included, through a limiter that spaces request starts to one host by
  `min_interval_seconds` and allows at most `max_per_host` at once (tests pass 0 seconds).
- robots.txt (collectors/robots.py): `fetch(..., respect_robots=True)` raises RobotsDisallowed
  (a FetchFailed) before any request for a URL our User-Agent may not fetch.

Settings arrive as arguments; nothing here reads the environment (`trust_env=False` also keeps
proxy variables from rerouting requests around the gate).
"""

from __future__ import annotations

import codecs
import ipaddress
import logging
import random
import socket
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
import tenacity

from collectors.errors import BodyTooLarge, FetchFailed, SourceUrlRefused
from collectors.ratelimit import HostLimiter, LimitedTransport
from collectors.robots import check_robots

log = logging.getLogger("radar.collectors")

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address

ALLOWED_SCHEMES = ("http", "https")
# A redirect answer carries a few bytes of HTML at most; httpx reads it whole, so cap it.
MAX_REDIRECT_BODY = 64 * 1024


@dataclass(frozen=True)
class HttpResponse:
    """A finished response: final URL (after redirects), lower-case headers, whole body."""

    status: int
    url: str
    headers: dict[str, str]
    body: bytes


# --- the SSRF gate -------------------------------------------------------------------------


def check_url(url: str, allowed_networks: Sequence[Network]) -> None:
    """Raise SourceUrlRefused unless `url` is http(s) and every address of its host is public
    or inside `allowed_networks`. The same check runs on every request and redirect hop."""
    try:
        _gate(httpx.URL(url), allowed_networks)
    except httpx.InvalidURL as exc:
        raise SourceUrlRefused(f"{url!r} is not a valid URL: {exc}") from exc
    except socket.gaierror as exc:
        raise SourceUrlRefused(f"host of {url} does not resolve: {exc.strerror}") from exc


def _gate(url: httpx.URL, allowed_networks: Sequence[Network]) -> None:
    """Refuse a URL (SourceUrlRefused); socket.gaierror when the host does not resolve."""
    if url.scheme not in ALLOWED_SCHEMES:
        raise SourceUrlRefused(f"{url}: scheme {url.scheme!r} is not allowed (http or https only)")
    if not url.host:
        raise SourceUrlRefused(f"{url}: no host")
    port = url.port or (443 if url.scheme == "https" else 80)
    host = url.raw_host.decode("ascii")  # IDNA-encoded, brackets stripped
    for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        address = _unmapped(ipaddress.ip_address(str(info[4][0]).split("%")[0]))
        reason = _internal(address)
        if reason and not any(address in network for network in allowed_networks):
            allowed = ", ".join(str(n) for n in allowed_networks) or "none"
            raise SourceUrlRefused(
                f"{url}: {url.host} resolves to {address}, a {reason} address, which is not "
                f"allowed (allowed networks: {allowed})"
            )


def _unmapped(address: Address) -> Address:
    # ::ffff:10.0.0.1 reaches 10.0.0.1: judge the IPv4 address it carries.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _internal(address: Address) -> str | None:
    """Why an address is not public, or None when it is."""
    for reason, flag in (
        ("loopback", address.is_loopback),
        ("unspecified", address.is_unspecified),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
        ("non-public", not address.is_global),
    ):
        if flag:
            return reason
    return None


def make_client(
    *,
    timeout: float,
    user_agent: str,
    allowed_networks: Sequence[Network],
    max_redirects: int = 5,
    min_interval_seconds: float = 1.0,
    max_per_host: int = 2,
    limiter: HostLimiter | None = None,
) -> httpx.Client:
    """The client for every collector: SSRF gate on every hop, redirects followed, no proxies
    from the environment, requests to one host spaced by `min_interval_seconds` with at most
    `max_per_host` at once (or the given `limiter`, to share one between clients). The caller
    closes it (use it as a context manager)."""
    networks = list(allowed_networks)
    limiter = limiter or HostLimiter(
        min_interval_seconds=min_interval_seconds, max_per_host=max_per_host
    )

    def gate(request: httpx.Request) -> None:
        try:
            _gate(request.url, networks)
        except socket.gaierror as exc:
            # Not a refusal: DNS may be down for a moment, so let the retry policy see it.
            raise httpx.ConnectError(
                f"cannot resolve {request.url.host}: {exc.strerror}", request=request
            ) from exc

    return httpx.Client(
        timeout=timeout,
        headers={"User-Agent": user_agent},
        follow_redirects=True,
        max_redirects=max_redirects,
        event_hooks={"request": [gate], "response": [_cap_redirect_body]},
        trust_env=False,
        # The client's own default transport would also get trust_env=False; keep it so.
        transport=LimitedTransport(httpx.HTTPTransport(trust_env=False), limiter),
    )


class _CappedStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream, url: httpx.URL) -> None:
        self._inner, self._url = inner, url

    def __iter__(self) -> Iterator[bytes]:
        seen = 0
        for chunk in self._inner:
            seen += len(chunk)
            if seen > MAX_REDIRECT_BODY:
                raise BodyTooLarge(
                    f"redirect answer from {self._url} is over {MAX_REDIRECT_BODY} bytes"
                )
            yield chunk

    def close(self) -> None:
        self._inner.close()


def _cap_redirect_body(response: httpx.Response) -> None:
    if response.has_redirect_location and isinstance(response.stream, httpx.SyncByteStream):
        response.stream = _CappedStream(response.stream, response.request.url)


# --- fetch ---------------------------------------------------------------------------------


class _RetryableStatus(Exception):
    """429 or 5xx: worth another try (internal; becomes FetchFailed when tries run out)."""

    def __init__(self, status: int, retry_after: float | None) -> None:
        super().__init__(f"HTTP {status}")
        self.status, self.retry_after = status, retry_after


_RETRYABLE = (
    httpx.TimeoutException,
    httpx.NetworkError,
    httpx.RemoteProtocolError,
    _RetryableStatus,
)


def fetch(
    client: httpx.Client,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int,
    retries: int,
    backoff_seconds: float = 0.5,
    max_wait_seconds: float = 30.0,
    sleep: Callable[[float], None] = time.sleep,
    respect_robots: bool = False,
) -> HttpResponse:
    """GET `url` politely. 304 comes back as status 304 with an empty body.

    With `respect_robots`, the origin's robots.txt is consulted first (cached per client) and
    RobotsDisallowed (a FetchFailed) is raised, without retries, if it forbids `url`.

    Retries `retries` times (timeouts, connection errors, 429, 5xx), waiting
    `backoff_seconds * 2**n` plus jitter, or the server's Retry-After seconds; every wait is
    capped at `max_wait_seconds`. Raises FetchFailed (other statuses at once, the rest when
    tries run out), BodyTooLarge past `max_bytes`, SourceUrlRefused from the SSRF gate.
    """
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    retrying = tenacity.Retrying(
        stop=tenacity.stop_after_attempt(retries + 1),
        wait=_waiter(backoff_seconds, max_wait_seconds),
        retry=tenacity.retry_if_exception_type(_RETRYABLE),
        sleep=sleep,
        reraise=True,
        before_sleep=lambda state: log.info(
            "retrying %s after %s (attempt %d)", url, _outcome(state), state.attempt_number
        ),
    )
    attempts = f"{retries + 1} attempt{'s' if retries else ''}"
    if respect_robots:
        check_robots(client, url)
    try:
        return retrying(_get_once, client, url, headers, max_bytes)
    except _RetryableStatus as exc:
        raise FetchFailed(f"HTTP {exc.status} from {url} after {attempts}") from exc
    except httpx.TimeoutException as exc:
        raise FetchFailed(f"timed out fetching {url} after {attempts}") from exc
    except httpx.TooManyRedirects as exc:
        raise FetchFailed(
            f"too many redirects from {url} (more than {client.max_redirects})"
        ) from exc
    except httpx.HTTPError as exc:
        raise FetchFailed(f"{type(exc).__name__} fetching {url} after {attempts}: {exc}") from exc
    except httpx.InvalidURL as exc:
        raise FetchFailed(f"invalid URL {url!r}: {exc}") from exc


def _get_once(
    client: httpx.Client, url: str, headers: dict[str, str], max_bytes: int
) -> HttpResponse:
    with client.stream("GET", url, headers=headers) as response:
        status = response.status_code
        final_url = str(response.url)
        kept = dict(response.headers.items())
        if status == 304:
            return HttpResponse(status=304, url=final_url, headers=kept, body=b"")
        if status == 429 or status >= 500:
            raise _RetryableStatus(status, _retry_after(response.headers.get("retry-after")))
        if not 200 <= status < 300:
            raise FetchFailed(f"HTTP {status} from {final_url}")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise BodyTooLarge(
                f"{final_url} declares Content-Length {declared}, over the "
                f"{max_bytes} bytes allowed"
            )
        body = bytearray()
        # Decoded bytes are counted, so a compressed bomb is stopped as early as a plain one.
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > max_bytes:
                raise BodyTooLarge(f"{final_url} sent more than the {max_bytes} bytes allowed")
        return HttpResponse(status=status, url=final_url, headers=kept, body=bytes(body))


def _retry_after(value: str | None) -> float | None:
    # Only the seconds form; an HTTP date would need the clock, and backoff covers it.
    if value is not None and value.strip().isdigit():
        return float(value.strip())
    return None


def _waiter(backoff: float, cap: float) -> Callable[[tenacity.RetryCallState], float]:
    def wait(state: tenacity.RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, _RetryableStatus) and error.retry_after is not None:
            return min(error.retry_after, cap)
        base = backoff * 2.0 ** (state.attempt_number - 1)
        # Random jitter of up to the base again keeps many workers from retrying in step.
        return min(base + random.uniform(0, base), cap)

    return wait


def _outcome(state: tenacity.RetryCallState) -> Any:
    return state.outcome.exception() if state.outcome else None


# --- charsets ------------------------------------------------------------------------------


def decode_text(body: bytes, declared_charset: str | None) -> str:
    """Bytes to text: a UTF-8 byte-order mark wins; then the declared charset, then UTF-8,
    then windows-1254 (Turkish pages often declare nothing or the wrong thing)."""
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    for charset in (declared_charset, "utf-8"):
        if not charset:
            continue
        try:
            return body.decode(charset.strip().strip("\"'"))
        except (LookupError, UnicodeDecodeError):
            continue
    # windows-1254 leaves a few byte values undefined: replace them rather than fail.
    return body.decode("windows-1254", errors="replace")


VALIDATORS = ("etag", "last_modified")


def next_validators(state: dict[str, Any], response: HttpResponse) -> dict[str, Any]:
    """Other state keys kept; ETag and Last-Modified replaced by what the server sent now
    (dropped when it sent none), for the next conditional GET."""
    new = {key: value for key, value in state.items() if key not in VALIDATORS}
    if response.headers.get("etag"):
        new["etag"] = response.headers["etag"]
    if response.headers.get("last-modified"):
        new["last_modified"] = response.headers["last-modified"]
    return new

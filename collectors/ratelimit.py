"""Per-host politeness: a minimum interval between request starts and a cap on concurrent
requests to one host, shared by every thread that uses the same client.

`HostLimiter` is the policy; `LimitedTransport` applies it to every request an httpx client
sends, redirect hops and robots.txt included, and frees the host's slot when the response is
closed (a streamed body counts until it is read or dropped). A host is `host:port`, the
server a request really reaches; different hosts never wait for each other.

The interval is a reservation: each request books the next free start time of its host, so
requests from many threads are spaced out, not released together when the interval ends.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import httpx


@dataclass
class _Host:
    slots: threading.BoundedSemaphore
    next_start: float = field(default=float("-inf"))


class HostLimiter:
    """Thread-safe limiter: `acquire(host)` blocks until the host may be sent another
    request, and returns the function that frees the slot (call it exactly once)."""

    def __init__(
        self,
        *,
        min_interval_seconds: float,
        max_per_host: int,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if min_interval_seconds < 0:
            raise ValueError(f"min_interval_seconds must be >= 0, not {min_interval_seconds}")
        if max_per_host < 1:
            raise ValueError(f"max_per_host must be >= 1, not {max_per_host}")
        self.min_interval_seconds = min_interval_seconds
        self.max_per_host = max_per_host
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._hosts: dict[str, _Host] = {}

    def acquire(self, host: str) -> Callable[[], None]:
        """Wait for a free slot of `host`, then for its next start time; returns the release."""
        state = self._host(host)
        state.slots.acquire()
        try:
            with self._lock:
                now = self._clock()
                start = max(now, state.next_start)
                state.next_start = start + self.min_interval_seconds
            if start > now:
                self._sleep(start - now)
        except BaseException:
            state.slots.release()
            raise
        released = threading.Event()

        def release() -> None:
            # Idempotent: a stream may be closed twice (error path and context exit).
            if not released.is_set():
                released.set()
                state.slots.release()

        return release

    def _host(self, host: str) -> _Host:
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                state = self._hosts[host] = _Host(threading.BoundedSemaphore(self.max_per_host))
            return state


def host_key(url: httpx.URL) -> str:
    """'host:port' of a URL (default port filled in), the unit the limiter counts."""
    port = url.port or (443 if url.scheme == "https" else 80)
    return f"{url.host}:{port}"


class _ReleasingStream(httpx.SyncByteStream):
    """The response body; closing it frees the host's slot."""

    def __init__(self, inner: httpx.SyncByteStream, release: Callable[[], None]) -> None:
        self._inner, self._release = inner, release

    def __iter__(self) -> Iterator[bytes]:
        yield from self._inner

    def close(self) -> None:
        try:
            self._inner.close()
        finally:
            self._release()


class LimitedTransport(httpx.BaseTransport):
    """Wraps a transport so that every request waits for its host's turn."""

    def __init__(self, inner: httpx.BaseTransport, limiter: HostLimiter) -> None:
        self._inner, self.limiter = inner, limiter

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        release = self.limiter.acquire(host_key(request.url))
        try:
            response = self._inner.handle_request(request)
        except BaseException:
            release()
            raise
        assert isinstance(response.stream, httpx.SyncByteStream)
        response.stream = _ReleasingStream(response.stream, release)
        return response

    def close(self) -> None:
        self._inner.close()

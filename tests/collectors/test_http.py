"""The polite http_client: SSRF gate on every hop, conditional GET, retries, size cap, charsets."""

from __future__ import annotations

import ipaddress
import socket
import time
import tracemalloc
from typing import Any, TypedDict
from urllib.parse import quote

import httpx
import pytest

from collectors.errors import BodyTooLarge, FetchFailed, SourceUrlRefused
from collectors.http import HttpResponse, check_url, decode_text, fetch, make_client
from tests.collectors.conftest import LOOPBACK
from tests.http_server import FaultServer


class _Fast(TypedDict):
    max_bytes: int
    retries: int
    backoff_seconds: float


FAST: _Fast = {"max_bytes": 1_000_000, "retries": 2, "backoff_seconds": 0.01}


def _redirect_to(server: FaultServer, target: str) -> str:
    return server.url("/redirect?to=" + quote(target, safe=""))


# --- the SSRF gate -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/feed",  # loopback
        "http://[::1]/feed",  # loopback v6
        "http://10.0.0.1/feed",  # private
        "http://192.168.1.10/feed",  # private
        "http://169.254.169.254/latest/meta-data/",  # link-local (cloud metadata)
        "http://224.0.0.1/",  # multicast
        "http://240.0.0.1/",  # reserved
        "http://0.0.0.0/",  # unspecified
        "http://100.64.0.1/",  # carrier-grade NAT: not public either
        "http://[::ffff:10.0.0.1]/",  # IPv4-mapped private
    ],
)
def test_gate_refuses_internal_addresses(url: str) -> None:
    with pytest.raises(SourceUrlRefused, match="not allowed"):
        check_url(url, [])


@pytest.mark.parametrize(
    "url", ["ftp://example.com/feed", "file:///etc/passwd", "gopher://x/", "/relative", "http://"]
)
def test_gate_refuses_other_schemes_and_missing_hosts(url: str) -> None:
    with pytest.raises(SourceUrlRefused):
        check_url(url, [])


def test_gate_allows_listed_networks_only() -> None:
    check_url("http://127.0.0.1:8080/feed", LOOPBACK)
    check_url("http://[::ffff:127.0.0.1]/feed", LOOPBACK)
    with pytest.raises(SourceUrlRefused):
        check_url("http://10.0.0.1/feed", LOOPBACK)


def test_gate_checks_what_a_name_resolves_to(monkeypatch: pytest.MonkeyPatch) -> None:
    def resolve(host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        address = {"news.example": "93.184.216.34", "intranet.example": "10.1.2.3"}[host]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    check_url("https://news.example/rss", [])
    with pytest.raises(SourceUrlRefused, match=r"10\.1\.2\.3"):
        check_url("https://intranet.example/rss", [])


def test_gate_refuses_a_name_that_does_not_resolve(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: Any, **kwargs: Any) -> list[Any]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(SourceUrlRefused, match="does not resolve"):
        check_url("https://nowhere.example/rss", [])


def test_client_refuses_loopback_unless_allowed(feed_server: FaultServer) -> None:
    with (
        make_client(timeout=2.0, user_agent="t", allowed_networks=[]) as closed,
        pytest.raises(SourceUrlRefused, match="loopback"),
    ):
        fetch(closed, feed_server.url("/TechCrunch.xml"), **FAST)
    assert feed_server.hits("/TechCrunch.xml") == 0
    with make_client(timeout=2.0, user_agent="t", allowed_networks=LOOPBACK) as open_:
        assert fetch(open_, feed_server.url("/TechCrunch.xml"), **FAST).status == 200


@pytest.mark.parametrize("target", ["http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/"])
def test_redirect_hop_to_internal_address_is_refused_before_connecting(
    http_client: httpx.Client,
    feed_server: FaultServer,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
) -> None:
    connected: list[Any] = []
    real_connect = socket.create_connection

    def recording_connect(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        connected.append(address[0])
        return real_connect(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", recording_connect)
    with pytest.raises(SourceUrlRefused, match="not allowed"):
        fetch(http_client, _redirect_to(feed_server, target), **FAST)
    assert connected == ["127.0.0.1"]
    assert feed_server.hits("/redirect") == 1  # a refusal is final: no retries


def test_redirect_to_another_scheme_is_refused(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    with pytest.raises(SourceUrlRefused, match="scheme"):
        fetch(http_client, _redirect_to(feed_server, "file:///etc/passwd"), **FAST)


def test_redirect_within_allowed_network_is_followed(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    target = feed_server.url("/TechCrunch.xml")
    response = fetch(http_client, _redirect_to(feed_server, target), **FAST)
    assert response.status == 200
    assert response.url == feed_server.url("/TechCrunch.xml")
    assert len(response.body) == 207013


def test_redirect_loop_fails_without_retrying(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    with (
        make_client(
            timeout=2.0, user_agent="t", allowed_networks=LOOPBACK, max_redirects=3
        ) as limited,
        pytest.raises(FetchFailed, match="redirect"),
    ):
        fetch(limited, feed_server.url("/loop"), **FAST)
    assert feed_server.hits("/loop") == 4  # the first request and three redirects, once


def test_a_huge_redirect_body_is_not_read(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    target = quote(feed_server.url("/TechCrunch.xml"), safe="")
    with pytest.raises(BodyTooLarge, match="redirect"):
        fetch(http_client, feed_server.url(f"/redirect?to={target}&pad=5000000"), **FAST)


# --- conditional GET, status handling, retries ---------------------------------------------


def test_conditional_get_sends_validators_and_returns_304(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    url = feed_server.url("/TechCrunch.xml")
    first = fetch(http_client, url, **FAST)
    etag = first.headers["etag"]
    assert feed_server.last_headers("/TechCrunch.xml")["user-agent"] == "RadarTest/1.0"
    modified = first.headers["last-modified"]
    second = fetch(http_client, url, etag=etag, last_modified=modified, **FAST)
    sent = feed_server.last_headers("/TechCrunch.xml")
    assert sent["if-none-match"] == etag
    assert sent["if-modified-since"] == modified
    assert (second.status, second.body) == (304, b"")


def test_last_modified_alone_gives_304(http_client: httpx.Client, feed_server: FaultServer) -> None:
    url = feed_server.url("/TechCrunch.xml?etag=0")
    first = fetch(http_client, url, **FAST)
    assert "etag" not in first.headers
    modified = first.headers["last-modified"]
    assert fetch(http_client, url, last_modified=modified, **FAST).status == 304


def test_server_error_is_retried_then_fails(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    url = feed_server.url("/TechCrunch.xml?status=500")
    with pytest.raises(FetchFailed, match=r"HTTP 500 .*TechCrunch\.xml.*3 attempts"):
        fetch(http_client, url, **FAST)
    assert feed_server.hits("/TechCrunch.xml") == 3


def test_transient_failures_recover(http_client: httpx.Client, feed_server: FaultServer) -> None:
    response = fetch(http_client, feed_server.url("/TechCrunch.xml?fail_times=2"), **FAST)
    assert response.status == 200
    assert feed_server.hits("/TechCrunch.xml") == 3


def test_client_error_fails_at_once(http_client: httpx.Client, feed_server: FaultServer) -> None:
    with pytest.raises(FetchFailed, match="HTTP 404"):
        fetch(http_client, feed_server.url("/no-such-feed.xml"), **FAST)
    assert feed_server.hits("/no-such-feed.xml") == 1


def test_backoff_grows_exponentially_with_jitter(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    waits: list[float] = []
    with pytest.raises(FetchFailed):
        fetch(
            http_client,
            feed_server.url("/x.xml?status=503"),
            max_bytes=1000,
            retries=3,
            backoff_seconds=0.01,
            sleep=waits.append,
        )
    assert len(waits) == 3
    for attempt, wait in enumerate(waits):
        assert 0.01 * 2**attempt <= wait <= 0.01 * 2 ** (attempt + 1)


def test_retry_after_is_honoured_and_capped(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    waits: list[float] = []
    url = feed_server.url("/TechCrunch.xml?fail_times=1&status=429&retry_after=7")
    assert fetch(http_client, url, **FAST, sleep=waits.append).status == 200
    assert waits == [7.0]
    waits.clear()
    url = feed_server.url("/google_alerts_atom.xml?fail_times=1&status=429&retry_after=3600")
    fetch(http_client, url, **FAST, max_wait_seconds=5.0, sleep=waits.append)
    assert waits == [5.0]


def test_timeout_is_retried_then_fails(feed_server: FaultServer) -> None:
    with make_client(timeout=0.2, user_agent="t", allowed_networks=LOOPBACK) as impatient:
        started = time.monotonic()
        with pytest.raises(FetchFailed, match=r"timed out.*TechCrunch\.xml"):
            fetch(impatient, feed_server.url("/TechCrunch.xml?delay=3"), **FAST)
    assert time.monotonic() - started < 2.5
    assert feed_server.hits("/TechCrunch.xml") == 3


def test_connection_cut_mid_body_is_retried_then_fails(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    with pytest.raises(FetchFailed, match="TechCrunch"):
        fetch(http_client, feed_server.url("/TechCrunch.xml?truncate=5000"), **FAST)
    assert feed_server.hits("/TechCrunch.xml") == 3


# --- size cap ------------------------------------------------------------------------------


def test_declared_length_over_cap_fails_before_reading(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    with pytest.raises(BodyTooLarge, match="Content-Length"):
        fetch(http_client, feed_server.url("/huge?declare=1"), max_bytes=1_000_000, retries=2)
    assert feed_server.hits("/huge") == 1  # too large is final: no retries


def test_streamed_body_over_cap_stops_without_holding_it(
    http_client: httpx.Client, feed_server: FaultServer
) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(BodyTooLarge, match="2000000 bytes"):
            fetch(http_client, feed_server.url("/huge"), max_bytes=2_000_000, retries=0)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000  # the 50 MB body was never held


def test_body_at_the_cap_is_accepted(http_client: httpx.Client, feed_server: FaultServer) -> None:
    url = feed_server.url("/google_alerts_atom.xml")
    response = fetch(http_client, url, max_bytes=16684, retries=0)
    assert isinstance(response, HttpResponse) and len(response.body) == 16684
    with pytest.raises(BodyTooLarge):
        fetch(http_client, url, max_bytes=16683, retries=0)


# --- charsets ------------------------------------------------------------------------------

TURKISH = "Işık, ğüşöç; İstanbul’da ŞİRKET"


def test_decode_text_uses_a_declared_charset_that_works() -> None:
    assert decode_text(TURKISH.encode("iso-8859-9", errors="replace"), "iso-8859-9").startswith(
        "Işık"
    )


def test_decode_text_falls_back_to_utf8_then_windows_1254() -> None:
    assert decode_text(TURKISH.encode("utf-8"), "us-ascii") == TURKISH
    assert decode_text(TURKISH.encode("windows-1254"), "utf-8") == TURKISH
    assert decode_text(TURKISH.encode("windows-1254"), None) == TURKISH
    assert decode_text(TURKISH.encode("windows-1254"), "no-such-charset") == TURKISH


def test_decode_text_honours_a_utf8_bom_over_the_declaration() -> None:
    assert decode_text(b"\xef\xbb\xbf" + TURKISH.encode("utf-8"), "windows-1254") == TURKISH


def test_make_client_ignores_proxy_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://10.9.9.9:3128")
    with make_client(timeout=1.0, user_agent="t", allowed_networks=LOOPBACK) as c:
        assert c.trust_env is False


def test_allowed_networks_accept_ipv6() -> None:
    check_url("http://[::1]/feed", [ipaddress.ip_network("::1/128")])

"""PageCollector: a press page watched over loopback; each change its own document
(hand-written pages: tests/fixtures/pages/README.md)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlmodel import Session, col, select

from collectors.base import FetchResult, SourceSpec
from collectors.errors import ParseFailed
from collectors.models import Document
from collectors.runner import add_source, collect
from collectors.webpage import PageCollector, decode_html
from tests.collectors.conftest import FEEDS, LOOPBACK
from tests.http_server import FaultServer

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
PAGES = FEEDS.parent / "pages"
OLD_NEWS = "Örnek Makina, Manisa Organize Sanayi Bölgesi'ndeki fabrikasına yeni bir üretim hattı"
NEW_NEWS = "Örnek Makina, Kütahya'da kuracağı yeni döküm fabrikası için"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of the page fixtures that a test may change between runs."""
    for file in PAGES.iterdir():
        shutil.copy(file, tmp_path / file.name)
    return tmp_path


@pytest.fixture
def server(site: Path) -> Iterator[FaultServer]:
    with FaultServer(site) as fault_server:
        yield fault_server


def _fetch(
    server: FaultServer,
    client: httpx.Client,
    state: dict[str, Any] | None = None,
    path: str = "/press.html",
    **options: Any,
) -> FetchResult:
    collector = PageCollector(max_bytes=1_000_000, retries=0, backoff_seconds=0.01, **options)
    spec = SourceSpec(name="Örnek Makina basın", kind="page", url=server.url(path))
    return collector.fetch(spec, state or {}, client=client, now=NOW)


def _publish(site: Path, version: str) -> None:
    """Replace the watched page by another version (a new mtime and ETag)."""
    (site / "press.html").write_bytes((site / version).read_bytes())


def test_first_run_emits_the_whole_main_text(
    server: FaultServer, http_client: httpx.Client
) -> None:
    result = _fetch(server, http_client)
    [item] = result.items
    assert item.title == "Basın Odası | Örnek Makina Sanayi ve Ticaret A.Ş."
    assert item.text.startswith(f"Manisa fabrikasında kapasite artışı\n{OLD_NEWS}")
    assert item.text.endswith("42 milyon avroya ulaştırdı.")
    # Menus, the newsletter form and the footer are not the page's text.
    assert "Yatırımcı İlişkileri" not in item.text and "Tüm hakları saklıdır" not in item.text
    assert item.language == "tr" and item.published_at is None
    version = result.state["version"]
    assert item.url == server.url(f"/press.html#radar-version={version}") and len(version) == 16
    assert item.extra == {"keep_fragment": True, "page": {"version": version, "first": True}}
    assert result.state["text"] == item.text and result.state["etag"].startswith('"')


def test_a_change_emits_only_the_new_lines(
    site: Path, server: FaultServer, http_client: httpx.Client
) -> None:
    first = _fetch(server, http_client)
    _publish(site, "press-v2.html")
    second = _fetch(server, http_client, first.state)
    [item] = second.items
    assert item.text == (
        "Yeni fabrika için yatırım teşvik belgesi alındı\n"
        f"{NEW_NEWS} Sanayi ve Teknoloji Bakanlığı'ndan 850 milyon liralık yatırım teşvik "
        "belgesi aldı. Fabrikanın 2025 sonunda üretime başlaması planlanıyor."
    )
    assert item.published_at == NOW  # seen now
    assert item.extra["page"]["first"] is False
    assert second.state["version"] != first.state["version"]
    assert item.url.endswith("#radar-version=" + second.state["version"])
    assert NEW_NEWS in second.state["text"] and OLD_NEWS in second.state["text"]


def test_only_removed_lines_or_no_change_emit_nothing(
    site: Path, server: FaultServer, http_client: httpx.Client
) -> None:
    _publish(site, "press-v2.html")
    first = _fetch(server, http_client)
    _publish(site, "press-v3-removed.html")
    removed = _fetch(server, http_client, first.state)
    assert removed.items == [] and not removed.not_modified
    assert "42 milyon avroya" not in removed.state["text"]
    # The server sends no validators: the same text again is recognised by its hash.
    same = _fetch(server, http_client, removed.state, "/press.html?etag=0&last_modified=0")
    assert same.items == [] and same.state["version"] == removed.state["version"]


def test_unchanged_page_is_not_modified(server: FaultServer, http_client: httpx.Client) -> None:
    first = _fetch(server, http_client)
    again = _fetch(server, http_client, first.state)
    assert again.not_modified and again.items == [] and again.state == first.state
    assert server.last_headers("/press.html")["if-none-match"] == first.state["etag"]


def test_kept_text_is_bounded(site: Path, server: FaultServer, http_client: httpx.Client) -> None:
    first = _fetch(server, http_client, max_state_chars=250)
    assert len(first.state["text"]) <= 250 and first.state["text"] == first.items[0].text
    assert first.items[0].text.endswith("dişli kutularını üretecek.")  # cut at a line end
    # A change past the bound goes unseen rather than being reported on every run.
    page = (site / "press.html").read_text(encoding="utf-8")
    (site / "press.html").write_text(page.replace("42 milyon", "43 milyon"), encoding="utf-8")
    assert _fetch(server, http_client, first.state, max_state_chars=250).items == []


def test_windows_1254_page_declared_in_meta(server: FaultServer, http_client: httpx.Client) -> None:
    # Served as text/html; charset=utf-8; the page's own meta says windows-1254.
    [item] = _fetch(server, http_client, path="/press_windows1254.html").items
    assert item.text.startswith("Yeni fabrika için yatırım teşvik belgesi alındı\n" + NEW_NEWS)


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/app_shell.html", "no main text"),
        ("/press_gzip_unlabelled.html", "not an HTML page"),
    ],
)
def test_pages_without_text_fail_to_parse(
    path: str, reason: str, server: FaultServer, http_client: httpx.Client
) -> None:
    with pytest.raises(ParseFailed, match=reason):
        _fetch(server, http_client, path=path)


def test_decode_html_prefers_the_documents_own_charset() -> None:
    body = '<html><head><meta charset="windows-1254"></head><body>Şişecam</body></html>'
    encoded = body.encode("windows-1254")
    assert "Şişecam" in decode_html(encoded, "text/html; charset=iso-8859-1")
    legacy = b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-9">\xde'
    assert decode_html(legacy, None).endswith("Ş")
    assert decode_html("<p>İş</p>".encode(), "text/html; charset=utf-8") == "<p>İş</p>"
    assert decode_html("<p>İş</p>".encode("windows-1254"), "text/html") == "<p>İş</p>"


def test_each_change_is_its_own_document(
    site: Path, session: Session, server: FaultServer, http_client: httpx.Client
) -> None:
    add_source(
        session=session,
        kind="page",
        name="Örnek Makina basın",
        url=server.url("/press.html"),
        every_seconds=3600,
        allowed_networks=LOOPBACK,
        now=NOW,
    )
    options = {"max_bytes": 1_000_000, "retries": 0, "backoff_seconds": 0.01}
    collect(session=session, client=http_client, now=NOW, collector_options=options)
    _publish(site, "press-v2.html")
    later = NOW + timedelta(hours=2)
    report = collect(session=session, client=http_client, now=later, collector_options=options)
    assert report.documents_new == 1
    documents = session.exec(select(Document).order_by(col(Document.id))).all()
    assert len(documents) == 2
    assert documents[0].canonical_url.split("#")[0] == documents[1].canonical_url.split("#")[0]
    assert documents[0].canonical_url != documents[1].canonical_url
    assert "#radar-version=" in documents[1].canonical_url
    assert documents[1].text.startswith("Yeni fabrika") and OLD_NEWS not in documents[1].text
    assert documents[1].published_at == later

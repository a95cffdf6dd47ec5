"""ComplaintsCollector against Şikayetvar-style pages and exports served over loopback, and
the complaint counts the runner keeps for the surge detector.

The fixtures (tests/fixtures/complaints/README.md) carry short excerpts of real complaints
with every personal detail replaced by made-up ones; those made-up details are asserted gone.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlmodel import Session, col, select

from collectors.base import SourceSpec
from collectors.complaints import (
    ComplaintsCollector,
    choose_profile,
    company_key,
    load_profiles,
    parse_site_date,
)
from collectors.errors import FetchFailed, InvalidSource, ParseFailed
from collectors.models import ComplaintCount, Document, Source
from collectors.runner import add_source, collect
from tests.collectors.conftest import FEEDS, LOOPBACK
from tests.http_server import FaultServer

NOW = datetime(2026, 1, 2, 9, 0, tzinfo=UTC)
ROOT = FEEDS.parent / "complaints"
PAGES = [
    "/is-bankasi/kredi-kartimda-yetkisiz-islem.html",
    "/is-bankasi/kapatilmis-kredi-dosyasinin-acik-kayit-sorunu.html",
    "/is-bankasi/istemedigim-kredi-karti-kapatilamiyor.html",
    "/is-bankasi/atmde-para-sikismasi.html",  # on listing page 2
    "/is-bankasi/kredi-karti-aramalari-durdurulma-talebi.html",  # on listing page 2
]
# Made-up personal data written into the fixtures; none may survive.
PERSONAL = [
    "0532 418 27 65",
    "28417395076",
    "selin.ornek@example.com",
    "TR29 0006 4000 0011 2345 6789 01",
    "+90 (216) 555 01 23",
    "Deniz",
    "Aksoy",
    "Selin",
    "Zeynep",
    "Kaya",
]
ISTANBUL = timezone(timedelta(hours=3))


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer(ROOT) as fault_server:
        yield fault_server


def _collector(**options: Any) -> ComplaintsCollector:
    return ComplaintsCollector(
        **({"max_bytes": 1_000_000, "retries": 0, "backoff_seconds": 0.01} | options)
    )


def _fetch(
    server: FaultServer,
    client: httpx.Client,
    path: str = "/is-bankasi.html",
    state: dict[str, Any] | None = None,
    **options: Any,
) -> Any:
    spec = SourceSpec(name="İş Bankası şikayetleri", kind="complaints", url=server.url(path))
    return _collector(**options).fetch(spec, state or {}, client=client, now=NOW)


# --- listing and complaint pages -----------------------------------------------------------


def test_listing_pages_lead_to_complaints(server: FaultServer, http_client: httpx.Client) -> None:
    result = _fetch(server, http_client)
    assert [item.url for item in result.items] == [server.url(path) for path in PAGES]
    first = result.items[0]
    assert first.title == "İş Bankası Kredi Kartımda Yetkisiz 34.000 TL İşlemi"
    assert first.text.startswith("İş Bankası kredi kartıma ait son ekstreme göre, 26 Kasım")
    assert first.published_at == datetime(2025, 12, 31, 22, 43, tzinfo=ISTANBUL)
    assert first.published_at.tzinfo == UTC
    assert first.language == "tr"
    assert first.extra == {
        "complaint": {"company": "İş Bankası", "status": "resolved", "day": "2025-12-31"}
    }
    statuses = [item.extra["complaint"]["status"] for item in result.items]
    # Çözüldü badge; no badge but the brand answered; neither.
    assert statuses == ["resolved", "answered", "open", "resolved", "open"]
    # The fourth page has no <time datetime>: its tooltip's Turkish date is read instead.
    assert result.items[3].published_at == datetime(2025, 12, 29, 11, 13, tzinfo=ISTANBUL)
    assert all(server.hits(path) == 1 for path in PAGES)


def test_personal_data_is_masked_before_it_leaves_the_collector(
    server: FaultServer, http_client: httpx.Client
) -> None:
    items = _fetch(server, http_client).items
    stored = "\n".join(f"{item.title}\n{item.text}\n{item.extra}" for item in items)
    assert [p for p in PERSONAL if p in stored] == []
    texts = [item.text for item in items]
    assert texts[0].endswith("bana [TELEFON] numarasından ulaşabilirsiniz.\nSaygılarımla,\n[AD]")
    assert "kimlik numaram [TCKN], başvuru numaram 25122240651." in texts[1]  # fails the check
    assert (
        texts[2].startswith("İşCep bana") and "[AD] olarak yazıyorum; yanıtı [E-POSTA]" in texts[2]
    )
    assert "Paranın [IBAN] IBAN numaralı" in texts[3]
    assert texts[4].startswith("Merhaba, ben [AD]. Uzun") and "[TELEFON] numaralı" in texts[4]


def test_seen_complaints_are_not_fetched_again(
    server: FaultServer, http_client: httpx.Client
) -> None:
    first = _fetch(server, http_client)
    assert first.state["seen"] == [server.url(path) for path in PAGES]
    assert "pending" not in first.state
    # No validators: the listing comes whole again, and the state alone must stop re-reading.
    again = _fetch(server, http_client, "/is-bankasi.html?etag=0&last_modified=0", first.state)
    assert again.items == [] and not again.not_modified
    assert all(server.hits(path) == 1 for path in PAGES)
    assert server.hits("/is-bankasi-sayfa-2.html") == 1  # page 1 was all known: stop there
    assert again.state["seen"] == first.state["seen"]


def test_seen_list_is_bounded(server: FaultServer, http_client: httpx.Client) -> None:
    result = _fetch(server, http_client, max_seen=2)
    assert len(result.items) == 5 and result.state["seen"] == [server.url(p) for p in PAGES[:2]]


def test_max_pages_bounds_the_listing_pages_read(
    server: FaultServer, http_client: httpx.Client
) -> None:
    result = _fetch(server, http_client, max_pages=1)
    assert [item.url for item in result.items] == [server.url(path) for path in PAGES[:3]]
    assert server.hits("/is-bankasi-sayfa-2.html") == 0


def test_complaints_over_the_bound_wait_for_the_next_run(
    server: FaultServer, http_client: httpx.Client
) -> None:
    first = _fetch(server, http_client, max_complaints=2)
    assert [item.url for item in first.items] == [server.url(p) for p in PAGES[:2]]
    assert first.state["pending"] == [server.url(p) for p in PAGES[2:]]
    assert all(server.hits(path) == 0 for path in PAGES[2:])
    # The listing has not changed (304), yet the pending complaints are read.
    second = _fetch(server, http_client, state=first.state, max_complaints=2)
    assert not second.not_modified
    assert [item.url for item in second.items] == [server.url(p) for p in PAGES[2:4]]
    third = _fetch(server, http_client, state=second.state, max_complaints=2)
    assert [item.url for item in third.items] == [server.url(PAGES[4])]
    assert "pending" not in third.state
    fourth = _fetch(server, http_client, state=third.state, max_complaints=2)
    assert fourth.not_modified and fourth.items == []


def test_a_failing_complaint_page_is_skipped_and_read_later(
    server: FaultServer, http_client: httpx.Client
) -> None:
    server.override(PAGES[1], status="404")
    first = _fetch(server, http_client)
    assert len(first.items) == 4 and server.url(PAGES[1]) not in first.state["seen"]
    server.clear(PAGES[1])
    again = _fetch(server, http_client, "/is-bankasi.html?etag=0", first.state)
    assert [item.url for item in again.items] == [server.url(PAGES[1])]


def test_every_complaint_page_failing_fails_the_run(
    server: FaultServer, http_client: httpx.Client
) -> None:
    for path in PAGES:
        server.override(path, status="503")
    with pytest.raises(FetchFailed, match="503"):
        _fetch(server, http_client)


def test_a_page_that_is_not_a_listing_fails_to_parse(
    server: FaultServer, http_client: httpx.Client
) -> None:
    with pytest.raises(ParseFailed, match="not a sikayetvar listing page"):
        _fetch(server, http_client, "/not-a-listing.html")


def test_a_cut_listing_fails_to_parse(server: FaultServer, http_client: httpx.Client) -> None:
    with pytest.raises(ParseFailed, match="cut short"):
        _fetch(server, http_client, "/is-bankasi.html?truncate=2000&declare=short")


def test_windows_1254_pages_declared_in_meta(
    server: FaultServer, http_client: httpx.Client
) -> None:
    # The header claims UTF-8; the page's own <meta charset> says windows-1254 and wins.
    items = _fetch(server, http_client, "/tr1254/is-bankasi.html").items
    assert [item.title for item in items] == [
        "Cihaz Değişiminde Onay Kodu Zorunluluğu Mağduriyet Yaratıyor"
    ]
    assert "İş Bankası’nın cihaz tanımlama süreci yüzünden ciddi şekilde mağdur" in items[0].text


# --- profiles ------------------------------------------------------------------------------


PROFILES = """
default: first
profiles:
  first:
    hosts: [sikayetvar.com]
    listing: {container: main, links: a}
    complaint: {title: h1, text: p}
  other:
    hosts: [example.org]
    listing: {container: main, links: a}
    complaint: {title: h1, text: p}
"""


def test_profile_is_chosen_by_state_fragment_host_then_default(tmp_path: Path) -> None:
    (tmp_path / "profiles.yml").write_text(PROFILES, encoding="utf-8")
    profiles = load_profiles(tmp_path / "profiles.yml")
    assert profiles[0] == "first" and set(profiles[1]) == {"first", "other"}

    def chosen(url: str, state: dict[str, Any] | None = None) -> str:
        return choose_profile(url, state or {}, profiles).name

    assert chosen("https://www.sikayetvar.com/is-bankasi") == "first"  # a subdomain
    assert chosen("https://example.org/x") == "other"
    assert chosen("https://example.org/x#profile=first") == "first"
    assert chosen("https://www.sikayetvar.com/x#profile=other") == "other"
    assert chosen("https://example.org/x#profile=other", {"profile": "first"}) == "first"
    assert chosen("http://127.0.0.1/x") == "first"  # the default
    with pytest.raises(InvalidSource, match="'nope' \\(known: first, other\\)"):
        chosen("http://127.0.0.1/x#profile=nope")


def test_the_shipped_profile_file_loads() -> None:
    default, profiles = load_profiles()
    assert default == "sikayetvar" and profiles["sikayetvar"].hosts == ("sikayetvar.com",)
    assert profiles["sikayetvar"].status_values["çözüldü"] == "resolved"


def test_a_profile_named_in_the_url_fragment_is_used(
    server: FaultServer, http_client: httpx.Client
) -> None:
    result = _fetch(server, http_client, "/is-bankasi.html#profile=sikayetvar")
    assert len(result.items) == 5  # the fragment picks the profile and is never sent
    assert server.last_headers("/is-bankasi.html")["host"].startswith("127.0.0.1")


def test_an_unknown_profile_fails_the_fetch(server: FaultServer, http_client: httpx.Client) -> None:
    with pytest.raises(InvalidSource, match="no complaint site profile 'nope'"):
        _fetch(server, http_client, "/is-bankasi.html#profile=nope")
    assert server.hits("/is-bankasi.html") == 0


def test_a_profile_without_required_selectors_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "default: x\nprofiles:\n  x:\n    listing: {links: a}\n    complaint: {title: h1}\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidSource, match=r"lacks listing\.container, complaint\.text"):
        load_profiles(bad)


# --- exports -------------------------------------------------------------------------------


def test_csv_export_with_the_dataset_columns(
    server: FaultServer, http_client: httpx.Client
) -> None:
    items = _fetch(server, http_client, "/export.csv").items
    assert [item.url for item in items] == [  # the third row has no text: skipped
        "https://www.sikayetvar.com/is-bankasi/kredi-kartinda-izinsiz-limit-artisi",
        "https://www.sikayetvar.com/is-bankasi/gorevlisinin-yanlis-bilgilendirmesi",
    ]
    assert items[0].published_at == datetime(2025, 12, 30, 18, 38, tzinfo=ISTANBUL)
    assert [item.extra["complaint"] for item in items] == [
        {"company": "İş Bank", "status": "open", "day": "2025-12-30"},
        {"company": "İş Bank", "status": "resolved", "day": "2025-12-31"},
    ]
    assert items[0].text.endswith("[AD] olarak bana [TELEFON] numarasından ulaşabilirsiniz.")
    assert items[1].text.endswith("T.C. kimlik numaram [TCKN].")


def test_json_export_and_its_statuses(server: FaultServer, http_client: httpx.Client) -> None:
    items = _fetch(server, http_client, "/export.json").items
    assert [item.extra["complaint"]["company"] for item in items] == ["Turkcell", "İş Bankası"]
    assert [item.extra["complaint"]["status"] for item in items] == ["answered", "open"]
    assert items[0].published_at == datetime(2025, 12, 29, 9, 5, tzinfo=ISTANBUL)
    assert items[1].published_at == datetime(2025, 12, 29, 10, 15, tzinfo=ISTANBUL)
    assert "[IBAN] numaralı" in items[0].text and items[1].text.endswith("İletişim: [E-POSTA]")


def test_export_is_recognised_by_content_type_too(
    server: FaultServer, http_client: httpx.Client
) -> None:
    # An export URL without a file suffix: only the JSON content type tells it from a page.
    with pytest.raises(ParseFailed):
        _fetch(server, http_client, "/export-api")
    server.override("/export-api", content_type="application/json; charset=utf-8")
    assert len(_fetch(server, http_client, "/export-api").items) == 2


@pytest.mark.parametrize(
    "path",
    ["/export-missing-columns.csv", "/export.json?truncate=120&declare=short"],
)
def test_bad_exports_fail_to_parse(
    path: str, server: FaultServer, http_client: httpx.Client
) -> None:
    with pytest.raises(ParseFailed, match="complaint export"):
        _fetch(server, http_client, path)


# --- dates and keys ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("2025-12-31T22:43:00+03:00", datetime(2025, 12, 31, 19, 43, tzinfo=UTC)),
        ("2025-12-31T22:43:00", datetime(2025, 12, 31, 19, 43, tzinfo=UTC)),  # site's zone
        ("31 Aralık 2025 22:43", datetime(2025, 12, 31, 19, 43, tzinfo=UTC)),
        ("3 ŞUBAT 2025", datetime(2025, 2, 2, 21, 0, tzinfo=UTC)),
        ("1 Ocak 08:15", datetime(2026, 1, 1, 5, 15, tzinfo=UTC)),  # this year
        ("31 Aralık 22:43", datetime(2025, 12, 31, 19, 43, tzinfo=UTC)),  # not in the future
        ("29.12.2025 10:15", datetime(2025, 12, 29, 7, 15, tzinfo=UTC)),
        ("12/31/2025", datetime(2025, 12, 30, 21, 0, tzinfo=UTC)),  # month first
        ("2 gün önce", None),
        ("31 Smarch 2025", None),
        ("31.02.2025", None),
    ],
)
def test_site_dates(shown: str, expected: datetime | None) -> None:
    assert parse_site_date(shown, ISTANBUL, NOW) == expected


def test_company_key_folds_turkish_case() -> None:
    assert company_key("  İŞ   BANKASI ") == "iş bankası" == company_key("İş Bankası")
    assert company_key("IŞIK Holding") == "ışık holding"


# --- with the runner: documents and complaint counts ---------------------------------------


def _counts(session: Session) -> list[tuple[str, date, int]]:
    rows = session.exec(
        select(ComplaintCount).order_by(col(ComplaintCount.company_key), col(ComplaintCount.day))
    ).all()
    return [(row.company_key, row.day, row.count) for row in rows]


def test_runner_stores_masked_documents_and_counts_per_company_and_day(
    session: Session, http_client: httpx.Client, server: FaultServer
) -> None:
    options = {"max_bytes": 1_000_000, "retries": 0, "backoff_seconds": 0.01}
    for name, path in [("sv", "/is-bankasi.html?etag=0&last_modified=0"), ("csv", "/export.csv")]:
        add_source(
            session=session,
            kind="complaints",
            name=name,
            url=server.url(path),
            every_seconds=3600,
            allowed_networks=LOOPBACK,
            now=NOW,
        )
    report = collect(session=session, client=http_client, now=NOW, collector_options=options)
    assert report.documents_new == 7 and report.sources_failed == 0
    texts = "\n".join(d.title + d.text for d in session.exec(select(Document)).all())
    assert [p for p in PERSONAL if p in texts] == []
    expected = [
        ("iş bank", date(2025, 12, 30), 1),
        ("iş bank", date(2025, 12, 31), 1),
        ("iş bankası", date(2025, 12, 25), 1),
        ("iş bankası", date(2025, 12, 29), 1),
        ("iş bankası", date(2025, 12, 31), 3),
    ]
    assert _counts(session) == expected
    # A second run sees the same complaints (the export in full, the listing without
    # validators, the seen state wiped): no new documents, so no count moves.
    for source in session.exec(select(Source)).all():
        source.state = {}
        session.add(source)
    session.flush()
    again = collect(
        session=session,
        client=http_client,
        now=NOW + timedelta(hours=2),
        force=True,
        collector_options=options,
    )
    assert again.documents_new == 0 and again.items_seen == 7
    assert _counts(session) == expected

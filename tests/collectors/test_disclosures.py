"""DisclosuresCollector: SEC EDGAR current-filings Atom and a KAP-style JSON list, served
over loopback (hand-written fixtures: tests/fixtures/disclosures/README.md)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

from collectors.base import RawItem, SourceSpec
from collectors.disclosures import ITEMS_8K, DisclosuresCollector, feed_format, parse_kap_date
from collectors.errors import ParseFailed
from tests.collectors.conftest import FEEDS
from tests.http_server import FaultServer

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
FIXTURES = FEEDS.parent
ISTANBUL = timezone(timedelta(hours=3))
NEW_YORK_EDT = timezone(timedelta(hours=-4))


@pytest.fixture
def server() -> Iterator[FaultServer]:
    # The whole fixtures folder: disclosures/ and, for a non-EDGAR Atom feed, feeds/.
    with FaultServer(FIXTURES) as fault_server:
        yield fault_server


def _fetch(
    server: FaultServer, client: httpx.Client, path: str, state: dict[str, Any] | None = None
) -> list[RawItem]:
    collector = DisclosuresCollector(max_bytes=1_000_000, retries=0, backoff_seconds=0.01)
    spec = SourceSpec(name="filings", kind="disclosures", url=server.url(path))
    return collector.fetch(spec, state or {}, client=client, now=NOW).items


# --- EDGAR ---------------------------------------------------------------------------------


def test_edgar_filings_become_readable_sentences(
    server: FaultServer, http_client: httpx.Client
) -> None:
    items = _fetch(server, http_client, "/disclosures/edgar_current.xml")
    assert [item.text for item in items] == [
        "BIG LOTS INC filed an 8-K: Item 1.03 Bankruptcy or Receivership; Item 7.01 Regulation "
        "FD Disclosure; Item 9.01 Financial Statements and Exhibits.",
        "Example Jordan A filed a Form 4 about MICROSOFT CORP.",
        "Spirit AeroSystems Holdings, Inc. filed an 8-K: Item 1.01 Entry into a Material "
        "Definitive Agreement; Item 2.01 Completion of Acquisition or Disposition of Assets; "
        "Item 9.01 Financial Statements and Exhibits.",
        "PFIZER INC filed a 10-Q.",
        "Apple Inc. filed an 8-K: Item 2.02 Results of Operations and Financial Condition; "
        "Item 9.01 Financial Statements and Exhibits.",
    ]
    assert all(item.language == "en" for item in items)


def test_edgar_fields(server: FaultServer, http_client: httpx.Client) -> None:
    big_lots = _fetch(server, http_client, "/disclosures/edgar_current.xml")[0]
    assert big_lots.title == "8-K - BIG LOTS INC"
    assert big_lots.url == (
        "https://www.sec.gov/Archives/edgar/data/768835/000076883524000101/"
        "0000768835-24-000101-index.htm"
    )
    assert big_lots.published_at == datetime(2024, 9, 9, 16, 58, 40, tzinfo=NEW_YORK_EDT)
    assert big_lots.published_at.tzinfo == UTC
    assert big_lots.extra["disclosure"] == {
        "format": "edgar",
        "form": "8-K",
        "companies": [{"name": "BIG LOTS INC", "cik": "0000768835", "role": "Filer"}],
        "items": [
            {"number": "1.03", "title": "Bankruptcy or Receivership"},
            {"number": "7.01", "title": "Regulation FD Disclosure"},
            {"number": "9.01", "title": "Financial Statements and Exhibits"},
        ],
        "filed": "2024-09-09",
        "accession": "0000768835-24-000101",
    }


def test_entries_of_one_filing_become_one_item(
    server: FaultServer, http_client: httpx.Client
) -> None:
    form4 = _fetch(server, http_client, "/disclosures/edgar_current.xml")[1]
    assert form4.title == "4 - MICROSOFT CORP"  # titled by the company it is about
    assert form4.extra["disclosure"]["companies"] == [
        {"name": "MICROSOFT CORP", "cik": "0000789019", "role": "Issuer"},
        {"name": "Example Jordan A", "cik": "0001999999", "role": "Reporting"},
    ]


def test_item_titles_come_from_the_official_list() -> None:
    assert ITEMS_8K["1.03"] == "Bankruptcy or Receivership"
    assert ITEMS_8K["2.01"] == "Completion of Acquisition or Disposition of Assets"
    assert ITEMS_8K["1.01"] == "Entry into a Material Definitive Agreement"
    assert len(ITEMS_8K) == 34


def test_a_truncated_edgar_feed_fails_to_parse(
    server: FaultServer, http_client: httpx.Client
) -> None:
    with pytest.raises(ParseFailed, match="truncated"):
        _fetch(server, http_client, "/disclosures/edgar_truncated.xml")


def test_an_atom_feed_that_is_not_edgar_fails_to_parse(
    server: FaultServer, http_client: httpx.Client
) -> None:
    with pytest.raises(ParseFailed, match="not EDGAR filings"):
        _fetch(server, http_client, "/feeds/google_alerts_atom.xml")


# --- KAP -----------------------------------------------------------------------------------


def test_kap_disclosures(server: FaultServer, http_client: httpx.Client) -> None:
    items = _fetch(server, http_client, "/disclosures/kap_disclosures.json")
    assert [item.title for item in items] == [  # the entry without a company is skipped
        "Türk Hava Yolları: Yatırım Teşvik Belgesi Hk.",
        "Vestel Elektronik: Konkordato Talebi Hk.",
        "Arçelik: Maddi Duran Varlık Satışı",
        "Ereğli Demir Çelik: Finansal Rapor",
    ]
    assert [item.text for item in items] == [
        "Türk Hava Yolları (THYAO) Özel Durum Açıklaması: Yatırım Teşvik Belgesi Hk. Şirketimizin "
        "filo yatırımına ilişkin yatırım teşvik belgesi alınmıştır.",
        "Vestel Elektronik (VESTL) Özel Durum Açıklaması: Konkordato Talebi Hk. Şirketimiz "
        "hakkında bir alacaklı tarafından konkordato talebinde bulunulduğu öğrenilmiştir.",
        "Arçelik (ARCLK) Özel Durum Açıklaması: Maddi Duran Varlık Satışı. Manisa'daki arsamızın "
        "satışına karar verilmiştir.",
        "Ereğli Demir Çelik (EREGL, EREGL.E) Finansal Rapor: Finansal Rapor.",
    ]
    assert [item.url for item in items][:2] == [
        "https://www.kap.org.tr/tr/Bildirim/1301501",
        "https://www.kap.org.tr/tr/Bildirim/1301502",
    ]
    assert [item.published_at for item in items] == [
        datetime(2024, 5, 2, 18, 30, 12, tzinfo=ISTANBUL),
        datetime(2024, 5, 2, 19, 5, tzinfo=ISTANBUL),
        datetime(2024, 5, 3, 9, 15, tzinfo=ISTANBUL),
        datetime(2024, 5, 3, 18, 10, tzinfo=ISTANBUL),
    ]
    assert all(item.language == "tr" for item in items)
    assert items[0].extra["disclosure"] == {
        "format": "kap",
        "company": "Türk Hava Yolları",
        "stock_codes": ["THYAO"],
        "subject": "Yatırım Teşvik Belgesi Hk.",
        "index": 1301501,
        "id": "8acae2c58f1e4d6c018f3a2b1c0d0001",
        "class": "ODA",
        "type": "ODA",
    }


def test_kap_in_windows_1254_whatever_the_header_says(
    server: FaultServer, http_client: httpx.Client
) -> None:
    path = "/disclosures/kap_windows1254.json?content_type=application/json;%20charset=iso-8859-1"
    items = _fetch(server, http_client, path)
    assert [item.title for item in items] == [
        "Şişecam: Yatırım Teşvik Belgesi Hk.",
        "Tüpraş: Yeni İş İlişkisi",
    ]


@pytest.mark.parametrize(
    "path", ["/disclosures/kap_truncated.json", "/disclosures/kap_disclosures.json?truncate=10"]
)
def test_broken_kap_json_fails(path: str, server: FaultServer, http_client: httpx.Client) -> None:
    with pytest.raises(ParseFailed):
        _fetch(server, http_client, path + ("&declare=short" if "?" in path else ""))


def test_format_is_sniffed_or_chosen_by_state() -> None:
    assert feed_format(b'\xef\xbb\xbf  <?xml version="1.0"?><feed/>') == "edgar"
    assert feed_format(b"\n[{}]") == "kap" and feed_format(b'{"disclosures": []}') == "kap"
    assert feed_format(b"[]", "edgar") == "edgar"  # the state option wins
    with pytest.raises(ParseFailed, match="neither"):
        feed_format(b"Index of /")


def test_state_option_forces_the_format(server: FaultServer, http_client: httpx.Client) -> None:
    with pytest.raises(ParseFailed):
        _fetch(server, http_client, "/disclosures/kap_disclosures.json", {"format": "edgar"})


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("02.05.2024 18:30:12", datetime(2024, 5, 2, 15, 30, 12, tzinfo=UTC)),
        ("02.05.24 18:30", datetime(2024, 5, 2, 15, 30, tzinfo=UTC)),
        ("2024-05-02T18:30:00", datetime(2024, 5, 2, 15, 30, tzinfo=UTC)),
        ("2024-05-02T18:30:00Z", datetime(2024, 5, 2, 18, 30, tzinfo=UTC)),
        ("32.05.2024 10:00", None),
        ("dün", None),
        ("", None),
    ],
)
def test_kap_dates(shown: str, expected: datetime | None) -> None:
    assert parse_kap_date(shown) == expected

"""The tenders kind on real TED notices: what is read from each form, the readable text, the
listing formats, the per-run cap and the seen/pending state."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session, select

from collectors.base import RawItem, SourceSpec
from collectors.errors import FetchFailed, ParseFailed
from collectors.models import Document
from collectors.runner import add_source, collect
from collectors.tenders import TED_SCHEMAS, TendersCollector, parse_listing, parse_notice
from tests.collectors.conftest import LOOPBACK
from tests.http_server import FaultServer

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TED = Path(__file__).resolve().parent.parent / "fixtures" / "ted"
LISTED = ["154292-2020", "140295-2021", "154324-2020", "121869-2023"]  # listing.txt, in order


def _notice(name: str) -> RawItem:
    return parse_notice((TED / name).read_bytes(), f"http://127.0.0.1/{name}")


@pytest.fixture
def ted_server() -> Iterator[FaultServer]:
    with FaultServer(TED) as server:
        yield server


def _collector(max_notices: int = 50) -> TendersCollector:
    return TendersCollector(
        max_bytes=1_000_000, retries=0, backoff_seconds=0.01, max_notices=max_notices
    )


def _spec(url: str) -> SourceSpec:
    return SourceSpec(name="TED", kind="tenders", url=url)


# --- one notice ----------------------------------------------------------------------------


def test_award_notice_names_buyer_and_winners_in_a_readable_text() -> None:
    item = _notice("20-157399-001-EXP.xml")
    assert item.url == "http://ted.europa.eu/udl?uri=TED:NOTICE:154292-2020:TEXT:EN:HTML"
    assert item.published_at == datetime(2020, 3, 31, tzinfo=UTC)
    assert item.language == "en"
    assert item.text.startswith(
        "Contract award notice 2020/S 064-154292, published 2020-03-31. "
        "Contracting authority: Kåfjord Kommune (Olderdalen, NO). Contract award: "
        "Kurt Steinar Wiik (Rotsund, NO), Manndalen Maskin AS (Kåfjord, NO), "
        "Myrvoll Maskin AS (Birtavarre, NO) and Traktor and Maskin (Olderdalen, NO) won "
        "contracts for 'Winter Maintenance of Municipal Roads and Spaces"
    )
    assert "CPV 90620000 (Snow-clearing services). Value 4,500,000 NOK." in item.text
    assert "Place of performance: Troms (NO072)." in item.text
    extra = item.extra
    assert (extra["notice_id"], extra["form"], extra["notice_type"]) == (
        "154292-2020",
        "F03",
        "award",
    )
    assert extra["buyer"] == "Kåfjord Kommune"
    assert [w["name"] for w in extra["winners"]] == [
        "Kurt Steinar Wiik",
        "Manndalen Maskin AS",
        "Myrvoll Maskin AS",
        "Traktor and Maskin",
    ]
    assert (extra["cpv"], extra["value"], extra["currency"]) == (["90620000"], 4500000.0, "NOK")


def test_award_with_lots_lists_each_lot_and_its_value() -> None:
    item = _notice("19-271873-001-EXP.xml")
    # This notice gives each lot's initial estimate only, and the text says so.
    assert "Lot 44 went to Vesta Drogerija for an estimated 33,811 MKD." in item.text
    assert len(item.extra["winners"]) == 5 and len(item.extra["awards"]) == 5
    assert item.extra["awards"][0] == {
        "lot": "44",
        "title": "",
        "winners": [{"name": "Vesta Drogerija", "town": "Skopje", "country": "MK"}],
        "value": 33811.0,
        "estimated": True,
        "currency": "MKD",
        "concluded": "2019-05-20",
        "not_awarded": None,
    }


def test_contract_notice_with_joint_buyers_and_deadline() -> None:
    item = _notice("20-156983-001-EXP.xml")
    assert item.extra["notice_type"] == "call" and item.extra["deadline"] == "2020-05-08 12:00"
    assert [b["name"] for b in item.extra["buyers"]] == [
        "Langstane Housing Association Ltd",
        "Castlehill Housing Association",
        "Osprey Housing",
        "Angus Housing Association Ltd",
    ]
    assert (
        "Call for competition: Langstane Housing Association Ltd invites tenders for "
        "'Kitchen and Bathroom Framework 2020-2024'. Tenders are due by 2020-05-08 12:00."
    ) in item.text
    assert "Together with: Castlehill Housing Association (Aberdeen, UK);" in item.text
    assert "Value 12,000,000 GBP." in item.text and item.extra["winners"] == []


def test_corrigendum_names_the_corrected_notice_and_the_changes() -> None:
    item = _notice("23-119901-001-EXP.xml")
    assert item.extra["notice_type"] == "corrigendum" and item.language == "pt"
    assert item.extra["corrects"] == "2022/S 098-267307"
    assert (
        "Corrigendum to notice 2022/S 098-267307 for 'Empreitada EN341" in item.text
        and "section IV.2.2) changed from 2023-02-28 17:00 to 2023-03-03 17:00" in item.text
    )
    assert item.extra["buyer"] == "Infraestruturas de Portugal, S. A."


def test_design_contest_results_name_the_prize_winners() -> None:
    item = _notice("18-156915-001-EXP.xml")
    assert item.extra["form"] == "F13" and item.extra["notice_type"] == "award"
    assert "planerzirkel h.g.kleymann" in {w["name"].split(": ")[-1] for w in item.extra["winners"]}
    assert item.extra["buyer"] == "Stadt Weißenfels" and item.language == "de"


def test_prior_information_notice() -> None:
    item = _notice("20-155018-001-EXP.xml")
    assert item.extra["notice_type"] == "prior_information"
    assert "Prior information: Gemeinde Veitshöchheim plans the procurement" in item.text


@pytest.mark.parametrize(
    ("name", "language", "buyer", "title"),
    [
        # TED_EXPORT in the older namespace "ted/R2.0.9.S02/publication".
        ("18-151256-001-EXP.xml", "de", "Gemeinde Balzers", "Projektwettbewerb Wohnen"),
        # English original followed by 23 translations (DE "Erwerb durch Euratom ..."):
        # the original is read.
        (
            "21-048169-001-EXP.xml",
            "en",
            "European Commission, Directorate-General for Research and Innovation",
            "Purchase by Euratom",
        ),
        # French and German forms, both marked original (DE "LTE-Mobilfunktester ..."):
        # the one in LG_ORIG, French, wins.
        (
            "20-162034-001-EXP.xml",
            "fr",
            "Armasuisse Kompetenzbereich Einkauf und Kooperationen CC WTO",
            "Testeur de radiocommunication LTE",
        ),
        ("21-364180-001-EXP.xml", "sk", "Obec Lemešany", "ČOV a kanalizácia obce Lemešany"),
    ],
)
def test_the_original_language_form_is_read(
    name: str, language: str, buyer: str, title: str
) -> None:
    item = _notice(name)
    assert item.language == language
    assert item.extra["buyer"] == buyer
    assert item.title.startswith(title) and f"'{title}" in item.text


def test_a_notice_without_a_2014_form_falls_back_to_the_coded_sections() -> None:
    body = (TED / "20-157399-001-EXP.xml").read_text(encoding="utf-8")
    without_form = re.sub(r"<FORM_SECTION>.*</FORM_SECTION>", "<FORM_SECTION/>", body, flags=re.S)
    item = parse_notice(without_form.encode(), "http://127.0.0.1/x.xml")
    assert item.extra["buyer"] == "Kåfjord Kommune" and item.extra["winners"] == []
    assert item.extra["cpv"] == ["90620000"] and item.extra["notice_type"] == "award"
    assert (item.extra["value"], item.extra["currency"]) == (4500000.0, "NOK")


# --- eForms --------------------------------------------------------------------------------


def _eforms(name: str) -> RawItem:
    return _notice(f"eforms/{name}")


def test_eforms_award_names_buyer_and_each_winner() -> None:
    item = _eforms("can_23_contracts.xml")
    assert (item.language, item.published_at) == ("en", datetime(2020, 3, 10, tzinfo=UTC))
    title = (
        "Concession Contract for the Supply of Enforcement Agency Services "
        "(Call-off from the YPO Enforcement Services DPS — 774)"
    )
    assert item.title == f"{title} — The Council of the City of Wakefield"
    assert item.text.startswith(
        "Contract award notice f4308a76-5393-477c-ba91-f4c9fb8818a6, published 2020-03-10. "
        "Contracting authority: The Council of the City of Wakefield (Wakefield, GB). "
        "Contract award: Jacobs (Birkenhead, GB) and Phoenix commercial collections (Bolton, GB) "
        f"won contracts for '{title}'. The contract went to Jacobs for 2,000,000 GBP. "
        "The contract went to Phoenix commercial collections for 1,000,000 GBP. "
        "CPV 75242110, 75000000, 79940000, 98351110. Value 3,000,000 EUR. "
        "Place of performance: GB. The Council of the Wakefield will be undertaking"
    )
    extra = item.extra
    assert (extra["notice_id"], extra["form"], extra["notice_type"]) == (
        "f4308a76-5393-477c-ba91-f4c9fb8818a6",
        "can-standard",
        "award",
    )
    assert extra["buyer"] == "The Council of the City of Wakefield"
    assert extra["winners"] == [
        {"name": "Jacobs", "town": "Birkenhead", "country": "GB"},
        {"name": "Phoenix commercial collections", "town": "Bolton", "country": "GB"},
    ]
    assert extra["awards"][1] == {
        "lot": "",
        "title": title,
        "winners": [{"name": "Phoenix commercial collections", "town": "Bolton", "country": "GB"}],
        "value": 1000000.0,
        "estimated": False,
        "currency": "GBP",
        "concluded": "2020-02-19",
        "not_awarded": None,
    }
    assert extra["cpv"] == ["75242110", "75000000", "79940000", "98351110"]
    # The eSender (eSendCorp) is an organisation of the notice, but neither buyer nor winner.
    assert "eSendCorp" not in item.text


def test_eforms_award_in_the_notice_language() -> None:
    item = _eforms("can_25_ITA.xml")
    assert item.language == "it" and item.extra["buyer"] == "Rete Ferroviaria italiana"
    assert [w["name"] for w in item.extra["winners"]] == ["Trenitalia SpA"]
    assert item.extra["awards"][0]["concluded"] == "2020-04-02"
    assert (item.extra["value"], item.extra["currency"]) == (4000000.0, "EUR")
    assert (item.extra["cpv"], item.extra["places"]) == (["60210000"], ["ITZZZ"])
    assert (
        "Contract award: Trenitalia SpA (Roma, IT) won the contract for 'Servizio di" in item.text
    )


def test_eforms_contract_notice_with_deadline_and_estimate() -> None:
    item = _eforms("cn_24_cumbria.xml")
    extra = item.extra
    assert (extra["notice_type"], extra["deadline"]) == ("call", "2020-05-11 10:00")
    assert (extra["value"], extra["currency"], extra["cpv"]) == (1230000.0, "EUR", ["79000000"])
    assert extra["buyers"] == [
        {"name": "Cumbria County Council", "town": "Carlisle", "country": "GB"}
    ]
    assert extra["winners"] == [] and extra["awards"] == []
    assert (
        "Call for competition: Cumbria County Council invites tenders for "
        "'School Payroll and HR Admin Services'. Tenders are due by 2020-05-11 10:00."
    ) in item.text
    assert "The Council plans to establish a framework of suppliers" in item.text


def test_eforms_published_notice_takes_its_publication_number_date_and_ted_url() -> None:
    item = _eforms("pin-buyer_24_published.xml")
    assert item.extra["notice_id"] == "12345678-2025" == item.extra["ojs_number"]
    assert item.url == "https://ted.europa.eu/en/notice/-/detail/12345678-2025"
    # The publication date, not the date the buyer wrote the notice (2020-04-08).
    assert item.published_at == datetime(2025, 5, 22, tzinfo=UTC)
    assert item.extra["notice_type"] == "prior_information" and item.language == "it"
    assert item.extra["places"] == ["ITC33"] and item.extra["value"] is None
    assert item.text.startswith(
        "Prior information notice 12345678-2025, published 2025-05-22. Contracting authority: "
        "IRCCS Policlinico ospedale San Martino (Genova, IT). Prior information: IRCCS "
        "Policlinico ospedale San Martino plans the procurement 'Avviso consultazione"
    )


def test_eforms_lot_without_a_winner() -> None:
    body = (TED / "eforms" / "can_25_ITA.xml").read_text(encoding="utf-8")
    closed = body.replace(
        '<cbc:TenderResultCode listName="winner-selection-status">selec-w</cbc:TenderResultCode>',
        '<cbc:TenderResultCode listName="winner-selection-status">clos-nw</cbc:TenderResultCode>'
        "<efac:DecisionReason><efbc:DecisionReasonCode>no-rece</efbc:DecisionReasonCode>"
        "</efac:DecisionReason>",
    )
    assert closed != body
    item = parse_notice(closed.encode(), "http://127.0.0.1/x.xml")
    assert item.extra["winners"] == [] and item.extra["awards"][0]["not_awarded"] == "no-rece"
    assert "no contract was awarded" in item.text and "Trenitalia" not in item.text


def test_eforms_change_notice_is_a_corrigendum() -> None:
    body = (TED / "eforms" / "cn_24_cumbria.xml").read_text(encoding="utf-8")
    changed = body.replace(
        "<efac:NoticeSubType>",
        "<efac:Changes><efbc:ChangedNoticeIdentifier>1a2b-01</efbc:ChangedNoticeIdentifier>"
        "<efac:ChangeReason><efbc:ReasonDescription>Deadline extended</efbc:ReasonDescription>"
        "</efac:ChangeReason></efac:Changes><efac:NoticeSubType>",
        1,
    )
    item = parse_notice(changed.encode(), "http://127.0.0.1/x.xml")
    assert (item.extra["notice_type"], item.extra["corrects"]) == ("corrigendum", "1a2b-01")
    assert "Corrigendum to notice 1a2b-01 for 'School Payroll" in item.text
    assert "Deadline extended" in item.text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        # A UBL skeleton: the right root, nothing in it.
        (
            b'<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2"'
            b' xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">'
            b"<cbc:ID>1</cbc:ID></ContractNotice>",
            "eForms notice 1 names no buyer or no title",
        ),
        # An eForms notice kind Radar does not read (a European company registration).
        (
            b'<BusinessRegistrationInformationNotice xmlns="urn:oasis:names:specification:ubl:'
            b'schema:xsd:BusinessRegistrationInformationNotice-2"/>',
            "not a TED notice Radar reads",
        ),
        ((TED / "eforms" / "can_25_ITA.xml").read_bytes()[:9000], "malformed notice XML"),
    ],
)
def test_eforms_bodies_that_fail_to_parse(body: bytes, message: str) -> None:
    with pytest.raises(ParseFailed, match=message):
        parse_notice(body, "http://127.0.0.1/x.xml")
    assert {"ContractNotice", "ContractAwardNotice", "PriorInformationNotice"} <= set(TED_SCHEMAS)


def test_a_listing_mixing_eforms_and_old_notices_over_http(
    http_client: httpx.Client, ted_server: FaultServer
) -> None:
    result = _collector().fetch(
        _spec(ted_server.url("/eforms/listing.txt")), {}, client=http_client, now=NOW
    )
    assert [(item.extra["notice_id"], item.extra["buyer"]) for item in result.items] == [
        ("f4308a76-5393-477c-ba91-f4c9fb8818a6", "The Council of the City of Wakefield"),
        ("904890c7-9743-410c-b75c-8c60d9930633", "Rete Ferroviaria italiana"),
        ("6bc75979-ce6c-46eb-81a6-eee543697dec", "Cumbria County Council"),
        ("12345678-2025", "IRCCS Policlinico ospedale San Martino"),
        ("154292-2020", "Kåfjord Kommune"),
    ]
    assert result.state["pending"] == [] and len(result.state["seen"]) == 5
    # Both schemas give the same keys, so later stages read them alike.
    assert len({tuple(sorted(item.extra)) for item in result.items}) == 1
    assert ted_server.hits("/eforms/can_25_ITA.xml") == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<rss version='2.0'><channel/></rss>", "not a TED notice"),
        ((TED / "20-157399-001-EXP.truncated.xml").read_bytes(), "malformed notice XML"),
    ],
)
def test_other_bodies_fail_to_parse(body: bytes, message: str) -> None:
    with pytest.raises(ParseFailed, match=message):
        parse_notice(body, "http://127.0.0.1/x.xml")


def test_every_recorded_notice_parses() -> None:
    for path in sorted([*TED.glob("*-EXP*.xml"), *TED.glob("eforms/*.xml")]):
        if "truncated" in path.name:
            continue
        item = parse_notice(path.read_bytes(), "http://127.0.0.1/" + path.name)
        assert item.extra["buyer"] and item.extra["cpv"]
        assert item.title and item.published_at is not None
        assert f"Contracting authority: {item.extra['buyer']}" in item.text


# --- listings ------------------------------------------------------------------------------


def test_plain_text_listing_resolves_relative_urls() -> None:
    body = (TED / "listing.txt").read_bytes()
    assert parse_listing(body, base_url="http://h/ted/listing.txt", charset=None) == [
        "http://h/ted/20-157399-001-EXP.xml",
        "http://h/ted/21-139343-001-EXP.xml",
        "http://h/ted/20-156983-001-EXP.xml",
        "http://h/ted/23-119901-001-EXP.xml",
    ]


def test_json_listing_drops_duplicates() -> None:
    body = (TED / "listing.json").read_bytes()
    assert parse_listing(body, base_url="http://h/a/list.json", charset="utf-8") == [
        "http://h/a/20-157399-001-EXP.xml",
        "http://h/a/18-156915-001-EXP.xml",
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'["a.xml", ', "not valid JSON"),
        (b'["a.xml", 7]', "entry 2 is not a URL"),
        (b"a.xml\nnot a url at all\n", "entry 2 is not a URL"),
        (b"ftp://h/a.xml\n", "entry 1 is not a URL"),
    ],
)
def test_malformed_listing_fails_to_parse(body: bytes, message: str) -> None:
    with pytest.raises(ParseFailed, match=message):
        parse_listing(body, base_url="http://h/list.txt", charset=None)


# --- the collector -------------------------------------------------------------------------


def test_listing_run_fetches_each_notice_once(
    http_client: httpx.Client, ted_server: FaultServer
) -> None:
    spec = _spec(ted_server.url("/listing.txt"))
    first = _collector().fetch(spec, {}, client=http_client, now=NOW)
    assert [item.extra["notice_id"] for item in first.items] == LISTED
    assert first.state["pending"] == [] and len(first.state["seen"]) == 4
    assert "etag" in first.state
    again = _collector().fetch(spec, first.state, client=http_client, now=NOW)
    assert again.not_modified and again.items == []
    # The listing changes (no validators): the notices already seen are not fetched again.
    changed = _spec(ted_server.url("/listing.txt?etag=0&last_modified=0"))
    third = _collector().fetch(changed, first.state, client=http_client, now=NOW)
    assert third.items == [] and not third.not_modified
    assert ted_server.hits("/20-157399-001-EXP.xml") == 1


def test_the_cap_leaves_notices_pending_for_the_next_run(
    http_client: httpx.Client, ted_server: FaultServer
) -> None:
    spec = _spec(ted_server.url("/listing.txt"))
    first = _collector(max_notices=3).fetch(spec, {}, client=http_client, now=NOW)
    assert [item.extra["notice_id"] for item in first.items] == LISTED[:3]
    assert len(first.state["pending"]) == 1
    # The listing answers 304, yet the pending notice is fetched.
    second = _collector(max_notices=3).fetch(spec, first.state, client=http_client, now=NOW)
    assert [item.extra["notice_id"] for item in second.items] == LISTED[3:]
    assert second.state["pending"] == [] and len(second.state["seen"]) == 4
    third = _collector(max_notices=3).fetch(spec, second.state, client=http_client, now=NOW)
    assert third.not_modified and third.items == []


def test_seen_keeps_only_what_is_still_listed(
    http_client: httpx.Client, ted_server: FaultServer
) -> None:
    state = {"seen": ["http://gone.example/old.xml"]}
    result = _collector().fetch(
        _spec(ted_server.url("/listing.json")), state, client=http_client, now=NOW
    )
    assert len(result.items) == 2 and "http://gone.example/old.xml" not in result.state["seen"]


def test_failing_notices(tmp_path: Path, http_client: httpx.Client) -> None:
    """A missing notice stays pending, a malformed one is given up, a refused one skipped."""
    shutil.copy(TED / "20-157399-001-EXP.xml", tmp_path)
    shutil.copy(TED / "20-157399-001-EXP.truncated.xml", tmp_path)
    (tmp_path / "listing.txt").write_text(
        "missing.xml\n20-157399-001-EXP.truncated.xml\nhttp://10.0.0.1/x.xml\n"
        "20-157399-001-EXP.xml\n"
    )
    (tmp_path / "broken.txt").write_text("missing.xml\nalso-missing.xml\n")
    with FaultServer(tmp_path) as server:
        result = _collector().fetch(
            _spec(server.url("/listing.txt")), {}, client=http_client, now=NOW
        )
        assert [item.extra["notice_id"] for item in result.items] == ["154292-2020"]
        assert result.state["pending"] == [server.url("/missing.xml")]
        assert len(result.state["seen"]) == 3
        with pytest.raises(FetchFailed, match="none of 2 listed notices"):
            _collector().fetch(_spec(server.url("/broken.txt")), {}, client=http_client, now=NOW)


def test_a_single_notice_url_is_one_item(
    http_client: httpx.Client, ted_server: FaultServer
) -> None:
    result = _collector().fetch(
        _spec(ted_server.url("/21-139343-001-EXP.xml")), {}, client=http_client, now=NOW
    )
    assert [item.extra["form"] for item in result.items] == ["F15"]
    assert "seen" not in result.state and "etag" in result.state


def test_stored_documents_keep_buyer_winners_and_cpv(
    session: Session, http_client: httpx.Client, ted_server: FaultServer
) -> None:
    for name, path in [("TED", "/listing.txt"), ("TED eForms", "/eforms/listing.txt")]:
        add_source(
            session=session,
            kind="tenders",
            name=name,
            url=ted_server.url(path),
            every_seconds=3600,
            allowed_networks=LOOPBACK,
            now=NOW,
        )
    report = collect(session=session, client=http_client, now=NOW, collector_options={"retries": 0})
    assert report.documents_new == 9 and report.sources_failed == 0
    session.expire_all()
    extras = {d.extra["notice_id"]: d.extra for d in session.exec(select(Document)).all()}
    assert set(LISTED) < set(extras) and len(extras) == 8  # 154292-2020 is in both listings
    award = extras["154292-2020"]
    assert award["buyer"] == "Kåfjord Kommune" and award["cpv"] == ["90620000"]
    assert award["winners"][0] == {"name": "Kurt Steinar Wiik", "town": "Rotsund", "country": "NO"}
    assert (award["value"], award["currency"], award["notice_type"]) == (4500000.0, "NOK", "award")
    eforms = extras["904890c7-9743-410c-b75c-8c60d9930633"]
    assert eforms["buyer"] == "Rete Ferroviaria italiana" and eforms["cpv"] == ["60210000"]
    assert eforms["winners"] == [{"name": "Trenitalia SpA", "town": "Roma", "country": "IT"}]

"""The patents kind on real USPTO full-text XML: grants v2.5 and v4.x, applications v4.x,
bulk files of many documents, cut documents, other encodings, zipped bulk files."""

from __future__ import annotations

import logging
import shutil
import xml.etree.ElementTree as ET
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session, col, select

from collectors.base import RawItem, SourceSpec
from collectors.errors import BodyTooLarge, ParseFailed
from collectors.models import Document
from collectors.patents import PATENT_FORMATS, PatentsCollector, parse_uspto, render
from collectors.runner import add_source, collect
from tests.collectors.conftest import LOOPBACK
from tests.http_server import FaultServer

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
PATENTS = Path(__file__).resolve().parent.parent / "fixtures" / "patents"
BULK_NUMBERS = ["07057742", "06530116", "06857133", "09358892", "11147202"]


def _items(name: str) -> list[RawItem]:
    url = f"http://127.0.0.1/{name}"
    return [render(p, "uspto-xml") for p in parse_uspto((PATENTS / name).read_bytes(), url)]


def _one(name: str) -> RawItem:
    (item,) = _items(name)
    return item


def _collector(**options: int) -> PatentsCollector:
    return PatentsCollector(
        max_bytes=options.get("max_bytes", 2_000_000),
        retries=0,
        backoff_seconds=0.01,
        max_unzipped_bytes=options.get("max_unzipped_bytes"),
    )


# --- documents -----------------------------------------------------------------------------


def test_grant_v41_reads_assignee_inventors_and_abstract() -> None:
    item = _one("US07057742-20060606.XML")
    assert item.text.startswith(
        "Lightgage, Inc. was granted US patent 7,057,742 B2 on 2006-06-06 for "
        "'Frequency-scanning interferometer with non-specular reference surface'. "
        "Inventors: Joseph C. Marron, Dean Faklis. Application filed 2003-06-30. "
        "Abstract: A frequency-scanning interferometer is modified to include a diffuse "
        "reference surface."
    )
    assert item.url == "https://patents.google.com/patent/US7057742B2"
    assert item.published_at == datetime(2006, 6, 6, tzinfo=UTC) and item.language == "en"
    assert item.title.startswith("Lightgage, Inc.: Frequency-scanning interferometer")
    assert item.extra == {
        "format": "uspto-xml",
        "version": "v4.1 2005-08-25",
        "office": "US",
        "number": "07057742",
        "kind": "B2",
        "document_type": "grant",
        "organisations": ["Lightgage, Inc."],
        "people": [],
        "inventors": ["Joseph C. Marron", "Dean Faklis"],
        "filed": "2003-06-30",
    }


def test_a_malformed_description_does_not_stop_the_bibliographic_data() -> None:
    body = (PATENTS / "US07057742-20060606.XML").read_bytes()
    with pytest.raises(ET.ParseError, match="mismatched tag"):
        ET.fromstring(body.split(b"]>", 1)[1])  # the whole document is not well-formed
    assert _one("US07057742-20060606.XML").extra["number"] == "07057742"


def test_grant_v25_patdoc() -> None:
    item = _one("v2-5-B2.xml")
    assert item.text.startswith(
        "Shop Vac Corporation was granted US patent 6,530,116 B2 on 2003-03-11 for "
        "'Vacuum cleaner with muffled detachable blower exhaust'. Inventors: Robert C. "
        "Berfield, Ronald Griffin, Craig Seasholtz. Application filed 2001-02-13. Abstract: "
        "A vacuum cleaner includes a housing"
    )
    assert item.extra["version"] == "v2.5"


@pytest.mark.parametrize(
    ("name", "lead"),
    [
        (
            "v4-5-B1.xml",
            "Toyota Motor Engineering & Manufacturing North America, Inc. was granted US patent "
            "9,358,892 B1 on 2016-06-07 for 'System and method for pre-charging a hybrid",
        ),
        # No assignee: the inventor (an applicant-inventor in v4.0) owns it.
        ("v4-0-B2.xml", "David V. Reynolds was granted US patent 6,857,133 B2 on 2005-02-22"),
        ("v4-5-B2.xml", "Yeow Ng was granted US patent 11,147,202 B2 on 2021-10-19"),
        (
            "US20220240350A1-20220728.XML",
            "JABIL INC. filed US patent application 2022/0240350 A1 for 'APPARATUS, SYSTEM AND "
            "METHOD OF PROVIDING A CONFORMABLE HEATER IN WEARABLES', published 2022-07-28.",
        ),
        ("v4-4-A1.xml", "Daniel O'Keefe filed US patent application 2021/0267109 A1 for"),
        ("v4-5-A2.xml", "BEVIS GEAR INC. filed US patent application 2022/0160114 A2 for"),
    ],
)
def test_grants_and_applications_read_as_sentences(name: str, lead: str) -> None:
    assert _one(name).text.startswith(lead)


def test_applicant_and_assignee_named_once_and_inventors_deduplicated() -> None:
    item = _one("US20220240350A1-20220728.XML")
    assert item.extra["organisations"] == ["JABIL INC."]
    assert item.extra["inventors"] == [
        "Arnoldo RETA",
        "Sai Guruva AVUTHU",
        "MaryAlice GILL",
        "Nabel M. GHALIB",
        "Mark Edward SUSSMAN",
    ]
    assert item.extra["document_type"] == "application"
    assert item.url == "https://patents.google.com/patent/US20220240350A1"


# --- bulk files ----------------------------------------------------------------------------


def test_a_bulk_file_gives_one_item_per_document() -> None:
    items = _items("ipg_grants_bulk.xml")
    assert [item.extra["number"] for item in items] == BULK_NUMBERS
    assert len({item.url for item in items}) == 5  # one stored document each


def test_a_cut_document_is_skipped_and_the_others_kept(caplog: pytest.LogCaptureFixture) -> None:
    body = (PATENTS / "v4-5-A2.xml").read_bytes() + (PATENTS / "v4-5-B1.truncated.xml").read_bytes()
    with caplog.at_level(logging.WARNING, "radar.collectors"):
        patents = parse_uspto(body, "http://127.0.0.1/bulk.xml")
    assert [p.number for p in patents] == ["20220160114"]
    assert any("document 2" in r.message and "cut" in r.message for r in caplog.records)


def test_an_unsupported_document_is_skipped() -> None:
    # The root of the 2001-2004 application DTD (v1.5), which Radar does not read.
    old = b'<?xml version="1.0"?>\n<patent-application-publication/>\n'
    patents = parse_uspto(old + (PATENTS / "v4-5-A2.xml").read_bytes(), "http://127.0.0.1/b.xml")
    assert [p.kind for p in patents] == ["A2"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ((PATENTS / "v4-5-B1.truncated.xml").read_bytes(), "cut"),
        (b"", "empty body"),
        (b'<?xml version="1.0"?><us-patent-grant><x></us-patent-grant>', "bibliographic"),
    ],
)
def test_a_body_with_no_readable_document_fails(body: bytes, message: str) -> None:
    with pytest.raises(ParseFailed, match=message):
        parse_uspto(body, "http://127.0.0.1/x.xml")


def test_the_declared_encoding_is_honoured() -> None:
    (item,) = _items("v4-5-B1.utf16.xml")
    assert item.text == _one("v4-5-B1.xml").text


def test_formats_are_listed_by_hand() -> None:
    assert list(PATENT_FORMATS) == ["uspto-xml"]
    assert PATENT_FORMATS["uspto-xml"].sniff((PATENTS / "v2-5-B2.xml").read_bytes())
    assert not PATENT_FORMATS["uspto-xml"].sniff(b"<rss version='2.0'/>")


# --- the collector -------------------------------------------------------------------------


def test_collector_reads_a_bulk_file_conditionally(http_client: httpx.Client) -> None:
    with FaultServer(PATENTS) as server:
        spec = SourceSpec(name="USPTO", kind="patents", url=server.url("/ipg_grants_bulk.xml"))
        first = _collector().fetch(spec, {}, client=http_client, now=NOW)
        assert [item.extra["number"] for item in first.items] == BULK_NUMBERS
        second = _collector().fetch(spec, first.state, client=http_client, now=NOW)
        assert second.not_modified and second.items == []


def test_collector_refuses_other_formats(http_client: httpx.Client) -> None:
    ted = PATENTS.parent / "ted"
    with FaultServer(ted) as server:
        spec = SourceSpec(name="x", kind="patents", url=server.url("/20-157399-001-EXP.xml"))
        with pytest.raises(ParseFailed, match="not a known patent format"):
            _collector().fetch(spec, {}, client=http_client, now=NOW)


def _zip(path: Path, names: list[str]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.write(PATENTS / name, arcname=name)
        archive.writestr("README.txt", "not XML, ignored")


def test_collector_unzips_bulk_files(tmp_path: Path, http_client: httpx.Client) -> None:
    _zip(tmp_path / "ipg.zip", ["v4-5-B1.xml", "v4-5-A2.xml"])
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with FaultServer(tmp_path) as server:
        spec = SourceSpec(name="z", kind="patents", url=server.url("/ipg.zip"))
        result = _collector().fetch(spec, {}, client=http_client, now=NOW)
        assert [item.extra["kind"] for item in result.items] == ["B1", "A2"]
        with pytest.raises(BodyTooLarge, match="unpacks to more than 100000 bytes"):
            _collector(max_unzipped_bytes=100_000).fetch(spec, {}, client=http_client, now=NOW)
        broken = SourceSpec(name="b", kind="patents", url=server.url("/broken.zip"))
        with pytest.raises(ParseFailed, match="zip"):
            _collector().fetch(broken, {}, client=http_client, now=NOW)


def test_patents_are_stored_as_documents(
    session: Session, http_client: httpx.Client, tmp_path: Path
) -> None:
    shutil.copy(PATENTS / "ipg_grants_bulk.xml", tmp_path)
    with FaultServer(tmp_path) as server:
        add_source(
            session=session,
            kind="patents",
            name="USPTO grants",
            url=server.url("/ipg_grants_bulk.xml"),
            every_seconds=86400,
            allowed_networks=LOOPBACK,
            now=NOW,
        )
        report = collect(
            session=session,
            client=http_client,
            now=NOW,
            collector_options={"max_bytes": 2_000_000, "retries": 0},
        )
    assert report.documents_new == 5 and report.sources_failed == 0
    texts = session.exec(select(Document.text).order_by(col(Document.id))).all()
    assert texts[0].startswith("Lightgage, Inc. was granted US patent 7,057,742 B2")
    # The structured fields travel with the document, for readers and later stages.
    first = session.exec(select(Document).order_by(col(Document.id))).first()
    assert first is not None
    assert (first.extra["number"], first.extra["kind"]) == ("07057742", "B2")
    assert first.extra["organisations"] == ["Lightgage, Inc."]

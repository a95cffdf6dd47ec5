"""Patent publications from bulk full-text XML, one item per patent document.

The source URL is a bulk file (or one document), optionally zipped. Formats are listed by hand
in `PATENT_FORMATS`; the first whose `sniff` accepts the body parses it, so an EPO or a Turkish
patent bulletin format is one more entry here.

`uspto-xml`: USPTO full-text XML, grants and applications. A weekly bulk file is many complete
XML documents written one after the other, so the body is split before each XML declaration and
every document is read on its own, in the encoding its declaration names. Only the parts Radar
needs are parsed (bibliographic data and abstract): descriptions are large and, in real files,
sometimes not well-formed. Versions: grants v2.5 (PATDOC, 2002-2004) and v4.0-v4.x
(us-patent-grant); applications v4.0-v4.x (us-patent-application). Older application DTDs
(v1.5) are skipped. A document without its closing root tag is cut and skipped; the body fails
(ParseFailed) only when no document in it could be read.

Each patent becomes a readable sentence ("Lightgage, Inc. was granted US patent 7,057,742 B2 on
2006-06-06 for '...'. Inventors: ... Abstract: ...") with the fields in `RawItem.extra`
(organisations, inventors, number, kind, dates).
"""

from __future__ import annotations

import codecs
import html.entities
import io
import logging
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from collectors.base import FetchResult, RawItem, SourceSpec
from collectors.errors import BodyTooLarge, ParseFailed
from collectors.http import HttpResponse, fetch, next_validators

log = logging.getLogger("radar.collectors")

_DECLARATION = re.compile(rb"(?=<\?xml[\s?])")
_DECLARED_ENCODING = re.compile(r"^\s*<\?xml[^>]*?encoding=[\"']([A-Za-z0-9._-]+)")
_ROOT = re.compile(r"<(us-patent-grant|us-patent-application|PATDOC|[A-Za-z][\w.-]*)[\s>]")
_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})


@dataclass
class Patent:
    """What Radar keeps of one patent document, whatever its format."""

    office: str
    number: str
    kind: str
    is_grant: bool
    published: datetime | None
    filed: datetime | None
    title: str
    abstract: str
    organisations: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)  # applicants or assignees who are persons
    inventors: list[str] = field(default_factory=list)
    url: str = ""
    version: str = ""


@dataclass(frozen=True)
class PatentFormat:
    """A bulk format: does a body look like it, and how to read its patents."""

    sniff: Callable[[bytes], bool]
    parse: Callable[[bytes, str], list[Patent]]


class PatentsCollector:
    """Collector for kind "patents": a bulk file of patent publications."""

    kind = "patents"

    def __init__(
        self,
        *,
        max_bytes: int = 10 * 1024 * 1024,
        retries: int = 2,
        backoff_seconds: float = 0.5,
        max_unzipped_bytes: int | None = None,
        respect_robots: bool = True,
    ) -> None:
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff_seconds = backoff_seconds
        self.max_unzipped_bytes = max_unzipped_bytes or 10 * max_bytes
        self.respect_robots = respect_robots

    def fetch(
        self, source: SourceSpec, state: dict[str, Any], *, client: httpx.Client, now: datetime
    ) -> FetchResult:
        """Fetch the bulk file conditionally; one item per patent. Raises FetchFailed (and
        BodyTooLarge, also for a zip that unpacks past `max_unzipped_bytes`), SourceUrlRefused,
        ParseFailed (no known format, or no readable document)."""
        response = fetch(
            client,
            source.url,
            etag=state.get("etag"),
            last_modified=state.get("last_modified"),
            max_bytes=self.max_bytes,
            retries=self.retries,
            backoff_seconds=self.backoff_seconds,
            respect_robots=self.respect_robots,
        )
        if response.status == 304:
            return FetchResult(items=[], state=dict(state), not_modified=True)
        body = self._unzipped(response)
        for name, patent_format in PATENT_FORMATS.items():
            if patent_format.sniff(body):
                patents = patent_format.parse(body, response.url)
                items = [render(patent, name) for patent in patents]
                return FetchResult(items=items, state=next_validators(state, response))
        raise ParseFailed(
            f"{response.url}: not a known patent format (known: {', '.join(PATENT_FORMATS)})"
        )

    def _unzipped(self, response: HttpResponse) -> bytes:
        """The XML members of a zip, concatenated (USPTO serves bulk files zipped)."""
        if not response.body.startswith(b"PK\x03\x04"):
            return response.body
        try:
            archive = zipfile.ZipFile(io.BytesIO(response.body))
            members = [m for m in archive.infolist() if m.filename.lower().endswith(".xml")]
            out = bytearray()
            for member in members:
                with archive.open(member) as stream:
                    # Read in pieces and count, whatever the header claims (zip bombs).
                    while chunk := stream.read(1024 * 1024):
                        out += chunk
                        if len(out) > self.max_unzipped_bytes:
                            raise BodyTooLarge(
                                f"{response.url} unpacks to more than "
                                f"{self.max_unzipped_bytes} bytes"
                            )
        except (zipfile.BadZipFile, EOFError, ValueError) as exc:
            raise ParseFailed(f"{response.url}: broken zip archive: {exc}") from exc
        if not members:
            raise ParseFailed(f"{response.url}: zip archive holds no .xml file")
        return bytes(out)


# --- USPTO full-text XML -------------------------------------------------------------------


def _sniff_uspto(body: bytes) -> bool:
    head = _decoded_head(body)
    return any(root in head for root in ("<us-patent-grant", "<us-patent-application", "<PATDOC"))


def parse_uspto(body: bytes, url: str) -> list[Patent]:
    """Every readable patent of a USPTO bulk body; ParseFailed when none is."""
    patents, problems = [], []
    for number, document in enumerate(split_documents(body), start=1):
        try:
            patents.append(_uspto_document(document))
        except ParseFailed as exc:
            problems.append(f"document {number}: {exc}")
    for problem in problems:
        log.warning("%s: skipped %s", url, problem)
    if not patents:
        detail = "; ".join(problems[:3]) or "empty body"
        raise ParseFailed(f"{url}: no readable USPTO patent document ({detail})")
    return patents


def split_documents(body: bytes) -> list[str]:
    """The XML documents of a bulk body, each decoded as its own declaration says."""
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = body.decode("utf-16")
        parts = re.split(r"(?=<\?xml[\s?])", text)
        return [part for part in parts if part.strip()]
    documents = []
    for chunk in _DECLARATION.split(body.removeprefix(codecs.BOM_UTF8)):
        if not chunk.strip():
            continue
        declared = _DECLARED_ENCODING.match(chunk[:200].decode("ascii", errors="replace"))
        encoding = declared.group(1) if declared else "utf-8"
        try:
            documents.append(chunk.decode(encoding))
        except (LookupError, UnicodeDecodeError):
            log.warning("a patent document does not decode as %s: read as UTF-8", encoding)
            documents.append(chunk.decode("utf-8", errors="replace"))
    return documents


def _uspto_document(text: str) -> Patent:
    found = _ROOT.search(re.sub(r"<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", "", text, count=1, flags=re.S))
    root = found.group(1) if found else "nothing"
    if root not in ("us-patent-grant", "us-patent-application", "PATDOC"):
        raise ParseFailed(f"unsupported document <{root}>")
    if f"</{root}>" not in text:
        raise ParseFailed(f"<{root}> is cut (no closing tag)")
    if root == "PATDOC":
        return _v25_grant(text)
    return _v4_document(text, is_grant=root == "us-patent-grant")


def _v4_document(text: str, *, is_grant: bool) -> Patent:
    bib = _fragment(text, r"us-bibliographic-data-(?:grant|application)")
    if bib is None:
        raise ParseFailed("no bibliographic data")
    abstract = _fragment(text, "abstract")
    publication = bib.find("publication-reference/document-id")
    if publication is None:
        raise ParseFailed("no publication reference")
    version = re.search(r'dtd-version="([^"]*)"', text[:2000])
    inventors = [_person(a) for a in bib.iterfind(".//inventors/inventor/addressbook")]
    inventors += [
        _person(a)
        for a in bib.iterfind(".//applicants/applicant[@app-type='applicant-inventor']/addressbook")
    ]
    parties = [
        *bib.iterfind(".//assignees/assignee/addressbook"),
        *bib.iterfind(".//assignees/assignee"),  # some v4.x put orgname straight in assignee
        *bib.iterfind(".//us-applicants/us-applicant/addressbook"),
        *bib.iterfind(".//applicants/applicant[@app-type='applicant']/addressbook"),
    ]
    return _patent(
        office=_text(publication.find("country")) or "US",
        number=_text(publication.find("doc-number")),
        kind=_text(publication.find("kind")),
        is_grant=is_grant,
        published=_date(_text(publication.find("date"))),
        filed=_date(_text(bib.find("application-reference/document-id/date"))),
        title=_text(bib.find("invention-title")),
        abstract=_text(abstract),
        organisations=[_text(p.find("orgname")) for p in parties],
        people=[_person(p) for p in parties if p.find("orgname") is None],
        inventors=inventors,
        version=version.group(1) if version else "",
    )


def _v25_grant(text: str) -> Patent:
    bib = _fragment(text, "SDOBI")
    if bib is None:
        raise ParseFailed("no bibliographic data (SDOBI)")
    owners = list(bib.iterfind("B700/B730/B731/PARTY-US/NAM"))
    return _patent(
        office=_text(bib.find("B100/B190")) or "US",
        number=_text(bib.find("B100/B110")),
        kind=_text(bib.find("B100/B130")),
        is_grant=True,
        published=_date(_text(bib.find("B100/B140"))),
        filed=_date(_text(bib.find("B200/B220"))),
        title=_text(bib.find("B500/B540")),
        abstract=_text(_fragment(text, "SDOAB")),
        organisations=[_text(owner.find("ONM")) for owner in owners],
        people=[_v25_person(owner) for owner in owners if owner.find("ONM") is None],
        inventors=[_v25_person(nam) for nam in bib.iterfind("B700/B720/B721/PARTY-US/NAM")],
        version="v2.5",
    )


def _patent(**fields: Any) -> Patent:
    patent = Patent(**fields)
    if not patent.number or not patent.title:
        raise ParseFailed("no document number or no title")
    patent.organisations = _unique(patent.organisations)
    patent.people = _unique(patent.people)
    patent.inventors = _unique(patent.inventors)
    patent.url = f"https://patents.google.com/patent/{patent.office}{_compact(patent)}{patent.kind}"
    return patent


def _fragment(text: str, tag: str) -> ET.Element | None:
    """Parse only `<tag ...>...</tag>` out of a document (named entities made numeric)."""
    found = re.search(rf"<({tag})[\s>].*?</\1>", text, re.S)
    if found is None:
        return None
    try:
        return ET.fromstring(_ENTITY.sub(_numeric_entity, found.group(0)))
    except ET.ParseError as exc:
        raise ParseFailed(f"malformed <{found.group(1)}>: {exc}") from exc


def _numeric_entity(match: re.Match[str]) -> str:
    # USPTO documents use HTML/ISO named entities their DTD defines; we do not read the DTD.
    name = match.group(1)
    if name in _XML_ENTITIES:
        return match.group(0)
    character = html.entities.html5.get(name + ";", "\ufffd")
    return "".join(f"&#{ord(c)};" for c in character)


def _person(addressbook: ET.Element) -> str:
    return " ".join(
        part
        for part in (_text(addressbook.find(tag)) for tag in ("first-name", "last-name"))
        if part
    )


def _v25_person(nam: ET.Element) -> str:
    return " ".join(part for part in (_text(nam.find("FNM")), _text(nam.find("SNM"))) if part)


# --- the readable text ---------------------------------------------------------------------


def render(patent: Patent, format_name: str) -> RawItem:
    """The patent as sentences a person (and the linker) reads, with the fields in extra."""
    owner = _and(patent.organisations or patent.people or patent.inventors) or "An applicant"
    number = f"{patent.office} {_display_number(patent)} {patent.kind}".strip()
    day = f"{patent.published:%Y-%m-%d}" if patent.published else "an unknown date"
    if patent.is_grant:
        lead = f"{owner} was granted {patent.office} patent {_display_number(patent)} "
        lead += f"{patent.kind} on {day} for '{patent.title}'."
    else:
        lead = f"{owner} filed {patent.office} patent application {_display_number(patent)} "
        lead += f"{patent.kind} for '{patent.title}', published {day}."
    sentences = [" ".join(lead.split())]
    if patent.inventors:
        sentences.append(f"Inventors: {', '.join(patent.inventors)}.")
    if patent.filed:
        sentences.append(f"Application filed {patent.filed:%Y-%m-%d}.")
    if patent.abstract:
        sentences.append(f"Abstract: {patent.abstract}")
    return RawItem(
        url=patent.url,
        title=f"{owner}: {patent.title} ({number})",
        text=" ".join(sentences),
        published_at=patent.published,
        language="en",
        extra={
            "format": format_name,
            "version": patent.version,
            "office": patent.office,
            "number": patent.number,
            "kind": patent.kind,
            "document_type": "grant" if patent.is_grant else "application",
            "organisations": patent.organisations,
            "people": patent.people,
            "inventors": patent.inventors,
            "filed": f"{patent.filed:%Y-%m-%d}" if patent.filed else None,
        },
    )


def _display_number(patent: Patent) -> str:
    """7,057,742 for grants, D906,557 for designs, 2022/0240350 for applications."""
    number = patent.number
    if not patent.is_grant and len(number) == 11 and number.isdigit():
        return f"{number[:4]}/{number[4:]}"
    prefix, digits = re.match(r"([A-Za-z]*)(\d*)", number).groups()  # type: ignore[union-attr]
    return f"{prefix}{int(digits):,}" if digits else number


def _compact(patent: Patent) -> str:
    prefix, digits = re.match(r"([A-Za-z]*)(\d*)", patent.number).groups()  # type: ignore[union-attr]
    return f"{prefix}{int(digits)}" if digits and patent.is_grant else patent.number


# --- small helpers -------------------------------------------------------------------------


def _decoded_head(body: bytes) -> str:
    head = body[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="replace")
    return head.decode("latin-1")


def _text(element: ET.Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _date(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y%m%d").replace(tzinfo=UTC)
    except ValueError:
        return None


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


def _and(names: list[str]) -> str:
    return names[0] if len(names) < 2 else f"{', '.join(names[:-1])} and {names[-1]}"


PATENT_FORMATS: dict[str, PatentFormat] = {
    "uspto-xml": PatentFormat(sniff=_sniff_uspto, parse=parse_uspto),
}

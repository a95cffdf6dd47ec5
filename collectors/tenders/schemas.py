"""One notice body to a RawItem, whatever its schema; the schemas Radar reads, by root element.

Namespaces are stripped before parsing: they change between schema releases
(ted/R2.0.9.S02/publication, http://publications.europa.eu/resource/schema/ted/R2.0.9/...,
UBL's and eForms' several prefixes); local names do not.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from collectors.base import RawItem
from collectors.errors import ParseFailed
from collectors.tenders.eforms import parse_eforms
from collectors.tenders.notice import NoticeParser
from collectors.tenders.render import render
from collectors.tenders.ted_export import parse_ted_export

TED_SCHEMAS: dict[str, NoticeParser] = {
    "TED_EXPORT": parse_ted_export,
    # eForms (UBL 2.3 with TED's extensions), TED's format since November 2023.
    "ContractNotice": parse_eforms,
    "ContractAwardNotice": parse_eforms,
    "PriorInformationNotice": parse_eforms,
}


def parse_notice(body: bytes, url: str) -> RawItem:
    """One notice body to a RawItem. ParseFailed for malformed XML, a schema Radar does not read,
    a notice without buyer or title."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise ParseFailed(f"{url}: malformed notice XML: {exc}") from exc
    _strip_namespaces(root)
    parser = TED_SCHEMAS.get(root.tag)
    if parser is None:
        raise ParseFailed(f"{url}: not a TED notice Radar reads (root element {root.tag!r})")
    return render(parser(root, url))


def _strip_namespaces(root: ET.Element) -> None:
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.rsplit("}", 1)[1]

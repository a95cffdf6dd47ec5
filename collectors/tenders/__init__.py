"""Kind "tenders": public-procurement notices (TED export XML and eForms).

- `collector`: the TendersCollector (one notice, or a listing of notice URLs; state, caps).
- `listing`: reading a listing of notice URLs.
- `schemas`: one notice body to a RawItem; the schemas read, by root element.
- `ted_export`: TED export XML R2.0.8/R2.0.9; `eforms`: eForms (UBL).
- `notice`: what is kept of a notice (Notice, Party, Award); `render`: its readable text.
"""

from collectors.tenders.collector import TendersCollector
from collectors.tenders.listing import parse_listing
from collectors.tenders.notice import Award, Notice, NoticeParser, Party
from collectors.tenders.render import render
from collectors.tenders.schemas import TED_SCHEMAS, parse_notice

__all__ = [
    "TED_SCHEMAS",
    "Award",
    "Notice",
    "NoticeParser",
    "Party",
    "TendersCollector",
    "parse_listing",
    "parse_notice",
    "render",
]

"""Kind "disclosures": company disclosure feeds, one filing or disclosure per item.

Two formats; the source state option ``format`` (``"edgar"`` or ``"kap"``) chooses, else the
body does (``<`` first: an Atom feed; ``[`` or ``{``: JSON). Content types are not trusted:
servers label both formats every which way.

**SEC EDGAR current filings (Atom)**, as ``/cgi-bin/browse-edgar?action=getcurrent&output=atom``
serves it: one ``<entry>`` per party to a filing, titled ``FORM - NAME (CIK) (ROLE)`` (ROLE:
Filer, Subject, Issuer, Reporting, Filed by), linking the filing index, with an HTML summary
``<b>Filed:</b> 2024-05-02 <b>AccNo:</b> 0000320193-24-000067 <b>Size:</b> 3 MB`` followed by
``<br>Item 2.02: Results of Operations…`` lines for 8-Ks. Entries of one filing (same index
link) become one item naming every party. 8-K item numbers are mapped to their official titles
(`ITEMS_8K`), and the text reads as a sentence for the classifier:
"ACME CORP filed an 8-K: Item 1.03 Bankruptcy or Receivership."

**KAP-style disclosure list (JSON)**, Radar's definition from the fields KAP (Kamuyu
Aydınlatma Platformu) shows for each disclosure: a list (or ``{"disclosures": [...]}``) of
objects, each flat or wrapped as ``{"disclosureBasic": {...}}``:

=================== ===========================================================================
``disclosureIndex``  KAP's running number (int); the page is kap.org.tr/tr/Bildirim/<index>
``disclosureId``     KAP's internal id (hex string), optional
``companyTitle``     the company's title as KAP shows it (``title`` accepted too)
``stockCodes``       BIST codes, comma separated ("THYAO" or "GARAN, GARAN.E"), optional
``subject``          the disclosure's subject ("Yatırım Teşvik Belgesi Hk.")
``summary``          KAP's one-line summary, optional
``publishDate``      Istanbul time: "02.05.2024 18:30:12", "02.05.24 18:30" or ISO 8601
``disclosureClass``  ODA (Özel Durum Açıklaması), FR (Finansal Rapor), DG, DUY, FON, optional
``disclosureType``   KAP's finer type, optional
``url``              optional; overrides the page address built from the index
=================== ===========================================================================

An entry without a company or without a subject and summary is skipped.
"""

from __future__ import annotations

import io
import json
import logging
import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import feedparser
import httpx
from bs4 import BeautifulSoup

from collectors.base import FetchResult, RawItem, SourceSpec
from collectors.errors import ParseFailed
from collectors.http import HttpResponse, decode_text, fetch, next_validators

log = logging.getLogger("radar.collectors")

KAP_PAGE = "https://www.kap.org.tr/tr/Bildirim/{index}"
FORMATS = ("edgar", "kap")
ITEMS_8K = {
    "1.01": "Entry into a Material Definitive Agreement",
    "1.02": "Termination of a Material Definitive Agreement",
    "1.03": "Bankruptcy or Receivership",
    "1.04": "Mine Safety - Reporting of Shutdowns and Patterns of Violations",
    "1.05": "Material Cybersecurity Incidents",
    "2.01": "Completion of Acquisition or Disposition of Assets",
    "2.02": "Results of Operations and Financial Condition",
    "2.03": "Creation of a Direct Financial Obligation or an Obligation under an "
    "Off-Balance Sheet Arrangement of a Registrant",
    "2.04": "Triggering Events That Accelerate or Increase a Direct Financial Obligation or "
    "an Obligation under an Off-Balance Sheet Arrangement",
    "2.05": "Costs Associated with Exit or Disposal Activities",
    "2.06": "Material Impairments",
    "3.01": "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; "
    "Transfer of Listing",
    "3.02": "Unregistered Sales of Equity Securities",
    "3.03": "Material Modification to Rights of Security Holders",
    "4.01": "Changes in Registrant's Certifying Accountant",
    "4.02": "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report "
    "or Completed Interim Review",
    "5.01": "Changes in Control of Registrant",
    "5.02": "Departure of Directors or Certain Officers; Election of Directors; Appointment of "
    "Certain Officers; Compensatory Arrangements of Certain Officers",
    "5.03": "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year",
    "5.04": "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
    "5.05": "Amendment to Registrant's Code of Ethics, or Waiver of a Provision of the Code of "
    "Ethics",
    "5.06": "Change in Shell Company Status",
    "5.07": "Submission of Matters to a Vote of Security Holders",
    "5.08": "Shareholder Director Nominations",
    "6.01": "ABS Informational and Computational Material",
    "6.02": "Change of Servicer or Trustee",
    "6.03": "Change in Credit Enhancement or Other External Support",
    "6.04": "Failure to Make a Required Distribution",
    "6.05": "Securities Act Updating Disclosure",
    "6.06": "Static Pool",
    "6.10": "Alternative Filing of the Annual Report",
    "7.01": "Regulation FD Disclosure",
    "8.01": "Other Events",
    "9.01": "Financial Statements and Exhibits",
}
KAP_CLASSES = {
    "ODA": "Özel Durum Açıklaması",
    "FR": "Finansal Rapor",
    "DG": "Diğer Bildirim",
    "DUY": "Duyuru",
    "FON": "Fon Bildirimi",
}
# Parties that file, and parties the filing is about.
_FILING_ROLES = ("filer", "reporting", "filed by")
_EDGAR_TITLE = re.compile(
    r"^\s*(?P<form>.+?)\s+-\s+(?P<name>.+)\s+\((?P<cik>\d{4,10})\)\s+"
    r"\((?P<role>[^)]+)\)\s*$"
)
_FILED = re.compile(r"Filed:\s*(\d{4}-\d{2}-\d{2})")
_ACCESSION = re.compile(r"AccNo:\s*([\d-]+)")
_ITEM = re.compile(r"Item\s+(\d{1,2}\.\d{2})")
_ROOT_CLOSED = re.compile(rb"</(?:[\w.-]+:)?feed\s*>(?:\s|<!--.*?-->)*\Z", re.S)
_KAP_DATE = re.compile(
    r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)


class DisclosuresCollector:
    """Collector for kind "disclosures": SEC EDGAR Atom or a KAP-style JSON list."""

    kind = "disclosures"

    def __init__(
        self, *, max_bytes: int = 10 * 1024 * 1024, retries: int = 2, backoff_seconds: float = 0.5
    ) -> None:
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff_seconds = backoff_seconds

    def fetch(
        self, source: SourceSpec, state: dict[str, Any], *, client: httpx.Client, now: datetime
    ) -> FetchResult:
        """Fetch the feed conditionally; one RawItem per filing or disclosure. Raises
        FetchFailed (and BodyTooLarge), SourceUrlRefused, ParseFailed."""
        response = fetch(
            client,
            source.url,
            etag=state.get("etag"),
            last_modified=state.get("last_modified"),
            max_bytes=self.max_bytes,
            retries=self.retries,
            backoff_seconds=self.backoff_seconds,
        )
        if response.status == 304:
            return FetchResult(items=[], state=dict(state), not_modified=True)
        chosen = feed_format(response.body, state.get("format"))
        items = edgar_items(response) if chosen == "edgar" else kap_items(response)
        return FetchResult(items=items, state=next_validators(state, response))


def feed_format(body: bytes, option: object = None) -> str:
    """The format, "edgar" or "kap": the state option when it names one, else the body's."""
    if option in FORMATS:
        return str(option)
    start = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"<":
        return "edgar"
    if start in (b"[", b"{"):
        return "kap"
    raise ParseFailed("the body is neither an Atom feed nor a JSON disclosure list")


# --- SEC EDGAR -----------------------------------------------------------------------------


def edgar_items(response: HttpResponse) -> list[RawItem]:
    """One item per filing in an EDGAR current-filings Atom feed."""
    parsed = _parse_atom(response)
    filings: dict[str, list[tuple[dict[str, str], Any]]] = {}
    for entry in parsed.entries:
        title = _EDGAR_TITLE.match(entry.get("title", ""))
        link = entry.get("link") or entry.get("id")
        if title and link:
            filings.setdefault(urljoin(response.url, link), []).append((title.groupdict(), entry))
    if parsed.entries and not filings:
        raise ParseFailed(f"{response.url}: an Atom feed, but not EDGAR filings")
    return [_filing(url, parties) for url, parties in filings.items()]


def _filing(url: str, parties: list[tuple[dict[str, str], Any]]) -> RawItem:
    form = parties[0][0]["form"].strip()
    companies = [
        {"name": " ".join(p["name"].split()), "cik": p["cik"].zfill(10), "role": p["role"]}
        for p, _ in parties
    ]
    summary = next((_plain(e["summary"]) for _, e in parties if e.get("summary")), "")
    filed = _FILED.search(summary)
    accession = _ACCESSION.search(summary)
    numbers = list(dict.fromkeys(_ITEM.findall(summary)))
    items = [{"number": n, "title": ITEMS_8K.get(n, "")} for n in numbers]
    filers = [c["name"] for c in companies if c["role"].lower() in _FILING_ROLES]
    about = [c["name"] for c in companies if c["role"].lower() not in _FILING_ROLES]
    sentence = f"{_join(filers or about)} filed {_form_phrase(form)}"
    if filers and about:
        sentence += f" about {_join(about)}"
    if items:
        sentence += ": " + "; ".join(f"Item {i['number']} {i['title']}".strip() for i in items)
    return RawItem(
        url=url,
        title=f"{form} - {(about or filers)[0]}",
        text=sentence + ".",
        published_at=_updated(parties[0][1]) or _day(filed[1] if filed else None),
        language="en",
        extra={
            "disclosure": {
                "format": "edgar",
                "form": form,
                "companies": companies,
                "items": items,
                "filed": filed[1] if filed else None,
                "accession": accession[1] if accession else None,
            }
        },
    )


def _parse_atom(response: HttpResponse) -> Any:
    headers = dict(response.headers)
    # The XML prolog names the feed's encoding (EDGAR: ISO-8859-1); a header default must not
    # override it.
    headers["content-type"] = "application/atom+xml"
    headers.setdefault("content-location", response.url)
    try:
        parsed = feedparser.parse(io.BytesIO(response.body), response_headers=headers)
    except Exception as exc:  # feedparser's own bugs on hostile input are parse failures too
        raise ParseFailed(f"{response.url}: feedparser failed: {exc!r}") from exc
    if not parsed.entries and not parsed.version:
        raise ParseFailed(f"{response.url} is not an Atom feed: {parsed.get('bozo_exception')}")
    if parsed.bozo and not _ROOT_CLOSED.search(response.body[-4096:]):
        raise ParseFailed(
            f"{response.url}: feed is truncated or malformed: {parsed.get('bozo_exception')}"
        )
    return parsed


def _updated(entry: Any) -> datetime | None:
    parsed = entry.get("updated_parsed") or entry.get("published_parsed")
    # feedparser's struct_time is already UTC.
    return datetime(*parsed[:6]).replace(tzinfo=UTC) if parsed else None


def _day(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC) if value else None
    except ValueError:
        return None


def _form_phrase(form: str) -> str:
    """The form with its article by sound: "an 8-K", "a 10-Q", "an SC 13D", "a Form 4"."""
    if form.isdigit():
        return f"a Form {form}"
    first = form.split()[0]
    if len(first) >= 3 and first.isalpha():  # a word, said as a word
        return f"{'an' if first[0] in 'AEIOU' else 'a'} {form}"
    # Letters said one by one, or a number: "an" before a vowel sound.
    return f"{'an' if re.match(r'(?:8|11|18|[AEFHILMNORSX])', form) else 'a'} {form}"


def _plain(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# --- KAP -----------------------------------------------------------------------------------


def kap_items(response: HttpResponse) -> list[RawItem]:
    """One item per disclosure in a KAP-style JSON list (format in the module docstring)."""
    # JSON is UTF-8 by definition (RFC 8259): the header's charset is ignored; the BOM,
    # UTF-8 and the windows-1254 fallback decide (legacy exports are Turkish code pages).
    try:
        data = json.loads(decode_text(response.body, None))
    except ValueError as exc:
        raise ParseFailed(f"{response.url}: not valid JSON: {exc}") from exc
    rows = data.get("disclosures") if isinstance(data, dict) else data
    if not isinstance(rows, list):
        raise ParseFailed(f"{response.url}: a disclosure list is a JSON array of objects")
    items = []
    for row in rows:
        basic = row.get("disclosureBasic", row) if isinstance(row, dict) else None
        item = _disclosure(basic) if isinstance(basic, dict) else None
        if item is None:
            log.info("%s: skipping a disclosure without company or subject", response.url)
            continue
        items.append(item)
    return items


def _disclosure(row: dict[str, Any]) -> RawItem | None:
    company = _clean(row.get("companyTitle") or row.get("title"))
    subject, summary = _clean(row.get("subject")), _clean(row.get("summary"))
    index = row.get("disclosureIndex")
    url = _clean(row.get("url")) or (KAP_PAGE.format(index=index) if index else "")
    if not company or not (subject or summary) or not url:
        return None
    codes = _codes(row.get("stockCodes") or row.get("relatedStocks"))
    kind = _clean(row.get("disclosureClass")).upper()
    label = KAP_CLASSES.get(kind, "KAP bildirimi")
    who = f"{company} ({', '.join(codes)})" if codes else company
    text = f"{who} {label}: {subject or summary}".rstrip(".") + "."
    if summary and summary != subject:
        text += f" {summary}"
    return RawItem(
        url=url,
        title=f"{company}: {subject or summary}",
        text=text,
        published_at=parse_kap_date(_clean(row.get("publishDate"))),
        language="tr",
        extra={
            "disclosure": {
                "format": "kap",
                "company": company,
                "stock_codes": codes,
                "subject": subject,
                "index": index,
                "id": row.get("disclosureId"),
                "class": kind or None,
                "type": row.get("disclosureType"),
            }
        },
    )


def parse_kap_date(value: str) -> datetime | None:
    """KAP's "02.05.2024 18:30:12" / "02.05.24 18:30" (Istanbul time) or ISO 8601, as UTC."""
    if not value:
        return None
    found = _KAP_DATE.match(value)
    try:
        if found:
            day, month, year, hour, minute, second = found.groups()
            local = datetime(
                int(year) + (2000 if len(year) == 2 else 0),
                int(month),
                int(day),
                int(hour or 0),
                int(minute or 0),
                int(second or 0),
                tzinfo=_istanbul(),
            )
        else:
            local = datetime.fromisoformat(value.replace("Z", "+00:00"))
            local = local if local.tzinfo else local.replace(tzinfo=_istanbul())
    except ValueError:
        return None
    return local.astimezone(UTC)


def _istanbul() -> tzinfo:
    try:
        return ZoneInfo("Europe/Istanbul")
    except ZoneInfoNotFoundError:
        return timezone(timedelta(hours=3))  # Turkey's offset all year since 2016


def _codes(value: object) -> list[str]:
    if isinstance(value, list):
        parts = [str(v.get("stock", v) if isinstance(v, dict) else v) for v in value]
    else:
        parts = str(value or "").split(",")
    return [code for code in (part.strip().upper() for part in parts) if code]


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""

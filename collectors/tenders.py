"""Public-procurement notices from TED (Tenders Electronic Daily), one item per notice.

A source URL is either one notice (TED export XML) or a listing of notice URLs:

- a plain-text file, one URL per line (blank lines and lines starting with `#` ignored), or
- a JSON array of URL strings.

Relative URLs are resolved against the listing's final URL. The listing is fetched
conditionally; the notices it names are fetched through the same polite client, at most
`max_notices` per run, and a listing entry is identified by its resolved URL: `state["seen"]`
holds the entries already fetched (only those still listed, so the list stays as long as the
listing) and `state["pending"]` those left for the next run by the cap. A notice that cannot be
fetched stays pending; one that cannot be parsed is logged and not asked for again. The run
fails only when no notice it tried could be fetched.

Each notice becomes a readable English text built around the original-language names and
title ("Contracting authority: X (Town, CC). Contract award: Y (Town, CC) won the contract for
'<title>'. CPV 45210000 (Building construction work). Value 1,234,567 EUR. ..."), so the
linker finds buyer and winners; the structured fields go to `RawItem.extra` (buyer, winners,
cpv, value, currency, notice_id, form, ...).

Schemas are pluggable (`TED_SCHEMAS`, chosen by the root element):

- `ted-export`: TED export XML R2.0.9 and R2.0.8 (`TED_EXPORT`). The 2014 standard forms
  (F01-F25) are read in full; an older form falls back to the coded and translation sections
  (buyer, title, CPV, values; no winners).
- eForms (UBL `ContractNotice`, `ContractAwardNotice`, `PriorInformationNotice`, TED's format
  since November 2023) is **not yet parsed**: such a body raises ParseFailed saying so.
"""

from __future__ import annotations

import json
import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from collectors.base import FetchResult, RawItem, SourceSpec
from collectors.errors import FetchFailed, ParseFailed, SourceUrlRefused
from collectors.http import HttpResponse, decode_text, fetch, next_validators
from collectors.robots import RobotsDisallowed

log = logging.getLogger("radar.collectors")

_UBL = "urn:oasis:names:specification:ubl:schema:xsd:"
_CHARSET = re.compile(r"charset=([\w.:-]+)", re.I)
MAX_AWARDS_IN_TEXT = 20


@dataclass(frozen=True)
class Party:
    """An organisation named in a notice."""

    name: str
    town: str = ""
    country: str = ""

    def label(self) -> str:
        where = ", ".join(part for part in (self.town, self.country) if part)
        return f"{self.name} ({where})" if where else self.name


@dataclass(frozen=True)
class Award:
    """One awarded (or not awarded) contract or lot of an award notice."""

    lot: str
    title: str
    winners: tuple[Party, ...]
    value: float | None = None
    currency: str = ""
    concluded: str = ""
    not_awarded: str = ""  # why nothing was awarded, when so
    estimated: bool = False  # the value is the initial estimate (no final value given)


@dataclass
class Notice:
    """What Radar keeps of a notice, whatever its schema."""

    notice_id: str
    ojs_number: str
    form: str
    document_type: str
    notice_type: str  # "award", "call", "prior_information", "corrigendum" or "other"
    language: str | None
    url: str
    published: datetime | None
    buyers: list[Party]
    title: str
    description: str = ""
    cpv: list[str] = field(default_factory=list)
    cpv_labels: dict[str, str] = field(default_factory=dict)
    value: float | None = None
    currency: str = ""
    places: list[str] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    deadline: str = ""
    corrects: str = ""
    changes: list[str] = field(default_factory=list)


NoticeParser = Callable[[ET.Element, str], Notice]


class TendersCollector:
    """Collector for kind "tenders": one TED notice, or a listing of notice URLs."""

    kind = "tenders"

    def __init__(
        self,
        *,
        max_bytes: int = 10 * 1024 * 1024,
        retries: int = 2,
        backoff_seconds: float = 0.5,
        max_notices: int = 50,
        respect_robots: bool = True,
    ) -> None:
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff_seconds = backoff_seconds
        self.max_notices = max_notices
        self.respect_robots = respect_robots

    def fetch(
        self, source: SourceSpec, state: dict[str, Any], *, client: httpx.Client, now: datetime
    ) -> FetchResult:
        """Fetch the notice or the listing and its new notices. Raises FetchFailed (and
        BodyTooLarge, RobotsDisallowed), SourceUrlRefused, ParseFailed (not a TED notice, an
        eForms notice, a malformed listing)."""
        pending = list(state.get("pending") or [])
        response = self._get(client, source.url, state if not pending else {})
        if response.status == 304:
            return FetchResult(items=[], state=dict(state), not_modified=True)
        new_state = next_validators(state, response)
        if _looks_like_xml(response.body):
            return FetchResult(items=[parse_notice(response.body, response.url)], state=new_state)
        listed = parse_listing(response.body, base_url=response.url, charset=_charset(response))
        seen = set(state.get("seen") or [])
        items, done = self._notices(client, [url for url in listed if url not in seen])
        new_state["seen"] = [url for url in listed if url in seen or url in done]
        new_state["pending"] = [url for url in listed if url not in seen and url not in done]
        return FetchResult(items=items, state=new_state)

    def _get(self, client: httpx.Client, url: str, state: dict[str, Any]) -> HttpResponse:
        return fetch(
            client,
            url,
            etag=state.get("etag"),
            last_modified=state.get("last_modified"),
            max_bytes=self.max_bytes,
            retries=self.retries,
            backoff_seconds=self.backoff_seconds,
            respect_robots=self.respect_robots,
        )

    def _notices(self, client: httpx.Client, urls: list[str]) -> tuple[list[RawItem], set[str]]:
        """Fetch and parse up to max_notices of `urls`; returns the items and the URLs done
        (parsed, or given up on for good)."""
        items: list[RawItem] = []
        done: set[str] = set()
        failures: list[FetchFailed] = []
        for url in urls[: self.max_notices]:
            try:
                response = self._get(client, url, {})
                items.append(parse_notice(response.body, response.url))
                done.add(url)
            except (ParseFailed, RobotsDisallowed, SourceUrlRefused) as exc:
                log.warning("skipping notice %s for good: %s: %s", url, type(exc).__name__, exc)
                done.add(url)
            except FetchFailed as exc:
                log.warning("notice %s not fetched, will retry: %s", url, exc)
                failures.append(exc)
        if failures and not items and len(failures) == len(urls[: self.max_notices]):
            raise FetchFailed(
                f"none of {len(failures)} listed notices could be fetched; first: {failures[0]}"
            ) from failures[0]
        return items, done


# --- listing -------------------------------------------------------------------------------


def parse_listing(body: bytes, *, base_url: str, charset: str | None) -> list[str]:
    """Notice URLs of a listing (plain text, one a line, or a JSON array), resolved against
    `base_url`, duplicates dropped. ParseFailed names the first entry that is not a URL."""
    text = decode_text(body, charset).strip()
    entries: list[Any]
    if text.startswith("["):
        try:
            entries = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ParseFailed(f"{base_url}: listing is not valid JSON: {exc}") from exc
    else:
        entries = [line.strip() for line in text.splitlines()]
        entries = [line for line in entries if line and not line.startswith("#")]
    urls: dict[str, None] = {}
    for number, entry in enumerate(entries, start=1):
        url = urljoin(base_url, entry.strip()) if isinstance(entry, str) else ""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname or re.search(r"\s", url):
            raise ParseFailed(f"{base_url}: listing entry {number} is not a URL: {entry!r:.80}")
        urls[url] = None
    return list(urls)


# --- notices -------------------------------------------------------------------------------


def parse_notice(body: bytes, url: str) -> RawItem:
    """One notice body to a RawItem. ParseFailed for malformed XML, an unknown schema, eForms."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise ParseFailed(f"{url}: malformed notice XML: {exc}") from exc
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    _strip_namespaces(root)
    if namespace.startswith(_UBL):
        raise ParseFailed(
            f"{url}: an eForms (UBL {root.tag}) notice; eForms is not parsed yet, only TED "
            "export XML R2.0.8/R2.0.9"
        )
    parser = TED_SCHEMAS.get(root.tag)
    if parser is None:
        raise ParseFailed(f"{url}: not a TED notice (root element {root.tag!r})")
    return render(parser(root, url))


def _strip_namespaces(root: ET.Element) -> None:
    # Namespaces change between schema releases (ted/R2.0.9.S02/publication, http://...);
    # local names do not.
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.rsplit("}", 1)[1]


def parse_ted_export(root: ET.Element, url: str) -> Notice:
    """A TED_EXPORT document (R2.0.8 or R2.0.9)."""
    coded = root.find("CODED_DATA_SECTION")
    if coded is None:
        raise ParseFailed(f"{url}: TED_EXPORT without CODED_DATA_SECTION")
    original_language = _text(coded.find("NOTICE_DATA/LG_ORIG"))
    form = _main_form(root.find("FORM_SECTION"), original_language)
    language = (form.get("LG") if form is not None else original_language) or ""
    doc_type = coded.find("CODIF_DATA/TD_DOCUMENT_TYPE")
    notice = Notice(
        notice_id=root.get("DOC_ID", ""),
        ojs_number=_text(coded.find("NOTICE_DATA/NO_DOC_OJS")),
        form=(form.get("FORM") or form.tag) if form is not None else "",
        document_type=_text(doc_type) or "Notice",
        notice_type="other",
        language=language.lower() or None,
        url=_notice_url(coded, language) or url,
        published=_date(_text(coded.find("REF_OJS/DATE_PUB"))),
        buyers=[],
        title="",
        cpv_labels={
            cpv.get("CODE", ""): _text(cpv) for cpv in coded.iterfind("NOTICE_DATA/ORIGINAL_CPV")
        },
        places=[
            f"{_text(nuts)} ({nuts.get('CODE')})"
            for nuts in coded.iterfind("NOTICE_DATA/PERFORMANCE_NUTS")
        ],
    )
    if form is not None and form.tag.endswith("_2014"):
        _read_2014_form(notice, form, doc_type.get("CODE", "") if doc_type is not None else "")
    else:
        _read_coded_sections(notice, root, coded, language)
    if not notice.buyers or not notice.title:
        raise ParseFailed(f"{url}: notice {notice.notice_id} names no buyer or no title")
    return notice


def _main_form(section: ET.Element | None, original_language: str) -> ET.Element | None:
    """The form in the notice's original language (translations repeat it)."""
    forms = [form for form in (section if section is not None else []) if form.get("FORM")]
    originals = [form for form in forms if form.get("CATEGORY") == "ORIGINAL"]
    in_language = [form for form in originals if form.get("LG") == original_language]
    return next(iter(in_language + originals + forms), None)


def _read_2014_form(notice: Notice, form: ET.Element, doc_code: str) -> None:
    body = form.find("CONTRACTING_BODY")
    notice.buyers = [
        _party(address)
        for tag in ("ADDRESS_CONTRACTING_BODY", "ADDRESS_CONTRACTING_BODY_ADDITIONAL")
        for address in (body.iterfind(tag) if body is not None else [])
    ]
    contract = form.find("OBJECT_CONTRACT")
    if contract is not None:
        notice.title = _text(contract.find("TITLE"))
        notice.description = _text(contract.find("SHORT_DESCR")) or _text(
            contract.find("OBJECT_DESCR/SHORT_DESCR")
        )
        codes = [c.get("CODE", "") for c in contract.iterfind("CPV_MAIN/CPV_CODE")]
        codes += [
            c.get("CODE", "") for c in contract.iterfind("OBJECT_DESCR/CPV_ADDITIONAL/CPV_CODE")
        ]
        notice.cpv = list(dict.fromkeys(code for code in codes if code))
        for tag in ("VAL_TOTAL", "VAL_ESTIMATED_TOTAL", "VAL_RANGE_TOTAL/LOW"):
            if (amount := contract.find(tag)) is not None:
                notice.value = _amount(amount)
                notice.currency = amount.get("CURRENCY") or _currency_of_range(contract)
                break
        if not notice.places:
            notice.places = [_text(site) for site in contract.iterfind("OBJECT_DESCR/MAIN_SITE")][
                :1
            ]
    notice.awards = [_award(award) for award in form.iterfind("AWARD_CONTRACT")]
    notice.awards += _prizes(form)
    deadline = form.find("PROCEDURE/DATE_RECEIPT_TENDERS")
    if deadline is not None:
        notice.deadline = f"{_text(deadline)} {_text(form.find('PROCEDURE/TIME_RECEIPT_TENDERS'))}"
    notice.corrects = _text(form.find("COMPLEMENTARY_INFO/NOTICE_NUMBER_OJ"))
    notice.changes = [_change(change) for change in form.iterfind("CHANGES/CHANGE")]
    notice.notice_type = _notice_type(form, notice, doc_code)


def _notice_type(form: ET.Element, notice: Notice, doc_code: str) -> str:
    declared_notice = form.find("NOTICE")
    declared = declared_notice.get("TYPE", "") if declared_notice is not None else ""
    if notice.changes or form.get("FORM") == "F14":
        return "corrigendum"
    if notice.awards or form.find("RESULTS") is not None or doc_code in ("7", "V", "J", "R"):
        return "award"
    if form.get("FORM") in ("F01", "F04", "F16") or declared.startswith(("PRI", "PER")):
        return "prior_information"
    if notice.deadline or doc_code in ("3", "D", "H", "O", "Y") or declared == "CONTRACT":
        return "call"
    return "other"


def _read_coded_sections(
    notice: Notice, root: ET.Element, coded: ET.Element, language: str
) -> None:
    """Pre-2014 forms: what every TED export carries outside the form."""
    titles = root.find("TRANSLATION_SECTION/ML_TITLES")
    title = _in_language(titles, "ML_TI_DOC", language)
    names = root.find("TRANSLATION_SECTION/ML_AA_NAMES")
    name = _text(_in_language(names, "AA_NAME", language))
    country = coded.find("NOTICE_DATA/ISO_COUNTRY")
    if name:
        notice.buyers = [
            Party(
                name,
                _text(title.find("TI_TOWN")) if title is not None else "",
                country.get("VALUE", "") if country is not None else "",
            )
        ]
    notice.title = _text(title.find("TI_TEXT")) if title is not None else ""
    notice.cpv = list(notice.cpv_labels)
    for value in coded.iterfind("NOTICE_DATA/VALUES/VALUE"):
        notice.value, notice.currency = _amount(value), value.get("CURRENCY", "")
        break
    code = coded.find("CODIF_DATA/TD_DOCUMENT_TYPE")
    code_value = code.get("CODE", "") if code is not None else ""
    notice.notice_type = {"7": "award", "3": "call", "0": "prior_information"}.get(
        code_value, "other"
    )


def _in_language(parent: ET.Element | None, tag: str, language: str) -> ET.Element | None:
    if parent is None:
        return None
    found = parent.find(f"{tag}[@LG='{language}']") if language.isalpha() else None
    return found if found is not None else parent.find(tag)


def _award(award: ET.Element) -> Award:
    contract = award.find("AWARDED_CONTRACT")
    lot, title = _text(award.find("LOT_NO")), _text(award.find("TITLE"))
    if contract is None:
        reason = award.find("NO_AWARDED_CONTRACT/*")
        why = reason.tag.replace("PROCUREMENT_", "").lower() if reason is not None else "none"
        return Award(lot=lot, title=title, winners=(), not_awarded=why)
    winners = tuple(
        _party(address)
        for address in contract.iterfind("CONTRACTORS/CONTRACTOR/ADDRESS_CONTRACTOR")
    )
    amount = contract.find("VALUES/VAL_TOTAL")
    estimate = contract.find("VALUES/VAL_ESTIMATED_TOTAL")
    given = amount if amount is not None else estimate
    return Award(
        lot=lot,
        title=title,
        winners=winners,
        value=_amount(given) if given is not None else None,
        currency=given.get("CURRENCY", "") if given is not None else "",
        concluded=_text(contract.find("DATE_CONCLUSION_CONTRACT")),
        estimated=amount is None and estimate is not None,
    )


def _prizes(form: ET.Element) -> list[Award]:
    """Design-contest results (F13): the prize winners."""
    awards = []
    for prize in form.iterfind("RESULTS/AWARDED_PRIZE"):
        winners = tuple(_party(address) for address in prize.iterfind(".//ADDRESS_WINNER"))
        amount = prize.find("VAL_PRIZE")
        awards.append(
            Award(
                lot="",
                title="",
                winners=winners,
                value=_amount(amount) if amount is not None else None,
                currency=amount.get("CURRENCY", "") if amount is not None else "",
                concluded=_text(prize.find("DATE_DECISION_JURY")),
            )
        )
    return awards


def _change(change: ET.Element) -> str:
    where = _text(change.find("WHERE/SECTION")) or "?"
    label = _text(change.find("WHERE/LABEL"))
    old, new = (_text(change.find(tag)) for tag in ("OLD_VALUE", "NEW_VALUE"))
    place = f"section {where}" + (f" ({label})" if label else "")
    return f"{place} changed from {old or 'nothing'} to {new or 'nothing'}"


def _party(address: ET.Element) -> Party:
    country = address.find("COUNTRY")
    return Party(
        name=_text(address.find("OFFICIALNAME")),
        town=_text(address.find("TOWN")),
        country=country.get("VALUE", "") if country is not None else "",
    )


def _notice_url(coded: ET.Element, language: str) -> str:
    uris = list(coded.iterfind("NOTICE_DATA/URI_LIST/URI_DOC"))
    for uri in uris:
        if uri.get("LG") == language:
            return _text(uri)
    return _text(uris[0]) if uris else ""


def _currency_of_range(contract: ET.Element) -> str:
    found = contract.find("VAL_RANGE_TOTAL")
    return found.get("CURRENCY", "") if found is not None else ""


def _amount(element: ET.Element) -> float | None:
    try:
        return float(_text(element).replace(" ", "").replace(",", "."))
    except ValueError:
        return None


def _date(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y%m%d").replace(tzinfo=UTC)
    except ValueError:
        return None


def _text(element: ET.Element | None) -> str:
    """All text below `element`, whitespace collapsed (paragraphs joined by a space)."""
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


TED_SCHEMAS: dict[str, NoticeParser] = {
    "TED_EXPORT": parse_ted_export,
    # "ContractNotice" / "ContractAwardNotice" / "PriorInformationNotice" (eForms): not yet.
}


# --- the readable text ---------------------------------------------------------------------


def render(notice: Notice) -> RawItem:
    """The notice as sentences a person (and the linker) reads, with the fields in extra."""
    buyer = notice.buyers[0]
    sentences = [
        f"{notice.document_type} {notice.ojs_number or notice.notice_id}"
        + (f", published {notice.published:%Y-%m-%d}." if notice.published else "."),
        f"Contracting authority: {buyer.label()}.",
    ]
    if len(notice.buyers) > 1:
        sentences.append(f"Together with: {'; '.join(p.label() for p in notice.buyers[1:])}.")
    sentences += _what_happened(notice)
    if notice.cpv:
        codes = [
            f"{c} ({notice.cpv_labels[c]})" if notice.cpv_labels.get(c) else c for c in notice.cpv
        ]
        sentences.append(f"CPV {', '.join(codes)}.")
    if notice.value is not None:
        sentences.append(f"Value {_money(notice.value)} {notice.currency}.".replace(" .", "."))
    if notice.places:
        sentences.append(f"Place of performance: {'; '.join(notice.places)}.")
    if notice.description:
        sentences.append(notice.description)
    winners = [w for award in notice.awards for w in award.winners]
    return RawItem(
        url=notice.url,
        title=f"{notice.title} — {buyer.name}",
        text=" ".join(sentences),
        published_at=notice.published,
        language=notice.language,
        extra={
            "notice_id": notice.notice_id,
            "ojs_number": notice.ojs_number,
            "form": notice.form,
            "notice_type": notice.notice_type,
            "document_type": notice.document_type,
            "buyer": buyer.name,
            "buyers": [vars(p) for p in notice.buyers],
            "winners": [vars(p) for p in dict.fromkeys(winners)],
            "awards": [_award_extra(a) for a in notice.awards],
            "cpv": notice.cpv,
            "value": notice.value,
            "currency": notice.currency or None,
            "places": notice.places,
            "deadline": notice.deadline or None,
            "corrects": notice.corrects or None,
        },
    )


def _what_happened(notice: Notice) -> list[str]:
    title = f"'{notice.title}'"
    if notice.notice_type == "corrigendum":
        original = f" to notice {notice.corrects}" if notice.corrects else ""
        return [f"Corrigendum{original} for {title}: {'; '.join(notice.changes) or 'changes'}."]
    if notice.notice_type == "award":
        return _award_sentences(notice)
    if notice.notice_type == "call":
        due = f" Tenders are due by {notice.deadline.strip()}." if notice.deadline.strip() else ""
        return [f"Call for competition: {notice.buyers[0].name} invites tenders for {title}.{due}"]
    if notice.notice_type == "prior_information":
        return [f"Prior information: {notice.buyers[0].name} plans the procurement {title}."]
    return [f"Subject: {title}."]


def _award_sentences(notice: Notice) -> list[str]:
    winners = list(dict.fromkeys(w for award in notice.awards for w in award.winners))
    if not winners:
        return [f"Contract award for '{notice.title}': no contract was awarded."]
    names = _and([w.label() for w in winners])
    plural = "contracts" if len(notice.awards) > 1 else "the contract"
    sentences = [f"Contract award: {names} won {plural} for '{notice.title}'."]
    for award in notice.awards[:MAX_AWARDS_IN_TEXT]:
        what = f"Lot {award.lot}" if award.lot else "The contract"
        what += f" ('{award.title}')" if award.title and award.title != notice.title else ""
        if award.not_awarded:
            sentences.append(f"{what}: not awarded ({award.not_awarded}).")
            continue
        value = ""
        if award.value is not None:
            value = f" for {'an estimated ' if award.estimated else ''}{_money(award.value)}"
            value += f" {award.currency}".rstrip()
        sentences.append(f"{what} went to {_and([w.name for w in award.winners])}{value}.")
    if len(notice.awards) > MAX_AWARDS_IN_TEXT:
        sentences.append(f"And {len(notice.awards) - MAX_AWARDS_IN_TEXT} more awards.")
    return sentences


def _award_extra(award: Award) -> dict[str, Any]:
    return {
        "lot": award.lot,
        "title": award.title,
        "winners": [vars(p) for p in award.winners],
        "value": award.value,
        "estimated": award.estimated,
        "currency": award.currency or None,
        "concluded": award.concluded or None,
        "not_awarded": award.not_awarded or None,
    }


def _and(names: list[str]) -> str:
    return names[0] if len(names) < 2 else f"{', '.join(names[:-1])} and {names[-1]}"


def _money(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


# --- small helpers -------------------------------------------------------------------------


def _looks_like_xml(body: bytes) -> bool:
    return body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _charset(response: HttpResponse) -> str | None:
    found = _CHARSET.search(response.headers.get("content-type", ""))
    return found.group(1) if found else None

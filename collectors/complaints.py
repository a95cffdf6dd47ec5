"""Kind "complaints": complaint sites (Şikayetvar and the like), and exports of them.

A source URL is either a brand's listing page, read with a site profile from
`complaint_profiles.yml` (how a profile is chosen is described there: state option
``profile``, a ``#profile=NAME`` URL fragment, the host, the default), or an export of
complaints: a URL ending ``.csv`` or ``.json``, or a CSV/JSON content type.

Listing: a conditional GET of the first page, then its "next" pages while every complaint on
a page is new to us (at most `max_pages` listing pages), then at most `max_complaints`
complaint pages per run. State: ``seen``, the complaint URLs read (newest first, at most
`max_seen`), and ``pending``, those found but left over by the bound, read first next run
(even when the listing answers 304). A complaint page that fails is skipped (tried again when
a listing shows it as new again), but if every one fails the run fails. A page cut short (no
closing ``</html>``) is refused: documents are insert-only, and a cut text would stay cut.

Export: CSV with a header row, or JSON (a list of objects, or ``{"complaints": [...]}``).
Fields, by their names or those of the Şikayetvar dataset export: ``url``; ``company``
(``brand``, ``operator``); ``title``; ``text`` (``full_text``, ``description``); ``date``
(``date_raw``, ``published_at``: ISO 8601, "31 Aralık 2025 22:43", "31.12.2025 22:43" or the
dataset's "12/31/2025", month first); ``status`` (``is_resolved``); ``username``. Rows
without a URL or without any text are skipped.

Every complaint's title and text pass through `collectors.pii` before they leave this module;
the username is used for masking and never stored. Each item carries
``extra["complaint"] = {"company", "status", "day"}`` (``day``: the local date the site
shows); the runner calls `count_complaint` for each one it stores, which keeps the per
company, per day counts (`ComplaintCount`) that the surge detector reads.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx
import yaml
from bs4 import BeautifulSoup, Tag
from sqlmodel import Session, col, update

from collectors.base import FetchResult, RawItem, SourceSpec
from collectors.errors import CollectorError, InvalidSource, ParseFailed
from collectors.http import HttpResponse, decode_text, fetch, next_validators
from collectors.models import ComplaintCount
from collectors.pii import mask_personal_data
from collectors.upsert import insert_ignore
from collectors.webpage import decode_html

log = logging.getLogger("radar.collectors")

PROFILES_FILE = Path(__file__).with_name("complaint_profiles.yml")
MAX_COMPANY_KEY = 200
_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            *("ocak", "şubat", "mart", "nisan", "mayıs", "haziran"),
            *("temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"),
        ),
        1,
    )
}
_TURKISH_DATE = re.compile(
    r"(\d{1,2})\s+([a-zçğıöşü]+)(?:\s+(\d{4}))?(?:[\s,]+(\d{1,2})[:.](\d{2}))?", re.I
)
_NUMERIC_DATE = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})(?:[\sT]+(\d{1,2})[:.](\d{2}))?")
_CLOSED_HTML = re.compile(rb"</html\s*>\s*(?:<!--.*?-->\s*)*\Z", re.I | re.S)
_FIELDS = {
    "url": ("url", "link"),
    "company": ("company", "brand", "operator"),
    "title": ("title",),
    "text": ("text", "full_text", "description"),
    "date": ("date_raw", "date", "published_at", "published"),
    "status": ("status", "is_resolved"),
    "username": ("username", "user"),
}


@dataclass(frozen=True)
class Profile:
    """Where one complaint site keeps each field (see complaint_profiles.yml)."""

    name: str
    hosts: tuple[str, ...]
    language: str
    timezone: str
    listing: dict[str, str]
    complaint: dict[str, Any]
    status_values: dict[str, str] = field(default_factory=dict)


class ComplaintsCollector:
    """Collector for kind "complaints": listing pages → complaint pages, or an export."""

    kind = "complaints"

    def __init__(
        self,
        *,
        max_bytes: int = 5 * 1024 * 1024,
        retries: int = 2,
        backoff_seconds: float = 0.5,
        max_pages: int = 3,
        max_complaints: int = 50,
        max_seen: int = 2000,
        profiles_file: Path = PROFILES_FILE,
    ) -> None:
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff_seconds = backoff_seconds
        self.max_pages = max_pages
        self.max_complaints = max_complaints
        self.max_seen = max_seen
        self.profiles_file = profiles_file

    def fetch(
        self, source: SourceSpec, state: dict[str, Any], *, client: httpx.Client, now: datetime
    ) -> FetchResult:
        """New complaints of the source, PII masked. Raises InvalidSource (unknown profile),
        FetchFailed (and BodyTooLarge), SourceUrlRefused, ParseFailed."""
        profile = choose_profile(source.url, state, load_profiles(self.profiles_file))
        response = self._get(client, source.url, state)
        pending = list(state.get("pending", []))
        if response.status == 304 and not pending:
            return FetchResult(items=[], state=dict(state), not_modified=True)
        if response.status == 304:
            new_state, links = dict(state), []
        else:
            new_state = next_validators(state, response)
            if _is_export(source.url, response):
                return FetchResult(items=export_items(response, profile, now), state=new_state)
            known = set(state.get("seen", [])) | set(pending)
            links = self._new_links(client, response, profile, known)
        # Newest first; what the bound leaves over waits in "pending" for the next run.
        queue = list(dict.fromkeys(links + pending))
        items: list[RawItem] = []
        read: list[str] = []
        failures: list[CollectorError] = []
        for url in queue[: self.max_complaints]:
            try:
                items.append(complaint_item(self._get(client, url, {}), profile, now))
                read.append(url)
            except CollectorError as exc:  # tried again when a listing shows it again
                log.warning("complaint page %s skipped: %s", url, exc)
                failures.append(exc)
        if failures and not items:
            raise failures[0]
        new_state["seen"] = (read + list(state.get("seen", [])))[: self.max_seen]
        new_state["pending"] = queue[self.max_complaints :][: self.max_seen]
        if not new_state["pending"]:
            del new_state["pending"]
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
        )

    def _new_links(
        self, client: httpx.Client, first: HttpResponse, profile: Profile, known: set[str]
    ) -> list[str]:
        """Unknown complaint URLs from the first listing page and, while every link on a page
        is unknown (older new ones may follow), its next pages, at most `max_pages` in all."""
        links, next_url = listing_links(first, profile)
        found: list[str] = []
        pages = 1
        while True:
            fresh = [link for link in links if link not in known and link not in found]
            found += fresh
            # A known link on this page: caught up with what earlier runs found.
            if not links or len(fresh) < len(links) or not next_url or pages >= self.max_pages:
                return found
            try:
                links, next_url = listing_links(self._get(client, next_url, {}), profile)
            except CollectorError as exc:  # keep what the earlier pages gave
                log.warning("listing page %s skipped: %s", next_url, exc)
                return found
            pages += 1


# --- profiles ------------------------------------------------------------------------------


@cache
def load_profiles(path: Path = PROFILES_FILE) -> tuple[str, dict[str, Profile]]:
    """(default profile name, profiles by name) from a profiles file; InvalidSource if bad."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        profiles = {
            name: Profile(
                name=name,
                hosts=tuple(str(host).lower() for host in spec.get("hosts", [])),
                language=str(spec.get("language", "tr")),
                timezone=str(spec.get("timezone", "UTC")),
                listing={key: str(value) for key, value in spec["listing"].items()},
                complaint=dict(spec["complaint"]),
                status_values={
                    _fold(str(key)): str(value)
                    for key, value in spec["complaint"].get("status", {}).get("values", {}).items()
                },
            )
            for name, spec in data["profiles"].items()
        }
        default = str(data.get("default", ""))
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise InvalidSource(f"complaint profiles file {path} is unusable: {exc!r}") from exc
    for profile in profiles.values():
        missing = [f"listing.{key}" for key in ("container", "links") if key not in profile.listing]
        missing += [f"complaint.{key}" for key in ("title", "text") if key not in profile.complaint]
        if missing:
            raise InvalidSource(f"complaint profile {profile.name!r} lacks {', '.join(missing)}")
    return default, profiles


def choose_profile(
    url: str, state: dict[str, Any], profiles: tuple[str, dict[str, Profile]]
) -> Profile:
    """The profile for a source: state option, URL fragment, host, default (in that order)."""
    default, by_name = profiles
    fragment = dict(part.split("=", 1) for part in urlsplit(url).fragment.split("&") if "=" in part)
    name = state.get("profile") or fragment.get("profile")
    if not name:
        host = (urlsplit(url).hostname or "").lower()
        name = next(
            (
                profile.name
                for profile in by_name.values()
                if any(host == h or host.endswith("." + h) for h in profile.hosts)
            ),
            default,
        )
    if name not in by_name:
        known = ", ".join(sorted(by_name))
        raise InvalidSource(f"no complaint site profile {name!r} (known: {known})")
    return by_name[name]


# --- pages ---------------------------------------------------------------------------------


def listing_links(response: HttpResponse, profile: Profile) -> tuple[list[str], str | None]:
    """Complaint URLs on one listing page (same host only) and the next page's URL."""
    soup = _soup(response)
    if soup.select_one(profile.listing["container"]) is None:
        raise ParseFailed(f"{response.url} is not a {profile.name} listing page")
    host = urlsplit(response.url).netloc
    links: list[str] = []
    for anchor in soup.select(profile.listing["links"]):
        url = urljoin(response.url, str(anchor.get("href", "")).strip()).split("#", 1)[0]
        if urlsplit(url).netloc == host and url not in links:
            links.append(url)
    next_anchor = soup.select_one(profile.listing["next"]) if profile.listing.get("next") else None
    next_url = urljoin(response.url, str(next_anchor["href"])) if next_anchor else None
    if next_url and urlsplit(next_url).netloc != host:
        next_url = None
    return links, next_url


def complaint_item(response: HttpResponse, profile: Profile, now: datetime) -> RawItem:
    """One complaint page as a RawItem, personal data masked; ParseFailed without title or
    text."""
    soup = _soup(response)
    fields = profile.complaint
    title, text = _text(soup, fields["title"]), _text(soup, fields["text"], lines=True)
    if not title or not text:
        raise ParseFailed(f"{response.url}: no complaint title or text ({profile.name} layout)")
    status_text = _text(soup, fields.get("status", {}).get("selector"))
    answered = fields.get("status", {}).get("answered_if")
    published = None
    for rule in fields.get("date", []):
        element = soup.select_one(rule["selector"])
        if element is not None:
            value = element.get(rule["attribute"]) if rule.get("attribute") else element.text
            published = parse_site_date(str(value or ""), _zone(profile.timezone), now)
            if published:
                break
    return _item(
        url=response.url,
        title=title,
        text=text,
        company=_text(soup, fields.get("company")),
        username=_text(soup, fields.get("username")),
        status=_status(profile, status_text, bool(answered and soup.select_one(answered))),
        published=published,
        profile=profile,
    )


def export_items(response: HttpResponse, profile: Profile, now: datetime) -> list[RawItem]:
    """Complaints from a CSV or JSON export (fields in the module docstring)."""
    # JSON is UTF-8 by definition (RFC 8259), and Excel's CSV carries no charset: ignore the
    # header's; the BOM, UTF-8 and the windows-1254 fallback decide.
    body = decode_text(response.body, None)
    try:
        if body.lstrip()[:1] in ("[", "{"):
            data = json.loads(body)
            rows = data.get("complaints") if isinstance(data, dict) else data
        else:
            rows = list(csv.DictReader(io.StringIO(body)))
    except (ValueError, csv.Error) as exc:
        raise ParseFailed(f"{response.url}: not a complaint export: {exc}") from exc
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise ParseFailed(f"{response.url}: a complaint export is a list of records")
    columns = {key for row in rows for key in row}
    if rows and not (set(_FIELDS["url"]) & columns and set(_FIELDS["text"]) & columns):
        raise ParseFailed(f"{response.url}: a complaint export needs url and text columns")
    zone = _zone(profile.timezone)
    items = []
    for row in rows:
        value = {name: _first(row, names) for name, names in _FIELDS.items()}
        if not value["url"] or not (value["text"] or value["title"]):
            continue
        published = next(
            (
                d
                for key in _FIELDS["date"]
                if (d := parse_site_date(_first(row, (key,)), zone, now))
            ),
            None,
        )
        items.append(
            _item(
                url=urljoin(response.url, value["url"]),
                title=value["title"],
                text=value["text"],
                company=value["company"],
                username=value["username"],
                status=_status(profile, value["status"], answered=False),
                published=published,
                profile=profile,
            )
        )
    return items


def _item(
    *,
    url: str,
    title: str,
    text: str,
    company: str,
    username: str,
    status: str,
    published: datetime | None,
    profile: Profile,
) -> RawItem:
    names = [username] if username else []
    zone = _zone(profile.timezone)
    day = published.astimezone(zone).date().isoformat() if published else None
    return RawItem(
        url=url,
        title=mask_personal_data(title, names=names).text,
        text=mask_personal_data(text, names=names).text,
        published_at=published,
        language=profile.language,
        extra={"complaint": {"company": company or None, "status": status, "day": day}},
    )


def _soup(response: HttpResponse) -> BeautifulSoup:
    if not _CLOSED_HTML.search(response.body[-4096:]):
        raise ParseFailed(f"{response.url}: page is cut short (no closing </html>)")
    return BeautifulSoup(
        decode_html(response.body, response.headers.get("content-type")), "html.parser"
    )


def _text(soup: BeautifulSoup, selector: str | None, *, lines: bool = False) -> str:
    element = soup.select_one(selector) if selector else None
    if not isinstance(element, Tag):
        return ""
    for br in element.find_all("br"):
        br.replace_with("\n")
    raw = element.get_text("\n" if lines else " ")
    kept = (" ".join(line.split()) for line in raw.splitlines())
    return "\n".join(line for line in kept if line) if lines else " ".join(raw.split())


def _status(profile: Profile, shown: str, answered: bool) -> str:
    found = profile.status_values.get(_fold(shown)) if shown else None
    if found:
        return found
    if answered:
        return "answered"
    return str(profile.complaint.get("status", {}).get("default", "open"))


def _is_export(url: str, response: HttpResponse) -> bool:
    path = urlsplit(url).path.lower()
    content_type = response.headers.get("content-type", "").lower()
    return path.endswith((".csv", ".json")) or "json" in content_type or "csv" in content_type


def _first(row: dict[str, Any], names: tuple[str, ...]) -> str:
    for name in names:
        value = row.get(name)
        if value is not None and str(value).strip():
            return str(value).strip()
    return ""


# --- dates ---------------------------------------------------------------------------------


def parse_site_date(value: str, zone: tzinfo, now: datetime) -> datetime | None:
    """A date as complaint sites show it, as aware UTC: ISO 8601, "31 Aralık 2025 22:43",
    "31 Aralık 22:43" (the latest such date not after `now`), "31.12.2025 22:43", or
    "12/31/2025" (month first, as the Şikayetvar dataset export writes it). None otherwise."""
    value = value.strip()
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        local = parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)
        return local.astimezone(UTC)
    except ValueError:
        pass
    if found := _NUMERIC_DATE.search(value):
        first, separator, second, year, hour, minute = found.groups()
        day, month = (second, first) if separator == "/" else (first, second)
        return _local(int(year), int(month), int(day), hour, minute, zone)
    found = _TURKISH_DATE.search(value)
    month = _MONTHS.get(_fold(found[2])) if found else None
    if not found or not month:
        return None
    if found[3]:
        return _local(int(found[3]), month, int(found[1]), found[4], found[5], zone)
    this_year = _local(now.year, month, int(found[1]), found[4], found[5], zone)
    if this_year and this_year > now + timedelta(days=1):
        return _local(now.year - 1, month, int(found[1]), found[4], found[5], zone)
    return this_year


def _local(
    year: int, month: int, day: int, hour: str | None, minute: str | None, zone: tzinfo
) -> datetime | None:
    try:
        local = datetime(year, month, day, int(hour or 0), int(minute or 0), tzinfo=zone)
    except ValueError:
        return None
    return local.astimezone(UTC)


@cache
def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        # Without a time zone database, Turkey's fixed UTC+3 (since 2016) is the likely zone.
        return timezone(timedelta(hours=3)) if name == "Europe/Istanbul" else UTC


def _fold(value: str) -> str:
    """Turkish-aware lower case (İ → i, I → ı), NFC, whitespace collapsed."""
    value = unicodedata.normalize("NFC", value).replace("İ", "i").replace("I", "ı")
    return " ".join(value.lower().split())


# --- counts for the surge detector ---------------------------------------------------------


def company_key(company: str) -> str:
    """The key complaint counts are kept under: the name as the site shows it, folded."""
    return _fold(company)[:MAX_COMPANY_KEY]


def count_complaint(*, session: Session, source_id: int, item: RawItem, now: datetime) -> None:
    """Add one to the count of `item`'s company on its day (the site's local day, else the
    UTC day of `published_at`, else of `now`). The runner calls it once per newly stored
    complaint, in the same transaction, so reruns count nothing twice."""
    complaint = item.extra.get("complaint") or {}
    company = str(complaint.get("company") or "").strip()
    if not company:
        return
    day = _day(complaint.get("day")) or (item.published_at or now).astimezone(UTC).date()
    key = company_key(company)
    row = {"source_id": source_id, "company_key": key, "day": day, "count": 0}
    insert_ignore(session, ComplaintCount, [row], keys=["source_id", "company_key", "day"])
    session.exec(
        update(ComplaintCount)
        .where(
            col(ComplaintCount.source_id) == source_id,
            col(ComplaintCount.company_key) == key,
            col(ComplaintCount.day) == day,
        )
        .values(count=col(ComplaintCount.count) + 1)
    )


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None

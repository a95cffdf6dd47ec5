"""Complaint-site pages read with a site profile: listing pages (complaint links, next page)
and complaint pages."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from collectors.base import RawItem
from collectors.complaints.dates import parse_site_date, site_zone
from collectors.complaints.item import complaint_raw_item, status_of
from collectors.complaints.profiles import Profile
from collectors.errors import ParseFailed
from collectors.http import HttpResponse
from collectors.webpage import decode_html

_CLOSED_HTML = re.compile(rb"</html\s*>\s*(?:<!--.*?-->\s*)*\Z", re.I | re.S)


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
            published = parse_site_date(str(value or ""), site_zone(profile.timezone), now)
            if published:
                break
    return complaint_raw_item(
        url=response.url,
        title=title,
        text=text,
        company=_text(soup, fields.get("company")),
        username=_text(soup, fields.get("username")),
        status=status_of(profile, status_text, bool(answered and soup.select_one(answered))),
        published=published,
        profile=profile,
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

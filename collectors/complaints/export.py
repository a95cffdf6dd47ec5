"""Complaints from a CSV or JSON export (a site's own, or the Şikayetvar dataset's)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from collectors.base import RawItem
from collectors.complaints.dates import parse_site_date, site_zone
from collectors.complaints.item import complaint_raw_item, status_of
from collectors.complaints.profiles import Profile
from collectors.errors import ParseFailed
from collectors.http import HttpResponse, decode_text

_FIELDS = {
    "url": ("url", "link"),
    "company": ("company", "brand", "operator"),
    "title": ("title",),
    "text": ("text", "full_text", "description"),
    "date": ("date_raw", "date", "published_at", "published"),
    "status": ("status", "is_resolved"),
    "username": ("username", "user"),
}


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
    zone = site_zone(profile.timezone)
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
            complaint_raw_item(
                url=urljoin(response.url, value["url"]),
                title=value["title"],
                text=value["text"],
                company=value["company"],
                username=value["username"],
                status=status_of(profile, value["status"], answered=False),
                published=published,
                profile=profile,
            )
        )
    return items


def is_export(url: str, response: HttpResponse) -> bool:
    path = urlsplit(url).path.lower()
    content_type = response.headers.get("content-type", "").lower()
    return path.endswith((".csv", ".json")) or "json" in content_type or "csv" in content_type


def _first(row: dict[str, Any], names: tuple[str, ...]) -> str:
    for name in names:
        value = row.get(name)
        if value is not None and str(value).strip():
            return str(value).strip()
    return ""

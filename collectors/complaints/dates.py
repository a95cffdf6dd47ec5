"""Dates as complaint sites and their exports show them, to aware UTC."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from collectors.complaints.fold import fold

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
    month = _MONTHS.get(fold(found[2])) if found else None
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
def site_zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        # Without a time zone database, Turkey's fixed UTC+3 (since 2016) is the likely zone.
        return timezone(timedelta(hours=3)) if name == "Europe/Istanbul" else UTC

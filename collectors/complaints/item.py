"""One complaint as a RawItem, from a site page or an export row: personal data masked, the
status in Radar's words, the site's local day kept for the counts."""

from __future__ import annotations

from datetime import datetime

from collectors.base import RawItem
from collectors.complaints.dates import site_zone
from collectors.complaints.fold import fold
from collectors.complaints.profiles import Profile
from collectors.pii import mask_personal_data


def complaint_raw_item(
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
    """The complaint as an item: title and text masked (the username is a name to mask, never
    stored); extra["complaint"] has company, status and the site's local day."""
    names = [username] if username else []
    zone = site_zone(profile.timezone)
    day = published.astimezone(zone).date().isoformat() if published else None
    return RawItem(
        url=url,
        title=mask_personal_data(title, names=names).text,
        text=mask_personal_data(text, names=names).text,
        published_at=published,
        language=profile.language,
        extra={"complaint": {"company": company or None, "status": status, "day": day}},
    )


def status_of(profile: Profile, shown: str, answered: bool) -> str:
    """The status as the profile names it, from the site's words or an "answered" mark."""
    found = profile.status_values.get(fold(shown)) if shown else None
    if found:
        return found
    if answered:
        return "answered"
    return str(profile.complaint.get("status", {}).get("default", "open"))

"""Complaints per company and day (`ComplaintCount`), which the surge detector reads."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import Session, col, update

from collectors.base import RawItem
from collectors.complaints.fold import fold
from collectors.models import ComplaintCount
from collectors.upsert import insert_ignore

MAX_COMPANY_KEY = 200


def company_key(company: str) -> str:
    """The key complaint counts are kept under: the name as the site shows it, folded."""
    return fold(company)[:MAX_COMPANY_KEY]


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

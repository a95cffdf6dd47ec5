"""The one place the service asks the time (packages get `now` passed in)."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now, timezone-aware in UTC: every stored timestamp is aware UTC."""
    return datetime.now(UTC)

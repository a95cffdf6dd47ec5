"""The one interface every source kind implements."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

import httpx


@dataclass(frozen=True)
class SourceSpec:
    """What a collector needs to know about the source it reads (no database row)."""

    name: str
    kind: str
    url: str


@dataclass(frozen=True)
class RawItem:
    """One item as a collector found it, before dedupe and storage."""

    url: str
    title: str
    text: str
    published_at: datetime | None = None
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class FetchResult:
    """What one fetch returned: items, and the state to keep for the next run."""

    items: list[RawItem]
    state: dict[str, Any]
    not_modified: bool = False


class Collector(Protocol):
    """A source kind: fetch raw items from one source."""

    kind: str

    def fetch(
        self,
        source: SourceSpec,
        state: dict[str, Any],
        *,
        client: httpx.Client,
        now: datetime,
    ) -> FetchResult: ...

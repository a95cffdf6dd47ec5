"""Every collector kind, listed by hand (no discovery, no entry points)."""

from __future__ import annotations

from typing import Any

from collectors.base import Collector
from collectors.complaints import ComplaintsCollector
from collectors.disclosures import DisclosuresCollector
from collectors.errors import UnknownSourceKind
from collectors.patents import PatentsCollector
from collectors.rss import RssCollector
from collectors.tenders import TendersCollector
from collectors.webpage import PageCollector

COLLECTORS: dict[str, type[Collector]] = {
    "rss": RssCollector,
    "complaints": ComplaintsCollector,
    "disclosures": DisclosuresCollector,
    "page": PageCollector,
    "tenders": TendersCollector,
    "patents": PatentsCollector,
}


def collector_class(kind: str) -> type[Collector]:
    """The class registered for `kind`; UnknownSourceKind lists the known kinds."""
    try:
        return COLLECTORS[kind]
    except KeyError:
        known = ", ".join(sorted(COLLECTORS))
        raise UnknownSourceKind(f"no collector for kind {kind!r} (known kinds: {known})") from None


def get_collector(kind: str, **options: Any) -> Collector:
    """A collector for `kind`, built with keyword options (max_bytes, retries, ...)."""
    return collector_class(kind)(**options)

"""What Radar keeps of a public-procurement notice, whatever schema it came in."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime


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


# A schema's parser: the root element (namespaces stripped) and the URL it came from.
NoticeParser = Callable[[ET.Element, str], Notice]


def text_of(element: ET.Element | None) -> str:
    """All text below `element`, whitespace collapsed (paragraphs joined by a space)."""
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def amount_of(element: ET.Element) -> float | None:
    try:
        return float(text_of(element).replace(" ", "").replace(",", "."))
    except ValueError:
        return None

"""What linking finds: a span of text and the companies it may name, then the decided hit.

Shared by the index (signals/matching.py, which finds spans) and the context rules
(signals/context_rules.py, which decide what each span names).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class NameHit(NamedTuple):
    """A company named at [start, end) of a text. A tuple: linking makes one per decided
    span, and a tuple is made ~5x faster than a frozen dataclass."""

    company_id: int
    start: int
    end: int
    surface: str
    method: str
    confidence: float
    explanation: str


class Owner(NamedTuple):
    """One company a span may name, as that name of it proves it (in this text's language)."""

    company_id: int
    origin: str
    confidence: float
    needs_capital: bool
    weak: bool


@dataclass(slots=True)  # slots: the context rules read a span's fields ~20 times each
class Span:
    """One span and the companies it may name, before the context rules decide."""

    start: int
    end: int
    key: str
    owners: list[Owner]
    method: str = ""
    why: str = ""

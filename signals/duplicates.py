"""Likely duplicate companies in the stored portfolio, each pair with a score and reasons.

A CRM export of 150,000 companies holds the same company twice more often than one would
like: once with its tax number, once without; "X SAN. VE TİC. A.Ş." and "X Sanayi ve Ticaret
A.Ş."; a branch entered as its own customer. Two records sharing a tax number or a ticker are
the same company; the same normalised name, or a very similar one in the same city, likely
so. Pairs are found through candidates.py's blocking (identifiers, normalised name, the
rarest name words) and scored by its comparison, so each pair carries every feature's value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from signals.candidates import CandidateIndex, Entry, Query
from signals.models import Company

THRESHOLD = 0.85


@dataclass(frozen=True)
class DuplicatePair:
    """Two portfolio companies that are probably one, and why."""

    first: Entry
    second: Entry
    score: float
    features: dict[str, float | None]
    reasons: tuple[str, ...]


def find_duplicates(
    entries: Iterable[Entry], *, threshold: float = THRESHOLD, limit: int | None = None
) -> list[DuplicatePair]:
    """Pairs scoring `threshold` or more, best first (ties by crm_id), at most `limit`."""
    index = CandidateIndex(entries)
    pairs: list[DuplicatePair] = []
    for entry in index.entries.values():
        query = Query(entry.legal_name, entry.tax_number, entry.ticker, entry.city)
        for other in index.blocks(query):
            if other <= entry.id:
                continue  # each pair once, from its lower id
            candidate = index.compare(query, index.entries[other])
            # The query is this record's legal name; the other's aliases are compared too.
            if candidate.score >= threshold:
                pairs.append(
                    DuplicatePair(
                        entry,
                        candidate.entry,
                        candidate.score,
                        candidate.features,
                        tuple(candidate.explanation),
                    )
                )
    pairs.sort(key=lambda p: (-p.score, p.first.crm_id, p.second.crm_id))
    return pairs[:limit] if limit is not None else pairs


def portfolio_entries(session: Session) -> list[Entry]:
    """Every stored company as a candidates.Entry (columns only, no ORM objects)."""
    table = Company.__table__.c  # type: ignore[attr-defined]
    rows = session.execute(
        select(
            table.id,
            table.crm_id,
            table.legal_name,
            table.aliases,
            table.tax_number,
            table.ticker,
            table.city,
        ).order_by(table.id)
    ).all()
    return [Entry(*row) for row in rows]

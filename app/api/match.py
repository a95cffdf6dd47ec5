"""POST /match: which portfolio companies a batch of records may be (after yente's /match).

Each query (a name, and maybe a tax number, ticker and city) gets its best candidates with a
score, each feature's value and the reasons (signals/candidates.py). The candidate index is
built from the stored portfolio on first use and rebuilt when the portfolio changes.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from sqlmodel import Session, func, select

from app.deps import Caller, SessionDep, require
from signals.candidates import CandidateIndex, Query
from signals.duplicates import portfolio_entries
from signals.models import Company

router = APIRouter(tags=["match"])
Matcher = Annotated[Caller, Depends(require("admin", "integration"))]
MAX_QUERIES = 1000
MATCH_SCORE = 0.85  # from here on a candidate is reported as a match
_building = threading.Lock()


class MatchQuery(BaseModel):
    """One record to resolve against the portfolio."""

    name: str = Field(min_length=1, max_length=500)
    tax_number: str | None = Field(default=None, max_length=32)
    ticker: str | None = Field(default=None, max_length=32)
    city: str | None = Field(default=None, max_length=100)
    reference: str | None = Field(
        default=None, max_length=200, description="yours, echoed back with the result"
    )


class MatchRequest(BaseModel):
    """A batch of records; each gets its ranked candidates."""

    queries: list[MatchQuery] = Field(min_length=1, max_length=MAX_QUERIES)
    limit: int = Field(default=5, ge=1, le=50, description="candidates per query")
    threshold: float = Field(default=0.5, ge=0.0, le=1.0, description="lowest score returned")


def _portfolio_version(session: Session) -> tuple[int, datetime | None]:
    count, latest = session.exec(select(func.count(), func.max(Company.updated_at))).one()
    return int(count), latest


def candidate_index(request: Request, session: Session) -> CandidateIndex:
    """The app's candidate index, rebuilt off to the side when the portfolio changed."""
    version = _portfolio_version(session)
    cached: tuple[Any, CandidateIndex] | None = getattr(request.app.state, "match_index", None)
    if cached is not None and cached[0] == version:
        return cached[1]
    with _building:
        cached = getattr(request.app.state, "match_index", None)
        if cached is None or cached[0] != version:
            cached = (version, CandidateIndex(portfolio_entries(session)))
            request.app.state.match_index = cached  # one assignment: readers see old or new
    return cached[1]


@router.post("/match")
def match(body: MatchRequest, request: Request, session: SessionDep, _: Matcher) -> dict[str, Any]:
    """Ranked candidate companies for each query, with scores, features and reasons."""
    index = candidate_index(request, session)
    results = []
    for query in body.queries:
        found = index.candidates(
            Query(query.name, query.tax_number, query.ticker, query.city),
            limit=body.limit,
            threshold=body.threshold,
        )
        results.append(
            {
                "query": query.model_dump(),
                "candidates": [
                    {
                        "crm_id": c.entry.crm_id,
                        "legal_name": c.entry.legal_name,
                        "city": c.entry.city,
                        "score": c.score,
                        "match": c.score >= MATCH_SCORE,
                        "features": c.features,
                        "explanation": c.explanation,
                    }
                    for c in found
                ],
            }
        )
    return {"results": results, "portfolio_size": len(index)}

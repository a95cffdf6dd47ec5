"""A company's signal timeline: JSON with cursor pagination, and the same as a picture (SVG)."""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response
from sqlmodel import Session, and_, col, or_, select

from app.deps import Caller, SessionDep, require
from app.timeline_plot import render_svg
from collectors.models import Document, Source
from signals.models import Company, Signal

router = APIRouter(tags=["timeline"])
Reader = Annotated[Caller, Depends(require("admin", "integration", "risk", "manager"))]


def _company(session: Session, crm_id: str, caller: Caller) -> Company:
    company = session.exec(select(Company).where(Company.crm_id == crm_id)).first()
    if company is None or not caller.may_see(company):
        raise HTTPException(404, f"no company {crm_id!r} in your portfolio")
    return company


def _cursor(occurred_at: datetime, signal_id: int) -> str:
    return base64.urlsafe_b64encode(f"{occurred_at.isoformat()}|{signal_id}".encode()).decode()


def _parse_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        when, signal_id = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        return datetime.fromisoformat(when), int(signal_id)
    except ValueError as exc:
        raise HTTPException(400, "cursor is not one this API returned") from exc


@router.get("/companies/{crm_id}/timeline")
def timeline(
    crm_id: str,
    session: SessionDep,
    caller: Reader,
    kind: Annotated[str | None, Query(pattern="^(investment|distress)$")] = None,
    type: Annotated[str | None, Query(max_length=40)] = None,
    since: datetime | None = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    """Signals about one company, newest first."""
    company = _company(session, crm_id, caller)
    query = (
        select(Signal, Document, Source)
        .join(Document, col(Document.id) == Signal.document_id)
        .join(Source, col(Source.id) == Document.source_id)
        .where(Signal.company_id == company.id)
        .order_by(col(Signal.occurred_at).desc(), col(Signal.id).desc())
        .limit(limit + 1)
    )
    if kind:
        query = query.where(Signal.kind == kind)
    if type:
        query = query.where(Signal.type == type)
    if since:
        query = query.where(col(Signal.occurred_at) >= since)
    if cursor:
        when, signal_id = _parse_cursor(cursor)
        query = query.where(
            or_(
                col(Signal.occurred_at) < when,
                and_(col(Signal.occurred_at) == when, col(Signal.id) < signal_id),
            )
        )
    rows = session.exec(query).all()
    page = rows[:limit]
    items = [
        {
            "signal_id": signal.id,
            "occurred_at": signal.occurred_at.isoformat(),
            "kind": signal.kind,
            "type": signal.type,
            "score": signal.score,
            "probability": signal.probability,
            "factors": signal.factors,
            "evidence": signal.evidence,
            "document": {
                "title": document.title,
                "url": document.canonical_url,
                "source": source.name,
            },
        }
        for signal, document, source in page
    ]
    last = page[-1][0] if page else None
    next_cursor = (
        _cursor(last.occurred_at, last.id) if len(rows) > limit and last and last.id else None
    )
    return {
        "crm_id": company.crm_id,
        "company": company.legal_name,
        "items": items,
        "next_cursor": next_cursor,
    }


@router.get("/companies/{crm_id}/timeline.svg", response_class=Response)
def timeline_picture(crm_id: str, session: SessionDep, caller: Reader) -> Response:
    """The timeline as a picture: signals over time, height = score, colour = kind."""
    company = _company(session, crm_id, caller)
    signals = session.exec(
        select(Signal).where(Signal.company_id == company.id).order_by(col(Signal.occurred_at))
    ).all()
    svg = render_svg(
        company.legal_name, [(s.occurred_at, s.score, s.kind, s.type) for s in signals]
    )
    return Response(svg, media_type="image/svg+xml")

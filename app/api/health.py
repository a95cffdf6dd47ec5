"""GET /api/v1/health: is the service up, is the database reachable, how are the sources."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import text
from sqlmodel import func, select

from app.deps import SessionDep
from collectors.models import Document, SourceHealth

router = APIRouter(tags=["health"])


@router.get("/health")
def health(session: SessionDep) -> dict[str, Any]:
    """Liveness plus a few counts (no key needed)."""
    session.exec(select(text("1"))).one()
    failing = session.exec(
        select(func.count()).select_from(SourceHealth).where(SourceHealth.error_streak > 0)
    ).one()
    documents = session.exec(select(func.count()).select_from(Document)).one()
    return {"status": "ok", "database": "ok", "documents": documents, "failing_sources": failing}

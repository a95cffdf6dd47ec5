"""Alerts: list (filtered, scoped by role), acknowledge, feedback."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlmodel import Session, col, select

from alerts.models import Alert
from alerts.service import acknowledge, give_feedback
from app.clock import utcnow
from app.deps import Caller, SessionDep, require
from signals.models import Company, Manager

router = APIRouter(tags=["alerts"])
Reader = Annotated[Caller, Depends(require("admin", "integration", "risk", "manager"))]
Writer = Annotated[Caller, Depends(require("admin", "manager", "risk"))]


def _view(alert: Alert, company: Company) -> dict[str, Any]:
    return {
        "id": alert.id,
        "crm_id": company.crm_id,
        "company": company.legal_name,
        "recipient": alert.recipient,
        "kind": alert.kind,
        "type": alert.type,
        "priority": alert.priority,
        "status": alert.status,
        "reason": alert.reason,
        "suppression_reason": alert.suppression_reason,
        "marked": alert.marked,
        "sources": alert.source_count,
        "signal_ids": alert.signal_ids,
        "feedback": alert.feedback,
        "created_at": alert.created_at.isoformat(),
    }


@router.get("/alerts")
def list_alerts(
    session: SessionDep,
    caller: Reader,
    manager: Annotated[str | None, Query(description="manager e-mail")] = None,
    kind: Annotated[str | None, Query(pattern="^(investment|distress)$")] = None,
    since: datetime | None = None,
    status: Annotated[str | None, Query(pattern="^(new|suppressed|acked)$")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Alerts newest first; a manager key sees only alerts on their own companies."""
    query = (
        select(Alert, Company)
        .join(Company, col(Company.id) == Alert.company_id)
        .order_by(col(Alert.created_at).desc(), col(Alert.id).desc())
        .limit(limit)
    )
    if caller.role == "manager":
        query = query.where(Company.manager_id == caller.manager_id)
    if manager:
        query = query.join(Manager, col(Manager.id) == Company.manager_id).where(
            Manager.email == manager.lower()
        )
    if kind:
        query = query.where(Alert.kind == kind)
    if since:
        query = query.where(col(Alert.created_at) >= since)
    if status:
        query = query.where(Alert.status == status)
    return {"items": [_view(alert, company) for alert, company in session.exec(query).all()]}


def _scoped(session: Session, alert_id: int, caller: Caller) -> tuple[Alert, Company]:
    row = session.exec(
        select(Alert, Company)
        .join(Company, col(Company.id) == Alert.company_id)
        .where(Alert.id == alert_id)
    ).first()
    if row is None or not caller.may_see(row[1]):
        raise HTTPException(404, f"no alert {alert_id} in your scope")
    return row[0], row[1]


@router.get("/alerts/{alert_id}")
def get_alert(alert_id: int, session: SessionDep, caller: Reader) -> dict[str, Any]:
    """One alert."""
    alert, company = _scoped(session, alert_id, caller)
    return _view(alert, company)


@router.post("/alerts/{alert_id}/ack")
def ack_alert(alert_id: int, session: SessionDep, caller: Writer) -> dict[str, Any]:
    """Mark an alert as seen."""
    _, company = _scoped(session, alert_id, caller)
    alert = acknowledge(session=session, alert_id=alert_id, now=utcnow())
    session.commit()
    return _view(alert, company)


@router.post("/alerts/{alert_id}/feedback")
def feedback(
    alert_id: int,
    session: SessionDep,
    caller: Writer,
    value: Annotated[str, Query(description="useful, wrong or not_relevant")],
) -> dict[str, Any]:
    """Say whether an alert was useful."""
    _, company = _scoped(session, alert_id, caller)
    alert = give_feedback(session=session, alert_id=alert_id, value=value, now=utcnow())
    session.commit()
    return _view(alert, company)

"""Alert services: route new signals, list, acknowledge, take feedback. Never commits."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, col, select

from alerts.errors import AlertNotFound, InvalidFeedback
from alerts.models import Alert
from alerts.outbox import enqueue_alert_webhook
from alerts.routing import Decision, PreviousAlert, RoutingRules, decide, recipients
from collectors.models import Story
from signals.models import Company, Manager, Signal

log = logging.getLogger("radar.alerts")

FEEDBACK_VALUES = ("useful", "wrong", "not_relevant")


@dataclass
class RouteReport:
    """Counts from one routing run."""

    signals: int = 0
    created: int = 0
    raised: int = 0
    suppressed: int = 0
    webhooks: int = 0
    per_recipient: Counter[str] = field(default_factory=Counter)
    created_ids: list[int] = field(default_factory=list)


def route_pending(
    *, session: Session, rules: RoutingRules, now: datetime, webhook_url: str | None = None
) -> RouteReport:
    """Turn every signal not routed yet into alerts; a rerun creates nothing new.

    With a `webhook_url`, every new (not suppressed) alert also gets one webhook delivery in
    the outbox, enqueued after the whole run so that its body carries every signal the run
    grouped into it; the outbox key (one per alert) keeps a second enqueue from doubling it."""
    report = RouteReport()
    pending = session.exec(
        select(Signal).where(col(Signal.routed_at).is_(None)).order_by(col(Signal.score).desc())
    ).all()
    for signal in pending:
        company = session.get(Company, signal.company_id)
        if company is None:
            continue
        manager = session.get(Manager, company.manager_id) if company.manager_id else None
        for recipient, kind, reason in recipients(
            signal=signal,
            company=company,
            manager_email=manager.email if manager else None,
            rules=rules,
        ):
            decision = decide(
                signal=signal,
                company=company,
                recipient=recipient,
                recipient_kind=kind,
                reason=reason,
                previous=_previous(session, recipient, signal),
                rules=rules,
                now=now,
            )
            _apply(session, decision, signal, now, report)
        signal.routed_at = now
        session.add(signal)
        report.signals += 1
        session.flush()
    if webhook_url:
        for alert_id in report.created_ids:
            alert = session.get(Alert, alert_id)
            if alert is not None and enqueue_alert_webhook(
                session=session, alert=alert, url=webhook_url, now=now
            ):
                report.webhooks += 1
        session.flush()
    log.info(
        "routed %d signals: %d alerts created, %d raised, %d suppressed, %d webhooks queued",
        report.signals,
        report.created,
        report.raised,
        report.suppressed,
        report.webhooks,
    )
    return report


def _previous(session: Session, recipient: str, signal: Signal) -> PreviousAlert | None:
    alert = session.exec(
        select(Alert)
        .where(Alert.recipient == recipient, Alert.company_id == signal.company_id)
        .where(Alert.type == signal.type, col(Alert.suppression_reason).is_(None))
        .order_by(col(Alert.created_at).desc())
    ).first()
    if alert is None or alert.id is None:
        return None
    return PreviousAlert(id=alert.id, priority=alert.priority, created_at=alert.created_at)


def _apply(
    session: Session, decision: Decision, signal: Signal, now: datetime, report: RouteReport
) -> None:
    assert signal.id is not None
    story = session.get(Story, signal.story_id) if signal.story_id else None
    sources = story.source_count if story else 1
    existing = session.exec(select(Alert).where(Alert.dedupe_key == decision.dedupe_key)).first()
    if existing is not None:
        # The same story again (another source or another document): raise, don't repeat.
        if signal.id not in existing.signal_ids:
            existing.signal_ids = [*existing.signal_ids, signal.id]
        existing.priority = max(existing.priority, signal.score)
        existing.source_count = max(existing.source_count, sources)
        existing.updated_at = now
        session.add(existing)
        report.raised += 1
        return
    alert = Alert(
        dedupe_key=decision.dedupe_key,
        company_id=signal.company_id,
        recipient=decision.recipient,
        recipient_kind=decision.recipient_kind,
        kind=signal.kind,
        type=signal.type,
        story_id=signal.story_id,
        priority=signal.score,
        signal_ids=[signal.id],
        source_count=sources,
        status="suppressed" if decision.suppression_reason else "new",
        reason=decision.reason,
        suppression_reason=decision.suppression_reason,
        marked=list(decision.marked),
        created_at=now,
        updated_at=now,
    )
    session.add(alert)
    session.flush()
    if decision.suppression_reason:
        report.suppressed += 1
    else:
        assert alert.id is not None
        report.created += 1
        report.per_recipient[decision.recipient] += 1
        report.created_ids.append(alert.id)


def acknowledge(*, session: Session, alert_id: int, now: datetime) -> Alert:
    """Mark an alert as seen."""
    alert = session.get(Alert, alert_id)
    if alert is None:
        raise AlertNotFound(f"alert {alert_id} does not exist")
    alert.status = "acked"
    alert.updated_at = now
    session.add(alert)
    session.flush()
    return alert


def give_feedback(*, session: Session, alert_id: int, value: str, now: datetime) -> Alert:
    """Record a manager's verdict on an alert (useful, wrong, not_relevant)."""
    if value not in FEEDBACK_VALUES:
        raise InvalidFeedback(
            f"feedback must be one of {', '.join(FEEDBACK_VALUES)}, not {value!r}"
        )
    alert = session.get(Alert, alert_id)
    if alert is None:
        raise AlertNotFound(f"alert {alert_id} does not exist")
    alert.feedback = value
    alert.updated_at = now
    session.add(alert)
    session.flush()
    return alert

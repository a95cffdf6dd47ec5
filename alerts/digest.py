"""One manager's daily digest: a reason to call, with evidence, rendered as HTML and text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from sqlmodel import Session, col, select

from alerts.models import Alert, Digest
from collectors.models import Document, Source
from collectors.upsert import upsert
from signals.lexicon import load_taxonomy
from signals.models import Company, Signal


@dataclass(frozen=True)
class DigestItem:
    """One alert as the digest shows it."""

    alert_id: int
    company: str
    crm_id: str
    kind: str
    type: str
    priority: float
    evidence: str
    why: str
    source: str
    title: str
    url: str
    sources: int
    marked: tuple[str, ...]


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("alerts", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def digest_items(*, session: Session, recipient: str, day: date) -> list[DigestItem]:
    """The recipient's unsuppressed alerts created on `day`, highest priority first."""
    start = datetime.combine(day, time.min, tzinfo=UTC)
    alerts = session.exec(
        select(Alert)
        .where(Alert.recipient == recipient, Alert.status != "suppressed")
        .where(col(Alert.created_at) >= start, col(Alert.created_at) < start + timedelta(days=1))
        .order_by(col(Alert.priority).desc(), col(Alert.id))
    ).all()
    taxonomy = load_taxonomy()
    items = []
    for alert in alerts:
        assert alert.id is not None
        company = session.get(Company, alert.company_id)
        signal = session.get(Signal, alert.signal_ids[0]) if alert.signal_ids else None
        document = session.get(Document, signal.document_id) if signal else None
        source = session.get(Source, document.source_id) if document else None
        signal_type = taxonomy.types.get(alert.type)
        items.append(
            DigestItem(
                alert_id=alert.id,
                company=company.legal_name if company else "?",
                crm_id=company.crm_id if company else "?",
                kind=alert.kind,
                type=alert.type,
                priority=alert.priority,
                evidence=signal.evidence if signal else "",
                why=signal_type.why if signal_type else "",
                source=source.name if source else "",
                title=document.title if document else "",
                url=document.canonical_url if document else "",
                sources=alert.source_count,
                marked=tuple(alert.marked),
            )
        )
    return items


def build_digest(
    *, session: Session, recipient: str, day: date, cap: int, api_base: str, now: datetime
) -> Digest | None:
    """Render and store the digest for one recipient and day; None when there is nothing."""
    items = digest_items(session=session, recipient=recipient, day=day)
    if not items:
        return None
    shown, more = items[:cap], len(items) - min(cap, len(items))
    context = {
        "recipient": recipient,
        "day": day.isoformat(),
        "items": shown,
        "more": more,
        "api_base": api_base.rstrip("/"),
        "investment": [i for i in shown if i.kind == "investment"],
        "distress": [i for i in shown if i.kind == "distress"],
    }
    subject = f"Radar {day.isoformat()}: {len(items)} reason(s) to call"
    env = _environment()
    row = {
        "recipient": recipient,
        "day": day,
        "alert_ids": [item.alert_id for item in items],
        "subject": subject,
        "html": env.get_template("digest.html").render(subject=subject, **context),
        "text": env.get_template("digest.txt").render(subject=subject, **context),
        "created_at": now,
    }
    upsert(
        session,
        Digest,
        [row],
        keys=["recipient", "day"],
        update=["alert_ids", "subject", "html", "text"],
    )
    return session.exec(
        select(Digest)
        .where(Digest.recipient == recipient, Digest.day == day)
        .execution_options(populate_existing=True)
    ).one()


def recipients_for_day(*, session: Session, day: date) -> list[str]:
    """Everyone with at least one unsuppressed alert created on `day`."""
    start = datetime.combine(day, time.min, tzinfo=UTC)
    return list(
        session.exec(
            select(Alert.recipient)
            .where(Alert.status != "suppressed")
            .where(
                col(Alert.created_at) >= start, col(Alert.created_at) < start + timedelta(days=1)
            )
            .distinct()
            .order_by(col(Alert.recipient))
        ).all()
    )

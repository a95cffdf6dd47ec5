"""The outbox: Delivery rows are claimed, attempted, backed off and dead-lettered."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage

from sqlmodel import Session, col, or_, select

from alerts.channels import email
from alerts.errors import DeliveryFailed
from alerts.models import Delivery, Digest
from collectors.upsert import insert_ignore

log = logging.getLogger("radar.alerts.outbox")

MAX_ATTEMPTS = 5
BASE_BACKOFF = timedelta(minutes=1)


@dataclass
class DeliveryReport:
    """Counts from one outbox run."""

    sent: int = 0
    failed: int = 0
    dead: int = 0


def enqueue_digest_email(*, session: Session, digest: Digest, now: datetime) -> None:
    """One e-mail delivery per digest; enqueueing twice changes nothing."""
    insert_ignore(
        session,
        Delivery,
        [
            {
                "idempotency_key": f"digest:{digest.recipient}:{digest.day.isoformat()}:email",
                "channel": "email",
                "target": digest.recipient,
                "digest_id": digest.id,
                "payload": {},
                "status": "pending",
                "attempts": 0,
                "next_attempt_at": now,
                "created_at": now,
            }
        ],
        keys=["idempotency_key"],
    )


def enqueue_notice(
    *, session: Session, key: str, recipient: str, subject: str, text: str, now: datetime
) -> bool:
    """One plain e-mail (e.g. a source-health notice) per key; True when it is new."""
    return bool(
        insert_ignore(
            session,
            Delivery,
            [
                {
                    "idempotency_key": key,
                    "channel": "email",
                    "target": recipient,
                    "payload": {"subject": subject, "text": text},
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                    "created_at": now,
                }
            ],
            keys=["idempotency_key"],
        )
    )


def _message(session: Session, delivery: Delivery, sender: str) -> EmailMessage:
    if delivery.digest_id is not None:
        digest = session.get(Digest, delivery.digest_id)
        if digest is None:
            raise DeliveryFailed(f"delivery {delivery.id}: digest {delivery.digest_id} is gone")
        return email.build_message(digest=digest, sender=sender)
    if "subject" not in delivery.payload:
        raise DeliveryFailed(f"delivery {delivery.id} has neither a digest nor a message")
    return email.plain_message(
        recipient=delivery.target,
        sender=sender,
        subject=delivery.payload["subject"],
        text=delivery.payload.get("text", ""),
    )


def deliver_due(*, session: Session, smtp_url: str, sender: str, now: datetime) -> DeliveryReport:
    """Attempt every pending delivery that is due; failures back off exponentially."""
    report = DeliveryReport()
    due = session.exec(
        select(Delivery)
        .where(Delivery.status == "pending", Delivery.channel == "email")
        .where(or_(col(Delivery.next_attempt_at).is_(None), col(Delivery.next_attempt_at) <= now))
        .order_by(col(Delivery.id))
    ).all()
    for delivery in due:
        delivery.attempts += 1
        try:
            email.send(smtp_url=smtp_url, message=_message(session, delivery, sender))
        except DeliveryFailed as exc:
            delivery.last_result = str(exc)
            if delivery.attempts >= MAX_ATTEMPTS:
                delivery.status = "dead"
                report.dead += 1
            else:
                delivery.next_attempt_at = now + BASE_BACKOFF * 2 ** (delivery.attempts - 1)
                report.failed += 1
            log.warning("delivery %s failed (attempt %d): %s", delivery.id, delivery.attempts, exc)
        else:
            delivery.status = "sent"
            delivery.last_result = "sent"
            report.sent += 1
        session.add(delivery)
        session.flush()
    return report

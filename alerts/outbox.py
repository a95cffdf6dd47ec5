"""The outbox: Delivery rows are claimed, attempted, backed off and dead-lettered."""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage

import httpx
from sqlmodel import Session, col, or_, select

from alerts.channels import email, webhook
from alerts.errors import DeliveryFailed
from alerts.models import Alert, Delivery, Digest
from collectors.upsert import insert_ignore

log = logging.getLogger("radar.alerts.outbox")

MAX_ATTEMPTS = 5
BASE_BACKOFF = timedelta(minutes=1)
WEBHOOK_MAX_ATTEMPTS = 8
WEBHOOK_MAX_BACKOFF = timedelta(hours=6)
WEBHOOK_JITTER = 0.2  # up to +20 % on each backoff, so that retries do not arrive in step


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


def _due(session: Session, channel: str, now: datetime) -> list[Delivery]:
    return list(
        session.exec(
            select(Delivery)
            .where(Delivery.status == "pending", Delivery.channel == channel)
            .where(
                or_(col(Delivery.next_attempt_at).is_(None), col(Delivery.next_attempt_at) <= now)
            )
            .order_by(col(Delivery.id))
        ).all()
    )


def deliver_due(*, session: Session, smtp_url: str, sender: str, now: datetime) -> DeliveryReport:
    """Attempt every pending delivery that is due; failures back off exponentially."""
    report = DeliveryReport()
    for delivery in _due(session, "email", now):
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


def enqueue_alert_webhook(*, session: Session, alert: Alert, url: str, now: datetime) -> bool:
    """One webhook delivery per alert, its body built (and frozen) now; True when it is new.

    The body is stored as text so that every retry sends the same bytes: the same signature
    and the same Idempotency-Key (`radar-alert-<id>`, also the outbox's unique key)."""
    assert alert.id is not None
    return bool(
        insert_ignore(
            session,
            Delivery,
            [
                {
                    "idempotency_key": webhook.idempotency_key(alert.id),
                    "channel": "webhook",
                    "target": url,
                    "alert_id": alert.id,
                    "payload": {"body": webhook.build_body(session, alert)},
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                    "created_at": now,
                }
            ],
            keys=["idempotency_key"],
        )
    )


def webhook_backoff(attempts: int, rng: random.Random | None = None) -> timedelta:
    """Wait after the `attempts`-th failure: 1, 2, 4 ... minutes (at most 6 h) plus jitter."""
    base: timedelta = min(BASE_BACKOFF * (1 << min(max(attempts - 1, 0), 20)), WEBHOOK_MAX_BACKOFF)
    jitter: float = (rng or random).random()
    return base * (1 + WEBHOOK_JITTER * jitter)


def deliver_webhooks_due(
    *,
    session: Session,
    secret: str,
    now: datetime,
    timeout: float = 10.0,
    max_attempts: int = WEBHOOK_MAX_ATTEMPTS,
    client: httpx.Client | None = None,
    rng: random.Random | None = None,
) -> DeliveryReport:
    """POST every due webhook delivery to its target. 2xx: sent. A refusal (4xx other than
    408/429, a redirect): dead at once. 5xx, 408, 429, timeouts, network errors: retried with
    exponential backoff and jitter (never sooner than a Retry-After), dead after
    `max_attempts`."""
    report = DeliveryReport()
    due = _due(session, "webhook", now)
    if not due:
        return report
    own_client = client is None
    http = client or httpx.Client(timeout=timeout, follow_redirects=False)
    try:
        for delivery in due:
            _attempt_webhook(session, delivery, http, secret, now, max_attempts, rng, report)
    finally:
        if own_client:
            http.close()
    return report


def _attempt_webhook(
    session: Session,
    delivery: Delivery,
    client: httpx.Client,
    secret: str,
    now: datetime,
    max_attempts: int,
    rng: random.Random | None,
    report: DeliveryReport,
) -> None:
    delivery.attempts += 1
    try:
        body = delivery.payload.get("body")
        if not isinstance(body, str):
            raise webhook.WebhookFailed(
                f"webhook delivery {delivery.id} has no stored body", permanent=True
            )
        status = webhook.post(
            client=client,
            url=delivery.target,
            body=body,
            secret=secret,
            key=delivery.idempotency_key,
            now=now,
        )
    except webhook.WebhookFailed as exc:
        delivery.last_result = str(exc)
        if exc.permanent or delivery.attempts >= max_attempts:
            delivery.status = "dead"
            delivery.next_attempt_at = None
            report.dead += 1
            log.error(
                "webhook delivery %s (%s) dead-lettered after %d attempt(s): %s",
                delivery.id,
                delivery.idempotency_key,
                delivery.attempts,
                exc,
            )
        else:
            wait = webhook_backoff(delivery.attempts, rng)
            if exc.retry_after is not None:
                wait = max(wait, min(timedelta(seconds=exc.retry_after), WEBHOOK_MAX_BACKOFF))
            delivery.next_attempt_at = now + wait
            report.failed += 1
            log.warning(
                "webhook delivery %s failed (attempt %d of %d), retry at %s: %s",
                delivery.id,
                delivery.attempts,
                max_attempts,
                delivery.next_attempt_at.isoformat(),
                exc,
            )
    else:
        delivery.status = "sent"
        delivery.last_result = f"sent: HTTP {status}"
        report.sent += 1
    session.add(delivery)
    session.flush()

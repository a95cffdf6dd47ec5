"""Signed webhooks to the CRM: build the JSON body once, sign it, POST it.

The body is built when the delivery is enqueued and stored as text, so every retry sends the
very same bytes: the signature and the Idempotency-Key stay stable across attempts.
The URL is configured by an admin (it may be an internal host), so it does not go through the
collectors' SSRF gate; redirects are never followed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from sqlmodel import Session, col, select

from alerts.errors import DeliveryFailed
from alerts.models import Alert
from collectors.models import Document
from signals.models import Company, Signal

SCHEMA_VERSION = 1
EVENT = "alert.created"
SIGNATURE_HEADER = "X-Radar-Signature"
TIMESTAMP_HEADER = "X-Radar-Timestamp"
USER_AGENT = "Radar-Webhook/1"
# Statuses the receiver may answer again later; every other 4xx is a refusal.
RETRYABLE_4XX = frozenset({408, 429})


class WebhookFailed(DeliveryFailed):
    """One attempt failed; `permanent` means retrying cannot help (dead-letter at once)."""

    def __init__(self, message: str, *, permanent: bool, retry_after: float | None = None):
        super().__init__(message)
        self.permanent = permanent
        self.retry_after = retry_after


def idempotency_key(alert_id: int) -> str:
    """The Idempotency-Key header (and the outbox key) of an alert's webhook."""
    return f"radar-alert-{alert_id}"


def sign(secret: str, body: bytes) -> str:
    """The X-Radar-Signature value: sha256=<hex HMAC-SHA256 of the exact body>."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def build_body(session: Session, alert: Alert) -> str:
    """The JSON document for one alert (compact, keys sorted, UTF-8 kept as is)."""
    assert alert.id is not None
    company = session.get(Company, alert.company_id)
    signals = session.exec(
        select(Signal).where(col(Signal.id).in_(alert.signal_ids)).order_by(col(Signal.id))
    ).all()
    documents = {
        document.id: document
        for document in session.exec(
            select(Document).where(col(Document.id).in_({s.document_id for s in signals}))
        ).all()
    }
    payload: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "event": EVENT,
        "alert": {
            "id": alert.id,
            "created_at": _iso(alert.created_at),
            "recipient": alert.recipient,
            "recipient_kind": alert.recipient_kind,
            "priority": alert.priority,
            "status": alert.status,
            "kind": alert.kind,
            "type": alert.type,
            "reason": alert.reason,
            "marked": list(alert.marked),
            "source_count": alert.source_count,
        },
        "company": {
            "crm_id": company.crm_id if company else None,
            "legal_name": company.legal_name if company else None,
        },
        "signals": [
            {
                "id": signal.id,
                "type": signal.type,
                "kind": signal.kind,
                "probability": signal.probability,
                "score": signal.score,
                "evidence": signal.evidence,
                "source_url": (
                    documents[signal.document_id].canonical_url
                    if signal.document_id in documents
                    else None
                ),
                "occurred_at": _iso(signal.occurred_at),
            }
            for signal in signals
        ],
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _retry_after(response: httpx.Response, now: datetime) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, (parsedate_to_datetime(value) - now).total_seconds())
    except (TypeError, ValueError):
        return None


def post(*, client: httpx.Client, url: str, body: str, secret: str, key: str, now: datetime) -> int:
    """POST one signed body; returns the 2xx status or raises WebhookFailed."""
    raw = body.encode("utf-8")
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        SIGNATURE_HEADER: sign(secret, raw),
        "Idempotency-Key": key,
        TIMESTAMP_HEADER: str(int(now.timestamp())),
    }
    try:
        response = client.post(url, content=raw, headers=headers, follow_redirects=False)
    except httpx.TimeoutException as exc:
        raise WebhookFailed(f"webhook to {url} timed out: {exc!r}", permanent=False) from exc
    except httpx.UnsupportedProtocol as exc:
        raise WebhookFailed(f"webhook URL {url!r} is not http(s): {exc}", permanent=True) from exc
    except httpx.HTTPError as exc:
        raise WebhookFailed(f"webhook to {url} failed: {exc!r}", permanent=False) from exc
    status = response.status_code
    snippet = response.text[:200].strip()
    if 200 <= status < 300:
        return status
    if 300 <= status < 400:
        location = response.headers.get("Location", "")
        raise WebhookFailed(
            f"webhook to {url}: HTTP {status} redirect to {location!r} not followed",
            permanent=True,
        )
    if 400 <= status < 500 and status not in RETRYABLE_4XX:
        raise WebhookFailed(f"webhook to {url} refused: HTTP {status} {snippet}", permanent=True)
    raise WebhookFailed(
        f"webhook to {url}: HTTP {status} {snippet}",
        permanent=False,
        retry_after=_retry_after(response, now),
    )

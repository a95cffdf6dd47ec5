"""Signed webhooks to the CRM through the outbox, against a real loopback HTTP server."""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from pydantic import SecretStr, ValidationError
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from alerts.models import Alert, Delivery
from alerts.outbox import deliver_webhooks_due, enqueue_alert_webhook, webhook_backoff
from alerts.routing import RoutingRules
from alerts.service import route_pending
from app import jobs
from app.settings import Settings
from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy
from signals.pipeline import build_index, process
from tests.factories import NOW, make_company, make_document
from tests.smtp_server import free_port

RULES = RoutingRules(
    risk_team_email="risk@bank.example", distress_threshold=0.3, repeat_window=timedelta(hours=72)
)
SECRET = "s3cret-shared-with-the-crm"
INVESTMENT = "Tüpraş 2 milyar liralık yatırım yapacak."
INVESTMENT_URL = "https://news.example/tupras-yatirim"


# --- a small recording HTTP server ------------------------------------------------------------


@dataclass
class Reply:
    status: int = 200
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Received:
    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.script: list[Reply] = []  # replies for the next requests, in order; then 200
        self.received: list[Received] = []

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that timed out leaves a broken pipe behind: expected


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with self.server.lock:
            self.server.received.append(
                Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            )
            reply = self.server.script.pop(0) if self.server.script else Reply()
        if reply.delay:
            time.sleep(reply.delay)
        answer = f"status {reply.status}\n".encode()
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    do_GET = do_POST


class Receiver:
    def __init__(self, server: _Server) -> None:
        self._server = server
        host, port = server.server_address[:2]
        self.url = f"http://{host!s}:{port}/crm/hooks"

    def reply(self, *replies: Reply) -> None:
        with self._server.lock:
            self._server.script.extend(replies)

    @property
    def received(self) -> list[Received]:
        with self._server.lock:
            return list(self._server.received)

    def hits(self, path: str = "/crm/hooks") -> int:
        return sum(1 for r in self.received if r.path == path)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = _Server()
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
    )
    thread.start()
    yield Receiver(server)
    server.shutdown()
    server.server_close()


# --- helpers ----------------------------------------------------------------------------------


def _route(session: Session, url: str | None, now: datetime = NOW) -> None:
    process(
        session=session,
        now=now,
        classifier=CueClassifier(load_taxonomy()),
        index=build_index(session),
    )
    route_pending(session=session, rules=RULES, now=now, webhook_url=url)


@pytest.fixture
def one_alert(session: Session, receiver: Receiver) -> Alert:
    """One investment alert for the manager, its webhook queued for the receiver."""
    make_company(session)
    make_document(session, INVESTMENT, title="Tüpraş yatırım", url=INVESTMENT_URL)
    _route(session, receiver.url)
    (alert,) = session.exec(select(Alert)).all()
    return alert


def webhooks(session: Session) -> list[Delivery]:
    return list(
        session.exec(
            select(Delivery).where(Delivery.channel == "webhook").order_by(col(Delivery.id))
        )
    )


def deliver(session: Session, now: datetime, **options: Any) -> tuple[int, int, int]:
    options.setdefault("timeout", 2.0)
    report = deliver_webhooks_due(session=session, secret=SECRET, now=now, **options)
    return report.sent, report.failed, report.dead


def naive(moment: datetime | None) -> datetime:
    assert moment is not None
    return moment.replace(tzinfo=None)


def verify(secret: str, body: bytes, header: str) -> bool:
    """What the README tells the CRM to do."""
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header)


# --- tests ------------------------------------------------------------------------------------


def test_signed_body_carries_the_alert_company_and_signals(
    session: Session, receiver: Receiver, one_alert: Alert
) -> None:
    assert deliver(session, NOW) == (1, 0, 0)
    (request,) = receiver.received
    assert request.path == "/crm/hooks"
    assert request.headers["content-type"] == "application/json"
    assert verify(SECRET, request.body, request.headers["x-radar-signature"])
    assert not verify("another-secret", request.body, request.headers["x-radar-signature"])
    assert not verify(SECRET, request.body + b" ", request.headers["x-radar-signature"])
    assert request.headers["idempotency-key"] == f"radar-alert-{one_alert.id}"
    assert int(request.headers["x-radar-timestamp"]) == int(NOW.timestamp())

    payload = json.loads(request.body)
    assert payload["schema_version"] == 1
    assert payload["event"] == "alert.created"
    assert payload["alert"]["id"] == one_alert.id
    assert payload["alert"]["recipient"] == "ayse@bank.example"
    assert payload["alert"]["status"] == "new"
    assert payload["alert"]["priority"] == pytest.approx(one_alert.priority)
    assert payload["alert"]["created_at"].startswith("2026-11-23T09:00:00")
    assert payload["company"] == {"crm_id": "C1", "legal_name": "TÜRKİYE PETROL RAFİNERİLERİ A.Ş."}
    (signal,) = payload["signals"]
    assert signal["type"] == "investment_statement" and signal["kind"] == "investment"
    assert signal["evidence"] == INVESTMENT
    assert signal["source_url"] == INVESTMENT_URL
    assert 0 < signal["probability"] <= 1 and signal["score"] > 0
    assert signal["occurred_at"].startswith("2026-11-23")

    (delivery,) = webhooks(session)
    assert delivery.status == "sent" and delivery.attempts == 1
    assert delivery.payload["body"].encode() == request.body  # the stored bytes were sent
    assert deliver(session, NOW + timedelta(days=1)) == (0, 0, 0)  # sent once, never again
    assert len(receiver.received) == 1


def test_500_then_200_is_delivered_on_the_second_attempt_after_the_backoff(
    session: Session, receiver: Receiver, one_alert: Alert
) -> None:
    receiver.reply(Reply(500))
    assert deliver(session, NOW, rng=random.Random(0)) == (0, 1, 0)
    (delivery,) = webhooks(session)
    assert delivery.status == "pending" and delivery.attempts == 1
    assert "HTTP 500" in (delivery.last_result or "")
    retry_at = naive(delivery.next_attempt_at)
    # 1 minute, plus at most 20 % jitter
    assert naive(NOW) + timedelta(minutes=1) <= retry_at <= naive(NOW) + timedelta(seconds=72)

    assert deliver(session, NOW + timedelta(seconds=59)) == (0, 0, 0)  # not due yet
    assert receiver.hits() == 1
    assert deliver(session, retry_at.replace(tzinfo=NOW.tzinfo)) == (1, 0, 0)
    assert delivery.status == "sent" and delivery.attempts == 2

    first, second = receiver.received
    assert first.body == second.body
    assert first.headers["idempotency-key"] == second.headers["idempotency-key"]
    assert first.headers["idempotency-key"] == f"radar-alert-{one_alert.id}"
    assert first.headers["x-radar-signature"] == second.headers["x-radar-signature"]
    assert verify(SECRET, second.body, second.headers["x-radar-signature"])


def test_backoff_grows_exponentially(
    session: Session, receiver: Receiver, one_alert: Alert
) -> None:
    receiver.reply(*[Reply(503)] * 4)
    now = NOW
    waits = []
    for _ in range(4):
        deliver(session, now, rng=random.Random(1))
        (delivery,) = webhooks(session)
        waits.append(naive(delivery.next_attempt_at) - naive(now))
        now = delivery.next_attempt_at.replace(tzinfo=NOW.tzinfo)  # type: ignore[union-attr]
    assert receiver.hits() == 4
    for attempt, wait in enumerate(waits):
        base = timedelta(minutes=2**attempt)
        assert base <= wait <= base * 1.2, (attempt, wait)


def test_backoff_has_jitter_and_a_ceiling() -> None:
    class Half(random.Random):
        def random(self) -> float:
            return 0.5

    assert webhook_backoff(1, Half()) == timedelta(minutes=1) * 1.1
    assert webhook_backoff(3, Half()) == timedelta(minutes=4) * 1.1
    assert webhook_backoff(60, Half()) == timedelta(hours=6) * 1.1  # capped, no overflow
    spread = {webhook_backoff(2, random.Random(seed)) for seed in range(10)}
    assert len(spread) == 10 and all(
        timedelta(minutes=2) <= wait <= timedelta(minutes=2.4) for wait in spread
    )


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 422])
def test_a_refusal_is_dead_lettered_at_once(
    session: Session, receiver: Receiver, one_alert: Alert, status: int
) -> None:
    receiver.reply(Reply(status))
    assert deliver(session, NOW) == (0, 0, 1)
    (delivery,) = webhooks(session)
    assert delivery.status == "dead" and delivery.attempts == 1
    assert f"HTTP {status}" in (delivery.last_result or "")
    assert deliver(session, NOW + timedelta(days=1)) == (0, 0, 0)
    assert receiver.hits() == 1


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503])
def test_transient_statuses_are_retried(
    session: Session, receiver: Receiver, one_alert: Alert, status: int
) -> None:
    receiver.reply(Reply(status))
    assert deliver(session, NOW) == (0, 1, 0)
    (delivery,) = webhooks(session)
    assert delivery.status == "pending"
    assert deliver(session, NOW + timedelta(hours=1)) == (1, 0, 0)
    assert receiver.hits() == 2


def test_retry_after_is_respected(session: Session, receiver: Receiver, one_alert: Alert) -> None:
    receiver.reply(Reply(429, headers={"Retry-After": "600"}))
    assert deliver(session, NOW) == (0, 1, 0)
    (delivery,) = webhooks(session)
    assert naive(delivery.next_attempt_at) >= naive(NOW) + timedelta(seconds=600)


def test_redirects_are_not_followed(session: Session, receiver: Receiver, one_alert: Alert) -> None:
    receiver.reply(Reply(307, headers={"Location": "/elsewhere"}))
    assert deliver(session, NOW) == (0, 0, 1)
    assert receiver.hits("/elsewhere") == 0
    (delivery,) = webhooks(session)
    assert "redirect" in (delivery.last_result or "")


def test_a_timeout_is_retried(session: Session, receiver: Receiver, one_alert: Alert) -> None:
    receiver.reply(Reply(200, delay=1.5))
    assert deliver(session, NOW, timeout=0.3) == (0, 1, 0)
    (delivery,) = webhooks(session)
    assert delivery.status == "pending" and delivery.attempts == 1
    assert "timed out" in (delivery.last_result or "")
    assert deliver(session, NOW + timedelta(minutes=5), timeout=2.0) == (1, 0, 0)
    first, second = receiver.received
    assert first.headers["idempotency-key"] == second.headers["idempotency-key"]
    assert first.body == second.body


def test_connection_refused_is_retried(session: Session, receiver: Receiver) -> None:
    make_company(session)
    make_document(session, INVESTMENT)
    _route(session, f"http://127.0.0.1:{free_port()}/crm/hooks")
    assert deliver(session, NOW) == (0, 1, 0)
    (delivery,) = webhooks(session)
    assert delivery.status == "pending" and delivery.attempts == 1
    assert naive(delivery.next_attempt_at) > naive(NOW)
    # the CRM comes back at that address
    delivery.target = receiver.url
    session.add(delivery)
    assert deliver(session, NOW + timedelta(minutes=5)) == (1, 0, 0)
    assert receiver.hits() == 1


def test_max_attempts_then_dead_letter(
    session: Session, receiver: Receiver, one_alert: Alert, caplog: pytest.LogCaptureFixture
) -> None:
    receiver.reply(*[Reply(503)] * 10)
    now = NOW
    reports = []
    for _ in range(5):
        reports.append(deliver(session, now, max_attempts=3))
        now += timedelta(days=1)
    assert reports == [(0, 1, 0), (0, 1, 0), (0, 0, 1), (0, 0, 0), (0, 0, 0)]
    (delivery,) = webhooks(session)
    assert delivery.status == "dead" and delivery.attempts == 3
    assert receiver.hits() == 3
    assert any("dead-lettered" in record.getMessage() for record in caplog.records)


def test_routing_twice_enqueues_once(session: Session, receiver: Receiver) -> None:
    make_company(session)
    make_document(session, "Tüpraş konkordato ilan etti.")  # manager + risk team: two alerts
    _route(session, receiver.url)
    _route(session, receiver.url)
    alerts = session.exec(select(Alert).order_by(col(Alert.id))).all()
    assert len(alerts) == 2
    queued = webhooks(session)
    assert {d.alert_id for d in queued} == {a.id for a in alerts}
    assert {d.idempotency_key for d in queued} == {f"radar-alert-{a.id}" for a in alerts}
    for alert in alerts:  # enqueueing again (a second worker, a rerun) changes nothing
        assert not enqueue_alert_webhook(session=session, alert=alert, url=receiver.url, now=NOW)
    assert len(webhooks(session)) == 2
    assert deliver(session, NOW) == (2, 0, 0)
    assert deliver(session, NOW + timedelta(days=1)) == (0, 0, 0)
    assert receiver.hits() == 2


def test_grouped_signals_are_all_in_the_body(session: Session, receiver: Receiver) -> None:
    make_company(session)
    first = make_document(session, INVESTMENT)
    second = make_document(session, "Tüpraş 2 milyar liralık yatırım yapacak!", url=INVESTMENT_URL)
    second.story_id = first.story_id  # the same story from another outlet: one alert
    session.add(second)
    session.flush()
    _route(session, receiver.url)
    deliver(session, NOW)
    (request,) = receiver.received
    assert len(json.loads(request.body)["signals"]) == 2


def test_suppressed_alerts_are_not_sent(session: Session, receiver: Receiver) -> None:
    make_company(session)
    make_document(session, INVESTMENT)
    _route(session, receiver.url)
    make_document(session, "Tüpraş İzmir'de de 1 milyar liralık yatırım yapacak.")
    _route(session, receiver.url, now=NOW + timedelta(hours=5))  # repeat: suppressed
    statuses = [a.status for a in session.exec(select(Alert).order_by(col(Alert.id)))]
    assert statuses == ["new", "suppressed"]
    assert len(webhooks(session)) == 1


def test_no_url_configured_enqueues_nothing(session: Session) -> None:
    make_company(session)
    make_document(session, "Tüpraş konkordato ilan etti.")
    _route(session, None)
    assert len(session.exec(select(Alert)).all()) == 2
    assert webhooks(session) == []


# --- settings and the jobs --------------------------------------------------------------------


def test_settings_require_a_secret_with_the_url() -> None:
    with pytest.raises(ValidationError, match="RADAR_WEBHOOK_SECRET is required"):
        Settings(webhook_url="https://crm.bank.example/hooks")
    with pytest.raises(ValidationError, match="RADAR_WEBHOOK_URL must be an http"):
        Settings(webhook_url="ftp://crm.bank.example/hooks", webhook_secret="x")
    assert Settings(webhook_url="", webhook_secret="").webhook_url is None
    settings = Settings(webhook_url="http://10.0.0.5/hooks", webhook_secret="k")
    assert settings.webhook_max_attempts == 8
    assert "k" not in repr(settings.webhook_secret)


def test_settings_read_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RADAR_WEBHOOK_URL", "http://crm.internal:8080/hooks")
    with pytest.raises(ValidationError, match="RADAR_WEBHOOK_SECRET"):
        Settings()
    monkeypatch.setenv("RADAR_WEBHOOK_SECRET", "abc")
    monkeypatch.setenv("RADAR_WEBHOOK_MAX_ATTEMPTS", "3")
    settings = Settings()
    assert settings.webhook_url == "http://crm.internal:8080/hooks"
    assert settings.webhook_max_attempts == 3


def _commit_company_and_document(engine: Engine) -> None:
    with Session(engine) as session:
        make_company(session)
        make_document(session, INVESTMENT, url=INVESTMENT_URL)
        session.commit()


def test_jobs_enqueue_and_deliver_when_the_url_is_set(
    engine: Engine, settings: Settings, receiver: Receiver
) -> None:
    _commit_company_and_document(engine)
    configured = settings.model_copy(
        update={"webhook_url": receiver.url, "webhook_secret": SecretStr(SECRET)}
    )
    _, routed = jobs.process_job(engine, configured, now=NOW)
    assert routed.created == 1 and routed.webhooks == 1
    report = jobs.deliver_job(engine, configured, now=NOW)  # no SMTP: webhooks only
    assert (report.sent, report.failed, report.dead) == (1, 0, 0)
    (request,) = receiver.received
    assert verify(SECRET, request.body, request.headers["x-radar-signature"])
    assert json.loads(request.body)["company"]["crm_id"] == "C1"


def test_jobs_without_a_url_enqueue_and_send_nothing(
    engine: Engine, settings: Settings, receiver: Receiver
) -> None:
    _commit_company_and_document(engine)
    assert settings.webhook_url is None
    _, routed = jobs.process_job(engine, settings, now=NOW)
    assert routed.created == 1 and routed.webhooks == 0
    report = jobs.deliver_job(engine, settings, now=NOW)
    assert (report.sent, report.failed, report.dead) == (0, 0, 0)
    with Session(engine) as session:
        assert webhooks(session) == []
    assert receiver.received == []

import email
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from alerts.digest import build_digest
from alerts.models import Delivery
from alerts.outbox import deliver_due, enqueue_digest_email
from alerts.routing import RoutingRules
from alerts.service import route_pending
from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy
from signals.pipeline import build_index, process
from tests.factories import NOW, make_company, make_document
from tests.smtp_server import Inbox, free_port

RULES = RoutingRules(
    risk_team_email="risk@bank.example", distress_threshold=0.3, repeat_window=timedelta(hours=72)
)


@pytest.fixture
def digest_ready(session: Session) -> None:
    make_company(session)
    make_document(
        session,
        "Tüpraş konkordato ilan etti.",
        title="Tüpraş'ta kriz",
        url="https://news.example/tupras-kriz",
    )
    process(
        session=session,
        now=NOW,
        classifier=CueClassifier(load_taxonomy()),
        index=build_index(session),
    )
    route_pending(session=session, rules=RULES, now=NOW)


@pytest.mark.usefixtures("digest_ready")
def test_digest_has_evidence_reason_and_link(session: Session) -> None:
    digest = build_digest(
        session=session,
        recipient="ayse@bank.example",
        day=NOW.date(),
        cap=10,
        api_base="http://radar.test",
        now=NOW,
    )
    assert digest is not None
    for body in (digest.html, digest.text):
        assert "TÜRKİYE PETROL RAFİNERİLERİ A.Ş." in body
        assert "Tüpraş konkordato ilan etti." in body
        assert "https://news.example/tupras-kriz" in body
        assert "exposure is directly at risk" in body
    assert "http://radar.test/api/v1/alerts/" in digest.html
    assert (
        build_digest(
            session=session,
            recipient="nobody@bank.example",
            day=NOW.date(),
            cap=10,
            api_base="",
            now=NOW,
        )
        is None
    )


@pytest.mark.usefixtures("digest_ready")
def test_digest_email_reaches_a_real_smtp_server(session: Session, smtp: tuple[str, Inbox]) -> None:
    url, inbox = smtp
    digest = build_digest(
        session=session,
        recipient="ayse@bank.example",
        day=NOW.date(),
        cap=10,
        api_base="http://radar.test",
        now=NOW,
    )
    assert digest is not None
    enqueue_digest_email(session=session, digest=digest, now=NOW)
    enqueue_digest_email(session=session, digest=digest, now=NOW)  # idempotent
    report = deliver_due(session=session, smtp_url=url, sender="radar@bank.example", now=NOW)
    assert report.sent == 1
    (message,) = inbox.messages
    assert message["To"] == "ayse@bank.example"
    parsed = email.message_from_string(message.as_string())
    kinds = {part.get_content_type() for part in parsed.walk()}
    assert {"text/plain", "text/html"} <= kinds
    assert deliver_due(session=session, smtp_url=url, sender="x@y", now=NOW).sent == 0


@pytest.mark.usefixtures("digest_ready")
def test_unreachable_smtp_backs_off_then_dead_letters(session: Session) -> None:
    digest = build_digest(
        session=session, recipient="ayse@bank.example", day=NOW.date(), cap=10, api_base="", now=NOW
    )
    assert digest is not None
    enqueue_digest_email(session=session, digest=digest, now=NOW)
    dead_url = f"smtp://127.0.0.1:{free_port()}"
    now = NOW
    for _ in range(5):
        deliver_due(session=session, smtp_url=dead_url, sender="radar@bank.example", now=now)
        now += timedelta(days=1)
    (delivery,) = session.exec(select(Delivery)).all()
    assert delivery.status == "dead" and delivery.attempts == 5
    assert "failed" in (delivery.last_result or "")

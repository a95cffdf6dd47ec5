from datetime import timedelta

from sqlmodel import Session, select

from alerts.models import Delivery
from alerts.outbox import deliver_due
from alerts.source_health import notify_admins
from collectors.models import SourceHealth
from tests.factories import NOW, make_source
from tests.smtp_server import Inbox

ADMIN = "admin@bank.example"


def health(session: Session, source_id: int | None, **fields: object) -> None:
    assert source_id is not None
    session.add(SourceHealth(source_id=source_id, **fields))
    session.flush()


def test_failing_and_silent_sources_notify_admins_once_a_day(
    session: Session, smtp: tuple[str, Inbox]
) -> None:
    start = NOW - timedelta(days=2)
    failing = make_source(session, "failing", every_seconds=1800, created_at=start)
    silent = make_source(session, "silent", every_seconds=1800, created_at=start)
    healthy = make_source(session, "healthy", every_seconds=1800, created_at=start)
    health(
        session,
        failing.id,
        error_streak=3,
        last_error="FetchFailed: 503",
        last_success_at=NOW - timedelta(minutes=20),
    )
    health(session, silent.id, error_streak=0, last_success_at=NOW - timedelta(hours=2))
    health(session, healthy.id, error_streak=1, last_success_at=NOW - timedelta(minutes=30))

    problems = notify_admins(session=session, admin_email=ADMIN, now=NOW)
    assert {p.source for p in problems} == {"failing", "silent"}
    assert "503" in next(p.reason for p in problems if p.source == "failing")
    notify_admins(session=session, admin_email=ADMIN, now=NOW + timedelta(hours=1))
    assert len(session.exec(select(Delivery)).all()) == 2  # once per source and day

    url, inbox = smtp
    assert (
        deliver_due(session=session, smtp_url=url, sender="radar@bank.example", now=NOW).sent == 2
    )
    subjects = sorted(str(m["Subject"]) for m in inbox.messages)
    assert subjects == [
        "Radar: source 'failing' needs attention",
        "Radar: source 'silent' needs attention",
    ]
    assert {m["To"] for m in inbox.messages} == {ADMIN}


def test_a_new_source_is_not_silent_yet(session: Session) -> None:
    make_source(session, "new", every_seconds=3600, created_at=NOW - timedelta(hours=1))
    assert notify_admins(session=session, admin_email=ADMIN, now=NOW) == []

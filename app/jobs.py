"""The jobs the CLI and the scheduler run; each opens one session and commits once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from alerts.digest import build_digest, recipients_for_day
from alerts.outbox import DeliveryReport, deliver_due, enqueue_digest_email
from alerts.routing import RoutingRules
from alerts.service import RouteReport, route_pending
from alerts.source_health import notify_admins
from app.db import session_scope
from app.nlp import classifier
from app.settings import Settings
from collectors.http import make_client
from collectors.runner import CollectReport, collect
from signals.pipeline import ProcessReport, build_index, process

log = logging.getLogger("radar.jobs")


def routing_rules(settings: Settings) -> RoutingRules:
    """Routing rules from settings."""
    return RoutingRules(
        risk_team_email=settings.risk_team_email,
        distress_threshold=settings.distress_risk_threshold,
        repeat_window=timedelta(hours=settings.repeat_window_hours),
    )


def collect_job(engine: Engine, settings: Settings, *, now: datetime, force: bool) -> CollectReport:
    """Fetch every due source (all of them with force) and store new documents."""
    client = make_client(
        timeout=settings.http_timeout_seconds,
        user_agent=settings.user_agent,
        allowed_networks=settings.allowed_network_list,
        min_interval_seconds=settings.http_min_interval_seconds,
    )
    with client, session_scope(engine) as session:
        return collect(
            session=session,
            client=client,
            now=now,
            force=force,
            collector_options={
                "max_bytes": settings.http_max_body_bytes,
                "retries": settings.http_retries,
            },
            kind_options={"rss": {"max_articles": settings.rss_max_articles}},
        )


def process_job(
    engine: Engine,
    settings: Settings,
    *,
    now: datetime,
    progress: Callable[[int], None] | None = None,
) -> tuple[ProcessReport, RouteReport]:
    """Link, classify and score new documents, then route the new signals to alerts."""
    with session_scope(engine) as session:
        processed = process(
            session=session,
            now=now,
            classifier=classifier(settings.use_trained_models),
            index=build_index(session),
            progress=progress,
        )
        routed = route_pending(session=session, rules=routing_rules(settings), now=now)
    return processed, routed


@dataclass
class DigestRun:
    """What a digest run wrote and sent."""

    files: list[Path]
    recipients: list[str]
    delivery: DeliveryReport | None


def digest_job(
    engine: Engine, settings: Settings, *, day: date, out_dir: Path, now: datetime
) -> DigestRun:
    """Render every recipient's digest for `day` to files, and e-mail them if SMTP is set."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    api_base = f"http://{settings.api_host}:{settings.api_port}"
    with session_scope(engine) as session:
        recipients = recipients_for_day(session=session, day=day)
        for recipient in recipients:
            digest = build_digest(
                session=session,
                recipient=recipient,
                day=day,
                cap=settings.manager_daily_cap,
                api_base=api_base,
                now=now,
            )
            if digest is None:
                continue
            stem = out_dir / f"{day.isoformat()}_{recipient}"
            files += _write(stem, digest.html, digest.text)
            if settings.smtp_url:
                enqueue_digest_email(session=session, digest=digest, now=now)
    delivery = deliver_job(engine, settings, now=now) if settings.smtp_url else None
    return DigestRun(files=files, recipients=recipients, delivery=delivery)


def source_health_job(engine: Engine, settings: Settings, *, now: datetime) -> int:
    """Notify the admins of failing or silent sources; returns how many there are."""
    with session_scope(engine) as session:
        problems = notify_admins(session=session, admin_email=settings.admin_email, now=now)
    for problem in problems:
        log.warning("source %s: %s", problem.source, problem.reason)
    return len(problems)


def deliver_job(engine: Engine, settings: Settings, *, now: datetime) -> DeliveryReport:
    """Send whatever the outbox has due."""
    assert settings.smtp_url is not None
    with session_scope(engine) as session:
        return deliver_due(
            session=session, smtp_url=settings.smtp_url, sender=settings.smtp_from, now=now
        )


def _write(stem: Path, html: str, text: str) -> list[Path]:
    # Not with_suffix(): an e-mail address ends in ".example" or ".com", which is no suffix.
    html_path, text_path = stem.parent / f"{stem.name}.html", stem.parent / f"{stem.name}.txt"
    html_path.write_text(html, encoding="utf-8")
    text_path.write_text(text, encoding="utf-8")
    return [html_path, text_path]


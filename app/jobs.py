"""The jobs the CLI and the scheduler run; each opens one session and commits once."""

from __future__ import annotations

import hashlib
import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from alerts.digest import build_digest, recipients_for_day
from alerts.outbox import (
    DeliveryReport,
    deliver_due,
    deliver_webhooks_due,
    enqueue_digest_email,
)
from alerts.routing import RoutingRules
from alerts.service import RouteReport, route_pending
from alerts.source_health import notify_admins
from app.db import session_scope
from app.nlp import classifier
from app.settings import Settings
from collectors.http import make_client
from collectors.runner import CollectReport, collect
from signals.matching import IndexHolder, NameIndex, gc_paused
from signals.models import Company
from signals.name_cache import name_fields
from signals.pipeline import ProcessReport, build_index, process
from signals.surge import detect_surges

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
    workers: int = 1,
) -> tuple[ProcessReport, RouteReport]:
    """Link, classify and score new documents, detect complaint surges, then route the new
    signals to alerts. `workers` > 1 forks that many processes (see signals.pipeline.process):
    only from a command whose other threads the workers never touch (`radar process`); the
    server's scheduled run, a thread of a multi-threaded process, keeps the default 1."""
    with session_scope(engine) as session:
        index = current_index(engine, session)
        processed = process(
            session=session,
            now=now,
            classifier=classifier(settings.use_trained_models),
            index=index,
            progress=progress,
            workers=workers,
        )
        # Complaint surges come from daily counts, not from one text: checked every run so
        # that the risk team hears of one in the same routing pass.
        for _ in detect_surges(session, now, index=index):
            processed.signals += 1
            processed.by_type["complaint_surge"] += 1
        routed = route_pending(
            session=session,
            rules=routing_rules(settings),
            now=now,
            webhook_url=settings.webhook_url,
        )
    return processed, routed


# One live name index per database (engine): a process that serves several databases, or a
# test suite that makes a fresh one per test, never sees another's portfolio.
_HOLDERS: weakref.WeakKeyDictionary[Engine, IndexHolder] = weakref.WeakKeyDictionary()
_HOLDERS_LOCK = threading.Lock()


def portfolio_version(session: Session) -> str:
    """A hash of every name-bearing field of the portfolio: it changes whenever the index
    would. (Counts and timestamps are not enough: a database emptied and refilled, as tests
    do, can repeat them with other names; reading five columns costs far less than a rebuild.)"""
    # The fields as the index build reads them, rows fetched at once and no cyclic GC
    # meanwhile: 1.3 s -> 0.5 s a job at 150,000 companies.
    query = name_fields().order_by(Company.__table__.c.id)  # type: ignore[attr-defined]
    digest = hashlib.blake2b(digest_size=16)
    with gc_paused():
        for row in session.execute(query).all():
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def current_index(engine: Engine, session: Session) -> NameIndex:
    """The engine's name index, rebuilt (and swapped in with one assignment) only when the
    portfolio version has changed since it was built."""
    with _HOLDERS_LOCK:
        holder = _HOLDERS.get(engine)
        if holder is None:
            holder = _HOLDERS[engine] = IndexHolder()
    version = portfolio_version(session)
    if holder.portfolio_version != version:
        with holder.rebuilding:  # one rebuild at a time; readers keep the old index meanwhile
            if holder.portfolio_version != version:
                holder.swap(build_index(session))
                holder.portfolio_version = version
    return holder.index


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
    """Send whatever the outbox has due: e-mail when SMTP is set, webhooks when their URL is."""
    total = DeliveryReport()
    reports: list[DeliveryReport] = []
    with session_scope(engine) as session:
        if settings.smtp_url:
            reports.append(
                deliver_due(
                    session=session, smtp_url=settings.smtp_url, sender=settings.smtp_from, now=now
                )
            )
        if settings.webhook_url and settings.webhook_secret is not None:
            reports.append(
                deliver_webhooks_due(
                    session=session,
                    secret=settings.webhook_secret.get_secret_value(),
                    now=now,
                    timeout=settings.webhook_timeout_seconds,
                    max_attempts=settings.webhook_max_attempts,
                )
            )
    for report in reports:
        total.sent += report.sent
        total.failed += report.failed
        total.dead += report.dead
    return total


def _write(stem: Path, html: str, text: str) -> list[Path]:
    # Not with_suffix(): an e-mail address ends in ".example" or ".com", which is no suffix.
    html_path, text_path = stem.parent / f"{stem.name}.html", stem.parent / f"{stem.name}.txt"
    html_path.write_text(html, encoding="utf-8")
    text_path.write_text(text, encoding="utf-8")
    return [html_path, text_path]

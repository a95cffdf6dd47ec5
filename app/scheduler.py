"""`radar run`: APScheduler jobs (collect, process, digest, deliver) beside the API."""

from __future__ import annotations

import logging
from datetime import timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import Engine

from app import jobs
from app.clock import utcnow
from app.settings import Settings

log = logging.getLogger("radar.scheduler")

COLLECT_EVERY = timedelta(
    minutes=1
)  # each source keeps its own period; this only checks who is due
PROCESS_EVERY = timedelta(minutes=2)


def build_scheduler(settings: Settings, engine: Engine) -> BackgroundScheduler:
    """Jobs that never overlap themselves (max_instances=1) and coalesce missed runs."""
    scheduler = BackgroundScheduler(
        timezone="UTC", job_defaults={"coalesce": True, "max_instances": 1}
    )
    scheduler.add_job(
        lambda: jobs.collect_job(engine, settings, now=utcnow(), force=False),
        "interval",
        seconds=COLLECT_EVERY.total_seconds(),
        id="collect",
        jitter=10,
    )
    scheduler.add_job(
        lambda: jobs.process_job(engine, settings, now=utcnow()),
        "interval",
        seconds=PROCESS_EVERY.total_seconds(),
        id="process",
    )
    scheduler.add_job(
        lambda: jobs.digest_job(
            engine, settings, day=utcnow().date(), out_dir=settings.out_dir, now=utcnow()
        ),
        "cron",
        hour=6,
        minute=30,
        id="digest",
    )
    scheduler.add_job(
        lambda: jobs.source_health_job(engine, settings, now=utcnow()),
        "interval",
        hours=1,
        id="source_health",
    )
    if settings.smtp_url or settings.webhook_url:
        scheduler.add_job(
            lambda: jobs.deliver_job(engine, settings, now=utcnow()),
            "interval",
            minutes=5,
            id="deliver",
        )
    return scheduler


def run_forever(settings: Settings, engine: Engine) -> None:
    """Start the scheduler, then serve the API in the foreground until Ctrl-C."""
    import uvicorn

    from app.main import create_app

    scheduler = build_scheduler(settings, engine)
    scheduler.start()
    log.warning("scheduler started with jobs: %s", ", ".join(j.id for j in scheduler.get_jobs()))
    try:
        uvicorn.run(create_app(settings, engine), host=settings.api_host, port=settings.api_port)
    finally:
        scheduler.shutdown(wait=False)

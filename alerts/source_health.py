"""Source-health notices: a source that keeps failing, or has gone silent for longer than
its expected period, is reported to the admins (failures are data, STYLE habit 8)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from alerts.outbox import enqueue_notice
from collectors.models import Source, SourceHealth

FAILING_STREAK = 3
SILENT_PERIODS = 3  # silent for three of its periods


@dataclass(frozen=True)
class SourceProblem:
    """One unhealthy source and why."""

    source: str
    reason: str


def unhealthy_sources(*, session: Session, now: datetime) -> list[SourceProblem]:
    """Enabled sources failing FAILING_STREAK times in a row or silent for too long."""
    problems = []
    rows = session.exec(
        select(Source, SourceHealth)
        .join(SourceHealth, col(SourceHealth.source_id) == col(Source.id), isouter=True)
        .where(Source.enabled == True)  # noqa: E712  (SQL comparison)
    ).all()
    for source, health in rows:
        expected = timedelta(seconds=source.every_seconds * SILENT_PERIODS)
        last_good = (health.last_success_at if health else None) or source.created_at
        if health and health.error_streak >= FAILING_STREAK:
            problems.append(
                SourceProblem(
                    source.name,
                    f"failed {health.error_streak} times in a row; last error: {health.last_error}",
                )
            )
        elif now - last_good > expected:
            problems.append(
                SourceProblem(
                    source.name,
                    f"no successful fetch since {last_good:%Y-%m-%d %H:%M} UTC "
                    f"(expected every {source.every_seconds // 60} min)",
                )
            )
    return problems


def notify_admins(*, session: Session, admin_email: str, now: datetime) -> list[SourceProblem]:
    """Enqueue one notice per unhealthy source and day (reruns the same day add nothing)."""
    problems = unhealthy_sources(session=session, now=now)
    for problem in problems:
        enqueue_notice(
            session=session,
            key=f"source-health:{problem.source}:{now.date().isoformat()}",
            recipient=admin_email,
            subject=f"Radar: source '{problem.source}' needs attention",
            text=f"Source '{problem.source}': {problem.reason}.\n\nSee `radar sources list`.",
            now=now,
        )
    return problems

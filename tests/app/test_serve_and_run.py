"""`radar serve` and `radar run` wire the API (and the scheduler) to the configured database."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Engine
from typer.testing import CliRunner

from app.cli import app
from app.scheduler import build_scheduler
from app.settings import Settings


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> dict[str, Any]:
    monkeypatch.setenv("RADAR_DATABASE_URL", settings.database_url)
    captured: dict[str, Any] = {}

    def fake_run(api: FastAPI, **options: Any) -> None:
        captured.update(app=api, **options)

    monkeypatch.setattr("uvicorn.run", fake_run)
    return captured


def test_serve_runs_the_api_on_the_configured_address(served: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 0, result.output
    assert (served["host"], served["port"]) == ("127.0.0.1", 8000)
    assert TestClient(served["app"]).get("/api/v1/health").json()["database"] == "ok"


def test_run_starts_the_scheduler_and_the_api(served: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["run"])
    assert result.exit_code == 0, result.output
    assert TestClient(served["app"]).get("/api/v1/health").status_code == 200


def test_scheduler_jobs_do_not_overlap_and_run(engine: Engine, settings: Settings) -> None:
    scheduler = build_scheduler(settings, engine)
    scheduler.start(paused=True)
    try:
        jobs = {job.id: job for job in scheduler.get_jobs()}
        assert {"collect", "process", "digest"} <= set(jobs)
        assert all(job.max_instances == 1 and job.coalesce for job in jobs.values())
        jobs["collect"].func()  # no sources yet: runs and stores nothing
        jobs["process"].func()
    finally:
        scheduler.shutdown(wait=False)


def test_webhooks_alone_schedule_the_delivery_job(engine: Engine, settings: Settings) -> None:
    assert "deliver" not in {job.id for job in build_scheduler(settings, engine).get_jobs()}
    with_webhooks = settings.model_copy(
        update={"webhook_url": "http://127.0.0.1:9/hook", "webhook_secret": SecretStr("s")}
    )
    assert with_webhooks.smtp_url is None
    assert "deliver" in {job.id for job in build_scheduler(with_webhooks, engine).get_jobs()}

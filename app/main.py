"""create_app(settings): routers, error handlers, the engine on app.state."""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import Engine

from app import problems
from app.api import alerts, health, match, timeline
from app.db import make_engine
from app.settings import Settings


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    """The Radar API; OpenAPI docs at /docs."""
    settings = settings or Settings()
    app = FastAPI(
        title="Radar",
        version="0.1.0",
        description="Investment and distress signals about a bank's corporate customers.",
    )
    app.state.settings = settings
    app.state.engine = engine or make_engine(settings.database_url)
    problems.install(app)
    for module in (health, timeline, alerts, match):
        app.include_router(module.router, prefix="/api/v1")
    return app

"""`radar demo` end to end: bundled real feeds over loopback → digests about real companies."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from sqlalchemy import Engine
from sqlmodel import Session, func, select

from alerts.models import Alert, Digest
from app.demo import run_demo
from app.settings import Settings
from collectors.models import Document, SourceHealth
from signals.models import Company, Mention, Signal

TABLES = (Document, Mention, Signal, Alert, Digest, Company)


def counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {t.__name__: session.exec(select(func.count()).select_from(t)).one() for t in TABLES}


def test_demo_runs_offline_and_twice_duplicates_nothing(engine: Engine, settings: Settings) -> None:
    settings = settings.model_copy(
        update={"allowed_networks": ""}
    )  # the demo allows loopback itself
    console = Console(record=True, width=120)
    run_demo(settings, console=console, serve=False)
    first = counts(engine)
    summary = console.export_text()
    assert first["Document"] > 50 and first["Signal"] > 5 and first["Alert"] > 5, first
    assert "digest(s) written to" in summary and "signals per type" in summary
    with Session(engine) as session:
        healthy = session.exec(select(SourceHealth)).all()
        assert len(healthy) >= 4 and all(h.error_streak == 0 for h in healthy)
        named = session.exec(
            select(Company.legal_name).join(Signal, Signal.company_id == Company.id)
        ).all()
    digests = sorted(Path(settings.out_dir).glob("*.html"))
    assert digests, "no digest written"
    html = " ".join(path.read_text(encoding="utf-8") for path in digests)
    assert any(name in html for name in named)
    run_demo(settings, console=Console(record=True), serve=False)
    assert counts(engine) == first

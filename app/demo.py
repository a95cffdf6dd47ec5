"""`radar demo`: the main job on bundled real data, offline, then the API."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table
from sqlmodel import Session, col, func, select

from alerts.models import Alert
from app import jobs
from app.clock import utcnow
from app.db import make_engine, session_scope, upgrade
from app.feed_server import FeedServer
from app.keys import create_key
from app.settings import Settings
from collectors.models import Document
from collectors.runner import add_source
from signals.models import Mention, Signal
from signals.portfolio import import_portfolio, parse_portfolio

DEMO_DATA = Path(__file__).parent / "demo_data"
DEMO_SOURCES = {  # name: (kind, file in demo_data/feeds)
    "TTC-3600 ekonomi (1)": ("rss", "tr_ekonomi_1.xml"),
    "TTC-3600 ekonomi (2)": ("rss", "tr_ekonomi_2.xml"),
    "TechCrunch": ("rss", "TechCrunch.xml"),
    "Google Alerts": ("rss", "google_alerts_atom.xml"),
    "SEC EDGAR current filings": ("disclosures", "edgar_current.xml"),
    "TED notices": ("tenders", "ted/listing.txt"),
    "USPTO weekly grants": ("patents", "uspto_grants_bulk.xml"),
}


def run_demo(settings: Settings, *, console: Console, serve: bool) -> None:
    """Import the demo portfolio, collect the bundled feeds over loopback, process, digest."""
    # The demo's feeds live on 127.0.0.1: allow exactly that network, nothing more.
    settings = settings.model_copy(
        # Offline: the recorded feeds' item links point at real sites, never fetched here.
        update={
            "allowed_networks": "127.0.0.0/8",
            "http_min_interval_seconds": 0.0,
            "rss_max_articles": 0,
        }
    )
    engine = make_engine(settings.database_url)
    upgrade(engine)
    now = utcnow()
    rows = parse_portfolio((DEMO_DATA / "portfolio.csv").read_bytes())
    with session_scope(engine) as session:
        import_portfolio(session=session, rows=rows, now=now)
    console.print(
        f"portfolio: {len(rows)} companies (real names) from {DEMO_DATA / 'portfolio.csv'}"
    )
    with FeedServer(DEMO_DATA / "feeds") as server:
        with session_scope(engine) as session:
            for name, (kind, file) in DEMO_SOURCES.items():
                add_source(
                    session=session,
                    kind=kind,
                    name=name,
                    url=f"{server.base_url}/{file}",
                    every_seconds=1800,
                    allowed_networks=settings.allowed_network_list,
                    now=now,
                )
        collected = jobs.collect_job(engine, settings, now=now, force=True)
    console.print(
        f"collected {collected.items_seen} items from {collected.sources_run} feeds: "
        f"{collected.documents_new} new documents, {collected.sources_failed} failed"
    )
    jobs.process_job(engine, settings, now=now)
    out_dir = settings.out_dir
    run = jobs.digest_job(engine, settings, day=now.date(), out_dir=out_dir, now=now)
    with session_scope(engine) as session:
        _summary(session, console, out_dir, len(run.files) // 2)
        key = create_key(
            session=session, name="demo admin", role="admin", manager_email=None, now=now
        )
    if not serve:
        return
    import uvicorn

    from app.main import create_app

    console.print(
        f"\nAPI on http://{settings.api_host}:{settings.api_port}/docs — try\n"
        f"  curl -H 'X-API-Key: {key}' http://{settings.api_host}:{settings.api_port}"
        f"/api/v1/alerts\nCtrl-C stops it."
    )
    uvicorn.run(
        create_app(settings, engine),
        host=settings.api_host,
        port=settings.api_port,
        log_level="warning",
    )


def _summary(session: Session, console: Console, out_dir: Path, digests: int) -> None:
    documents = session.exec(select(func.count()).select_from(Document)).one()
    mentions = session.exec(select(func.count()).select_from(Mention)).one()
    linked = session.exec(select(func.count(func.distinct(Mention.document_id)))).one()
    by_type = Counter(
        dict(session.exec(select(Signal.type, func.count()).group_by(col(Signal.type))).all())
    )
    per_recipient = session.exec(
        select(Alert.recipient, Alert.status, func.count()).group_by(
            col(Alert.recipient), col(Alert.status)
        )
    ).all()
    console.print(
        f"\n[bold]Radar demo[/]: {documents} documents, {linked} naming a customer, "
        f"{mentions} mentions, {sum(by_type.values())} signals"
    )
    types = Table("signal type", "count", title="signals per type")
    for signal_type, count in by_type.most_common():
        types.add_row(signal_type, str(count))
    console.print(types)
    alerts = Table("recipient", "new", "suppressed", title="alerts per recipient")
    counts: dict[str, Counter[str]] = {}
    for recipient, status, count in per_recipient:
        counts.setdefault(recipient, Counter())[status] += count
    for recipient, by_status in sorted(counts.items()):
        alerts.add_row(
            recipient, str(by_status["new"] + by_status["acked"]), str(by_status["suppressed"])
        )
    console.print(alerts)
    console.print(f"{digests} digest(s) written to {out_dir.resolve()}/")

"""`radar`: every command opens one session per job and commits once."""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from sqlalchemy import Engine
from sqlmodel import col, func, select

from alerts.errors import AlertsError
from alerts.service import RouteReport
from app import jobs
from app.clock import utcnow
from app.db import make_engine, session_scope, upgrade
from app.keys import InvalidKeyRequest, create_key
from app.models import AuditEntry
from app.settings import Settings
from collectors.errors import CollectorError
from collectors.models import Document
from collectors.runner import add_source, source_health_rows
from signals.errors import PortfolioInvalid, SignalsError
from signals.pipeline import ProcessReport
from signals.portfolio import import_portfolio, parse_portfolio

app = typer.Typer(
    help="Radar: investment and distress signals about your corporate customers.",
    no_args_is_help=True,
    add_completion=False,
)
sources_app = typer.Typer(help="Sources Radar reads.", no_args_is_help=True)
keys_app = typer.Typer(help="API keys.", no_args_is_help=True)
portfolio_app = typer.Typer(help="The stored portfolio.", no_args_is_help=True)
app.add_typer(sources_app, name="sources")
app.add_typer(keys_app, name="keys")
app.add_typer(portfolio_app, name="portfolio")
console = Console()
err = Console(stderr=True)


def _engine(settings: Settings) -> Engine:
    engine = make_engine(settings.database_url)
    upgrade(engine)
    return engine


def _fail(message: str, problems: list[str] | None = None) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}")
    for problem in problems or []:
        err.print(f"  - {problem}")
    return typer.Exit(code=2)


@app.command()
def init() -> None:
    """Create or migrate the database."""
    settings = Settings()
    _engine(settings)
    console.print(f"database ready: {settings.database_url}")


@app.command("import-portfolio")
def import_portfolio_command(file: Path) -> None:
    """Import the CRM's portfolio CSV (upsert by crm_id); a bad file is rejected whole."""
    if not file.is_file():
        raise _fail(f"{file} is not a file")
    try:
        rows = parse_portfolio(file.read_bytes())
    except PortfolioInvalid as exc:
        raise _fail(f"{file} rejected, nothing changed", exc.problems) from exc
    engine = _engine(Settings())
    now = utcnow()
    with session_scope(engine) as session:
        report = import_portfolio(session=session, rows=rows, now=now)
        session.add(
            AuditEntry(
                at=now,
                actor="cli",
                action="import-portfolio",
                detail=f"{file.name}: {report.rows} rows",
            )
        )
    console.print(
        f"imported {report.rows} companies: {report.created} new, {report.updated} updated"
    )


@sources_app.command("add")
def sources_add(
    kind: Annotated[str, typer.Option(help="source kind, e.g. rss")],
    name: Annotated[str, typer.Option(help="a unique name")],
    url: Annotated[str, typer.Option(help="the source URL")],
    every: Annotated[str, typer.Option(help="how often: 30m, 2h, 1d")] = "30m",
) -> None:
    """Register a source (or update the one with this name)."""
    settings = Settings()
    try:
        seconds = parse_interval(every)
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    engine = _engine(settings)
    try:
        with session_scope(engine) as session:
            source = add_source(
                session=session,
                kind=kind,
                name=name,
                url=url,
                every_seconds=seconds,
                allowed_networks=settings.allowed_network_list,
                now=utcnow(),
            )
            console.print(f"source {source.name!r} ({source.kind}) every {every}: {source.url}")
    except CollectorError as exc:
        raise _fail(str(exc)) from exc


def parse_interval(text: str) -> int:
    """'30m' → 1800 seconds; units s, m, h, d."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    value, unit = text[:-1], text[-1:]
    if unit not in units or not value.isdigit() or int(value) <= 0:
        raise ValueError(f"--every must look like 30m, 2h or 1d, not {text!r}")
    return int(value) * units[unit]


@sources_app.command("list")
def sources_list() -> None:
    """Sources with their health."""
    engine = _engine(Settings())
    table = Table("name", "kind", "every", "last success", "errors", "last error", "next", "url")
    with session_scope(engine) as session:
        for source, health in source_health_rows(session=session):
            table.add_row(
                source.name,
                source.kind,
                f"{source.every_seconds // 60}m",
                _when(health.last_success_at if health else None),
                str(health.error_streak if health else 0),
                (health.last_error or "")[:60] if health else "",
                _when(health.next_attempt_at if health else None),
                source.url,
            )
    console.print(table)


def _when(value: object) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else "—"  # type: ignore[attr-defined]


@app.command()
def collect(
    once: Annotated[bool, typer.Option("--once", help="run all sources once now")] = False,
) -> None:
    """Fetch sources and store new documents (only due ones, or all with --once)."""
    settings = Settings()
    report = jobs.collect_job(_engine(settings), settings, now=utcnow(), force=once)
    for name, status, new, error in report.per_source:
        console.print(f"  {name}: {status}, {new} new" + (f" — {error}" if error else ""))
    console.print(
        f"collected from {report.sources_run} source(s): {report.documents_new} new "
        f"document(s), {report.sources_failed} failed"
    )


@app.command()
def process(
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            help="processes for linking and classification (forked; one per core helps)",
        ),
    ] = 1,
) -> None:
    """Link, classify and score new documents; route new signals to alerts."""
    settings = Settings()
    engine = _engine(settings)
    processed, routed = _process_with_bar(engine, settings, workers)
    console.print(
        f"processed {processed.documents} document(s): {processed.mentions} mention(s), "
        f"{processed.signals} signal(s); {routed.created} alert(s), "
        f"{routed.suppressed} suppressed"
    )


def _process_with_bar(
    engine: Engine, settings: Settings, workers: int = 1
) -> tuple[ProcessReport, RouteReport]:
    with session_scope(engine) as session:
        todo = session.exec(
            select(func.count()).select_from(Document).where(col(Document.processed_at).is_(None))
        ).one()
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("processing", total=todo)
        return jobs.process_job(
            engine,
            settings,
            now=utcnow(),
            progress=lambda n: bar.advance(task, n),
            workers=workers,
        )


@app.command()
def digest(
    day: Annotated[str, typer.Option("--date", help="YYYY-MM-DD (default today)")] = "",
    out: Annotated[Path | None, typer.Option("--out", help="folder for the files")] = None,
) -> None:
    """Write each manager's daily digest (HTML and text); e-mail them when RADAR_SMTP_URL is set."""
    settings = Settings()
    try:
        when = date.fromisoformat(day) if day else utcnow().date()
    except ValueError as exc:
        raise _fail(f"--date must be YYYY-MM-DD, not {day!r}") from exc
    try:
        run = jobs.digest_job(
            _engine(settings), settings, day=when, out_dir=out or settings.out_dir, now=utcnow()
        )
    except AlertsError as exc:
        raise _fail(str(exc)) from exc
    console.print(
        f"{len(run.recipients)} digest(s) for {when}: "
        + ", ".join(str(p) for p in run.files if p.suffix == ".html")
    )
    if run.delivery:
        console.print(
            f"e-mail: {run.delivery.sent} sent, {run.delivery.failed} to retry, "
            f"{run.delivery.dead} dead"
        )


@app.command()
def serve() -> None:
    """Serve the API (OpenAPI at /docs)."""
    import uvicorn

    from app.main import create_app

    settings = Settings()
    uvicorn.run(
        create_app(settings, _engine(settings)), host=settings.api_host, port=settings.api_port
    )


@app.command()
def run() -> None:
    """Scheduler (collect, process, digest, deliver) and API in one process."""
    from app.scheduler import run_forever

    settings = Settings()
    run_forever(settings, _engine(settings))


@app.command()
def demo(
    serve_api: Annotated[
        bool, typer.Option("--serve/--no-serve", help="serve the API afterwards")
    ] = True,
) -> None:
    """Everything on bundled real data, offline: feeds → documents → signals → digests → API."""
    from app.demo import run_demo

    run_demo(Settings(), console=console, serve=serve_api)


@app.command("eval")
def eval_command(
    portfolio: Annotated[Path, typer.Option(help="portfolio CSV")],
    gold: Annotated[Path, typer.Option(help="labelled documents, JSONL")],
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
) -> None:
    """Quality of linking and signals on a labelled set (the production pipeline)."""
    from app.evaluation import evaluate

    for path in (portfolio, gold):
        if not path.is_file():
            raise _fail(f"{path} is not a file")
    try:
        result = evaluate(portfolio, gold, now=utcnow())
    except (PortfolioInvalid, SignalsError) as exc:
        raise _fail(str(exc)) from exc
    except (ValueError, KeyError) as exc:
        raise _fail(f"{gold} is not in the labelled-document format: {exc!r}") from exc
    if as_json:
        print(json.dumps(result, ensure_ascii=False))
        return
    console.print_json(json.dumps({k: v for k, v in result.items() if k != "errors"}))


@app.command()
def train() -> None:
    """Train the sentence models (fixed seed) into signals/data/models/ from the repository's
    data (English also reads ../shared/data/sentivent_silver); commit what it writes."""
    from app.training import train_all

    with console.status("training (about 30 s)…"):
        report = train_all()
    for lang, figures in report.items():
        console.print(f"{lang}: {figures}")


@keys_app.command("add")
def keys_add(
    role: Annotated[str, typer.Option(help="admin, integration, risk or manager")],
    name: Annotated[str, typer.Option(help="what the key is for")] = "",
    manager: Annotated[str | None, typer.Option(help="the manager's e-mail (manager keys)")] = None,
) -> None:
    """Create an API key and print it once."""
    engine = _engine(Settings())
    try:
        with session_scope(engine) as session:
            key = create_key(
                session=session, name=name or role, role=role, manager_email=manager, now=utcnow()
            )
    except InvalidKeyRequest as exc:
        raise _fail(str(exc)) from exc
    console.print(key)


@portfolio_app.command("duplicates")
def portfolio_duplicates(
    limit: Annotated[int, typer.Option(help="show at most this many pairs")] = 50,
    threshold: Annotated[float, typer.Option(help="lowest score shown (0-1)")] = 0.85,
) -> None:
    """Likely duplicate companies: same tax number, ticker or normalised name, or a very
    similar name in the same city; each pair with its score and reasons."""
    from signals.duplicates import find_duplicates, portfolio_entries

    engine = _engine(Settings())
    with session_scope(engine) as session:
        entries = portfolio_entries(session)
    pairs = find_duplicates(entries, threshold=threshold)
    table = Table("score", "crm_id", "legal name", "crm_id", "legal name", "reasons")
    for pair in pairs[:limit]:
        table.add_row(
            f"{pair.score:.2f}",
            pair.first.crm_id,
            pair.first.legal_name,
            pair.second.crm_id,
            pair.second.legal_name,
            "; ".join(pair.reasons),
        )
    console.print(table)
    console.print(
        f"{len(pairs)} likely duplicate pair(s) among {len(entries)} companies"
        + (f", {limit} shown" if len(pairs) > limit else "")
    )


def main() -> None:
    """Entry point of the `radar` script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()


if __name__ == "__main__":
    main()

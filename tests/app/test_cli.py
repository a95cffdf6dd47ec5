"""Every `radar` command, run through Typer's runner against the test database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from app.cli import app
from app.clock import utcnow
from app.feed_server import FeedServer
from app.settings import Settings
from signals.models import Company
from signals.portfolio import COLUMNS
from tests.smtp_server import Inbox

runner = CliRunner()
DEMO = Path(__file__).resolve().parents[2] / "app" / "demo_data"
HEADER = ",".join(COLUMNS)
PORTFOLIO = (
    f"{HEADER}\n"
    "TR1,TÜRKİYE PETROL RAFİNERİLERİ A.Ş.,Tüpraş,,TUPRS,,,ayse@bank.example,5000000,,active\n"
    "TR2,ASELSAN ELEKTRONİK SANAYİ VE TİCARET A.Ş.,,,ASELS,,,mehmet@bank.example,,,active\n"
)


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, settings: Settings, tmp_path: Path) -> None:
    monkeypatch.setenv("RADAR_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("RADAR_ALLOWED_NETWORKS", "127.0.0.0/8")
    monkeypatch.setenv("RADAR_OUT_DIR", str(tmp_path / "out"))
    monkeypatch.delenv("RADAR_SMTP_URL", raising=False)
    monkeypatch.setenv("RADAR_RSS_MAX_ARTICLES", "0")  # demo feeds link to real sites


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def companies(engine: Engine) -> dict[str, str]:
    with Session(engine) as session:
        return {c.crm_id: c.legal_name for c in session.exec(select(Company)).all()}


def test_init_is_repeatable() -> None:
    assert invoke("init")[0] == 0
    assert invoke("init")[0] == 0


def test_import_portfolio_twice_is_idempotent(tmp_path: Path, engine: Engine) -> None:
    path = write(tmp_path, "p.csv", PORTFOLIO)
    code, out = invoke("import-portfolio", str(path))
    assert code == 0 and "2 new" in out
    code, out = invoke("import-portfolio", str(path))
    assert code == 0 and "0 new, 2 updated" in out
    assert set(companies(engine)) == {"TR1", "TR2"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("crm_id;legal_name\nX;Y\n", "line 1: header must be"),
        (PORTFOLIO.encode("cp1254"), "not UTF-8"),
        (PORTFOLIO + "TR1,Again A.Ş.,,,,,,,,,active\n", "line 4: duplicate crm_id"),
        (PORTFOLIO + "TR9,,,,,,,,,,active\n", "line 4: legal_name is empty"),
    ],
)
def test_bad_portfolio_is_rejected_whole_and_changes_nothing(
    tmp_path: Path, engine: Engine, content: str | bytes, message: str
) -> None:
    invoke("import-portfolio", str(write(tmp_path, "good.csv", PORTFOLIO)))
    before = companies(engine)
    bad = content if isinstance(content, bytes) else content.replace("TÜRKİYE", "CHANGED")
    code, out = invoke("import-portfolio", str(write(tmp_path, "bad.csv", bad)))
    assert code == 2
    assert message in out and "nothing changed" in out
    assert companies(engine) == before


def test_missing_portfolio_file() -> None:
    code, out = invoke("import-portfolio", "/nonexistent.csv")
    assert code == 2 and "is not a file" in out


def test_sources_add_validates_and_lists(tmp_path: Path) -> None:
    code, out = invoke(
        "sources", "add", "--kind", "rss", "--name", "n", "--url", "http://127.0.0.1:9/feed.xml"
    )
    assert code == 0, out
    code, out = invoke(
        "sources", "add", "--kind", "carrier-pigeon", "--name", "x", "--url", "http://127.0.0.1/"
    )
    assert code == 2 and "carrier-pigeon" in out
    code, out = invoke(
        "sources", "add", "--kind", "rss", "--name", "y", "--url", "http://10.1.2.3/feed"
    )
    assert code == 2
    code, out = invoke(
        "sources",
        "add",
        "--kind",
        "rss",
        "--name",
        "z",
        "--url",
        "http://127.0.0.1/",
        "--every",
        "soon",
    )
    assert code == 2 and "--every" in out
    code, out = invoke("sources", "list")
    assert code == 0 and "n" in out and "rss" in out


def test_keys_add(engine: Engine) -> None:
    code, out = invoke("keys", "add", "--role", "risk")
    assert code == 0 and out.strip().startswith("rk_")
    code, out = invoke("keys", "add", "--role", "manager")
    assert code == 2 and "--manager" in out
    code, out = invoke("keys", "add", "--role", "god")
    assert code == 2


def test_eval_prints_the_designed_json(tmp_path: Path) -> None:
    portfolio = write(tmp_path, "p.csv", PORTFOLIO)
    gold = write(
        tmp_path,
        "g.jsonl",
        "\n".join(
            json.dumps(d, ensure_ascii=False)
            for d in [
                {
                    "id": "a",
                    "lang": "tr",
                    "title": "",
                    "text": "Tüpraş konkordato ilan etti.",
                    "url": None,
                    "published": None,
                    "source": "t",
                    "labels": [{"crm_id": "TR1", "signals": ["insolvency"]}],
                },
                {
                    "id": "b",
                    "lang": "tr",
                    "title": "",
                    "text": "Aselsan'a dava açıldı. Hava güzel.",
                    "url": None,
                    "published": None,
                    "source": "t",
                    "labels": [{"crm_id": "TR2", "signals": ["fine"]}],
                },
            ]
        ),
    )
    code, out = invoke("eval", "--portfolio", str(portfolio), "--gold", str(gold), "--json")
    assert code == 0, out
    result = json.loads(out)
    assert result["documents"] == 2
    assert result["linking"] == {
        "tp": 2,
        "fp": 0,
        "fn": 0,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    micro = result["signals"]["micro"]
    assert (micro["tp"], micro["fp"], micro["fn"]) == (1, 1, 1)
    assert {(e["id"], e["kind"], e["type"]) for e in result["errors"]} == {
        ("b", "fn", "fine"),
        ("b", "fp", "lawsuit"),
    }
    code, out = invoke(
        "eval", "--portfolio", str(portfolio), "--gold", str(write(tmp_path, "x.jsonl", "{}"))
    )
    assert code == 2 and "labelled-document format" in out


def test_collect_process_digest_by_hand_with_email(
    tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch, smtp: tuple[str, Inbox]
) -> None:
    """The main job one command at a time: real demo feeds over loopback, digests e-mailed."""
    url, inbox = smtp
    monkeypatch.setenv("RADAR_SMTP_URL", url)
    assert invoke("import-portfolio", str(DEMO / "portfolio.csv"))[0] == 0
    with FeedServer(DEMO / "feeds") as server:
        code, out = invoke(
            "sources",
            "add",
            "--kind",
            "rss",
            "--name",
            "tr1",
            "--url",
            f"{server.base_url}/tr_ekonomi_1.xml",
            "--every",
            "1h",
        )
        assert code == 0, out
        code, out = invoke("collect", "--once")
        assert code == 0 and "26 new document(s)" in out, out
        code, out = invoke("collect")  # nothing is due yet
        assert code == 0 and "collected from 0 source(s)" in out, out
    code, out = invoke("process")
    assert code == 0 and "processed 26 document(s)" in out, out
    day = utcnow().date().isoformat()
    code, out = invoke("digest", "--date", day, "--out", str(tmp_path / "digests"))
    assert code == 0, out
    files = sorted((tmp_path / "digests").glob(f"{day}_*.html"))
    assert files and "e-mail: " in out
    assert {m["To"] for m in inbox.messages} == {
        f.name.removesuffix(".html").split("_", 1)[1] for f in files
    }
    assert invoke("digest", "--date", "yesterday")[0] == 2

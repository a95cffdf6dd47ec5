"""Shared fixtures: one database per run (SQLite by default, PostgreSQL via
RADAR_TEST_DATABASE_URL), emptied between tests; settings pointing at it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session, SQLModel

from app.db import make_engine, upgrade
from app.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
pytest_plugins = ["tests.smtp_server"]  # the `smtp` fixture: a real aiosmtpd server


def _test_database_url(tmp_root: Path) -> str:
    return os.environ.get("RADAR_TEST_DATABASE_URL") or f"sqlite:///{tmp_root / 'radar-test.db'}"


def _reset_schema(engine: Engine) -> None:
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        else:
            SQLModel.metadata.drop_all(connection)
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _test_database_url(tmp_path_factory.mktemp("db"))


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    _reset_schema(engine)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture(autouse=True)
def _empty_tables(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every test that uses the database starts from empty tables."""
    yield
    if "engine" not in request.fixturenames:
        return
    engine: Engine = request.getfixturevalue("engine")
    with engine.begin() as connection:
        for table in reversed(SQLModel.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def settings(database_url: str, tmp_path: Path, engine: Engine) -> Settings:
    return Settings(
        database_url=database_url,
        allowed_networks="127.0.0.0/8",
        out_dir=tmp_path / "out",
        http_timeout_seconds=2.0,
        http_retries=1,
        http_min_interval_seconds=0.0,
        rss_max_articles=0,  # recorded feeds link to real sites: never fetch them in tests
    )

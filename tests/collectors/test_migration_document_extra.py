"""Migration 0003 adds Document.extra: a database made at 0002, with documents in it, upgrades
without losing anything, and the PostgreSQL DDL is a plain ADD COLUMN with a default."""

from __future__ import annotations

import importlib.util
import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlmodel import Session, col, select
from sqlmodel.sql.sqltypes import UTCDateTime

from app.db import MIGRATIONS, alembic_config, make_engine
from collectors.models import Document, Source

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)

# The tables as revision 0002 has them (the models already carry the new column).
SOURCE_0002 = sa.table(
    "source",
    *(sa.column(name) for name in ("id", "name", "kind", "url", "every_seconds")),
    *(sa.column(name) for name in ("reliability", "enabled")),
    sa.column("state", sa.JSON()),
    sa.column("created_at", UTCDateTime()),
)
DOCUMENT_0002 = sa.table(
    "document",
    *(sa.column(name) for name in ("id", "source_id", "canonical_url", "content_hash")),
    *(sa.column(name) for name in ("title", "text", "language", "story_id")),
    *(sa.column(name, UTCDateTime()) for name in ("published_at", "fetched_at", "processed_at")),
)
ROW: dict[str, Any] = {
    "id": 7,
    "source_id": 1,
    "canonical_url": "https://ted.europa.eu/notice/154292-2020",
    "content_hash": "a" * 64,
    "title": "Winter Maintenance — Kåfjord Kommune",
    "text": "Contract award notice 2020/S 064-154292.",
    "language": "en",
    "story_id": None,
    "published_at": datetime(2020, 3, 31, tzinfo=UTC),
    "fetched_at": NOW,
    "processed_at": NOW,
}


def test_a_database_at_0002_with_documents_upgrades_without_loss(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'at-0002.db'}")
    config = alembic_config(engine)
    command.upgrade(config, "0002")
    with engine.begin() as connection:
        assert "extra" not in {c["name"] for c in sa.inspect(connection).get_columns("document")}
        connection.execute(
            SOURCE_0002.insert().values(
                id=1,
                name="TED",
                kind="tenders",
                url="https://ted.europa.eu/list.txt",
                every_seconds=3600,
                reliability=0.8,
                enabled=True,
                state={"etag": '"x"'},
                created_at=NOW,
            )
        )
        connection.execute(DOCUMENT_0002.insert().values(**ROW))

    command.upgrade(config, "head")

    with Session(engine) as session:
        document = session.exec(select(Document)).one()
        assert document.model_dump(exclude={"extra"}) == ROW
        assert document.extra == {}  # the server default filled the old row
        assert session.exec(select(Source)).one().state == {"etag": '"x"'}
        # New rows take and give back their extra.
        session.add(
            Document(
                source_id=1,
                canonical_url="https://ted.europa.eu/notice/2",
                content_hash="b" * 64,
                fetched_at=NOW,
                extra={"buyer": "Kåfjord Kommune", "cpv": ["90620000"]},
            )
        )
        session.commit()
    with Session(engine) as session:
        extras = session.exec(select(Document.extra).order_by(col(Document.id))).all()
        assert extras == [{}, {"buyer": "Kåfjord Kommune", "cpv": ["90620000"]}]

    # And back down: the column goes, the documents stay.
    command.downgrade(config, "0002")
    with engine.begin() as connection:
        assert "extra" not in {c["name"] for c in sa.inspect(connection).get_columns("document")}
        assert connection.execute(sa.text("SELECT count(*) FROM document")).scalar() == 2
    engine.dispose()


def test_the_postgresql_ddl_adds_the_column_with_a_default() -> None:
    # Rendered offline (no server needed): what `alembic upgrade` sends to PostgreSQL.
    path = MIGRATIONS / "versions" / "0003_document_extra.py"
    spec = importlib.util.spec_from_file_location("migration_0003", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    buffer = io.StringIO()
    context = MigrationContext.configure(
        dialect_name="postgresql", opts={"as_sql": True, "output_buffer": buffer}
    )
    with Operations.context(context):
        module.upgrade()
        module.downgrade()
    sql = " ".join(buffer.getvalue().split())
    assert "ALTER TABLE document ADD COLUMN extra JSON DEFAULT '{}' NOT NULL;" in sql
    assert "ALTER TABLE document DROP COLUMN extra;" in sql

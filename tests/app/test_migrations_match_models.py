"""The Alembic migrations build exactly the schema the models declare (a column or table
added to a model without its migration would exist in tests only)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine
from sqlmodel import SQLModel

import app.models  # noqa: F401  (imports every table module)


def test_the_upgraded_database_has_every_table_and_column_of_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []
    assert "derivednames" in SQLModel.metadata.tables

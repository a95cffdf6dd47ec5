"""Alembic environment: the schema is the metadata of every package's tables."""

from alembic import context
from sqlalchemy import Engine
from sqlmodel import SQLModel

from app.models import ALL_TABLES  # noqa: F401  (imports every table module)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine: Engine | None = config.attributes.get("engine")
    if engine is None:
        from app.db import make_engine
        from app.settings import Settings

        engine = make_engine(Settings().database_url)
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        context.run_migrations()


run_migrations_online()

"""Idempotent writes on SQLite and PostgreSQL alike (every stage hands off through rows).

It lives in the bottom package so that every stage can use the same two functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, SQLModel


def _insert_for(session: Session, model: type[SQLModel]) -> Any:
    dialect = session.get_bind().dialect.name
    table = model.__table__  # type: ignore[attr-defined]
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"no upsert for dialect {dialect}")


def insert_ignore(
    session: Session, model: type[SQLModel], rows: Sequence[dict[str, Any]], *, keys: list[str]
) -> int:
    """Insert rows, skipping those whose unique `keys` already exist; returns rows inserted."""
    if not rows:
        return 0
    table = model.__table__  # type: ignore[attr-defined]
    # RETURNING counts what was really inserted; rowcount is -1 on some PostgreSQL paths.
    # The rows go as parameters of one statement (executemany, batched by SQLAlchemy's
    # "insertmanyvalues"): compiled once and cached, where .values(rows) compiles anew for
    # every call and was most of process()'s time.
    stmt = (
        _insert_for(session, model)
        .on_conflict_do_nothing(index_elements=keys)
        .returning(table.c[keys[0]])
    )
    return len(session.execute(stmt, list(rows)).all())


def upsert(
    session: Session,
    model: type[SQLModel],
    rows: Sequence[dict[str, Any]],
    *,
    keys: list[str],
    update: list[str],
) -> None:
    """Insert rows, or update the `update` columns of rows whose unique `keys` exist."""
    if not rows:
        return
    stmt = _insert_for(session, model)
    stmt = stmt.on_conflict_do_update(
        index_elements=keys, set_={column: stmt.excluded[column] for column in update}
    )
    session.execute(stmt, list(rows))

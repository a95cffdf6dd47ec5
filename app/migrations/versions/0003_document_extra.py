"""document extra

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 10:00:00.000000
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The server default fills the rows that exist already (NOT NULL needs a value), on SQLite
    # (plain ADD COLUMN, no table copy) and PostgreSQL alike.
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('extra', sa.JSON(), server_default='{}', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_column('extra')

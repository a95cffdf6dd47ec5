"""derived names: the name fields they were derived from, so a rebuild finds changed
companies in SQL (rows stored before it are derived once more)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 04:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('derivednames', sa.Column('names', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('derivednames') as batch:
        batch.drop_column('names')

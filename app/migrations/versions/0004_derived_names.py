"""derived names: each company's name-index entries, kept between rebuilds

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 21:55:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('derivednames',
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('entries', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['company.id'], ),
    sa.PrimaryKeyConstraint('company_id')
    )


def downgrade() -> None:
    op.drop_table('derivednames')

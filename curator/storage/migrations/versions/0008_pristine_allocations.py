"""An allocation may ask for pristine material only (curator/condition.py): then only pristine samples are
handed over.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

from curator.storage.fact_columns import refill_from_facts

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('allocations', schema=None) as batch_op:
        # A constant default: SQLite adds the column in place; a rebuild of the table would be refused by
        # the foreign keys of the allocation items that point into it.
        batch_op.add_column(sa.Column('pristine_only', sa.Boolean(), nullable=False, server_default='0'))
    refill_from_facts('allocations', ['pristine_only'])


def downgrade() -> None:
    with op.batch_alter_table('allocations', schema=None) as batch_op:
        batch_op.drop_column('pristine_only')

"""Samples carry the text the Containers view filters on (see curator/search_index.py).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('samples', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_text', sa.Text(), nullable=False, server_default=''))
        batch_op.create_index('ix_samples_number_search', ['number', 'search_text'], unique=False)
    from curator import search_index

    search_index.refresh(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table('samples', schema=None) as batch_op:
        batch_op.drop_index('ix_samples_number_search')
        batch_op.drop_column('search_text')

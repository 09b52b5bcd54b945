"""Locations carry a barcode, a grid of positions (rows x columns and how they are named) and a retired
flag; containers a retired flag (curator/locations.py, curator/containers.py).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

from curator.storage.fact_columns import refill_from_facts

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('locations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('barcode', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('grid_rows', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('grid_columns', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('grid_naming', sa.String(length=8), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('retired', sa.Boolean(), nullable=False, server_default='0'))
    # A unique index, not a constraint: SQLite would rebuild the table, which other tables reference.
    op.create_index('ix_locations_barcode', 'locations', ['barcode'], unique=True)
    with op.batch_alter_table('containers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retired', sa.Boolean(), nullable=False, server_default='0'))
    refill_from_facts('locations', ['barcode', 'grid_rows', 'grid_columns', 'grid_naming', 'retired'])
    refill_from_facts('containers', ['retired'])


def downgrade() -> None:
    with op.batch_alter_table('containers', schema=None) as batch_op:
        batch_op.drop_column('retired')
    op.drop_index('ix_locations_barcode', table_name='locations')
    with op.batch_alter_table('locations', schema=None) as batch_op:
        batch_op.drop_column('retired')
        batch_op.drop_column('grid_naming')
        batch_op.drop_column('grid_columns')
        batch_op.drop_column('grid_rows')
        batch_op.drop_column('barcode')

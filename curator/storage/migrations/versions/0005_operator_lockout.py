"""Operators count wrong PINs in a row and are locked for a while after five (curator/operators.py).

Revision ID: 0005
Revises: 0004_identity
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004_identity'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('operators', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_pins', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('operators', schema=None) as batch_op:
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_pins')

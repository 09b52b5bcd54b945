"""Principal investigators of the borrowing institutions, registered and amended as facts
(curator/institutions.py).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'investigators',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('institution_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('email', sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(['institution_id'], ['institutions.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('institution_id', 'name'),
    )
    op.create_index('ix_investigators_institution_id', 'investigators', ['institution_id'])


def downgrade() -> None:
    op.drop_index('ix_investigators_institution_id', table_name='investigators')
    op.drop_table('investigators')

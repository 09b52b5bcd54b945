"""Every database carries an identity (a UUID) used in backup names and checked by restore.

Revision ID: 0004_identity
Revises: 0003_genesis
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import context, op

from curator.storage.genesis import identity_row

revision = '0004_identity'
down_revision = '0003_genesis'
branch_labels = None
depends_on = None


def upgrade() -> None:
    identity = op.create_table(
        'database_identity',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uuid', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    # a new database and an existing one being upgraded alike get their identity here, once; one whose
    # chain already states it (downgraded, then upgraded again) gets that one back
    given = context.config.attributes.get("identity")
    op.bulk_insert(identity, [identity_row(op.get_bind(), given)])


def downgrade() -> None:
    op.drop_table('database_identity')

"""The database identity becomes a fact of the chain: an existing database whose chain does not state it
yet gets a "registered" genesis event carrying its identity row, so `verify` proves the row. (A new
database's chain states it in its first event: curator.events.append_event.)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

from curator.storage.genesis import GenesisChain, stated_identity, unattended_signer

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    meta = sa.MetaData()
    meta.reflect(conn, only=("database_identity", "operators", "events", "chain_head"))
    chain = GenesisChain(conn, meta)
    if chain.last_id == 0 or stated_identity(conn) is not None:
        return  # an empty chain states it with its first event; a stated one is kept
    identity = conn.execute(sa.select(meta.tables["database_identity"])).mappings().first()
    if identity is None:
        return  # no row to state
    signer_id, signer = unattended_signer(conn, meta, chain)
    chain.register("database_identity", dict(identity), signer_id, signer)
    chain.close()


def downgrade() -> None:
    """The fact stays: events are never deleted (the chain would no longer verify)."""

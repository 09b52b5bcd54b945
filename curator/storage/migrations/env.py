"""Alembic environment: runs on the connection Curator hands over (see curator/storage/schema.py)."""

from alembic import context
from sqlalchemy import Connection, create_engine

from curator.storage.models import Base

config = context.config
connection = config.attributes.get("connection")


def run(conn: Connection) -> None:
    context.configure(
        connection=conn,
        target_metadata=Base.metadata,
        render_as_batch=conn.dialect.name == "sqlite",
        compare_type=True,
        # One transaction for the whole upgrade, on SQLite too (Alembic would commit after each step there,
        # letting another desk opening the same fresh file in between run a step a second time). Its BEGIN
        # IMMEDIATE holds the write lock before the current revision is read, so desks upgrade one at a time.
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    run(connection)
else:  # `alembic revision --autogenerate` from a developer's shell, with -x url=...
    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///:memory:")
    with create_engine(url).connect() as conn:
        run(conn)

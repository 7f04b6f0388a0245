"""Alembic environment for Guiji project files.

Guiji runs migrations itself (app.core.db.migrate) and hands over an open connection through
``config.attributes["connection"]``; the ``alembic`` command line works too, given ``-x db=PATH``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from app.core.db.models import Base

FTS_PREFIX = "fts_"


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    # FTS5 virtual tables and their shadow tables are made by raw SQL in migrations.
    return not (type_ == "table" and name is not None and name.startswith(FTS_PREFIX))


def run_with(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_with(connection)
else:
    db = context.get_x_argument(as_dictionary=True).get("db", "alembic-dev.guiji")
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        run_with(conn)
        conn.commit()

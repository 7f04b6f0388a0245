"""The same Alembic migrations run on PostgreSQL and give the tables of the SQLAlchemy models."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect

from app.core.db.migrate import current_revision, head_revision, upgrade_to_head
from app.core.db.models import Base


def _engine(url: str):  # type: ignore[no-untyped-def]
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def test_migrations_reach_head_on_postgresql(pg_url: str) -> None:
    engine = _engine(pg_url)
    try:
        with engine.connect() as conn:
            upgrade_to_head(conn)
            conn.commit()
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
            tables = set(inspect(conn).get_table_names())
        assert set(Base.metadata.tables) <= tables, set(Base.metadata.tables) - tables
        # Each model table has the model's columns.
        with engine.connect() as conn:
            inspector = inspect(conn)
            for name, table in Base.metadata.tables.items():
                columns = {column["name"] for column in inspector.get_columns(name)}
                assert set(table.columns.keys()) == columns, name
    finally:
        engine.dispose()

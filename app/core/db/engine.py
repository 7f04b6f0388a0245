"""Engines for project files: SQLite pragmas and explicit transactions.

pysqlite's own transaction handling starts transactions late and never for SELECTs; Guiji turns it
off and emits ``BEGIN`` itself (``BEGIN IMMEDIATE`` for writers), so that a unit of work reads and
writes one consistent snapshot and a writer never fails half-way on a lock upgrade.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

SQLITE_MAGIC = b"SQLite format 3\x00"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 5000")
    # FULL: a commit that returned is on disk even after a power cut, not only after a crash.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _set_wal(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Persistent in the file; set on every writable connection so old or imported files get it too.
    dbapi_connection.execute("PRAGMA journal_mode = WAL").fetchone()


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on the project file; ``read_only`` opens it with SQLite's ``mode=ro``."""
    url = f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true" if read_only else f"sqlite:///{path.as_posix()}"
    engine = create_engine(url, poolclass=NullPool if read_only else None)
    event.listen(engine, "connect", _on_connect)
    if not read_only:
        event.listen(engine, "connect", _set_wal)
    begin_sql = "BEGIN" if read_only else "BEGIN IMMEDIATE"

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql(begin_sql)

    return engine


def looks_like_sqlite(path: Path) -> bool:
    """True when the file starts with SQLite's header."""
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC

"""Full-text search SQL: the one place that knows SQLite's FTS5 (everything else is portable).

On SQLite, ``fts_document`` is an FTS5 table with the ``trigram`` tokenizer over
``document.text`` (external content: the text is stored once, in ``document``; the index only
holds trigrams). Three triggers on ``document`` keep it in sync with every insert, delete and
change of text, whoever writes the rows (services, importers, the benchmark generator).

**Alembic batch mode drops these triggers**: a migration that rebuilds the ``document`` table
(``batch_alter_table("document")`` on SQLite) must call :func:`install` afterwards, which
re-creates them and rebuilds the index. ``tests/core/test_search.py`` checks that the triggers
exist at head.

Trigram MATCH needs 3+ characters; SQLite 3.40.1's trigram ``LIKE`` silently finds nothing for
shorter patterns, so 1–2 character terms scan the base table with ``instr()``. Other databases
(PostgreSQL) get a portable ``ILIKE`` scan. Either way the result only narrows the candidate
documents: exact positions are found in Python.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, func, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from app.core.db.models import Document

FTS_TABLE = "fts_document"
MIN_TRIGRAM = 3

_CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "text, content='document', content_rowid='id', tokenize='trigram')"
)
TRIGGERS = {
    f"{FTS_TABLE}_after_insert": (
        "AFTER INSERT ON document BEGIN "
        f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END"
    ),
    f"{FTS_TABLE}_after_delete": (
        "AFTER DELETE ON document BEGIN "
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); END"
    ),
    f"{FTS_TABLE}_after_update": (
        "AFTER UPDATE OF id, text ON document BEGIN "
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); "
        f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END"
    ),
}


def is_sqlite(bind: Connection | Session) -> bool:
    """True when ``bind`` talks to SQLite."""
    engine = bind.get_bind() if isinstance(bind, Session) else bind
    return engine.dialect.name == "sqlite"


def install(connection: Connection) -> None:
    """Create the FTS table and its triggers (when missing) and rebuild the index from ``document``.

    A no-op on databases other than SQLite. Safe to call again (after a batch migration).
    """
    if not is_sqlite(connection):
        return
    connection.exec_driver_sql(_CREATE_TABLE)
    for name, body in TRIGGERS.items():
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        connection.exec_driver_sql(f"CREATE TRIGGER {name} {body}")
    rebuild(connection)


def rebuild(connection: Connection) -> None:
    """Re-index every document's text."""
    connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def uninstall(connection: Connection) -> None:
    """Drop the triggers and the FTS table (a migration's downgrade)."""
    if not is_sqlite(connection):
        return
    for name in TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def installed(bind: Connection | Session) -> bool:
    """True when the FTS table and all its triggers exist."""
    if not is_sqlite(bind):
        return False
    names = set(
        bind.execute(
            text(
                "SELECT name FROM sqlite_master "
                "WHERE name = :t OR (type = 'trigger' AND tbl_name = 'document')"
            ),
            {"t": FTS_TABLE},
        ).scalars()
    )
    return FTS_TABLE in names and set(TRIGGERS) <= names


def integrity_ok(bind: Connection | Session) -> bool:
    """FTS5's own check that the index matches ``document.text`` (for tests and repair tools)."""
    try:
        bind.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)"))
    except DatabaseError:  # how SQLite reports an index that does not match
        return False
    return True


def _has_ascii_letter(term: str) -> bool:
    return any("A" <= ch <= "Z" or "a" <= ch <= "z" for ch in term)


def document_contains(session: Session, term: str) -> ColumnElement[bool]:
    """A WHERE clause on ``Document`` that keeps the documents which may contain ``term``.

    Case-insensitive for ASCII letters (a superset is fine: callers confirm each hit in Python).
    """
    if not is_sqlite(session):
        return Document.text.icontains(term, autoescape=True)
    if len(term) >= MIN_TRIGRAM and installed(session):
        phrase = '"' + term.replace('"', '""') + '"'
        matching: Any = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :phrase").bindparams(
            phrase=phrase
        )
        return Document.id.in_(matching)
    if _has_ascii_letter(term):
        # SQLite's lower() folds ASCII only, like the Python side of search.
        return func.instr(func.lower(Document.text), term.lower()) > 0
    return func.instr(Document.text, term) > 0


__all__ = [
    "FTS_TABLE",
    "MIN_TRIGRAM",
    "TRIGGERS",
    "document_contains",
    "install",
    "installed",
    "integrity_ok",
    "is_sqlite",
    "rebuild",
    "uninstall",
]

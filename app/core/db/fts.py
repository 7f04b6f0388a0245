"""Full-text search SQL: the one place that knows SQLite's FTS5 (everything else is portable).

On SQLite, ``fts_document`` is an FTS5 table with the ``trigram`` tokenizer over
``document.text`` (external content: the text is stored once, in ``document``; the index only
holds trigrams). Three triggers on ``document`` keep it in sync with every insert, delete and
change of text, whoever writes the rows (services, importers, the benchmark generator).

**A change of text is indexed later** (schema 0007): re-indexing a whole 300,000-character text costs
0.25–0.35 s, far more than the edit, so the update trigger only records the document in
``fts_pending`` with the text the index still holds. :func:`document_contains` adds the pending
documents to the candidates (a superset, as always), so search stays exact, and :func:`flush` brings
the index up to date — the project does it when opened or closed for writing.

**So is a deletion** (schema 0009): removing a 7.7-million-character text's trigrams takes 2.3 s, so
the delete trigger records the document in ``fts_pending`` too; its row is gone, so no search can
return it. A row inserted under a pending id (undo putting the document back) is not indexed either:
it stays a candidate until :func:`flush`, which drops the pending entry at no cost when the text is
the one the index holds (the usual undo).

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

from sqlalchemy import ColumnElement, Connection, func, or_, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from app.core.db.models import Document

FTS_TABLE = "fts_document"
# Documents whose text changed since they were indexed, with the text the index holds (schema 0007).
PENDING_TABLE = "fts_pending"
_INDEXED = f"COALESCE((SELECT old_text FROM {PENDING_TABLE} WHERE document_id = old.id), old.text)"
MIN_TRIGRAM = 3

_CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "text, content='document', content_rowid='id', tokenize='trigram')"
)
TRIGGERS = {
    # A row whose id is still pending (a deleted document put back by undo, or an id reused) keeps
    # the entries the index holds for that id until flush(): it is a candidate of every search.
    f"{FTS_TABLE}_after_insert": (
        "AFTER INSERT ON document BEGIN "
        f"INSERT INTO {FTS_TABLE}(rowid, text) SELECT new.id, new.text "
        f"WHERE NOT EXISTS (SELECT 1 FROM {PENDING_TABLE} WHERE document_id = new.id); END"
    ),
    # A deletion is only recorded too (schema 0009): removing a 7.7-million-character text's
    # trigrams takes seconds. The document's id no longer exists, so no search can return it.
    f"{FTS_TABLE}_after_delete": (
        "AFTER DELETE ON document BEGIN "
        f"INSERT OR IGNORE INTO {PENDING_TABLE}(document_id, old_text) VALUES (old.id, old.text); END"
    ),
    # A change of text is only recorded (with the text the index still holds): flush() indexes it.
    f"{FTS_TABLE}_after_update": (
        "AFTER UPDATE OF id, text ON document BEGIN "
        f"INSERT OR IGNORE INTO {PENDING_TABLE}(document_id, old_text) VALUES (old.id, old.text); "
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) SELECT 'delete', old.id, {_INDEXED} "
        "WHERE old.id != new.id; "
        f"DELETE FROM {PENDING_TABLE} WHERE document_id = old.id AND old.id != new.id; "
        f"INSERT INTO {FTS_TABLE}(rowid, text) SELECT new.id, new.text WHERE old.id != new.id; END"
    ),
}
_CREATE_PENDING = (
    f"CREATE TABLE IF NOT EXISTS {PENDING_TABLE} (document_id INTEGER PRIMARY KEY, old_text TEXT NOT NULL)"
)


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
    connection.exec_driver_sql(_CREATE_PENDING)
    for name, body in TRIGGERS.items():
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        connection.exec_driver_sql(f"CREATE TRIGGER {name} {body}")
    rebuild(connection)


def rebuild(connection: Connection) -> None:
    """Re-index every document's text."""
    connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    connection.exec_driver_sql(f"DELETE FROM {PENDING_TABLE}")


def pending_count(bind: Connection | Session) -> int:
    """How many documents wait to be re-indexed (0 where there is no deferred index)."""
    if not is_sqlite(bind) or not _has_pending_table(bind):
        return 0
    return int(bind.execute(text(f"SELECT count(*) FROM {PENDING_TABLE}")).scalar_one())


def _has_pending_table(bind: Connection | Session) -> bool:
    found = bind.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :t"), {"t": PENDING_TABLE}
    ).first()
    return found is not None


def flush(bind: Connection | Session) -> int:
    """Index the text of every pending document (removing what the index held for it); returns how
    many. Run inside a write transaction; a no-op when nothing is pending."""
    if pending_count(bind) == 0:
        return 0
    pending = bind.execute(text(f"SELECT document_id FROM {PENDING_TABLE} ORDER BY document_id")).scalars().all()
    # A document whose text is again the one the index holds (a deletion undone, an edit reverted)
    # needs nothing: comparing two texts is far cheaper than removing and re-adding their trigrams.
    bind.execute(text(
        f"DELETE FROM {PENDING_TABLE} WHERE old_text IS "
        f"(SELECT d.text FROM document d WHERE d.id = {PENDING_TABLE}.document_id)"
    ))
    bind.execute(text(
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) SELECT 'delete', document_id, old_text FROM {PENDING_TABLE}"
    ))
    bind.execute(text(
        f"INSERT INTO {FTS_TABLE}(rowid, text) SELECT d.id, d.text FROM document d "
        f"WHERE d.id IN (SELECT document_id FROM {PENDING_TABLE})"
    ))
    bind.execute(text(f"DELETE FROM {PENDING_TABLE}"))
    return len(pending)


def settle(bind: Connection | Session, document_id: int) -> None:
    """Drop ``document_id``'s pending entry when the document's text is the one the index holds (a
    deletion undone): a comparison of two texts, where leaving it pending would make the document a
    candidate of every search until :func:`flush`."""
    if not is_sqlite(bind) or not _has_pending_table(bind):
        return
    bind.execute(text(
        f"DELETE FROM {PENDING_TABLE} WHERE document_id = :i "
        "AND old_text IS (SELECT d.text FROM document d WHERE d.id = :i)"
    ), {"i": document_id})


def uninstall(connection: Connection) -> None:
    """Drop the triggers and the FTS table (a migration's downgrade)."""
    if not is_sqlite(connection):
        return
    for name in TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {PENDING_TABLE}")


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
    """FTS5's own check that the index matches ``document.text`` (for tests and repair tools).

    With documents pending, it checks that the index brought up to date by :func:`flush` would
    match, inside a savepoint that is rolled back (so it needs a writable connection then).
    """
    if pending_count(bind) == 0:
        return _check(bind)
    savepoint = bind.begin_nested()
    try:
        flush(bind)
        return _check(bind)
    finally:
        savepoint.rollback()


def _check(bind: Connection | Session) -> bool:
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
        if not _has_pending_table(session):
            return Document.id.in_(matching)
        # A document changed since it was indexed is a candidate whatever the index says about it.
        pending: Any = text(f"SELECT document_id FROM {PENDING_TABLE}")
        return or_(Document.id.in_(matching), Document.id.in_(pending))
    if _has_ascii_letter(term):
        # SQLite's lower() folds ASCII only, like the Python side of search.
        return func.instr(func.lower(Document.text), term.lower()) > 0
    return func.instr(Document.text, term) > 0


def document_contains_any(session: Session, terms: list[str]) -> ColumnElement[bool]:
    """A WHERE clause on ``Document`` that keeps the documents which may contain any of ``terms``
    (the spellings of one search term across scripts); one index query for the 3+ character ones."""
    if not terms:
        return Document.id.in_([])
    long_terms = [t for t in terms if len(t) >= MIN_TRIGRAM]
    if len(long_terms) < 2 or not is_sqlite(session) or not installed(session):
        return or_(*(document_contains(session, t) for t in terms))
    either = " OR ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
    matching: Any = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q").bindparams(q=either)
    clauses: list[ColumnElement[bool]] = [Document.id.in_(matching)]
    if _has_pending_table(session):
        clauses.append(Document.id.in_(text(f"SELECT document_id FROM {PENDING_TABLE}")))
    clauses.extend(document_contains(session, t) for t in terms if len(t) < MIN_TRIGRAM)
    return or_(*clauses)


__all__ = [
    "FTS_TABLE",
    "MIN_TRIGRAM",
    "PENDING_TABLE",
    "TRIGGERS",
    "document_contains",
    "document_contains_any",
    "flush",
    "install",
    "installed",
    "integrity_ok",
    "is_sqlite",
    "pending_count",
    "rebuild",
    "settle",
    "uninstall",
]

"""deferred search index: a text change is re-indexed later, not inside the edit

Until now the ``after update`` trigger of ``document`` re-indexed a document's whole text in the FTS5
trigram index inside the transaction that changed it: 0.25–0.35 s for a 300,000-character transcript,
for an edit of two characters (docs/editing.md). From this revision the trigger only records the
document in ``fts_pending`` with the text the index still holds (``INSERT OR IGNORE``: the first
pending version is the indexed one). Search adds the pending documents to the index's candidates (a
superset, as before: every hit is confirmed on the current text), and ``app.core.db.fts.flush`` brings
the index up to date (when a project is opened or closed for writing). The delete trigger removes a
pending document's entries with the text the index holds.

The SQL is written out here (not imported from app.core.db.fts) so this migration stays what it was
when it shipped. Nothing is batch-altered.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 19:05:00
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op


revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS = "fts_document"
PENDING = "fts_pending"
_INDEXED = f"COALESCE((SELECT old_text FROM {PENDING} WHERE document_id = old.id), old.text)"

DEFERRED = {
    f"{FTS}_after_delete": (
        "AFTER DELETE ON document BEGIN "
        f"INSERT INTO {FTS}({FTS}, rowid, text) VALUES ('delete', old.id, {_INDEXED}); "
        f"DELETE FROM {PENDING} WHERE document_id = old.id; END"
    ),
    f"{FTS}_after_update": (
        "AFTER UPDATE OF id, text ON document BEGIN "
        f"INSERT OR IGNORE INTO {PENDING}(document_id, old_text) VALUES (old.id, old.text); "
        # An id change (never done by Guiji) is indexed at once under the new id.
        f"INSERT INTO {FTS}({FTS}, rowid, text) SELECT 'delete', old.id, {_INDEXED} WHERE old.id != new.id; "
        f"DELETE FROM {PENDING} WHERE document_id = old.id AND old.id != new.id; "
        f"INSERT INTO {FTS}(rowid, text) SELECT new.id, new.text WHERE old.id != new.id; END"
    ),
}

EAGER = {
    f"{FTS}_after_delete": (
        "AFTER DELETE ON document BEGIN "
        f"INSERT INTO {FTS}({FTS}, rowid, text) VALUES ('delete', old.id, old.text); END"
    ),
    f"{FTS}_after_update": (
        "AFTER UPDATE OF id, text ON document BEGIN "
        f"INSERT INTO {FTS}({FTS}, rowid, text) VALUES ('delete', old.id, old.text); "
        f"INSERT INTO {FTS}(rowid, text) VALUES (new.id, new.text); END"
    ),
}


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    if not _sqlite():
        return
    op.execute(f"CREATE TABLE IF NOT EXISTS {PENDING} (document_id INTEGER PRIMARY KEY, old_text TEXT NOT NULL)")
    for name, body in DEFERRED.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if not _sqlite():
        return
    # Bring the index up to date, then go back to re-indexing inside every change.
    op.execute(
        f"INSERT INTO {FTS}({FTS}, rowid, text) SELECT 'delete', p.document_id, p.old_text FROM {PENDING} p"
    )
    op.execute(
        f"INSERT INTO {FTS}(rowid, text) SELECT d.id, d.text FROM document d "
        f"WHERE d.id IN (SELECT document_id FROM {PENDING})"
    )
    op.execute(f"DROP TABLE {PENDING}")
    for name, body in EAGER.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")

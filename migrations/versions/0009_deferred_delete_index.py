"""deferred search index for deletions: deleting a document no longer removes its trigrams at once

Schema 0007 deferred the re-indexing of a changed text; a deletion still removed the whole text's
trigrams inside the transaction (2.3 s for a 7.7-million-character document) and putting it back
(undo) re-added them (as long again). From this revision the delete trigger only records the document
in ``fts_pending`` with the text the index holds, and the insert trigger does not index a row whose
id is pending: ``app.core.db.fts.flush`` catches up (and drops the entry at no cost when the text put
back is the one the index holds). Search already treats every pending id as a candidate, and a
deleted document has no row to be found in, so results stay exact.

The SQL is written out here (not imported from app.core.db.fts) so this migration stays what it was
when it shipped. Nothing is batch-altered.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 08:20:00
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS = "fts_document"
PENDING = "fts_pending"

DEFERRED = {
    f"{FTS}_after_insert": (
        "AFTER INSERT ON document BEGIN "
        f"INSERT INTO {FTS}(rowid, text) SELECT new.id, new.text "
        f"WHERE NOT EXISTS (SELECT 1 FROM {PENDING} WHERE document_id = new.id); END"
    ),
    f"{FTS}_after_delete": (
        "AFTER DELETE ON document BEGIN "
        f"INSERT OR IGNORE INTO {PENDING}(document_id, old_text) VALUES (old.id, old.text); END"
    ),
}

# What 0007 left: inserts indexed at once, deletions removed at once (with the text the index holds).
_INDEXED = f"COALESCE((SELECT old_text FROM {PENDING} WHERE document_id = old.id), old.text)"
EAGER = {
    f"{FTS}_after_insert": (
        "AFTER INSERT ON document BEGIN "
        f"INSERT INTO {FTS}(rowid, text) VALUES (new.id, new.text); END"
    ),
    f"{FTS}_after_delete": (
        "AFTER DELETE ON document BEGIN "
        f"INSERT INTO {FTS}({FTS}, rowid, text) VALUES ('delete', old.id, {_INDEXED}); "
        f"DELETE FROM {PENDING} WHERE document_id = old.id; END"
    ),
}


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _catch_up() -> None:
    """Bring the index up to date (what app.core.db.fts.flush does), so the triggers can change."""
    op.execute(
        f"DELETE FROM {PENDING} WHERE old_text IS (SELECT d.text FROM document d WHERE d.id = {PENDING}.document_id)"
    )
    op.execute(f"INSERT INTO {FTS}({FTS}, rowid, text) SELECT 'delete', document_id, old_text FROM {PENDING}")
    op.execute(
        f"INSERT INTO {FTS}(rowid, text) SELECT d.id, d.text FROM document d "
        f"WHERE d.id IN (SELECT document_id FROM {PENDING})"
    )
    op.execute(f"DELETE FROM {PENDING}")


def upgrade() -> None:
    if not _sqlite():
        return
    for name, body in DEFERRED.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if not _sqlite():
        return
    # 0007's triggers index an insert at once: no id may be left pending that has no row.
    _catch_up()
    for name, body in EAGER.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")

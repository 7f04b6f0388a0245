"""Proposed fix for ``edit_300k`` and ``replace_1000_hits``: re-index edited text later, not in the edit.

``python -m bench --size large --only edit_300k replace_1000_hits --patch bench/patches/deferred_fts.py``

Today the ``after update of text`` trigger re-indexes a document's whole text in the FTS5 trigram
index inside the edit's transaction: 0.25–0.35 s for the 300,000-character document, about 2.5 s
for the ~290 documents a 1,000-hit replace touches, while the edit itself costs about 0.03 s
(docs/editing.md). The proposal, measured here by swapping the trigger in the working copy:

- the update trigger only records the document in ``fts_pending`` with the text the index still
  holds (``INSERT OR IGNORE``, so the first pending version is the indexed one); the delete trigger
  removes the index entries with that text when the document is pending;
- search narrowing adds the pending documents to the FTS candidates (a superset, as now: hits are
  confirmed with ``str.find`` on the current text), so results stay exact without flushing;
- ``flush`` (the app when idle, the CLI after its write, ``guiji check`` before the FTS integrity
  check on a writable project) deletes each pending document's old entries and indexes its text.

This changes the search schema (a migration) and app.core.db.fts/search/check, owned by the search
work, so it is proposed and measured here rather than done inside the editing feature.
"""


from __future__ import annotations

from typing import Any

_DEFERRED = (
    "CREATE TABLE IF NOT EXISTS fts_pending (document_id INTEGER PRIMARY KEY, old_text TEXT NOT NULL)",
    "DROP TRIGGER IF EXISTS fts_document_after_update",
    "CREATE TRIGGER fts_document_after_update AFTER UPDATE OF id, text ON document BEGIN "
    "INSERT OR IGNORE INTO fts_pending(document_id, old_text) VALUES (old.id, old.text); END",
)


def _install(project: Any) -> Any:
    if not project.read_only:
        raw = project.engine.raw_connection()
        try:
            for statement in _DEFERRED:
                raw.driver_connection.execute(statement)
        finally:
            raw.close()
    return project


def _patch() -> None:
    import app.core.project as project_module

    original = project_module.open_project

    def open_project(path: Any, *, read_only: bool = False) -> Any:
        return _install(original(path, read_only=read_only))

    project_module.open_project = open_project  # type: ignore[assignment]

    from sqlalchemy import or_, text

    from app.core.db import fts
    from app.core.db.models import Document

    narrow = fts.document_contains

    def document_contains(session: Any, term: str) -> Any:
        pending = text("SELECT document_id FROM fts_pending")
        return or_(narrow(session, term), Document.id.in_(pending))

    fts.document_contains = document_contains


_patch()

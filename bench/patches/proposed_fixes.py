"""The fixes proposed in docs/performance.md for the budgets `large` misses, as monkeypatches.

``python -m bench --size large --patch bench/patches/proposed_fixes.py`` measures them without
editing the app. ``BENCH_FIXES=tree,paths,texts`` (the default: all) chooses which. Written against
commit e7fa47e; once a fix lands in app/, its patch here is obsolete and should be deleted.

- ``tree``: CodeTreeModel told the views about new per-document counts with one ``dataChanged`` per
  parent node; with the count columns in ``ResizeToContents`` mode each signal makes the tree view
  measure every row again (41 signals × 250 rows × 3 columns of Python ``data()`` calls: about 1 s
  on `large`, on every document switch and every coding). One ``layoutChanged`` instead.
- ``paths``: ``codebook.code_paths`` built the whole ``CodeInfo`` list, counting every coding with a
  GROUP BY over the coding table, to get code paths; every ``get_coding`` (so every apply/remove)
  paid for it. Paths from ``(id, parent_id, name)`` only.
- ``texts``: ``coding._list_codings`` loaded the whole text of every document involved to slice the
  coded passages: 300,000 characters for one coding of the long document, 2.7 M characters for a
  code used across 275 documents. Texts never change after import, so a per-project cache keyed by
  ``(id, sha256)`` serves them (a reused id has another hash).
"""

# Imports of the app happen inside the patch functions, only for the fixes chosen.

from __future__ import annotations

import os
from typing import Any

FIXES = set(filter(None, os.environ.get("BENCH_FIXES", "tree,paths,texts").split(",")))


def _light_code_paths(session: Any) -> dict[int, str]:
    from sqlalchemy import select

    from app.core.db.models import Code

    parents = {cid: (parent, name) for cid, parent, name in session.execute(
        select(Code.id, Code.parent_id, Code.name)
    )}
    paths: dict[int, str] = {}

    def path(cid: int) -> str:
        found = paths.get(cid)
        if found is None:
            parent, name = parents[cid]
            found = paths[cid] = name if parent is None else f"{path(parent)}/{name}"
        return found

    for cid in parents:
        path(cid)
    return paths


_TEXTS: dict[tuple[str, int, str], str] = {}


def _cached_texts(session: Any, doc_ids: set[int]) -> dict[int, str]:
    from sqlalchemy import select

    from app.core.db.models import Document

    if not doc_ids:
        return {}
    db = str(session.get_bind().url)
    shas = dict(session.execute(select(Document.id, Document.sha256).where(Document.id.in_(doc_ids))).all())
    missing = [i for i in shas if (db, i, shas[i]) not in _TEXTS]
    if missing:
        for i, text in session.execute(select(Document.id, Document.text).where(Document.id.in_(missing))):
            _TEXTS[(db, i, shas[i])] = text
    return {i: _TEXTS[(db, i, sha)] for i, sha in shas.items()}


def _patch_list_codings() -> None:
    from sqlalchemy import select

    from app.core import coding
    from app.core.db.models import Coder, Coding, Document, Stage
    from app.core.stages import effective_stages

    def _list_codings(session: Any, *, document_id: Any, code_id: Any, coding_ids: Any) -> list[Any]:
        # commit e7fa47e's body, with the texts from the cache.
        query = (
            select(
                Coding.id, Coding.document_id, Document.name, Coding.code_id, Coder.name, Coding.start,
                Coding.end, Coding.memo, Coding.stage_id, Coding.created_at,
            )
            .join(Document, Document.id == Coding.document_id)
            .join(Coder, Coder.id == Coding.coder_id)
            .order_by(Document.position, Document.id, Coding.start, Coding.end, Coding.id)
        )
        if document_id is not None:
            query = query.where(Coding.document_id == document_id)
        if code_id is not None:
            query = query.where(Coding.code_id == code_id)
        if coding_ids is not None:
            query = query.where(Coding.id.in_(coding_ids))
        rows = session.execute(query).all()
        texts = _cached_texts(session, {r[1] for r in rows})
        paths = coding.code_paths(session)
        stage_names = dict(session.execute(select(Stage.id, Stage.name)).all())
        effective = effective_stages(session, [(r[0], r[1], r[5], r[6], r[8]) for r in rows])
        return [
            coding.CodingInfo(
                id=r[0], document_id=r[1], document=r[2], code_id=r[3], code=paths[r[3]], coder=r[4],
                start=r[5], end=r[6], text=texts[r[1]][r[5]:r[6]], memo=r[7],
                stage=stage_names.get(effective[r[0]]) if effective[r[0]] is not None else None,
                own_stage=stage_names.get(r[8]) if r[8] is not None else None,
                own_stage_id=r[8],
                created_at=r[9],
            )
            for r in rows
        ]

    coding._list_codings = _list_codings


def _patch_tree() -> None:
    from app.ui.models import CodeTreeModel

    def _emit_column_changed(self: Any, _column: int) -> None:
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()

    CodeTreeModel._emit_column_changed = _emit_column_changed


if "paths" in FIXES:
    import app.core.codebook
    import app.core.coding

    app.core.codebook.code_paths = _light_code_paths
    app.core.coding.code_paths = _light_code_paths
if "texts" in FIXES:
    _patch_list_codings()
if "tree" in FIXES and os.environ.get("BENCH_SCENARIO", "").startswith("gui_"):
    _patch_tree()  # only where Qt is used: core scenarios must not import it

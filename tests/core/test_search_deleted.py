"""Schema 0009: deleting a document only records it for the search index; undo puts it back unindexed.

Search must stay exact throughout: never return a deleted document, always find a restored one (or a
new document that took a deleted one's id), and the index must be sound once caught up.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from app.core import document_ops, documents
from app.core.check import check_project
from app.core.db import fts
from app.core.project import create_project, open_project
from app.core.search import search
from tests.core.test_search_deferred import _alembic, _index_ok, _pending

TEXT = "访谈者：您好𠮷😀！\r\n受访者：我们一起做增权赋能的工作。\n"


def _indexed_ids(project: Any) -> set[int]:
    with project.read() as session:
        rows = session.connection().exec_driver_sql(f"SELECT id FROM {fts.FTS_TABLE}_docsize").all()
    return {row_id for (row_id,) in rows}


def test_a_deleted_document_is_never_found_and_undo_finds_it_again(project: Any) -> None:
    doc = documents.add_text_document(project, "甲", TEXT)
    documents.add_text_document(project, "乙", "别的文本，没有那个词。")
    stored = documents.document_text(project, doc.id)  # line ends as stored
    start, astral = stored.index("增权赋能"), stored.index("𠮷")
    snapshot = document_ops.delete_document_with_snapshot(project, doc.id)
    assert _pending(project) == 1
    assert doc.id in _indexed_ids(project)  # the trigrams are still there, the row is not
    assert search(project, "增权赋能") == []
    assert search(project, "𠮷") == []
    assert check_project(project.path).ok  # a deletion awaiting the index is not a problem
    assert _index_ok(project)
    document_ops.restore_document(project, snapshot)
    assert _pending(project) == 0  # put back unindexed: the index still holds exactly this text
    assert doc.id in _indexed_ids(project)
    assert [(h.document, h.start, h.end) for h in search(project, "增权赋能")] == [("甲", start, start + 4)]
    assert [(h.start, h.end) for h in search(project, "𠮷")] == [(astral, astral + 1)]
    assert check_project(project.path).ok
    assert project.flush_search_index() == 0
    assert _index_ok(project)
    assert [h.start for h in search(project, "增权赋能")] == [start]


def test_a_deletion_is_dropped_from_the_index_on_flush(project: Any) -> None:
    doc = documents.add_text_document(project, "甲", TEXT)
    keep = documents.add_text_document(project, "乙", "增权赋能在乙里。")
    documents.delete_document(project, doc.id)
    assert project.flush_search_index() == 1
    assert _indexed_ids(project) == {keep.id}
    assert _index_ok(project)
    assert [h.document for h in search(project, "增权赋能")] == ["乙"]


def test_a_new_document_under_a_deleted_ones_id_is_found_by_its_own_text(project: Any) -> None:
    documents.add_text_document(project, "甲", "第一份。")
    old = documents.add_text_document(project, "乙", TEXT)
    documents.delete_document(project, old.id)
    new = documents.add_text_document(project, "丙", "完全不同的新文本：社区协商。")
    assert new.id == old.id  # SQLite reuses the highest id: the index still holds the old text for it
    assert search(project, "增权赋能") == []
    assert [(h.document, h.start) for h in search(project, "社区协商")] == [("丙", 9)]
    assert check_project(project.path).ok
    project.flush_search_index()
    assert _index_ok(project)
    assert search(project, "增权赋能") == []
    assert [h.document for h in search(project, "社区协商")] == ["丙"]


def test_0009_downgrades_with_a_deletion_pending_and_upgrades_again(tmp_path: Path) -> None:
    path = tmp_path / "p.guiji"
    with create_project(path) as project:
        documents.add_text_document(project, "甲", TEXT)
        documents.add_text_document(project, "乙", "增权赋能在乙里。")
    con = sqlite3.connect(path)
    con.execute("DELETE FROM document WHERE id = 1")  # recorded by the trigger, not yet dropped
    con.commit()
    assert con.execute(f"SELECT count(*) FROM {fts.PENDING_TABLE}").fetchone() == (1,)
    con.close()
    _alembic(path, "downgrade", "0008")
    con = sqlite3.connect(path)
    assert con.execute(f"SELECT count(*) FROM {fts.PENDING_TABLE}").fetchone() == (0,)
    con.execute(f"INSERT INTO {fts.FTS_TABLE}({fts.FTS_TABLE}, rank) VALUES ('integrity-check', 1)")
    con.execute("DELETE FROM document WHERE id = 2")  # 0007's trigger drops the trigrams at once
    con.execute(f"INSERT INTO {fts.FTS_TABLE}({fts.FTS_TABLE}, rank) VALUES ('integrity-check', 1)")
    con.commit()
    con.close()
    _alembic(path, "upgrade", "head")
    with open_project(path) as project:
        documents.add_text_document(project, "丙", TEXT)
        assert [h.document for h in search(project, "增权赋能")] == ["丙"]
        assert _index_ok(project)

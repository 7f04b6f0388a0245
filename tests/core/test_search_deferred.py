"""The deferred search index (schema 0007): an edit records the document as pending; search stays
exact; the index catches up on flush, on close and on the next open; check accepts a backlog."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from app.core import documents, editing
from app.core.check import check_project
from app.core.db import fts
from app.core.paths import migrations_dir
from app.core.project import create_project, open_project
from app.core.search import search

TEXT = "访谈者：您好𠮷😀！\n受访者：我们一起做增权赋能的工作。\n"


def _pending(project: Any) -> int:
    with project.read() as session:
        return fts.pending_count(session)


def _index_ok(project: Any) -> bool:
    with project.read() as session:
        return fts.integrity_ok(session)


def test_an_edit_is_searchable_at_once_and_indexed_on_flush(project: Any) -> None:
    doc = documents.add_text_document(project, "甲", TEXT)
    start = TEXT.index("增权赋能")
    editing.edit_text(project, doc.id, start, start + 4, "赋权增能", coder="甲")
    assert _pending(project) == 1
    assert [(h.start, h.end) for h in search(project, "赋权增能")] == [(start, start + 4)]
    assert search(project, "增权赋能") == []
    assert check_project(project.path).ok
    assert project.flush_search_index() == 1
    assert _pending(project) == 0
    assert _index_ok(project)
    assert search(project, "赋权增能")[0].start == start


def test_the_first_pending_text_is_the_indexed_one_through_edits_and_undo(project: Any) -> None:
    doc = documents.add_text_document(project, "甲", TEXT)
    first = editing.edit_text(project, doc.id, 0, 3, "问", coder="甲")
    second = editing.edit_text(project, doc.id, 0, 1, "答😀", coder="甲")
    editing.undo_change(project, second)
    assert _pending(project) == 1
    assert check_project(project.path).ok
    editing.undo_change(project, first)
    project.flush_search_index()
    assert _index_ok(project)
    assert [h.document for h in search(project, "访谈者")] == ["甲"]


def test_deleting_a_pending_document_leaves_a_sound_index(project: Any) -> None:
    doc = documents.add_text_document(project, "甲", TEXT)
    documents.add_text_document(project, "乙", "增权赋能")
    editing.replace_text(project, "增权赋能", "赋能", coder="甲")
    assert _pending(project) == 2
    documents.delete_document(project, doc.id)
    assert _pending(project) == 2  # a deletion is recorded too (schema 0009), with the indexed text
    assert search(project, "访谈者") == []
    project.flush_search_index()
    assert _pending(project) == 0
    assert _index_ok(project)


def test_closing_and_opening_bring_the_index_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "p.guiji"
    with create_project(path) as project:
        doc = documents.add_text_document(project, "甲", TEXT)
        editing.edit_text(project, doc.id, 0, 0, "前言", coder="甲")
        assert _pending(project) == 1
    with open_project(path, read_only=True) as project:
        assert _pending(project) == 0
    assert check_project(path).ok
    # A backlog left by a process that never closed the project is indexed on the next open.
    con = sqlite3.connect(path)
    con.execute("UPDATE document SET text = '新的文本' WHERE id = ?", (doc.id,))
    con.commit()
    con.close()
    with open_project(path) as project:
        assert _pending(project) == 0
        assert _index_ok(project)


def _alembic(path: Path, action: str, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        config = Config()
        config.set_main_option("script_location", str(migrations_dir()))
        config.attributes["connection"] = conn
        getattr(command, action)(config, revision)
        conn.commit()
    engine.dispose()


def test_0007_downgrades_with_a_backlog_and_upgrades_again(tmp_path: Path) -> None:
    path = tmp_path / "p.guiji"
    with create_project(path) as project:
        documents.add_text_document(project, "甲", TEXT)
    con = sqlite3.connect(path)
    con.execute("UPDATE document SET text = '赋权增能的故事' WHERE id = 1")
    con.commit()
    assert con.execute(f"SELECT count(*) FROM {fts.PENDING_TABLE}").fetchone() == (1,)
    con.close()
    _alembic(path, "downgrade", "0006")
    con = sqlite3.connect(path)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    assert fts.PENDING_TABLE not in names
    con.execute(f"INSERT INTO {fts.FTS_TABLE}({fts.FTS_TABLE}, rank) VALUES ('integrity-check', 1)")
    con.execute("UPDATE document SET text = '又改了' WHERE id = 1")  # re-indexed at once again
    con.execute(f"INSERT INTO {fts.FTS_TABLE}({fts.FTS_TABLE}, rank) VALUES ('integrity-check', 1)")
    con.commit()
    con.close()
    _alembic(path, "upgrade", "head")
    with open_project(path) as project:
        assert [h.document for h in search(project, "又改了")] == ["甲"]
        assert _index_ok(project)

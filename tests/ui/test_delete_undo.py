"""Deleting and undoing gives back every row (issues 20 and 12), whichever way the delete was made.

Each case deletes through the real widgets (key presses, button clicks), undoes and redoes with
Ctrl+Z / Ctrl+Y, and compares a dump of every table of the project file with the one before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core import codebook, coding, documents, memos, stages
from app.core.check import check_project
from app.core.nlp import rejections
from app.core.process import links
from app.core.project import create_project
from app.ui.codebook_dialog import CodebookDialog
from app.ui.main_window import MainWindow
from tests.dump import dump_tables

TEXT = "访谈者：您好𠮷😀！\r\n受访者：我们一起做增权赋能的工作。后来大家互助合作，压力小了很多。\r\n"


@pytest.fixture
def rich_project(tmp_path: Path) -> Path:
    """A code with a child, codings with memos and a stage, a code memo, a link with evidence, a rejection."""
    path = tmp_path / "删除.guiji"
    src = tmp_path / "访谈.txt"
    src.write_bytes(TEXT.encode("utf-8"))
    with create_project(path) as project:
        [doc] = documents.import_files(project, [src])
        stage = stages.add_stage(project, "扎根")
        parent = codebook.create_code(project, "内生因素", color="#CC3311")
        child = codebook.create_code(project, "内生因素/增权赋能", color="#0077BB")
        other = codebook.create_code(project, "外部支持", color="#009988")
        text = TEXT.replace("\r\n", "\n")
        at = text.index("增权赋能")
        first = coding.apply_coding(project, document_id=doc.id, code_id=child.id, start=at, end=at + 4,
                                    coder="甲", memo="关键概念", stage_id=stage.id)
        coding.apply_coding(project, document_id=doc.id, code_id=parent.id, start=5, end=7, coder="乙")
        at2 = text.index("互助合作")
        second = coding.apply_coding(project, document_id=doc.id, code_id=other.id, start=at2, end=at2 + 4,
                                     coder="甲")
        memos.set_code_memo(project, child.id, "赋能的备忘录")
        link = links.create_link(project, child.id, other.id, memo="因果")
        links.add_evidence(project, link.id, first.id, note="证据")
        links.add_evidence(project, link.id, second.id)
        rejections.reject(project, document_id=doc.id, code_id=child.id, start=0, end=3, coder="甲")
    return path


@pytest.fixture
def win(qtbot, rich_project: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.sync_refresh = True
    window.open_project_path(rich_project)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    return window


def activate(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.windowHandle().requestActivate()  # shortcuts go to the active window only
    qtbot.waitUntil(widget.isActiveWindow, timeout=5000)


def undo_redo_undo(qtbot, window: MainWindow, path: Path, before: dict, after: dict) -> None:  # type: ignore[no-untyped-def, type-arg]
    activate(qtbot, window)
    keys = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window.document_view, Qt.Key.Key_Z, keys)
    assert dump_tables(path) == before
    qtbot.keyClick(window.document_view, Qt.Key.Key_Y, keys)
    assert dump_tables(path) == after
    qtbot.keyClick(window.document_view, Qt.Key.Key_Z, keys)
    assert dump_tables(path) == before
    window.controller.project.close()  # type: ignore[union-attr]
    assert check_project(path).ok


def test_delete_in_the_code_tree_by_key_and_undo(win: MainWindow, qtbot, rich_project: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    before = dump_tables(rich_project)
    assert len(before["link_evidence"]) == 2 and len(before["suggestion_rejection"]) == 1
    code_id = next(c.id for c in win.codes_model.all_codes() if c.path == "内生因素")
    rect = win.codes_view.visualRect(win.codes_model.index_of(code_id))
    qtbot.mouseClick(win.codes_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.code_panel.current_code().path == "内生因素"  # type: ignore[union-attr]
    qtbot.keyClick(win.codes_view, Qt.Key.Key_Delete)
    after = dump_tables(rich_project)
    assert [r[2] for r in after["code"]] == ["外部支持"]  # name column
    assert after["link"] == [] and after["link_evidence"] == [] and after["suggestion_rejection"] == []
    undo_redo_undo(qtbot, win, rich_project, before, after)


def test_delete_in_the_codebook_dialog_and_undo(win: MainWindow, qtbot, rich_project: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    before = dump_tables(rich_project)
    qtbot.keyClick(win.document_view, Qt.Key.Key_B,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = win.findChild(CodebookDialog)
    assert dialog is not None and dialog.isVisible()
    code_id = next(c.id for c in win.codes_model.all_codes() if c.path == "内生因素")
    index = next(dialog.model.index(r, 0) for r in range(dialog.model.rowCount())
                 if dialog.model.index(r, 0).data() and "内生因素" in dialog.model.index(r, 0).data())
    rect = dialog.tree.visualRect(index)
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    after = dump_tables(rich_project)
    assert code_id not in [r[0] for r in after["code"]]
    assert after["link"] == [] and after["link_evidence"] == [] and after["suggestion_rejection"] == []
    dialog.close()
    undo_redo_undo(qtbot, win, rich_project, before, after)

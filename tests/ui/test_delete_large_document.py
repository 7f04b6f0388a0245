"""Issue 13 (3): delete a large document with the Del key in the document list, then undo with
Ctrl+Z: the text, its codings and its search index come back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from app.core import codebook, coding, documents
from app.core.project import create_project
from app.core.search import search
from app.ui.main_window import MainWindow

LINE = "受访者：我们一起做增权赋能的工作𠮷，后来大家互助合作😀。\n"


def test_delete_and_undo_a_large_document_by_keys(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = LINE * (300_000 // len(LINE))
    path = tmp_path / "big.guiji"
    with create_project(path) as project:
        info = documents.add_text_document(project, "大文档", text)
        code = codebook.create_code(project, "互助", color="#0077BB")
        for start in range(0, len(text) - 10, 5_000):
            coding.apply_coding(project, document_id=info.id, code_id=code.id, start=start, end=start + 4, coder="甲")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    win = MainWindow()
    qtbot.addWidget(win)
    win.tasks.inline = True
    win.sync_refresh = True
    win.open_project_path(path)
    win.show()
    qtbot.waitExposed(win)
    win.windowHandle().requestActivate()
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)  # window shortcuts (Del, Ctrl+Z) need the active window
    assert win.documents_model.rowCount() == 1
    view = win.documents_view
    rect = view.visualRect(win.documents_model.index(0, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    QTest.keyClick(view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: win.documents_model.rowCount() == 0)
    project = win.controller.project
    assert documents.list_documents(project) == []
    QTest.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.documents_model.rowCount() == 1)
    assert documents.document_text(project, info.id) == text
    assert len(coding.list_codings(project, document_id=info.id)) == len(range(0, len(text) - 10, 5_000))
    assert search(project, "互助合作")  # the index follows the restored text

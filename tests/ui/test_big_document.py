"""Issue 13 (3): a multi-million-character document is deleted and brought back by the keys a user
presses — click it in the document list, Delete, Enter on the confirmation, Ctrl+Z — exactly.

How long the window is blocked is measured by the bench (bench/big_documents.py), not asserted here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core import codebook, coding, documents
from app.core.check import check_project
from app.core.project import create_project
from app.core.search import find_all, search
from app.ui.main_window import MainWindow
from tests.dump import dump_tables

LINE = "受访者：我们一起做增权赋能的工作𠮷，后来大家互助合作😀。\r\n"
CHARACTERS = 2_500_000  # the 7.7 million of issue 13 belong to the bench


def _answer_with_enter(seen: list[str]) -> None:
    """When the confirmation shows, remember its text and press Enter on it."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press)


def _make_project(path: Path) -> tuple[int, int, str]:
    """A project with a short document and a multi-million-character one with codings; the ids and
    the big one's text as stored."""
    with create_project(path) as project:
        small = documents.add_text_document(project, "小文档", "大家互助合作。")
        big = documents.add_text_document(project, "大文档", LINE * (CHARACTERS // len(LINE)))
        code = codebook.create_code(project, "互助", color="#0077BB")
        stored = documents.document_text(project, big.id)
        for start, end in find_all(stored, "互助合作")[::2000]:
            coding.apply_coding(project, document_id=big.id, code_id=code.id, start=start, end=end, coder="甲")
    return small.id, big.id, stored


def test_delete_and_undo_a_multi_million_character_document_by_keys(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "big.guiji"
    small_id, big_id, stored = _make_project(path)
    assert len(stored) > 2_000_000
    before = dump_tables(path)
    win = MainWindow()
    qtbot.addWidget(win)
    win.open_project_path(path)
    win.show()
    qtbot.waitExposed(win)
    win.windowHandle().requestActivate()
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)  # window shortcuts (Ctrl+Z) need the active window
    model, view = win.documents_model, win.documents_view
    row = next(r for r in range(model.rowCount()) if model.document(r).id == big_id)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(row, 0)).center())
    qtbot.waitUntil(lambda: win.document_view.document_id == big_id, timeout=10_000)

    seen: list[str] = []
    _answer_with_enter(seen)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10_000)
    assert len(seen) == 1 and "大文档" in seen[0]
    assert win.document_view.document_id != big_id  # the view no longer shows the deleted text
    project = win.controller.project
    assert [d.id for d in documents.list_documents(project)] == [small_id]
    assert [h.document for h in search(project, "互助合作")] == ["小文档"]  # never the deleted one
    assert search(project, "𠮷") == []
    assert dump_tables(path) != before

    win.windowHandle().requestActivate()  # the confirmation had the focus
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    QTest.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
    assert dump_tables(path) == before  # the text, its codings and every other row exactly as they were
    hits = [(h.start, h.end) for h in search(project, "互助合作") if h.document_id == big_id]
    assert hits == find_all(stored, "互助合作")  # search finds the restored text, at its positions
    win.close()
    assert check_project(path).ok

"""Issue 20: every view follows the project it shows; nothing from a closed project reaches the new one.

Driven through the real widgets: keyboard shortcuts for File → New and Import (their file dialogs are
replaced, being native modal dialogs), mouse clicks on the document list, a mouse drag over the text,
Ctrl+E and the quick-code box.
"""

from __future__ import annotations

import gc
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog

from app.core import codebook, coding, documents
from app.core.check import check_project
from app.core.errors import StaleTextError
from app.core.project import create_project, open_project
from app.ui.main_window import MainWindow
from tests.ui.conftest import utf16

# Project A's document 1 (shown when A opens) and project B's document 1 (imported after File → New).
TEXT_A = "访谈记录甲\n5月12日 访谈地点：社区中心。受访者谈到增权赋能。\n"
TEXT_B = "第二份访谈，讲的是别的事。后来大家互助合作，压力小了很多。😀𠮷\r\n结束。\n"


@pytest.fixture
def project_a(tmp_path: Path) -> Path:
    path = tmp_path / "甲.guiji"
    src = tmp_path / "访谈甲.txt"
    src.write_text(TEXT_A, encoding="utf-8")
    with create_project(path) as project:
        documents.import_files(project, [src])
        codebook.create_code(project, "甲的编码", color="#CC3311")
    return path


@pytest.fixture
def switched(qtbot, project_a: Path, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    """Window opened on A (document 1 shown), then File → New project B by Ctrl+N, then Ctrl+I imports B's text."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.tasks.inline = True
    win.sync_refresh = True
    win.open_project_path(project_a)
    win.show()
    qtbot.waitExposed(win)
    assert win.document_view.document_id == 1 and win.document_view.text() == TEXT_A

    path_b = tmp_path / "乙.guiji"
    source_b = tmp_path / "访谈乙.txt"
    source_b.write_bytes(TEXT_B.encode("utf-8"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path_b), ""))
    # the new-project dialog: an empty project (no template)
    monkeypatch.setattr("app.ui.new_project_dialog.choose_template", lambda *a, **k: (True, None))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(source_b)], ""))
    win.windowHandle().requestActivate()  # shortcuts go to the active window only
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    monkeypatch.setattr(win, "show_error", lambda summary, detail: pytest.fail(f"{summary} {detail}"))
    win.document_view.setFocus()
    qtbot.keyClick(win.document_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert win.controller is not None and win.controller.project.path == path_b
    # Right after File → New, nothing of A is left on screen.
    assert win.document_view.document_id is None and win.document_view.text() == ""
    assert win.documents_model.rowCount() == 0 and win.codes_model.all_codes() == []
    codebook.create_code(win.controller.project, "互助合作", color="#0077BB")
    win.code_panel.reload()
    qtbot.keyClick(win.document_view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    [doc] = documents.list_documents(win.controller.project)
    assert doc.id == 1  # the id A's shown document had
    yield win
    win.close()  # closes B
    for path in (project_a, path_b):  # both projects these tests leave are sound
        report = check_project(path)
        assert report.ok, report.problems


def drag_select(qtbot, win: MainWindow, start_cp: int, end_cp: int) -> None:  # type: ignore[no-untyped-def]
    """Select ``[start_cp, end_cp)`` with a mouse drag over the text."""
    view = win.document_view
    text = view.text()

    def point(cp: int) -> QPoint:
        cursor = QTextCursor(view.document())
        cursor.setPosition(utf16(text, cp))
        rect = view.cursorRect(cursor)
        return QPoint(rect.left() + 1, rect.center().y())

    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point(start_cp))
    qtbot.mouseMove(view.viewport(), point(end_cp))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point(end_cp))
    assert view.selection_range() == (start_cp, end_cp)


def click_document(qtbot, win: MainWindow, row: int) -> None:  # type: ignore[no-untyped-def]
    view = win.documents_view
    rect = view.visualRect(win.documents_model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def stored(win: MainWindow) -> list[tuple[int, int, str, str]]:
    assert win.controller is not None
    return [(c.start, c.end, c.text, c.code) for c in coding.list_codings(win.controller.project)]


def test_new_project_shows_only_the_new_project(switched: MainWindow) -> None:
    win = switched
    # The import is shown (nothing was on screen): B's text, never A's.
    assert win.document_view.shown_in(win.controller.project) is not None  # type: ignore[union-attr]
    assert win.document_view.text() == TEXT_B.replace("\r\n", "\n")
    assert win.document_view.codings() == []
    assert [win.documents_model.document(r).name for r in range(win.documents_model.rowCount())] == ["访谈乙"]
    assert [c.path for c in win.codes_model.all_codes()] == ["互助合作"]
    assert win.coder_filter.findText("all coders") <= 0


def test_ctrl_e_on_the_new_project_codes_the_words_the_user_sees(switched: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = switched
    # No selection: Ctrl+E stores nothing.
    win.codes_view.setCurrentIndex(win.codes_model.index_of(win.codes_model.all_codes()[0].id))
    win.document_view.setFocus()
    qtbot.keyClick(win.document_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert stored(win) == []
    click_document(qtbot, win, 0)
    assert win.document_view.text() == TEXT_B.replace("\r\n", "\n")
    start = win.document_view.text().index("互助合作")
    drag_select(qtbot, win, start, start + 4)
    qtbot.keyClick(win.document_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert stored(win) == [(start, start + 4, "互助合作", "互助合作")]


def test_quick_code_box_on_the_new_project(switched: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = switched
    click_document(qtbot, win, 0)
    text = win.document_view.text()
    start = text.index("😀")
    drag_select(qtbot, win, start, start + 2)  # 😀𠮷: two code points, four UTF-16 units
    qtbot.keyClick(win.document_view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert win.code_panel.quick.hasFocus()
    qtbot.keyClicks(win.code_panel.quick, "hzhz")
    qtbot.keyClick(win.code_panel.quick, Qt.Key.Key_Return)
    assert stored(win) == [(start, start + 2, "😀𠮷", "互助合作")]


def test_a_stale_text_is_refused_not_coded(switched: MainWindow, qtbot, project_a: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Even if a view still showed A's text under B's document id, coding it changes nothing in B."""
    win = switched
    errors: list[str] = []
    monkeypatch.setattr(win, "show_error", lambda summary, detail: errors.append(detail))
    with open_project(project_a, read_only=True) as project_a_ro:
        win.document_view.set_document(1, TEXT_A, [], {}, project=project_a_ro)  # what the bug left on screen
    start = TEXT_A.index("5月12日")
    drag_select(qtbot, win, start, start + 10)
    win.codes_view.setCurrentIndex(win.codes_model.index_of(win.codes_model.all_codes()[0].id))
    win.document_view.setFocus()
    qtbot.keyClick(win.document_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert stored(win) == []
    # The same text bound to B (as if it had been read from B) is refused by its hash.
    win.document_view.set_document(1, TEXT_A, [], {}, project=win.controller.project)  # type: ignore[union-attr]
    drag_select(qtbot, win, start, start + 10)
    qtbot.keyClick(win.document_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert stored(win) == []
    assert errors and "nothing was changed" in errors[-1]


def test_the_service_refuses_a_text_that_is_not_stored(tmp_path: Path) -> None:
    src = tmp_path / "t.txt"
    src.write_text(TEXT_B, encoding="utf-8")
    with create_project(tmp_path / "p.guiji") as project:
        [doc] = documents.import_files(project, [src])
        code = codebook.create_code(project, "c")
        with pytest.raises(StaleTextError):
            coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=0, end=2, coder="x",
                                expect_sha256="0" * 64)
        assert coding.list_codings(project) == []
        made = coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=0, end=2, coder="x",
                                   expect_sha256=doc.sha256)
        assert made.text == "第二"


def test_a_suggestion_job_ending_after_its_project_closed_is_dropped(qtbot, project_a: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 20 (3): no 'Signal source has been deleted' when the panel and its project are gone."""
    import shiboken6

    from app.ui import tasks as suggestions_model  # the jobs live in app.ui.tasks

    raised: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: raised.append(exc))
    monkeypatch.setattr(sys, "unraisablehook", lambda info: raised.append(info.exc_value))
    win = MainWindow()
    qtbot.addWidget(win)
    win.open_project_path(project_a)
    panel = win.suggestions_panel  # type: ignore[attr-defined]
    release = threading.Event()
    started = threading.Event()
    progressed = threading.Event()

    def work(progress):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(10)
        try:
            progress(1, 2)
        finally:
            progressed.set()
        return []

    job = panel._start("suggest", work, 1)
    assert started.wait(10)
    win.open_project_path(project_a, read_only=True)  # another project: the job's results mean nothing now
    shiboken6.delete(job.signals)  # what closing the window does to the job's signal source
    del job
    gc.collect()
    release.set()
    assert QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()
    assert progressed.is_set()
    assert raised == []
    assert not suggestions_model._RUNNING

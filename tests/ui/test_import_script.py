"""Issue 15: importing Traditional transcripts into a Simplified project offers keep (default) or
convert; the import is one undo step either way. Driven by Ctrl+I and key presses on the question."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app.core import documents
from app.core.project import create_project
from app.ui.import_script import files_script, project_script
from app.ui.main_window import MainWindow

SIMPLIFIED = "访谈者：我们一起做增权赋能的工作。\n受访者：软件很好用，代议政治也很重要。\n"
TRADITIONAL = "訪談者：我們一起做增權賦能的工作。\r\n受訪者：軟體很好用，代議政治也很重要𠮷😀。\r\n"


@pytest.fixture
def win(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    path = tmp_path / "简体.guiji"
    src = tmp_path / "简体访谈.txt"
    src.write_text(SIMPLIFIED, encoding="utf-8")
    with create_project(path) as project:
        documents.import_files(project, [src])
    traditional = tmp_path / "繁體訪談.txt"
    traditional.write_bytes(TRADITIONAL.encode("utf-8"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(traditional)], ""))
    window = MainWindow()
    qtbot.addWidget(window)
    window.tasks.inline = True
    window.sync_refresh = True
    window.open_project_path(path)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    monkeypatch.setattr(window, "show_error", lambda summary, detail: pytest.fail(f"{summary} {detail}"))
    yield window
    window.close()


def answer_with(qtbot, key: Qt.Key | str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """When the question shows, remember its text and press ``key`` (Enter), or click the button whose
    text starts with ``key``."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        if isinstance(key, str):
            button = next(b for b in box.buttons() if b.text().replace("&", "").startswith(key))
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(box, key)

    QTimer.singleShot(0, press)


def imported_text(window: MainWindow) -> str:
    project = window.controller.project  # type: ignore[union-attr]
    doc = next(d for d in documents.list_documents(project) if d.name == "繁體訪談")
    return documents.document_text(project, doc.id)


def test_scripts_are_recognised(win: MainWindow, tmp_path: Path) -> None:
    assert project_script(win.controller.project) == "hans"  # type: ignore[union-attr]
    assert files_script([str(tmp_path / "繁體訪談.txt")]) == "hant"
    assert files_script([str(tmp_path / "简体访谈.txt")]) == "hans"


def test_keep_is_the_default_and_import_undoes(win: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    answer_with(qtbot, Qt.Key.Key_Return, seen)
    qtbot.keyClick(win.document_view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert seen and ("Traditional" in seen[0] or "繁体" in seen[0])
    assert imported_text(win) == TRADITIONAL.replace("\r\n", "\n")
    assert win.documents_model.rowCount() == 2
    assert win.controller.undo_stack.undoText() == win.tr("Import {n} document(s)").format(n=1)  # type: ignore[union-attr]
    win.windowHandle().requestActivate()  # back from the question box
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    qtbot.keyClick(win.document_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [d.name for d in documents.list_documents(win.controller.project)] == ["简体访谈"]  # type: ignore[union-attr]
    assert win.documents_model.rowCount() == 1
    qtbot.keyClick(win.document_view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert imported_text(win) == TRADITIONAL.replace("\r\n", "\n")


def test_convert_to_the_projects_script(win: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    answer_with(qtbot, "Convert", seen)  # &Convert to Simplified Chinese (the test runs in English)
    qtbot.keyClick(win.document_view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    text = imported_text(win)
    assert "访谈者：我们一起做增权赋能的工作。" in text and "代议政治" in text and "𠮷😀" in text
    assert len(text) == len(TRADITIONAL.replace("\r\n", "\n"))

"""Issue 13 (4): a project open elsewhere — the message names the holder and Open read-only opens it;
closing the window leaves no lock file."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.core.project import open_project
from app.ui.main_window import MainWindow


def _click_when_shown(qtbot, seen: dict[str, str], button: str) -> None:  # type: ignore[no-untyped-def]
    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        seen["text"] = box.text()
        seen["info"] = box.informativeText()
        target = box.findChild(QPushButton, button) if button else box.button(QMessageBox.StandardButton.Cancel)
        QTest.mouseClick(target, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)


def test_open_read_only_from_the_lock_message(qtbot, project_file: Path) -> None:  # type: ignore[no-untyped-def]
    holder = open_project(project_file)  # another "process" holds it for writing
    try:
        win = MainWindow()
        qtbot.addWidget(win)
        win.tasks.inline = True
        seen: dict[str, str] = {}
        _click_when_shown(qtbot, seen, "open-read-only")
        win.open_project_path(project_file)
        assert project_file.name in seen["text"]
        assert str(os.getpid()) in seen["info"] and socket.gethostname() in seen["info"]
        assert win.controller is not None and win.controller.project.read_only
        assert win.documents_model.rowCount() == 1
    finally:
        holder.close()


def test_cancel_keeps_no_project_and_close_removes_the_lock(qtbot, project_file: Path) -> None:  # type: ignore[no-untyped-def]
    lock_file = Path(f"{project_file}.lock")
    holder = open_project(project_file)
    win = MainWindow()
    qtbot.addWidget(win)
    win.tasks.inline = True
    seen: dict[str, str] = {}
    _click_when_shown(qtbot, seen, "")
    win.open_project_path(project_file)
    assert seen and win.controller is None
    holder.close()
    assert not lock_file.exists()
    win.open_project_path(project_file)
    assert win.controller is not None and not win.controller.project.read_only
    assert lock_file.exists()
    win.show()
    qtbot.waitExposed(win)
    win.close()
    QApplication.processEvents()
    assert not lock_file.exists()

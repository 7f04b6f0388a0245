"""First run for a person: the window opens on the start page and Help shows where the log is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QApplication, QMessageBox

import app.ui.help as help_module
from app.ui.errors import log, log_file, setup_logging
from app.ui.main_window import MainWindow


def _window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _log_action(win: MainWindow):  # type: ignore[no-untyped-def]
    action = next(a for a in win.help_menu.actions() if a.objectName() == "help-log-folder")
    assert action.text().replace("&", "").startswith(("Show log folder", "显示日志文件夹"))
    return action


def test_window_opens_on_start_page_and_help_opens_the_log_folder(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[QUrl] = []
    monkeypatch.setattr(help_module, "can_open_folders", lambda: True)
    monkeypatch.setattr(help_module.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    path = setup_logging()
    log.error("first-run smoke: an error for the log")
    win = _window(qtbot)
    assert win.centralWidget().currentWidget() is win.start_page
    _log_action(win).trigger()
    assert [Path(u.toLocalFile()) for u in opened] == [log_file().parent]
    assert path == log_file()
    for handler in log.handlers:
        handler.flush()
    assert "first-run smoke" in path.read_text(encoding="utf-8")


def test_without_a_file_manager_the_log_folder_is_named_in_a_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert not help_module.can_open_folders()  # the tests run offscreen
    win = _window(qtbot)
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.close()

    QTimer.singleShot(0, read_and_close)
    _log_action(win).trigger()
    assert shown and str(log_file().parent) in shown[0]

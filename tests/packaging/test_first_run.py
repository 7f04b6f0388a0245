"""First run for a person: the window opens on the start page and Help shows where the log is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl

import app.ui.help as help_module
from app.ui.errors import log, log_file, setup_logging
from app.ui.main_window import MainWindow


def test_window_opens_on_start_page_and_help_opens_the_log_folder(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[QUrl] = []
    monkeypatch.setattr(help_module.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    path = setup_logging()
    log.error("first-run smoke: an error for the log")
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.centralWidget().currentWidget() is win.start_page
    action = next(a for a in win.help_menu.actions() if a.objectName() == "help-log-folder")
    assert action.text().replace("&", "").startswith(("Show log folder", "显示日志文件夹"))
    action.trigger()
    assert [Path(u.toLocalFile()) for u in opened] == [log_file().parent]
    assert path == log_file()
    for handler in log.handlers:
        handler.flush()
    assert "first-run smoke" in path.read_text(encoding="utf-8")

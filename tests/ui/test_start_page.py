"""Issue 13 (8): the start page without a project (recent projects, the sample, new, imports) and
Help ▸ User guide / About — driven by mouse clicks and keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QTextBrowser

from app.ui.main_window import MainWindow, remember_project
from app.ui.start_page import sample_path


def _window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow()
    qtbot.addWidget(win)
    win.tasks.inline = True
    win.show()
    qtbot.waitExposed(win)
    return win


def _page_shown(win: MainWindow) -> bool:
    return win.centralWidget().currentWidget() is win.start_page


def test_recent_project_opens_by_click_and_by_enter(qtbot, project_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.guiji"
    from app.core.project import create_project

    create_project(other).close()
    remember_project(project_file)
    remember_project(other)  # newest first: other, then ui.guiji
    win = _window(qtbot)
    assert _page_shown(win)
    page = win.start_page
    assert [page.recent.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.recent.count())] == [
        str(other), str(project_file)]
    # Enter opens the current (newest) project.
    page.recent.setFocus()
    QTest.keyClick(page.recent, Qt.Key.Key_Return)
    assert win.controller is not None and win.controller.project.path == other
    assert not _page_shown(win)
    # Closing the project brings the page back; a click on the second entry opens it.
    win._set_project(None)
    assert _page_shown(win)
    rect = page.recent.visualItemRect(page.recent.item(1))
    QTest.mouseClick(page.recent.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.controller is not None and win.controller.project.path == project_file
    assert win.documents_model.rowCount() == 1


def test_sample_is_built_once_and_opened(qtbot) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot)
    assert not sample_path().exists()
    QTest.mouseClick(win.start_page.buttons["sample"], Qt.MouseButton.LeftButton)
    assert win.controller is not None and win.controller.project.path == sample_path()
    assert win.documents_model.rowCount() >= 3
    stamp = sample_path().stat().st_mtime_ns
    win._set_project(None)
    QTest.mouseClick(win.start_page.buttons["sample"], Qt.MouseButton.LeftButton)
    assert win.controller is not None and sample_path().stat().st_mtime_ns == stamp


def test_import_buttons_run_the_import_actions(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction

    win = _window(qtbot)
    seen: list[str] = []
    # The File menu's import actions (app/ui/exchange.py), their file dialogs replaced by a record.

    for name in ("import-qdpx", "import-rqda"):
        action = win.findChild(QAction, name)
        action.triggered.disconnect()
        action.triggered.connect(lambda _c=False, n=name: seen.append(n))
    QTest.mouseClick(win.start_page.buttons["qdpx"], Qt.MouseButton.LeftButton)
    QTest.mouseClick(win.start_page.buttons["rqda"], Qt.MouseButton.LeftButton)
    assert seen == ["import-qdpx", "import-rqda"]


def _close_dialog_when_shown(found: dict[str, object], name: str) -> None:
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or dialog.objectName() != name:
            QTimer.singleShot(20, act)
            return
        found["dialog"] = dialog
        browser = dialog.findChild(QTextBrowser)
        found["text"] = browser.toPlainText() if browser else dialog.findChild(QLabel, "about-text").text()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, act)


def test_help_user_guide_and_about(qtbot) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot)
    found: dict[str, object] = {}
    _close_dialog_when_shown(found, "user-guide")
    guide = next(a for a in win.help_menu.actions() if a.objectName() == "help-user-guide")
    guide.trigger()
    text = str(found["text"])
    assert "User guide" in text and "A project" in text
    assert "## 1." not in text  # rendered, not shown as markup
    found.clear()
    _close_dialog_when_shown(found, "about")
    about = next(a for a in win.help_menu.actions() if a.objectName() == "help-about")
    about.trigger()
    text = str(found["text"])
    assert "0." in text and "SQLAlchemy" in text and "MIT" in text and "LGPL" in text

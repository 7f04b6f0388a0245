"""Issue 13 item 2: the text context menu, driven by real input events.

Text is selected by dragging the mouse over the viewport (over 𠮷 and 😀, so UTF-16 and code points
differ), the menu is opened by Shift+F10 or the Menu key and walked by its accelerators; the result is
read back through app.core queries, then undone and redone with Ctrl+Z / Ctrl+Y.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.core import codebook
from app.ui.main_window import MainWindow
from app.ui.text_menu import invivo_name, reference
from tests.ui.conftest import code_id, utf16
from tests.ui.test_delete_undo import activate

CTRL = Qt.KeyboardModifier.ControlModifier
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")


def point_of(win: MainWindow, cp: int) -> QPoint:
    view = win.document_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(utf16(view.text(), cp))
    return view.cursorRect(cursor).center()


def drag_select(qtbot, win: MainWindow, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    viewport = win.document_view.viewport()
    a, b = point_of(win, start), point_of(win, end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(viewport, b)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    assert win.document_view.selection_range() == (start, end)


def in_popup(*keys: str | Qt.Key) -> Callable[[], None]:
    """Press ``keys`` in whichever popup menu is open at that moment (one popup level per key)."""
    def press() -> None:
        popup = QApplication.activePopupWidget()
        assert popup is not None, "no menu open"
        key = keys[0]
        if isinstance(key, str):
            QTest.keyClicks(popup, key)
        else:
            QTest.keyClick(popup, key)
        if len(keys) > 1:
            QTimer.singleShot(200, in_popup(*keys[1:]))  # the submenu opens first
    return press


def close_popups() -> None:
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()


def open_menu(qtbot, win: MainWindow, *keys: str | Qt.Key, menu_key: bool = False) -> None:  # type: ignore[no-untyped-def]
    QTimer.singleShot(50, in_popup(*keys))
    QTimer.singleShot(4000, close_popups)  # a key that did not act fails the test instead of hanging it
    if menu_key:
        QTest.keyClick(win.document_view, Qt.Key.Key_Menu)
    else:
        QTest.keyClick(win.document_view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=3000)


def counts(win: MainWindow) -> dict[str, int]:
    assert win.controller is not None
    return {c.path: c.codings for c in codebook.list_codes(win.controller.project)}


def span(win: MainWindow, words: str) -> tuple[int, int]:
    at = win.document_view.text().index(words)
    return at, at + len(words)


def test_code_with_pinned_code_by_shift_f10_then_undo_redo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    target = code_id(window, "内生因素/增权赋能")
    window.code_panel.pin_code(target, 1)
    activate(qtbot, window)
    start, end = span(window, "您好𠮷😀")
    drag_select(qtbot, window, start, end)
    # Return on the first item of the submenu: the pinned code ("1" itself is also the window's pinned-code key).
    open_menu(qtbot, window, "w", Qt.Key.Key_Return)
    assert counts(window)["内生因素/增权赋能"] == 1
    assert window.controller is not None
    assert "增权赋能" in window.undo_action.text()
    QTest.keyClick(window.document_view, Qt.Key.Key_Z, CTRL)
    assert counts(window)["内生因素/增权赋能"] == 0
    QTest.keyClick(window.document_view, Qt.Key.Key_Y, CTRL)
    assert counts(window)["内生因素/增权赋能"] == 1
    assert window.text_menu.recent == [target]  # type: ignore[attr-defined]


def test_invivo_code_by_menu_key_is_one_undo_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    start, end = span(window, "增权赋能的工作")
    drag_select(qtbot, window, start, end)
    open_menu(qtbot, window, "i", menu_key=True)
    assert counts(window).get("增权赋能的工作") == 1
    # The Edit menu's Undo item names what it undoes.
    assert window.undo_action.text().startswith("&Undo ") and "增权赋能的工作" in window.undo_action.text()
    QTest.keyClick(window.document_view, Qt.Key.Key_Z, CTRL)
    assert "增权赋能的工作" not in counts(window)
    assert "增权赋能的工作" in window.redo_action.text()
    QTest.keyClick(window.document_view, Qt.Key.Key_Y, CTRL)
    assert counts(window).get("增权赋能的工作") == 1


def test_copy_with_reference_uses_code_points(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    start, end = span(window, "𠮷😀！请谈谈")
    drag_select(qtbot, window, start, end)
    QGuiApplication.clipboard().clear()
    open_menu(qtbot, window, "r")
    assert QGuiApplication.clipboard().text() == f"𠮷😀！请谈谈 «访谈甲, {start}–{end}»"
    assert (start, end) == (6, 12)  # 访谈者：您好 = 6 code points before 𠮷


def test_helpers() -> None:
    assert reference("甲", "ab𠮷c", 2, 3) == "𠮷 «甲, 2–3»"
    assert invivo_name(" “互助 合作”。") == "互助 合作"

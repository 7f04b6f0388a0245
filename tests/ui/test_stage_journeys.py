"""Issue 13: stages in the window, driven by real input events, each undone and redone.

A passage is selected by dragging the mouse over the text viewport, then put in a stage with Ctrl+J
and pinyin initials (``xt`` → 协调) or the stage's number; with no selection Ctrl+J takes the
sentence at the cursor; Esc cancels. A whole document gets a stage from the document list's context
menu (opened by the mouse, walked by keyboard accelerators); a coding's stage is overridden from the
coded-passages dock. After each, Ctrl+Z and Ctrl+Y: the app.core queries show the span, the
document stage or the coding stage there, gone, back. Positions are code points: the passages hold
𠮷 and 😀, and the transcript was imported from a file with \\r\\n line ends.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from app.core import codebook, coding, documents, stages
from app.core.changes import Changes
from app.core.project import create_project
from app.core.text import split_sentences
from app.ui.main_window import MainWindow
from app.ui.stage_picker import StagePicker, find_stages, sentence_around, sentence_at
from tests.ui.conftest import SOURCE, utf16
from tests.ui.test_delete_undo import activate

CTRL = Qt.KeyboardModifier.ControlModifier
STAGES = ("扎根", "协调", "巩固")
# Menus pop up as windows of their own: the offscreen platform says it cannot raise them or give them
# the keyboard (they get the keys anyway), harmless.
MENUS = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    """One transcript (\\r\\n line ends, 𠮷 and 😀), three stages, a coding of 互助合作 (the
    ``window`` fixture of tests/ui/conftest.py opens it)."""
    path = tmp_path / "阶段.guiji"
    src = tmp_path / "访谈甲.txt"
    src.write_bytes(SOURCE.encode("utf-8"))
    with create_project(path) as project:
        [doc] = documents.import_files(project, [src])
        for name in STAGES:
            stages.add_stage(project, name)
        code = codebook.create_code(project, "内生因素/互助合作", color="#0077BB")
        text = documents.document_text(project, doc.id)
        at = text.index("互助合作")
        coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=at, end=at + 4, coder="甲")
    return path


def project(window: MainWindow):  # type: ignore[no-untyped-def]
    assert window.controller is not None
    return window.controller.project


def stage_id(window: MainWindow, name: str) -> int:
    return next(s.id for s in stages.list_stages(project(window)) if s.name == name)


def spans(window: MainWindow) -> list[tuple[str, int, int]]:
    doc = window.shown_document_id()
    assert doc is not None
    return [(s.stage, s.start, s.end) for s in stages.list_stage_spans(project(window), doc)]


def point_at(window: MainWindow, cp: int) -> QPoint:
    """Where code point ``cp`` starts on the text viewport (the caret there)."""
    view = window.document_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(utf16(view.text(), cp))
    return view.cursorRect(cursor).center()


def drag_select(qtbot, window: MainWindow, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    """Select code points ``[start, end)`` by pressing the mouse at one end and releasing at the other."""
    viewport = window.document_view.viewport()
    left = Qt.MouseButton.LeftButton
    if window.document_view.selection_range() is not None:  # a press inside a selection would drag the text
        qtbot.keyClick(window.document_view, Qt.Key.Key_Left)
    qtbot.mousePress(viewport, left, pos=point_at(window, start))
    qtbot.mouseMove(viewport, point_at(window, (start + end) // 2))
    qtbot.mouseMove(viewport, point_at(window, end))
    qtbot.mouseRelease(viewport, left, pos=point_at(window, end))
    assert window.document_view.selection_range() == (start, end)


def picker(window: MainWindow) -> StagePicker:
    found = window.findChild(StagePicker)
    assert found is not None
    return found


def ctrl_j(qtbot, window: MainWindow) -> StagePicker:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    window.document_view.setFocus()
    qtbot.keyClick(window.document_view, Qt.Key.Key_J, CTRL)
    box = picker(window)
    qtbot.waitUntil(box.isVisible, timeout=3000)
    return box


def undo_redo(qtbot, window: MainWindow, state: Callable[[], object], before: object, after: object) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z gives ``state() == before``, then Ctrl+Y gives ``state() == after`` again."""
    activate(qtbot, window)
    assert state() == after
    qtbot.keyClick(window.document_view, Qt.Key.Key_Z, CTRL)
    assert state() == before
    qtbot.keyClick(window.document_view, Qt.Key.Key_Y, CTRL)
    assert state() == after


def right_click(qtbot, viewport, pos: QPoint) -> None:  # type: ignore[no-untyped-def]
    """A right click: the press, then the context-menu event the window system makes of it.

    QTest's events go straight to the widget, so the context-menu event a platform makes of a right
    press is sent here as the platform would (``exec`` of the menu blocks: drive it with :func:`in_popup`).
    """
    qtbot.mousePress(viewport, Qt.MouseButton.RightButton, pos=pos)
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos)))
    qtbot.mouseRelease(viewport, Qt.MouseButton.RightButton, pos=pos)


def in_popup(qtbot, steps: Callable[[QMenu], None]) -> None:  # type: ignore[no-untyped-def]
    """Run ``steps`` on the next context menu that pops up (its ``exec`` blocks the test until closed)."""

    def drive() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, drive)
            return
        steps(menu)

    QTimer.singleShot(20, drive)


# --- the picker on its own ------------------------------------------------------------------------
def test_find_stages_by_number_name_and_pinyin(window: MainWindow) -> None:
    listed = stages.list_stages(project(window))
    assert [s.name for s in find_stages("xt", listed)] == ["协调"]
    assert [s.name for s in find_stages("3", listed)] == ["巩固"]
    assert [s.name for s in find_stages("協調", listed)] == ["协调"]  # Traditional finds Simplified
    assert [s.name for s in find_stages("", listed)] == list(STAGES)
    assert find_stages("9", listed) == [] and find_stages("qq", listed) == []


def test_the_sentence_at_the_cursor_is_found_near_it_as_in_the_whole_text() -> None:
    text = SOURCE + "没有标点的一行\n\n最后一句……“好。”"  # \r\n, 𠮷, 😀, an empty line, closing quotes
    whole = split_sentences(text)
    for cp in range(len(text) + 1):
        assert sentence_around(text, cp) == sentence_at(whole, cp), cp
    assert sentence_around(text, text.index("请谈谈")) == (text.index("请谈谈"), text.index("请谈谈") + 6)


# --- Ctrl+J ---------------------------------------------------------------------------------------
def test_drag_select_then_ctrl_j_pinyin_initials_enter_undo_redo(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    text = window.document_view.text()
    start = text.index("您好𠮷😀")
    end = text.index("受访者") + 3  # across the line break (\r\n in the file)
    drag_select(qtbot, window, start, end)
    seen: list[Changes] = []
    assert window.controller is not None
    window.controller.changes_made.connect(seen.append)

    box = ctrl_j(qtbot, window)
    assert "字符" in box.target.text() or str(start) in box.target.text()
    qtbot.keyClicks(box.edit, "xt")
    assert box.list.count() == 1 and "协调" in box.list.item(0).text()
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)

    assert not box.isVisible()
    assert spans(window) == [("协调", start, end)]
    assert text[start:end] == "您好𠮷😀！请谈谈项目。\n受访者"  # code points, not UTF-16 units
    assert "协调" in window.controller.undo_stack.undoText()
    # The change stream says stages and the codings of this document changed: the process window,
    # the timeline and the passages dock (which all follow it) reload.
    assert any(c.stages and window.shown_document_id() in c.coding_documents() for c in seen)
    undo_redo(qtbot, window, lambda: spans(window), [], [("协调", start, end)])


def test_ctrl_j_without_selection_takes_the_sentence_at_the_cursor_by_number(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    text = window.document_view.text()
    inside = text.index("大家互助")
    qtbot.mouseClick(window.document_view.viewport(), Qt.MouseButton.LeftButton, pos=point_at(window, inside))
    assert window.document_view.selection_range() is None
    sentence = next((s, e) for s, e in split_sentences(text) if s <= inside < e)
    assert text[sentence[0]:sentence[1]] == "后来大家互助合作，压力小了很多。"

    box = ctrl_j(qtbot, window)
    qtbot.keyClicks(box.edit, "3")
    qtbot.keyClick(box.edit, Qt.Key.Key_Enter)
    assert spans(window) == [("巩固", *sentence)]
    undo_redo(qtbot, window, lambda: spans(window), [], [("巩固", *sentence)])


def test_escape_cancels_and_a_new_stage_trims_the_old_span(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.controller is not None
    text = window.document_view.text()
    start, end = text.index("我们"), text.index("压力")
    drag_select(qtbot, window, start, end)
    box = ctrl_j(qtbot, window)
    qtbot.keyClicks(box.edit, "1")
    qtbot.keyClick(box.edit, Qt.Key.Key_Escape)
    assert not box.isVisible() and spans(window) == [] and window.controller.undo_stack.count() == 0

    box = ctrl_j(qtbot, window)
    qtbot.keyClicks(box.edit, "zg")  # 扎根
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    middle = text.index("大家")
    drag_select(qtbot, window, middle, middle + 2)
    box = ctrl_j(qtbot, window)
    qtbot.keyClick(box.edit, Qt.Key.Key_Down)  # the list, with nothing typed: 扎根, 协调, 巩固
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert spans(window) == [("扎根", start, middle), ("协调", middle, middle + 2), ("扎根", middle + 2, end)]
    assert window.controller.undo_stack.count() == 2  # one step each
    undo_redo(qtbot, window, lambda: spans(window), [("扎根", start, end)],
              [("扎根", start, middle), ("协调", middle, middle + 2), ("扎根", middle + 2, end)])


def test_ctrl_j_is_in_the_shortcut_list_and_explains_itself_without_a_document(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_J, CTRL)
    assert "Open a document first" in window.statusBar().currentMessage()
    assert not picker(window).isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F1)  # Help ▸ Keyboard shortcuts
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "<b>Ctrl+J</b></td><td>Set stage…" in box.text()
    assert box.text().count("<b>Ctrl+J</b>") == 1  # no other action on the key
    box.close()


def test_ctrl_j_on_a_read_only_project_says_so(qtbot, project_file: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_project_path(project_file, read_only=True)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    assert window.shown_document_id() is not None
    qtbot.keyClick(window.document_view, Qt.Key.Key_J, CTRL)
    assert "read-only" in window.statusBar().currentMessage()
    assert not picker(window).isVisible()


# --- the Stages menu and the document list ---------------------------------------------------------
@MENUS
def test_document_list_context_menu_sets_the_documents_stage(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = window.shown_document_id()
    assert doc is not None
    view = window.documents_panel.view
    rect = view.visualRect(window.documents_model.index(window.documents_model.row_of(doc), 0))

    def walk(menu: QMenu) -> None:
        qtbot.keyClick(menu, Qt.Key.Key_S)  # "Set &stage" opens its submenu
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not menu, timeout=3000)
        submenu = QApplication.activePopupWidget()
        assert "协调" in [a.text().replace("&2 ", "") for a in submenu.actions()]
        qtbot.keyClick(submenu, Qt.Key.Key_2)  # "&2 协调"

    in_popup(qtbot, walk)
    right_click(qtbot, view.viewport(), rect.center())
    wanted = stage_id(window, "协调")
    qtbot.waitUntil(lambda: stages.document_stage_id(project(window), doc) == wanted, timeout=3000)
    # The coding of 互助合作 (no span, no own stage) now takes its document's stage.
    [made] = coding.list_codings(project(window), document_id=doc)
    assert made.stage == "协调"
    undo_redo(qtbot, window, lambda: stages.document_stage_id(project(window), doc), None, wanted)


def test_document_properties_stage_field(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.ui.stage_actions import DocumentStageCombo

    doc = window.shown_document_id()
    assert doc is not None
    dialog = window.documents_panel.properties_dialog(doc)
    dialog.show()
    combo = dialog.findChild(DocumentStageCombo)
    assert combo is not None and combo.currentData() is None
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the next item: 扎根
    assert stages.document_stage_id(project(window), doc) == stage_id(window, "扎根")
    dialog.close()
    undo_redo(qtbot, window, lambda: stages.document_stage_id(project(window), doc), None, stage_id(window, "扎根"))


# --- the coded-passages dock -----------------------------------------------------------------------
@MENUS
def test_passages_dock_overrides_a_codings_stage(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = window.shown_document_id()
    assert doc is not None
    text = window.document_view.text()
    at = text.index("互助合作")
    drag_select(qtbot, window, at - 2, at + 6)  # a span of 扎根 around the coding: it inherits 扎根
    box = ctrl_j(qtbot, window)
    qtbot.keyClicks(box.edit, "1")
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    [made] = coding.list_codings(project(window), document_id=doc)
    assert made.stage == "扎根" and made.own_stage_id is None

    panel = window.retrieval_panel
    window.retrieval_dock.show()
    code = next(c for c in window.codes_model.all_codes() if c.path == "内生因素/互助合作")
    window.codes_view.setCurrentIndex(window.codes_model.index_of(code.id))
    panel._add(panel.include)
    panel.run()
    column = 4  # Stage
    assert panel.model.index(0, column).data() == "扎根"
    row_rect = panel.view.visualRect(panel.model.index(0, 0))

    def choose(menu: QMenu) -> None:
        qtbot.keyClick(menu, Qt.Key.Key_C)  # "Stage of this &coding"
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not menu, timeout=3000)
        qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_3)  # "&3 巩固"

    in_popup(qtbot, choose)
    right_click(qtbot, panel.view.viewport(), row_rect.center())
    qtbot.waitUntil(lambda: coding.get_coding(project(window), made.id).own_stage == "巩固", timeout=3000)
    qtbot.waitUntil(lambda: panel.model.index(0, column).data() == "巩固", timeout=3000)  # the dock follows

    def own() -> str | None:
        return coding.get_coding(project(window), made.id).own_stage

    undo_redo(qtbot, window, own, None, "巩固")
    assert panel.model.index(0, column).data() == "巩固"

    def inherit(menu: QMenu) -> None:
        qtbot.keyClick(menu, Qt.Key.Key_C)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not menu, timeout=3000)
        qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_I)  # "&Inherit"

    in_popup(qtbot, inherit)
    right_click(qtbot, panel.view.viewport(), row_rect.center())
    qtbot.waitUntil(lambda: own() is None, timeout=3000)
    assert coding.get_coding(project(window), made.id).stage == "扎根"


def test_the_process_window_follows_a_stage_set_with_ctrl_j(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)  # Process ▸ Timeline
    process = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "process-window")
    qtbot.waitUntil(lambda: process.data is not None, timeout=10000)
    assert {c.stage_id for c in process.data.codings} == {None}
    text = window.document_view.text()
    at = text.index("互助合作")
    drag_select(qtbot, window, at, at + 4)
    box = ctrl_j(qtbot, window)
    qtbot.keyClicks(box.edit, "gg")
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    wanted = stage_id(window, "巩固")
    qtbot.waitUntil(lambda: {c.stage_id for c in process.data.codings} == {wanted}, timeout=5000)
    qtbot.keyClick(window.document_view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: {c.stage_id for c in process.data.codings} == {None}, timeout=5000)
    process.close()


@MENUS
def test_stages_menu_by_keyboard_sets_the_selections_stage(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    text = window.document_view.text()
    start, end = text.index("还有呢？😀"), text.index("还有呢？😀") + 5
    drag_select(qtbot, window, start, end)
    activate(qtbot, window)
    menu = window.stage_route.selection_menu.parentWidget()  # type: ignore[attr-defined]
    assert isinstance(menu, QMenu)
    qtbot.keyClick(window.document_view, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # 阶段(&S) drops down
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    qtbot.keyClick(menu, Qt.Key.Key_L)  # "Stage of the se&lection"
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not menu, timeout=3000)
    submenu = QApplication.activePopupWidget()
    assert submenu is window.stage_route.selection_menu  # type: ignore[attr-defined]
    qtbot.keyClick(submenu, Qt.Key.Key_2)  # "&2 协调"
    qtbot.waitUntil(lambda: spans(window) == [("协调", start, end)], timeout=3000)
    assert text[start:end] == "还有呢？😀"
    undo_redo(qtbot, window, lambda: spans(window), [], [("协调", start, end)])

"""The coding workspace (issue 4) driven through the real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QMessageBox

from app.core import codebook, coding
from app.ui.document_view import tint
from app.ui.main_window import MainWindow, recent_projects
from app.ui.models import SELECTION_MIME
from tests.ui.conftest import choose_code, code_id, select_in_view


def codings(win: MainWindow) -> list[coding.CodingInfo]:
    return coding.list_codings(win.controller.project)  # type: ignore[union-attr]


def test_quick_code_by_pinyin_initials_applies_on_enter(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    text = window.document_view.text()
    start = text.index("增权赋能")
    select_in_view(window, start, start + 4)
    qtbot.keyClicks(window.code_panel.quick, "zqfn")
    assert window.code_panel.quick.matches.rowCount() >= 1
    assert window.code_panel.quick.matches.code(0).path == "内生因素/增权赋能"
    qtbot.keyClick(window.code_panel.quick, Qt.Key.Key_Return)
    [made] = codings(window)
    assert (made.text, made.code) == ("增权赋能", "内生因素/增权赋能")
    assert window.code_panel.quick.text() == ""


def test_number_key_applies_the_pinned_code(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.code_panel.pin_code(code_id(window, "内生因素/互助合作"), 3)
    assert window.code_panel.pinned_code(3) == code_id(window, "内生因素/互助合作")
    assert "[3]" in window.codes_model.index_of(code_id(window, "内生因素/互助合作")).data()
    text = window.document_view.text()
    start = text.index("互助合作")
    select_in_view(window, start, start + 4)
    window.document_view.setFocus()
    qtbot.keyClick(window.document_view, Qt.Key.Key_3)
    [made] = codings(window)
    assert (made.text, made.code) == ("互助合作", "内生因素/互助合作")


def test_dropping_a_selection_on_a_code_applies_it(window: MainWindow) -> None:
    text = window.document_view.text()
    start = text.index("压力")
    select_in_view(window, start, start + 2)
    mime = window.document_view.createMimeDataFromSelection()
    assert mime.hasFormat(SELECTION_MIME)
    target = window.codes_model.index_of(code_id(window, "内生因素/增权赋能"))
    assert window.codes_model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, target)
    window.codes_model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, target)
    [made] = codings(window)
    assert (made.text, made.code) == ("压力", "内生因素/增权赋能")


def test_in_vivo_code_is_one_undo_step(window: MainWindow) -> None:
    text = window.document_view.text()
    start = text.index("压力小了很多")
    select_in_view(window, start, start + 6)
    choose_code(window, "内生因素")
    window.invivo_action.trigger()
    paths = [c.path for c in window.codes_model.all_codes()]
    assert "内生因素/压力小了很多" in paths
    [made] = codings(window)
    assert (made.text, made.code) == ("压力小了很多", "内生因素/压力小了很多")
    window.undo_action.trigger()
    assert codings(window) == []
    assert "内生因素/压力小了很多" not in [c.path for c in window.codes_model.all_codes()]
    window.redo_action.trigger()
    [again] = codings(window)
    assert again.code == "内生因素/压力小了很多"


def test_extend_selection_to_sentence_and_turn(window: MainWindow) -> None:
    text = window.document_view.text()
    start = text.index("增权")
    select_in_view(window, start, start + 2)
    window.sentence_action.trigger()
    s, e = window.document_view.selection_range()  # type: ignore[misc]
    assert text[s:e] == "受访者：我们一起做增权赋能的工作。"
    window.turn_action.trigger()
    s, e = window.document_view.selection_range()  # type: ignore[misc]
    assert text[s:e] == "受访者：我们一起做增权赋能的工作。后来大家互助合作，压力小了很多。"


def test_adjust_and_remove_the_selected_coding(window: MainWindow) -> None:
    text = window.document_view.text()
    start = text.index("增权赋能")
    select_in_view(window, start, start + 2)
    choose_code(window, "内生因素/增权赋能")
    window.apply_selected_code()
    [made] = codings(window)
    window.document_view.select_coding(made.id)
    select_in_view(window, start, start + 4)
    window.adjust_action.trigger()
    assert [c.text for c in codings(window)] == ["增权赋能"]
    window.undo_action.trigger()
    assert [c.text for c in codings(window)] == ["增权"]
    window.document_view.select_coding(made.id)
    window.remove_action.trigger()
    assert codings(window) == []


def test_code_tree_rename_recolour_move_with_undo(window: MainWindow) -> None:
    panel = window.code_panel
    leaf = code_id(window, "内生因素/增权赋能")
    panel.rename_code(leaf, "赋权")
    panel.recolor_code(leaf, "#00AA00")
    window.codes_model.move_requested.emit(leaf, None, 0)
    assert next(c.path for c in window.codes_model.all_codes()) == "赋权"
    assert window.codes_model.code(leaf).color == "#00AA00"  # type: ignore[union-attr]
    for _ in range(3):
        window.undo_action.trigger()
    info = window.codes_model.code(leaf)
    assert (info.path, info.color) == ("内生因素/增权赋能", "#CC3311")  # type: ignore[union-attr]
    assert window.history_view.stack().count() == 3


def test_delete_and_merge_codes_with_undo(window: MainWindow) -> None:
    text = window.document_view.text()
    start = text.index("增权赋能")
    select_in_view(window, start, start + 4)
    window.apply_code(code_id(window, "内生因素/增权赋能"))
    before = codings(window)
    window.code_panel.delete_code(code_id(window, "内生因素"), confirm=False)
    assert window.codes_model.all_codes() == []
    assert codings(window) == []
    window.undo_action.trigger()
    assert codings(window) == before
    window.code_panel.merge_code(code_id(window, "内生因素/增权赋能"), code_id(window, "内生因素/互助合作"))
    assert [c.code for c in codings(window)] == ["内生因素/互助合作"]
    window.undo_action.trigger()
    assert codings(window) == before


def test_filters_hide_codes_and_coders(window: MainWindow) -> None:
    text = window.document_view.text()
    for word, path in (("增权赋能", "内生因素/增权赋能"), ("压力", "内生因素/互助合作")):
        start = text.index(word)
        select_in_view(window, start, start + len(word))
        window.apply_code(code_id(window, path))
    assert len(window.document_view.shown_codings()) == 2
    index = window.codes_model.index_of(code_id(window, "内生因素/互助合作"))
    window.codes_model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert [c.name for c in window.document_view.shown_codings()] == ["增权赋能"]
    window.codes_model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert window.coder_filter.findData("测试者") >= 0
    window.coder_filter.setCurrentIndex(window.coder_filter.findData("测试者"))
    assert len(window.document_view.shown_codings()) == 2
    window.document_view.set_filter(set(), {"别人"})
    assert window.document_view.shown_codings() == []


def test_margin_stripes_and_hover_text(window: MainWindow) -> None:
    text = window.document_view.text()
    start = text.index("增权赋能")
    select_in_view(window, start, start + 4)
    window.apply_code(code_id(window, "内生因素/增权赋能"))
    window.apply_code(code_id(window, "内生因素/互助合作"))
    stripes = window.document_view.visible_stripes()
    assert len(stripes) == 2
    assert {rect.x() for _c, rect in stripes}.__len__() == 2, "overlapping codings share a stripe column"
    [first, second] = window.document_view.codings_at(start + 1)
    assert {first.code, second.code} == {"内生因素/增权赋能", "内生因素/互助合作"}
    coding_, rect = stripes[0]
    window.document_view.margin.coding_clicked.emit(coding_.id)
    assert window.document_view.selection_range() == (start, start + 4)
    assert rect.contains(QPoint(rect.x() + 1, rect.y() + 1))


@pytest.mark.parametrize("n", [1, 3, 5, 8])
def test_overlap_tint_keeps_black_text_readable(n: int) -> None:
    palette = ["#E15759", "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#000000", "#9C755F", "#222266"]
    color = tint([QColor(c) for c in palette[:n]])

    def lum(c: QColor) -> float:
        def ch(v: int) -> float:
            x = v / 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue())

    assert (lum(color) + 0.05) / 0.05 >= 7.0


def test_background_import_and_recent_projects(window: MainWindow, tmp_path: Path, project_file: Path) -> None:
    files = []
    for i in range(3):
        f = tmp_path / f"补充{i}.txt"
        f.write_text(f"访谈者：第{i}份。\n受访者：好的。\n", encoding="gb18030")
        files.append(str(f))
    window.import_paths(files)
    assert window.documents_model.rowCount() == 4
    bad = tmp_path / "坏.txt"
    bad.write_bytes(b"")
    window.import_paths([files[0], str(bad)])
    assert window.documents_model.rowCount() == 4
    assert str(project_file) in recent_projects()


def test_real_background_thread_import(qtbot, project_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow()
    qtbot.addWidget(win)
    win.open_project_path(project_file)
    f = tmp_path / "线程.txt"
    f.write_text("受访者：在后台导入。\n", encoding="utf-8")
    win.import_paths([str(f)])
    qtbot.waitUntil(lambda: win.documents_model.rowCount() == 2, timeout=10_000)
    assert not win.tasks.busy
    win.close()


def test_shortcuts_are_listed(window: MainWindow) -> None:
    window.show_shortcuts()
    [box] = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert "Ctrl+Shift+E" in box.text()
    assert "1 … 9" in box.text()
    box.close()
    keys = {a.shortcut().toString() for a in (window.apply_action, window.invivo_action, window.quick_action)}
    assert keys == {"Ctrl+E", "Ctrl+Shift+E", "Ctrl+K"}


def test_codes_made_here_show_in_the_core(window: MainWindow) -> None:
    window.code_panel.new_code(None, "新维度")
    assert "新维度" in [c.path for c in codebook.list_codes(window.controller.project)]  # type: ignore[union-attr]
    window.undo_action.trigger()
    assert "新维度" not in [c.path for c in codebook.list_codes(window.controller.project)]  # type: ignore[union-attr]
    window.redo_action.trigger()
    assert "新维度" in [c.path for c in window.codes_model.all_codes()]


def test_settings_dialog_saves_and_applies(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.ui.settings import settings
    from app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.text_size_box.setValue(17)
    dialog.coder.setText("研究者C")
    dialog.accept()
    window._settings_changed()
    assert settings().value("ui/language") == "en"
    assert window.document_view.font().pointSize() == 17
    assert window.controller.coder == "研究者C"  # type: ignore[union-attr]


def test_many_changes_in_a_row_refresh_the_views_once(window: MainWindow, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.sync_refresh = False
    text = window.document_view.text()
    start = text.index("增权赋能")
    select_in_view(window, start, start + 4)
    reloads = []
    monkeypatch.setattr(window.code_panel, "reload", lambda: reloads.append(1))
    for _ in range(5):
        window.apply_code(code_id(window, "内生因素/增权赋能"))
    assert window.document_view.shown_codings() == []  # not yet: the refresh waits for the event loop
    qtbot.waitUntil(lambda: len(window.document_view.shown_codings()) == 5)
    assert reloads == [1]


def test_apply_then_undo_before_a_refresh_leaves_counts_right(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.sync_refresh = False
    text = window.document_view.text()
    start = text.index("增权赋能")
    select_in_view(window, start, start + 4)
    window.apply_code(code_id(window, "内生因素/增权赋能"))
    window.apply_code(code_id(window, "内生因素/互助合作"))
    window.undo_action.trigger()
    window.flush_changes()
    assert [c.code for c in window.document_view.codings()] == ["内生因素/增权赋能"]
    assert window.documents_model.document(0).codings == 1
    window.undo_action.trigger()
    window.redo_action.trigger()
    window.redo_action.trigger()
    window.flush_changes()
    assert sorted(c.code for c in window.document_view.codings()) == ["内生因素/互助合作", "内生因素/增权赋能"]
    assert window.documents_model.document(0).codings == 2


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    """Qt fires neither action when two share a key; every feature's shortcut must be unique."""
    seen: dict[str, str] = {}
    clashes = []
    for act in window.findChildren(QAction):
        for key in act.shortcuts():
            text = key.toString()
            if text and text in seen and seen[text] != act.text():
                clashes.append((text, seen[text], act.text()))
            seen.setdefault(text, act.text())
    assert clashes == []
    assert len(seen) > 20


def test_new_project_from_a_template(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow()
    qtbot.addWidget(win)
    win.create_project_at(tmp_path / "新项目.guiji", "community-governance")
    assert win.controller is not None
    paths = [c.path for c in win.codes_model.all_codes()]
    assert paths[0] == "内生因素"
    assert {"内生因素/增权赋能", "治理环境/畅通协商", "禀赋资源/资源整合"} <= set(paths)
    win.close()

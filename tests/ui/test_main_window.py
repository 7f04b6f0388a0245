"""The desktop shell driven through its real widgets (pytest-qt)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase

from app.core import coding
from app.core.project import open_project
from app.ui.i18n import install_translators
from app.ui.main_window import MainWindow
from app.ui.models import CodeTreeModel, DocumentListModel
from tests.ui.conftest import SOURCE, choose_code, select_in_view, utf16


def test_gui_coding_after_astral_characters_is_exact(window: MainWindow, qtbot, project_file: Path) -> None:  # type: ignore[no-untyped-def]
    stored = window.document_view.text()
    assert stored == SOURCE.replace("\r\n", "\n")
    start = stored.index("增权赋能")
    select_in_view(window, start, start + 4)
    assert window.document_view.selection_range() == (start, start + 4)
    choose_code(window, "内生因素/增权赋能")
    qtbot.mouseClick(window.apply_button, Qt.MouseButton.LeftButton)
    second = stored.rindex("互助合作")
    select_in_view(window, second - 6, second + 4)  # crosses the 😀 and a line end
    choose_code(window, "内生因素/互助合作")
    window.apply_action.trigger()
    shown = window.document_view.shown_codings()
    assert sorted((c.start16, c.end16) for c in shown) == [
        (utf16(stored, start), utf16(stored, start + 4)), (utf16(stored, second - 6), utf16(stored, second + 4)),
    ]
    with open_project(project_file, read_only=True) as reader:
        got = [(c.text, c.code, c.coder) for c in coding.list_codings(reader)]
    assert got == [("增权赋能", "内生因素/增权赋能", "测试者"),
                   (stored[second - 6:second + 4], "内生因素/互助合作", "测试者")]
    assert "😀" in got[1][0]


def test_undo_redo_and_remove(window: MainWindow) -> None:
    stored = window.document_view.text()
    start = stored.index("增权赋能")
    select_in_view(window, start, start + 4)
    choose_code(window, "内生因素/增权赋能")
    window.apply_selected_code()
    project = window.controller.project  # type: ignore[union-attr]
    assert len(coding.list_codings(project)) == 1
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert coding.list_codings(project) == []
    assert window.document_view.shown_codings() == []
    window.redo_action.trigger()
    [again] = coding.list_codings(project)
    assert again.text == "增权赋能"
    window.document_view.remove_coding_requested.emit(again.id)
    assert coding.list_codings(project) == []
    window.undo_action.trigger()
    assert coding.list_codings(project) == [again]
    counts = {window.codes_model.code_at(window.codes_model.index_of(again.code_id)).codings}  # type: ignore[union-attr]
    assert counts == {1}


def test_apply_without_selection_changes_nothing(window: MainWindow) -> None:
    choose_code(window, "内生因素/增权赋能")
    window.apply_selected_code()
    assert coding.list_codings(window.controller.project) == []  # type: ignore[union-attr]
    assert "Select some text" in window.statusBar().currentMessage()


def test_models_pass_the_model_tester(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    assert window.codes_model.rowCount() == 1
    qtmodeltester.check(window.codes_model)
    qtmodeltester.check(window.documents_model)
    fresh_tree, fresh_list = CodeTreeModel(), DocumentListModel()
    qtmodeltester.check(fresh_tree)
    qtmodeltester.check(fresh_list)


def test_a_chinese_font_is_available(qapp) -> None:  # type: ignore[no-untyped-def]
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert families, "no font can draw Chinese: install fonts-wqy-microhei (make setup does)"


def test_chinese_translation_is_loaded(qapp) -> None:  # type: ignore[no-untyped-def]
    translators = install_translators(qapp, "zh_CN")
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        win = MainWindow()
        assert win.menuBar().actions()[0].text() == "文件(&F)"
        win.close()
        win.deleteLater()
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)

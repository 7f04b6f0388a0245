"""Editing text, find and replace, pseudonymisation and the document history in the real window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.core import coding, documents
from app.ui.editing import EditingActions, HistoryModel, HitsModel
from app.ui.main_window import MainWindow
from app.ui.pseudonyms_dialog import NamesModel, PseudonymiseDialog
from tests.ui.conftest import choose_code, select_in_view


def actions(win: MainWindow) -> EditingActions:
    return win.editing_actions  # type: ignore[attr-defined,no-any-return]


def texts(win: MainWindow) -> list[str]:
    return [c.text for c in coding.list_codings(win.controller.project)]  # type: ignore[union-attr]


def code(win: MainWindow, quote: str, path: str = "内生因素/增权赋能") -> None:
    text = win.document_view.text()
    start = text.index(quote)
    select_in_view(win, start, start + len(quote))
    choose_code(win, path)
    win.apply_selected_code()


def test_the_actions_are_in_the_edit_menu(window: MainWindow) -> None:
    names = {a.objectName() for a in window.api.menu("edit").actions()}
    assert {"edit-text", "find-replace", "pseudonymise", "document-history"} <= names
    assert actions(window).edit_action.isEnabled()


def test_edit_text_keeps_codings_and_undo_restores_it_all(window: MainWindow) -> None:
    code(window, "我们一起做增权赋能的工作")
    code(window, "互助合作。", "内生因素/互助合作")
    text_before = window.document_view.text()
    start = text_before.index("增权赋能")
    select_in_view(window, start, start + 4)
    dialog = actions(window).edit_text_dialog()
    assert dialog is not None
    assert dialog.old_view.toPlainText() == "增权赋能"
    dialog.new_edit.setPlainText("赋权𠮷😀")
    assert "stay on their words" in dialog.effect_label.text()
    dialog.accept()

    assert window.document_view.text() == text_before.replace("增权赋能", "赋权𠮷😀", 1)
    assert texts(window) == ["我们一起做赋权𠮷😀的工作", "互助合作。"]
    assert window.document_view.selection_range() == (start, start + 4)
    stack = window.controller.undo_stack  # type: ignore[union-attr]
    stack.undo()
    assert window.document_view.text() == text_before
    assert texts(window) == ["我们一起做增权赋能的工作", "互助合作。"]
    stack.redo()
    assert "赋权𠮷😀" in window.document_view.text()
    assert sorted(c.text for c in window.document_view.codings()) == sorted(texts(window))


def test_the_edit_dialog_warns_before_a_coding_loses_its_words(window: MainWindow) -> None:
    code(window, "增权赋能")
    text = window.document_view.text()
    start = text.index("做增权赋能")
    select_in_view(window, start, start + 5)
    dialog = actions(window).edit_text_dialog()
    assert dialog is not None
    dialog.new_edit.setPlainText("")
    assert "增权赋能" in dialog.effect_label.text()
    assert "removed" in dialog.effect_label.text()
    dialog.accept()
    assert texts(window) == []
    window.controller.undo_stack.undo()  # type: ignore[union-attr]
    assert texts(window) == ["增权赋能"]


def test_insert_at_the_cursor(window: MainWindow) -> None:
    select_in_view(window, 2, 2)
    dialog = actions(window).edit_text_dialog()
    assert dialog is not None
    assert (dialog.start, dialog.end) == (2, 2)
    dialog.new_edit.setPlainText("们")
    dialog.accept()
    assert window.document_view.text().startswith("访谈们者")


def test_find_and_replace_previews_every_hit_then_replaces_in_one_step(
    window: MainWindow, qtmodeltester: Any
) -> None:
    code(window, "后来大家互助合作，压力小了很多")
    before = window.document_view.text()
    dialog = actions(window).find_replace_dialog()
    dialog.find_edit.setText("互助合作")
    dialog.replace_edit.setText("互帮互助😀")
    assert not dialog.replace_button.isEnabled()
    dialog.update_preview()
    assert dialog.model.rowCount() == 2
    assert "【互助合作】" in dialog.model.index(0, 2).data()
    assert dialog.replace_button.isEnabled()
    qtmodeltester.check(dialog.model)
    assert window.document_view.text() == before  # the preview changed nothing
    dialog.replace_all()
    assert window.document_view.text() == before.replace("互助合作", "互帮互助😀")
    assert texts(window) == ["后来大家互帮互助😀，压力小了很多"]
    stack = window.controller.undo_stack  # type: ignore[union-attr]
    assert stack.count() == 2  # the coding, then one step for the replace
    stack.undo()
    assert window.document_view.text() == before
    assert texts(window) == ["后来大家互助合作，压力小了很多"]


def test_find_and_replace_errors_are_shown_in_the_dialog(window: MainWindow) -> None:
    dialog = actions(window).find_replace_dialog()
    dialog.update_preview()
    assert "empty" in dialog.summary.text()
    assert not dialog.replace_button.isEnabled()


def test_history_dialog_lists_the_changes(window: MainWindow, qtmodeltester: Any) -> None:
    select_in_view(window, 0, 3)
    dialog = actions(window).edit_text_dialog()
    assert dialog is not None
    dialog.new_edit.setPlainText("问")
    dialog.note_edit.setText("转写错误")
    dialog.accept()
    history = actions(window).history_dialog()
    assert history.model.rowCount() == 1
    row = [history.model.index(0, c).data() for c in range(history.model.columnCount())]
    assert row[1:5] == ["访谈甲", "edit", "测试者", "0–3"]
    assert "“访谈者” → “问”" in row[5]
    assert "转写错误" in row[5]
    qtmodeltester.check(history.model)


def test_pseudonymise_dialog(window: MainWindow, tmp_path: Path, qtmodeltester: Any) -> None:
    project = window.controller.project  # type: ignore[union-attr]
    doc = documents.list_documents(project)[0]
    dialog = actions(window).pseudonymise_dialog()
    assert isinstance(dialog, PseudonymiseDialog)
    qtmodeltester.check(dialog.model)
    dialog.add_name("受访者")
    names = {n.name: n for n in dialog.model.names()}
    assert names["受访者"].count == 2
    assert names["受访者"].kind == "added"
    assert str(dialog.mapping_path) in dialog.warning.text()
    assert "NOT part of the project" in dialog.warning.text()

    assert not dialog.apply()  # no pseudonym yet
    dialog.model.set_pseudonym("受访者", "答")
    dialog.set_mapping_path(tmp_path / "elsewhere" / "map.csv")
    assert dialog.apply()
    assert "受访者" not in window.document_view.text()
    assert "受访者" not in documents.document_text(project, doc.id)
    assert (tmp_path / "elsewhere" / "map.csv").read_text(encoding="utf-8-sig").count(
        "受访者,added,2,答"
    ) == 1
    window.controller.undo_stack.undo()  # type: ignore[union-attr]
    assert "受访者" in window.document_view.text()


def test_the_mapping_is_refused_beside_the_project(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda summary, detail: errors.append(summary + detail))
    dialog = actions(window).pseudonymise_dialog()
    assert isinstance(dialog, PseudonymiseDialog)
    dialog.add_name("受访者")
    dialog.model.set_pseudonym("受访者", "答")
    dialog.set_mapping_path(window.controller.project.path.with_name("map.csv"))  # type: ignore[union-attr]
    assert not dialog.apply()
    assert errors
    assert "受访者" in window.document_view.text()


def test_models_pass_the_model_tester(qtmodeltester: Any) -> None:
    for model in (HitsModel(), HistoryModel(), NamesModel()):
        qtmodeltester.check(model)

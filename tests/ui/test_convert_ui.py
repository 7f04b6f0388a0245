"""Traditional and Simplified as one in the window: the search panel's switch, the setting, and
Edit ▸ Convert script… as one undo step (real input events)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.core import codebook, coding, documents
from app.core.project import create_project
from app.ui.main_window import MainWindow

HANT = "受訪者：我們討論代議政治，電腦的記憶體不夠𠮷😀。\n"
HANS = "受访者：代议政治很重要。\n"


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "zh.guiji"
    with create_project(path) as project:
        hant = documents.add_text_document(project, "繁体访谈", HANT)
        documents.add_text_document(project, "简体访谈", HANS)
        code = codebook.create_code(project, "政治/代议")
        start = HANT.index("代議政治")
        coding.apply_coding(project, document_id=hant.id, code_id=code.id, start=start, end=start + 4, coder="甲")
        start = HANT.index("記憶體")
        coding.apply_coding(project, document_id=hant.id, code_id=code.id, start=start, end=start + 3, coder="甲")
    return path


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type (non-ASCII) text as an input method commits it (see PITFALLS.md)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_search_panel_matches_both_scripts_until_switched_off(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = window.search_panel
    assert panel.fold_scripts.isChecked()  # the default setting
    type_text(panel.query, "代议政治")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    hits = panel.model.records()
    assert sorted(h.document for h in hits) == ["简体访谈", "繁体访谈"]
    hant_hit = next(h for h in hits if h.document == "繁体访谈")
    assert HANT[hant_hit.start : hant_hit.end] == "代議政治"
    qtbot.mouseClick(panel.fold_scripts, Qt.MouseButton.LeftButton)  # off: the search runs again
    assert not panel.fold_scripts.isChecked()
    assert [h.document for h in panel.model.records()] == ["简体访谈"]


def test_the_setting_turns_the_default_off(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.ui.settings_dialog import SettingsDialog, fold_scripts

    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fold_scripts.isChecked()
    qtbot.mouseClick(dialog.fold_scripts, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert fold_scripts() is False
    fresh = MainWindow()
    qtbot.addWidget(fresh)
    assert not fresh.search_panel.fold_scripts.isChecked()


def test_convert_script_is_one_undo_step(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    project = window.controller.project  # type: ignore[union-attr]
    hant_id = next(d.id for d in documents.list_documents(project) if d.name == "繁体访谈")
    window.api.jump_to(hant_id, 0, 0)
    action = next(a for a in window.api.menu("edit").actions() if a.objectName() == "convert-script")
    action.trigger()
    dialog = window.convert_action.dialog  # type: ignore[attr-defined]
    assert dialog is not None and dialog.isVisible()
    dialog.target.setCurrentIndex(dialog.choices.index(("hans", "tw")))
    assert "change" in dialog.effect.text()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    converted = "受访者：我们讨论代议政治，电脑的内存不够𠮷😀。\n"
    assert window.document_view.text() == converted
    assert sorted(c.text for c in coding.list_codings(project)) == ["代议政治", "内存"]
    window.undo_action.trigger()  # one step
    assert window.document_view.text() == HANT
    assert sorted(c.text for c in coding.list_codings(project)) == ["代議政治", "記憶體"]
    window.redo_action.trigger()
    assert window.document_view.text() == converted

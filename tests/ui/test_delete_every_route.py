"""Issue 12: every entity the window can delete, by the window's own route, comes back exactly.

The code tree and the codebook dialog are in tests/ui/test_delete_undo.py (whose fixtures and helpers
this module reuses, with a richer project): here the document list (Del key), the stages dialog
(Delete button), the cases list (Del key), the attributes dialog (its Delete button), the process
window (Delete link button) and memos (cleared and saved). Each deletes through key presses and
mouse clicks, then Ctrl+Z / Ctrl+Y / Ctrl+Z, comparing a dump of every table of the project file.
The same deletions through ``app.core.ops`` (what ``guiji stage delete`` and ``guiji links delete``
run) are in tests/core/test_ops_delete_undo.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QToolButton

from app.core import attributes, cases, codebook, coding, documents, memos, stages
from app.core.nlp import rejections
from app.core.process import links
from app.core.project import create_project
from app.ui.main_window import MainWindow
from tests.dump import dump_tables
from tests.ui.test_delete_undo import TEXT, activate, undo_redo_undo, win  # noqa: F401 - fixtures

SECOND = "第二份访谈。受访者：社区互助合作很重要。\n"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def rich_project(tmp_path: Path) -> Path:
    """Two documents; codes with a child; codings with memos and stages; stage spans and a document
    stage; a case with documents and a passage; an attribute with values; memos on the project, a
    document and a code; a link with evidence; a suggestion rejection."""
    path = tmp_path / "每条路线.guiji"
    first, second = tmp_path / "访谈甲.txt", tmp_path / "访谈乙.txt"
    first.write_bytes(TEXT.encode("utf-8"))
    second.write_text(SECOND, encoding="utf-8")
    with create_project(path) as project:
        doc, doc2 = documents.import_files(project, [first, second])
        root = stages.add_stage(project, "扎根")
        later = stages.add_stage(project, "协调")
        stages.add_stage_span(project, doc.id, root.id, 0, 10)
        stages.set_document_stage(project, doc2.id, later.id)
        parent = codebook.create_code(project, "内生因素", color="#CC3311")
        child = codebook.create_code(project, "内生因素/增权赋能", color="#0077BB")
        other = codebook.create_code(project, "外部支持", color="#009988")
        text = TEXT.replace("\r\n", "\n")
        at = text.index("增权赋能")
        made = coding.apply_coding(project, document_id=doc.id, code_id=child.id, start=at, end=at + 4,
                                   coder="甲", memo="关键概念", stage_id=later.id)
        coding.apply_coding(project, document_id=doc.id, code_id=parent.id, start=5, end=7, coder="乙")
        coding.apply_coding(project, document_id=doc2.id, code_id=other.id, start=10, end=14, coder="甲")
        memos.set_code_memo(project, child.id, "赋能的备忘录")
        memos.set_document_memo(project, doc.id, "第一次访谈")
        memos.set_project_memo(project, "项目备忘录")
        link = links.create_link(project, child.id, other.id, memo="因果", source_stage_id=root.id)
        links.add_evidence(project, link.id, made.id, note="证据")
        rejections.reject(project, document_id=doc.id, code_id=child.id, start=0, end=3, coder="甲")
        case = cases.create_case(project, "社区甲")
        cases.add_case_documents(project, case.id, [doc.id, doc2.id])
        cases.add_case_passage(project, case.id, doc.id, 3, 9)
        age = attributes.define_attribute(project, "年龄", "number")
        attributes.set_attribute(project, doc.id, age.id, 46)
        attributes.set_attribute(project, doc2.id, age.id, 52)
    return path


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every confirmation is answered Yes (the question itself is shown by the widget under test)."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


def click_row(qtbot, view, index) -> None:  # type: ignore[no-untyped-def]
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_document_list_delete_key(win: MainWindow, qtbot, rich_project: Path, yes: None) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    before = dump_tables(rich_project)
    row = next(r for r in range(win.documents_model.rowCount()) if win.documents_model.document(r).name == "访谈甲")
    click_row(qtbot, win.documents_view, win.documents_model.index(row, 0))
    qtbot.keyClick(win.documents_view, Qt.Key.Key_Delete)
    after = dump_tables(rich_project)
    assert [r for r in after["document"] if "访谈甲" in r] == []
    assert len(after["coding"]) == 1 and after["link_evidence"] == [] and after["case_passage"] == []
    undo_redo_undo(qtbot, win, rich_project, before, after)


def test_stages_dialog_delete_button(win: MainWindow, qtbot, rich_project: Path, yes: None) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    before = dump_tables(rich_project)
    win.stages_action.trigger()  # the Coding menu's "Stages…" item
    dialog = win._stages_dialog  # type: ignore[attr-defined]
    qtbot.waitExposed(dialog)
    row = next(r for r in range(dialog.model.rowCount()) if "协调" in dialog.model.index(r, 0).data())
    click_row(qtbot, dialog.view, dialog.model.index(row, 0))
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    after = dump_tables(rich_project)
    assert [r for r in after["stage"] if "协调" in r] == []
    dialog.close()
    undo_redo_undo(qtbot, win, rich_project, before, after)


def test_cases_list_delete_key(win: MainWindow, qtbot, rich_project: Path) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    before = dump_tables(rich_project)
    win.cases_dock.raise_()
    panel = win.cases_panel
    click_row(qtbot, panel.view, panel.model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    after = dump_tables(rich_project)
    assert after["case"] == [] and after["case_passage"] == []
    undo_redo_undo(qtbot, win, rich_project, before, after)


def test_attributes_dialog_delete_button(win: MainWindow, qtbot, rich_project: Path, yes: None) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    before = dump_tables(rich_project)
    doc_id = win.documents_model.document(0).id
    dialog = win.documents_panel.attributes_dialog(doc_id)
    dialog.show()
    qtbot.waitExposed(dialog)
    delete = next(b for b in dialog.findChildren(QToolButton) if "年龄" in b.toolTip())
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    after = dump_tables(rich_project)
    assert after["attribute_definition"] == [] and after["document_attribute"] == []
    assert dialog.fields == {}
    dialog.close()
    undo_redo_undo(qtbot, win, rich_project, before, after)


def test_process_window_delete_link_button(win: MainWindow, qtbot, rich_project: Path) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    before = dump_tables(rich_project)
    qtbot.keyClick(win.document_view, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)  # Process → Timeline
    process = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "ProcessWindow")
    qtbot.waitExposed(process)
    (link,) = links.list_links(win.controller.project)  # type: ignore[union-attr]
    process.show_evidence(("link", link.id))  # what clicking the link's arrow does
    assert process.delete_link_button.isVisible()
    qtbot.mouseClick(process.delete_link_button, Qt.MouseButton.LeftButton)
    after = dump_tables(rich_project)
    assert after["link"] == [] and after["link_evidence"] == []
    process.close()
    undo_redo_undo(qtbot, win, rich_project, before, after)


def test_project_memo_cleared_and_saved(win: MainWindow, qtbot, rich_project: Path) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    before = dump_tables(rich_project)
    qtbot.keyClick(win.document_view, Qt.Key.Key_M, CTRL)  # the memos dock
    panel = win.memo_panel
    qtbot.waitUntil(panel.isVisible)
    panel.project_memo.setFocus()
    qtbot.keyClick(panel.project_memo, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(panel.project_memo, Qt.Key.Key_Delete)
    button = next(b for b in panel.findChildren(QPushButton) if b.text() == panel.tr("Save project memo"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    after = dump_tables(rich_project)
    assert after != before
    undo_redo_undo(qtbot, win, rich_project, before, after)

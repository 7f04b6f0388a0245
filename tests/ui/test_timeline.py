"""The Process window on the sample project: the timeline shows 3 stages × 3 dimensions; clicking a box
lists its passages and a passage jumps into its document; dragging makes a link (undoable); moving and
renaming are saved; filters re-lay out; the export dialog previews and writes what it shows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from app.core.process import adjustments as adjustment_service
from app.core.process import links as link_service
from app.core.sample import build_sample_project
from app.ui.figures.evidence import EvidenceDialog, LinkDialog, PassageModel
from app.ui.figures.export_dialog import FigureExportDialog
from app.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    path = build_sample_project(tmp_path / "sample.guiji")
    win = MainWindow()
    qtbot.addWidget(win)
    win.tasks.inline = True
    win.open_project_path(path)
    assert win.controller is not None
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def process(window: MainWindow, qtbot) -> Any:  # type: ignore[no-untyped-def]
    pw = window.open_process_window("timeline")  # type: ignore[attr-defined]
    qtbot.waitExposed(pw)
    return pw


def box_key(pw: Any, path: str, stage: str) -> str:
    code = pw.data.code_by_path(path).id
    stage_id = next(s.id for s in pw.data.stages if s.name == stage)
    return f"box:{code}@{stage_id}"


def test_menu_and_the_timeline_structure(window: MainWindow, process: Any) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Process") == titles.index("&Help") - 1
    figure = process.figure
    assert figure.meta["stages"] == ["扎根", "协调", "共生"]
    assert figure.meta["rows"] == ["内生因素", "治理环境", "禀赋资源"]
    assert set(figure.meta["outcomes"].values()) == {"价值共同体", "结构共同体", "资源共同体"}
    assert box_key(process, "内生因素/增权赋能", "扎根") in process.scene.elements


def test_click_a_box_lists_passages_and_jumps(window: MainWindow, process: Any, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    key = box_key(process, "治理环境/畅通协商", "协调")
    element = process.scene.elements[key]
    process.view.centerOn(element)
    point = process.view.mapFromScene(element.sceneBoundingRect().center())
    from pytestqt.qtbot import QtBot

    QtBot.mouseClick(process.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    model: PassageModel = process.passages
    qtmodeltester.check(model)
    assert model.rowCount() == 13
    assert "畅通协商" in process.caption.text()
    first = model.row(0)
    assert first.stage == "协调" and first.unit
    process.jump(0)
    assert window.document_view.document_id == first.document_id
    assert window.document_view.selection_range() == (first.start, first.end)


def test_transition_evidence(process: Any) -> None:
    t = next(t for t in process.result.transitions if (t.from_code, t.to_code, t.from_stage) == (
        "内生因素/增权赋能", "治理环境/畅通协商", "扎根"))
    process.show_evidence(("transition", t.from_stage_id, t.from_code_id, t.to_stage_id, t.to_code_id))
    roles = {process.passages.row(i).role for i in range(process.passages.rowCount())}
    units = {process.passages.row(i).unit for i in range(process.passages.rowCount())}
    assert roles == {"A", "B"} and units == {"社工访谈", "居民访谈", "街道干部访谈"}


def test_drag_from_box_to_box_makes_a_link_with_undo(window: MainWindow, process: Any, qtbot,  # type: ignore[no-untyped-def]
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LinkDialog, "exec", lambda self: LinkDialog.DialogCode.Accepted)
    source = process.scene.elements[box_key(process, "内生因素/增权赋能", "扎根")]
    target = process.scene.elements[box_key(process, "治理环境/畅通协商", "协调")]
    view = process.view
    a = view.mapFromScene(source.sceneBoundingRect().center())
    b = view.mapFromScene(target.sceneBoundingRect().center())
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, a)
    qtbot.mouseMove(view.viewport(), (a + b) / 2)
    qtbot.mouseMove(view.viewport(), b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, b)
    project = window.controller.project  # type: ignore[union-attr]
    (link,) = link_service.list_links(project)
    assert (link.source, link.target, link.relation, link.source_stage, link.target_stage) == (
        "内生因素/增权赋能", "治理环境/畅通协商", "leads_to", "扎根", "协调")
    process._reload_timer.timeout.emit()
    assert f"link:{link.id}" in process.scene.elements
    # Evidence from the link's codes, then undo everything in order.
    process.show_evidence(("link", link.id))
    assert process.add_evidence_button.isVisible() or not process.isVisible()

    def pick_two(self: EvidenceDialog) -> int:
        for i in range(2):
            self.list.item(i).setCheckState(Qt.CheckState.Checked)
        self.test.setCurrentIndex(self.test.findData("smoking_gun"))
        return EvidenceDialog.DialogCode.Accepted

    monkeypatch.setattr(EvidenceDialog, "exec", pick_two)
    process.add_evidence()
    assert link_service.get_link(project, link.id).summary.verdict == "confirmed"
    stack = window.controller.undo_stack  # type: ignore[union-attr]
    stack.undo()
    assert link_service.get_link(project, link.id).evidence == ()
    stack.undo()
    assert link_service.list_links(project) == []
    stack.redo()
    assert link_service.get_link(project, link.id).source == "内生因素/增权赋能"


def test_move_and_rename_are_saved_and_undone(window: MainWindow, process: Any, qtbot,  # type: ignore[no-untyped-def]
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    project = window.controller.project  # type: ignore[union-attr]
    key = box_key(process, "禀赋资源/资源整合", "共生")
    element = process.scene.elements[key]
    view = process.view
    start = view.mapFromScene(element.sceneBoundingRect().center())
    end = start + QPoint(40, 15)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), start + QPoint(20, 7))
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    saved = adjustment_service.list_adjustments(project)[key]
    assert saved.dx > 0 and saved.dy > 0
    monkeypatch.setattr("app.ui.timeline.QInputDialog.getText", lambda *a, **k: ("资源链接", True))
    process.rename_element(key, ())
    assert adjustment_service.list_adjustments(project)[key].label == "资源链接"
    process._reload_timer.timeout.emit()
    labels = [" ".join(i.lines) for i in process.figure.items_of(key) if hasattr(i, "lines")]
    assert "资源链接" in labels
    stack = window.controller.undo_stack  # type: ignore[union-attr]
    stack.undo()
    stack.undo()
    assert key not in adjustment_service.list_adjustments(project)


def test_filters_re_lay_out(process: Any) -> None:
    everything = len([k for k in process.scene.elements if k.startswith("box:")])
    process.unit.setCurrentIndex(process.unit.findData("居民访谈"))
    one = len([k for k in process.scene.elements if k.startswith("box:")])
    assert 0 < one < everything
    process.unit.setCurrentIndex(0)
    process.min_count.setValue(5)
    assert len([k for k in process.scene.elements if k.startswith("box:")]) == 7
    for kind in ("sankey", "matrix", "codeline", "saturation"):
        process.set_kind(kind)
        assert process.figure is not None and process.figure.kind == kind


def test_export_dialog_previews_and_writes(process: Any, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FigureExportDialog(process.build, process, kind="timeline")
    qtbot.addWidget(dialog)
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    dialog.width_mm.setCurrentIndex(0)
    dialog.grayscale.setChecked(True)
    dialog.update_preview()
    assert dialog.figure is not None and dialog.figure.width == 85 and dialog.figure.grayscale
    assert not re.search(r"\b5 px", dialog.info.text()) and "2008 ×" in dialog.info.text()  # 85 mm at 600 dpi
    dialog.write(tmp_path / "t.svg")
    assert (tmp_path / "t.svg").read_text(encoding="utf-8").count("<text") > 10
    dialog.width_mm.setEditText("120 mm")
    assert dialog.options().width == 120


def test_export_dialog_language_by_keyboard(process: Any, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The figure's language is chosen in the export dialog (issue 14), by default the UI's."""
    dialog = FigureExportDialog(process.build, process, kind="timeline")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.language.currentData() == "en"  # the tests run with the English UI
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_Up)
    assert dialog.language.currentData() == "zh"
    dialog.update_preview()  # what the 150 ms timer does
    dialog.write(tmp_path / "t.svg")
    text = (tmp_path / "t.svg").read_text(encoding="utf-8")
    assert "维度" in text and "Dimension" not in text

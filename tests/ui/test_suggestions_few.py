"""Issue 16 in the window, with real input events: few and ranked suggestions, sorting, show all,
trust, and the Stages tab — on the hand-coded gold project (shared CC0 transcripts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from app.core.nlp import model as model_module
from app.core.stages import list_stage_spans
from app.ui import suggestions as suggestions_ui
from app.ui.main_window import MainWindow
from bench.gold.load import build_project
from tests.core.nlp_helpers import need_gold_data

DOC = "2018-05-25_ntpu-student-thesis-interview"


@pytest.fixture(scope="module")
def gold_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_gold_data()
    path = tmp_path_factory.mktemp("goldui") / "gold.guiji"
    project = build_project(path)
    model_module.train(project)
    project.close()
    return path


@pytest.fixture
def gold_window(qtbot, gold_file: Path, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    path = tmp_path / "g.guiji"
    path.write_bytes(gold_file.read_bytes())
    win = MainWindow()
    qtbot.addWidget(win)
    win.tasks.inline = True
    win.open_project_path(path)
    win.show()
    qtbot.waitExposed(win)
    return win


def _click_header(qtbot, table, section: int) -> None:  # type: ignore[no-untyped-def]
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _column(table, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    model = table.model()
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_few_ranked_sortable_with_trust_and_show_all(qtbot, gold_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel: suggestions_ui.SuggestionPanel = gold_window.suggestions_panel  # type: ignore[attr-defined]
    with qtbot.waitSignal(panel.suggestions_shown, timeout=60_000):
        gold_window.suggestions_dock.show()  # type: ignore[attr-defined]
        assert gold_window.select_document(DOC)
    listed = panel.visible_suggestions()
    found = panel._all
    assert listed and len(listed) < len(found)
    # A handful per screen of text, the best first.
    per_stretch: dict[int, int] = {}
    for s in listed:
        stretch = s.start // suggestions_ui.SCREEN_CHARS
        per_stretch[stretch] = per_stretch.get(stretch, 0) + 1
    assert max(per_stretch.values()) <= suggestions_ui.PER_SCREEN
    assert [s.score for s in listed] == sorted((s.score for s in listed), reverse=True)
    # Only what is listed is underlined.
    marks = gold_window.document_view.extraSelections()
    assert len(marks) == len({(s.start, s.end) for s in listed})
    # Trust: the measured precision, filled from training (no quality run yet).
    trust = [t for t in _column(panel.table, 2) if t != "–"]
    assert trust and all(0.0 <= float(t) <= 1.0 for t in trust)
    # Sorting by a click on the Score header, then the other way.
    _click_header(qtbot, panel.table, 0)
    first = [float(v) for v in _column(panel.table, 0)]
    assert first in (sorted(first), sorted(first, reverse=True))
    _click_header(qtbot, panel.table, 0)
    assert [float(v) for v in _column(panel.table, 0)] == first[::-1]
    # The selection follows the sorted view: selecting the top row picks that row's suggestion.
    panel.table.selectRow(0)
    top_score = float(_column(panel.table, 0)[0])
    assert panel._selected()[0].score == pytest.approx(top_score, abs=0.005)
    # Show all, by a click on the check box: everything found; and back.
    qtbot.mouseClick(panel.show_all, Qt.MouseButton.LeftButton)
    assert panel.show_all.isChecked()
    assert panel.model.rowCount() > len(listed)
    qtbot.mouseClick(panel.show_all, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == len(listed)


def test_stage_suggestions_tab_accepts_a_stage_span(qtbot, gold_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel: suggestions_ui.SuggestionPanel = gold_window.suggestions_panel  # type: ignore[attr-defined]
    with qtbot.waitSignal(panel.suggestions_shown, timeout=60_000):
        gold_window.suggestions_dock.show()  # type: ignore[attr-defined]
        assert gold_window.select_document(DOC)
    tab = panel.stages_tab
    bar = panel.tabs.tabBar()
    with qtbot.waitSignal(tab.stages_shown, timeout=10_000):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(panel.tabs.indexOf(tab)).center())
    assert tab.model.rowCount() > 100
    assert {r["stage"] for r in (s.as_dict() for s in tab.model.records())} >= {"制度化运作", "平台初创"}
    rect = tab.table.visualRect(tab.table.model().index(0, 2))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    chosen = tab._selected()
    assert len(chosen) == 1
    controller = gold_window.controller
    assert controller is not None
    qtbot.mouseClick(tab.accept_button, Qt.MouseButton.LeftButton)
    spans = list_stage_spans(controller.project, chosen[0].document_id)
    assert [(s.start, s.end, s.stage_id) for s in spans] == [(chosen[0].start, chosen[0].end, chosen[0].stage_id)]
    assert chosen[0] not in tab.model.records()
    controller.undo_stack.undo()
    assert list_stage_spans(controller.project, chosen[0].document_id) == []

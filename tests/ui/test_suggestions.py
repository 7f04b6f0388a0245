"""The suggestion panel: background suggestions and training, accept/reject with undo, overlay, quality."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog

from app.core import coding as coding_service
from app.core.codebook import list_codes
from app.core.errors import CancelledError
from app.core.nlp import model as model_module
from app.core.nlp.rejections import list_rejections
from app.ui import suggestions as suggestions_ui
from app.ui.main_window import MainWindow
from tests.core.nlp_helpers import add_document, build_learnable_project
from tests.ui.conftest import SOURCE, utf16

ROOT = Path(__file__).resolve().parents[2]
STORED = SOURCE.replace("\r\n", "\n")
SENTENCE = "我们一起做增权赋能的工作。"


def _panel(win: MainWindow) -> suggestions_ui.SuggestionPanel:
    return win.suggestions_panel  # type: ignore[attr-defined,no-any-return]


def _show(qtbot, win: MainWindow) -> suggestions_ui.SuggestionPanel:  # type: ignore[no-untyped-def]
    panel = _panel(win)
    with qtbot.waitSignal(panel.suggestions_shown, timeout=60_000):
        win.suggestions_dock.show()  # type: ignore[attr-defined]
    return panel


def test_the_window_opens_before_spacy_is_loaded(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from app.ui.main_window import MainWindow\n"
        "win = MainWindow()\n"
        "win.show()\n"
        "app.processEvents()\n"
        "from app.core.editing import POSITION_TABLES\n"
        "print('spacy' in sys.modules, 'jieba' in sys.modules, hasattr(win, 'suggestions_panel'),\n"
        "      'suggestion_rejection' in [t.table for t in POSITION_TABLES])\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "GUIJI_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env,
                         check=True, timeout=120)
    # The window is up without spaCy or jieba, and rejections already follow text edits.
    assert out.stdout.split() == ["False", "False", "True", "True"]


def test_nothing_loads_until_the_panel_is_shown(window: MainWindow) -> None:
    panel = _panel(window)
    assert not window.suggestions_dock.isVisible()  # type: ignore[attr-defined]
    assert panel.model.rowCount() == 0
    assert not panel.jobs


def test_suggestions_for_the_shown_document_with_overlay(qtbot, window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    panel = _show(qtbot, window)
    rows = panel.visible_suggestions()
    assert [(s.code, s.source, s.keyword, STORED[s.start : s.end]) for s in rows] == [
        ("内生因素/增权赋能", "keyword", "增权赋能", SENTENCE),
        ("内生因素/互助合作", "keyword", "互助合作", "后来大家互助合作，压力小了很多。"),
        ("内生因素/互助合作", "keyword", "互助合作", "互助合作。"),
    ]
    qtmodeltester.check(panel.model)
    # The units are underlined in the text, at UTF-16 positions (after 𠮷 and 😀).
    marks = window.document_view.extraSelections()
    spans = sorted((m.cursor.selectionStart(), m.cursor.selectionEnd()) for m in marks)
    expected = sorted({(utf16(STORED, s.start), utf16(STORED, s.end)) for s in rows})
    assert spans == expected
    assert all(m.format.underlineStyle() == m.format.UnderlineStyle.DotLine for m in marks)
    # The threshold slider hides nothing of keyword suggestions (rules, listed by their measured trust).
    panel.threshold.setValue(100)
    assert panel.model.rowCount() == 3


def test_accept_is_a_coding_and_undoable(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _show(qtbot, window)
    controller = window.controller
    assert controller is not None
    first = panel.visible_suggestions()[0]
    panel.table.selectRow(0)
    panel.accept_selected()
    codings = coding_service.list_codings(controller.project)
    assert [(c.code, c.text) for c in codings] == [("内生因素/增权赋能", SENTENCE)]
    assert first not in panel.visible_suggestions()
    controller.undo_stack.undo()
    assert coding_service.list_codings(controller.project) == []
    with qtbot.waitSignal(panel.suggestions_shown, timeout=60_000):
        pass  # the undo brings the suggestion back
    assert (first.start, first.code_id) in {(s.start, s.code_id) for s in panel.visible_suggestions()}


def test_reject_is_remembered_and_undoable(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _show(qtbot, window)
    controller = window.controller
    assert controller is not None
    first = panel.visible_suggestions()[0]
    panel.reject([first])
    assert [(r.code_id, r.start, r.end) for r in list_rejections(controller.project)] == [
        (first.code_id, first.start, first.end)
    ]
    with qtbot.waitSignal(panel.suggestions_shown, timeout=60_000):
        panel.refresh()
    assert (first.start, first.code_id) not in {(s.start, s.code_id) for s in panel.visible_suggestions()}
    controller.undo_stack.undo()
    assert list_rejections(controller.project) == []
    with qtbot.waitSignal(panel.suggestions_shown, timeout=60_000):
        pass
    assert (first.start, first.code_id) in {(s.start, s.code_id) for s in panel.visible_suggestions()}


def test_accept_all_above_threshold_after_a_preview(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    panel = _show(qtbot, window)
    controller = window.controller
    assert controller is not None
    previewed: list[int] = []

    def fake_exec(dialog: suggestions_ui.AcceptPreviewDialog) -> int:
        previewed.append(dialog.table.model().rowCount())
        return QDialog.DialogCode.Rejected.value if len(previewed) == 1 else QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(suggestions_ui.AcceptPreviewDialog, "exec", fake_exec)
    panel.accept_all_dialog()  # cancelled at the preview: nothing changes
    assert coding_service.list_codings(controller.project) == []
    panel.accept_all_dialog()
    assert previewed == [3, 3]
    assert len(coding_service.list_codings(controller.project)) == 3
    controller.undo_stack.undo()  # one undo step for all of them
    assert coding_service.list_codings(controller.project) == []


def test_suggestions_in_every_document(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _show(qtbot, window)
    controller = window.controller
    assert controller is not None
    add_document(controller.project, "乙", "受访者：大家都在讲增权赋能。\n")
    panel.suggest_all_documents()  # TaskRunner runs inline in tests
    assert {s.document for s in panel.visible_suggestions()} == {"访谈甲", "乙"}


@pytest.fixture
def learnable_window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    path = build_learnable_project(tmp_path / "learn.guiji", documents_count=8)
    win = MainWindow()
    qtbot.addWidget(win)
    win.tasks.inline = True
    win.open_project_path(path)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_event_loop_keeps_running_during_training(qtbot, learnable_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A real training runs in the background while a QTimer keeps ticking on the GUI thread."""
    panel = _panel(learnable_window)
    ticks_while_training: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: panel.training and ticks_while_training.append(1))
    timer.start()
    with qtbot.waitSignal(panel.training_finished, timeout=120_000) as finished:
        panel.train_now()
        assert panel.training
    timer.stop()
    assert not isinstance(finished.args[0], BaseException), finished.args[0]
    assert len(ticks_while_training) >= 3
    controller = learnable_window.controller
    assert controller is not None
    assert model_module.model_status(controller.project).usable


def test_training_can_be_cancelled(qtbot, learnable_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(learnable_window)
    with qtbot.waitSignal(panel.training_finished, timeout=120_000) as finished:
        panel.train_now()
        panel._train_job.cancel()  # type: ignore[union-attr]
    assert isinstance(finished.args[0], CancelledError)
    controller = learnable_window.controller
    assert controller is not None
    assert not model_module.model_status(controller.project).trained


def test_model_suggestions_and_per_code_quality(qtbot, learnable_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(learnable_window)
    controller = learnable_window.controller
    assert controller is not None
    with qtbot.waitSignal(panel.training_finished, timeout=120_000):
        learnable_window.suggestions_dock.show()  # type: ignore[attr-defined]  # stale model: retrains
    add_document(controller.project, "新", "受访者：家属们建了一个微信群，谁家有事大家都去帮忙。\n")
    learnable_window._reload_documents()
    with qtbot.waitSignal(panel.suggestions_shown, timeout=60_000):
        assert learnable_window.select_document("新")
    found = panel.visible_suggestions()
    assert [(s.code, s.source) for s in found][:1] == [("内生因素/家属互助", "model")]
    assert "像这段已编码的话" in panel.model.data(panel.model.index(0, 5))
    # Trust is filled from the training's own cross-validation (issue 16), before any quality run.
    assert 0.0 < float(panel.model.data(panel.model.index(0, 2))) <= 1.0
    with qtbot.waitSignal(panel.quality_shown, timeout=60_000):
        panel.evaluate_now()
    assert panel.quality_model.rowCount() == 3, panel.quality_summary.text()
    assert "内生因素/家属互助" in [panel.quality_model.record(r)[0] for r in range(3)]
    assert panel.model.data(panel.model.index(0, 2)) != "–"
    panel.tabs.setCurrentIndex(1)
    panel.grab().save(str(Path(controller.project.path).with_suffix(".png")))


def test_key_terms_become_new_codes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(window)
    controller = window.controller
    assert controller is not None
    with qtbot.waitSignal(panel.terms_shown, timeout=60_000):
        panel.find_terms("tfidf")
    terms = [t.term for t in panel.terms_model.records()]
    assert terms
    assert "增权赋能" not in terms  # already a code name
    panel.tabs.setCurrentIndex(2)
    panel.terms_table.selectRow(0)
    panel.create_codes_from_terms()
    assert terms[0] in [c.name for c in list_codes(controller.project)]
    assert terms[0] not in [t.term for t in panel.terms_model.records()]
    controller.undo_stack.undo()
    assert terms[0] not in [c.name for c in list_codes(controller.project)]
    with qtbot.waitSignal(panel.terms_shown, timeout=60_000):
        panel.find_terms("textrank")
    assert all(t.method == "textrank" for t in panel.terms_model.records())

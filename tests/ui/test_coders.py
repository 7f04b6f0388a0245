"""Several coders in the window, driven by real input: the coder in the status bar, blind coding,
the side-by-side disagreements with accept / undo, and File → Merge project."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QToolButton, QWidget

from app.core import codebook, documents
from app.core.coding import apply_coding, list_codings
from app.core.project import create_project, open_project
from app.ui.disagreements import DisagreementWindow
from app.ui.main_window import MainWindow
from tests.ui.conftest import SOURCE

CTRL = Qt.KeyboardModifier.ControlModifier
# Menus and a second top-level window on the offscreen platform (raise, keyboard grab, size hints).
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard",
                                  "does not support propagateSizeHints")


@pytest.fixture
def project_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """For conftest's ``window``: one transcript coded by 甲 and 乙 — one agreement, one passage coded
    differently, one only 乙's; the window's coder is 甲."""
    monkeypatch.setenv("GUIJI_CODER", "甲")
    path = tmp_path / "coders.guiji"
    src = tmp_path / "访谈甲.txt"
    src.write_bytes(SOURCE.encode("utf-8"))
    with create_project(path) as project:
        documents.import_files(project, [src])
        x = codebook.create_code(project, "内生因素/增权赋能", color="#CC3311").id
        y = codebook.create_code(project, "内生因素/互助合作", color="#0077BB").id
        doc = documents.list_documents(project)[0].id
        for code, start, end, coder in [(x, 25, 29, "甲"), (x, 25, 29, "乙"),   # agreed
                                        (y, 37, 41, "甲"), (y, 36, 43, "乙"),   # coded differently
                                        (y, 64, 68, "乙")]:                     # only 乙
            apply_coding(project, document_id=doc, code_id=code, start=start, end=end, coder=coder,
                         memo=f"{coder}的备忘" if start == 25 else "")
    with open_project(path, read_only=True) as project:  # the spans are where the words are
        text = documents.document_text(project, doc)
    assert (text[25:29], text[37:41], text[64:68]) == ("增权赋能", "互助合作", "互助合作")
    return path


def click_menu_item(qtbot, window: MainWindow, role: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Open a menu bar menu with the mouse and click one of its items."""
    menu: QMenu = window.api.menu(role)
    bar = window.menuBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    action = next(a for a in menu.actions() if a.text().replace("&", "") == text)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=3000)


def type_text(widget: QWidget, text: str) -> None:
    """Type non-ASCII text as the platform does (qtbot.keyClicks aborts on it, see PITFALLS.md)."""
    for ch in text:
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
        QApplication.sendEvent(widget, event)


def shown_coders(window: MainWindow) -> set[str]:
    by_id = {c.id: c.coder for c in window.document_view.codings()}
    return {by_id[s.id] for s in window.document_view.shown_codings()}


# --- the coder and blind coding --------------------------------------------------------------------------
def test_coder_in_the_status_bar_and_changed_by_a_click(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    button = window.statusBar().findChild(QToolButton, "coder-button")
    assert button.isVisible() and "甲" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.coder_route.dialog  # type: ignore[attr-defined]
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    edit = dialog.findChild(QLineEdit)
    edit.selectAll()
    type_text(edit, "丙")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert window.controller is not None and window.controller.coder == "丙"
    assert "丙" in button.text()


def test_blind_coding_hides_the_other_coders_codings(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert shown_coders(window) == {"甲", "乙"}
    click_menu_item(qtbot, window, "coding", "Blind coding (hide other coders)")
    qtbot.waitUntil(lambda: shown_coders(window) == {"甲"}, timeout=3000)
    assert len(window.document_view.shown_codings()) == 2
    assert not window.coder_filter.isEnabled()
    # The counts: the code tree's (this document) and the document list's are 甲's only.
    qtbot.waitUntil(lambda: window.documents_model.document(0).codings == 2, timeout=3000)
    assert sum(window.codes_model._doc_counts.values()) == 2
    assert window.codes_view.isColumnHidden(1)  # the project-wide totals
    # The memos dock: 甲's coding memo only.
    assert [r.text for r in window.memo_panel.model.records() if r.kind == "coding"] == ["甲的备忘"]
    window.memo_dock.show()
    qtbot.keyClicks(window.memo_panel.query, "x")  # a search re-reads the list: still 甲's only
    qtbot.keyClick(window.memo_panel.query, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: [r.text for r in window.memo_panel.model.records() if r.kind == "coding"]
                    == ["甲的备忘"], timeout=3000)
    # The coded-passages dock: its coder filter is held on 甲.
    assert window.retrieval_panel.coder.currentData() == "甲"
    assert not window.retrieval_panel.coder.isEnabled()
    # Stored in the project: reopening it keeps blind coding on.
    with open_project(window.controller.project.path, read_only=True) as other:  # type: ignore[union-attr]
        from app.core.blind import blind_coding

        assert blind_coding(other)
    # A new coding by 甲 shows; 乙's stay hidden.
    window.document_view.select_range(0, 3)
    window.code_panel.view.setCurrentIndex(window.codes_model.index_of(
        next(c.id for c in window.codes_model.all_codes() if c.path == "内生因素/互助合作")))
    qtbot.mouseClick(window.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.document_view.shown_codings()) == 3, timeout=3000)
    assert shown_coders(window) == {"甲"}
    click_menu_item(qtbot, window, "coding", "Blind coding (hide other coders)")
    qtbot.waitUntil(lambda: shown_coders(window) == {"甲", "乙"}, timeout=3000)
    assert window.coder_filter.isEnabled() and not window.codes_view.isColumnHidden(1)
    assert sorted(r.text for r in window.memo_panel.model.records() if r.kind == "coding") == ["乙的备忘", "甲的备忘"]
    qtbot.waitUntil(lambda: window.documents_model.document(0).codings == 6, timeout=3000)


def test_a_blind_project_asks_who_is_coding_when_opened(qtbot, project_file: Path) -> None:  # type: ignore[no-untyped-def]
    from app.core.blind import set_blind_coding

    with open_project(project_file) as project:
        set_blind_coding(project, True)
    window = MainWindow()
    qtbot.addWidget(window)
    window.sync_refresh = True
    window.open_project_path(project_file)
    window.show()
    qtbot.waitUntil(lambda: window.coder_route.dialog is not None  # type: ignore[attr-defined]
                    and window.coder_route.dialog.isVisible(), timeout=3000)  # type: ignore[attr-defined]
    dialog = window.coder_route.dialog  # type: ignore[attr-defined]
    edit = dialog.findChild(QLineEdit)
    assert edit.text() == "甲"
    edit.selectAll()
    type_text(edit, "乙")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown_coders(window) == {"乙"}, timeout=3000)
    button = window.statusBar().findChild(QToolButton, "coder-button")
    assert "乙" in button.text() and window.coder_route.blind_action.isChecked()  # type: ignore[attr-defined]


# --- disagreements ---------------------------------------------------------------------------------------
def open_disagreements(qtbot, window: MainWindow) -> DisagreementWindow:  # type: ignore[no-untyped-def]
    window.activateWindow()  # the shortcut is the window's: after a dialog, it is active again
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window.document_view, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    found = window.findChild(DisagreementWindow, "disagreements-window")
    assert found is not None
    qtbot.waitExposed(found)
    return found


def consensus(window: MainWindow) -> list[tuple[str, int, int]]:
    assert window.controller is not None
    return [(c.code, c.start, c.end) for c in list_codings(window.controller.project) if c.coder == "consensus"]


def test_disagreements_step_accept_and_undo(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_disagreements(qtbot, window)
    assert (view.coder_a.currentData(), view.coder_b.currentData()) == ("甲", "乙")
    assert [(p.kind, p.start, p.end) for p in view.items] == [("different", 36, 43), ("only_b", 64, 68)]
    assert view.list.currentRow() == 0
    assert view.pane_a.marked() == [(37, 41)] and view.pane_b.marked() == [(36, 43), (64, 68)]
    qtbot.keyClick(view.list, Qt.Key.Key_N)  # an only-乙 passage: greyed where 甲 has nothing
    assert view.pane_a.marked() == [(37, 41), (64, 68)]
    qtbot.keyClick(view.list, Qt.Key.Key_P)
    assert view.pane_a.marked() == [(37, 41)]
    assert "settled: 0 of 2" in view.figures.text()
    qtbot.keyClick(view.list, Qt.Key.Key_N)
    assert view.list.currentRow() == 1
    qtbot.keyClick(view.list, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.list.currentRow() == 0
    # A: 甲's span goes to the consensus coder; the figures and the list follow.
    qtbot.keyClick(view.list, Qt.Key.Key_A)
    assert consensus(window) == [("内生因素/互助合作", 37, 41)]
    qtbot.waitUntil(lambda: "settled: 1 of 2" in view.figures.text(), timeout=3000)
    assert view.list.item(0).text().startswith("✓") and view.list.currentRow() == 1
    # B's by the mouse on the only-乙 passage.
    qtbot.mouseClick(view.accept_b, Qt.MouseButton.LeftButton)
    assert consensus(window) == [("内生因素/互助合作", 37, 41), ("内生因素/互助合作", 64, 68)]
    qtbot.waitUntil(lambda: "settled: 2 of 2" in view.figures.text(), timeout=3000)
    # Ctrl+Z in the window undoes one settling at a time.
    qtbot.keyClick(view.list, Qt.Key.Key_Z, CTRL)
    assert consensus(window) == [("内生因素/互助合作", 37, 41)]
    qtbot.waitUntil(lambda: "settled: 1 of 2" in view.figures.text(), timeout=3000)
    qtbot.keyClick(view.list, Qt.Key.Key_Z, CTRL)
    assert consensus(window) == []
    qtbot.waitUntil(lambda: "settled: 0 of 2" in view.figures.text(), timeout=3000)
    assert not view.list.item(0).text().startswith("✓")


def test_accepting_the_side_without_a_coding_decides_not_coded(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_disagreements(qtbot, window)
    qtbot.keyClick(view.list, Qt.Key.Key_F8)  # the only-乙 passage
    qtbot.keyClick(view.list, Qt.Key.Key_A)   # 甲 did not code it: not coded
    assert consensus(window) == []
    qtbot.waitUntil(lambda: "settled: 1 of 2" in view.figures.text(), timeout=3000)
    assert window.history_view.stack().count() == 1
    qtbot.keyClick(view.list, Qt.Key.Key_C)   # wraps around to the first passage: both → one span over both
    assert consensus(window) == [("内生因素/互助合作", 36, 43)]
    qtbot.keyClick(view.list, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(view.list, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: "settled: 0 of 2" in view.figures.text(), timeout=3000)
    assert QApplication.activeModalWidget() is None
    assert view.pane_a.marked()[0] == (37, 41)


# --- File → Merge project --------------------------------------------------------------------------------
def test_merge_project_preview_merge_and_undo(window: MainWindow, qtbot, project_file: Path,  # type: ignore[no-untyped-def]
                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from app.ui.merge_dialog import MergeDialog

    # 丙 worked in a copy made before: one new coding and one new code there.
    other = tmp_path / "丙的副本.guiji"
    with create_project(other) as copy:
        src = tmp_path / "访谈甲.txt"  # the same transcript: matched by its text
        documents.import_files(copy, [src])
        code = codebook.create_code(copy, "外部因素/政策支持", color="#009988").id
        doc = documents.list_documents(copy)[0].id
        apply_coding(copy, document_id=doc, code_id=code, start=25, end=29, coder="丙")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    assert window.controller is not None
    before = len(list_codings(window.controller.project))
    click_menu_item(qtbot, window, "file", "Merge project…")
    dialog = window.findChild(MergeDialog, "merge-dialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    rows = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    assert rows["codings"] == ("1", "0") and rows["documents"] == ("0", "1")
    assert len(list_codings(window.controller.project)) == before  # a dry run so far
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    merged = [(c.code, c.coder, c.start, c.end) for c in list_codings(window.controller.project) if c.coder == "丙"]
    assert merged == [("外部因素/政策支持", "丙", 25, 29)]
    assert window.history_view.stack().count() == 1
    qtbot.keyClick(window.document_view, Qt.Key.Key_Z, CTRL)
    assert [c for c in list_codings(window.controller.project) if c.coder == "丙"] == []
    assert "外部因素/政策支持" not in {c.path for c in codebook.list_codes(window.controller.project)}
    assert len(list_codings(window.controller.project)) == before


# --- the shared transcripts: two copies, merged, settled to a consensus -----------------------------------
def test_shared_transcripts_two_copies_merged_and_settled(qtbot, tmp_path: Path, shared_data: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from app.core.agreement import agreement
    from app.core.coding import NewCoding, apply_codings
    from app.ui.merge_dialog import MergeDialog
    from bench.gold.load import build_project, document_name, load

    gold = load(shared_data / "zh")
    build_project(tmp_path / "a.guiji", gold).close()  # the hand coding, by coder "gold"
    copy = build_project(tmp_path / "b.guiji", gold, codings=False)
    docs = {d.name: d for d in documents.list_documents(copy)}
    codes = {c.path: c.id for c in codebook.list_codes(copy)}
    items = []
    for i, c in enumerate(gold.codings):  # 乙 agrees partly: some passages missed, some cut shorter
        if i % 10 == 3:
            continue
        end = c.end - 2 if i % 13 == 5 and c.end - c.start > 4 else c.end
        items.append(NewCoding(docs[document_name(c.document)].id, codes[c.code], c.start, end, "乙"))
    apply_codings(copy, items)
    copy.close()

    monkeypatch.setenv("GUIJI_CODER", "gold")
    window = MainWindow()
    qtbot.addWidget(window)
    window.sync_refresh = True
    window.open_project_path(tmp_path / "a.guiji")
    window.show()
    qtbot.waitExposed(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "b.guiji"), ""))
    click_menu_item(qtbot, window, "file", "Merge project…")
    merge = window.findChild(MergeDialog, "merge-dialog")
    qtbot.waitExposed(merge)
    qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not merge.isVisible(), timeout=10000)
    project = window.controller.project  # type: ignore[union-attr]
    assert {c.coder for c in list_codings(project)} == {"gold", "乙"}

    view = open_disagreements(qtbot, window)
    assert (view.coder_a.currentData(), view.coder_b.currentData()) == ("gold", "乙")
    doc = view.document.currentData()
    n = len(view.items)
    assert n >= 10 and {p.kind for p in view.items} == {"only_a", "different"}
    assert "κ =" in view.figures.text()
    qtbot.mouseClick(view.copy_agreed, Qt.MouseButton.LeftButton)
    for _ in range(n):  # settle every disagreement by the gold coder's reading, one key each
        qtbot.keyClick(view.list, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: f"settled: {n} of {n}" in view.figures.text(), timeout=10000)
    assert window.history_view.stack().count() == n + 2  # the merge, the agreed passages, n settlings

    def spans(coder: str) -> set[tuple[str, int, int]]:
        return {(c.code, c.start, c.end) for c in list_codings(project, document_id=doc) if c.coder == coder}

    assert spans("consensus") == spans("gold")
    name = view.document.currentText()
    assert agreement(project, ["gold", "consensus"], documents=[name]).overall.kappa == pytest.approx(1.0)
    qtbot.keyClick(view.list, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: f"settled: {n - 1} of {n}" in view.figures.text(), timeout=10000)
    assert len(spans("consensus")) < len(spans("gold"))

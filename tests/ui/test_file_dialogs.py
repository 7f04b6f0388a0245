"""File dialogs start in the folder the user expects (issue 14, item 5)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.ui.codebook_dialog import CodebookDialog
from app.ui.main_window import MainWindow


def test_codebook_export_starts_beside_the_project_named_after_it(qtbot, window: MainWindow, monkeypatch,
                                                                   tmp_path: Path) -> None:
    asked: list[str] = []
    elsewhere = tmp_path / "transcripts"
    elsewhere.mkdir()
    # Importing transcripts from another folder must not move where the codebook export starts.
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: (asked.append(a[2]) or [str(elsewhere / "x.txt")], ""))
    monkeypatch.setattr(window, "import_paths", lambda paths, **_options: None)
    window.import_dialog()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[2]) or "", ""))
    dialog = CodebookDialog(window.controller)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    project = window.controller.project.path
    assert Path(asked[-1]).parent == project.parent
    assert Path(asked[-1]).name.startswith(project.stem + "-")
    assert Path(asked[-1]).suffix == ".docx"
    # The next transcripts import starts where the last one was taken from.
    window.import_dialog()
    assert asked[-1] == str(elsewhere)


def test_an_export_saved_elsewhere_starts_there_next_time(qtbot, window: MainWindow, monkeypatch,
                                                           tmp_path: Path) -> None:
    other = tmp_path / "exports"
    other.mkdir()
    asked: list[str] = []
    answers = [str(other / "mine.docx"), ""]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a[2]) or answers.pop(0), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    dialog = CodebookDialog(window.controller)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert (other / "mine.docx").is_file()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert Path(asked[-1]).parent == other

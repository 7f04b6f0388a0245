"""File → Import/Export REFI-QDA and RQDA projects in the real window: the actions, the report
dialog, the new project opened; a refused file shows an error and creates nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from app.ui.exchange import ImportReportDialog
from app.ui.main_window import MainWindow


def answer_dialogs(monkeypatch: pytest.MonkeyPatch, *, open_path: Path | None = None,
                   save_paths: list[Path] | None = None) -> None:
    saves = list(save_paths or [])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(open_path), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(saves.pop(0)), ""))


def test_the_actions_sit_in_the_file_menu_after_import_documents(window: MainWindow) -> None:
    texts = [a.text() for a in window.api.menu("file").actions()]
    at = texts.index(window.import_action.text())
    assert [t.split(" (")[0] for t in texts[at + 1:at + 4]] == [
        "Import REFI-QDA project", "Import RQDA project", "Export as REFI-QDA project"]


def test_export_then_import_opens_the_new_project_with_a_report(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    actions = window.exchange_actions  # type: ignore[attr-defined]
    out = tmp_path / "exported.qdpx"
    answer_dialogs(monkeypatch, save_paths=[out])
    actions.export_qdpx_action.trigger()
    assert "project.qde" in zipfile.ZipFile(out).namelist()
    target = tmp_path / "imported.guiji"
    answer_dialogs(monkeypatch, open_path=out, save_paths=[tmp_path / "imported"])  # suffix added
    actions.import_qdpx_action.trigger()
    assert window.controller is not None
    assert window.controller.project.path == target
    dialog = actions.dialog
    assert isinstance(dialog, ImportReportDialog)
    assert dialog.isVisible()
    assert "imported.guiji" in dialog.summary.text()
    assert dialog.model.rowCount() == 0  # nothing skipped
    assert window.documents_model.rowCount() == 1


def test_a_report_lists_what_was_skipped(window: MainWindow, shared_data: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    source = shared_data / "refi" / "atlasti-8.4.0-mac__refi-qda__TestProject.qdpx"
    answer_dialogs(monkeypatch, open_path=source, save_paths=[tmp_path / "atlas.guiji"])
    window.exchange_actions.import_qdpx_action.trigger()  # type: ignore[attr-defined]
    dialog = window.exchange_actions.dialog  # type: ignore[attr-defined]
    reasons = [dialog.model.item(r, 2).text() for r in range(dialog.model.rowCount())]
    assert sum("missing from the archive" in r for r in reasons) == 6
    assert any("PDF sources are not imported" in r for r in reasons)
    assert window.controller.project.path == tmp_path / "atlas.guiji"  # type: ignore[union-attr]


def test_a_refused_file_shows_an_error_and_creates_nothing(window: MainWindow, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "slip.qdpx"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("project.qde", "<Project/>")
        archive.writestr("../evil.txt", "x")
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "show_error", lambda summary, detail: errors.append((summary, detail)))
    before = window.controller.project.path  # type: ignore[union-attr]
    answer_dialogs(monkeypatch, open_path=bad, save_paths=[tmp_path / "new.guiji"])
    window.exchange_actions.import_qdpx_action.trigger()  # type: ignore[attr-defined]
    assert len(errors) == 1
    assert "zip-slip" in errors[0][1]
    assert not (tmp_path / "new.guiji").exists()
    assert window.controller.project.path == before  # type: ignore[union-attr]

"""The message shown when a project is open for writing elsewhere: who holds it, and a way in read-only."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.errors import ProjectLockedError

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def holder_text(exc: ProjectLockedError) -> str:
    """Who holds the lock, as the user reads it (empty when the lock file names nobody)."""
    params = exc.params
    if "pid" not in params:
        return ""
    since = str(params.get("since", ""))
    with contextlib.suppress(ValueError):  # shown as written when it is not a time
        since = datetime.fromisoformat(since).replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    return QCoreApplication.translate(
        "LockDialog", "Held by process {pid} on the computer “{host}” since {since}.").format(
        pid=params["pid"], host=params.get("host", "?"), since=since)


def locked_box(parent: QWidget | None, path: Path, exc: ProjectLockedError) -> QMessageBox:
    """The message box (not yet shown): the file, its holder, and Open read-only / Cancel."""
    box = QMessageBox(parent)
    box.setObjectName("lock-dialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("LockDialog", "Project in use"))
    box.setText(QCoreApplication.translate(
        "LockDialog", "“{file}” is open for editing in another Guiji window or process.").format(file=path.name))
    info = holder_text(exc)
    advice = QCoreApplication.translate(
        "LockDialog", "Close it there to edit it here, or open it read-only now (you can read, search and export).")
    box.setInformativeText(f"{info}\n\n{advice}" if info else advice)
    read_only = box.addButton(QCoreApplication.translate(
        "LockDialog", "Open &read-only"), QMessageBox.ButtonRole.AcceptRole)
    read_only.setObjectName("open-read-only")
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    return box


def offer_read_only(window: MainWindow, path: str | Path, exc: ProjectLockedError) -> None:
    """Show the lock message; on Open read-only, open ``path`` read-only in ``window``."""
    box = locked_box(window, Path(path), exc)
    box.exec()
    if box.clickedButton() is not None and box.clickedButton().objectName() == "open-read-only":
        window.open_project_path(path, read_only=True)

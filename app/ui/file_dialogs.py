"""File dialogs that start where the user expects.

Every open or save dialog names a *kind* of file ("project", "transcripts", "codebook", …). An open
dialog starts in the last folder used for that kind (so importing transcripts does not move where
projects are opened from). A save dialog for something made from the open project (an export)
starts beside the project file, with a name made of the project's name and the kind of output
(``访谈研究-编码簿.docx``); when the user saved that kind of output for this project elsewhere, it
starts there instead. Folders are remembered in the settings.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.ui.settings import settings


def _key(kind: str, project: Path | None = None) -> str:
    if project is None:
        return f"folders/{kind}"
    # One remembered folder per project and kind: another project's exports go beside that project.
    digest = hashlib.sha1(str(project.resolve()).encode("utf-8")).hexdigest()[:12]
    return f"folders/{kind}-{digest}"


def last_folder(kind: str, project: Path | None = None) -> str:
    """The folder last used for ``kind`` (for ``project`` when given); ``""`` when none or gone."""
    folder = str(settings().value(_key(kind, project), "") or "")
    return folder if folder and Path(folder).is_dir() else ""


def remember_folder(kind: str, path: str | Path, project: Path | None = None) -> None:
    """Remember the folder of ``path`` (a file) as the last one used for ``kind``."""
    settings().setValue(_key(kind, project), str(Path(path).parent))


def _start(kind: str) -> str:
    return last_folder(kind) or str(Path.home())


def open_file(parent: QWidget | None, kind: str, title: str, filters: str) -> str:
    """Ask for one existing file of ``kind``; ``""`` when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, _start(kind), filters)
    if path:
        remember_folder(kind, path)
    return path


def open_files(parent: QWidget | None, kind: str, title: str, filters: str) -> list[str]:
    """Ask for existing files of ``kind``; ``[]`` when cancelled."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, _start(kind), filters)
    if paths:
        remember_folder(kind, paths[0])
    return list(paths)


def suggested_path(kind: str, name: str, project: Path | None = None, folder: str | Path | None = None) -> Path:
    """Where a save dialog for ``kind`` proposes to write ``name``.

    With a project: the folder last used for this kind and project, else beside the project file.
    Without one: ``folder`` when given, else the folder last used for the kind, else the home folder.
    """
    if project is not None:
        start = last_folder(kind, project) or str(project.parent)
    else:
        start = str(folder) if folder else _start(kind)
    return Path(start) / name


def output_name(project: Path, output: str, suffix: str) -> str:
    """``<project name>-<output><suffix>``, e.g. ``访谈研究-编码簿.docx``."""
    return f"{project.stem}-{output}{suffix}"


def save_file(parent: QWidget | None, kind: str, title: str, filters: str, name: str,
              project: Path | None = None, folder: str | Path | None = None,
              selected_filter: str = "") -> tuple[str, str]:
    """Ask where to save a file of ``kind`` (see :func:`suggested_path`); ``("", "")`` when cancelled.

    Returns the path and the filter the user chose.
    """
    start = suggested_path(kind, name, project, folder)
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(start), filters, selected_filter)
    if path:
        remember_folder(kind, path, project)
        if project is not None:
            remember_folder(kind, path)
    return path, chosen

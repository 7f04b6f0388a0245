"""Render the main window offscreen to a PNG (``guiji screenshot``)."""

from __future__ import annotations

import os
from pathlib import Path

from app.core.errors import GuijiError


def render_screenshot(out: Path, *, project: Path | None, doc: str | None, language: str | None = None) -> None:
    """Draw the main window, on ``project`` and its document ``doc`` if given, into ``out``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.app import make_application
    from app.ui.main_window import MainWindow

    app = make_application(language=language)
    window = MainWindow()
    try:
        if project is not None:
            window.open_project_path(project, read_only=True)
            if window.controller is None:
                raise GuijiError(f"{project.name}: the project could not be opened")
            if doc is not None and not window.select_document(doc):
                raise GuijiError(f"no document named '{doc}' in {project.name}")
        window.show()
        for _ in range(5):
            app.processEvents()
        if not window.grab().save(str(out)):
            raise GuijiError(f"{out}: the screenshot could not be written")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()

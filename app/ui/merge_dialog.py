"""File → Merge project…: bring another copy of the project (.guiji) or a .qdpx file into this one.

Filled in once the merge core (app.core.merge) is there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.ui.window_api import WindowApi


def show_merge_dialog(api: WindowApi, parent: QWidget) -> None:
    from PySide6.QtCore import QCoreApplication

    api.status(QCoreApplication.translate("MergeDialog", "Merging projects is not available yet."))

"""The Process menu: the timeline and the other process figures, each opening the process window.

Kept apart from :mod:`app.ui.timeline` so that start-up does not import the figure machinery (layout,
renderer, scene, export dialog): the process window's module loads the first time it is opened.
Installed by app/ui/extensions.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QKeySequence

if TYPE_CHECKING:
    from app.ui.controller import ProjectController
    from app.ui.main_window import MainWindow
    from app.ui.timeline import ProcessWindow


def _then(process_window: ProcessWindow | None, method: str) -> None:
    """Call ``method`` of the process window once it is open (nothing when no project is)."""
    if process_window is not None:
        getattr(process_window, method)()


def install(window: MainWindow) -> None:
    """Add the Process menu; its window follows the open project."""
    menu = window.api.menu("process", QCoreApplication.translate("ProcessMenu", "&Process"))
    state: dict[str, Any] = {"window": None}

    def open_kind(kind: str) -> ProcessWindow | None:
        if window.api.controller is None:
            return None
        from app.ui.timeline import ProcessWindow  # the figure machinery loads on first use

        current: ProcessWindow | None = state["window"]
        if current is None or current.controller is not window.api.controller:
            if current is not None:
                current.close()
                current.deleteLater()
            current = ProcessWindow(window, window.api.controller)
            state["window"] = current
        current.set_kind(kind)
        current.show()
        if QGuiApplication.platformName() != "offscreen":
            current.raise_()
        return current

    labels = (
        ("timeline", QCoreApplication.translate("ProcessMenu", "&Timeline…"), "Ctrl+Shift+L"),
        ("sankey", QCoreApplication.translate("ProcessMenu", "Transition &flow…"), None),
        ("matrix", QCoreApplication.translate("ProcessMenu", "Transition &matrix…"), None),
        ("codeline", QCoreApplication.translate("ProcessMenu", "&Codeline…"), None),
        ("saturation", QCoreApplication.translate("ProcessMenu", "&Saturation curve…"), None),
    )
    actions = []
    for kind, text, keys in labels:
        action = menu.addAction(text)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False, k=kind: open_kind(k))
        actions.append(action)
    menu.addSeparator()
    export = menu.addAction(QCoreApplication.translate("ProcessMenu", "&Export figure…"))
    export.triggered.connect(lambda: _then(open_kind("timeline"), "export_dialog"))
    report = menu.addAction(QCoreApplication.translate("ProcessMenu", "Stage &report…"))
    report.triggered.connect(lambda: _then(open_kind("timeline"), "stage_report"))
    actions += [export, report]

    def close_window() -> None:
        current = state["window"]
        if current is not None:
            current.close()
            current.deleteLater()
            state["window"] = None

    window.process_actions = actions  # type: ignore[attr-defined]
    window.open_process_window = open_kind  # type: ignore[attr-defined]
    window.close_process_window = close_window  # type: ignore[attr-defined]

    def project_changed(controller: ProjectController | None) -> None:
        for action in actions:
            action.setEnabled(controller is not None)
        close_window()

    window.api.project_changed.connect(project_changed)
    project_changed(window.api.controller)

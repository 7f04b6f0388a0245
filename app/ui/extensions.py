"""Features that plug into the main window without editing it.

Each module named in ``EXTENSIONS`` (under ``app.ui``) has ``install(window: MainWindow) -> None``,
called once at the end of ``MainWindow.__init__``. It may add menus, actions and docks, and connect
to ``window.project_changed`` (emitted with the new ProjectController, or None when the project
closes) and to ``controller.changed`` (what changed, and in which document). Add a module's name
here to switch it on.
"""

from __future__ import annotations

EXTENSIONS: tuple[str, ...] = ("exchange", "timeline", "suggestions", "editing")

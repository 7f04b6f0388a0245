"""Features that plug into the main window without editing it.

Each module named in ``EXTENSIONS`` (under ``app.ui``) has ``install(window: MainWindow) -> None``,
called once at the end of ``MainWindow.__init__``. It uses the window only through ``window.api``
(:class:`app.ui.window_api.WindowApi`): menus and toolbars by role (``api.menu("edit")``,
``api.add_action``), ``api.add_dock``, the project's controller (``api.controller``: ``run`` an
operation of ``app.core.ops`` as one undo step), the change stream (``api.changes``: a settled
:class:`app.core.changes.Changes` record per event-loop turn; ``api.project_changed``: the new
controller, or None when the project closes), the current document and selection, ``jump_to``,
``show_error`` and ``status``. Add a module's name here to switch it on.
"""

from __future__ import annotations

EXTENSIONS: tuple[str, ...] = ("exchange", "process_menu", "suggestions", "editing", "convert_action",
                               "start_page", "help", "stage_picker", "coders", "text_menu")

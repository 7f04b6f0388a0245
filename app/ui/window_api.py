"""What a feature module (an extension) may use of the main window — and nothing else.

An extension (``app/ui/extensions.py``) gets the window in ``install(window)`` and talks to it through
``window.api``, an instance of :class:`WindowApi`: menus and toolbars by role, ``add_dock``, the
project's change stream, the current project, document and selection, jumping to a passage, messages.
Private attributes of the window are not part of it and may change at any time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar, QWidget

if TYPE_CHECKING:
    from pathlib import Path

    from app.core.project import Project
    from app.ui.controller import ProjectController
    from app.ui.document_view import DocumentView
    from app.ui.main_window import MainWindow
    from app.ui.tasks import TaskRunner

#: The menu roles of the menu bar, in order. ``menu(role)`` makes a missing one before "help".
MENU_ROLES = ("file", "edit", "coding", "stages", "view", "process", "help")


class WindowApi(QObject):
    """The declared interface of the main window for extensions."""

    #: The project's controller after a project was opened, or None once it is closed.
    project_changed = Signal(object)
    #: Every settled change of the open project (a :class:`~app.core.changes.Changes` record).
    changes = Signal(object)
    #: The document shown in the text view changed (its id, or None).
    document_shown = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._menus: dict[str, QMenu] = {}
        self._toolbars: dict[str, QToolBar] = {}
        window.project_changed.connect(self._project_changed)

    # --- project -----------------------------------------------------------------------------------
    def _project_changed(self, controller: ProjectController | None) -> None:
        if controller is not None:
            controller.changes_settled.connect(self.changes)
        self.project_changed.emit(controller)

    @property
    def controller(self) -> ProjectController | None:
        """The open project's controller (None when no project is open)."""
        return self._window.controller

    @property
    def project(self) -> Project | None:
        """The open project (None when none is)."""
        return self._window.controller.project if self._window.controller is not None else None

    @property
    def tasks(self) -> TaskRunner:
        """The window's runner of long work (progress dialog with Cancel; one job at a time)."""
        return self._window.tasks

    @property
    def text_view(self) -> DocumentView:
        """The transcript view, for extensions that read or select the shown text (positions in code
        points through its ``selection_range``/``select_range``)."""
        return self._window.document_view

    def open_project(self, path: str | Path, *, read_only: bool = False) -> None:
        """Open a project in this window (the views reset first)."""
        self._window.open_project_path(path, read_only=read_only)

    def new_project(self) -> None:
        """File → New project (asks for the file and a template)."""
        self._window.new_project_dialog()

    def open_project_dialog(self) -> None:
        """File → Open project (asks for the file)."""
        self._window.open_project_dialog()

    def current_document(self) -> int | None:
        """The id of the document on screen, when it belongs to the open project."""
        return self._window.shown_document_id()

    def selection(self) -> tuple[int, int] | None:
        """The selected range of the shown document in code points (None: nothing selected)."""
        if self.current_document() is None:
            return None
        return self._window.document_view.selection_range()

    def cursor_position(self) -> int | None:
        """The text cursor's position in the shown document in code points (None: no document shown)."""
        if self.current_document() is None:
            return None
        from app.core.text import utf16_to_cp

        view = self._window.document_view
        return utf16_to_cp(view.text(), view.textCursor().position())

    def jump_to(self, document_id: int, start: int, end: int) -> None:
        """Show a document and select ``[start, end)`` in it (code points)."""
        self._window.jump_to(document_id, start, end)

    # --- messages ----------------------------------------------------------------------------------
    def show_error(self, summary: str, detail: str) -> None:
        """A warning dialog (and a line in the log)."""
        self._window.show_error(summary, detail)

    def status(self, message: str, msecs: int = 5000) -> None:
        """A message in the status bar."""
        self._window.statusBar().showMessage(message, msecs)

    def add_status_widget(self, widget: QWidget) -> None:
        """A permanent widget at the right of the status bar (e.g. who is coding)."""
        self._window.statusBar().addPermanentWidget(widget)

    # --- menus, toolbars, docks -------------------------------------------------------------------
    def register_menu(self, role: str, menu: QMenu) -> None:
        """Declare the window's own menu for ``role`` (the window does this for its menus)."""
        self._menus[role] = menu

    def menu(self, role: str, title: str | None = None) -> QMenu:
        """The menu of ``role`` (see :data:`MENU_ROLES`); made with ``title`` if the window has none."""
        if role not in self._menus:
            if title is None:
                raise KeyError(f"no menu with the role {role!r}")
            menu = QMenu(title, self._window)
            later = [self._menus[r] for r in MENU_ROLES[MENU_ROLES.index(role) + 1:] if r in self._menus] \
                if role in MENU_ROLES else []
            bar = self._window.menuBar()
            if later:
                bar.insertMenu(later[0].menuAction(), menu)
            else:
                bar.addMenu(menu)
            self._menus[role] = menu
        return self._menus[role]

    def register_toolbar(self, role: str, toolbar: QToolBar) -> None:
        self._toolbars[role] = toolbar

    def toolbar(self, role: str = "main") -> QToolBar:
        """The toolbar of ``role`` ("main")."""
        return self._toolbars[role]

    def add_action(self, role: str, text: str, slot: Callable[[], object], shortcut: str | None = None,
                   *, editing: bool = False) -> QAction:
        """Add an action to the menu of ``role``; ``editing`` ones are disabled while a project is read-only."""
        action = QAction(text, self._window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.menu(role).addAction(action)
        if editing:
            self._window.register_editing_action(action)
        return action

    def add_dock(self, name: str, title: str, widget: QWidget, *,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea,
                 beside: str | None = "history", shortcut: str | None = None, hidden: bool = True,
                 menu_role: str | None = "view") -> QDockWidget:
        """Add a dock (tabbed ``beside`` another dock by name), listed in the View menu."""
        dock = QDockWidget(title, self._window)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self._window.addDockWidget(area, dock)
        other = self._window.findChild(QDockWidget, f"dock-{beside}") if beside else None
        if other is not None:
            self._window.tabifyDockWidget(other, dock)
        if hidden:
            dock.hide()
        toggle = dock.toggleViewAction()
        if shortcut:
            toggle.setShortcut(QKeySequence(shortcut))
        if menu_role:
            self.menu(menu_role).addAction(toggle)
        return dock

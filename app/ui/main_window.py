"""The main window: documents, the transcript, the code tree, and docks for history and more."""

from __future__ import annotations

import importlib
import re
from functools import partial
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from app.core import coding as coding_service
from app.core import stages as stage_service
from app.core.changes import Changes
from app.core.documents import DocumentInfo, document_text, list_documents
from app.core.errors import CancelledError, GuijiError, ProjectLockedError
from app.core.ops import Done
from app.core.ops import codings as coding_ops
from app.core.ops.entities import import_documents
from app.core.project import PROJECT_SUFFIX, Project, create_project, open_project
from app.core.text import detect_turns, split_sentences
from app.ui import file_dialogs
from app.ui.cases_panel import CasesPanel
from app.ui.code_panel import CodePanel, create_code_command
from app.ui.codebook_dialog import show_codebook_dialog
from app.ui.controller import ProjectController
from app.ui.document_view import DocumentView
from app.ui.documents_panel import DocumentsPanel
from app.ui.errors import log
from app.ui.extensions import EXTENSIONS
from app.ui.messages import describe
from app.ui.panels import MemoPanel, RetrievalPanel, SearchPanel
from app.ui.settings import settings
from app.ui.settings_dialog import SettingsDialog, text_size
from app.ui.stages_dialog import show_stages_dialog
from app.ui.tasks import TaskRunner
from app.ui.window_api import WindowApi

MAX_RECENT = 10
INVIVO_MAX = 30


def toolbar_label(text: str) -> str:
    """A menu item's text as a toolbar button shows it: without the accelerator — "&New project",
    and the Chinese form "新建项目(&N)", become "New project", "新建项目" — and without a trailing "…"."""
    text = re.sub(r"\s*\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...").strip()


def recent_projects() -> list[str]:
    """Recently opened project files, newest first, that still exist."""
    value = settings().value("recent/projects", [])
    items = [value] if isinstance(value, str) else list(value) if isinstance(value, list | tuple) else []
    return [str(p) for p in items if Path(str(p)).is_file()][:MAX_RECENT]


def remember_project(path: Path) -> None:
    items = [str(path)] + [p for p in recent_projects() if p != str(path)]
    settings().setValue("recent/projects", items[:MAX_RECENT])


class MainWindow(QMainWindow):
    """One window per open project."""

    project_changed = Signal(object)  # the new ProjectController, or None
    _sync_refresh = False

    def __init__(self, *, ask_coder: bool = False) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.controller: ProjectController | None = None
        self.tasks = TaskRunner(self)
        self._ask_coder = ask_coder

        self.documents_panel = DocumentsPanel()
        self.documents_model = self.documents_panel.model
        self.documents_view = self.documents_panel.view
        self.documents_view.selectionModel().currentChanged.connect(self._on_document_chosen)

        self.document_view = DocumentView()
        self.document_view.set_text_size(text_size())
        self.document_view.remove_coding_requested.connect(self.remove_coding)
        self.document_view.memo_requested.connect(self.edit_coding_memo)
        self.document_view.selection_changed_cp.connect(self._on_selection)
        self.coder_filter = QComboBox()
        self.coder_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        filter_bar = QHBoxLayout()
        filter_bar.setContentsMargins(4, 2, 4, 2)
        filter_bar.addWidget(QLabel(self.tr("Show codings of:")))
        filter_bar.addWidget(self.coder_filter)
        filter_bar.addStretch(1)
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addLayout(filter_bar)
        center_layout.addWidget(self.document_view, 1)
        self.setCentralWidget(center)

        self.code_panel = CodePanel()
        self.code_panel.apply_code_requested.connect(self.apply_code)
        self.code_panel.model.visibility_changed.connect(self._apply_filter)
        self.codes_view = self.code_panel.view
        self.codes_model = self.code_panel.model
        self.apply_button = self.code_panel.apply_button

        self.documents_dock = self._dock("documents", self.tr("Documents"), self.documents_panel,
                                         Qt.DockWidgetArea.LeftDockWidgetArea)
        self.cases_panel = CasesPanel(self.shown_document_id, self.document_view.selection_range)
        self.cases_dock = self._dock("cases", self.tr("Cases"), self.cases_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.documents_dock, self.cases_dock)
        self.documents_dock.raise_()
        self.codes_dock = self._dock("codes", self.tr("Codes"), self.code_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.history_view = QUndoView()
        self.history_view.setEmptyLabel(self.tr("<project opened>"))
        self.history_dock = self._dock("history", self.tr("History"), self.history_view,
                                       Qt.DockWidgetArea.BottomDockWidgetArea)
        self.search_panel = SearchPanel()
        self.retrieval_panel = RetrievalPanel(self.code_panel.current_code)
        self.memo_panel = MemoPanel()
        for panel in (self.search_panel, self.retrieval_panel):
            panel.jump_requested.connect(self.jump_to)
        self.search_panel.code_all_requested.connect(self.code_all_hits)
        self.memo_panel.jump_requested.connect(self._jump_to_memo)
        # The memo list is refreshed only while shown; catch up when it is shown again.
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.search_dock = self._dock("search", self.tr("Search"), self.search_panel, bottom)
        self.retrieval_dock = self._dock("retrieval", self.tr("Coded passages"), self.retrieval_panel, bottom)
        self.memo_dock = self._dock("memos", self.tr("Memos"), self.memo_panel, bottom)
        self.memo_dock.visibilityChanged.connect(self._memo_dock_shown)
        for dock in (self.search_dock, self.retrieval_dock, self.memo_dock):
            self.tabifyDockWidget(self.history_dock, dock)
            dock.hide()
        self.history_dock.hide()
        self.resizeDocks([self.documents_dock, self.codes_dock], [240, 360], Qt.Orientation.Horizontal)

        self.selection_label = QLabel()
        self.statusBar().addPermanentWidget(self.selection_label)
        self._extra_editing_actions: list[QAction] = []
        self.api = WindowApi(self)  # what extensions may use of this window
        self._build_actions()
        self._set_project(None)
        for name in EXTENSIONS:
            importlib.import_module(f"app.ui.{name}").install(self)
        # Sized last: docks shown for a moment while they are tabified widen the window as they come.
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the hidden docks no longer count toward the minimum
        self.resize(1400, 880)
        self._restore_window_state()

    def _memo_dock_shown(self, visible: bool) -> None:
        if visible:
            self.memo_panel.refresh()

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # --- actions and menus ---
    def _action(self, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        return act

    def _build_actions(self) -> None:
        a = self._action
        self.new_action = a(self.tr("&New project…"), self.new_project_dialog, QKeySequence.StandardKey.New)
        self.open_action = a(self.tr("&Open project…"), self.open_project_dialog, QKeySequence.StandardKey.Open)
        self.import_action = a(self.tr("&Import documents…"), self.import_dialog, "Ctrl+I")
        self.quit_action = a(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.apply_action = a(self.tr("&Apply selected code"), self.apply_selected_code, "Ctrl+E")
        self.invivo_action = a(self.tr("In-&vivo code from selection"), self.invivo_code, "Ctrl+Shift+E")
        self.sentence_action = a(self.tr("Extend selection to &sentence"), self.extend_to_sentence, "Ctrl+Shift+S")
        self.turn_action = a(self.tr("Extend selection to speaker &turn"), self.extend_to_turn, "Ctrl+Shift+T")
        self.adjust_action = a(self.tr("Set the selected coding's range to the selection"), self.adjust_coding,
                               "Ctrl+Shift+R")
        self.remove_action = a(self.tr("&Remove the selected coding"), self.remove_current_coding, "Ctrl+Shift+Del")
        self.undo_action = a(self.tr("&Undo"), self._undo, QKeySequence.StandardKey.Undo)
        self.redo_action = a(self.tr("&Redo"), self._redo, "Ctrl+Y")
        # Ctrl+Y on every platform (the shortcut list promises it; X11's standard Redo is only Ctrl+Shift+Z).
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        # A lambda: triggered(bool) must not reach setFocus(reason).
        self.quick_action = a(self.tr("&Quick code…"), lambda: self.code_panel.quick.setFocus(), "Ctrl+K")  # noqa: PLW0108
        self.shortcuts_action = a(self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1")
        self.settings_action = a(self.tr("&Settings…"), self.show_settings, QKeySequence.StandardKey.Preferences)

        menu = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        for act in (self.new_action, self.open_action):
            menu.addAction(act)
        self.recent_menu = menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        menu.addAction(self.import_action)
        menu.addSeparator()
        menu.addAction(self.settings_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        menu = self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.addAction(self.history_dock.toggleViewAction())
        self.history_dock.toggleViewAction().setText(self.tr("&History"))
        self.history_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.coding_menu = self.menuBar().addMenu(self.tr("&Coding"))
        actions: tuple[QAction | None, ...] = (
            self.apply_action, self.quick_action, self.invivo_action, None, self.sentence_action, self.turn_action,
            None, self.adjust_action, self.remove_action)
        for item in actions:
            if item is None:
                self.coding_menu.addSeparator()
            else:
                self.coding_menu.addAction(item)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        for dock, keys in ((self.documents_dock, None), (self.cases_dock, None), (self.codes_dock, None),
                           (self.search_dock, "Ctrl+F"), (self.retrieval_dock, "Ctrl+R"), (self.memo_dock, "Ctrl+M")):
            toggle = dock.toggleViewAction()
            if keys:
                toggle.setShortcut(QKeySequence(keys))
            self.view_menu.addAction(toggle)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.shortcuts_action)
        # The codebook editor and the stages dialog (app/ui/codebook_dialog.py, app/ui/stages_dialog.py).
        self.codebook_action = a(self.tr("Code&book…"), lambda: show_codebook_dialog(self), "Ctrl+Shift+B")
        self.stages_action = a(self.tr("S&tages…"), lambda: show_stages_dialog(self))
        self.coding_menu.addSeparator()
        self.coding_menu.addActions([self.codebook_action, self.stages_action])

        for role, menu in (("file", self.file_menu), ("edit", self.edit_menu), ("coding", self.coding_menu),
                           ("view", self.view_menu), ("help", self.help_menu)):
            self.api.register_menu(role, menu)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        self.api.register_toolbar("main", toolbar)
        for act in (self.new_action, self.open_action, self.import_action, self.undo_action, self.redo_action,
                    self.apply_action):
            act.setIconText(toolbar_label(act.text()))
            toolbar.addAction(act)

        # Number keys apply the codes pinned to them while the text has the focus.
        for key in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(key)), self.document_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda k=key: self.apply_pinned(k))

    def _editing_actions(self) -> list[QAction]:
        return [self.import_action, self.apply_action, self.invivo_action, self.adjust_action, self.remove_action,
                self.quick_action, *self._extra_editing_actions]

    def register_editing_action(self, action: QAction) -> None:
        """An action that changes the project: enabled only while a project is open for writing."""
        self._extra_editing_actions.append(action)
        action.setEnabled(self.controller is not None and not self.controller.project.read_only)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in recent_projects():
            self.recent_menu.addAction(path, partial(self.open_project_path, path))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def show_shortcuts(self) -> None:
        rows = []
        for act in self.findChildren(QAction):
            keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys and act.text():
                rows.append(f"<tr><td><b>{keys}</b></td><td>{act.text().replace('&', '')}</td></tr>")
        pinned = self.tr("Apply the code pinned to that key")
        rows.append(f"<tr><td><b>1 … 9</b></td><td>{pinned}</td></tr>")
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Keyboard shortcuts"),
                          "<table cellspacing=6>" + "".join(sorted(set(rows))) + "</table>", parent=self)
        box.open()

    def show_settings(self) -> None:
        dialog = SettingsDialog(self)
        dialog.finished.connect(lambda result: self._settings_changed() if result else None)
        dialog.open()

    def _settings_changed(self) -> None:
        self.document_view.set_text_size(text_size())
        if self.controller is not None and not self.controller.project.read_only:
            name = str(settings().value("coder/name", "") or "")
            if name:
                self.controller.coder = name
                self.statusBar().showMessage(self.tr("Coder: {coder}").format(coder=name))

    def _undo(self) -> None:
        if self.controller:
            self.controller.undo_stack.undo()

    def _redo(self) -> None:
        if self.controller:
            self.controller.undo_stack.redo()

    # --- project ---
    def open_project_path(self, path: str | Path, *, read_only: bool = False) -> None:
        """Open a project file (errors are shown, and the current project stays open)."""
        try:
            project = open_project(path, read_only=read_only)
        except ProjectLockedError as exc:  # who holds it, and Open read-only (app/ui/lock_dialog.py)
            from app.ui.lock_dialog import offer_read_only

            offer_read_only(self, path, exc)
            return
        except GuijiError as exc:
            self.show_error(self.tr("The project could not be opened."), describe(exc))
            return
        if project.open_report.backup is not None:
            self.statusBar().showMessage(self.tr("The project was upgraded; a backup is at {path}").format(
                path=project.open_report.backup), 10000)
        if not read_only:
            remember_project(project.path)
        self._set_project(project)

    def _coder_name(self) -> str:
        from app.core.coders import default_coder

        stored = str(settings().value("coder/name", "") or "")
        if stored:
            return stored
        name = default_coder()
        if self._ask_coder:
            answer, ok = QInputDialog.getText(
                self, self.tr("Who is coding?"),
                self.tr("Your name as a coder (every coding records it; asked only once):"), text=name)
            if ok and answer.strip():
                name = answer.strip()
                settings().setValue("coder/name", name)
        return name

    def _set_project(self, project: Project | None) -> None:
        """Close the open project, reset every view, then show ``project`` (None: no project)."""
        if self.controller is not None:
            old = self.controller
            self.controller = None
            # Every view forgets the old project before anything of the new one is shown: a view still
            # showing the old text could otherwise send its positions into the new project.
            self._reset_views()
            self.project_changed.emit(None)
            old.undo_stack.clear()
            old.project.close()
            old.deleteLater()
        editable = project is not None and not project.read_only
        for act in self._editing_actions():
            act.setEnabled(editable)
        if project is None:
            self.setWindowTitle(self.tr("Guiji"))
            self._reset_views()
            return
        coder = self._coder_name() if editable else ""
        self.controller = ProjectController(project, coder, self, sync=self._sync_refresh)
        stack = self.controller.undo_stack
        self.history_view.setStack(stack)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # Undo/Redo name what they undo (issue 13): "Undo Apply code “X”"; bare when there is nothing.
        stack.undoTextChanged.connect(lambda t: self.undo_action.setText(
            self.tr("&Undo {action}").format(action=t) if t else self.tr("&Undo")))
        stack.redoTextChanged.connect(lambda t: self.redo_action.setText(
            self.tr("&Redo {action}").format(action=t) if t else self.tr("&Redo")))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.controller.changes_settled.connect(self._on_changes)
        suffix = self.tr(" (read-only)") if project.read_only else ""
        self.setWindowTitle(self.tr("Guiji — {name}").format(name=project.path.name) + suffix)
        if coder:
            self.statusBar().showMessage(self.tr("Coder: {coder}").format(coder=coder))
        self._reload_documents()
        self.code_panel.set_controller(self.controller)
        for panel in (self.search_panel, self.retrieval_panel, self.memo_panel, self.documents_panel,
                          self.cases_panel):
            panel.set_controller(self.controller)
        self.project_changed.emit(self.controller)
        if self.documents_model.rowCount() > 0:
            self.select_document_row(0)

    def shown_document_id(self) -> int | None:
        """The id of the document on screen, when it is a document of the open project."""
        if self.controller is None:
            return None
        shown = self.document_view.shown_in(self.controller.project)
        return shown[0] if shown else None

    def _reset_views(self) -> None:
        """Show no project: every view empty and bound to nothing."""
        self.documents_view.selectionModel().blockSignals(True)
        self.documents_model.set_documents([])
        self.documents_view.selectionModel().clearCurrentIndex()
        self.documents_view.selectionModel().blockSignals(False)
        self.code_panel.set_controller(None)
        for panel in (self.search_panel, self.retrieval_panel, self.memo_panel, self.documents_panel,
                      self.cases_panel):
            panel.set_controller(None)
        self.document_view.show_nothing()
        self.coder_filter.blockSignals(True)
        self.coder_filter.clear()
        self.coder_filter.blockSignals(False)
        self._sentences: list[tuple[int, int]] | None = None
        self._turns: list[tuple[int, int]] | None = None
        self.selection_label.setText("")
        self.history_view.setStack(None)  # type: ignore[arg-type]  # Qt accepts no stack: the view empties
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

    def _reload_documents(self) -> None:
        assert self.controller is not None
        self.documents_model.set_documents(list_documents(self.controller.project))

    def select_document_row(self, row: int) -> None:
        index = self.documents_model.index(row, 0)
        self.documents_view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def select_document(self, name: str) -> bool:
        """Show the document called ``name``; False when there is none."""
        for row in range(self.documents_model.rowCount()):
            if self.documents_model.document(row).name == name:
                self.select_document_row(row)
                return True
        return False

    def _on_document_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.controller is None or not current.isValid():
            return
        doc = self.documents_model.document(current.row())
        project = self.controller.project
        text = document_text(project, doc.id)
        codings = coding_service.list_codings(project, document_id=doc.id)
        self._sentences = None
        self._turns = None
        self._refresh_coder_filter(codings)
        self._apply_filter(refresh=False)
        self.document_view.set_document(doc.id, text, codings, self._colors(), self._stage_rows(doc.id),
                                        project=project)
        self.api.document_shown.emit(doc.id)
        self._update_document_counts(codings)

    def _stage_rows(self, document_id: int) -> list[tuple[int, int, str, str]]:
        assert self.controller is not None
        colors = {s.id: s.color for s in stage_service.list_stages(self.controller.project)}
        return [(s.start, s.end, s.stage, colors.get(s.stage_id, "#999999"))
                for s in stage_service.list_stage_spans(self.controller.project, document_id)]

    def _colors(self) -> dict[int, str]:
        return {c.id: c.color for c in self.codes_model.all_codes()}

    def _update_document_counts(self, codings: list[coding_service.CodingInfo]) -> None:
        counts: dict[int, int] = {}
        for c in codings:
            counts[c.code_id] = counts.get(c.code_id, 0) + 1
        self.codes_model.set_document_counts(counts)

    def _refresh_coder_filter(self, codings: list[coding_service.CodingInfo]) -> None:
        current = self.coder_filter.currentData()
        mine = {self.controller.coder} if self.controller and self.controller.coder else set()
        coders = sorted({c.coder for c in codings} | mine)
        self.coder_filter.blockSignals(True)
        self.coder_filter.clear()
        self.coder_filter.addItem(self.tr("all coders"), None)
        for name in coders:
            self.coder_filter.addItem(name, name)
        index = self.coder_filter.findData(current)
        self.coder_filter.setCurrentIndex(max(0, index))
        self.coder_filter.blockSignals(False)

    def _apply_filter(self, *, refresh: bool = True) -> None:
        coder = self.coder_filter.currentData()
        self.document_view.set_filter(self.codes_model.hidden_codes(), None if coder is None else {coder},
                                      refresh=refresh)

    @property
    def sync_refresh(self) -> bool:
        """Tests set it to see every change in the views at once (not on the next event-loop turn)."""
        return self._sync_refresh

    @sync_refresh.setter
    def sync_refresh(self, value: bool) -> None:
        self._sync_refresh = value
        if self.controller is not None:
            self.controller.sync = value

    def flush_changes(self) -> None:
        """Bring every view up to date with the project now (the event loop does it otherwise)."""
        if self.controller is not None:
            self.controller.settle()

    def _on_changes(self, changes: Changes) -> None:
        """Patch the document list, the shown document and its coder filter from the settled changes."""
        if self.controller is None:
            return
        shown = self.document_view.document_id
        if changes.document_list or changes.all_codings or changes.documents:
            self._reload_documents_keep_selection()
        elif changes.codings_changed:
            counts: dict[int, int] = {}
            for c in changes.codings_added:
                counts[c.document_id] = counts.get(c.document_id, 0) + 1
            for c in changes.codings_removed:
                counts[c.document_id] = counts.get(c.document_id, 0) - 1
            if changes.codings_in:
                self._reload_documents_keep_selection()
            else:
                self.documents_model.add_to_counts(counts)
        if shown is None:
            return
        if shown in changes.documents or self.documents_model.row_of(shown) < 0:
            # The shown document's text changed, or the document is gone: show it (or the first) afresh.
            row = self.documents_model.row_of(shown)
            self.document_view.show_nothing()
            if row >= 0 or self.documents_model.rowCount() > 0:
                self.select_document_row(max(row, 0))
                if self.document_view.document_id is None:  # the same row: no currentChanged signal
                    self._on_document_chosen(self.documents_view.currentIndex(), QModelIndex())
            return
        if changes.stages:
            self.document_view.set_stages(self._stage_rows(shown))
        if not (changes.codings_changed or changes.codes) or (
                not changes.all_codings and not changes.codes and shown not in changes.coding_documents()):
            return
        if changes.codings_exact(shown) and not changes.codes:
            added = [c for c in changes.codings_added if c.document_id == shown]
            removed = [c for c in changes.codings_removed if c.document_id == shown]
            self.document_view.apply_delta(added, removed)
            codings = self.document_view.codings()
            known = {self.coder_filter.itemData(i) for i in range(self.coder_filter.count())}
            if {c.coder for c in added} - known:
                self._refresh_coder_filter(codings)
        else:
            codings = coding_service.list_codings(self.controller.project, document_id=shown)
            self._refresh_coder_filter(codings)
            self._apply_filter(refresh=False)
            self.document_view.set_codings(codings, self._colors())
        self._update_document_counts(codings)

    def jump_to(self, document_id: int, start: int, end: int) -> None:
        """Show a document and select ``[start, end)`` in it (code points)."""
        row = self.documents_model.row_of(document_id)
        if row < 0:
            return
        if self.document_view.document_id != document_id:
            self.select_document_row(row)
        self.document_view.select_range(start, end)
        self.document_view.setFocus()

    def _jump_to_memo(self, memo: object) -> None:
        kind = getattr(memo, "kind", "")
        owner = getattr(memo, "owner_id", None)
        if kind == "document" and owner is not None:
            row = self.documents_model.row_of(owner)
            if row >= 0:
                self.select_document_row(row)
        elif kind == "code" and owner is not None:
            self.code_panel.select_code(owner)
        elif kind == "coding" and owner is not None and self.controller is not None:
            info = coding_service.get_coding(self.controller.project, owner)
            self.jump_to(info.document_id, info.start, info.end)

    def code_all_hits(self, hits: list[object]) -> None:
        """Apply the selected code to every search hit, as one undo step."""
        if not self._can_edit() or not hits:
            return
        assert self.controller is not None
        code_id = self.selected_code_id()
        if code_id is None:
            self.statusBar().showMessage(self.tr("Choose a code in the code tree first."), 4000)
            return
        try:
            with self.controller.macro(self.tr("Code {n} search hit(s)").format(n=len(hits))):
                for hit in hits:
                    self.controller.apply_coding(hit.document_id, code_id, hit.start, hit.end)  # type: ignore[attr-defined]
        except GuijiError as exc:
            self.show_error(self.tr("Not every hit could be coded."), describe(exc))

    def _reload_documents_keep_selection(self) -> None:
        current = self.document_view.document_id
        self.documents_view.selectionModel().blockSignals(True)
        self._reload_documents()
        if current is not None:
            row = self.documents_model.row_of(current)
            if row >= 0:
                self.documents_view.setCurrentIndex(self.documents_model.index(row, 0))
        self.documents_view.selectionModel().blockSignals(False)

    # --- coding ---
    def _can_edit(self) -> bool:
        return self.controller is not None and not self.controller.project.read_only

    def selected_code_id(self) -> int | None:
        info = self.code_panel.current_code()
        return info.id if info else None

    def apply_selected_code(self) -> None:
        """Apply the code selected in the tree to the text selected in the document."""
        code_id = self.selected_code_id()
        if code_id is None:
            self.statusBar().showMessage(self.tr("Choose a code in the code tree first."), 4000)
            return
        self.apply_code(code_id)

    def apply_code(self, code_id: int) -> None:
        """Apply ``code_id`` to the selected text."""
        if not self._can_edit():
            return
        assert self.controller is not None
        selection = self.document_view.selection_range()
        shown = self.document_view.shown_in(self.controller.project)
        if selection is None or shown is None:
            self.statusBar().showMessage(self.tr("Select some text first."), 4000)
            return
        doc_id, sha = shown
        try:
            self.controller.apply_coding(doc_id, code_id, *selection, expect_sha256=sha)
        except GuijiError as exc:
            self.show_error(self.tr("The code could not be applied."), describe(exc))

    def apply_pinned(self, key: int) -> None:
        code_id = self.code_panel.pinned_code(key)
        if code_id is None:
            self.statusBar().showMessage(self.tr("No code is pinned to key {key}.").format(key=key), 4000)
            return
        self.apply_code(code_id)

    def invivo_code(self) -> None:
        """Make a code named after the selected words (under the selected code) and apply it."""
        if not self._can_edit():
            return
        assert self.controller is not None
        selection = self.document_view.selection_range()
        shown = self.document_view.shown_in(self.controller.project)
        if selection is None or shown is None:
            self.statusBar().showMessage(self.tr("Select some text first."), 4000)
            return
        words = self.document_view.text()[selection[0]:selection[1]]
        name = " ".join(words.replace("/", " ").split()).strip("，。！？；：、,.!?;:“”\"'（）() ")[:INVIVO_MAX]
        if not name:
            return
        parent = self.code_panel.current_code()
        doc_id, sha = shown
        try:
            with self.controller.macro(self.tr("In-vivo code “{name}”").format(name=name)):
                code = create_code_command(self.controller, parent.id if parent else None, name)
                self.controller.apply_coding(doc_id, code.id, *selection, expect_sha256=sha)
        except GuijiError as exc:
            self.show_error(self.tr("The in-vivo code could not be made."), describe(exc))
            return
        self.code_panel.select_code(code.id)

    def _extend_to(self, spans: list[tuple[int, int]]) -> None:
        selection = self.document_view.selection_range()
        if selection is None:
            cursor = self.document_view.textCursor().position()
            at = self.document_view._map.to_codepoint(cursor)
            selection = (at, at)
        start, end = selection
        covering = [s for s in spans if s[0] < max(end, start + 1) and s[1] > start]
        if covering:
            self.document_view.select_range(min(start, covering[0][0]), max(end, covering[-1][1]))

    def extend_to_sentence(self) -> None:
        if self._sentences is None:
            self._sentences = split_sentences(self.document_view.text())
        self._extend_to(self._sentences)

    def extend_to_turn(self) -> None:
        if self._turns is None:
            self._turns = [(t.label_start, t.end) for t in detect_turns(self.document_view.text())]
        self._extend_to(self._turns)

    def adjust_coding(self) -> None:
        """Give the coding last selected (by its stripe) the range of the current text selection."""
        if not self._can_edit():
            return
        assert self.controller is not None
        coding = self.document_view.current_coding()
        selection = self.document_view.selection_range()
        shown = self.document_view.shown_in(self.controller.project)
        if coding is None or selection is None or shown is None:
            self.statusBar().showMessage(self.tr("Click a coding's stripe, then select its new range."), 5000)
            return
        try:
            self.controller.run(coding_ops.adjust_coding(self.controller.project, coding.id, *selection,
                                                         expect_sha256=shown[1]))
        except GuijiError as exc:
            self.show_error(self.tr("The coding could not be adjusted."), describe(exc))

    def edit_coding_memo(self, coding_id: int, memo: str | None = None) -> None:
        """Write the memo of a coding (asked in a dialog unless given)."""
        if not self._can_edit():
            return
        ctrl = self.controller
        assert ctrl is not None
        info = coding_service.get_coding(ctrl.project, coding_id)
        if memo is None:
            memo, ok = QInputDialog.getMultiLineText(self, self.tr("Coding memo"), f"{info.code}\n{info.text[:60]}",
                                                     info.memo)
            if not ok:
                return
        ctrl.run(coding_ops.set_coding_memo(ctrl.project, coding_id, memo))

    def remove_current_coding(self) -> None:
        coding = self.document_view.current_coding()
        if coding is None:
            self.statusBar().showMessage(self.tr("Click a coding's stripe first."), 4000)
            return
        self.remove_coding(coding.id)

    def remove_coding(self, coding_id: int) -> None:
        if not self._can_edit():
            return
        assert self.controller is not None
        try:
            self.controller.remove_coding(coding_id)
        except GuijiError as exc:
            self.show_error(self.tr("The coding could not be removed."), describe(exc))

    def _on_selection(self, start: int, end: int) -> None:
        if end > start:
            self.selection_label.setText(
                self.tr("Selected {start}–{end} ({n} characters)").format(start=start, end=end, n=end - start)
            )
        else:
            self.selection_label.setText("")

    # --- dialogs ---
    def new_project_dialog(self) -> None:
        kinds = self.tr("Guiji projects (*{suffix})").format(suffix=PROJECT_SUFFIX)
        path, _ = file_dialogs.save_file(self, "project", self.tr("New project"), kinds, "")
        if not path:
            return
        if not path.endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        from app.ui.new_project_dialog import choose_template

        ok, template = choose_template(self)
        if not ok:
            return
        self.create_project_at(path, template)

    def create_project_at(self, path: str | Path, template: str | None = None) -> None:
        """Create a project (from a framework template if given) and open it."""
        from app.core.templates import apply_template

        try:
            project = create_project(path)
        except GuijiError as exc:
            self.show_error(self.tr("The project could not be created."), describe(exc))
            return
        if template:
            try:
                apply_template(project, template)
            except GuijiError as exc:
                self.show_error(self.tr("The template could not be applied."), describe(exc))
        remember_project(project.path)
        self._set_project(project)

    def open_project_dialog(self) -> None:
        kinds = self.tr("Guiji projects (*{suffix})").format(suffix=PROJECT_SUFFIX)
        path = file_dialogs.open_file(self, "project", self.tr("Open project"), kinds)
        if path:
            self.open_project_path(path)

    def import_dialog(self) -> None:
        if self.controller is None:
            return
        paths = file_dialogs.open_files(
            self, "transcripts", self.tr("Import documents"), self.tr("Transcripts (*.txt *.docx *.md)")
        )
        if not paths or not self._can_edit():
            return
        from app.ui.import_script import ask_conversion

        to, go_on = ask_conversion(self, self.controller.project, paths)
        if go_on:
            self.import_paths(paths, to=to)

    def import_paths(self, paths: list[str], *, to: str | None = None) -> None:
        """Import files in the background (all or nothing, one undo step), with progress and Cancel;
        ``to`` converts them to that script (``"hans"``/``"hant"``) as they are stored."""
        if not self._can_edit() or self.tasks.busy:
            return
        project = self.controller.project  # type: ignore[union-attr]

        def done(operation: Done[list[DocumentInfo]]) -> None:
            if self.controller is None or self.controller.project is not project:
                return  # another project was opened meanwhile
            docs = self.controller.run(operation, self.tr("Import {n} document(s)").format(n=len(operation.value)))
            self.flush_changes()
            if docs and self.document_view.document_id is None:  # nothing shown yet: show the first import
                row = self.documents_model.row_of(docs[0].id)
                if row >= 0:
                    self.select_document_row(row)
            self.statusBar().showMessage(self.tr("Imported {n} document(s).").format(n=len(docs)), 5000)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, CancelledError):
                self.statusBar().showMessage(self.tr("Import cancelled; nothing was imported."), 5000)
            elif isinstance(exc, GuijiError):
                self.show_error(self.tr("Nothing was imported."), describe(exc))
            else:
                raise exc

        self.tasks.run(self.tr("Importing {n} file(s)…").format(n=len(paths)),
                       lambda progress: import_documents(project, paths, to=to, progress=progress), done, failed)

    def show_error(self, summary: str, detail: str) -> None:
        log.warning("%s %s", summary, detail)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Guiji"), summary, parent=self)
        box.setInformativeText(detail)
        box.open()

    # --- window state ---
    def _restore_window_state(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        state = store.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        self._set_project(None)
        super().closeEvent(event)

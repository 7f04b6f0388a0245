"""The main window: documents on the left, the transcript in the middle, the code tree on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.core.codebook import list_codes
from app.core.coding import list_codings
from app.core.documents import document_text, import_files, list_documents
from app.core.errors import GuijiError
from app.core.project import PROJECT_SUFFIX, Project, create_project, open_project
from app.ui.controller import ProjectController
from app.ui.document_view import DocumentView
from app.ui.models import CodeTreeModel, DocumentListModel
from app.ui.settings import settings


def _titled(title: str, widget: QWidget, *extra: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    label = QLabel(title)
    label.setStyleSheet("font-weight: bold;")
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    for w in extra:
        layout.addWidget(w)
    return box


class MainWindow(QMainWindow):
    """One window per open project."""

    def __init__(self) -> None:
        super().__init__()
        self.controller: ProjectController | None = None
        self.resize(1400, 880)

        self.documents_model = DocumentListModel(self)
        self.documents_view = QListView()
        self.documents_view.setModel(self.documents_model)
        self.documents_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents_view.selectionModel().currentChanged.connect(self._on_document_chosen)

        self.document_view = DocumentView()
        self.document_view.remove_coding_requested.connect(self.remove_coding)
        self.document_view.selection_changed_cp.connect(self._on_selection)

        self.codes_model = CodeTreeModel(self)
        self.codes_view = QTreeView()
        self.codes_view.setModel(self.codes_model)
        self.codes_view.setUniformRowHeights(True)
        self.codes_view.header().setStretchLastSection(False)
        self.codes_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            self.codes_view.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.codes_view.doubleClicked.connect(lambda _index: self.apply_selected_code())

        self.apply_button = QPushButton(self.tr("Apply code to selection"))
        self.apply_button.clicked.connect(self.apply_selected_code)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(_titled(self.tr("Documents"), self.documents_view))
        splitter.addWidget(self.document_view)
        splitter.addWidget(_titled(self.tr("Codes"), self.codes_view, self.apply_button))
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([240, 820, 340])
        self.setCentralWidget(splitter)

        self.selection_label = QLabel()
        self.statusBar().addPermanentWidget(self.selection_label)
        self._build_actions()
        self._set_project(None)

    # --- actions and menus ---
    def _build_actions(self) -> None:
        def action(text: str, slot: object, shortcut: QKeySequence | str | None = None) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            return act

        self.new_action = action(self.tr("&New project…"), self.new_project_dialog, QKeySequence.StandardKey.New)
        self.open_action = action(self.tr("&Open project…"), self.open_project_dialog, QKeySequence.StandardKey.Open)
        self.import_action = action(self.tr("&Import documents…"), self.import_dialog, "Ctrl+I")
        self.quit_action = action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.apply_action = action(self.tr("&Apply selected code"), self.apply_selected_code, "Ctrl+E")
        self.undo_action = QAction(self.tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = QAction(self.tr("&Redo"), self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.undo_action.triggered.connect(self._undo)
        self.redo_action.triggered.connect(self._redo)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for act in (self.new_action, self.open_action, self.import_action):
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        code_menu = self.menuBar().addMenu(self.tr("&Coding"))
        code_menu.addAction(self.apply_action)

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        for act in (self.new_action, self.open_action, self.import_action, self.undo_action, self.redo_action,
                    self.apply_action):
            toolbar.addAction(act)

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
        except GuijiError as exc:
            self.show_error(self.tr("The project could not be opened."), str(exc))
            return
        self._set_project(project)

    def _set_project(self, project: Project | None) -> None:
        if self.controller is not None:
            self.controller.project.close()
            self.controller.deleteLater()
            self.controller = None
        has = project is not None
        for act in (self.import_action, self.apply_action):
            act.setEnabled(has and not project.read_only)  # type: ignore[union-attr]
        self.apply_button.setEnabled(has and not project.read_only)  # type: ignore[union-attr]
        if project is None:
            self.setWindowTitle(self.tr("Guiji"))
            self.documents_model.set_documents([])
            self.codes_model.set_codes([])
            self.document_view.set_document(None, "", [], {})
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)
            return
        coder = str(settings().value("coder/name", "") or "") or _login_name()
        self.controller = ProjectController(project, coder, self)
        stack = self.controller.undo_stack
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.controller.codings_changed.connect(self._on_codings_changed)
        suffix = self.tr(" (read-only)") if project.read_only else ""
        self.setWindowTitle(self.tr("Guiji — {name}").format(name=project.path.name) + suffix)
        self.statusBar().showMessage(self.tr("Coder: {coder}").format(coder=coder))
        self._reload_documents()
        self._reload_codes()
        if self.documents_model.rowCount() > 0:
            self.select_document_row(0)

    def _reload_documents(self) -> None:
        assert self.controller is not None
        self.documents_model.set_documents(list_documents(self.controller.project))

    def _reload_codes(self) -> None:
        assert self.controller is not None
        self.codes_model.set_codes(list_codes(self.controller.project))
        self.codes_view.expandAll()

    def select_document_row(self, row: int) -> None:
        index = self.documents_model.index(row, 0)
        self.documents_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

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
        text = document_text(self.controller.project, doc.id)
        codings = list_codings(self.controller.project, document_id=doc.id)
        self.document_view.set_document(doc.id, text, codings, self._colors())
        self._update_document_counts(codings)

    def _colors(self) -> dict[int, str]:
        assert self.controller is not None
        return {c.id: c.color for c in list_codes(self.controller.project)}

    def _update_document_counts(self, codings: list) -> None:  # type: ignore[type-arg]
        counts: dict[int, int] = {}
        for c in codings:
            counts[c.code_id] = counts.get(c.code_id, 0) + 1
        self.codes_model.set_document_counts(counts)

    def _on_codings_changed(self, document_id: int) -> None:
        assert self.controller is not None
        expanded = self.codes_view.currentIndex()
        current_code = self.codes_model.code_at(expanded) if expanded.isValid() else None
        self._reload_codes()
        self._reload_documents_keep_selection()
        if self.document_view.document_id == document_id:
            codings = list_codings(self.controller.project, document_id=document_id)
            self.document_view.set_codings(codings, self._colors())
            self._update_document_counts(codings)
        if current_code is not None:
            self.codes_view.setCurrentIndex(self.codes_model.index_of(current_code.id))

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
    def selected_code_id(self) -> int | None:
        info = self.codes_model.code_at(self.codes_view.currentIndex())
        return info.id if info else None

    def apply_selected_code(self) -> None:
        """Apply the code selected in the tree to the text selected in the document."""
        if self.controller is None or self.controller.project.read_only:
            return
        selection = self.document_view.selection_range()
        code_id = self.selected_code_id()
        if selection is None or self.document_view.document_id is None:
            self.statusBar().showMessage(self.tr("Select some text first."), 4000)
            return
        if code_id is None:
            self.statusBar().showMessage(self.tr("Choose a code in the code tree first."), 4000)
            return
        try:
            self.controller.apply_coding(self.document_view.document_id, code_id, *selection)
        except GuijiError as exc:
            self.show_error(self.tr("The code could not be applied."), str(exc))

    def remove_coding(self, coding_id: int) -> None:
        if self.controller is None or self.controller.project.read_only:
            return
        try:
            self.controller.remove_coding(coding_id)
        except GuijiError as exc:
            self.show_error(self.tr("The coding could not be removed."), str(exc))

    def _on_selection(self, start: int, end: int) -> None:
        if end > start:
            self.selection_label.setText(
                self.tr("Selected {start}–{end} ({n} characters)").format(start=start, end=end, n=end - start)
            )
        else:
            self.selection_label.setText("")

    # --- dialogs ---
    def new_project_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New project"), "", self.tr("Guiji projects (*{suffix})").format(suffix=PROJECT_SUFFIX)
        )
        if not path:
            return
        if not path.endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        try:
            project = create_project(path)
        except GuijiError as exc:
            self.show_error(self.tr("The project could not be created."), str(exc))
            return
        self._set_project(project)

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open project"), "", self.tr("Guiji projects (*{suffix})").format(suffix=PROJECT_SUFFIX)
        )
        if path:
            self.open_project_path(path)

    def import_dialog(self) -> None:
        if self.controller is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import documents"), "", self.tr("Transcripts (*.txt *.docx *.md)")
        )
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[str]) -> None:
        assert self.controller is not None
        try:
            docs = import_files(self.controller.project, paths)
        except GuijiError as exc:
            self.show_error(self.tr("Nothing was imported."), str(exc))
            return
        self._reload_documents_keep_selection()
        self.statusBar().showMessage(self.tr("Imported {n} document(s).").format(n=len(docs)), 5000)

    def show_error(self, summary: str, detail: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Guiji"), summary, parent=self)
        box.setInformativeText(detail)
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._set_project(None)
        super().closeEvent(event)


def _login_name() -> str:
    from app.cli import default_coder

    return default_coder()

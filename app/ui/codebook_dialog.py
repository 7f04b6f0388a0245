"""The codebook editor: the code tree on the left, every field of the chosen code on the right.

Every change goes through :mod:`app.ui.codebook_commands`, so it lands on the controller's undo
stack; the dialog redraws itself when the controller says the codes changed (an undo included).
Import shows the merge preview first and changes nothing until the user agrees.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.codebook import CodeInfo, code_levels, list_codes
from app.core.coding import CodingInfo, list_codings
from app.core.errors import GuijiError
from app.core.templates import list_templates
from app.ui import codebook_commands as commands
from app.ui import file_dialogs
from app.ui.controller import ProjectController
from app.ui.i18n import export_language
from app.ui.messages import describe
from app.ui.new_project_dialog import template_title

if TYPE_CHECKING:  # the exchange modules (openpyxl, python-docx) load on first use, not at start-up
    from app.core.exchange.codebook_io import ImportResult

Index = QModelIndex | QPersistentModelIndex


class CodebookTreeModel(QAbstractItemModel):
    """The code tree, read-only, one column: name (with its colour)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._codes: dict[int, CodeInfo] = {}
        self._children: dict[int | None, list[int]] = {None: []}

    def set_codes(self, codes: list[CodeInfo]) -> None:
        self.beginResetModel()
        self._codes = {c.id: c for c in codes}
        self._children = {None: []}
        for code in codes:  # tree order: a parent comes before its children, siblings in order
            self._children.setdefault(code.parent_id, []).append(code.id)
            self._children.setdefault(code.id, [])
        self.endResetModel()

    def code_at(self, index: Index) -> CodeInfo | None:
        return self._codes.get(index.internalId()) if index.isValid() else None

    def index_of(self, code_id: int) -> QModelIndex:
        code = self._codes.get(code_id)
        if code is None:
            return QModelIndex()
        return self.createIndex(self._children[code.parent_id].index(code_id), 0, code_id)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        parent_id = parent.internalId() if parent.isValid() else None
        siblings = self._children.get(parent_id, [])
        if column != 0 or not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        code = self.code_at(index)
        if code is None or code.parent_id is None:
            return QModelIndex()
        return self.index_of(code.parent_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else None, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        code = self.code_at(index)
        if code is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return code.name
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(code.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            return code.short_definition or code.path
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return self.tr("Code")
        return None


class ExampleListModel(QAbstractListModel):
    """The passages coded with one code, each checkable: checked ones go into the coding-example table."""

    toggled = Signal(int, bool)  # coding id, chosen

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._codings: list[CodingInfo] = []
        self._chosen: set[int] = set()

    def set_codings(self, codings: list[CodingInfo], chosen: set[int]) -> None:
        self.beginResetModel()
        self._codings = list(codings)
        self._chosen = set(chosen)
        self.endResetModel()

    def coding(self, row: int) -> CodingInfo:
        return self._codings[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._codings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._codings):
            return None
        coding = self._codings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = " ".join(coding.text.split())
            short = text if len(text) <= 60 else text[:59] + "…"
            return f"{coding.document} {coding.start}–{coding.end}：{short}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if coding.id in self._chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return coding.text
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        chosen = Qt.CheckState(value) == Qt.CheckState.Checked
        self.toggled.emit(self._codings[index.row()].id, chosen)
        return True


class CodebookDialog(QDialog):
    """Edit every field of every code, add and delete codes, import and export the codebook."""

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Codebook"))
        self.resize(1000, 680)
        self.model = CodebookTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._show_current())

        self.name_edit = QLineEdit()
        self.color_button = QPushButton()
        self.color_button.clicked.connect(self._choose_color)
        self.color_edit = QLineEdit()
        self.color_edit.setPlaceholderText("#RRGGBB")
        self.color_edit.setMaximumWidth(100)
        color_row = QHBoxLayout()
        color_row.addWidget(self.color_button)
        color_row.addWidget(self.color_edit)
        color_row.addStretch(1)
        self.level_combo = QComboBox()
        self.level_combo.setEditable(True)
        self.short_edit = QLineEdit()
        self.definition_edit = QPlainTextEdit()
        self.use_edit = QPlainTextEdit()
        self.not_use_edit = QPlainTextEdit()
        self.example_edit = QPlainTextEdit()
        for edit in (self.use_edit, self.not_use_edit, self.example_edit):
            edit.setMaximumHeight(70)
        self.keywords_edit = QLineEdit()
        self.keywords_edit.setPlaceholderText(self.tr("separate with ； or new lines"))

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Colour"), color_row)
        form.addRow(self.tr("Level"), self.level_combo)
        form.addRow(self.tr("Short definition"), self.short_edit)
        form.addRow(self.tr("Definition"), self.definition_edit)
        form.addRow(self.tr("When to use"), self.use_edit)
        form.addRow(self.tr("When not to use"), self.not_use_edit)
        form.addRow(self.tr("Typical example"), self.example_edit)
        form.addRow(self.tr("Keywords and synonyms"), self.keywords_edit)
        self.path_label = QLabel()
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.apply_button = QPushButton(self.tr("Apply changes"))
        self.apply_button.clicked.connect(self.apply_changes)
        self.examples_model = ExampleListModel(self)
        self.examples_model.toggled.connect(self.choose_example)
        self.examples_view = QListView()
        self.examples_view.setModel(self.examples_model)
        self.examples_view.setMaximumHeight(120)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.path_label)
        right_layout.addLayout(form, 1)
        right_layout.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)
        examples_label = QLabel(self.tr("Passages coded with it (checked: in the coding-example table):"))
        right_layout.addWidget(examples_label)
        right_layout.addWidget(self.examples_view)

        self.add_top_button = QPushButton(self.tr("Add top-level code…"))
        self.add_child_button = QPushButton(self.tr("Add sub-code…"))
        self.delete_button = QPushButton(self.tr("Delete code"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.template_button = QPushButton(self.tr("Merge a framework template…"))
        self.template_button.clicked.connect(self._choose_template)
        self.add_top_button.clicked.connect(lambda: self._ask_new_code(None))
        self.add_child_button.clicked.connect(lambda: self._ask_new_code(self.current_code_id()))
        self.delete_button.clicked.connect(self._confirm_delete)
        self.import_button.clicked.connect(self._choose_import)
        self.export_button.clicked.connect(self._choose_export)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.tree, 1)
        for row in ((self.add_top_button, self.add_child_button), (self.delete_button,),
                    (self.import_button, self.export_button), (self.template_button,)):
            line = QHBoxLayout()
            for button in row:
                line.addWidget(button)
            left_layout.addLayout(line)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([330, 670])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        # The main window's Undo/Redo shortcuts do not reach a dialog; give it its own.
        QShortcut(QKeySequence.StandardKey.Undo, self, controller.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, controller.undo_stack.redo)

        read_only = controller.project.read_only
        for widget in (self.apply_button, self.add_top_button, self.add_child_button, self.delete_button,
                       self.import_button, self.template_button):
            widget.setEnabled(not read_only)
        controller.changes_made.connect(self._on_changes)  # at once: the form must show what was stored
        self.reload()

    # --- state ---
    def reload(self, keep: int | None = None) -> None:
        """Re-read the codes (and the levels) from the project, keeping the chosen code."""
        keep = keep if keep is not None else self.current_code_id()
        self.model.set_codes(list_codes(self.controller.project))
        self.tree.expandAll()
        current = self.level_combo.currentText()
        self.level_combo.clear()
        self.level_combo.addItem("", "")
        for level in code_levels(self.controller.project):
            self.level_combo.addItem(f"{level.label} ({level.key})", level.key)
        self.level_combo.setEditText(current)
        index = self.model.index_of(keep) if keep is not None else QModelIndex()
        if not index.isValid() and self.model.rowCount() > 0:
            index = self.model.index(0, 0)
        self.tree.setCurrentIndex(index)
        self._show_current()

    def _on_changes(self, changes: Changes) -> None:
        if changes.codes:
            self.reload()
        elif changes.codings_changed:
            self._show_examples()

    def current_code_id(self) -> int | None:
        code = self.model.code_at(self.tree.currentIndex())
        return code.id if code else None

    def select_code(self, code_id: int) -> None:
        self.tree.setCurrentIndex(self.model.index_of(code_id))

    def _show_current(self) -> None:
        code = self.model.code_at(self.tree.currentIndex())
        has = code is not None
        for widget in (self.name_edit, self.color_button, self.color_edit, self.level_combo, self.short_edit,
                       self.definition_edit, self.use_edit, self.not_use_edit, self.example_edit,
                       self.keywords_edit):
            widget.setEnabled(has and not self.controller.project.read_only)
        self.add_child_button.setEnabled(has and not self.controller.project.read_only)
        self.delete_button.setEnabled(has and not self.controller.project.read_only)
        self.path_label.setText(code.path if code else self.tr("No code chosen."))
        self.name_edit.setText(code.name if code else "")
        self._set_color(code.color if code else "#808080")
        level = code.level if code else ""
        found = self.level_combo.findData(level)
        if found >= 0:
            self.level_combo.setCurrentIndex(found)
        else:
            self.level_combo.setEditText(level)
        self.short_edit.setText(code.short_definition if code else "")
        self.definition_edit.setPlainText(code.description if code else "")
        self.use_edit.setPlainText(code.when_to_use if code else "")
        self.not_use_edit.setPlainText(code.when_not_to_use if code else "")
        self.example_edit.setPlainText(code.example if code else "")
        self.keywords_edit.setText("；".join(code.keywords) if code else "")
        self._show_examples()

    def _show_examples(self) -> None:
        from app.core.tables import exemplar_ids  # with the table writers: loaded when the dialog shows

        code_id = self.current_code_id()
        project = self.controller.project
        codings = list_codings(project, code_id=code_id) if code_id is not None else []
        self.examples_model.set_codings(codings, exemplar_ids(project) if codings else set())

    def _set_color(self, color: str) -> None:
        self.color_edit.setText(color)
        self.color_button.setStyleSheet(f"background-color: {color}; min-width: 36px;")

    def _level_value(self) -> str:
        text = self.level_combo.currentText().strip()
        index = self.level_combo.findText(text)
        if index >= 0:
            return str(self.level_combo.itemData(index) or "")
        return text

    def form_values(self) -> dict[str, Any]:
        """What the form says now, as :func:`app.core.codebook.update_code` takes it."""
        return {
            "name": self.name_edit.text(),
            "color": self.color_edit.text().strip(),
            "level": self._level_value(),
            "short_definition": self.short_edit.text(),
            "description": self.definition_edit.toPlainText(),
            "when_to_use": self.use_edit.toPlainText(),
            "when_not_to_use": self.not_use_edit.toPlainText(),
            "example": self.example_edit.toPlainText(),
            "keywords": self.keywords_edit.text(),
        }

    # --- actions ---
    def apply_changes(self) -> bool:
        """Save the form's changes to the chosen code as one undo step."""
        code_id = self.current_code_id()
        if code_id is None:
            return False
        try:
            commands.edit_code(self.controller, code_id, self.form_values())
        except GuijiError as exc:
            self._error(self.tr("The code could not be changed."), describe(exc))
            return False
        return True

    def add_code(self, parent_id: int | None, name: str) -> CodeInfo | None:
        try:
            info = commands.add_code(self.controller, parent_id, name)
        except GuijiError as exc:
            self._error(self.tr("The code could not be added."), describe(exc))
            return None
        self.select_code(info.id)
        return info

    def delete_current(self) -> bool:
        code_id = self.current_code_id()
        if code_id is None:
            return False
        try:
            commands.delete_code(self.controller, code_id)
        except GuijiError as exc:
            self._error(self.tr("The code could not be deleted."), describe(exc))
            return False
        return True

    def choose_example(self, coding_id: int, chosen: bool) -> None:
        """Choose (or drop) a coding as an example for the coding-example table, as one undo step."""
        if self.controller.project.read_only:
            self._show_examples()
            return
        try:
            commands.set_exemplar(self.controller, coding_id, chosen)
        except GuijiError as exc:
            self._error(self.tr("The example could not be chosen."), describe(exc))

    def merge_template(self, name: str) -> bool:
        """Merge a shipped template (existing codes and stages are kept) as one undo step."""
        try:
            commands.merge_template(self.controller, name)
        except GuijiError as exc:
            self._error(self.tr("The template could not be merged."), describe(exc))
            return False
        return True

    def preview_import(self, path: str | Path) -> ImportResult | None:
        """The merge plan for a file (nothing changes), or None after showing what is wrong."""
        from app.core.exchange.codebook_io import import_codebook

        try:
            return import_codebook(self.controller.project, path, dry_run=True)
        except GuijiError as exc:
            self._error(self.tr("The codebook could not be read."), describe(exc))
            return None

    def import_file(self, path: str | Path) -> ImportResult | None:
        try:
            return commands.import_codebook_file(self.controller, path)
        except GuijiError as exc:
            self._error(self.tr("Nothing was imported."), describe(exc))
            return None

    def export_file(self, path: str | Path, lang: str | None = None) -> Path | None:
        """Export the codebook to ``path`` in ``lang`` (default: the UI's language)."""
        from app.core.exchange.codebook_io import export_codebook

        try:
            return export_codebook(self.controller.project, path, lang=lang or export_language())
        except GuijiError as exc:
            self._error(self.tr("The codebook could not be exported."), describe(exc))
            return None

    # --- prompts (thin wrappers around the actions above) ---
    def _ask_new_code(self, parent_id: int | None) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New code"), self.tr("Name of the new code:"))
        if ok and name.strip():
            self.add_code(parent_id, name)

    def _confirm_delete(self) -> None:
        code = self.model.code_at(self.tree.currentIndex())
        if code is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete code"),
            self.tr("Delete “{path}”, its sub-codes and their codings? (Undo brings them back.)").format(
                path=code.path),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_current()

    def _choose_color(self) -> None:
        color = QColorDialog.getColor(QColor(self.color_edit.text()), self, self.tr("Code colour"))
        if color.isValid():
            self._set_color(color.name().upper())

    def _choose_import(self) -> None:
        path = file_dialogs.open_file(
            self, "codebook", self.tr("Import codebook"), self.tr("Codebooks (*.qdc *.qde *.qdpx *.xlsx *.csv)"))
        if not path:
            return
        plan = self.preview_import(path)
        if plan is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Import codebook"),
                          self.tr("Merge {file} into this project?").format(file=Path(path).name),
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(plan.summary())
        box.setDetailedText("\n".join(plan.preview_lines()))
        if box.exec() == QMessageBox.StandardButton.Ok:
            self.import_file(path)

    def _choose_template(self) -> None:
        choices = list_templates()
        titles = [template_title(t) for t in choices]
        title, ok = QInputDialog.getItem(
            self, self.tr("Merge a framework template"),
            self.tr("Codes and stages the project lacks are added; empty fields are filled:"),
            titles, 0, False,
        )
        if ok and title in titles:
            self.merge_template(choices[titles.index(title)].name)

    def _choose_export(self) -> None:
        project = self.controller.project.path
        path, _ = file_dialogs.save_file(
            self, "codebook-export", self.tr("Export codebook"),
            self.tr("Word (*.docx);;Excel (*.xlsx);;REFI-QDA codebook (*.qdc);;CSV (*.csv);;Markdown (*.md)"),
            file_dialogs.output_name(project, self.tr("codebook"), ".docx"), project)
        if path and self.export_file(path) is not None:
            QMessageBox.information(self, self.tr("Export codebook"),
                                    self.tr("Wrote {file}.").format(file=Path(path).name))

    def _error(self, summary: str, detail: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Codebook"), summary, parent=self)
        box.setInformativeText(detail)
        box.open()


def show_codebook_dialog(window: Any) -> CodebookDialog | None:
    """Open (or raise) the codebook editor of ``window``'s project; None when no project is open."""
    if getattr(window, "controller", None) is None:
        return None
    dialog: CodebookDialog | None = getattr(window, "_codebook_dialog", None)
    if dialog is not None and dialog.controller is not window.controller:  # another project now
        dialog.close()
        dialog.deleteLater()
        dialog = None
    if dialog is None:
        dialog = CodebookDialog(window.controller, window)
        window._codebook_dialog = dialog
    dialog.show()
    if QGuiApplication.platformName() != "offscreen":  # offscreen warns that it cannot raise
        dialog.raise_()
    return dialog

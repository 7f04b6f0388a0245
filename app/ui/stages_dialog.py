"""The stages dialog: the ordered stages on the left; add, rename, reorder, delete; edit the chosen one.

Every change is an undoable command (:mod:`app.ui.codebook_commands`); deleting a stage can be
undone with its spans and the documents and codings that named it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.errors import GuijiError
from app.core.stages import StageInfo, list_stages
from app.ui import codebook_commands as commands
from app.ui.controller import ProjectController
from app.ui.messages import describe

Index = QModelIndex | QPersistentModelIndex


class StageListModel(QAbstractListModel):
    """The stages in order: name (with dates when set) and colour."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._stages: list[StageInfo] = []

    def set_stages(self, stages: list[StageInfo]) -> None:
        self.beginResetModel()
        self._stages = list(stages)
        self.endResetModel()

    def stage(self, row: int) -> StageInfo:
        return self._stages[row]

    def row_of(self, stage_id: int) -> int:
        return next((i for i, s in enumerate(self._stages) if s.id == stage_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._stages)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._stages):
            return None
        stage = self._stages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            dates = ""
            if stage.start_date or stage.end_date:
                dates = f"  ({stage.start_date or '…'} – {stage.end_date or '…'})"
            return f"{stage.position + 1}. {stage.name}{dates}"
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(stage.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            return stage.description or None
        return None


class StagesDialog(QDialog):
    """Add, rename, reorder and delete stages; edit description, colour and date range."""

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Stages"))
        self.resize(760, 460)
        self.model = StageListModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_current())

        self.add_button = QPushButton(self.tr("Add…"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(self._ask_add)
        self.rename_button.clicked.connect(self._ask_rename)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.delete_button.clicked.connect(self._confirm_delete)
        buttons_row = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.up_button, self.down_button,
                       self.delete_button):
            buttons_row.addWidget(button)

        self.description_edit = QPlainTextEdit()
        self.color_button = QPushButton()
        self.color_button.clicked.connect(self._choose_color)
        self.color_edit = QLineEdit()
        self.color_edit.setPlaceholderText("#RRGGBB")
        self.start_edit = QLineEdit()
        self.end_edit = QLineEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        color_row = QHBoxLayout()
        color_row.addWidget(self.color_button)
        color_row.addWidget(self.color_edit)
        form = QFormLayout()
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow(self.tr("Colour"), color_row)
        form.addRow(self.tr("Start date"), self.start_edit)
        form.addRow(self.tr("End date"), self.end_edit)
        self.apply_button = QPushButton(self.tr("Apply changes"))
        self.apply_button.clicked.connect(self.apply_changes)

        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addLayout(buttons_row)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)
        top.addLayout(left, 1)
        top.addLayout(right, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(close)
        QShortcut(QKeySequence.StandardKey.Undo, self, controller.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, controller.undo_stack.redo)
        self.add_button.setEnabled(not controller.project.read_only)
        controller.changes_made.connect(self._on_changes)  # at once: the form must show what was stored
        self.reload()

    # --- state ---
    def reload(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.current_stage_id()
        self.model.set_stages(list_stages(self.controller.project))
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and self.model.rowCount() > 0:
            row = 0
        self.view.setCurrentIndex(self.model.index(row, 0) if row >= 0 else QModelIndex())
        self._show_current()

    def _on_changes(self, changes: Changes) -> None:
        if changes.stages:
            self.reload()

    def current_stage(self) -> StageInfo | None:
        index = self.view.currentIndex()
        return self.model.stage(index.row()) if index.isValid() else None

    def current_stage_id(self) -> int | None:
        stage = self.current_stage()
        return stage.id if stage else None

    def stage_names(self) -> list[str]:
        return [self.model.stage(r).name for r in range(self.model.rowCount())]

    def select_stage(self, name: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.stage(row).name == name:
                self.view.setCurrentIndex(self.model.index(row, 0))
                return

    def _show_current(self) -> None:
        stage = self.current_stage()
        editable = stage is not None and not self.controller.project.read_only
        for widget in (self.rename_button, self.up_button, self.down_button, self.delete_button,
                       self.description_edit, self.color_button, self.color_edit, self.start_edit,
                       self.end_edit, self.apply_button):
            widget.setEnabled(editable)
        self.description_edit.setPlainText(stage.description if stage else "")
        self._set_color(stage.color if stage else "#888888")
        self.start_edit.setText(str(stage.start_date or "") if stage else "")
        self.end_edit.setText(str(stage.end_date or "") if stage else "")

    def _set_color(self, color: str) -> None:
        self.color_edit.setText(color)
        self.color_button.setStyleSheet(f"background-color: {color}; min-width: 36px;")

    # --- actions ---
    def add_stage(self, name: str) -> StageInfo | None:
        """Add a stage after the chosen one (at the end when none is chosen)."""
        current = self.current_stage()
        try:
            info = commands.add_stage(self.controller, name, after=current.name if current else None)
        except GuijiError as exc:
            self._error(self.tr("The stage could not be added."), describe(exc))
            return None
        self.reload(keep=info.id)
        return info

    def rename_current(self, name: str) -> bool:
        stage = self.current_stage()
        return stage is not None and self._edit(stage.id, name=name)

    def apply_changes(self) -> bool:
        stage = self.current_stage()
        if stage is None:
            return False
        return self._edit(stage.id, description=self.description_edit.toPlainText(),
                          color=self.color_edit.text().strip(), start_date=self.start_edit.text(),
                          end_date=self.end_edit.text())

    def _edit(self, stage_id: int, **changes: Any) -> bool:
        try:
            commands.edit_stage(self.controller, stage_id, **changes)
        except GuijiError as exc:
            self._error(self.tr("The stage could not be changed."), describe(exc))
            return False
        return True

    def move_current(self, step: int) -> bool:
        stage = self.current_stage()
        if stage is None:
            return False
        try:
            moved = commands.move_stage(self.controller, stage.id, stage.position + step)
        except GuijiError as exc:
            self._error(self.tr("The stage could not be moved."), describe(exc))
            return False
        return moved is not None

    def delete_current(self) -> bool:
        stage = self.current_stage()
        if stage is None:
            return False
        try:
            commands.delete_stage(self.controller, stage.id)
        except GuijiError as exc:
            self._error(self.tr("The stage could not be deleted."), describe(exc))
            return False
        return True

    # --- prompts ---
    def _ask_add(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New stage"), self.tr("Name of the new stage:"))
        if ok and name.strip():
            self.add_stage(name)

    def _ask_rename(self) -> None:
        stage = self.current_stage()
        if stage is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename stage"), self.tr("New name:"), text=stage.name)
        if ok and name.strip():
            self.rename_current(name)

    def _confirm_delete(self) -> None:
        stage = self.current_stage()
        if stage is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete stage"),
            self.tr("Delete the stage “{name}” and its spans? (Undo brings them back.)").format(
                name=stage.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_current()

    def _choose_color(self) -> None:
        color = QColorDialog.getColor(QColor(self.color_edit.text()), self, self.tr("Stage colour"))
        if color.isValid():
            self._set_color(color.name().upper())

    def _error(self, summary: str, detail: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Stages"), summary, parent=self)
        box.setInformativeText(detail)
        box.open()


def show_stages_dialog(window: Any) -> StagesDialog | None:
    """Open (or raise) the stages dialog of ``window``'s project; None when no project is open."""
    if getattr(window, "controller", None) is None:
        return None
    dialog: StagesDialog | None = getattr(window, "_stages_dialog", None)
    if dialog is not None and dialog.controller is not window.controller:  # another project now
        dialog.close()
        dialog.deleteLater()
        dialog = None
    if dialog is None:
        dialog = StagesDialog(window.controller, window)
        window._stages_dialog = dialog
    dialog.show()
    if QGuiApplication.platformName() != "offscreen":  # offscreen warns that it cannot raise
        dialog.raise_()
    return dialog

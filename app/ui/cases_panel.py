"""The cases panel: cases group whole documents and passages; every change can be undone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core import cases as case_service
from app.core.cases import CaseInfo
from app.core.changes import Changes
from app.core.errors import GuijiError
from app.core.ops import Done
from app.core.ops import cases as case_ops
from app.ui.controller import ProjectController, follow
from app.ui.messages import describe
from app.ui.models import RecordTableModel


class CasesPanel(QWidget):
    """Lists the cases; adds the open document or the selected passage to the chosen case."""

    def __init__(self, current_document: object, current_selection: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: ProjectController | None = None
        self._current_document = current_document  # callable → document id or None
        self._current_selection = current_selection  # callable → (start, end) or None
        self.model = RecordTableModel([
            (self.tr("Case"), lambda c: c.name),
            (self.tr("Documents"), lambda c: len(c.document_ids)),
            (self.tr("Passages"), lambda c: len(c.passages)),
        ], self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_members())
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_case)
        self.members = QLabel()
        self.members.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for key, text, slot, row in (
            ("new", self.tr("New…"), self.new_case, row1),
            ("rename", self.tr("Rename…"), self.rename_case, row1),
            ("delete", self.tr("Delete"), self.delete_case, row1),
            ("add_doc", self.tr("Add document"), self.add_document, row2),
            ("add_passage", self.tr("Add selection"), self.add_passage, row2),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(button)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.members)
        layout.addLayout(row1)
        layout.addLayout(row2)

    def set_controller(self, controller: ProjectController | None) -> None:
        follow(self.controller, controller, self._on_changes)
        self.controller = controller
        editable = controller is not None and not controller.project.read_only
        for button in self.buttons.values():
            button.setEnabled(editable)
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.cases or changes.document_list:
            self.refresh()

    def refresh(self) -> None:
        current = self.current_case()
        self.model.set_records(case_service.list_cases(self.controller.project) if self.controller else [])
        if current is not None:
            for row, case in enumerate(self.model.records()):
                if case.id == current.id:
                    self.view.setCurrentIndex(self.model.index(row, 0))
        self._show_members()

    def current_case(self) -> CaseInfo | None:
        index = self.view.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def select_case(self, case_id: int) -> None:
        for row, case in enumerate(self.model.records()):
            if case.id == case_id:
                self.view.setCurrentIndex(self.model.index(row, 0))

    def _show_members(self) -> None:
        case = self.current_case()
        if case is None:
            self.members.setText("")
            return
        parts = list(case.documents) + [f"{p.document} {p.start}–{p.end}" for p in case.passages]
        self.members.setText("、".join(parts) if parts else self.tr("(no members yet)"))

    def _editable(self) -> ProjectController | None:
        if self.controller is None or self.controller.project.read_only:
            return None
        return self.controller

    def _run(self, operation: Callable[[ProjectController], Done[Any]]) -> None:
        """Run an operation of app.core.ops as one undo step; a refusal is shown in a message box."""
        ctrl = self._editable()
        if ctrl is None:
            return
        try:
            ctrl.run(operation(ctrl))
        except GuijiError as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cases"), describe(exc), parent=self)
            box.open()

    def new_case(self, name: str | None = None) -> None:
        ctrl = self._editable()
        if ctrl is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("New case"), self.tr("Name of the case:"))
            if not ok or not name.strip():
                return
        case_name = name
        self._run(lambda ctrl: case_ops.create_case(ctrl.project, case_name))

    def rename_case(self, new_name: str | None = None) -> None:
        ctrl, case = self._editable(), self.current_case()
        if ctrl is None or case is None:
            return
        if new_name is None:
            new_name, ok = QInputDialog.getText(self, self.tr("Rename case"), self.tr("New name:"), text=case.name)
            if not ok or new_name.strip() == case.name:
                return
        name = new_name
        self._run(lambda ctrl: case_ops.rename_case(ctrl.project, case.id, name))

    def delete_case(self) -> None:
        ctrl, case = self._editable(), self.current_case()
        if ctrl is None or case is None:
            return
        self._run(lambda ctrl: case_ops.delete_case(ctrl.project, case.id))

    def add_document(self) -> None:
        ctrl, case = self._editable(), self.current_case()
        doc_id = self._current_document()  # type: ignore[operator]
        if ctrl is None or case is None or doc_id is None:
            return
        self._run(lambda ctrl: case_ops.add_case_documents(ctrl.project, case.id, [doc_id]))

    def add_passage(self) -> None:
        ctrl, case = self._editable(), self.current_case()
        doc_id = self._current_document()  # type: ignore[operator]
        selection = self._current_selection()  # type: ignore[operator]
        if ctrl is None or case is None or doc_id is None or selection is None:
            return
        self._run(lambda ctrl: case_ops.add_case_passage(ctrl.project, case.id, doc_id, *selection))

__all__ = ["CasesPanel"]

"""Edit a document's attributes (typed: text, number, date) and define new ones."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.core import attributes as attr_service
from app.core.errors import GuijiError
from app.core.ops import cases as case_ops
from app.ui.controller import ProjectController
from app.ui.messages import describe

TYPES = ("text", "number", "date")


class AttributesDialog(QDialog):
    """One field per attribute of the project; OK saves every change as one undo step."""

    def __init__(self, controller: ProjectController, document_id: int, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.document_id = document_id
        self.setWindowTitle(self.tr("Attributes of “{name}”").format(name=title))
        self.form = QFormLayout(self)
        self.fields: dict[int, QLineEdit] = {}
        self._rows: dict[int, QHBoxLayout] = {}
        self._original: dict[int, str] = {}
        values = {v.attribute_id: v.value for v in attr_service.get_attributes(controller.project, document_id)}
        for info in attr_service.list_attributes(controller.project):
            self._add_row(info.id, info.name, info.type, values.get(info.id, ""))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("new attribute name"))
        self.new_type = QComboBox()
        for type_ in TYPES:
            self.new_type.addItem({"text": self.tr("text"), "number": self.tr("number"),
                                   "date": self.tr("date (YYYY-MM-DD)")}[type_], type_)
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self.define)
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(self.new_type)
        row.addWidget(add)
        self.form.addRow(QLabel(self.tr("New attribute:")), row)
        self.error = QLabel()
        self.error.setStyleSheet("color: #B00020;")
        self.error.setWordWrap(True)
        self.form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)

    def _add_row(self, attribute_id: int, name: str, type_: str, value: str) -> None:
        field = QLineEdit(value)
        field.setPlaceholderText({"number": "0", "date": "2024-05-01"}.get(type_, ""))
        delete = QToolButton()
        delete.setText(self.tr("Delete"))
        delete.setToolTip(self.tr("Delete the attribute “{name}” and its values in every document "
                                  "(Undo brings them back)").format(name=name))
        delete.clicked.connect(lambda _checked=False: self.delete_attribute(attribute_id, name))
        row = QHBoxLayout()
        row.addWidget(field, 1)
        row.addWidget(delete)
        self.fields[attribute_id] = field
        self._rows[attribute_id] = row
        self._original[attribute_id] = value
        self.form.insertRow(len(self.fields) - 1, f"{name}:", row)

    def delete_attribute(self, attribute_id: int, name: str) -> None:
        """Delete an attribute from the project (every document's value with it), after asking."""
        answer = QMessageBox.question(
            self, self.tr("Delete attribute"),
            self.tr("Delete the attribute “{name}” and its values in every document? (Undo brings them back.)")
            .format(name=name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.controller.run(case_ops.delete_attribute(self.controller.project, attribute_id))
        except GuijiError as exc:
            self.error.setText(describe(exc))
            return
        self.form.removeRow(self._rows.pop(attribute_id))
        del self.fields[attribute_id], self._original[attribute_id]

    def define(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            return
        ctrl = self.controller
        type_ = self.new_type.currentData()
        try:
            info = ctrl.run(case_ops.define_attribute(ctrl.project, name, type_))
        except GuijiError as exc:
            self.error.setText(describe(exc))
            return
        self.error.clear()
        self.new_name.clear()
        self._add_row(info.id, info.name, info.type, "")

    def accept(self) -> None:
        ctrl = self.controller
        changes = [(aid, f.text().strip()) for aid, f in self.fields.items()
                   if f.text().strip() != self._original[aid]]
        if changes:
            try:
                with ctrl.macro(self.tr("Edit attributes")):
                    for attribute_id, value in changes:
                        ctrl.run(case_ops.set_attribute(ctrl.project, self.document_id, attribute_id, value or None))
            except GuijiError as exc:
                # The macro is closed already: undo the part that was done, so one OK is all or nothing.
                self.error.setText(describe(exc))
                stack = ctrl.undo_stack
                if stack.count() and stack.text(stack.index() - 1) == self.tr("Edit attributes"):
                    stack.undo()
                return
        super().accept()

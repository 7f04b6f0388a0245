"""The documents panel: the list of transcripts with rename, reorder, delete, memo, properties, attributes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core import documents as document_service
from app.core.ops import entities as entity_ops
from app.ui.controller import ProjectController
from app.ui.models import DocumentListModel
from app.ui.stage_actions import build_document_stage_menu, document_stage_combo


class DocumentsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: ProjectController | None = None
        self.model = DocumentListModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Two versions of one interview differ at the end of their names: cut in the middle (full name on hover).
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self._delete_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)

    def set_controller(self, controller: ProjectController | None) -> None:
        self.controller = controller

    def _editable(self) -> ProjectController | None:
        if self.controller is None or self.controller.project.read_only:
            return None
        return self.controller

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid() or self.controller is None:
            return
        doc = self.model.document(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("Properties…"), lambda: self.show_properties(doc.id))
        if self._editable() is not None:
            menu.addAction(self.tr("Rename…"), lambda: self.rename(doc.id))
            menu.addAction(self.tr("Memo…"), lambda: self.set_memo(doc.id))
            menu.addAction(self.tr("Attributes…"), lambda: self.attributes_dialog(doc.id).open())
            build_document_stage_menu(menu, self.controller, doc.id)  # issue 13: "Set stage ▸"
            menu.addAction(self.tr("Move up"), lambda: self.move_document(doc.id, index.row() - 1))
            menu.addAction(self.tr("Move down"), lambda: self.move_document(doc.id, index.row() + 1))
            menu.addSeparator()
            menu.addAction(self.tr("Delete…"), lambda: self.delete(doc.id))
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def rename(self, document_id: int, new_name: str | None = None) -> None:
        ctrl = self._editable()
        if ctrl is None:
            return
        old = document_service.get_document(ctrl.project, document_id).name
        if new_name is None:
            new_name, ok = QInputDialog.getText(self, self.tr("Rename document"), self.tr("New name:"), text=old)
            if not ok or new_name.strip() == old:
                return
        ctrl.run(entity_ops.rename_document(ctrl.project, document_id, new_name))

    def move_document(self, document_id: int, new_index: int) -> None:
        ctrl = self._editable()
        if ctrl is None or not 0 <= new_index < self.model.rowCount():
            return
        ctrl.run(entity_ops.move_document(ctrl.project, document_id, new_index))

    def _delete_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.delete(self.model.document(index.row()).id)

    def delete(self, document_id: int, *, confirm: bool = True) -> None:
        ctrl = self._editable()
        if ctrl is None:
            return
        doc = document_service.get_document(ctrl.project, document_id)
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Delete document"),
                self.tr("Delete “{name}” and its {n} coding(s)? (Undo brings them back.)").format(
                    name=doc.name, n=doc.codings),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        ctrl.run(entity_ops.delete_document(ctrl.project, document_id))

    def set_memo(self, document_id: int, memo: str | None = None) -> None:
        from app.core.memos import document_memo

        ctrl = self._editable()
        if ctrl is None:
            return
        doc = document_service.get_document(ctrl.project, document_id)
        if memo is None:
            memo, ok = QInputDialog.getMultiLineText(self, self.tr("Document memo"), doc.name,
                                                     document_memo(ctrl.project, document_id))
            if not ok:
                return
        ctrl.run(entity_ops.set_document_memo(ctrl.project, document_id, memo))

    def properties_dialog(self, document_id: int) -> QDialog:
        """A dialog with the document's source, encoding, size, speakers and attributes."""
        from app.core.attributes import get_attributes
        from app.core.document_ops import document_properties

        assert self.controller is not None
        props = document_properties(self.controller.project, document_id)
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Properties of “{name}”").format(name=props.name))
        form = QFormLayout(dialog)
        rows = [
            (self.tr("Source file:"), props.source_name or "—"),
            (self.tr("Format / encoding found:"), f"{props.source_format} / {props.source_encoding or '—'}"),
            (self.tr("Characters:"), str(props.characters)),
            (self.tr("Sentences:"), str(props.sentences)),
            (self.tr("Codings:"), str(props.codings)),
            (self.tr("Imported:"), props.imported_at.strftime("%Y-%m-%d %H:%M")),
        ]
        speakers = "\n".join(
            self.tr("{speaker}: {turns} turn(s), {chars} characters").format(
                speaker=s.speaker, turns=s.turns, chars=s.characters)
            for s in props.speakers
        )
        rows.append((self.tr("Speakers:"), speakers or "—"))
        for value in get_attributes(self.controller.project, document_id):
            rows.append((f"{value.name}:", str(value.value)))
        for label, text in rows:
            field = QLabel(text)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, field)
        # Issue 13: the document's stage, changed here as one undo step.
        form.addRow(self.tr("Stage:"), document_stage_combo(self.controller, document_id, dialog))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        return dialog

    def attributes_dialog(self, document_id: int) -> QDialog:
        from app.ui.attributes_dialog import AttributesDialog

        assert self.controller is not None
        name = document_service.get_document(self.controller.project, document_id).name
        return AttributesDialog(self.controller, document_id, name, self)

    def show_properties(self, document_id: int) -> None:
        self.properties_dialog(document_id).open()

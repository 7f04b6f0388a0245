"""File → Merge project…: bring another copy of the project (.guiji), or a .qdpx, into the open one.

Coders who worked in separate copies choose the other file; the dialog shows what the merge would do
(a dry run of :func:`app.core.merge.merge_file`: what is added, what matches what is already here, what
conflicts and is left out), and Merge does it as one undo step (:func:`app.core.ops.merge.merge_project`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import GuijiError

if TYPE_CHECKING:
    from app.core.merge import MergeReport
    from app.ui.window_api import WindowApi


def kind_label(kind: str) -> str:
    """A kind of row in the merge report, in the user's language."""
    labels = {
        "documents": QCoreApplication.translate("MergeDialog", "documents"),
        "codes": QCoreApplication.translate("MergeDialog", "codes"),
        "coders": QCoreApplication.translate("MergeDialog", "coders"),
        "codings": QCoreApplication.translate("MergeDialog", "codings"),
        "stages": QCoreApplication.translate("MergeDialog", "stages"),
        "stage spans": QCoreApplication.translate("MergeDialog", "stage spans"),
        "cases": QCoreApplication.translate("MergeDialog", "cases"),
        "case documents": QCoreApplication.translate("MergeDialog", "documents of cases"),
        "case passages": QCoreApplication.translate("MergeDialog", "passages of cases"),
        "attribute definitions": QCoreApplication.translate("MergeDialog", "attributes"),
        "attributes": QCoreApplication.translate("MergeDialog", "attribute values"),
        "links": QCoreApplication.translate("MergeDialog", "links"),
        "link evidence": QCoreApplication.translate("MergeDialog", "evidence of links"),
        "rejected suggestions": QCoreApplication.translate("MergeDialog", "rejected suggestions"),
        "figure layout": QCoreApplication.translate("MergeDialog", "figure layouts"),
        "document": QCoreApplication.translate("MergeDialog", "document"),
        "attribute": QCoreApplication.translate("MergeDialog", "attribute"),
    }
    return labels.get(kind, kind)


class MergeDialog(QDialog):
    """The dry-run report of merging ``path`` into the open project; Merge applies it."""

    def __init__(self, api: WindowApi, path: Path, report: MergeReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("merge-dialog")
        self.setWindowTitle(self.tr("Merge project"))
        self.api = api
        self.path = path
        self.report = report
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Merging “{file}” into this project would:").format(file=path.name)))
        kinds = list(dict.fromkeys([*report.added, *report.matched]))
        self.table = QTableWidget(len(kinds), 3)
        self.table.setObjectName("merge-counts")
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Add"), self.tr("Already here")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, kind in enumerate(kinds):
            for column, value in enumerate((kind_label(kind), report.added.get(kind, 0), report.matched.get(kind, 0))):
                item = QTableWidgetItem(str(value))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        if report.filled:
            layout.addWidget(QLabel(self.tr("Memos and empty fields filled from the other file: {n}")
                                    .format(n=report.filled)))
        self.conflicts = QListWidget()
        self.conflicts.setObjectName("merge-conflicts")
        for c in report.conflicts:
            self.conflicts.addItem(f"{kind_label(c['kind'])} “{c['name']}”: {c['reason']}")
        if report.conflicts:
            layout.addWidget(QLabel(self.tr("Left out (conflicts, nothing here is changed for them): {n}")
                                    .format(n=len(report.conflicts))))
            layout.addWidget(self.conflicts)
        nothing = not any(report.added.values()) and not report.filled
        if nothing:
            layout.addWidget(QLabel(self.tr("There is nothing new to merge.")))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(self.tr("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setEnabled(not nothing)
        self.merge_button.setDefault(True)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, 460)

    def merge(self) -> None:
        """Merge as one undo step, then close."""
        from app.core.ops.merge import merge_project

        controller = self.api.controller
        if controller is None or controller.project.read_only:
            self.reject()
            return
        try:
            report = controller.run(merge_project(controller.project, self.path),
                                    self.tr("Merge “{file}”").format(file=self.path.name))
        except GuijiError as exc:
            from app.ui.messages import describe

            self.api.show_error(self.tr("The project could not be merged."), describe(exc))
            self.reject()
            return
        message = self.tr("Merged “{file}”: {codings} codings and {other} other items added, {conflicts} left out.")
        codings = report.added.get("codings", 0)
        self.api.status(message.format(file=self.path.name, codings=codings,
                                       other=sum(report.added.values()) - codings,
                                       conflicts=len(report.conflicts)), 10000)
        self.accept()


def preview(api: WindowApi, path: str | Path, parent: QWidget) -> MergeDialog | None:
    """The dry run of merging ``path`` and its dialog, opened (None when the file cannot be read)."""
    from app.core.merge import merge_file

    controller = api.controller
    if controller is None:
        return None
    try:
        report = merge_file(controller.project, path, dry_run=True)
    except GuijiError as exc:
        from app.ui.messages import describe

        api.show_error(QCoreApplication.translate("MergeDialog", "The file cannot be merged."), describe(exc))
        return None
    dialog = MergeDialog(api, Path(path), report, parent)
    dialog.open()
    return dialog


def show_merge_dialog(api: WindowApi, parent: QWidget) -> MergeDialog | None:
    """Ask for the file to merge, then show what merging it would do."""
    from app.ui.file_dialogs import open_file

    path = open_file(parent, "project", QCoreApplication.translate("MergeDialog", "Merge project"),
                     QCoreApplication.translate("MergeDialog", "Guiji projects and QDPX files (*.guiji *.qdpx *.qde)"))
    return preview(api, path, parent) if path else None

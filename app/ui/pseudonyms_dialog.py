"""The Pseudonymise dialog: names found in the transcripts with counts, a pseudonym for each.

The names are found in the background (jieba is loaded then, not before). The researcher adds the
names jieba missed, types a pseudonym for each name to replace (a name left without one is kept),
and applies them all at once: the mapping is saved first, to a CSV file outside the project (the
dialog says where, in a warning that cannot be missed), then every name is replaced in one undoable
step, and the project file is rewritten so that it keeps no trace of the original names.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core import pseudonyms
from app.core.errors import GuijiError
from app.ui import file_dialogs
from app.ui.editing import perform_text_change
from app.ui.messages import describe

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

_Index = QModelIndex | QPersistentModelIndex
PSEUDONYM_COLUMN = 3


class NamesModel(QAbstractTableModel):
    """Name, kind, count, and an editable pseudonym column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: list[pseudonyms.NameFound] = []
        self._pseudonyms: dict[str, str] = {}
        self._headers = [
            QCoreApplication.translate("PseudonymiseDialog", "Name"),
            QCoreApplication.translate("PseudonymiseDialog", "Kind"),
            QCoreApplication.translate("PseudonymiseDialog", "Count"),
            QCoreApplication.translate("PseudonymiseDialog", "Pseudonym"),
        ]

    def set_names(self, names: list[pseudonyms.NameFound]) -> None:
        self.beginResetModel()
        self._names = list(names)
        self.endResetModel()

    def add_name(self, found: pseudonyms.NameFound) -> None:
        if any(n.name == found.name for n in self._names):
            return
        self.beginInsertRows(QModelIndex(), len(self._names), len(self._names))
        self._names.append(found)
        self.endInsertRows()

    def names(self) -> list[pseudonyms.NameFound]:
        return list(self._names)

    def set_pseudonym(self, name: str, pseudonym: str) -> None:
        self._pseudonyms[name] = pseudonym.strip()
        for row, found in enumerate(self._names):
            if found.name == name:
                index = self.index(row, PSEUDONYM_COLUMN)
                self.dataChanged.emit(index, index)

    def mapping(self) -> list[pseudonyms.MappingRow]:
        """The names that have a pseudonym, in the table's order."""
        return [
            pseudonyms.MappingRow(n.name, self._pseudonyms[n.name], n.kind)
            for n in self._names
            if self._pseudonyms.get(n.name)
        ]

    def pseudonyms(self) -> dict[str, str]:
        return dict(self._pseudonyms)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._names)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == PSEUDONYM_COLUMN:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._names):
            return None
        found = self._names[index.row()]
        kinds = {
            "nr": QCoreApplication.translate("PseudonymiseDialog", "person"),
            "ns": QCoreApplication.translate("PseudonymiseDialog", "place"),
            "nt": QCoreApplication.translate("PseudonymiseDialog", "organisation"),
            "added": QCoreApplication.translate("PseudonymiseDialog", "added"),
        }
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            values = [
                found.name,
                kinds.get(found.kind, found.kind),
                found.count,
                self._pseudonyms.get(found.name, ""),
            ]
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != PSEUDONYM_COLUMN or role != Qt.ItemDataRole.EditRole:
            return False
        self._pseudonyms[self._names[index.row()].name] = str(value).strip()
        self.dataChanged.emit(index, index)
        return True


class PseudonymiseDialog(QDialog):
    """List the names, collect pseudonyms, save the mapping outside the project, apply at once."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("pseudonymise-dialog")
        self.setWindowTitle(QCoreApplication.translate("PseudonymiseDialog", "Pseudonymise"))
        self._window = window
        assert window.controller is not None
        self._project = window.controller.project
        self.mapping_path = pseudonyms.default_mapping_path(self._project)
        layout = QVBoxLayout(self)
        intro = QLabel(
            QCoreApplication.translate(
                "PseudonymiseDialog",
                "Names of people, places and organisations found in the transcripts. Type a pseudonym "
                "for each name to replace (e.g. 受访者A, Z社区, Y社工机构); names without one are left "
                "as they are. Applying replaces them everywhere: texts, memos, code names and "
                "descriptions, document names.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = NamesModel(self)
        self.table = QTableView()
        self.table.setObjectName("names")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(PSEUDONYM_COLUMN, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(QCoreApplication.translate("PseudonymiseDialog", "Add a name…"))
        self.add_button.clicked.connect(self.ask_for_name)
        row.addWidget(self.add_button)
        self.status = QLabel()
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        self.warning = QLabel()
        self.warning.setObjectName("mapping-warning")
        self.warning.setWordWrap(True)
        self.warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning.setStyleSheet(
            "QLabel { background: #FFF4CE; border: 1px solid #E0B000; padding: 6px; color: #3A2E00; }"
        )
        layout.addWidget(self.warning)
        where = QHBoxLayout()
        self.choose_button = QPushButton(
            QCoreApplication.translate("PseudonymiseDialog", "Save the mapping elsewhere…")
        )
        self.choose_button.clicked.connect(self.choose_mapping_path)
        where.addWidget(self.choose_button)
        where.addStretch(1)
        layout.addLayout(where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.apply_button = buttons.addButton(
            QCoreApplication.translate("PseudonymiseDialog", "Save mapping and apply"),
            QDialogButtonBox.ButtonRole.ApplyRole,
        )
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_warning()
        self.resize(720, 620)

    def _update_warning(self) -> None:
        text = QCoreApplication.translate(
            "PseudonymiseDialog",
            "⚠ The mapping from real names to pseudonyms will be saved to:\n{path}\n"
            "It is NOT part of the project, and it re-identifies people: keep it somewhere safe and never "
            "share it with the project.",
        ).format(path=self.mapping_path)
        backups = pseudonyms.backups_beside(self._project)
        if backups:
            text += "\n" + QCoreApplication.translate(
                "PseudonymiseDialog", "Backups beside the project still hold the real names: {files}"
            ).format(files=", ".join(b.name for b in backups))
        self.warning.setText(text)

    def find_names(self) -> None:
        """Look for names in the background (jieba loads then); the table fills when done."""
        self.status.setText(QCoreApplication.translate("PseudonymiseDialog", "Looking for names…"))
        extra = [n.name for n in self.model.names() if n.kind == "added"]

        def done(names: list[pseudonyms.NameFound]) -> None:
            self.model.set_names(names)
            self.table.resizeColumnsToContents()
            self.table.horizontalHeader().setSectionResizeMode(PSEUDONYM_COLUMN, QHeaderView.ResizeMode.Stretch)
            self.status.setText(
                QCoreApplication.translate("PseudonymiseDialog", "{n} name(s) found.").format(n=len(names))
            )

        def failed(exc: BaseException) -> None:
            self.status.setText(describe(exc))

        self._window.tasks.run(
            QCoreApplication.translate("PseudonymiseDialog", "Looking for names"),
            lambda progress: pseudonyms.find_names(self._project, extra=extra, progress=progress),
            done,
            failed,
        )

    def ask_for_name(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("PseudonymiseDialog", "Add a name"),
            QCoreApplication.translate("PseudonymiseDialog", "A name jieba did not find:"),
        )
        if ok and name.strip():
            self.add_name(name.strip())

    def add_name(self, name: str) -> None:
        with self._project.read() as session:
            from sqlalchemy import select

            from app.core.db.models import Document

            texts = list(session.scalars(select(Document.text)))
        self.model.add_name(pseudonyms.NameFound(name, "added", pseudonyms.count_occurrences(texts, name)))

    def choose_mapping_path(self) -> None:
        path, _ = file_dialogs.save_file(
            self,
            "mapping",
            QCoreApplication.translate("PseudonymiseDialog", "Save the mapping"),
            QCoreApplication.translate("PseudonymiseDialog", "CSV files (*.csv)"),
            self.mapping_path.name,
            folder=self.mapping_path.parent,
        )
        if path:
            self.set_mapping_path(Path(path))

    def set_mapping_path(self, path: Path) -> None:
        self.mapping_path = path
        self._update_warning()

    def apply(self) -> bool:
        """Save the mapping, then replace every name in one undoable step; False when nothing was done."""
        rows = self.model.mapping()
        if not rows:
            self.status.setText(
                QCoreApplication.translate("PseudonymiseDialog", "Type a pseudonym for at least one name.")
            )
            return False
        if self.mapping_path.resolve().parent == self._project.path.resolve().parent:
            self._window.show_error(
                QCoreApplication.translate("PseudonymiseDialog", "The mapping must not be kept beside the project."),
                QCoreApplication.translate(
                    "PseudonymiseDialog", "Choose a folder that is not shared with the project: {path}"
                ).format(path=self.mapping_path),
            )
            return False
        try:
            pseudonyms.check_mapping(rows)
            pseudonyms.write_mapping(self.mapping_path, self.model.names(), self.model.pseudonyms())
        except (GuijiError, OSError) as exc:
            self._window.show_error(
                QCoreApplication.translate("PseudonymiseDialog", "The pseudonyms cannot be applied."), describe(exc)
            )
            return False
        coder = self._window.controller.coder if self._window.controller else ""
        change = perform_text_change(
            self._window,
            QCoreApplication.translate("PseudonymiseDialog", "Pseudonymise {n} name(s)").format(n=len(rows)),
            lambda: pseudonyms.pseudonymise(self._project, rows, coder=coder),
        )
        if change is None:
            return False
        pseudonyms.scrub_project_file(self._project)
        self.status.setText(
            QCoreApplication.translate(
                "PseudonymiseDialog", "{n} occurrence(s) replaced. The mapping is saved at {path}."
            ).format(n=change.hits, path=self.mapping_path)
        )
        return True


__all__ = ["NamesModel", "PseudonymiseDialog"]

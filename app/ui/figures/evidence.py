"""The passages behind what was clicked in a figure (a box, a transition, a link), as a table model,
and the small dialogs that make and judge links."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.process.links import RELATIONS, STANCES, TESTS

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PassageRow:
    """One passage in the evidence table."""

    coding_id: int
    document_id: int
    document: str
    start: int
    end: int
    text: str
    code: str
    stage: str = ""
    unit: str = ""
    role: str = ""  # "A"/"B" for the two ends of a transition
    evidence_id: int | None = None
    test: str = ""
    stance: str = ""
    note: str = ""


class PassageModel(QAbstractTableModel):
    """Passages with their case, document, stage, code and text (and test/stance for a link's evidence)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PassageModel", "Case"), QT_TRANSLATE_NOOP("PassageModel", "Document"),
        QT_TRANSLATE_NOOP("PassageModel", "Stage"), QT_TRANSLATE_NOOP("PassageModel", "Code"),
        QT_TRANSLATE_NOOP("PassageModel", "Passage"), QT_TRANSLATE_NOOP("PassageModel", "Test"),
        QT_TRANSLATE_NOOP("PassageModel", "Stance"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PassageRow] = []

    def set_rows(self, rows: list[PassageRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> PassageRow:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("PassageModel", str(self.HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                f"{r.unit} {r.role}".strip(), r.document, r.stage, r.code.rsplit("/", 1)[-1],
                " ".join(r.text.split()), TESTS[r.test][0] if r.test in TESTS else "",
                STANCES[r.stance][0] if r.stance in STANCES else "",
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            where = QCoreApplication.translate("PassageModel", "{document}, characters {start}–{end}").format(
                document=r.document, start=r.start, end=r.end)
            return f"{r.code}\n{where}\n\n{r.text}" + (f"\n\n{r.note}" if r.note else "")
        return None


class LinkDialog(QDialog):
    """Choose the relation type (built-in or your own) and a memo for a new or edited link."""

    def __init__(self, source: str, target: str, parent: QWidget | None = None, *, relation: str = "leads_to",
                 memo: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link codes"))
        layout = QFormLayout(self)
        layout.addRow(self.tr("From:"), QLineEdit(source, readOnly=True))
        layout.addRow(self.tr("To:"), QLineEdit(target, readOnly=True))
        self.relation = QComboBox()
        self.relation.setEditable(True)
        for key, (zh, en, _style) in RELATIONS.items():
            self.relation.addItem(f"{zh} ({en})", key)
        index = self.relation.findData(relation)
        if index >= 0:
            self.relation.setCurrentIndex(index)
        else:
            self.relation.setEditText(relation)
        self.relation.setToolTip(self.tr("A built-in relation, or type your own"))
        layout.addRow(self.tr("Relation:"), self.relation)
        self.memo = QLineEdit(memo)
        layout.addRow(self.tr("Memo:"), self.memo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def chosen_relation(self) -> str:
        """The key of a built-in relation, or the text typed."""
        text = self.relation.currentText().strip()
        index = self.relation.findText(text)
        if index >= 0 and self.relation.itemData(index):
            return str(self.relation.itemData(index))
        return text


class EvidenceDialog(QDialog):
    """Pick passages as evidence of a link, with the process-tracing test and stance."""

    def __init__(self, candidates: list[PassageRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add evidence"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        for row in candidates:
            item = QListWidgetItem(f"[{row.code.rsplit('/', 1)[-1]}] {' '.join(row.text.split())[:120]}  "
                                   f"({row.document})")
            item.setData(Qt.ItemDataRole.UserRole, row.coding_id)
            item.setToolTip(row.text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        form = QFormLayout()
        self.test = QComboBox()
        for key, (zh, en) in TESTS.items():
            self.test.addItem(f"{zh} ({en})", key)
        self.stance = QComboBox()
        for key, (zh, en) in STANCES.items():
            self.stance.addItem(f"{zh} ({en})", key)
        self.note = QLineEdit()
        form.addRow(self.tr("Process-tracing test:"), self.test)
        form.addRow(self.tr("The passage:"), self.stance)
        form.addRow(self.tr("Note:"), self.note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def checked(self) -> list[int]:
        """The coding ids ticked."""
        return [int(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

"""Qt item models over app.core data: the document list and the code tree."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from app.core.codebook import CodeInfo
from app.core.documents import DocumentInfo

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_MIME = "application/x-guiji-code"
SELECTION_MIME = "application/x-guiji-selection"


class DocumentListModel(QAbstractListModel):
    """The project's documents in order; shows name and coding count."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._docs: list[DocumentInfo] = []

    def set_documents(self, docs: list[DocumentInfo]) -> None:
        self.beginResetModel()
        self._docs = list(docs)
        self.endResetModel()

    def document(self, row: int) -> DocumentInfo:
        return self._docs[row]

    def add_to_counts(self, changes: dict[int, int]) -> None:
        """Add ``changes`` (document id → difference) to the coding counts shown."""
        for row, doc in enumerate(self._docs):
            if doc.id in changes:
                self._docs[row] = replace(doc, codings=doc.codings + changes[doc.id])
                index = self.index(row, 0)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])

    def row_of(self, document_id: int) -> int:
        for row, doc in enumerate(self._docs):
            if doc.id == document_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._docs)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._docs):
            return None
        doc = self._docs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{doc.name}  ({doc.codings})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{name}\n{chars} characters, {codings} codings\nsource: {source} ({enc})").format(
                name=doc.name, chars=doc.length, codings=doc.codings,
                source=doc.source_name or "-", enc=doc.source_encoding or doc.source_format,
            )
        if role == ID_ROLE:
            return doc.id
        return None


class _Node:
    __slots__ = ("children", "info", "parent", "row")

    def __init__(self, info: CodeInfo | None, parent: _Node | None) -> None:
        self.info = info
        self.parent = parent
        self.children: list[_Node] = []
        self.row = 0


class CodeTreeModel(QAbstractItemModel):
    """The code tree: name (colour swatch, a check box for "shown in the text") and counts.

    Drag and drop asks, it never changes data: dropping a code emits ``move_requested``, dropping a
    text selection from the document view emits ``apply_requested``; the owner runs the command.
    """

    COLUMNS = 3
    move_requested = Signal(int, object, int)  # code id, new parent id or None, row
    apply_requested = Signal(int)  # code id
    visibility_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = _Node(None, None)
        self._by_id: dict[int, _Node] = {}
        self._doc_counts: dict[int, int] = {}
        self._hidden: set[int] = set()
        self._pins: dict[int, int] = {}  # code id -> number key
        # NVivo's "aggregate": parents show "own / with children" instead of their own count only.
        self.aggregate = False

    def set_aggregate(self, on: bool) -> None:
        self.aggregate = on
        if self.rowCount():
            self.layoutChanged.emit()  # every visible count changes

    def _count(self, node: _Node, column: int) -> int:
        info = node.info
        assert info is not None
        own = info.codings if column == 1 else self._doc_counts.get(info.id, 0)
        return own + sum(self._count(child, column) for child in node.children)

    def hidden_codes(self) -> set[int]:
        return set(self._hidden)

    def set_pins(self, pins: dict[int, int]) -> None:
        self.layoutAboutToBeChanged.emit()
        self._pins = dict(pins)
        self.layoutChanged.emit()

    def all_codes(self) -> list[CodeInfo]:
        out: list[CodeInfo] = []

        def walk(node: _Node) -> None:
            for child in node.children:
                assert child.info is not None
                out.append(child.info)
                walk(child)

        walk(self._root)
        return out

    def set_codes(self, codes: list[CodeInfo], doc_counts: dict[int, int] | None = None) -> None:
        self.beginResetModel()
        self._root = _Node(None, None)
        self._by_id = {}
        self._doc_counts = dict(doc_counts or {})
        self._hidden &= {c.id for c in codes}
        for info in codes:  # tree order: parents come first
            parent = self._by_id.get(info.parent_id, self._root) if info.parent_id else self._root
            node = _Node(info, parent)
            node.row = len(parent.children)
            parent.children.append(node)
            self._by_id[info.id] = node
        self.endResetModel()

    def update_counts(self, codes: list[CodeInfo]) -> bool:
        """Take new counts when ``codes`` is the same tree as shown (ids, names, colours, order).

        Returns False, changing nothing, when the tree differs and needs :meth:`set_codes`.
        """
        shown = self.all_codes()
        same = len(shown) == len(codes) and all(
            (a.id, a.parent_id, a.name, a.color, a.position, a.description)
            == (b.id, b.parent_id, b.name, b.color, b.position, b.description)
            for a, b in zip(shown, codes, strict=True)
        )
        if not same:
            return False
        self.layoutAboutToBeChanged.emit()
        for info in codes:
            self._by_id[info.id].info = info
        self.layoutChanged.emit()
        return True

    def set_document_counts(self, doc_counts: dict[int, int]) -> None:
        # One layout signal for the whole tree: a dataChanged per parent made views re-measure
        # every row once per parent (1.7 s on the 250-code benchmark project).
        self.layoutAboutToBeChanged.emit()
        self._doc_counts = dict(doc_counts)
        self.layoutChanged.emit()

    def code_at(self, index: Index) -> CodeInfo | None:
        node = self._node(index)
        return node.info if node is not self._root else None

    def index_of(self, code_id: int, column: int = 0) -> QModelIndex:
        node = self._by_id.get(code_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def code(self, code_id: int) -> CodeInfo | None:
        node = self._by_id.get(code_id)
        return node.info if node else None

    def _node(self, index: Index) -> _Node:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, _Node)
            return node
        return self._root

    # --- QAbstractItemModel ---
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self._node(index).info
        if info is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                pin = self._pins.get(info.id)
                return f"{info.name}  [{pin}]" if pin else info.name
            own = info.codings if column == 1 else self._doc_counts.get(info.id, 0)
            node = self._node(index)
            if self.aggregate and node.children:
                return f"{own} / {self._count(node, column)}"
            return own
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QColor(info.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{info.path}\n{info.description}" if info.description else info.path
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Unchecked if info.id in self._hidden else Qt.CheckState.Checked
        if role == ID_ROLE:
            return info.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        info = self._node(index).info if index.isValid() else None
        if info is None or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked:
            self._hidden.discard(info.id)
        else:
            self._hidden.add(info.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.visibility_changed.emit()
        return True

    # --- drag and drop ---
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [CODE_MIME, SELECTION_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        ids = sorted({self._node(i).info.id for i in indexes if i.isValid() and self._node(i).info})  # type: ignore[union-attr]
        if ids:
            data.setData(CODE_MIME, QByteArray(str(ids[0]).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if data.hasFormat(SELECTION_MIME):
            return parent.isValid()
        return data.hasFormat(CODE_MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if data.hasFormat(SELECTION_MIME):
            info = self.code_at(parent)
            if info is not None:
                self.apply_requested.emit(info.id)
            return False
        if not data.hasFormat(CODE_MIME):
            return False
        code_id = int(bytes(data.data(CODE_MIME).data()).decode())
        target = self.code_at(parent)
        self.move_requested.emit(code_id, target.id if target else None, row)
        return False  # the move happens through a command; the model is refreshed from the project

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Code"), self.tr("All"), self.tr("This doc")][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


class RecordTableModel(QAbstractTableModel):
    """A read-only table of records (dataclasses) with columns given as (header, getter) pairs.

    One class serves the search hits, retrieved passages and memos lists.
    """

    def __init__(self, columns: list[tuple[str, Any]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._rows: list[Any] = []

    def set_records(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def records(self) -> list[Any]:
        return list(self._rows)

    def record(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column < len(self._columns)):
            return QModelIndex()
        return self.createIndex(row, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._columns[index.column()][1](self._rows[index.row()])
            return "" if value is None else str(value)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section][0]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

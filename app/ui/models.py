"""Qt item models over app.core data: the document list and the code tree."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.codebook import CodeInfo
from app.core.documents import DocumentInfo

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


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
    """The code tree: name (with colour swatch) and counts (all documents / this document)."""

    COLUMNS = 3

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = _Node(None, None)
        self._by_id: dict[int, _Node] = {}
        self._doc_counts: dict[int, int] = {}

    def set_codes(self, codes: list[CodeInfo], doc_counts: dict[int, int] | None = None) -> None:
        self.beginResetModel()
        self._root = _Node(None, None)
        self._by_id = {}
        self._doc_counts = dict(doc_counts or {})
        for info in codes:  # tree order: parents come first
            parent = self._by_id.get(info.parent_id, self._root) if info.parent_id else self._root
            node = _Node(info, parent)
            node.row = len(parent.children)
            parent.children.append(node)
            self._by_id[info.id] = node
        self.endResetModel()

    def set_document_counts(self, doc_counts: dict[int, int]) -> None:
        self._doc_counts = dict(doc_counts)
        if self._by_id:
            self._emit_column_changed(2)

    def _emit_column_changed(self, column: int) -> None:
        def walk(node: _Node) -> None:
            if node.children:
                first = self.createIndex(0, column, node.children[0])
                last = self.createIndex(len(node.children) - 1, column, node.children[-1])
                self.dataChanged.emit(first, last, [Qt.ItemDataRole.DisplayRole])
                for child in node.children:
                    walk(child)

        walk(self._root)

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
                return info.name
            if column == 1:
                return info.codings
            return self._doc_counts.get(info.id, 0)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QColor(info.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{info.path}\n{info.description}" if info.description else info.path
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return info.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Code"), self.tr("All"), self.tr("This doc")][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

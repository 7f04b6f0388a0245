"""The suggestion panel's pieces: the text overlay, a sortable records table, background jobs.

Split out of :mod:`app.ui.suggestions` (which re-exports these names). :class:`RecordsModel` gives each
column a display getter and, optionally, a sort key returned for :data:`SORT_ROLE`, so a
``QSortFilterProxyModel`` (made by :func:`_table` with ``sortable=True``) sorts scores as numbers and
codes as text; :func:`source_rows` maps a view's selected rows back to the records.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.text import Utf16Map

if TYPE_CHECKING:
    from app.core.nlp.suggest import Suggestion
    from app.ui.document_view import DocumentView

Index = QModelIndex | QPersistentModelIndex
SUGGESTION_UNDERLINE = QColor("#7B1FA2")
SORT_ROLE = int(Qt.ItemDataRole.UserRole)


# --------------------------------------------------------------------------- the text overlay


def set_suggestion_spans(view: DocumentView, spans: list[tuple[int, int]]) -> None:
    """Underline code point ranges of the shown text with a dotted line (suggested units).

    Drawn as ``QTextEdit.ExtraSelection``s, over whatever the codings' highlighter paints; ranges
    outside the text are ignored. An empty list removes the overlay.
    """
    text = view.text()
    mapping = Utf16Map(text)
    selections = []
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(SUGGESTION_UNDERLINE)
    for start, end in spans:
        if not 0 <= start < end <= len(text):
            continue
        cursor = QTextCursor(view.document())
        cursor.setPosition(mapping.to_utf16(start))
        cursor.setPosition(mapping.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        selections.append(selection)
    view.setExtraSelections(selections)


# --------------------------------------------------------------------------- background work


class RecordsModel(QAbstractTableModel):
    """A read-only table of records with columns given as (header, getter) pairs.

    ``tooltip(record)`` and ``swatch(record)`` (a ``#RRGGBB`` colour shown in the first column) are
    optional. Rows are set all at once.
    """

    def __init__(
        self,
        columns: list[tuple[str, Callable[[Any], object]]] | list[tuple[Any, ...]],
        parent: QObject | None = None,
        *,
        tooltip: Callable[[Any], str] | None = None,
        swatch: Callable[[Any], str | None] | None = None,
        swatch_column: int = 0,
    ) -> None:
        super().__init__(parent)
        self._columns = columns
        self._rows: list[Any] = []
        self._tooltip = tooltip
        self._swatch = swatch
        self._swatch_column = swatch_column

    def set_records(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def refresh_all(self) -> None:
        """The getters' values changed (not the rows)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1))

    def records(self) -> list[Any]:
        return list(self._rows)

    def record(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._columns[index.column()][1](record)
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            column = self._columns[index.column()]
            key = column[2](record) if len(column) > 2 else column[1](record)
            return -1.0 if key is None else key
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return self._tooltip(record)
        swatched = self._swatch is not None and index.column() == self._swatch_column
        if role == Qt.ItemDataRole.DecorationRole and swatched:
            assert self._swatch is not None
            color = self._swatch(record)
            return QColor(color) if color else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][0]
        return None


# --------------------------------------------------------------------------- the panel


def _one_line(text: str) -> str:
    return " ".join(text.split())


class AcceptPreviewDialog(QDialog):
    """Shows what "accept all above the threshold" would code, before it does."""

    def __init__(
        self, suggestions: list[Suggestion], threshold: float, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accept suggestions"))
        self.resize(720, 420)
        model = RecordsModel([
            (self.tr("Score"), lambda s: f"{s.score:.2f}"),
            (self.tr("Code"), lambda s: s.code),
            (self.tr("Document"), lambda s: s.document),
            (self.tr("Passage"), lambda s: _one_line(s.text)),
        ], self)
        model.set_records(suggestions)
        self.table = _table(model)
        label = QLabel(self.tr("{n} suggestion(s) scoring {t:.2f} or more will become codings "
                               "(one undo step):").format(n=len(suggestions), t=threshold))
        label.setWordWrap(True)
        ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok | cancel)
        buttons.button(ok).setText(self.tr("Accept all"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


def _table(model: RecordsModel, *, sortable: bool = False) -> QTableView:
    view = QTableView()
    if sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the records' own order
    else:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.verticalHeader().setDefaultSectionSize(22)
    view.verticalHeader().hide()
    return view




def source_rows(view: QTableView, rows: list[int]) -> list[int]:
    """The source model's rows of the view's ``rows`` (the view may sort through a proxy)."""
    model = view.model()
    if isinstance(model, QSortFilterProxyModel):
        return [model.mapToSource(model.index(r, 0)).row() for r in rows]
    return rows

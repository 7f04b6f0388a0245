"""The document view: the transcript's text with its codings highlighted and a coding-stripe margin.

Qt counts UTF-16 units; every position that leaves this module is converted to code points
through :class:`app.core.text.Utf16Map` (the one conversion at the Qt boundary).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from app.core.coding import CodingInfo
from app.core.text import Utf16Map

STRIPE_WIDTH = 5
STRIPE_GAP = 2
MAX_STRIPE_COLUMNS = 12


@dataclass(frozen=True)
class ShownCoding:
    """A coding as drawn: UTF-16 positions, colour and the text of its tooltip."""

    id: int
    code_id: int
    start16: int
    end16: int
    color: QColor
    label: str
    column: int


def _blend(colors: list[QColor]) -> QColor:
    """A light tint of the average of ``colors`` that keeps black text readable."""
    r = sum(c.red() for c in colors) / len(colors)
    g = sum(c.green() for c in colors) / len(colors)
    b = sum(c.blue() for c in colors) / len(colors)
    alpha = 0.35 if len(colors) == 1 else 0.5
    return QColor(int(255 - (255 - r) * alpha), int(255 - (255 - g) * alpha), int(255 - (255 - b) * alpha))


class CodingHighlighter(QSyntaxHighlighter):
    """Colours each run of text by the codings that cover it (overlaps get a blended tint, underlined)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._starts: list[int] = []
        self._segments: list[tuple[int, int, QTextCharFormat]] = []

    def set_codings(self, shown: list[ShownCoding]) -> None:
        bounds = sorted({p for c in shown for p in (c.start16, c.end16)})
        segments: list[tuple[int, int, QTextCharFormat]] = []
        if bounds:
            # Sweep: which codings cover each elementary interval between boundaries.
            events: dict[int, list[tuple[int, ShownCoding]]] = {}
            for c in shown:
                events.setdefault(c.start16, []).append((1, c))
                events.setdefault(c.end16, []).append((-1, c))
            active: dict[int, ShownCoding] = {}
            for left, right in zip(bounds, bounds[1:], strict=False):
                for kind, c in events.get(left, []):
                    if kind > 0:
                        active[c.id] = c
                    else:
                        active.pop(c.id, None)
                if active:
                    fmt = QTextCharFormat()
                    fmt.setBackground(_blend([c.color for c in active.values()]))
                    if len(active) > 1:
                        fmt.setFontUnderline(True)
                    segments.append((left, right, fmt))
        self._segments = segments
        self._starts = [s[0] for s in segments]
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: ARG002 - Qt passes the block's text
        block = self.currentBlock()
        start = block.position()
        end = start + block.length() - 1
        i = max(0, bisect.bisect_right(self._starts, start) - 1)
        while i < len(self._segments):
            s, e, fmt = self._segments[i]
            if s >= end:
                break
            if e > start:
                left = max(s, start)
                self.setFormat(left - start, min(e, end) - left, fmt)
            i += 1


class CodingMargin(QWidget):
    """Coding stripes beside the text: one vertical bar per coding, coloured by its code."""

    coding_clicked = Signal(int)

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view)
        self._view = view
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(self._view.margin_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#F4F4F2"))
        for coding, rect in self._view.visible_stripes():
            painter.fillRect(rect, coding.color)
        painter.end()

    def _coding_at(self, pos: QPoint) -> ShownCoding | None:
        for coding, rect in self._view.visible_stripes():
            if rect.adjusted(-1, 0, 1, 0).contains(pos):
                return coding
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        coding = self._coding_at(event.position().toPoint())
        if coding is not None:
            self.coding_clicked.emit(coding.id)

    def event(self, e: Any) -> bool:
        if e.type() == e.Type.ToolTip:
            coding = self._coding_at(e.pos())
            if coding is not None:
                QToolTip.showText(e.globalPos(), coding.label, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)


class DocumentView(QPlainTextEdit):
    """Read-only transcript text with highlighted codings and a stripe margin on the left."""

    selection_changed_cp = Signal(int, int)  # code point range of the selection (start == end: none)
    remove_coding_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        self.setFont(font)
        self.document().setDocumentMargin(10)
        self._map = Utf16Map("")
        self._text = ""
        self._shown: list[ShownCoding] = []
        self._infos: dict[int, CodingInfo] = {}
        self._columns = 0
        self.document_id: int | None = None
        self._highlighter = CodingHighlighter(self.document())
        self.margin = CodingMargin(self)
        self.margin.coding_clicked.connect(self.select_coding)
        self.updateRequest.connect(self._on_update_request)
        self.selectionChanged.connect(self._emit_selection)
        self._update_margin_width()

    # --- content ---
    def set_document(self, document_id: int | None, text: str, codings: list[CodingInfo],
                     colors: dict[int, str]) -> None:
        """Show a document's text and its codings (code id → colour)."""
        self.document_id = document_id
        self._text = text
        self._map = Utf16Map(text)
        self._highlighter.set_codings([])
        self.setPlainText(text)
        self.set_codings(codings, colors)

    def set_codings(self, codings: list[CodingInfo], colors: dict[int, str]) -> None:
        """Replace the highlighted codings (positions in code points)."""
        ordered = sorted(codings, key=lambda c: (c.start, -c.end, c.id))
        column_ends: list[int] = []
        shown = []
        for c in ordered:
            column = next((i for i, end in enumerate(column_ends) if end <= c.start), len(column_ends))
            if column == len(column_ends):
                column_ends.append(c.end)
            else:
                column_ends[column] = c.end
            label = f"{c.code}\n{c.coder}" + (f"\n{c.memo}" if c.memo else "")
            shown.append(ShownCoding(
                c.id, c.code_id, self._map.to_utf16(c.start), self._map.to_utf16(c.end),
                QColor(colors.get(c.code_id, "#808080")), label, min(column, MAX_STRIPE_COLUMNS - 1),
            ))
        self._shown = shown
        self._infos = {c.id: c for c in codings}
        self._columns = min(len(column_ends), MAX_STRIPE_COLUMNS)
        self._highlighter.set_codings(shown)
        self._update_margin_width()
        self.margin.update()

    def text(self) -> str:
        return self._text

    def shown_codings(self) -> list[ShownCoding]:
        return list(self._shown)

    # --- positions (code points outside, UTF-16 inside) ---
    def selection_range(self) -> tuple[int, int] | None:
        """The selected range in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._map.to_codepoint(cursor.selectionStart()), self._map.to_codepoint(cursor.selectionEnd())

    def select_range(self, start: int, end: int) -> None:
        """Select code points ``[start, end)`` and scroll to them."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def select_coding(self, coding_id: int) -> None:
        info = self._infos.get(coding_id)
        if info is not None:
            self.select_range(info.start, info.end)

    def codings_at(self, cp: int) -> list[CodingInfo]:
        """The codings that contain the code point ``cp``."""
        return [c for c in self._infos.values() if c.start <= cp < c.end]

    def _emit_selection(self) -> None:
        sel = self.selection_range()
        self.selection_changed_cp.emit(*(sel or (0, 0)))

    # --- margin ---
    def margin_width(self) -> int:
        return 6 + max(1, self._columns) * (STRIPE_WIDTH + STRIPE_GAP)

    def _update_margin_width(self) -> None:
        self.setViewportMargins(self.margin_width(), 0, 0, 0)
        self._place_margin()

    def _place_margin(self) -> None:
        rect = self.contentsRect()
        self.margin.setGeometry(QRect(rect.left(), rect.top(), self.margin_width(), rect.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_margin()

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self.margin.scroll(0, dy)
        else:
            self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def visible_stripes(self) -> list[tuple[ShownCoding, QRect]]:
        """Stripes of the codings that are on screen, with their rectangles in margin coordinates."""
        if not self._shown:
            return []
        viewport = self.viewport()
        first = self.cursorForPosition(QPoint(0, 0)).position()
        last = self.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        out = []
        cursor = QTextCursor(self.document())
        for c in self._shown:
            if c.start16 > last or c.end16 < first:
                continue
            cursor.setPosition(c.start16)
            top = self.cursorRect(cursor).top()
            cursor.setPosition(c.end16)
            bottom = self.cursorRect(cursor).bottom()
            x = 4 + c.column * (STRIPE_WIDTH + STRIPE_GAP)
            out.append((c, QRect(x, top, STRIPE_WIDTH, max(4, bottom - top))))
        return out

    # --- context menu: remove a coding under the cursor ---
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        cp = self._map.to_codepoint(self.cursorForPosition(event.pos()).position())
        here = self.codings_at(cp)
        if here:
            menu.addSeparator()
            for coding in here:
                action = menu.addAction(self.tr("Remove coding “{code}”").format(code=coding.code))
                action.triggered.connect(lambda _=False, cid=coding.id: self.remove_coding_requested.emit(cid))
        menu.exec(event.globalPos())
        menu.deleteLater()


__all__ = ["CodingHighlighter", "CodingMargin", "DocumentView", "ShownCoding"]

"""The document view: the transcript's text with its codings highlighted, coding stripes and stage band.

Qt counts UTF-16 units; every position that leaves this module is converted to code points
through :class:`app.core.text.Utf16Map` (the one conversion at the Qt boundary).
"""

from __future__ import annotations

import bisect
import heapq
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
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
from app.core.text import Utf16Map, sha256_text
from app.ui.models import SELECTION_MIME

STAGE_BAND = 6
COLUMN_WIDTH = 15
STRIPE_WIDTH = 3
MAX_STRIPE_COLUMNS = 8


@dataclass(frozen=True)
class ShownCoding:
    """A coding as drawn: UTF-16 positions, colour, label and stripe column."""

    id: int
    code_id: int
    start16: int
    end16: int
    color: QColor
    name: str
    tooltip: str
    column: int
    rgba: int = 0  # the colour as a number, to compare formats without calling into Qt


@dataclass(frozen=True)
class ShownStage:
    start16: int
    end16: int
    color: QColor
    name: str


def tint(colors: list[QColor]) -> QColor:
    """A light tint of the average of ``colors``, a little stronger per overlapping coding.

    Capped so that black text keeps a contrast ratio above 7:1 even with many overlaps.
    """
    r = sum(c.red() for c in colors) / len(colors)
    g = sum(c.green() for c in colors) / len(colors)
    b = sum(c.blue() for c in colors) / len(colors)
    strength = min(0.3 + 0.07 * (len(colors) - 1), 0.55)
    return QColor(
        int(255 - (255 - r) * strength), int(255 - (255 - g) * strength), int(255 - (255 - b) * strength)
    )


def _changed_range(old: list[tuple[int, ...]], new: list[tuple[int, ...]]) -> tuple[int, int] | None:
    """The UTF-16 range whose highlighting differs between two segment lists (None: nothing)."""
    if old == new:
        return None
    head = 0
    while head < len(old) and head < len(new) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < len(old) - head and tail < len(new) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    differing = old[head:len(old) - tail] + new[head:len(new) - tail]
    return min(k[0] for k in differing), max(k[1] for k in differing)


class CodingHighlighter(QSyntaxHighlighter):
    """Colours each run of text by the codings that cover it (overlaps: blended tint, underlined)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._starts: list[int] = []
        self._segments: list[tuple[int, int, QTextCharFormat]] = []
        self._keys: list[tuple[int, ...]] = []  # (start, end, coding ids…) per segment, to find changes
        self._formats: dict[tuple[tuple[int, int], ...], QTextCharFormat] = {}

    def _sweep(
        self, shown: list[ShownCoding], lo: int | None = None, hi: int | None = None
    ) -> tuple[list[tuple[int, int, QTextCharFormat]], list[tuple[int, ...]]]:
        """Segments (and their keys) of the codings in ``shown``, clipped to ``[lo, hi)`` if given."""
        events: dict[int, list[tuple[int, ShownCoding]]] = {}
        for c in shown:
            start = c.start16 if lo is None else max(c.start16, lo)
            end = c.end16 if hi is None else min(c.end16, hi)
            if start >= end:
                continue
            events.setdefault(start, []).append((1, c))
            events.setdefault(end, []).append((-1, c))
        bounds = sorted(events)
        segments: list[tuple[int, int, QTextCharFormat]] = []
        keys: list[tuple[int, ...]] = []
        active: dict[int, ShownCoding] = {}
        for left, right in zip(bounds, bounds[1:], strict=False):
            for kind, c in events[left]:
                if kind > 0:
                    active[c.id] = c
                else:
                    active.pop(c.id, None)
            if not active:
                continue
            key = tuple(sorted((c.id, c.rgba) for c in active.values()))
            fmt = self._formats.get(key)
            if fmt is None:
                fmt = QTextCharFormat()
                fmt.setBackground(tint([c.color for c in active.values()]))
                if len(active) > 1:
                    fmt.setFontUnderline(True)
                    fmt.setUnderlineColor(QColor("#555555"))
                self._formats[key] = fmt
            segments.append((left, right, fmt))
            keys.append((left, right, *(part for pair in key for part in pair)))
        return segments, keys

    def set_codings(self, shown: list[ShownCoding]) -> None:
        segments, keys = self._sweep(shown)
        changed = _changed_range(self._keys, keys)
        self._segments = segments
        self._keys = keys
        self._starts = [s[0] for s in segments]
        if changed is not None:
            self._rehighlight_range(*changed)

    def patch(self, shown_in_range: list[ShownCoding], lo: int, hi: int) -> None:
        """Recompute the highlighting of ``[lo, hi)`` only, from the codings that overlap it."""
        if lo >= hi:
            return
        middle, middle_keys = self._sweep(shown_in_range, lo, hi)
        segments, keys = self._segments, self._keys
        first = bisect.bisect_left(self._starts, lo)  # segments from here on start at lo or later
        after = bisect.bisect_left(self._starts, hi)  # segments from here on start at hi or later
        left, left_keys = list(segments[:first]), list(keys[:first])
        right, right_keys = list(segments[after:]), list(keys[after:])
        if first > 0 and segments[first - 1][1] > lo:  # a segment that crosses lo (maybe hi too)
            s0, e0, f0 = segments[first - 1]
            k0 = keys[first - 1]
            left[-1], left_keys[-1] = (s0, lo, f0), (s0, lo, *k0[2:])
            if e0 > hi:
                right.insert(0, (hi, e0, f0))
                right_keys.insert(0, (hi, e0, *k0[2:]))
        if after > 0 and after - 1 >= first and segments[after - 1][1] > hi:  # crosses hi only
            s1, e1, f1 = segments[after - 1]
            right.insert(0, (hi, e1, f1))
            right_keys.insert(0, (hi, e1, *keys[after - 1][2:]))
        self._segments = left + middle + right
        self._keys = left_keys + middle_keys + right_keys
        self._starts = [seg[0] for seg in self._segments]
        self._rehighlight_range(lo, hi)

    def _rehighlight_range(self, start: int, end: int) -> None:
        """Re-format only the blocks between UTF-16 positions ``start`` and ``end``."""
        document = self.document()
        if document is None:
            return
        block = document.findBlock(start)
        while block.isValid() and block.position() <= end:
            self.rehighlightBlock(block)
            block = block.next()

    def forget_formats(self, *, redraw: bool = True) -> None:
        """Drop cached formats (colours changed) and everything drawn; the next set_codings redraws all.

        ``redraw=False`` when the text is about to be replaced (which highlights the new one anyway):
        re-highlighting the old text took 1.3 s for a 3-million-character document (issue 13).
        """
        self._formats.clear()
        self._keys = []
        self._segments = []
        self._starts = []
        if redraw:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
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
    """Stage band and coding stripes beside the text, each stripe labelled with its code's name."""

    coding_clicked = Signal(int)

    def __init__(self, view: DocumentView) -> None:
        super().__init__(view)
        self._view = view
        self.setMouseTracking(True)
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.8))
        self.setFont(font)

    def sizeHint(self) -> QSize:
        return QSize(self._view.margin_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#F4F4F2"))
        for stage, rect in self._view.visible_stage_bands():
            painter.fillRect(rect, stage.color)
        line = painter.fontMetrics().height()
        for coding, rect in self._view.visible_stripes():
            painter.fillRect(rect, coding.color)
            # The code's name, one character under the other, beside the stripe (CJK reads well so).
            painter.setPen(coding.color.darker(160))
            x = rect.right() + 2
            y = rect.top() + line - 2
            for ch in coding.name:
                if y > rect.bottom():
                    break
                painter.drawText(x, y, ch)
                y += line
        painter.end()

    def _coding_at(self, pos: QPoint) -> ShownCoding | None:
        for coding, rect in self._view.visible_stripes():
            if rect.adjusted(-2, 0, COLUMN_WIDTH - STRIPE_WIDTH, 0).contains(pos):
                return coding
        return None

    def _stage_at(self, pos: QPoint) -> ShownStage | None:
        for stage, rect in self._view.visible_stage_bands():
            if rect.contains(pos):
                return stage
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        coding = self._coding_at(pos)
        if coding is not None:
            self.coding_clicked.emit(coding.id)
            return
        stage = self._stage_at(pos)
        if stage is not None:  # a span of the stage band: select its text (Ctrl+J or the menu then changes it)
            cursor = QTextCursor(self._view.document())
            cursor.setPosition(stage.start16)
            cursor.setPosition(stage.end16, QTextCursor.MoveMode.KeepAnchor)
            self._view.setTextCursor(cursor)
            self._view.setFocus()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            assert isinstance(e, QHelpEvent)
            coding = self._coding_at(e.pos())
            stage = self._stage_at(e.pos())
            if coding is not None:
                QToolTip.showText(e.globalPos(), coding.tooltip, self)
            elif stage is not None:
                QToolTip.showText(e.globalPos(), self.tr("Stage: {name}").format(name=stage.name), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)


class DocumentView(QPlainTextEdit):
    """Read-only transcript text with highlighted codings, a stripe margin and a stage band."""

    selection_changed_cp = Signal(int, int)  # code point range of the selection (start == end: none)
    remove_coding_requested = Signal(int)
    memo_requested = Signal(int)  # coding id
    coding_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(200)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(10)
        self._map = Utf16Map("")
        self._text = ""
        self._codings: list[CodingInfo] = []
        self._colors: dict[int, str] = {}
        self._hidden_codes: set[int] = set()
        self._coders: set[str] | None = None
        self._shown: list[ShownCoding] = []
        self._shown_starts: list[int] = []
        self._longest16 = 0
        self._stages: list[ShownStage] = []
        self._infos: dict[int, CodingInfo] = {}
        self._columns = 0
        self.current_coding_id: int | None = None
        self.document_id: int | None = None
        # Installed by app/ui/text_menu.py: shows the full text context menu for the event and returns
        # True; without it (or when it returns False) the basic menu below is shown.
        self.menu_builder: Any = None
        # The project the shown text was read from: an edit made on this text is refused in any other.
        self.project: object | None = None
        self._sha256: str | None = None
        self._highlighter = CodingHighlighter(self.document())
        self.margin = CodingMargin(self)
        self.margin.coding_clicked.connect(self.select_coding)
        self.updateRequest.connect(self._on_update_request)
        self.selectionChanged.connect(self._emit_selection)
        self._update_margin_width()

    def set_text_size(self, points: int) -> None:
        """Point size of the transcript text."""
        font = QFont(self.font())
        font.setPointSizeF(float(points))
        self.setFont(font)

    # --- content ---
    def set_document(self, document_id: int | None, text: str, codings: list[CodingInfo],
                     colors: dict[int, str], stages: list[tuple[int, int, str, str]] = (),  # type: ignore[assignment]
                     *, project: object | None = None) -> None:
        """Show a document's text, its codings (code id → colour) and its stage spans (start, end, name, colour).

        ``project`` is the project the text was read from (see :meth:`shown_in`).
        """
        self.document_id = document_id
        self.project = project if document_id is not None else None
        self._sha256 = None
        self._text = text
        self._map = Utf16Map(text)
        self.current_coding_id = None
        self._highlighter.forget_formats(redraw=False)  # setPlainText highlights the new text
        self.setPlainText(text)
        self.set_stages(stages)
        self.set_codings(codings, colors)

    def set_stages(self, stages: list[tuple[int, int, str, str]]) -> None:
        self._stages = [
            ShownStage(self._map.to_utf16(s), self._map.to_utf16(e), QColor(color), name)
            for s, e, name, color in stages
        ]
        self.margin.update()

    def set_codings(self, codings: list[CodingInfo], colors: dict[int, str]) -> None:
        """Replace the codings (positions in code points) and their colours."""
        self._codings = list(codings)
        self._colors = dict(colors)
        self._infos = {c.id: c for c in codings}
        self._refresh_shown()

    def apply_delta(self, added: list[CodingInfo], removed: list[CodingInfo]) -> None:
        """Add and remove codings of the shown document without recomputing the others.

        Only the text they cover is re-highlighted; a new stripe takes the lowest column that no
        overlapping stripe uses.
        """
        # Removed first, then added: a changed coding comes as removed (as it was) and added (as it is).
        gone = {c.id for c in removed} & set(self._infos)
        added = [c for c in added if c.document_id == self.document_id]
        if not added and not gone:
            return
        self._codings = [c for c in self._codings if c.id not in gone] + added
        for coding_id in gone:
            self._infos.pop(coding_id, None)
        self._infos.update({c.id: c for c in added})
        to_utf16 = self._map.to_utf16
        spans = [(sc.start16, sc.end16) for sc in self._shown if sc.id in gone]
        shown = [sc for sc in self._shown if sc.id not in gone]
        starts = [sc.start16 for sc in shown]
        coder_label, memo_label = self.tr("Coder"), self.tr("Memo")
        for c in added:
            if c.code_id in self._hidden_codes or (self._coders is not None and c.coder not in self._coders):
                continue
            start16, end16 = to_utf16(c.start), to_utf16(c.end)
            longest = max(self._longest16, end16 - start16)
            lo_i = bisect.bisect_left(starts, start16 - longest)
            hi_i = bisect.bisect_left(starts, end16)
            used = {sc.column for sc in shown[lo_i:hi_i] if sc.end16 > start16}
            column = next(i for i in range(len(used) + 1) if i not in used)
            color = QColor(self._colors.get(c.code_id, "#808080"))
            tooltip = f"{c.code}\n{coder_label}: {c.coder}" + (f"\n{memo_label}: {c.memo}" if c.memo else "")
            item = ShownCoding(c.id, c.code_id, start16, end16, color, c.code.rsplit("/", 1)[-1], tooltip,
                               min(column, MAX_STRIPE_COLUMNS - 1), color.rgba())
            index = bisect.bisect_right(starts, start16)
            shown.insert(index, item)
            starts.insert(index, start16)
            self._longest16 = longest
            spans.append((start16, end16))
        self._shown = shown
        self._shown_starts = starts
        self._columns = min(max((sc.column + 1 for sc in shown), default=0), MAX_STRIPE_COLUMNS)
        if spans:
            lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
            first = bisect.bisect_left(starts, lo - self._longest16)
            last = bisect.bisect_left(starts, hi)
            self._highlighter.patch([sc for sc in shown[first:last] if sc.end16 > lo], lo, hi)
        self._update_margin_width()
        self.margin.update()

    def set_filter(self, hidden_codes: set[int], coders: set[str] | None, *, refresh: bool = True) -> None:
        """Hide the codings of ``hidden_codes``; show only ``coders`` (None: every coder).

        ``refresh=False`` only stores the filter, for a caller about to call :meth:`set_document`.
        """
        self._hidden_codes = set(hidden_codes)
        self._coders = None if coders is None else set(coders)
        if refresh:
            self._refresh_shown()

    def _refresh_shown(self) -> None:
        visible = [
            c for c in self._codings
            if c.code_id not in self._hidden_codes and (self._coders is None or c.coder in self._coders)
        ]
        ordered = sorted(visible, key=lambda c: (c.start, -c.end, c.id))
        busy: list[tuple[int, int]] = []  # heap of (end, column) of codings still open
        free: list[int] = []  # heap of columns free again
        columns = 0
        shown = []
        coder_label, memo_label = self.tr("Coder"), self.tr("Memo")
        colors: dict[int, tuple[QColor, int]] = {}
        to_utf16 = self._map.to_utf16
        for c in ordered:
            while busy and busy[0][0] <= c.start:
                heapq.heappush(free, heapq.heappop(busy)[1])
            if free:
                column = heapq.heappop(free)
            else:
                column = columns
                columns += 1
            heapq.heappush(busy, (c.end, column))
            tooltip = f"{c.code}\n{coder_label}: {c.coder}" + (f"\n{memo_label}: {c.memo}" if c.memo else "")
            found = colors.get(c.code_id)
            if found is None:
                qcolor = QColor(self._colors.get(c.code_id, "#808080"))
                found = colors[c.code_id] = (qcolor, qcolor.rgba())
            shown.append(ShownCoding(
                c.id, c.code_id, to_utf16(c.start), to_utf16(c.end), found[0], c.code.rsplit("/", 1)[-1], tooltip,
                min(column, MAX_STRIPE_COLUMNS - 1), found[1],
            ))
        self._shown = shown  # sorted by start
        self._shown_starts = [c.start16 for c in shown]
        self._longest16 = max((c.end16 - c.start16 for c in shown), default=0)
        self._columns = min(columns, MAX_STRIPE_COLUMNS)
        self._highlighter.set_codings(shown)
        self._update_margin_width()
        self.margin.update()

    def text(self) -> str:
        return self._text

    def show_nothing(self) -> None:
        """Show no document (and belong to no project)."""
        self.set_document(None, "", [], {})

    def shown_in(self, project: object) -> tuple[int, str] | None:
        """``(document id, SHA-256 of the shown text)`` when the shown text was read from ``project``.

        None when nothing is shown or the text belongs to another (e.g. a previously open) project. A
        change made on the text passes the hash to the service, which refuses it unless the stored text
        is still exactly the text on screen.
        """
        if self.document_id is None or self.project is None or self.project is not project:
            return None
        if self._sha256 is None:
            self._sha256 = sha256_text(self._text)
        return self.document_id, self._sha256

    def codings(self) -> list[CodingInfo]:
        """The codings of the shown document (all of them, whatever the filter)."""
        return list(self._codings)

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
            self.current_coding_id = coding_id
            self.select_range(info.start, info.end)
            self.coding_selected.emit(coding_id)

    def current_coding(self) -> CodingInfo | None:
        return self._infos.get(self.current_coding_id) if self.current_coding_id is not None else None

    def codings_at(self, cp: int) -> list[CodingInfo]:
        """The visible codings that contain the code point ``cp``."""
        shown = {c.id for c in self._shown}
        return [c for c in self._codings if c.start <= cp < c.end and c.id in shown]

    def _emit_selection(self) -> None:
        sel = self.selection_range()
        self.selection_changed_cp.emit(*(sel or (0, 0)))

    # --- drag a selection onto a code ---
    def createMimeDataFromSelection(self) -> QMimeData:
        # Qt's own mime object reports only its fixed formats, so build a plain one.
        data = QMimeData()
        data.setText(self.textCursor().selectedText().replace("\u2029", "\n"))
        sel = self.selection_range()
        if sel is not None and self.document_id is not None:
            data.setData(SELECTION_MIME, QByteArray(f"{self.document_id}:{sel[0]}:{sel[1]}".encode()))
        return data

    # --- margin ---
    def margin_width(self) -> int:
        return STAGE_BAND + 4 + max(1, self._columns) * COLUMN_WIDTH

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

    def _visible_range(self) -> tuple[int, int]:
        viewport = self.viewport()
        first = self.cursorForPosition(QPoint(0, 0)).position()
        last = self.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return first, last

    def _span_rect(self, start16: int, end16: int, x: int, width: int) -> QRect:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start16)
        top = self.cursorRect(cursor).top()
        cursor.setPosition(end16)
        bottom = self.cursorRect(cursor).bottom()
        return QRect(x, top, width, max(4, bottom - top))

    def visible_stripes(self) -> list[tuple[ShownCoding, QRect]]:
        """Stripes of the codings on screen, with their rectangles in margin coordinates."""
        if not self._shown:
            return []
        first, last = self._visible_range()
        # Only codings that start between (first - the longest coding) and last can be on screen.
        lo = bisect.bisect_left(self._shown_starts, first - self._longest16)
        hi = bisect.bisect_right(self._shown_starts, last)
        return [
            (c, self._span_rect(c.start16, c.end16, STAGE_BAND + 4 + c.column * COLUMN_WIDTH, STRIPE_WIDTH))
            for c in self._shown[lo:hi]
            if c.end16 >= first
        ]

    def visible_stage_bands(self) -> list[tuple[ShownStage, QRect]]:
        if not self._stages:
            return []
        first, last = self._visible_range()
        return [
            (s, self._span_rect(s.start16, s.end16, 1, STAGE_BAND))
            for s in self._stages
            if s.start16 <= last and s.end16 >= first
        ]

    # --- hover and context menu ---
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            cp = self._map.to_codepoint(self.cursorForPosition(event.pos()).position())
            here = self.codings_at(cp)
            if here:
                lines = []
                for c in here:
                    line = f"■ {c.code} — {c.coder}"
                    if c.memo:
                        line += f"\n   {c.memo}"
                    lines.append(line)
                QToolTip.showText(event.globalPos(), "\n".join(lines), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.menu_builder is not None and self.menu_builder(self, event):
            return
        menu = self.createStandardContextMenu(event.pos())
        cp = self._map.to_codepoint(self.cursorForPosition(event.pos()).position())
        here = self.codings_at(cp)
        if here:
            menu.addSeparator()
            for coding in here:
                action = menu.addAction(self.tr("Memo on coding “{code}”…").format(code=coding.code))
                action.triggered.connect(lambda _=False, cid=coding.id: self.memo_requested.emit(cid))
            for coding in here:
                action = menu.addAction(self.tr("Remove coding “{code}”").format(code=coding.code))
                action.triggered.connect(lambda _=False, cid=coding.id: self.remove_coding_requested.emit(cid))
        menu.exec(event.globalPos())
        menu.deleteLater()


def stage_rows(spans: list[Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, name, colour) tuples for :meth:`DocumentView.set_stages` from stage span records."""
    return [(s.start, s.end, s.stage, getattr(s, "color", "#999999")) for s in spans]


__all__ = ["CodingHighlighter", "CodingMargin", "DocumentView", "ShownCoding", "stage_rows", "tint"]

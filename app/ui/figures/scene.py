"""A figure on screen: a QGraphicsScene whose items draw the layout with the one renderer.

Each figure element (the items sharing a ``key``) becomes one QGraphicsItem, so it can be clicked,
dragged (moved: its adjustment is saved), renamed or hidden. Scene units are millimetres, as in the
layout. A click reports the ``ref`` of the primitive under the mouse (a box, an arrow, a stage…);
a drag with Shift held, or any drag in link mode, from one box to another asks for a link.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.core.process.layout import Figure, Item, Path, Rect, Text, bounds
from app.ui.figures.renderer import paint_item, painter_path

_MOVABLE_PREFIXES = ("box:", "row:", "stage:", "outcome:", "end", "legend", "header:", "node:", "panel:", "title",
                     "code:")


def _shape(item: Item) -> QPainterPath:
    path = QPainterPath()
    if isinstance(item, Path):
        line = painter_path(item.commands)
        if item.fill:
            return line
        stroker = QPainterPathStroker()
        stroker.setWidth(max(item.width, 1.6))
        return stroker.createStroke(line)
    path.addRect(QRectF(item.x, item.y, item.w, item.h))
    return path


class ElementItem(QGraphicsItem):
    """The primitives of one figure element, drawn by the renderer."""

    def __init__(self, key: str, items: list[Item], family: str) -> None:
        super().__init__()
        self.key = key
        self.primitives = items
        self.family = family
        left, top, right, bottom = bounds(items)
        margin = 2.0
        self._bounds = QRectF(left - margin, top - margin, right - left + 2 * margin, bottom - top + 2 * margin)
        self._shapes = [(_shape(i), i) for i in items]
        self._shape = QPainterPath()
        self._shape.setFillRule(Qt.FillRule.WindingFill)  # overlapping parts stay inside
        for shape, _item in self._shapes:
            self._shape.addPath(shape)
        self._hover = False
        movable = key.startswith(_MOVABLE_PREFIXES)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, bool(key))
        self.setAcceptHoverEvents(bool(key))
        tips = [i.tip for i in items if i.tip]
        if tips:
            self.setToolTip(tips[0])

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def ref_at(self, point: QPointF) -> tuple[Any, ...]:
        """The ref of the top primitive at ``point`` (item coordinates), else the element's first ref."""
        for shape, item in reversed(self._shapes):
            if item.ref and shape.contains(point):
                return item.ref
        return next((i.ref for i in self.primitives if i.ref), ())

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for item in self.primitives:
            paint_item(painter, item, self.family)
        if self.isSelected() or self._hover:
            pen = QPen(QColor("#1E88E5" if self.isSelected() else "#90CAF9"))
            pen.setWidthF(0.5 if self.isSelected() else 0.35)
            pen.setCosmetic(False)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for _shape_path, item in self._shapes:
                if isinstance(item, Rect):
                    painter.drawRoundedRect(QRectF(item.x, item.y, item.w, item.h), 0.8, 0.8)
                    break
                if isinstance(item, Path) and not item.fill:
                    painter.drawPath(painter_path(item.commands))
                    break
                if isinstance(item, Text):
                    painter.drawRect(QRectF(item.x, item.y, item.w, item.h))
                    break

    def hoverEnterEvent(self, event: Any) -> None:
        self._hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: Any) -> None:
        self._hover = False
        self.update()
        super().hoverLeaveEvent(event)


class FigureScene(QGraphicsScene):
    """Shows a Figure; reports clicks, moves and link drags."""

    element_clicked = Signal(object)  # the ref clicked, () for the background
    element_moved = Signal(str, float, float)  # key, dx, dy (mm, added to the saved adjustment)
    element_double_clicked = Signal(str, object)  # key, ref
    link_requested = Signal(object, object)  # ref of the source box, ref of the target box

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.figure: Figure | None = None
        self.link_mode = False
        self._press: tuple[ElementItem, QPointF, QPointF] | None = None
        self._link_line: QGraphicsLineItem | None = None
        self._link_source: tuple[Any, ...] = ()
        self.elements: dict[str, ElementItem] = {}

    def set_figure(self, figure: Figure, family: str) -> None:
        """Replace what is shown by ``figure``."""
        self.clear()
        self._link_line = None
        self.figure = figure
        self.elements = {}
        self.setBackgroundBrush(QColor("#FFFFFF"))
        self.setSceneRect(QRectF(-2, -2, figure.width + 4, figure.height + 4))
        groups: dict[str, list[Item]] = {}
        loose: list[Item] = []
        for item in figure.items:
            if item.key:
                groups.setdefault(item.key, []).append(item)
            else:
                loose.append(item)
        if loose:
            decoration = ElementItem("", loose, family)
            decoration.setZValue(-1)
            decoration.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.addItem(decoration)
        order = {key: i for i, key in enumerate(dict.fromkeys(i.key for i in figure.items if i.key))}
        for key, items in groups.items():
            element = ElementItem(key, items, family)
            element.setZValue(order[key] / max(len(order), 1) + (1 if not key.startswith(("transition:", "link:"))
                                                                 else 0))
            self.addItem(element)
            self.elements[key] = element

    def _element_at(self, pos: QPointF) -> ElementItem | None:
        for item in self.items(pos):
            if isinstance(item, ElementItem) and item.key:
                return item
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        element = self._element_at(event.scenePos())
        if element is not None and event.button() == Qt.MouseButton.LeftButton:
            ref = element.ref_at(element.mapFromScene(event.scenePos()))
            linking = self.link_mode or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if linking and ref and ref[0] == "box":
                self._link_source = ref
                start = event.scenePos()
                self._link_line = QGraphicsLineItem(start.x(), start.y(), start.x(), start.y())
                pen = QPen(QColor("#1E88E5"))
                pen.setWidthF(0.5)
                pen.setStyle(Qt.PenStyle.DashLine)
                self._link_line.setPen(pen)
                self._link_line.setZValue(10)
                self.addItem(self._link_line)
                event.accept()
                return
            self._press = (element, event.scenePos(), element.pos())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._link_line is not None:
            line = self._link_line.line()
            self._link_line.setLine(line.x1(), line.y1(), event.scenePos().x(), event.scenePos().y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._link_line is not None:
            self.removeItem(self._link_line)
            self._link_line = None
            target = self._element_at(event.scenePos())
            if target is not None:
                ref = target.ref_at(target.mapFromScene(event.scenePos()))
                if ref and ref[0] in ("box", "outcome") and ref != self._link_source:
                    self.link_requested.emit(self._link_source, ref)
            self._link_source = ()
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if self._press is not None:
            element, start, start_pos = self._press
            self._press = None
            moved = element.pos() - start_pos
            if abs(moved.x()) > 0.3 or abs(moved.y()) > 0.3:
                self.element_moved.emit(element.key, moved.x(), moved.y())
            elif (event.scenePos() - start).manhattanLength() < 1.0:
                self.element_clicked.emit(element.ref_at(element.mapFromScene(event.scenePos())))
        elif event.button() == Qt.MouseButton.LeftButton and self._element_at(event.scenePos()) is None:
            self.element_clicked.emit(())

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        element = self._element_at(event.scenePos())
        if element is not None:
            self.element_double_clicked.emit(element.key, element.ref_at(element.mapFromScene(event.scenePos())))
            event.accept()
            return
        super().mouseDoubleClickEvent(event)


class FigureView(QGraphicsView):
    """A view that fits the figure's width and zooms with Ctrl+wheel."""

    def __init__(self, scene: FigureScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self._zoom = 1.0

    def fit(self) -> None:
        """Scale so the whole figure shows (times the zoom factor)."""
        rect = self.scene().sceneRect()
        if rect.width() <= 0 or rect.height() <= 0:
            return
        width = max(self.viewport().width() - 4, 100)
        height = max(self.viewport().height() - 4, 100)
        factor = min(width / rect.width(), height / rect.height()) * self._zoom
        self.resetTransform()
        self.scale(factor, factor)

    def zoom(self, factor: float) -> None:
        self._zoom = max(0.25, min(8.0, self._zoom * factor))
        self.fit()

    def reset_zoom(self) -> None:
        self._zoom = 1.0
        self.fit()

    def wheelEvent(self, event: Any) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit()

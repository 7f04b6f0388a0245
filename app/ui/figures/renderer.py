"""The one renderer of figures: draws an app.core.process.layout.Figure with a QPainter whose
coordinates are millimetres, on the screen (the items of FigureScene call :func:`paint_item`), into SVG
(QSvgGenerator), PDF (QPdfWriter, fonts embedded) and PNG (QImage at a given dpi).

Text is drawn with a 100-pixel font under a scale to its size in mm, line by line as the layout
wrapped it, so its size is exact on every device; :func:`qt_measure` measures with the same font,
so the layout's line breaks fit what is drawn. Hinting is off for the same reason.
"""

from __future__ import annotations

import math
import os
from functools import lru_cache
from pathlib import Path as FilePath

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QPolygonF,
)
from PySide6.QtSvg import QSvgGenerator

from app.core.errors import GuijiError, InputFileError
from app.core.process.layout import (
    MM_PER_PT,
    Figure,
    Item,
    Measure,
    Path,
    Rect,
    Text,
    hatch_segments,
    line_height,
)

#: Chinese fonts in order of preference (journals' and systems' usual ones first).
PREFERRED_FAMILIES = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei", "PingFang SC",
    "Hiragino Sans GB", "Noto Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimSun",
)
_BASE_PX = 100
EXTENSIONS = (".svg", ".pdf", ".png")
DASH_MM = {
    "dash": (2.0, 1.0),
    "dot": (0.35, 0.7),
    "dashdot": (2.0, 0.8, 0.35, 0.8),
    "dashdotdot": (2.0, 0.7, 0.35, 0.7, 0.35, 0.7),
    "longdash": (3.6, 1.2),
}


def ensure_gui() -> QGuiApplication:
    """The application for drawing (offscreen when no platform was chosen), created once.

    A QApplication, not a bare QGuiApplication: a process (a test session, the desktop app) that
    draws a figure first may open widgets later, and Qt allows one application object per process.
    """
    app = QGuiApplication.instance()
    if app is None:
        from PySide6.QtWidgets import QApplication

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    assert isinstance(app, QGuiApplication)
    return app


def choose_family(preferred: str | None = None) -> str:
    """The font family to use: ``preferred`` (an error when it is not installed), else the first
    installed of :data:`PREFERRED_FAMILIES`, else any family with Simplified Chinese."""
    families = QFontDatabase.families()
    if preferred:
        for family in families:
            if family.lower() == preferred.strip().lower():
                return family
        chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        raise GuijiError(f"the font '{preferred}' is not installed; Chinese fonts found: "
                         f"{', '.join(chinese[:8]) or 'none'}")
    for family in PREFERRED_FAMILIES:
        if family in families:
            return family
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return chinese[0] if chinese else QFont().family()


@lru_cache(maxsize=32)
def _font(family: str, bold: bool) -> QFont:
    font = QFont(family)
    font.setPixelSize(_BASE_PX)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


@lru_cache(maxsize=32)
def _metrics(family: str, bold: bool) -> QFontMetricsF:
    return QFontMetricsF(_font(family, bold))


def qt_measure(family: str) -> Measure:
    """A text measure (text, size pt, bold) -> mm using the font the renderer draws with."""
    cache: dict[tuple[str, float, bool], float] = {}

    def measure(text: str, size: float, bold: bool = False) -> float:
        key = (text, size, bold)
        found = cache.get(key)
        if found is None:
            found = _metrics(family, bold).horizontalAdvance(text) / _BASE_PX * size * MM_PER_PT
            cache[key] = found
        return found

    return measure


def _color(value: str, opacity: float = 1.0) -> QColor:
    color = QColor(value)
    if opacity < 1.0:
        color.setAlphaF(opacity)
    return color


def _pen(color: str, width: float, dash: str = "solid", cap: Qt.PenCapStyle = Qt.PenCapStyle.FlatCap) -> QPen:
    pen = QPen(QColor(color))
    pen.setWidthF(width)
    pen.setCapStyle(cap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dash in DASH_MM and width > 0:
        pen.setDashPattern([v / width for v in DASH_MM[dash]])
    return pen


def paint_item(painter: QPainter, item: Item, family: str) -> None:
    """Draw one item; the painter's unit is the millimetre."""
    if isinstance(item, Rect):
        _paint_rect(painter, item)
    elif isinstance(item, Text):
        _paint_text(painter, item, family)
    else:
        _paint_path(painter, item)


def paint_figure(painter: QPainter, figure: Figure, family: str | None = None, *, background: bool = True) -> None:
    """Draw a whole figure (white background first) in millimetre coordinates."""
    family = family or figure.font_family or choose_family()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    if background:
        painter.fillRect(QRectF(0, 0, figure.width, figure.height), QColor("#FFFFFF"))
    for item in figure.items:
        paint_item(painter, item, family)


def _paint_rect(painter: QPainter, r: Rect) -> None:
    painter.save()
    painter.setOpacity(r.opacity)
    rect = QRectF(r.x, r.y, r.w, r.h)
    painter.setPen(Qt.PenStyle.NoPen)
    if r.fill:
        painter.setBrush(QBrush(QColor(r.fill)))
        if r.radius:
            painter.drawRoundedRect(rect, r.radius, r.radius)
        else:
            painter.drawRect(rect)
    if r.pattern != "none":
        segments = hatch_segments(r.x, r.y, r.w, r.h, r.pattern, 1.0 if r.pattern != "dots" else 0.9)
        dots = r.pattern == "dots"
        painter.setPen(_pen(r.pattern_color, 0.32 if dots else 0.12,
                            cap=Qt.PenCapStyle.RoundCap if dots else Qt.PenCapStyle.FlatCap))
        for x0, y0, x1, y1 in segments:
            if dots:
                painter.drawPoint(QPointF(x0, y0))
            else:
                painter.drawLine(QPointF(x0, y0), QPointF(x1, y1))
    if r.stroke:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(r.stroke, r.stroke_width, r.dash))
        if r.radius:
            painter.drawRoundedRect(rect, r.radius, r.radius)
        else:
            painter.drawRect(rect)
    painter.restore()


def _paint_text(painter: QPainter, t: Text, family: str) -> None:
    if not t.lines:
        return
    font = _font(family, t.bold)
    metrics = _metrics(family, t.bold)
    size_mm = t.size * MM_PER_PT
    k = size_mm / _BASE_PX
    lh = line_height(t.size)
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor(t.color))
    block = len(t.lines) * lh
    top = t.y + (t.h - block) / 2
    glyph_h = (metrics.ascent() + metrics.descent()) * k
    for i, line in enumerate(t.lines):
        width = metrics.horizontalAdvance(line) * k
        if t.align == "left":
            x = t.x
        elif t.align == "right":
            x = t.x + t.w - width
        else:
            x = t.x + (t.w - width) / 2
        baseline = top + i * lh + (lh - glyph_h) / 2 + metrics.ascent() * k
        painter.save()
        painter.translate(x, baseline)
        painter.scale(k, k)
        painter.drawText(QPointF(0, 0), line)
        painter.restore()
    painter.restore()


def painter_path(commands: tuple[tuple[object, ...], ...]) -> QPainterPath:
    path = QPainterPath()
    for cmd in commands:
        op, values = cmd[0], [float(v) for v in cmd[1:]]  # type: ignore[arg-type]
        if op == "M":
            path.moveTo(values[0], values[1])
        elif op == "L":
            path.lineTo(values[0], values[1])
        elif op == "C":
            path.cubicTo(values[0], values[1], values[2], values[3], values[4], values[5])
        elif op == "Z":
            path.closeSubpath()
    return path


def _end_direction(commands: tuple[tuple[object, ...], ...]) -> tuple[QPointF, float, float] | None:
    """The path's end point and the unit vector it arrives along."""
    points: list[tuple[float, float]] = []
    for cmd in commands:
        values = [float(v) for v in cmd[1:]]  # type: ignore[arg-type]
        points += list(zip(values[0::2], values[1::2], strict=True))
    if len(points) < 2:
        return None
    ex, ey = points[-1]
    for px, py in reversed(points[:-1]):
        d = math.hypot(ex - px, ey - py)
        if d > 1e-6:
            return QPointF(ex, ey), (ex - px) / d, (ey - py) / d
    return None


def _shortened(commands: tuple[tuple[object, ...], ...], by: float) -> tuple[tuple[object, ...], ...]:
    """The path with its last segment cut ``by`` mm short (so a line ends under its arrow head)."""
    if len(commands) < 2 or by <= 0:
        return commands
    last = commands[-1]
    prev = commands[-2]
    px, py = float(prev[-2]), float(prev[-1])  # type: ignore[arg-type]
    if last[0] == "L":
        ex, ey = float(last[1]), float(last[2])  # type: ignore[arg-type]
        d = math.hypot(ex - px, ey - py)
        if d <= by:
            return commands
        return (*commands[:-1], ("L", ex - (ex - px) * by / d, ey - (ey - py) * by / d))
    if last[0] == "C":
        p = [(px, py)] + [(float(last[i]), float(last[i + 1])) for i in (1, 3, 5)]  # type: ignore[arg-type]
        t = 1.0
        for _ in range(30):  # walk back along the curve until ``by`` away from its end
            t -= 0.01
            bx, by_ = _bezier(p, t)
            if math.hypot(p[3][0] - bx, p[3][1] - by_) >= by:
                break
        left = _split_left(p, t)
        return (*commands[:-1], ("C", *left[1], *left[2], *left[3]))
    return commands


def _bezier(p: list[tuple[float, float]], t: float) -> tuple[float, float]:
    u = 1 - t
    return (
        u**3 * p[0][0] + 3 * u * u * t * p[1][0] + 3 * u * t * t * p[2][0] + t**3 * p[3][0],
        u**3 * p[0][1] + 3 * u * u * t * p[1][1] + 3 * u * t * t * p[2][1] + t**3 * p[3][1],
    )


def _split_left(p: list[tuple[float, float]], t: float) -> list[tuple[float, float]]:
    def lerp(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
        return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)

    p01, p12, p23 = lerp(p[0], p[1]), lerp(p[1], p[2]), lerp(p[2], p[3])
    p012, p123 = lerp(p01, p12), lerp(p12, p23)
    return [p[0], p01, p012, lerp(p012, p123)]


def _paint_path(painter: QPainter, item: Path) -> None:
    painter.save()
    painter.setOpacity(item.opacity)
    end = _end_direction(item.commands) if item.head else None
    commands = item.commands
    if end is not None and item.head == "arrow":
        commands = _shortened(commands, item.head_size * 0.75)
    path = painter_path(commands)
    painter.setBrush(QBrush(QColor(item.fill)) if item.fill else Qt.BrushStyle.NoBrush)
    painter.setPen(_pen(item.stroke, item.width, item.dash) if item.stroke else Qt.PenStyle.NoPen)
    painter.drawPath(path)
    if end is not None and item.stroke:
        tip, ux, uy = end
        length = item.head_size
        half = length * 0.42
        base = QPointF(tip.x() - ux * length, tip.y() - uy * length)
        left = QPointF(base.x() - uy * half, base.y() + ux * half)
        right = QPointF(base.x() + uy * half, base.y() - ux * half)
        if item.head == "arrow":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(item.stroke)))
            painter.drawPolygon(QPolygonF([tip, left, right]))
        elif item.head == "open":
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(_pen(item.stroke, max(item.width, 0.3), cap=Qt.PenCapStyle.RoundCap))
            painter.drawPolyline(QPolygonF([left, tip, right]))
        elif item.head == "bar":
            painter.setPen(_pen(item.stroke, max(item.width, 0.35)))
            painter.drawLine(QPointF(tip.x() - uy * half * 1.3, tip.y() + ux * half * 1.3),
                             QPointF(tip.x() + uy * half * 1.3, tip.y() - ux * half * 1.3))
    painter.restore()


# --- files -------------------------------------------------------------------------------------

def pixel_size(figure: Figure, dpi: float) -> QSize:
    """The PNG size in pixels of a figure at ``dpi``."""
    return QSize(round(figure.width / 25.4 * dpi), round(figure.height / 25.4 * dpi))


def render_image(figure: Figure, dpi: float, family: str | None = None) -> QImage:
    """The figure as an image at ``dpi`` (white background), its resolution recorded in the image."""
    size = pixel_size(figure, dpi)
    if size.width() * size.height() > 400_000_000:
        raise GuijiError(f"{size.width()}×{size.height()} pixels is too large an image: lower the dpi")
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)
    painter = QPainter(image)
    try:
        painter.scale(dpi / 25.4, dpi / 25.4)
        paint_figure(painter, figure, family)
    finally:
        painter.end()
    return image


def _write_pdf(figure: Figure, path: str, family: str | None, title: str) -> None:
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QSizeF(figure.width, figure.height), QPageSize.Unit.Millimeter, "figure",
                                 QPageSize.SizeMatchPolicy.ExactMatch))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(1200)
    writer.setTitle(title)
    writer.setCreator("Guiji")
    painter = QPainter(writer)
    try:
        painter.scale(1200 / 25.4, 1200 / 25.4)
        paint_figure(painter, figure, family)
    finally:
        painter.end()


def _write_svg(figure: Figure, path: str, family: str | None, title: str) -> None:
    per_mm = 10  # resolution 254 dpi: the SVG's width and height come out in millimetres
    generator = QSvgGenerator()
    generator.setFileName(path)
    generator.setResolution(254)
    generator.setSize(QSize(math.ceil(figure.width * per_mm), math.ceil(figure.height * per_mm)))
    generator.setViewBox(QRectF(0, 0, figure.width * per_mm, figure.height * per_mm))
    generator.setTitle(title)
    generator.setDescription("Guiji figure")
    painter = QPainter(generator)
    try:
        painter.scale(per_mm, per_mm)
        paint_figure(painter, figure, family)
    finally:
        painter.end()


def export_figure(figure: Figure, out: str | FilePath, *, dpi: float = 600, family: str | None = None,
                  title: str = "") -> FilePath:
    """Write ``figure`` as .svg, .pdf or .png (by the extension), through a temporary file."""
    target = FilePath(out)
    suffix = target.suffix.lower()
    if suffix not in EXTENSIONS:
        raise InputFileError(target, "a figure is written as .svg, .pdf or .png")
    if dpi <= 0 or dpi > 2400:
        raise GuijiError(f"{dpi:g} dpi is not a usable resolution (1–2400)")
    ensure_gui()
    tmp = target.with_name(f".{target.stem}.part{suffix}")
    title = title or figure.kind
    try:
        if suffix == ".png":
            # The stubs say bytes for the format; PySide6 6.11 takes only str.
            if not render_image(figure, dpi, family).save(str(tmp), "PNG"):  # type: ignore[call-overload]
                raise InputFileError(target, "cannot be written")
        elif suffix == ".pdf":
            _write_pdf(figure, str(tmp), family, title)
        else:
            _write_svg(figure, str(tmp), family, title)
        if not tmp.exists() or tmp.stat().st_size == 0:
            raise InputFileError(target, "cannot be written (is the folder writable?)")
        tmp.replace(target)
    except OSError as exc:
        raise InputFileError(target, f"cannot be written ({exc.strerror or exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target


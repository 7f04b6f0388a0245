"""The figure model: rectangles, texts and paths in millimetres, computed from the data, drawn by one
Qt renderer (app/ui/figures/renderer.py) to the screen, SVG, PDF and PNG.

Everything here is plain data. A figure is laid out for its printed width (``width`` mm), with font
sizes in points, so what is computed is what is printed: text is measured (by a function the caller
passes — the renderer passes Qt's font metrics; :func:`approx_measure` stands in without Qt), wrapped
into lines here, and each line is drawn as computed. Items are drawn in order (later on top).

Every item has a ``key`` naming the figure element it belongs to (the key manual adjustments are
saved under, see app/core/process/adjustments.py; "" for decoration) and a ``ref`` saying what it
shows, for clicks: ``("box", stage_id, code_id)``, ``("transition", from_stage, from_code, to_stage,
to_code)``, ``("link", link_id)``, ``("coding", coding_id)``… Greyscale figures are decided here:
the renderer draws the colours and patterns it is given.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

MM_PER_PT = 25.4 / 72
LINE_SPACING = 1.25  # line height as a multiple of the font size
Measure = Callable[[str, float, bool], float]  # (text, size in pt, bold) -> width in mm
Ref = tuple[Any, ...]
PATTERNS = ("none", "diagonal", "cross", "dots", "horizontal", "vertical", "backdiagonal", "grid")
DASHES = ("solid", "dash", "dot", "dashdot", "dashdotdot", "longdash")


def approx_measure(text: str, size: float, bold: bool = False) -> float:
    """Text width in mm without a font: wide (CJK) characters are one em, others about half."""
    em = size * MM_PER_PT
    units = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.56 for ch in text)
    return units * em * (1.04 if bold else 1.0)


def line_height(size: float) -> float:
    """Height of one text line in mm for a font size in pt."""
    return size * MM_PER_PT * LINE_SPACING


_NO_LINE_START = set("，。、；：？！）》」』】〕”’,.;:?!)]}%·…—")
_NO_LINE_END = set("（《「『【〔“‘([{")


def _tokens(text: str) -> list[str]:
    """Break opportunities: each wide character alone, runs of other characters together."""
    out: list[str] = []
    prev_narrow = False
    for ch in text:
        if ch == " ":
            if out:
                out[-1] += ch
            else:
                out.append(ch)
            prev_narrow = False
            continue
        narrow = not _is_wide(ch)
        if narrow and prev_narrow:
            out[-1] += ch
        else:
            out.append(ch)
        prev_narrow = narrow
    # Keep closing punctuation with what precedes it and opening punctuation with what follows.
    merged: list[str] = []
    for tok in out:
        if merged and (tok[0] in _NO_LINE_START or merged[-1][-1] in _NO_LINE_END):
            merged[-1] += tok
        else:
            merged.append(tok)
    return merged


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def wrap(text: str, width: float, size: float, measure: Measure, *, bold: bool = False,
         max_lines: int | None = None, balanced: bool = False) -> list[str]:
    """Lines of ``text`` no wider than ``width`` mm (a single token wider than that gets its own line;
    explicit new lines are kept). With ``max_lines``, the last line ends in an ellipsis. ``balanced``
    evens out the lines (no lone character on the last line) without adding one."""
    lines = _wrap(text, width, size, measure, bold)
    if balanced and len(lines) > 1 and max_lines is None:
        low, high = width / 2, width
        for _ in range(12):  # the narrowest width that still gives as few lines
            mid = (low + high) / 2
            if len(_wrap(text, mid, size, measure, bold)) > len(lines):
                low = mid
            else:
                high = mid
        lines = _wrap(text, high, size, measure, bold)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and measure(last + "…", size, bold) > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines


def _wrap(text: str, width: float, size: float, measure: Measure, bold: bool) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for tok in _tokens(paragraph):
            candidate = current + tok
            if current and measure(candidate.rstrip(), size, bold) > width + 1e-6:
                lines.append(current.rstrip())
                current = tok.lstrip()
            else:
                current = candidate
        lines.append(current.rstrip())
    return lines


@dataclass(frozen=True)
class Rect:
    """A rectangle (optionally rounded), filled with a colour and/or a line pattern."""

    x: float
    y: float
    w: float
    h: float
    fill: str | None = None  # "#RRGGBB"
    stroke: str | None = None
    stroke_width: float = 0.2  # mm
    radius: float = 0.0
    pattern: str = "none"  # one of PATTERNS, drawn over the fill in ``pattern_color``
    pattern_color: str = "#000000"
    dash: str = "solid"
    opacity: float = 1.0
    key: str = ""
    ref: Ref = ()
    tip: str = ""  # tooltip on screen


@dataclass(frozen=True)
class Text:
    """Lines of text in a box ``(x, y, w, h)``: lines stacked, centred vertically, aligned horizontally."""

    x: float
    y: float
    w: float
    h: float
    lines: tuple[str, ...]
    size: float  # pt
    align: str = "center"  # left | center | right
    bold: bool = False
    color: str = "#000000"
    key: str = ""
    ref: Ref = ()
    tip: str = ""


@dataclass(frozen=True)
class Path:
    """A path of ``("M", x, y)``, ``("L", x, y)``, ``("C", x1, y1, x2, y2, x, y)`` and ``("Z",)``
    commands; stroked and/or filled; with an arrow head at its end when ``head`` is set."""

    commands: tuple[tuple[Any, ...], ...]
    stroke: str | None = "#000000"
    width: float = 0.25  # mm
    dash: str = "solid"
    fill: str | None = None
    opacity: float = 1.0
    head: str = ""  # "" | "arrow" | "bar" | "open"
    head_size: float = 1.6  # mm
    key: str = ""
    ref: Ref = ()
    tip: str = ""


Item = Rect | Text | Path


@dataclass(frozen=True)
class Figure:
    """A laid-out figure: ``width`` × ``height`` mm, its items in drawing order."""

    kind: str
    width: float
    height: float
    items: tuple[Item, ...]
    font_family: str = ""
    font_size: float = 8.0
    grayscale: bool = False
    notes: tuple[str, ...] = ()  # facts about what was left out or assumed (shown by the CLI and UI)
    meta: dict[str, Any] = field(default_factory=dict)

    def keys(self) -> list[str]:
        """The adjustable elements, in drawing order."""
        return list(dict.fromkeys(i.key for i in self.items if i.key))

    def items_of(self, key: str) -> list[Item]:
        """The items of one element."""
        return [i for i in self.items if i.key == key]


@dataclass(frozen=True)
class FigureOptions:
    """What every kind of figure takes."""

    width: float = 170.0  # mm
    font_size: float | None = None  # pt; None: 8 pt up to 100 mm wide, else 9 pt
    font_family: str = ""
    grayscale: bool = False
    measure: Measure = approx_measure
    lang: str = "zh"  # fixed labels and legends: "zh" or "en" (a figure is in one language)

    def say(self, zh: str, en: str) -> str:
        """The fixed text in the figure's language."""
        return en if self.lang == "en" else zh

    @property
    def size(self) -> float:
        if self.font_size is not None:
            return self.font_size
        return 8.0 if self.width <= 100 else 9.0


# --- colours and patterns ----------------------------------------------------------------------

def _rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    if len(value) != 6:
        return (128, 128, 128)
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _hex(r: float, g: float, b: float) -> str:
    return "#{:02X}{:02X}{:02X}".format(*(max(0, min(255, round(v))) for v in (r, g, b)))


def mix(color: str, other: str, amount: float) -> str:
    """``color`` moved ``amount`` (0–1) toward ``other``."""
    a, b = _rgb(color), _rgb(other)
    return _hex(*(x + (y - x) * amount for x, y in zip(a, b, strict=True)))


def lighten(color: str, amount: float) -> str:
    """``color`` mixed with white."""
    return mix(color, "#FFFFFF", amount)


def luminance(color: str) -> float:
    """Relative luminance 0 (black) – 1 (white)."""
    r, g, b = (v / 255 for v in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def gray(color: str) -> str:
    """The grey of the same luminance."""
    v = luminance(color) * 255
    return _hex(v, v, v)


def heat(value: float, grayscale: bool) -> str:
    """A sequential colour for 0–1: white to dark blue, or white to near black."""
    value = max(0.0, min(1.0, value))
    if grayscale:
        return mix("#FFFFFF", "#1A1A1A", value * 0.9)
    if value < 0.5:
        return mix("#F7FBFF", "#6BAED6", value * 2)
    return mix("#6BAED6", "#08306B", (value - 0.5) * 2)


def text_on(fill: str) -> str:
    """Black or white text, whichever reads on ``fill``."""
    return "#FFFFFF" if luminance(fill) < 0.45 else "#000000"


#: Distinct patterns for rows in greyscale, most legible first.
ROW_PATTERNS = ("none", "diagonal", "dots", "horizontal", "cross", "backdiagonal", "vertical", "grid")
ROW_GRAYS = ("#FFFFFF", "#E6E6E6", "#CCCCCC", "#F2F2F2", "#D9D9D9", "#BFBFBF", "#EDEDED", "#D0D0D0")
#: Stage fills in greyscale, light to dark (black text reads on all of them).
STAGE_GRAYS = ("#EDEDED", "#D4D4D4", "#BBBBBB", "#A3A3A3", "#8C8C8C", "#767676")


def hatch_segments(x: float, y: float, w: float, h: float, pattern: str, spacing: float = 1.2
                   ) -> list[tuple[float, float, float, float]]:
    """Line segments filling the rectangle with ``pattern`` (dots are returned as zero-length
    segments, drawn with a round cap), clipped to it exactly."""
    out: list[tuple[float, float, float, float]] = []
    if pattern in ("horizontal", "grid"):
        yy = y + spacing / 2
        while yy < y + h:
            out.append((x, yy, x + w, yy))
            yy += spacing
    if pattern in ("vertical", "grid"):
        xx = x + spacing / 2
        while xx < x + w:
            out.append((xx, y, xx, y + h))
            xx += spacing
    if pattern in ("diagonal", "cross"):
        out += _diagonals(x, y, w, h, spacing, rising=True)
    if pattern in ("backdiagonal", "cross"):
        out += _diagonals(x, y, w, h, spacing, rising=False)
    if pattern == "dots":
        row = 0
        yy = y + spacing / 2
        while yy < y + h:
            xx = x + spacing / 2 + (spacing / 2 if row % 2 else 0)
            while xx < x + w:
                out.append((xx, yy, xx, yy))
                xx += spacing
            yy += spacing
            row += 1
    return out


def _diagonals(x: float, y: float, w: float, h: float, spacing: float, *, rising: bool
               ) -> list[tuple[float, float, float, float]]:
    # Lines x + y = c (rising: bottom-left to top-right) or x - y = c, clipped to the rectangle.
    out = []
    step = spacing * math.sqrt(2)
    c = step / 2
    while c < w + h:
        # Along the line, parameter t from the rectangle's left/top edge.
        x0, y0 = (x + c, y) if c <= w else (x + w, y + c - w)
        x1, y1 = (x, y + c) if c <= h else (x + c - h, y + h)
        if rising:
            out.append((x0, y0, x1, y1))
        else:
            out.append((x + w - (x0 - x), y0, x + w - (x1 - x), y1))
        c += step
    return out


# --- helpers the figure builders share ---------------------------------------------------------

def text_block(x: float, y: float, w: float, text: str, size: float, measure: Measure, *,
               bold: bool = False, align: str = "center", color: str = "#000000", key: str = "",
               ref: Ref = (), max_lines: int | None = None, pad: float = 0.0) -> Text:
    """A Text of ``text`` wrapped to ``w`` mm (minus ``pad`` each side), as tall as its lines."""
    lines = wrap(text, max(w - 2 * pad, size * MM_PER_PT), size, measure, bold=bold, max_lines=max_lines)
    return Text(x, y, w, len(lines) * line_height(size), tuple(lines), size, align, bold, color, key, ref)


def moved(item: Item, dx: float, dy: float) -> Item:
    """The item shifted by (dx, dy)."""
    if dx == 0 and dy == 0:
        return item
    if isinstance(item, Path):
        commands = []
        for cmd in item.commands:
            values = list(cmd[1:])
            commands.append((cmd[0], *[v + (dx if i % 2 == 0 else dy) for i, v in enumerate(values)]))
        return replace(item, commands=tuple(commands))
    return replace(item, x=item.x + dx, y=item.y + dy)


def bounds(items: Sequence[Item]) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the items (paths by their control points)."""
    xs: list[float] = []
    ys: list[float] = []
    for item in items:
        if isinstance(item, Path):
            for cmd in item.commands:
                xs += [float(v) for v in cmd[1::2]]
                ys += [float(v) for v in cmd[2::2]]
        else:
            xs += [item.x, item.x + item.w]
            ys += [item.y, item.y + item.h]
    if not xs:
        return (0.0, 0.0, 0.0, 0.0)
    return (min(xs), min(ys), max(xs), max(ys))


def finish(kind: str, width: float, items: Sequence[Item], options: FigureOptions, *, margin: float = 1.0,
           notes: Sequence[str] = (), meta: dict[str, Any] | None = None) -> Figure:
    """A Figure ``width`` mm wide, as tall as its items need (items moved off the top are brought back)."""
    left, top, right, bottom = bounds(items)
    shift = margin - top if top < margin else 0.0
    placed = tuple(moved(i, 0.0, shift) for i in items) if shift else tuple(items)
    notes = list(notes)
    if left < -0.01 or right > width + 0.01:
        notes.append("some elements lie outside the figure's width and are cut off: move them back")
    return Figure(kind, width, bottom + shift + margin, placed, options.font_family, options.size,
                  options.grayscale, tuple(notes), meta or {})


def legend_entry_width(label: str, size: float, measure: Measure, swatch: float) -> float:
    """Width of one legend entry: swatch, gap, text, spacing."""
    return swatch + 1.2 + measure(label, size, False) + 3.0


def flow_legend(
    x: float, y: float, width: float, entries: Sequence[tuple[list[Item], str]], size: float, measure: Measure,
    *, swatch: float = 6.0,
) -> tuple[list[Item], float]:
    """Legend entries (swatch items drawn in a ``swatch`` × one-line box at the origin, and a label)
    flowed left to right in lines, a label too long for a line wrapped; returns the items and the height."""
    lh = line_height(size)
    items: list[Item] = []
    cx, cy, line_h = x, y, lh
    for swatch_items, label in entries:
        w = legend_entry_width(label, size, measure, swatch)
        if cx > x and cx + w > x + width:
            cx, cy, line_h = x, cy + line_h + 1.0, lh
        lines = wrap(label, x + width - cx - swatch - 1.2, size, measure)
        text_w = max(measure(line, size, False) for line in lines)
        items += [moved(i, cx, cy) for i in swatch_items]
        items.append(Text(cx + swatch + 1.2, cy, text_w + 0.5, len(lines) * lh, tuple(lines), size, "left"))
        line_h = max(line_h, len(lines) * lh)
        cx += swatch + 1.2 + text_w + 3.0
    return items, (cy - y) + line_h if entries else 0.0


def nice_ticks(high: float, most: int = 6) -> list[float]:
    """Round tick values from 0 to at least ``high`` (1, 2 or 5 times a power of ten apart)."""
    if high <= 0:
        return [0.0, 1.0]
    raw = high / max(most - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    count = math.ceil(high / step - 1e-9)
    return [i * step for i in range(count + 1)]

"""The saturation curve: new codes per document (bars) and the cumulative number of codes (a line),
documents in coding order — the rows of app.core.saturation, drawn."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from app.core.process.adjustments import Adjustment
from app.core.process.layout import (
    Figure,
    FigureOptions,
    Item,
    Path,
    Rect,
    Text,
    finish,
    flow_legend,
    line_height,
    moved,
    nice_ticks,
)
from app.core.saturation import SaturationRow

BAR = "#4E79A7"
LINE = "#E15759"


def saturation_figure(
    rows: Sequence[SaturationRow], adjustments: Mapping[str, Adjustment], options: FigureOptions,
    *, order: str = "coding",
) -> Figure:
    """Lay out the saturation curve of ``rows``."""
    size, measure, gray = options.size, options.measure, options.grayscale
    small = max(size - 1, 5.5)
    lh, slh, margin = line_height(size), line_height(small), 1.0
    width = options.width
    height = max(45.0, width * 0.5)
    top = margin + 1.0
    high = max([r.cumulative for r in rows] or [1])
    ticks = nice_ticks(high, 6)
    tick_w = max(measure(f"{t:g}", small, False) for t in ticks)
    y_title_w = lh + 0.5
    x0 = margin + y_title_w + tick_w + 1.8
    x1 = width - margin - 1.0
    y1 = top + height - 2 * slh - 4.0  # the x axis
    plot_h = y1 - top
    items: list[Item] = []
    span = ticks[-1] or 1.0

    def ypos(value: float) -> float:
        return y1 - plot_h * value / span

    for t in ticks:
        y = ypos(t)
        items.append(Path((("M", x0, y), ("L", x1, y)), stroke="#D9D9D9" if t else "#000000",
                          width=0.12 if t else 0.2))
        items.append(Text(x0 - tick_w - 1.5, y - slh / 2, tick_w + 0.5, slh, (f"{t:g}",), small, "right"))
    items.append(Path((("M", x0, top), ("L", x0, y1)), stroke="#000000", width=0.2))
    n = len(rows)
    slot = (x1 - x0) / max(n, 1)
    bar_w = min(slot * 0.6, 8.0)
    every = 1
    widest = max(measure(str(n), small, False), 0.0) + 1.0
    while every * slot < widest:
        every += 1
    points = []
    for i, r in enumerate(rows):
        cx = x0 + slot * (i + 0.5)
        ref = ("document", r.document)
        tip = f"{r.index}. {r.document}: +{r.new} → {r.cumulative}"
        if r.new:
            items.append(Rect(cx - bar_w / 2, ypos(r.new), bar_w, y1 - ypos(r.new),
                              fill="#BDBDBD" if gray else BAR, stroke="#000000" if gray else None,
                              stroke_width=0.15, key=f"document:{r.index}", ref=ref, tip=tip))
        if (i + 1) % every == 0 or i == 0:
            items.append(Path((("M", cx, y1), ("L", cx, y1 + 0.8)), stroke="#000000", width=0.2))
            items.append(Text(cx - slot * every / 2, y1 + 0.9, slot * every, slh, (str(r.index),), small))
        points.append((cx, ypos(r.cumulative), ref, tip))
    if points:
        commands = (("M", points[0][0], points[0][1]), *(("L", x, y) for x, y, _r, _t in points[1:]))
        items.append(Path(commands, stroke="#000000" if gray else LINE, width=0.35, dash="solid"))
        dot = min(1.6, max(0.8, slot * 0.35))
        for x, y, ref, tip in points:
            items.append(Rect(x - dot / 2, y - dot / 2, dot, dot, fill="#FFFFFF" if gray else LINE,
                              stroke="#000000" if gray else None, stroke_width=0.2, radius=dot / 2, ref=ref, tip=tip))
    x_title = (options.say("文档（按首次编码的时间排序）", "Documents (in the order they were first coded)")
               if order == "coding" else options.say("文档（按项目中的顺序）", "Documents (in project order)"))
    items.append(Text(x0, y1 + 1.0 + slh, x1 - x0, slh, (x_title,), small, "center", False, "#333333"))
    # One character per line: reads top to bottom beside the axis (in English the legend names it).
    y_title = tuple(options.say("编码数", "n"))
    items.append(Text(margin, top + (plot_h - len(y_title) * slh) / 2, y_title_w, len(y_title) * slh, y_title,
                      small, "center", False, "#333333"))
    bottom = y1 + 1.0 + 2 * slh + 1.5
    if not ("legend" in adjustments and adjustments["legend"].hidden):
        bar: list[Item] = [Rect(1.5, 0.3, 3.0, lh - 0.6, fill="#BDBDBD" if gray else BAR,
                                stroke="#000000" if gray else None, stroke_width=0.15)]
        line: list[Item] = [Path((("M", 0.3, lh / 2), ("L", 5.7, lh / 2)), stroke="#000000" if gray else LINE,
                                 width=0.35),
                            Rect(2.3, lh / 2 - 0.6, 1.2, 1.2, fill="#FFFFFF" if gray else LINE,
                                 stroke="#000000" if gray else None, stroke_width=0.2, radius=0.6)]
        entries = [(bar, options.say("新增编码数", "New codes")), (line, options.say("累计编码数", "Codes so far"))]
        legend, _h = flow_legend(x0, bottom, x1 - x0, entries, small, measure)
        adj = adjustments.get("legend")
        items += [replace(moved(i, adj.dx, adj.dy) if adj else i, key="legend", ref=("legend",)) for i in legend]
    notes = [] if rows else ["no document has codings yet"]
    return finish("saturation", width, items, options, notes=notes, meta={"documents": n, "codes": high})

"""The transition matrix as heat tables: one panel per pair of consecutive stages, the codes of stage k
as rows, those of stage k+1 as columns, each cell shaded by and labelled with its count (cases)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from app.core.process.adjustments import Adjustment
from app.core.process.data import ProcessData
from app.core.process.layout import (
    Figure,
    FigureOptions,
    Item,
    Rect,
    Text,
    finish,
    heat,
    line_height,
    moved,
    text_on,
    wrap,
)
from app.core.process.transitions import TransitionResult


def matrix_figure(
    data: ProcessData, result: TransitionResult, adjustments: Mapping[str, Adjustment], options: FigureOptions
) -> Figure:
    """Lay out the transition matrices."""
    size, measure, gray = options.size, options.measure, options.grayscale
    lh, margin, pad = line_height(size), 1.0, 0.6
    small = max(size - 1, 5.5)
    width = options.width
    notes: list[str] = []
    panels = [m for m in result.matrices() if m.rows and m.columns]
    if not panels:
        notes.append("no transitions between consecutive stages: the matrix is empty")
    most = max([c for m in panels for row in m.counts for c in row] or [1])
    items: list[Item] = []
    y = margin

    def label(key: str, text: str) -> str:
        adj = adjustments.get(key)
        return adj.label if adj is not None and adj.label is not None else text

    for m in panels:
        key = f"panel:{m.from_stage.id}>{m.to_stage.id}"
        if key in adjustments and adjustments[key].hidden:
            continue
        panel: list[Item] = []
        title = label(key, f"{m.from_stage.name} → {m.to_stage.name}")
        panel.append(Text(margin, y, width - 2 * margin, line_height(size + 1), (title,), size + 1, "left", True,
                          "#000000", key))
        top = y + line_height(size + 1) + 0.8
        names = [data.codes[c].name for c in m.rows]
        corner_text = f"{m.from_stage.name}＼{m.to_stage.name}"
        label_w = min(max([measure(x, size, False) for x in names] + [measure(corner_text, small, False)])
                      + 2 * pad, width * 0.3)
        cell_w = max(5.0, min(16.0, (width - 2 * margin - label_w) / len(m.columns)))
        columns = [wrap(data.codes[c].name, cell_w - 2 * pad * 0.5, small, measure) for c in m.columns]
        header_h = max(len(c) for c in columns) * line_height(small) + 1.0
        x0 = margin + label_w
        corner = wrap(corner_text, label_w - pad, small, measure)
        header_h = max(header_h, len(corner) * line_height(small) + 1.0)
        panel.append(Text(margin, top, label_w - pad, header_h, tuple(corner), small, "left", False, "#555555", key))
        for j, lines in enumerate(columns):
            panel.append(Text(x0 + j * cell_w, top, cell_w, header_h, tuple(lines), small, "center", False,
                              "#000000", key))
        cell_h = max(lh + 1.2, 4.5)
        ry = top + header_h
        for i, code_id in enumerate(m.rows):
            lines = wrap(data.codes[code_id].name, label_w - 2 * pad, size, measure)
            h = max(cell_h, len(lines) * lh + 0.8)
            panel.append(Text(margin, ry, label_w - pad, h, tuple(lines), size, "left", False, "#000000", key))
            for j, count in enumerate(m.counts[i]):
                fill = heat(count / most, gray) if count else "#FFFFFF"
                ref = ("transition", m.from_stage.id, code_id, m.to_stage.id, m.columns[j])
                tip = f"{m.from_stage.name} {data.codes[code_id].path} → {m.to_stage.name} " \
                      f"{data.codes[m.columns[j]].path}: {count}"
                panel.append(Rect(x0 + j * cell_w, ry, cell_w, h, fill=fill, stroke="#BFBFBF", stroke_width=0.12,
                                  key=key, ref=ref, tip=tip))
                if count:
                    panel.append(Text(x0 + j * cell_w, ry, cell_w, h, (str(count),), small, "center", False,
                                      text_on(fill), key, ref, tip))
            ry += h
        adj = adjustments.get(key)
        items += [moved(i, adj.dx, adj.dy) if adj else i for i in panel]
        y = ry + 4.0
    if panels and not ("legend" in adjustments and adjustments["legend"].hidden):
        steps = min(most, 6)
        values = sorted({round(most * s / steps) for s in range(1, steps + 1)})
        caption = options.say("单元格：出现该转换的案例数", "Cell: cases with this transition")
        caption_w = measure(caption, small, False) + 0.5
        legend: list[Item] = [Text(margin, y, caption_w, lh, (caption,), small, "left")]
        lx = margin + caption_w + 1.5
        for v in values:
            fill = heat(v / most, gray)
            legend += [Rect(lx, y + 0.4, 5.0, lh - 0.8, fill=fill, stroke="#BFBFBF", stroke_width=0.12),
                       Text(lx, y, 5.0, lh, (str(v),), small, "center", False, text_on(fill))]
            lx += 5.4
        adj = adjustments.get("legend")
        items += [replace(moved(i, adj.dx, adj.dy) if adj else i, key="legend", ref=("legend",)) for i in legend]
    return finish("matrix", width, items, options, notes=notes, meta={"panels": len(panels)})

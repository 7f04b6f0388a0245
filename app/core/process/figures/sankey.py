"""The stage-transition flow (Sankey / alluvial): stages as columns, the codes of each stage as nodes,
ribbons between codes of consecutive stages as wide as the number of cases with that transition.

A node is as tall as the larger of its incoming and outgoing flows (at least its label), so every
ribbon fits on its side; ribbons leave and enter a node ordered by where their other end lies, which
keeps crossings down. Nodes within a column follow the code tree, so the dimensions stay together.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from app.core.process.adjustments import Adjustment
from app.core.process.data import ProcessData
from app.core.process.layout import (
    ROW_GRAYS,
    Figure,
    FigureOptions,
    Item,
    Path,
    Rect,
    Text,
    finish,
    flow_legend,
    lighten,
    line_height,
    mix,
    moved,
    wrap,
)
from app.core.process.transitions import TransitionResult


def sankey_figure(
    data: ProcessData,
    result: TransitionResult,
    adjustments: Mapping[str, Adjustment],
    options: FigureOptions,
    *,
    min_count: int = 1,
    min_transition: int = 1,
) -> Figure:
    """Lay out the flow of codes from stage to stage."""
    size, measure, gray = options.size, options.measure, options.grayscale
    lh, pad, margin = line_height(size), 0.8, 1.0
    notes: list[str] = []

    def hidden(key: str) -> bool:
        return key in adjustments and adjustments[key].hidden

    def label(key: str, text: str) -> str:
        adj = adjustments.get(key)
        return adj.label if adj is not None and adj.label is not None else text

    n = len(data.stages)
    counts = result.box_counts()
    nodes: dict[int, list[int]] = {k: [] for k in range(n)}
    for (k, code_id), count in counts.items():
        if count >= min_count and not hidden(f"node:{code_id}@{data.stages[k].id}"):
            nodes[k].append(code_id)
    for ids in nodes.values():
        ids.sort(key=lambda c: data.codes[c].order)
    order = data.stage_index()
    flows = [t for t in result.transitions if t.count >= min_transition
             and t.from_code_id in nodes[order[t.from_stage_id]] and t.to_code_id in nodes[order[t.to_stage_id]]
             and not hidden(_ribbon_key(t))]
    if not any(nodes.values()):
        notes.append("no coding has a stage yet: the flow is empty")
    inflow: dict[tuple[int, int], int] = {}
    outflow: dict[tuple[int, int], int] = {}
    for t in flows:
        a, b = (order[t.from_stage_id], t.from_code_id), (order[t.to_stage_id], t.to_code_id)
        outflow[a] = outflow.get(a, 0) + t.count
        inflow[b] = inflow.get(b, 0) + t.count

    width = options.width
    header_lines = {k: wrap(label(f"stage:{s.id}", s.name), width / max(n, 1) - 2, size + 1, measure, bold=True)
                    for k, s in enumerate(data.stages)}
    gap_min = max(10.0, width * 0.08)
    node_w = (width - 2 * margin - (n - 1) * gap_min) / max(n, 1)
    names = {c: label(f"node:{c}@{data.stages[k].id}", data.codes[c].name) for k in nodes for c in nodes[k]}
    widest = max([measure(x, size, False) for x in names.values()] or [10.0])
    node_w = max(min(node_w, widest + 2 * pad + 0.5), 2 * size * 0.3528 + 2 * pad)
    gap = (width - 2 * margin - n * node_w) / max(n - 1, 1)
    xs = [margin + k * (node_w + gap) for k in range(n)]
    wrapped = {c: wrap(names[c], node_w - 2 * pad, size, measure) for c in names}
    small = max(size - 1.5, 5.0)

    def label_h(k: int, c: int) -> float:
        return len(wrapped[c]) * lh + line_height(small) + 2 * pad * 0.6

    def value(k: int, c: int) -> int:
        return max(inflow.get((k, c), 0), outflow.get((k, c), 0))

    spacing = 1.6
    target = max(60.0, width * 0.62)

    def column_height(scale: float, k: int) -> float:
        return sum(max(label_h(k, c), value(k, c) * scale) for c in nodes[k]) + spacing * max(0, len(nodes[k]) - 1)

    lo, hi = 0.0, 40.0
    for _ in range(40):  # the largest scale that keeps the tallest column within the target height
        mid = (lo + hi) / 2
        if max([column_height(mid, k) for k in range(n)] or [0.0]) <= target:
            lo = mid
        else:
            hi = mid
    scale = lo
    top = margin + max([len(v) for v in header_lines.values()] or [1]) * line_height(size + 1) + 2.0
    tallest = max([column_height(scale, k) for k in range(n)] or [0.0])
    items: list[Item] = []
    boxes: dict[tuple[int, int], tuple[float, float, float, float]] = {}
    for k, stage in enumerate(data.stages):
        key = f"stage:{stage.id}"
        if not hidden(key):
            lines = header_lines[k]
            text = Text(xs[k] - gap / 2 if 0 < k < n - 1 else xs[k], margin, node_w + (gap if 0 < k < n - 1 else 0),
                        len(lines) * line_height(size + 1), tuple(lines), size + 1,
                        "center" if 0 < k < n - 1 else ("left" if k == 0 else "right"), True, "#000000", key,
                        ("stage", stage.id))
            if n == 1:
                text = replace(text, align="center")
            items.append(_shift(text, adjustments.get(key)))
        y = top + (tallest - column_height(scale, k)) / 2
        for c in nodes[k]:
            h = max(label_h(k, c), value(k, c) * scale)
            key = f"node:{c}@{stage.id}"
            adj = adjustments.get(key)
            dx, dy = (adj.dx, adj.dy) if adj else (0.0, 0.0)
            boxes[(k, c)] = (xs[k] + dx, y + dy, node_w, h)
            y += h + spacing
    ribbons = _ribbons(data, flows, boxes, order, scale, gray)
    for (k, c), (x, y, w, h) in boxes.items():
        stage = data.stages[k]
        key = f"node:{c}@{stage.id}"
        row = data.top(c)
        color = row.color or "#808080"
        row_index = [r.id for r in data.codes.values() if r.parent_id is None].index(row.id)
        fill = ROW_GRAYS[row_index % len(ROW_GRAYS)] if gray else lighten(color, 0.55)
        if gray and fill == "#FFFFFF":
            fill = "#F4F4F4"
        stroke = "#000000" if gray else mix(color, "#000000", 0.1)
        ref = ("box", stage.id, c)
        tip = f"{stage.name} · {data.codes[c].path}: {counts.get((k, c), 0)}"
        lines = wrapped[c]
        block = len(lines) * lh + line_height(small)
        ty = y + (h - block) / 2
        items += [
            Rect(x, y, w, h, fill=fill, stroke=stroke, stroke_width=0.25, radius=0.5, key=key, ref=ref, tip=tip),
            Text(x, ty, w, len(lines) * lh, tuple(lines), size, "center", False, "#000000", key, ref, tip),
            Text(x, ty + len(lines) * lh, w, line_height(small), (f"n={counts.get((k, c), 0)}",), small, "center",
                 False, "#333333", key, ref, tip),
        ]
    bottom = max([b[1] + b[3] for b in boxes.values()] or [top])
    low = min([t.count for t in flows] or [0])
    high = max([t.count for t in flows] or [0])
    if high and not hidden("legend"):
        swatch: list[Item] = [Rect(0.2, 0.3, 5.6, lh - 0.6, fill="#7F7F7F", opacity=0.45)]
        span = f"{low}" if low == high else f"{low}–{high}"
        legend, _h = flow_legend(margin, bottom + 2.0, width - 2 * margin, [
            (swatch, options.say(f"色带宽度：出现该转换的案例数（{span}）；节点内 n：该阶段的编码次数",
                                 f"Band width: cases with this transition ({span}); n in a node: its codings "
                                 "in the stage"))], max(size - 1, 5.5), measure)
        adj = adjustments.get("legend")
        items += [_shift(replace(i, key="legend", ref=("legend",)), adj) for i in legend]
    meta: dict[str, Any] = {"nodes": sum(len(v) for v in nodes.values()), "ribbons": len(ribbons)}
    return finish("sankey", width, ribbons + items, options, notes=notes, meta=meta)


def _ribbon_key(t: Any) -> str:
    return f"transition:{t.from_code_id}@{t.from_stage_id}>{t.to_code_id}@{t.to_stage_id}"


def _shift(item: Item, adj: Adjustment | None) -> Item:
    return moved(item, adj.dx, adj.dy) if adj is not None else item


def _ribbons(data: ProcessData, flows: list[Any], boxes: dict[tuple[int, int], tuple[float, float, float, float]],
             order: dict[int, int], scale: float, gray: bool) -> list[Item]:
    def center(key: tuple[int, int]) -> float:
        return boxes[key][1] + boxes[key][3] / 2

    leaving: dict[tuple[int, int], list[Any]] = {}
    entering: dict[tuple[int, int], list[Any]] = {}
    for t in flows:
        leaving.setdefault((order[t.from_stage_id], t.from_code_id), []).append(t)
        entering.setdefault((order[t.to_stage_id], t.to_code_id), []).append(t)
    start: dict[int, float] = {}
    end: dict[int, float] = {}
    for key, group in leaving.items():
        group.sort(key=lambda t: center((order[t.to_stage_id], t.to_code_id)))
        total = sum(t.count for t in group) * scale
        y = center(key) - total / 2
        for t in group:
            start[id(t)] = y
            y += t.count * scale
    for key, group in entering.items():
        group.sort(key=lambda t: center((order[t.from_stage_id], t.from_code_id)))
        total = sum(t.count for t in group) * scale
        y = center(key) - total / 2
        for t in group:
            end[id(t)] = y
            y += t.count * scale
    out: list[Item] = []
    for t in flows:
        a = boxes[(order[t.from_stage_id], t.from_code_id)]
        b = boxes[(order[t.to_stage_id], t.to_code_id)]
        x0, x1 = a[0] + a[2], b[0]
        y0, y1, th = start[id(t)], end[id(t)], t.count * scale
        mid = (x1 - x0) / 2
        commands = (("M", x0, y0), ("C", x0 + mid, y0, x1 - mid, y1, x1, y1), ("L", x1, y1 + th),
                    ("C", x1 - mid, y1 + th, x0 + mid, y0 + th, x0, y0 + th), ("Z",))
        color = "#6E6E6E" if gray else (data.top(t.from_code_id).color or "#808080")
        tip = f"{t.from_stage} {t.from_code} → {t.to_stage} {t.to_code}: {t.count} ({', '.join(t.cases)})"
        out.append(Path(commands, stroke=None, fill=color, opacity=0.38 if gray else 0.42, key=_ribbon_key(t),
                        ref=("transition", t.from_stage_id, t.from_code_id, t.to_stage_id, t.to_code_id), tip=tip))
    return out

"""The timeline: stages as columns, dimensions as rows, codes as boxes in the cells, transitions and
links as arrows, and the outcome of each row — seed 000's figure, computed from the codings.

Boxes show the codes at ``box_level`` (the codes under the dimensions by default) with the number of
codings in that stage as a bar and a number. Transition arrows join boxes of consecutive stages; their
width grows with the number of cases (units) in which the transition occurs. Link arrows are the
researcher's action-logic links, their dash pattern saying the relation type. A row's outcome comes
from, in order: the label the researcher gave it on the figure, the framework recorded by the
project's template (its cells, or its stages' outcomes), or a link from one of the row's codes to an
outcome-level code.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from app.core.errors import ValidationError
from app.core.process.adjustments import Adjustment
from app.core.process.data import ProcessData, resolve_level
from app.core.process.figures.outcomes import is_outcome, last_name, outcomes_for
from app.core.process.figures.routing import Box, Ports, curve, orthogonal, width_for
from app.core.process.layout import (
    MM_PER_PT,
    ROW_GRAYS,
    ROW_PATTERNS,
    STAGE_GRAYS,
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
    text_on,
    wrap,
)
from app.core.process.links import LinkInfo, relation_label, relation_style
from app.core.process.transitions import TransitionResult


@dataclass(frozen=True)
class TimelineOptions:
    """Timeline settings beyond the common figure options."""

    row_level: str = "0"
    min_count: int = 1  # boxes with fewer codings are left out
    min_transition: int | None = None  # arrows in fewer units are left out; None: half the units
    max_arrows: int = 40  # at most this many transition arrows, the strongest (a figure stays legible)
    transitions: bool = True
    links: bool = True
    outcomes: bool = True
    legend: bool = True
    row_header: str = "维度"
    outcome_header: str = "成效"


def auto_min_transition(units: int) -> int:
    """The default threshold for transition arrows: present in at least half the traced units."""
    return max(1, (units + 1) // 2)


def timeline_figure(
    data: ProcessData,
    result: TransitionResult,
    links: Sequence[LinkInfo],
    adjustments: Mapping[str, Adjustment],
    options: FigureOptions,
    timeline: TimelineOptions | None = None,
) -> Figure:
    """Lay out the timeline; ``result`` holds the transitions at the boxes' level."""
    t = timeline or TimelineOptions()
    if options.lang == "en":  # the default headers in English; headers the caller chose stay
        t = replace(t, row_header="Dimension" if t.row_header == "维度" else t.row_header,
                    outcome_header="Outcome" if t.outcome_header == "成效" else t.outcome_header)
    if not data.stages:
        raise ValidationError("the project has no stages: define stages before drawing a timeline",
                              code="timeline.no_stages")
    return _Timeline(data, result, links, adjustments, options, t).build()


class _Timeline:
    def __init__(self, data: ProcessData, result: TransitionResult, links: Sequence[LinkInfo],
                 adjustments: Mapping[str, Adjustment], options: FigureOptions, t: TimelineOptions) -> None:
        self.data, self.result, self.links, self.adj, self.o, self.t = data, result, links, adjustments, options, t
        self.size = options.size
        self.em = self.size * MM_PER_PT
        self.lh = line_height(self.size)
        self.pad = 0.9
        self.gutter = max(6.0, 2.6 * self.em)
        self.gray = options.grayscale
        self.notes: list[str] = []
        self.anchors: dict[str, Box] = {}
        self.items: list[Item] = []
        self.arrows: list[Item] = []
        self.backgrounds: list[Item] = []
        self.labels: list[Item] = []  # on top of everything: evidence summaries of links
        self.counts = result.box_counts()
        self.most = max(self.counts.values(), default=1)
        self.transition_range = (0, 0, 0)
        self.capped = False

    # --- adjustments -------------------------------------------------------------------------
    def hidden(self, key: str) -> bool:
        adj = self.adj.get(key)
        return adj is not None and adj.hidden

    def label(self, key: str, computed: str) -> str:
        adj = self.adj.get(key)
        return adj.label if adj is not None and adj.label is not None else computed

    def place(self, key: str, items: list[Item], anchor: Box) -> None:
        """Add an element's items, moved by its adjustment, and remember where it ended up."""
        adj = self.adj.get(key)
        dx, dy = (adj.dx, adj.dy) if adj is not None else (0.0, 0.0)
        self.items += [moved(i, dx, dy) for i in items]
        self.anchors[key] = (anchor[0] + dx, anchor[1] + dy, anchor[2], anchor[3])

    # --- data --------------------------------------------------------------------------------
    def cells(self) -> tuple[list[int], dict[tuple[int, int], list[tuple[int, int]]]]:
        counts = self.counts
        data = self.data
        cells: dict[tuple[int, int], list[tuple[int, int]]] = {}  # (row, stage index) -> [(code, n)]
        for (k, code_id), n in counts.items():
            if n < self.t.min_count or is_outcome(data, code_id):
                continue
            stage = data.stages[k]
            if self.hidden(f"box:{code_id}@{stage.id}"):
                continue
            row = resolve_level(data, code_id, self.t.row_level)
            if self.hidden(f"row:{row}"):
                continue
            cells.setdefault((row, k), []).append((code_id, n))
        for boxes in cells.values():
            boxes.sort(key=lambda b: data.codes[b[0]].order)
        rows = sorted({r for r, _k in cells}, key=lambda r: data.codes[r].order)
        return rows, cells

    def row_color(self, row: int) -> str:
        return self.data.codes[row].color or "#808080"

    # --- build -------------------------------------------------------------------------------
    def build(self) -> Figure:
        data, o, t = self.data, self.o, self.t
        rows, cells = self.cells()
        if not rows:
            self.notes.append("no coding has a stage yet: the timeline is empty")
        outcomes = outcomes_for(data, rows, self.links) if t.outcomes else {}
        for row in rows:
            key = f"outcome:{row}"
            adj = self.adj.get(key)
            if adj is not None and adj.label and row not in outcomes:
                outcomes[row] = (adj.label, "")
        outcomes = {r: v for r, v in outcomes.items() if not self.hidden(f"outcome:{r}")}
        end_state = last_name(str(data.framework.get("end_state", ""))) if outcomes else ""
        if self.hidden("end"):
            end_state = ""
        n = len(data.stages)
        margin, size = 1.0, self.size
        width = o.width
        row_labels = {r: self.label(f"row:{r}", data.codes[r].name) for r in rows}
        outcome_names = [self.label(f"outcome:{r}", v[0]) for r, v in outcomes.items()]
        box_names = {self.data.codes[c].name for boxes in cells.values() for c, _n in boxes}
        want = min(max([o.measure(x, size, False) for x in box_names] or [0.0]), 6 * self.em)
        for mode in range(3):
            compact = mode > 0
            if compact:  # narrow figures: thinner gutters, row (and then outcome) labels wrapped
                self.pad, self.gutter = 0.6, max(3.6, 1.3 * self.em)
            widest = max([o.measure(x, size, True) for x in [*row_labels.values(), t.row_header]] or [10.0])
            header_w = min(widest + 2 * self.pad, 0.18 * width, 2 * self.em + 2 * self.pad if compact else width)
            header_w = max(header_w, 2 * self.em + 2 * self.pad)
            end_w = self.em + 2 * self.pad + 0.6 if end_state else 0.0
            outcome_w = 0.0
            if outcomes:
                widest = max(o.measure(x, size, True) for x in outcome_names)
                outcome_w = min(max(widest + 2 * self.pad, 4 * self.em), 0.2 * width)
                if mode == 2:
                    outcome_w = min(outcome_w, 3 * self.em + 2 * self.pad)
            fixed = 2 * margin + header_w + 2.0 + (n - 1) * self.gutter
            fixed += (self.gutter + outcome_w) if outcomes else 0.0
            fixed += (self.gutter * 0.7 + end_w) if end_state else 0.0
            col_w = (width - fixed) / n
            if col_w >= want + 1.2 + 2 * self.pad:
                break
        if col_w < 2 * self.em + 1.2 + 2 * self.pad:
            raise ValidationError(
                f"{width:g} mm is too narrow for {n} stages at {size:g} pt: use a wider figure or a smaller font",
                code="figure.too_narrow", params={"width": f"{width:g}", "n": n, "size": f"{size:g}"},
            )
        x_header = margin
        col_x = [margin + header_w + 2.0 + k * (col_w + self.gutter) for k in range(n)]
        x_outcome = col_x[-1] + col_w + self.gutter
        x_end = (x_outcome + outcome_w if outcomes else col_x[-1] + col_w) + self.gutter * 0.7

        y = margin
        y = self.stage_headers(col_x, col_w, y, x_header, header_w, x_outcome if outcomes else None, outcome_w)
        y += 2.0
        row_top: dict[int, float] = {}
        row_h: dict[int, float] = {}
        box_geometry: dict[str, Box] = {}
        row_gap = 2.6
        for i, row in enumerate(rows):
            layout = {k: self.stack(cells.get((row, k), []), col_w, data.stages[k].id) for k in range(n)}
            content = max([sum(h for _c, _n, h, _l in boxes) + 1.2 * max(0, len(boxes) - 1)
                           for boxes in layout.values()] or [0.0])
            label_lines = wrap(row_labels[row], header_w - 2 * self.pad, size, o.measure, bold=True, balanced=True)
            need = max(content, len(label_lines) * self.lh)
            if row in outcomes:
                need = max(need, self.outcome_height(row, outcomes[row], outcome_w))
            h = need + 2 * 1.6
            row_top[row], row_h[row] = y, h
            self.row_band(i, row, y, h, x_header, header_w, label_lines, col_x[-1] + col_w)
            for k, boxes in layout.items():
                by = y + 1.6 + (need - (sum(b[2] for b in boxes) + 1.2 * max(0, len(boxes) - 1))) / 2
                for code_id, count, bh, lines in boxes:
                    stage = data.stages[k]
                    key = f"box:{code_id}@{stage.id}"
                    geometry = (col_x[k] + 0.6, by, col_w - 1.2, bh)
                    self.code_box(i, row, key, geometry, lines, count, ("box", stage.id, code_id))
                    box_geometry[key] = self.anchors[key]
                    by += bh + 1.2
            if row in outcomes:
                self.outcome_box(i, row, outcomes[row], x_outcome, y, h, outcome_w, col_x[-1] + col_w)
            y += h + row_gap
        if end_state and rows:
            self.end_box(end_state, x_end, row_top[rows[0]], y - row_gap - row_top[rows[0]], end_w,
                         [r for r in rows if f"outcome:{r}" in self.anchors])
        channels = [row_top[r] - row_gap / 2 for r in rows] + [y - row_gap / 2]
        self.route(rows, cells, col_x, col_w, channels)
        items = self.backgrounds + self.arrows + self.items + self.labels  # arrows under the boxes they join
        if t.legend:
            legend, _h = self.legend(margin, y + 1.0, width - 2 * margin)
            adj = self.adj.get("legend")
            if not self.hidden("legend"):
                items += [moved(i, adj.dx, adj.dy) if adj else i for i in legend]
        meta: dict[str, Any] = {"rows": [data.codes[r].path for r in rows],
                                "stages": [s.name for s in data.stages],
                                "outcomes": {data.codes[r].path: outcomes[r][0] for r in outcomes}}
        return finish("timeline", width, items, o, notes=self.notes, meta=meta)

    # --- pieces ------------------------------------------------------------------------------
    def stage_headers(self, col_x: list[float], col_w: float, y: float, x_header: float, header_w: float,
                      x_outcome: float | None, outcome_w: float) -> float:
        data, size, o = self.data, self.size, self.o
        slogans = {str(s.get("name")): str(s.get("slogan", "")) for s in data.framework.get("stages", []) or []
                   if isinstance(s, dict)}
        blocks = []
        for k, stage in enumerate(data.stages):
            key = f"stage:{stage.id}"
            name = self.label(key, stage.name)
            lines = wrap(name, col_w - 2 * self.pad, size + 1, o.measure, bold=True)
            sub = slogans.get(stage.name, "")
            sub_lines = wrap(sub, col_w - 2 * self.pad, size - 1, o.measure) if sub else []
            blocks.append((k, stage, key, lines, sub_lines))
        h = max(len(b[3]) * line_height(size + 1) + len(b[4]) * line_height(size - 1) for b in blocks)
        h += 2 * self.pad
        tip = min(2.8, self.gutter * 0.45)
        for k, stage, key, lines, sub_lines in blocks:
            fill = STAGE_GRAYS[min(k, len(STAGE_GRAYS) - 1)] if self.gray else stage.color or "#888888"
            x = col_x[k]
            w = col_w + (tip if k < len(data.stages) - 1 else 0.0)
            notch = tip if k > 0 else 0.0
            pts = [(x, y), (x + w - tip, y), (x + w, y + h / 2), (x + w - tip, y + h), (x, y + h),
                   (x + notch, y + h / 2)]
            if k == len(data.stages) - 1:
                pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x + notch, y + h / 2)]
            commands = (("M", *pts[0]), *(("L", *p) for p in pts[1:]), ("Z",))
            color = text_on(fill)
            items: list[Item] = [Path(commands, stroke=None, fill=fill, key=key, ref=("stage", stage.id),
                                      tip=stage.description)]
            th = len(lines) * line_height(size + 1) + len(sub_lines) * line_height(size - 1)
            ty = y + (h - th) / 2
            items.append(Text(x + notch, ty, col_w - notch, len(lines) * line_height(size + 1), tuple(lines),
                              size + 1, "center", True, color, key, ("stage", stage.id)))
            if sub_lines:
                items.append(Text(x + notch, ty + len(lines) * line_height(size + 1), col_w - notch,
                                  len(sub_lines) * line_height(size - 1), tuple(sub_lines), size - 1, "center",
                                  False, color, key, ("stage", stage.id)))
            self.place(key, items, (x, y, w, h))
        header = self.label("header:rows", self.t.row_header)
        if header and not self.hidden("header:rows"):
            self.place("header:rows", [Text(x_header, y, header_w, h, (header,), size, "center", True,
                                            "#000000", "header:rows")], (x_header, y, header_w, h))
        if x_outcome is not None:
            header = self.label("header:outcomes", self.t.outcome_header)
            if header and not self.hidden("header:outcomes"):
                self.place("header:outcomes", [Text(x_outcome, y, outcome_w, h, (header,), size, "center", True,
                                                    "#000000", "header:outcomes")], (x_outcome, y, outcome_w, h))
        return y + h

    def stack(self, boxes: list[tuple[int, int]], col_w: float, stage_id: int
              ) -> list[tuple[int, int, float, list[str]]]:
        out = []
        for code_id, count in boxes:
            label = self.label(f"box:{code_id}@{stage_id}", self.data.codes[code_id].name)
            lines = wrap(label, col_w - 1.2 - 2 * self.pad, self.size, self.o.measure, balanced=True)
            h = len(lines) * self.lh + 2 * self.pad + 0.9 * self.lh
            out.append((code_id, count, h, lines))
        return out

    def code_box(self, i: int, row: int, key: str, g: Box, lines: list[str], count: int, ref: tuple[Any, ...]
                 ) -> None:
        x, y, w, h = g
        color = self.row_color(row)
        stroke = "#000000" if self.gray else mix(color, "#000000", 0.15)
        most = self.most
        small = max(self.size - 1.5, 5.0)
        count_text = str(count)
        count_w = self.o.measure(count_text, small, False) + 0.4
        bar_max = max(1.0, w - 2 * self.pad - count_w - 0.6)
        bar_len = max(0.6, bar_max * count / most)
        bar_h = 0.9 * self.lh * 0.55
        bar_y = y + h - self.pad - 0.9 * self.lh / 2 - bar_h / 2
        tip = f"{self.data.codes[ref[2]].path} · {count}"
        items: list[Item] = [
            Rect(x, y, w, h, fill="#FFFFFF", stroke=stroke, stroke_width=0.25, radius=0.8, key=key, ref=ref,
                 tip=tip),
            Text(x, y + self.pad, w, len(lines) * self.lh, tuple(lines), self.size, "center", False, "#000000",
                 key, ref, tip),
        ]
        if self.gray:
            items.append(Rect(x + self.pad, bar_y, bar_len, bar_h, fill="#FFFFFF", stroke="#000000",
                              stroke_width=0.15, pattern=ROW_PATTERNS[i % len(ROW_PATTERNS)] if i else "none",
                              pattern_color="#000000", key=key, ref=ref))
            if i == 0:
                items[-1] = Rect(x + self.pad, bar_y, bar_len, bar_h, fill="#404040", key=key, ref=ref)
        else:
            items.append(Rect(x + self.pad, bar_y, bar_len, bar_h, fill=color, key=key, ref=ref))
        row_top = y + h - self.pad - 0.9 * self.lh  # the bar's row, below the label's lines
        items.append(Text(x + self.pad + bar_len + 0.5, row_top, count_w + 0.5, 0.9 * self.lh, (count_text,), small,
                          "left", False, "#000000", key, ref))
        self.place(key, items, g)

    def row_band(self, i: int, row: int, y: float, h: float, x: float, header_w: float, lines: list[str],
                 right: float) -> None:
        color = self.row_color(row)
        key = f"row:{row}"
        band_fill = "#F7F7F7" if self.gray else lighten(color, 0.93)
        head_fill = ROW_GRAYS[i % len(ROW_GRAYS)] if self.gray else color
        if self.gray and head_fill == "#FFFFFF":
            head_fill = "#F2F2F2"
        self.backgrounds.append(Rect(x + header_w, y, right - x - header_w + 0.6, h, fill=band_fill, radius=0.6))
        items: list[Item] = [
            Rect(x, y, header_w, h, fill=head_fill, stroke="#000000" if self.gray else None, stroke_width=0.2,
                 radius=0.6, key=key, ref=("row", row), tip=self.data.codes[row].path),
            Text(x, y + (h - len(lines) * self.lh) / 2, header_w, len(lines) * self.lh, tuple(lines), self.size,
                 "center", True, text_on(head_fill), key, ("row", row)),
        ]
        self.place(key, items, (x, y, header_w, h))

    def outcome_height(self, row: int, outcome: tuple[str, str], w: float) -> float:
        name = self.label(f"outcome:{row}", outcome[0])
        lines = wrap(name, w - 2 * self.pad, self.size, self.o.measure, bold=True, balanced=True)
        sub = wrap(outcome[1], w - 2 * self.pad, self.size - 1.5, self.o.measure, balanced=True) if outcome[1] else []
        return len(lines) * self.lh + len(sub) * line_height(self.size - 1.5) + 2 * self.pad

    def outcome_box(self, i: int, row: int, outcome: tuple[str, str], x: float, y: float, row_h: float, w: float,
                    cols_right: float) -> None:
        key = f"outcome:{row}"
        name = self.label(key, outcome[0])
        small = self.size - 1.5
        lines = wrap(name, w - 2 * self.pad, self.size, self.o.measure, bold=True, balanced=True)
        sub = wrap(outcome[1], w - 2 * self.pad, small, self.o.measure, balanced=True) if outcome[1] else []
        h = self.outcome_height(row, outcome, w)
        top = y + (row_h - h) / 2
        color = self.row_color(row)
        fill = ROW_GRAYS[i % len(ROW_GRAYS)] if self.gray else lighten(color, 0.6)
        items: list[Item] = [
            Rect(x, top, w, h, fill=fill, stroke="#000000" if self.gray else color, stroke_width=0.35,
                 radius=2.0, key=key, ref=("outcome", row)),
            Text(x, top + self.pad, w, len(lines) * self.lh, tuple(lines), self.size, "center", True, "#000000",
                 key, ("outcome", row)),
        ]
        if sub:
            items.append(Text(x, top + self.pad + len(lines) * self.lh, w, len(sub) * line_height(small),
                              tuple(sub), small, "center", False, "#333333", key, ("outcome", row)))
        self.place(key, items, (x, top, w, h))
        ax = cols_right + 0.8
        mid = self.anchors[key][1] + h / 2
        self.arrows.append(Path((("M", ax, y + row_h / 2), ("L", self.anchors[key][0], mid)),
                                stroke="#9E9E9E", width=0.9, head="arrow", head_size=2.0))

    def end_box(self, text: str, x: float, y: float, h: float, w: float, rows: list[int]) -> None:
        key = "end"
        text = self.label(key, text)
        lines = wrap(text, w - 2 * 0.3, self.size, self.o.measure, bold=True)
        fill = "#E0E0E0" if self.gray else "#FFF4D6"
        items: list[Item] = [
            Rect(x, y, w, h, fill=fill, stroke="#000000" if self.gray else "#B7950B", stroke_width=0.35, radius=1.5,
                 key=key, ref=("end",)),
            Text(x, y + (h - len(lines) * self.lh) / 2, w, len(lines) * self.lh, tuple(lines), self.size, "center",
                 True, "#000000", key, ("end",)),
        ]
        self.place(key, items, (x, y, w, h))
        ex = self.anchors[key][0]
        for row in rows:
            ox, oy, ow, oh = self.anchors[f"outcome:{row}"]
            self.arrows.append(Path((("M", ox + ow, oy + oh / 2), ("L", ex, oy + oh / 2)), stroke="#7F7F7F",
                                    width=0.3, head="arrow", head_size=1.4))

    # --- arrows ------------------------------------------------------------------------------
    def route(self, rows: list[int], cells: dict[tuple[int, int], list[tuple[int, int]]], col_x: list[float],
              col_w: float, channels: list[float]) -> None:
        data = self.data
        stage_pos = data.stage_index()
        ports = Ports({k: v for k, v in self.anchors.items() if k.startswith(("box:", "outcome:"))})
        planned: list[tuple[Any, ...]] = []
        if self.t.transitions:
            threshold = self.t.min_transition or auto_min_transition(len(self.result.units))
            shown = [tr for tr in self.result.transitions if tr.count >= threshold]
            keyed = []
            for tr in shown:
                a, b = f"box:{tr.from_code_id}@{tr.from_stage_id}", f"box:{tr.to_code_id}@{tr.to_stage_id}"
                key = f"transition:{tr.from_code_id}@{tr.from_stage_id}>{tr.to_code_id}@{tr.to_stage_id}"
                if a in ports.boxes and b in ports.boxes and not self.hidden(key):
                    keyed.append((tr, a, b, key))
            if len(keyed) > self.t.max_arrows:
                self.notes.append(f"{len(keyed)} transitions reach the threshold; the {self.t.max_arrows} "
                                  f"strongest are drawn (raise the minimum to see fewer)")
                keyed.sort(key=lambda k: (-k[0].count, data.codes[k[0].from_code_id].order,
                                          data.codes[k[0].to_code_id].order))
                keyed = keyed[: self.t.max_arrows]
                self.capped = True
            counts = [tr.count for tr, *_ in keyed]
            low, high = (min(counts), max(counts)) if counts else (1, 1)
            self.transition_range = (low, high, threshold)
            for tr, a, b, key in keyed:
                ya, yb = ports.boxes[a][1] + ports.boxes[a][3] / 2, ports.boxes[b][1] + ports.boxes[b][3] / 2
                planned.append(("t", tr, a, b, key, ports.request(a, "right", yb), ports.request(b, "left", ya),
                                width_for(tr.count, low, high)))
        if self.t.links:
            mapper = data.mapper(self.result.level if self.result.level not in ("None", "code") else None)
            for link in self.links:
                key = f"link:{link.id}"
                if self.hidden(key):
                    continue
                a = self.link_end(link.source_id, link.source_stage_id, mapper, None)
                after = stage_pos.get(int(a.split("@")[1]), 0) if a and a.startswith("box:") else 0
                b = self.link_end(link.target_id, link.target_stage_id, mapper, after)
                if not a or not b or a == b:
                    self.notes.append(f"link {link.source} → {link.target} is not drawn: a code has no box shown")
                    continue
                ca, cb = self.column(a, stage_pos), self.column(b, stage_pos)
                side_a = "left" if cb < ca else "right"
                side_b = "right" if cb <= ca else "left"
                ya, yb = ports.boxes[a][1] + ports.boxes[a][3] / 2, ports.boxes[b][1] + ports.boxes[b][3] / 2
                planned.append(("l", link, a, b, key, ports.request(a, side_a, yb), ports.request(b, side_b, ya),
                                (ca, cb, side_a, side_b)))
        ports.place()
        gutter_mid = [x + col_w + self.gutter / 2 for x in col_x]
        for kind, thing, a, b, key, pa, pb, extra in planned:
            ax, _ay, aw, _ah = ports.boxes[a]
            bx, _by, bw, _bh = ports.boxes[b]
            if kind == "t":
                color = "#595959" if self.gray else mix(self.row_color(resolve_level(
                    data, thing.from_code_id, self.t.row_level)), "#5A5A5A", 0.35)
                tip = (f"{thing.from_stage} {last_name(thing.from_code)} → {thing.to_stage} "
                       f"{last_name(thing.to_code)}: {thing.count} ({', '.join(thing.cases)})")
                self.arrows.append(Path(curve((ax + aw, ports.y(pa)), (bx, ports.y(pb))), stroke=color,
                                        width=extra, opacity=0.85 if not self.gray else 1.0, head="arrow",
                                        head_size=max(1.3, extra * 2.2), key=key,
                                        ref=("transition", thing.from_stage_id, thing.from_code_id,
                                             thing.to_stage_id, thing.to_code_id), tip=tip))
                continue
            ca, cb, side_a, side_b = extra
            start = (ax + aw if side_a == "right" else ax, ports.y(pa))
            end = (bx if side_b == "left" else bx + bw, ports.y(pb))
            if side_a == "right" and side_b == "left" and cb == ca + 1:
                commands = curve(start, end)
            else:
                ga = gutter_mid[min(ca, len(gutter_mid) - 1)] if side_a == "right" else gutter_mid[ca - 1]
                gb = gutter_mid[cb - 1] if side_b == "left" else gutter_mid[min(cb, len(gutter_mid) - 1)]
                if side_b == "right" and cb == ca:
                    gb = ga
                cy = min(channels, key=lambda c: abs(c - (start[1] + end[1]) / 2))
                commands = orthogonal([start, (ga, start[1]), (ga, cy), (gb, cy), (gb, end[1]), end])
            relation = thing.relation
            tip = f"{thing.source} —{relation_label(relation)}→ {thing.target}"
            if thing.summary.total:
                tip += f" ({thing.summary.short()})"
            self.arrows.append(Path(commands, stroke="#000000" if self.gray else "#1B2631", width=0.45,
                                    dash=relation_style(relation), head="open" if relation != "constrains" else "bar",
                                    head_size=1.8, key=key, ref=("link", thing.id), tip=tip))
            if thing.summary.total:
                self.link_label(commands, thing.summary.short(), key, ("link", thing.id))

    def link_label(self, commands: tuple[tuple[Any, ...], ...], text: str, key: str, ref: tuple[Any, ...]) -> None:
        """The evidence summary of a link (``+2 确证``) on a white ground at the middle of its horizontal
        stretch between two rows, where no box is; a link without one (between adjacent stages, in a
        narrow gutter) shows it in its tooltip and in the window only."""
        small = max(self.size - 2, 5.0)
        w = self.o.measure(text, small, False) + 1.0
        h = line_height(small)
        points = [(float(c[-2]), float(c[-1])) for c in commands if c[0] in ("M", "L", "C")]
        flat = [(a, b) for a, b in itertools.pairwise(points)
                if abs(a[1] - b[1]) < 1e-6 and abs(a[0] - b[0]) >= w + 2.0]
        if not flat:
            return
        (x0, y0), (x1, y1) = max(flat, key=lambda p: abs(p[1][0] - p[0][0]))
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        self.labels += [Rect(cx - w / 2, cy - h / 2, w, h, fill="#FFFFFF", stroke="#000000", stroke_width=0.15,
                             radius=0.6, key=key, ref=ref),
                        Text(cx - w / 2, cy - h / 2, w, h, (text,), small, "center", False, "#000000", key, ref)]

    def column(self, key: str, stage_pos: dict[int, int]) -> int:
        if key.startswith("outcome:"):
            return len(self.data.stages)
        return stage_pos[int(key.split("@")[1])]

    def link_end(self, code_id: int, stage_id: int | None, mapper: dict[int, int], after: int | None) -> str:
        data = self.data
        if is_outcome(data, code_id):
            name = data.codes[code_id].name
            for key in self.anchors:
                if key.startswith("outcome:"):
                    row = int(key.split(":")[1])
                    shown = self.adj.get(key)
                    label = shown.label if shown and shown.label else None
                    if name in (label, data.codes[code_id].name) and self.outcome_name(row) == name:
                        return key
            return ""
        box_code = mapper.get(code_id, code_id)
        if stage_id is not None:
            key = f"box:{box_code}@{stage_id}"
            return key if key in self.anchors else ""
        options = [(data.stage_index()[int(k.split("@")[1])], k) for k in self.anchors
                   if k.startswith(f"box:{box_code}@")]
        if not options:
            return ""
        if after is not None:
            later = [o for o in options if o[0] >= after]
            if later:
                return min(later)[1]
        return max(options, key=lambda o: self.counts.get((o[0], box_code), 0))[1]

    def outcome_name(self, row: int) -> str:
        found = outcomes_for(self.data, [row], self.links)
        return found.get(row, ("", ""))[0]

    def legend(self, x: float, y: float, width: float) -> tuple[list[Item], float]:
        size = max(self.size - 1, 5.5)
        lh = line_height(size)
        sw = 6.0
        entries: list[tuple[list[Item], str]] = []
        box: list[Item] = [
            Rect(0.3, 0.2, sw - 0.6, lh - 0.4, fill="#FFFFFF", stroke="#000000", stroke_width=0.2, radius=0.5),
            Rect(0.9, lh - 1.3, 2.6, 0.7, fill="#404040"),
        ]
        say = self.o.say
        entries.append((box, say("编码（条形与数字：该阶段的编码次数）",
                                 "Code (bar and number: its codings in the stage)")))
        low, high, threshold = self.transition_range
        if high:
            span = f"{low}" if low == high else f"{low}–{high}"
            line = Path((("M", 0.2, lh / 2), ("L", sw - 0.2, lh / 2)), stroke="#595959", width=0.5, head="arrow",
                        head_size=1.3)
            which = (say(f"最强的{self.t.max_arrows}条", f"the {self.t.max_arrows} strongest") if self.capped
                     else say(f"≥{threshold}个案例的转换", f"those in ≥{threshold} case(s)"))
            entries.append(([line], say(f"阶段转换（线宽：出现该转换的案例数，{span}；仅画出{which}）",
                                        f"Stage transition (line width: cases with it, {span}; only {which} drawn)")))
        used = sorted({link.relation for link in self.links if f"link:{link.id}" in {
            i.key for i in self.arrows}})
        for relation in used:
            line = Path((("M", 0.2, lh / 2), ("L", sw - 0.2, lh / 2)), stroke="#000000", width=0.45,
                        dash=relation_style(relation), head="open" if relation != "constrains" else "bar",
                        head_size=1.5)
            entries.append(([line], relation_label(relation)))
        items, h = flow_legend(x, y, width, entries, size, self.o.measure, swatch=sw)
        return [replace(i, key="legend", ref=("legend",)) for i in items], h

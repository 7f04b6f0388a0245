"""The codeline of one document (like MAXQDA's Codeline): the text position runs left to right, each
code has a track with a bar per coding, and the document's stages are bands behind the tracks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.core.db.models import Document
from app.core.errors import NotFoundError
from app.core.process.adjustments import Adjustment
from app.core.process.data import ProcessData
from app.core.process.layout import (
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
    moved,
    nice_ticks,
    wrap,
)
from app.core.project import Project
from app.core.stages import list_stage_spans

if TYPE_CHECKING:
    from app.core.process.figures import FigureRequest


@dataclass(frozen=True)
class CodelineInput:
    """One document's codings (at the chosen level) and stage bands."""

    document_id: int
    document: str
    length: int
    codings: tuple[tuple[int, int, int, int], ...]  # (coding id, code id at the level, start, end)
    bands: tuple[tuple[int, int, int], ...]  # (start, end, stage id), the document's stage first if any
    stage_names: dict[int, str]
    stage_colors: dict[int, str]
    stage_order: dict[int, int]


def codeline_input(project: Project, data: ProcessData, request: FigureRequest) -> CodelineInput:
    """Gather the codeline of ``request.document`` (default: the first document with codings)."""
    if request.document:
        found = [d for d in data.documents.values() if d.name == request.document]
        if not found:
            raise NotFoundError(f"no document named '{request.document}' in this project", code="not_named",
                                params={"what": "document", "name": request.document})
        doc = found[0]
    else:
        coded = {c.document_id for c in data.codings}
        first = [d for d in data.documents.values() if d.id in coded]
        if not first:
            raise NotFoundError("no document has codings yet: there is no codeline to draw", code="codeline.empty")
        doc = first[0]
    mapped = data.mapper(None if request.level == "code" else request.level)
    coders = set(request.selection.coders)
    codings = tuple(
        (c.id, mapped[c.code_id], c.start, c.end) for c in data.codings
        if c.document_id == doc.id and (not coders or c.coder in coders)
    )
    with project.read() as session:
        doc_stage = session.scalar(select(Document.stage_id).where(Document.id == doc.id))
    bands: list[tuple[int, int, int]] = [(0, doc.length, doc_stage)] if doc_stage is not None else []
    bands += [(s.start, s.end, s.stage_id) for s in list_stage_spans(project, doc.id)]
    return CodelineInput(
        doc.id, doc.name, doc.length, codings, tuple(bands),
        {s.id: s.name for s in data.stages}, {s.id: s.color for s in data.stages}, data.stage_index(),
    )


def codeline_figure(
    source: CodelineInput, data: ProcessData, adjustments: Mapping[str, Adjustment], options: FigureOptions
) -> Figure:
    """Lay out the codeline; ``data`` gives the codes' names and colours."""
    size, measure, gray = options.size, options.measure, options.grayscale
    lh, margin, pad = line_height(size), 1.0, 0.8
    small = max(size - 1.5, 5.0)
    width = options.width
    codes = sorted({c[1] for c in source.codings}, key=lambda i: data.codes[i].order)
    codes = [c for c in codes if not (f"code:{c}" in adjustments and adjustments[f"code:{c}"].hidden)]

    def label(key: str, text: str) -> str:
        adj = adjustments.get(key)
        return adj.label if adj is not None and adj.label is not None else text

    names = {c: label(f"code:{c}", data.codes[c].name) for c in codes}
    label_w = min(max([measure(x, size, False) for x in names.values()] or [10.0]) + 2 * pad, width * 0.28)
    x0 = margin + label_w + 1.0
    track_w = width - margin - x0 - 1.5
    length = max(source.length, 1)

    def xpos(position: int) -> float:
        return x0 + track_w * position / length

    items: list[Item] = []
    title = label("title", source.document)
    items.append(Text(margin, margin, width - 2 * margin, line_height(size + 1), (title,), size + 1, "left", True,
                      "#000000", "title"))
    y = margin + line_height(size + 1) + 1.0
    band_h = lh + 0.8
    stages_seen: dict[int, None] = {}
    track_top = y + band_h + 0.6
    row_h = max(lh, 3.2) + 0.8
    tracks_h = max(1, len(codes)) * row_h
    for start, end, stage_id in source.bands:
        stages_seen.setdefault(stage_id, None)
        k = source.stage_order.get(stage_id, 0)
        fill = STAGE_GRAYS[min(k, len(STAGE_GRAYS) - 1)] if gray else source.stage_colors.get(stage_id, "#888888")
        x1, x2 = xpos(start), xpos(end)
        ref = ("stage", stage_id)
        items.append(Rect(x1, track_top, x2 - x1, tracks_h, fill=fill if gray else lighten(fill, 0.82),
                          opacity=0.55 if gray else 1.0, ref=ref))
        items.append(Rect(x1, y, x2 - x1, band_h, fill=fill if gray else lighten(fill, 0.25), stroke="#FFFFFF",
                          stroke_width=0.2, ref=ref, tip=source.stage_names.get(stage_id, "")))
        name = source.stage_names.get(stage_id, "")
        lines = wrap(name, max(x2 - x1 - 0.6, 0.1), small, measure)
        if len(lines) == 1 and measure(name, small, False) <= x2 - x1 - 0.6:
            color = "#000000" if gray else "#FFFFFF"
            items.append(Text(x1, y, x2 - x1, band_h, (name,), small, "center", True, color, ref=ref))
    for i, code_id in enumerate(codes):
        ty = track_top + i * row_h
        key = f"code:{code_id}"
        row_color = data.top(code_id).color or "#808080"
        items.append(Text(margin, ty, label_w - pad, row_h, tuple(wrap(names[code_id], label_w - pad, size, measure,
                                                                          max_lines=1)), size, "right", False,
                          "#000000", key, ("code", code_id), data.codes[code_id].path))
        items.append(Path((("M", x0, ty + row_h / 2), ("L", x0 + track_w, ty + row_h / 2)), stroke="#C8C8C8",
                          width=0.12, key=key))
        for coding_id, code, start, end in source.codings:
            if code != code_id:
                continue
            x1 = xpos(start)
            w = max(xpos(end) - x1, 0.35)
            items.append(Rect(x1, ty + 0.6, w, row_h - 1.2, fill="#262626" if gray else row_color, key=key,
                              ref=("coding", coding_id), tip=f"{data.codes[code_id].path} {start}–{end}"))
    axis_y = track_top + tracks_h + 0.8
    items.append(Path((("M", x0, axis_y), ("L", x0 + track_w, axis_y)), stroke="#000000", width=0.2))
    ticks = nice_ticks(length, 7 if width > 100 else 4)
    for value in ticks:
        if value > length:
            break
        x = xpos(int(value))
        items.append(Path((("M", x, axis_y), ("L", x, axis_y + 1.0)), stroke="#000000", width=0.2))
        text = f"{int(value):,}"
        tw = measure(text, small, False) + 1
        items.append(Text(x - tw / 2, axis_y + 1.1, tw, line_height(small), (text,), small))
    axis_label = options.say("文本位置（字符）", "Position in the text (characters)")
    bottom = axis_y + 1.2 + line_height(small)
    items.append(Text(x0, bottom, track_w, line_height(small), (axis_label,), small, "center", False, "#333333"))
    bottom += line_height(small) + 1.5
    if stages_seen and not ("legend" in adjustments and adjustments["legend"].hidden):
        entries: list[tuple[list[Item], str]] = []
        for stage_id in sorted(stages_seen, key=lambda s: source.stage_order.get(s, 0)):
            k = source.stage_order.get(stage_id, 0)
            fill = STAGE_GRAYS[min(k, len(STAGE_GRAYS) - 1)] if gray else lighten(
                source.stage_colors.get(stage_id, "#888888"), 0.25)
            entries.append(([Rect(0.2, 0.4, 5.0, lh - 0.8, fill=fill)], source.stage_names.get(stage_id, "")))
        legend, _h = flow_legend(margin, bottom, width - 2 * margin, entries, small, measure, swatch=5.4)
        adj = adjustments.get("legend")
        items += [replace(moved(i, adj.dx, adj.dy) if adj else i, key="legend", ref=("legend",)) for i in legend]
    notes = [] if codes else ["the document has no codings"]
    return finish("codeline", width, items, options, notes=notes,
                  meta={"document": source.document, "codes": len(codes), "codings": len(source.codings)})

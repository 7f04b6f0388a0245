"""Figure layouts computed from a project: :func:`build_figure` loads what a kind needs and lays it out.

Kinds: ``timeline`` (stages × dimensions, codes, transitions, links, outcomes), ``sankey`` (codes
of consecutive stages joined by ribbons), ``matrix`` (the transition matrices as heat tables),
``codeline`` (one document: codes along the text, stages as bands) and ``saturation`` (new codes per
document in coding order).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core.errors import ValidationError
from app.core.process.adjustments import Adjustment, list_adjustments
from app.core.process.data import DEFAULT_LEVEL, ProcessData, Selection, load_process_data
from app.core.process.layout import Figure, FigureOptions
from app.core.process.links import LinkInfo, list_links
from app.core.process.transitions import compute_transitions
from app.core.project import Project

KINDS = ("timeline", "sankey", "matrix", "codeline", "saturation")


@dataclass(frozen=True)
class FigureRequest:
    """What to draw: the kind and the data choices (levels, units, filters)."""

    kind: str = "timeline"
    level: str = DEFAULT_LEVEL  # the codes shown as boxes / nodes / matrix rows
    row_level: str = "0"  # timeline rows
    unit: str = "auto"
    selection: Selection = field(default_factory=Selection)
    min_count: int = 1  # boxes and nodes: codings
    min_transition: int | None = None  # arrows and ribbons: units (None: the kind's default)
    document: str | None = None  # codeline: the document's name (default: the first coded one)
    order: str = "coding"  # saturation: coding | document


def check_kind(kind: str) -> str:
    """``kind`` if it is a figure kind, else a clear error."""
    if kind not in KINDS:
        raise ValidationError(f"no figure kind {kind!r}: use one of {', '.join(KINDS)}", code="value.choice",
                              params={"value": kind, "allowed": ", ".join(KINDS)})
    return kind


def figure_from_data(
    project: Project,
    data: ProcessData,
    links: list[LinkInfo],
    adjustments: dict[str, Adjustment],
    request: FigureRequest,
    options: FigureOptions,
) -> Figure:
    """Lay out a figure from already loaded data (the timeline view re-lays out on every filter change)."""
    kind = check_kind(request.kind)
    if kind == "timeline":
        from app.core.process.figures.timeline import TimelineOptions, timeline_figure

        result = compute_transitions(data, level=request.level, selection=request.selection)
        return timeline_figure(data, result, links, adjustments, options, TimelineOptions(
            row_level=request.row_level, min_count=request.min_count, min_transition=request.min_transition))
    if kind == "sankey":
        from app.core.process.figures.sankey import sankey_figure

        result = compute_transitions(data, level=request.level, selection=request.selection)
        return sankey_figure(data, result, adjustments, options, min_count=request.min_count,
                             min_transition=request.min_transition or 1)
    if kind == "matrix":
        from app.core.process.figures.matrix import matrix_figure

        result = compute_transitions(data, level=request.level, selection=request.selection)
        return matrix_figure(data, result, adjustments, options)
    if kind == "codeline":
        from app.core.process.figures.codeline import codeline_figure, codeline_input

        return codeline_figure(codeline_input(project, data, request), data, adjustments, options)
    from app.core.process.figures.saturation import saturation_figure
    from app.core.saturation import saturation

    return saturation_figure(saturation(project, order=request.order), adjustments, options, order=request.order)


def build_figure(project: Project, request: FigureRequest, options: FigureOptions) -> Figure:
    """Load the project's data, links and saved adjustments, and lay out the requested figure."""
    kind = check_kind(request.kind)
    data = load_process_data(project, unit=request.unit)
    links = list_links(project) if kind == "timeline" else []
    return figure_from_data(project, data, links, list_adjustments(project, kind), request, options)

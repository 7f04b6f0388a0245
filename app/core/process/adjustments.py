"""Manual adjustments of figure elements (move, hide, rename a label), saved with the project.

An element is named by a key built from ids (``box:<code>@<stage>``, ``row:<code>``,
``stage:<id>``, ``outcome:<code>``, ``link:<id>``, ``transition:<code>@<stage>><code>@<stage>``…;
see app/core/process/figures), never from computed positions, so an adjustment survives new codings:
the element is laid out again from the data and then moved by ``dx``/``dy`` (layout units, mm).
Each setter returns the previous adjustment (None when there was none) for undo.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.db.models import FigureLayout
from app.core.errors import ValidationError
from app.core.project import Project

FIGURES = ("timeline", "sankey", "matrix", "codeline", "saturation")
LABEL_MAX = 200


@dataclass(frozen=True)
class Adjustment:
    """How one element differs from its computed layout."""

    figure: str
    element: str
    dx: float = 0.0
    dy: float = 0.0
    hidden: bool = False
    label: str | None = None  # replaces the element's text on the figure

    @property
    def is_default(self) -> bool:
        return self.dx == 0 and self.dy == 0 and not self.hidden and self.label is None


def _check(figure: str, element: str) -> None:
    if figure not in FIGURES:
        raise ValidationError(f"no figure kind {figure!r} (one of {', '.join(FIGURES)})", code="value.choice",
                              params={"value": figure, "allowed": ", ".join(FIGURES)})
    if not element or len(element) > 200:
        raise ValidationError(f"{element!r} is not a figure element", code="figure.element", params={"value": element})


def list_adjustments(project: Project, figure: str = "timeline") -> dict[str, Adjustment]:
    """Element key -> its adjustment, for one figure kind."""
    with project.read() as session:
        rows = session.execute(
            select(FigureLayout.element, FigureLayout.dx, FigureLayout.dy, FigureLayout.hidden, FigureLayout.label)
            .where(FigureLayout.figure == figure)
        ).all()
    return {r[0]: Adjustment(figure, r[0], r[1], r[2], bool(r[3]), r[4]) for r in rows}


_UNSET = object()


def adjust(
    project: Project,
    figure: str,
    element: str,
    *,
    dx: float | None = None,
    dy: float | None = None,
    hidden: bool | None = None,
    label: object = _UNSET,
) -> Adjustment | None:
    """Set some of an element's adjustments (a label of None or "" restores the computed text).

    Returns the adjustment before the change, or None when there was none (undo: :func:`put_adjustment`).
    """
    _check(figure, element)
    if isinstance(label, str):
        label = label.strip() or None
        if label is not None and len(label) > LABEL_MAX:
            raise ValidationError(f"a figure label has at most {LABEL_MAX} characters", code="too_long",
                                  params={"what": "label", "limit": LABEL_MAX})
    with project.write() as session:
        row = session.scalar(
            select(FigureLayout).where(FigureLayout.figure == figure, FigureLayout.element == element))
        before = None if row is None else Adjustment(figure, element, row.dx, row.dy, row.hidden, row.label)
        now = before or Adjustment(figure, element)
        now = Adjustment(
            figure, element, now.dx if dx is None else float(dx), now.dy if dy is None else float(dy),
            now.hidden if hidden is None else bool(hidden),
            now.label if label is _UNSET else label,  # type: ignore[arg-type]
        )
        _write(session, row, now)
    return before


def put_adjustment(project: Project, figure: str, element: str, previous: Adjustment | None) -> None:
    """Make an element's adjustment exactly ``previous`` (None removes it): the undo of :func:`adjust`."""
    _check(figure, element)
    with project.write() as session:
        row = session.scalar(
            select(FigureLayout).where(FigureLayout.figure == figure, FigureLayout.element == element))
        _write(session, row, previous or Adjustment(figure, element))


def _write(session: Session, row: FigureLayout | None, now: Adjustment) -> None:
    if now.is_default:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = FigureLayout(figure=now.figure, element=now.element)
        session.add(row)
    row.dx, row.dy, row.hidden, row.label = now.dx, now.dy, now.hidden, now.label


def reset_adjustments(project: Project, figure: str) -> list[Adjustment]:
    """Drop every adjustment of a figure kind; returns them (undo: :func:`restore_adjustments`)."""
    before = list(list_adjustments(project, figure).values())
    with project.write() as session:
        session.execute(delete(FigureLayout).where(FigureLayout.figure == figure))
    return before


def restore_adjustments(project: Project, items: Iterable[Adjustment]) -> None:
    """Write adjustments back (after :func:`reset_adjustments`), in one unit of work."""
    with project.write() as session:
        for item in items:
            _check(item.figure, item.element)
            row = session.scalar(select(FigureLayout).where(
                FigureLayout.figure == item.figure, FigureLayout.element == item.element))
            _write(session, row, item)

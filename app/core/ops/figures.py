"""Operations on the saved layout of the process figures (moved boxes, renamed labels, hidden
elements). The process window follows them like links (``Changes.links``): both change only what
the process figures show."""

from __future__ import annotations

from typing import Any

from app.core.changes import Changes
from app.core.ops import Done, done
from app.core.process import adjustments as service
from app.core.process.adjustments import Adjustment
from app.core.project import Project

_FIGURES = Changes(links=True)


def adjust(project: Project, figure: str, element: str, **fields: Any) -> Done[Adjustment | None]:
    """Set some of an element's adjustments (``dx``, ``dy``, ``hidden``, ``label``); the value is the
    adjustment before (None: there was none)."""
    before = service.adjust(project, figure, element, **fields)
    after = service.list_adjustments(project, figure).get(element)
    return done("adjust_figure", element, before, _FIGURES,
                lambda: service.put_adjustment(project, figure, element, before),
                lambda: service.put_adjustment(project, figure, element, after))


def reset_layout(project: Project, figure: str) -> Done[list[Adjustment]]:
    """Drop every adjustment of a figure kind (undo writes them back)."""
    removed = service.reset_adjustments(project, figure)
    return done("reset_figure", figure, removed, _FIGURES, lambda: service.restore_adjustments(project, removed),
                lambda: service.reset_adjustments(project, figure))


__all__ = ["adjust", "reset_layout"]

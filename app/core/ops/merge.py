"""Merging another project (or a .qdpx) into the open one, as one undoable step (see app.core.merge)."""

from __future__ import annotations

from pathlib import Path

from app.core.changes import Changes
from app.core.merge import MergeReport, apply_plan, merge_plan_for, revert_plan
from app.core.ops import Done, done
from app.core.project import Project


def merge_project(project: Project, other: str | Path) -> Done[MergeReport]:
    """Merge ``other`` into ``project`` (one transaction). Undo deletes exactly the rows the merge added
    and puts back the memos and fields it filled; redo adds the same rows again, with the same ids.
    The value is the :class:`~app.core.merge.MergeReport` (added, matched, conflicts)."""
    plan = merge_plan_for(project, other)

    def undo() -> None:
        with project.write() as session:
            revert_plan(session, plan)

    def redo() -> None:
        with project.write() as session:
            apply_plan(session, plan)

    return done("merge_project", Path(other).name, plan.report, Changes.everything(), undo, redo)

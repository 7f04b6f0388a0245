"""Undoable codebook and stage changes for the codebook editor and the stages dialog.

Each function runs an operation of :mod:`app.core.ops` (so a refused change raises here, with the
project untouched) and pushes it on the undo stack through the controller.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from app.core import codebook as codes
from app.core import templates
from app.core.codebook import CodeInfo
from app.core.ops import codebook as codebook_ops
from app.core.ops import codes as code_ops
from app.core.ops import stages as stage_ops
from app.core.stages import StageInfo, StageSnapshot
from app.ui.code_panel import create_code_command, delete_code_command
from app.ui.controller import ProjectController

if TYPE_CHECKING:  # the exchange modules (openpyxl, python-docx) load on first use, not at start-up
    from app.core.exchange.codebook_io import ImportResult

# --- codes ----------------------------------------------------------------------------------------


def edit_code(controller: ProjectController, code_id: int, changes: dict[str, Any]) -> CodeInfo | None:
    """Change fields of a code as one undo step; None (and no step) when nothing differs."""
    operation = code_ops.edit_code(controller.project, code_id, changes)
    return None if operation is None else controller.run(operation)


def add_code(controller: ProjectController, parent_id: int | None, name: str) -> CodeInfo:
    """Create a code under ``parent_id`` (None: top level); undo deletes it, redo brings it back."""
    return create_code_command(controller, parent_id, name)


def delete_code(controller: ProjectController, code_id: int) -> None:
    """Delete a code with its sub-codes, codings and what goes with them; undo puts all of it back."""
    delete_code_command(controller, code_id, codes.get_code(controller.project, code_id).path)


def import_codebook_file(controller: ProjectController, path: str | Path) -> ImportResult:
    """Merge a codebook file into the project as one undo step."""
    return controller.run(
        codebook_ops.import_codebook(controller.project, path),
        QCoreApplication.translate("CodebookCommands", "Import codebook {file}").format(file=Path(path).name))


# --- stages ---------------------------------------------------------------------------------------


def add_stage(controller: ProjectController, name: str, *, after: str | None = None,
              color: str | None = None) -> StageInfo:
    """Add a stage (at the end, or after ``after``); undo removes it."""
    return controller.run(stage_ops.add_stage(controller.project, name, after=after, color=color))


def edit_stage(controller: ProjectController, stage_id: int, **changes: Any) -> StageInfo | None:
    """Change a stage's name, description, colour or dates as one undo step (None: nothing differs)."""
    operation = stage_ops.edit_stage(controller.project, stage_id, **changes)
    return None if operation is None else controller.run(operation)


def move_stage(controller: ProjectController, stage_id: int, position: int) -> StageInfo | None:
    """Move a stage to ``position`` (0 = first); undo moves it back."""
    operation = stage_ops.move_stage(controller.project, stage_id, position)
    return None if operation is None else controller.run(operation)


def delete_stage(controller: ProjectController, stage_id: int) -> StageSnapshot:
    """Delete a stage; undo restores it with its spans and every document or coding that named it."""
    return controller.run(stage_ops.delete_stage(controller.project, stage_id))


# --- exemplars ------------------------------------------------------------------------------------


def set_exemplar(controller: ProjectController, coding_id: int, exemplar: bool) -> bool:
    """Choose (or un-choose) a coding as an example for the coding-example table; one undo step."""
    return controller.run(
        codebook_ops.set_exemplar(controller.project, coding_id, exemplar),
        QCoreApplication.translate("CodebookCommands", "Choose example")
        if exemplar else QCoreApplication.translate("CodebookCommands", "Drop example"))


def merge_template(controller: ProjectController, name: str) -> templates.ApplyReport:
    """Merge a framework template's codes, stages and levels into the project as one undo step."""
    return controller.run(
        codebook_ops.apply_template(controller.project, name),
        QCoreApplication.translate("CodebookCommands", "Merge template {name}").format(name=name))

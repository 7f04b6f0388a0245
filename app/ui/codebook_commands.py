"""Undoable codebook and stage changes, done through the controller's ``perform``.

Each function does the change now through a service (so a refused change raises here, with the
project untouched) and pushes a command whose undo/redo replay it with the state captured then.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication

from app.core import codebook as codes
from app.core import stages, tables, templates
from app.core.codebook import CodeInfo
from app.core.errors import GuijiError
from app.core.exchange.codebook_io import ImportResult, import_codebook, redo_import, undo_import
from app.core.stages import StageInfo, StageSnapshot
from app.ui.code_panel import create_code_command, delete_code_command
from app.ui.controller import Changed, ProjectController

T = TypeVar("T")


def _discard(func: Callable[[T], object]) -> Callable[[T], None]:
    """``func`` with its result dropped (undo/redo callables return nothing)."""

    def run(value: T) -> None:
        func(value)

    return run


# --- codes ----------------------------------------------------------------------------------------


def edit_code(controller: ProjectController, code_id: int, changes: dict[str, Any]) -> CodeInfo | None:
    """Change fields of a code as one undo step; None (and no step) when nothing differs."""
    project = controller.project
    before = codes.get_code(project, code_id).fields()
    wanted = {k: v for k, v in changes.items() if _differs(before.get(k), v)}
    if not wanted:
        return None
    old = {k: before[k] for k in wanted}
    name = codes.get_code(project, code_id).name
    return controller.perform(
        QCoreApplication.translate("CodebookCommands", "Edit code “{name}”").format(name=name),
        lambda: codes.update_code(project, code_id, **wanted),
        _discard(lambda _info: codes.update_code(project, code_id, **old)),
        what=Changed.CODES,
    )


def _differs(old: object, new: object) -> bool:
    if isinstance(old, tuple):
        return old != codes.split_keywords(new)  # type: ignore[arg-type]
    if isinstance(old, str) and isinstance(new, str):
        return old.strip() != new.strip()
    return old != new


def add_code(controller: ProjectController, parent_id: int | None, name: str) -> CodeInfo:
    """Create a code under ``parent_id`` (None: top level); undo deletes it, redo brings it back."""
    return create_code_command(controller, parent_id, name)


def delete_code(controller: ProjectController, code_id: int) -> None:
    """Delete a code with its sub-codes, codings and what goes with them; undo puts all of it back."""
    delete_code_command(controller, code_id, codes.get_code(controller.project, code_id).path)


def import_codebook_file(controller: ProjectController, path: str | Path) -> ImportResult:
    """Merge a codebook file into the project as one undo step."""
    project = controller.project
    return controller.perform(
        QCoreApplication.translate("CodebookCommands", "Import codebook {file}").format(file=Path(path).name),
        lambda: import_codebook(project, path),
        _discard(lambda result: undo_import(project, result)),
        _discard(lambda result: redo_import(project, result)),
        what=Changed.CODES,
    )


# --- stages ---------------------------------------------------------------------------------------


def add_stage(controller: ProjectController, name: str, *, after: str | None = None,
              color: str | None = None) -> StageInfo:
    """Add a stage (at the end, or after ``after``); undo removes it."""
    project = controller.project
    state: dict[str, StageSnapshot] = {}

    def undo(info: StageInfo) -> None:
        state["snapshot"] = stages.delete_stage(project, info.id)

    return controller.perform(
        QCoreApplication.translate("CodebookCommands", "Add stage “{name}”").format(name=name.strip()),
        lambda: stages.add_stage(project, name, after=after, color=color),
        undo,
        _discard(lambda _info: stages.restore_stage(project, state["snapshot"])),
        what=Changed.STAGES,
    )


def edit_stage(controller: ProjectController, stage_id: int, **changes: Any) -> StageInfo | None:
    """Change a stage's name, description, colour or dates as one undo step (None: nothing differs)."""
    project = controller.project
    before = stages.get_stage(project, stage_id)
    wanted = {k: v for k, v in changes.items() if _stage_value(k, v) != getattr(before, k)}
    if not wanted:
        return None
    old = {k: getattr(before, k) for k in wanted}
    return controller.perform(
        QCoreApplication.translate("CodebookCommands", "Edit stage “{name}”").format(name=before.name),
        lambda: stages.update_stage(project, stage_id, **wanted),
        _discard(lambda _info: stages.update_stage(project, stage_id, **old)),
        what=Changed.STAGES,
    )


def _stage_value(key: str, value: Any) -> Any:
    if key in ("start_date", "end_date"):
        try:
            return stages.parse_date(value)
        except GuijiError:  # a bad date differs; update_stage then says what is wrong
            return value
    if key == "color" and isinstance(value, str):
        return value.upper()
    return value.strip() if isinstance(value, str) and key == "name" else value


def move_stage(controller: ProjectController, stage_id: int, position: int) -> StageInfo | None:
    """Move a stage to ``position`` (0 = first); undo moves it back."""
    project = controller.project
    before = stages.get_stage(project, stage_id)
    count = len(stages.list_stages(project))
    position = max(0, min(position, count - 1))
    if position == before.position:
        return None
    return controller.perform(
        QCoreApplication.translate("CodebookCommands", "Move stage “{name}”").format(name=before.name),
        lambda: stages.move_stage(project, stage_id, position),
        _discard(lambda _info: stages.move_stage(project, stage_id, before.position)),
        what=Changed.STAGES,
    )


def delete_stage(controller: ProjectController, stage_id: int) -> StageSnapshot:
    """Delete a stage; undo restores it with its spans and every document or coding that named it."""
    project = controller.project
    name = stages.get_stage(project, stage_id).name
    return controller.perform(
        QCoreApplication.translate("CodebookCommands", "Delete stage “{name}”").format(name=name),
        lambda: stages.delete_stage(project, stage_id),
        _discard(lambda snapshot: stages.restore_stage(project, snapshot)),
        _discard(lambda _snapshot: stages.delete_stage(project, stage_id)),
        what=Changed.STAGES | Changed.CODINGS,
    )


# --- exemplars ------------------------------------------------------------------------------------


def set_exemplar(controller: ProjectController, coding_id: int, exemplar: bool) -> bool:
    """Choose (or un-choose) a coding as an example for the coding-example table; one undo step."""
    project = controller.project
    return controller.perform(
        QCoreApplication.translate("CodebookCommands", "Choose example")
        if exemplar else QCoreApplication.translate("CodebookCommands", "Drop example"),
        lambda: tables.set_exemplar(project, coding_id, exemplar),
        _discard(lambda old: tables.set_exemplar(project, coding_id, old)),
        what=Changed.CODINGS,
    )


def merge_template(controller: ProjectController, name: str) -> templates.ApplyReport:
    """Merge a framework template's codes, stages and levels into the project as one undo step."""
    project = controller.project
    return controller.perform(
        QCoreApplication.translate("CodebookCommands", "Merge template {name}").format(name=name),
        lambda: templates.apply_template(project, name),
        _discard(lambda report: templates.undo_apply(project, report)),
        _discard(lambda report: templates.redo_apply(project, report)),
        what=Changed.CODES | Changed.STAGES,
    )

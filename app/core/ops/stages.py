"""Operations on stages: the stage list itself, and placing documents, passages and codings in stages."""

from __future__ import annotations

from typing import Any

from app.core import lookup
from app.core import stages as service
from app.core.changes import Changes
from app.core.ops import Done, done
from app.core.project import Project
from app.core.stages import StageInfo, StageSnapshot, StageSpanInfo

# A stage's name, colour or order shows in every coding's effective stage: codings are reloaded too.
_STAGES = Changes(stages=True, all_codings=True)


def add_stage(project: Project, name: str, *, after: str | None = None, color: str | None = None) -> Done[StageInfo]:
    """Add a stage at the end (or after ``after``); without a colour it takes the next free one of the palette."""
    info = service.add_stage(project, name, after=after, color=color)
    saved: list[StageSnapshot] = []

    def undo() -> None:
        saved[:] = [service.delete_stage(project, info.id)]

    return done("add_stage", info.name, info, _STAGES, undo, lambda: service.restore_stage(project, saved[0]))


def edit_stage(project: Project, stage: int | str, **changes: Any) -> Done[StageInfo] | None:
    """Change a stage's name, description, colour or dates; None when nothing differs."""
    stage_id = lookup.stage_id(project, stage)
    before = service.get_stage(project, stage_id)
    wanted = {k: v for k, v in changes.items() if _value(k, v) != getattr(before, k)}
    if not wanted:
        return None
    old = {k: getattr(before, k) for k in wanted}
    info = service.update_stage(project, stage_id, **wanted)
    return done("edit_stage", before.name, info, _STAGES, lambda: service.update_stage(project, stage_id, **old),
                lambda: service.update_stage(project, stage_id, **wanted))


def _value(key: str, value: Any) -> Any:
    from app.core.errors import GuijiError

    if key in ("start_date", "end_date"):
        try:
            return service.parse_date(value)
        except GuijiError:  # a bad date differs; update_stage then says what is wrong
            return value
    if key == "color" and isinstance(value, str):
        return value.upper()
    return value.strip() if isinstance(value, str) and key == "name" else value


def move_stage(project: Project, stage: int | str, position: int) -> Done[StageInfo] | None:
    """Move a stage to ``position`` (0 = first); None when it is there already."""
    stage_id = lookup.stage_id(project, stage)
    before = service.get_stage(project, stage_id)
    position = max(0, min(position, len(service.list_stages(project)) - 1))
    if position == before.position:
        return None
    info = service.move_stage(project, stage_id, position)
    return done("move_stage", before.name, info, _STAGES,
                lambda: service.move_stage(project, stage_id, before.position),
                lambda: service.move_stage(project, stage_id, position))


def delete_stage(project: Project, stage: int | str) -> Done[StageSnapshot]:
    """Delete a stage with its spans; undo restores it and every document or coding that named it."""
    stage_id = lookup.stage_id(project, stage)
    name = service.get_stage(project, stage_id).name
    snapshot = service.delete_stage(project, stage_id)
    return done("delete_stage", name, snapshot, _STAGES | Changes(links=True),
                lambda: service.restore_stage(project, snapshot), lambda: service.delete_stage(project, stage_id))


def set_document_stage(project: Project, document: int | str, stage: int | str | None) -> Done[None]:
    """Place a whole document in a stage (None: in none)."""
    document_id = lookup.document_id(project, document)
    stage_id = lookup.optional_stage_id(project, stage)
    old = service.document_stage_id(project, document_id)
    service.set_document_stage(project, document_id, stage_id)
    changes = Changes(stages=True, codings_in=frozenset({document_id}), document_list=True)
    return done("document_stage", _name(project, document_id), None, changes,
                lambda: service.set_document_stage(project, document_id, old),
                lambda: service.set_document_stage(project, document_id, stage_id))


def set_span_stage(project: Project, document: int | str, start: int, end: int,
                   stage: int | str | None, *, coder: str = "") -> Done[service.SpanChange]:
    """Place ``[start, end)`` of a document in a stage (None: take it out of any span), marked by ``coder``.

    Spans of other stages are trimmed (or split) where they overlap the range, so a passage is in one
    stage; undo puts every span back as it was.
    """
    document_id = lookup.document_id(project, document)
    stage_id = lookup.optional_stage_id(project, stage)
    change = service.set_span_stage(project, document_id, start, end, stage_id, coder=coder)
    changes = Changes(stages=True, codings_in=frozenset({document_id}))
    return done("span_stage", _name(project, document_id), change, changes,
                lambda: service.undo_span_change(project, change), lambda: service.redo_span_change(project, change))


def remove_stage_span(project: Project, span_id: int) -> Done[StageSpanInfo]:
    """Remove one stage span (undo puts it back under its id)."""
    info = service.remove_stage_span(project, span_id)
    return done("remove_span", info.stage, info, Changes(stages=True, codings_in=frozenset({info.document_id})),
                lambda: service.add_stage_span(project, info.document_id, info.stage_id, info.start, info.end,
                                               span_id=info.id, coder=info.coder),
                lambda: service.remove_stage_span(project, info.id))


def _name(project: Project, document_id: int) -> str:
    from app.core.documents import get_document

    return get_document(project, document_id).name

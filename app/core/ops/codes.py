"""Operations on codes: create, delete (with everything that goes with a code), rename, recolour, move,
edit codebook fields, merge."""

from __future__ import annotations

from typing import Any

from app.core import code_ops, lookup
from app.core import codebook as service
from app.core.changes import Changes
from app.core.codebook import CodeInfo
from app.core.ops import Done, done
from app.core.project import Project

# A code's name, colour or place shows in every coding of it (stripes, paths): codings are reloaded too.
_CODES = Changes(codes=True, all_codings=True)


def create_code(project: Project, parent: int | str | None, name: str) -> Done[CodeInfo]:
    """Create a code under ``parent`` (None: top level); undo deletes it, redo brings it back (same id)."""
    parent_id = None if parent is None else lookup.code_id(project, parent)
    info = service.create_child_code(project, parent_id, name)
    saved: list[code_ops.CodeSnapshot] = []

    def undo() -> None:
        saved[:] = [code_ops.delete_code(project, info.id)]

    return done("create_code", info.path, info, Changes(codes=True), undo,
                lambda: code_ops.restore_code(project, saved[0]))


def create_code_path(project: Project, path: str, *, color: str | None = None) -> Done[CodeInfo]:
    """Create the code at ``path`` (names joined by '/') and its missing parents, as ``guiji codes add``;
    undo deletes the highest code it created (with the ones below it)."""
    existing = {c.path for c in service.list_codes(project)}
    info = service.create_code(project, path, color=color)
    names = info.path.split("/")
    first_new = next("/".join(names[:i]) for i in range(1, len(names) + 1) if "/".join(names[:i]) not in existing)
    top_id = lookup.code_id(project, first_new)
    saved: list[code_ops.CodeSnapshot] = []

    def undo() -> None:
        saved[:] = [code_ops.delete_code(project, top_id)]

    return done("create_code", info.path, info, Changes(codes=True), undo,
                lambda: code_ops.restore_code(project, saved[0]))


def delete_code(project: Project, code: int | str) -> Done[code_ops.CodeSnapshot]:
    """Delete a code, its sub-codes, their codings, links, evidence and rejections; undo puts all back."""
    snapshot = code_ops.delete_code(project, lookup.code_id(project, code))
    return done("delete_code", snapshot.path, snapshot, _CODES | Changes(links=True, memos=True),
                lambda: code_ops.restore_code(project, snapshot),
                lambda: code_ops.delete_code(project, snapshot.code_id))


def rename_code(project: Project, code: int | str, new_name: str) -> Done[CodeInfo]:
    """Rename a code (its path changes, and its children's)."""
    code_id = lookup.code_id(project, code)
    old = service.get_code(project, code_id)
    info = service.rename_code(project, code_id, new_name)
    return done("rename_code", old.path, info, _CODES, lambda: service.rename_code(project, code_id, old.name),
                lambda: service.rename_code(project, code_id, new_name))


def recolor_code(project: Project, code: int | str, color: str) -> Done[CodeInfo]:
    """Give a code another colour (``#RRGGBB``)."""
    code_id = lookup.code_id(project, code)
    old = service.get_code(project, code_id)
    info = service.recolor_code(project, code_id, color)
    return done("recolor_code", old.path, info, _CODES, lambda: service.recolor_code(project, code_id, old.color),
                lambda: service.recolor_code(project, code_id, color))


def move_code(project: Project, code: int | str, new_parent: int | str | None,
              position: int | None = None) -> Done[CodeInfo]:
    """Move a code under another parent (None: top level), at ``position`` among its siblings."""
    code_id = lookup.code_id(project, code)
    parent_id = None if new_parent is None else lookup.code_id(project, new_parent)
    old = service.get_code(project, code_id)
    info = service.move_code(project, code_id, parent_id, position)
    return done("move_code", old.path, info, _CODES,
                lambda: service.move_code(project, code_id, old.parent_id, old.position),
                lambda: service.move_code(project, code_id, parent_id, position))


def edit_code(project: Project, code: int | str, changes: dict[str, Any]) -> Done[CodeInfo] | None:
    """Change codebook fields of a code (name, colour, level, definitions, keywords); None if nothing differs."""
    code_id = lookup.code_id(project, code)
    info = service.get_code(project, code_id)
    before = info.fields()
    wanted = {k: v for k, v in changes.items() if _differs(before.get(k), v)}
    if not wanted:
        return None
    old = {k: before[k] for k in wanted}
    after = service.update_code(project, code_id, **wanted)
    return done("edit_code", info.path, after, _CODES, lambda: service.update_code(project, code_id, **old),
                lambda: service.update_code(project, code_id, **wanted))


def _differs(old: object, new: object) -> bool:
    if isinstance(old, tuple):
        return old != service.split_keywords(new)  # type: ignore[arg-type]
    if isinstance(old, str) and isinstance(new, str):
        return old.strip() != new.strip()
    return old != new


def merge_codes(project: Project, source: int | str, target: int | str) -> Done[code_ops.MergeRecord]:
    """Merge ``source`` into ``target`` (codings and children move; see :func:`app.core.code_ops.merge_codes`)."""
    source_id, target_id = lookup.code_id(project, source), lookup.code_id(project, target)
    path = service.get_code(project, source_id).path
    records = [code_ops.merge_codes(project, source_id, target_id)]

    def redo() -> None:
        records[:] = [code_ops.merge_codes(project, source_id, target_id)]

    return done("merge_codes", path, records[0], _CODES | Changes(links=True, memos=True),
                lambda: code_ops.unmerge(project, records[0]), redo)


# --- pinned codes (number keys 1–9 apply them) -------------------------------------------------------

PINS_KEY = "pinned_codes"


def pins(project: Project) -> dict[int, int]:
    """Pinned codes of the project: code id → number key 1–9 (codes that are gone are left out)."""
    import json

    from app.core.project import project_meta

    raw = project_meta(project, PINS_KEY)
    try:
        data = json.loads(raw) if raw else {}
        pinned = {int(code_id): int(key) for key, code_id in data.items()}
    except (ValueError, TypeError, AttributeError):
        return {}
    known = {c.id for c in service.list_codes(project)}
    return {code_id: key for code_id, key in pinned.items() if code_id in known}


def pin_code(project: Project, code: int | str, key: int | None) -> Done[dict[int, int]]:
    """Pin a code to number key ``key`` (1–9; None unpins it); a key holds one code. The value is the
    pins afterwards (code id → key)."""
    import json

    from app.core.errors import ValidationError
    from app.core.project import project_meta, set_project_meta

    code_id = lookup.code_id(project, code)
    if key is not None and not 1 <= key <= 9:
        raise ValidationError(f"a code is pinned to a key from 1 to 9, not {key}", code="value.choice",
                              params={"value": key, "allowed": "1–9"})
    by_key = {k: c for c, k in pins(project).items() if c != code_id and k != key}
    if key is not None:
        by_key[key] = code_id
    old = project_meta(project, PINS_KEY)
    new = json.dumps({str(k): c for k, c in sorted(by_key.items())})
    set_project_meta(project, PINS_KEY, new)
    path = service.get_code(project, code_id).path
    return done("pin_code" if key is not None else "unpin_code", path, {c: k for k, c in by_key.items()},
                Changes(codes=True), lambda: set_project_meta(project, PINS_KEY, old),
                lambda: set_project_meta(project, PINS_KEY, new))

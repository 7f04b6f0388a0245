"""The code tree: create, rename, move, recolour, delete codes; paths; counts; structured fields.

Besides its name and colour a code carries the fields of a codebook entry (see :data:`TEXT_FIELDS`):
``description`` is the full definition, ``keywords`` one keyword or synonym per line (shown to
callers as a tuple), ``level`` its level in the framework (see :func:`code_levels`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.db.models import Code, Coding, ProjectMeta
from app.core.errors import NotFoundError, ValidationError
from app.core.lookup import get_or_raise, not_found
from app.core.project import Project

PATH_SEPARATOR = "/"
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
# A qualitative palette that stays distinct in print; new codes cycle through it.
PALETTE = (
    "#E15759", "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1",
    "#76B7B2", "#EDC948", "#FF9DA7", "#9C755F", "#BAB0AC",
)


@dataclass(frozen=True)
class CodeInfo:
    """A code as the UI and CLI see it."""

    id: int
    parent_id: int | None
    name: str
    path: str
    color: str
    description: str
    position: int
    codings: int  # codings of this code itself (not of its children)
    short_definition: str = ""
    when_to_use: str = ""
    when_not_to_use: str = ""
    example: str = ""
    keywords: tuple[str, ...] = field(default=())
    level: str = ""

    @property
    def depth(self) -> int:
        """0 for a top-level code."""
        return self.path.count(PATH_SEPARATOR)

    def fields(self) -> dict[str, object]:
        """The editable fields, as :func:`update_code` takes them."""
        return {name: getattr(self, name) for name in EDITABLE_FIELDS}


def check_color(color: str) -> str:
    """Return ``color`` upper-cased if it is ``#RRGGBB``; raise ValidationError otherwise."""
    if not _COLOR.match(color):
        raise ValidationError(f"'{color}' is not a colour of the form #RRGGBB", code="value.colour",
                              params={"value": color})
    return color.upper()


def check_name(name: str) -> str:
    """A code name without surrounding spaces; empty names and the separator are refused."""
    cleaned = name.strip()
    if not cleaned:
        raise ValidationError("a code name cannot be empty", code="name.empty", params={"what": "code"})
    if PATH_SEPARATOR in cleaned:
        raise ValidationError(f"a code name cannot contain '{PATH_SEPARATOR}': {name!r}", code="name.separator",
                              params={"name": name, "separator": PATH_SEPARATOR})
    return cleaned


def split_path(path: str) -> list[str]:
    """The names of a code path (``a/b/c``); each must be a valid name."""
    parts = [p.strip() for p in path.strip().strip(PATH_SEPARATOR).split(PATH_SEPARATOR)]
    if not parts or any(not p for p in parts):
        raise ValidationError(f"'{path}' is not a code path (names joined by '{PATH_SEPARATOR}')",
                              code="code.bad_path", params={"name": path, "separator": PATH_SEPARATOR})
    return [check_name(p) for p in parts]


def _child(session: Session, parent_id: int | None, name: str) -> Code | None:
    return session.scalar(select(Code).where(Code.parent_id.is_(parent_id), Code.name == name))


def _next_position(session: Session, parent_id: int | None) -> int:
    top = session.scalar(select(func.max(Code.position)).where(Code.parent_id.is_(parent_id)))
    return 0 if top is None else top + 1


def _auto_color(session: Session) -> str:
    count = session.scalar(select(func.count(Code.id))) or 0
    return PALETTE[count % len(PALETTE)]


def ensure_code_path(session: Session, path: str, color: str | None = None) -> tuple[Code, bool]:
    """Find or create the code at ``path`` and its missing parents. Returns (code, created)."""
    names = split_path(path)
    parent_id: int | None = None
    code: Code | None = None
    created = False
    for depth, name in enumerate(names):
        code = _child(session, parent_id, name)
        if code is None:
            leaf = depth == len(names) - 1
            code = Code(
                parent_id=parent_id,
                name=name,
                color=check_color(color) if (leaf and color) else _auto_color(session),
                position=_next_position(session, parent_id),
                description="",
                memo="",
            )
            session.add(code)
            session.flush()
            created = leaf
        parent_id = code.id
    assert code is not None
    return code, created


def find_code(session: Session, path: str) -> Code:
    """The code at ``path``; NotFoundError when any part is missing."""
    parent_id: int | None = None
    code: Code | None = None
    for name in split_path(path):
        code = _child(session, parent_id, name)
        if code is None:
            raise NotFoundError(f"no code '{path}' in this project", code="not_named",
                        params={"what": "code", "name": path})
        parent_id = code.id
    assert code is not None
    return code


def create_code(
    project: Project, path: str, *, color: str | None = None, description: str = ""
) -> CodeInfo:
    """Create the code at ``path`` (and its missing parents). A code that exists is an error."""
    with project.write() as session:
        code, created = ensure_code_path(session, path, color)
        if not created:
            raise ValidationError(f"the code '{path}' already exists", code="name.exists",
                                  params={"what": "code", "name": path})
        code.description = description
        session.flush()
        code_id = code.id
    return get_code(project, code_id)


def create_child_code(
    project: Project, parent_id: int | None, name: str, *, color: str | None = None
) -> CodeInfo:
    """Create a code named ``name`` under ``parent_id`` (None: at the top level)."""
    name = check_name(name)
    with project.write() as session:
        if parent_id is not None:
            get_or_raise(session, Code, parent_id, what="code")
        if _child(session, parent_id, name) is not None:
            raise ValidationError(f"a code named '{name}' already exists there", code="name.exists",
                                  params={"what": "code", "name": name})
        code = Code(
            parent_id=parent_id,
            name=name,
            color=check_color(color) if color else _auto_color(session),
            position=_next_position(session, parent_id),
            description="",
            memo="",
        )
        session.add(code)
        session.flush()
        code_id = code.id
    return get_code(project, code_id)


def list_codes(project: Project) -> list[CodeInfo]:
    """Every code in tree order (depth first, siblings by position), with its coding count."""
    with project.read() as session:
        return _list_codes(session)


def _list_codes(session: Session) -> list[CodeInfo]:
    rows = session.execute(
        select(
            Code.id, Code.parent_id, Code.name, Code.color, Code.description, Code.position,
            Code.short_definition, Code.when_to_use, Code.when_not_to_use, Code.example, Code.keywords,
            Code.level,
        )
    ).all()
    counts = dict(
        session.execute(select(Coding.code_id, func.count(Coding.id)).group_by(Coding.code_id)).all()
    )
    children: dict[int | None, list[Any]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    for siblings in children.values():
        siblings.sort(key=lambda r: (r.position, r.id))
    out: list[CodeInfo] = []

    def walk(parent_id: int | None, prefix: str) -> None:
        for r in children.get(parent_id, []):
            path = f"{prefix}{r.name}"
            out.append(
                CodeInfo(
                    r.id, r.parent_id, r.name, path, r.color, r.description, r.position, counts.get(r.id, 0),
                    short_definition=r.short_definition, when_to_use=r.when_to_use,
                    when_not_to_use=r.when_not_to_use, example=r.example,
                    keywords=split_keywords(r.keywords), level=r.level,
                )
            )
            walk(r.id, path + PATH_SEPARATOR)

    walk(None, "")
    return out


def get_code(project: Project, code_id: int) -> CodeInfo:
    """One code by id."""
    for info in list_codes(project):
        if info.id == code_id:
            return info
    raise not_found("code", code_id)


def code_paths(session: Session) -> dict[int, str]:
    """Map every code id to its path (from ids, parents and names only: this is on hot paths)."""
    rows = {cid: (parent, name) for cid, parent, name in session.execute(select(Code.id, Code.parent_id, Code.name))}
    paths: dict[int, str] = {}

    def path(cid: int) -> str:
        found = paths.get(cid)
        if found is None:
            parent, name = rows[cid]
            found = name if parent is None else f"{path(parent)}{PATH_SEPARATOR}{name}"
            paths[cid] = found
        return found

    for cid in rows:
        path(cid)
    return paths


def rename_code(project: Project, code_id: int, new_name: str) -> CodeInfo:
    """Rename a code; its siblings must not already use the name."""
    new_name = check_name(new_name)
    with project.write() as session:
        code = _get(session, code_id)
        other = _child(session, code.parent_id, new_name)
        if other is not None and other.id != code_id:
            raise ValidationError(f"a code named '{new_name}' already exists there", code="name.exists",
                                  params={"what": "code", "name": new_name})
        code.name = new_name
    return get_code(project, code_id)


def recolor_code(project: Project, code_id: int, color: str) -> CodeInfo:
    """Give a code a new colour (#RRGGBB)."""
    color = check_color(color)
    with project.write() as session:
        _get(session, code_id).color = color
    return get_code(project, code_id)


def move_code(
    project: Project, code_id: int, new_parent_id: int | None, position: int | None = None
) -> CodeInfo:
    """Move a code under another parent (None: top level), at ``position`` among its new siblings."""
    with project.write() as session:
        code = _get(session, code_id)
        ancestor = new_parent_id
        while ancestor is not None:
            if ancestor == code_id:
                raise ValidationError(f"the code '{code.name}' cannot be moved into itself",
                                      code="code.move_into_itself", params={"name": code.name})
            ancestor = _get(session, ancestor).parent_id
        clash = _child(session, new_parent_id, code.name)
        if clash is not None and clash.id != code_id:
            raise ValidationError(f"a code named '{code.name}' already exists there", code="name.exists",
                                  params={"what": "code", "name": code.name})
        siblings = list(
            session.scalars(
                select(Code)
                .where(Code.parent_id.is_(new_parent_id), Code.id != code_id)
                .order_by(Code.position, Code.id)
            )
        )
        index = len(siblings) if position is None else max(0, min(position, len(siblings)))
        siblings.insert(index, code)
        code.parent_id = new_parent_id
        for i, sibling in enumerate(siblings):
            sibling.position = i
    return get_code(project, code_id)


def delete_code(project: Project, code_id: int) -> int:
    """Delete a code, its children and all their codings; returns how many codings went with it."""
    with project.write() as session:
        code = _get(session, code_id)
        ids = _subtree_ids(session, code.id)
        removed = session.scalar(select(func.count(Coding.id)).where(Coding.code_id.in_(ids))) or 0
        session.delete(code)
    return removed


# --- structured fields ------------------------------------------------------------------------------

#: Free-text fields of a codebook entry, in the order a codebook prints them.
TEXT_FIELDS = ("short_definition", "description", "when_to_use", "when_not_to_use", "example")
#: Every field :func:`update_code` can change.
EDITABLE_FIELDS = ("name", "color", "level", *TEXT_FIELDS, "keywords")
_KEYWORD_SPLIT = re.compile(r"[\n;；,，、]+")
LEVEL_MAX = 32


@dataclass(frozen=True)
class LevelInfo:
    """A level of a framework's code tree: a key stored on codes, a Chinese and an English label."""

    key: str
    label: str
    english: str


#: Levels offered when the project (or its template) defines none.
DEFAULT_LEVELS = (
    LevelInfo("dimension", "维度", "Dimension"),
    LevelInfo("category", "范畴", "Category"),
    LevelInfo("concept", "概念", "Concept"),
)
_LEVELS_KEY = "code_levels"


def split_keywords(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Keywords from stored text (one per line) or from user input separated by ; ， 、 or new lines.

    Empty entries and repeats are dropped; order is kept.
    """
    if value is None:
        return ()
    parts = _KEYWORD_SPLIT.split(value) if isinstance(value, str) else list(value)
    seen: dict[str, None] = {}
    for part in parts:
        cleaned = str(part).strip()
        if cleaned:
            seen.setdefault(cleaned, None)
    return tuple(seen)


def join_keywords(keywords: Iterable[str]) -> str:
    """The stored form of keywords: one per line."""
    return "\n".join(split_keywords(list(keywords)))


def _clean_changes(changes: Mapping[str, object]) -> dict[str, object]:
    clean: dict[str, object] = {}
    for key, value in changes.items():
        if key not in EDITABLE_FIELDS:
            raise ValidationError(f"'{key}' is not a field of a code", code="value.choice",
                                  params={"value": key, "allowed": ", ".join(sorted(EDITABLE_FIELDS))})
        if key == "name":
            clean[key] = check_name(str(value))
        elif key == "color":
            clean[key] = check_color(str(value))
        elif key == "keywords":
            clean[key] = join_keywords(split_keywords(value))  # type: ignore[arg-type]
        elif key == "level":
            level = str(value or "").strip()
            if len(level) > LEVEL_MAX:
                raise ValidationError(f"a level name has at most {LEVEL_MAX} characters: {level!r}", code="too_long",
                                      params={"what": "level", "limit": LEVEL_MAX})
            clean[key] = level
        else:
            clean[key] = str(value or "").strip("\n")
    return clean


def apply_code_fields(session: Session, code: Code, changes: Mapping[str, object]) -> None:
    """Set validated fields on ``code`` inside an open unit of work (used by importers and templates)."""
    clean = _clean_changes(changes)
    if "name" in clean and clean["name"] != code.name:
        other = _child(session, code.parent_id, str(clean["name"]))
        if other is not None and other.id != code.id:
            raise ValidationError(f"a code named '{clean['name']}' already exists there", code="name.exists",
                                  params={"what": "code", "name": clean["name"]})
    for key, value in clean.items():
        setattr(code, key, value)


def update_code(project: Project, code_id: int, **changes: object) -> CodeInfo:
    """Change any of a code's :data:`EDITABLE_FIELDS` in one unit of work; returns the code as it is now.

    ``keywords`` may be a sequence or a text separated by new lines, ``;``, ``；``, ``，`` or ``、``.
    """
    with project.write() as session:
        apply_code_fields(session, _get(session, code_id), changes)
    return get_code(project, code_id)


def code_levels(project: Project) -> tuple[LevelInfo, ...]:
    """The levels of this project's framework (from its template), else :data:`DEFAULT_LEVELS`."""
    with project.read() as session:
        return levels_in(session)


def levels_in(session: Session) -> tuple[LevelInfo, ...]:
    """:func:`code_levels` inside an open unit of work."""
    raw = session.scalar(select(ProjectMeta.value).where(ProjectMeta.key == _LEVELS_KEY))
    if not raw:
        return DEFAULT_LEVELS
    try:
        items = json.loads(raw)
        return tuple(
            LevelInfo(str(i["key"]), str(i.get("label", i["key"])), str(i.get("english", ""))) for i in items
        )
    except (ValueError, KeyError, TypeError):
        return DEFAULT_LEVELS


def store_levels(session: Session, levels: Iterable[LevelInfo]) -> None:
    """Record the framework's levels in the project (inside an open unit of work)."""
    value = json.dumps([{"key": lv.key, "label": lv.label, "english": lv.english} for lv in levels],
                       ensure_ascii=False)
    row = session.get(ProjectMeta, _LEVELS_KEY)
    if row is None:
        session.add(ProjectMeta(key=_LEVELS_KEY, value=value))
    else:
        row.value = value


# --- helpers -----------------------------------------------------------------------------------------


def _subtree_ids(session: Session, root_id: int) -> list[int]:
    ids = [root_id]
    frontier = [root_id]
    while frontier:
        frontier = list(session.scalars(select(Code.id).where(Code.parent_id.in_(frontier))))
        ids += frontier
    return ids


def _get(session: Session, code_id: int) -> Code:
    return get_or_raise(session, Code, code_id, what="code")

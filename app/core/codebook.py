"""The code tree: create, rename, move, recolour, delete codes; paths; counts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.db.models import Code, Coding
from app.core.errors import NotFoundError, ValidationError
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


def check_color(color: str) -> str:
    """Return ``color`` upper-cased if it is ``#RRGGBB``; raise ValidationError otherwise."""
    if not _COLOR.match(color):
        raise ValidationError(f"'{color}' is not a colour of the form #RRGGBB")
    return color.upper()


def check_name(name: str) -> str:
    """A code name without surrounding spaces; empty names and the separator are refused."""
    cleaned = name.strip()
    if not cleaned:
        raise ValidationError("a code name cannot be empty")
    if PATH_SEPARATOR in cleaned:
        raise ValidationError(f"a code name cannot contain '{PATH_SEPARATOR}': {name!r}")
    return cleaned


def split_path(path: str) -> list[str]:
    """The names of a code path (``a/b/c``); each must be a valid name."""
    parts = [p.strip() for p in path.strip().strip(PATH_SEPARATOR).split(PATH_SEPARATOR)]
    if not parts or any(not p for p in parts):
        raise ValidationError(f"'{path}' is not a code path (names joined by '{PATH_SEPARATOR}')")
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
            raise NotFoundError(f"no code '{path}' in this project")
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
            raise ValidationError(f"the code '{path}' already exists")
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
        if parent_id is not None and session.get(Code, parent_id) is None:
            raise NotFoundError(f"no code with id {parent_id}")
        if _child(session, parent_id, name) is not None:
            raise ValidationError(f"a code named '{name}' already exists there")
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
        select(Code.id, Code.parent_id, Code.name, Code.color, Code.description, Code.position)
    ).all()
    counts = dict(
        session.execute(select(Coding.code_id, func.count(Coding.id)).group_by(Coding.code_id)).all()
    )
    children: dict[int | None, list[tuple[int, int | None, str, str, str, int]]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(tuple(row))  # type: ignore[arg-type]
    for siblings in children.values():
        siblings.sort(key=lambda r: (r[5], r[0]))
    out: list[CodeInfo] = []

    def walk(parent_id: int | None, prefix: str) -> None:
        for cid, pid, name, color, description, position in children.get(parent_id, []):
            path = f"{prefix}{name}"
            out.append(CodeInfo(cid, pid, name, path, color, description, position, counts.get(cid, 0)))
            walk(cid, path + PATH_SEPARATOR)

    walk(None, "")
    return out


def get_code(project: Project, code_id: int) -> CodeInfo:
    """One code by id."""
    for info in list_codes(project):
        if info.id == code_id:
            return info
    raise NotFoundError(f"no code with id {code_id}")


def code_paths(session: Session) -> dict[int, str]:
    """Map every code id to its path."""
    return {info.id: info.path for info in _list_codes(session)}


def rename_code(project: Project, code_id: int, new_name: str) -> CodeInfo:
    """Rename a code; its siblings must not already use the name."""
    new_name = check_name(new_name)
    with project.write() as session:
        code = _get(session, code_id)
        other = _child(session, code.parent_id, new_name)
        if other is not None and other.id != code_id:
            raise ValidationError(f"a code named '{new_name}' already exists there")
        code.name = new_name
    return get_code(project, code_id)


def recolor_code(project: Project, code_id: int, color: str) -> CodeInfo:
    """Give a code a new colour (#RRGGBB)."""
    color = check_color(color)
    with project.write() as session:
        _get(session, code_id).color = color
    return get_code(project, code_id)


def move_code(project: Project, code_id: int, new_parent_id: int | None, position: int | None = None) -> CodeInfo:
    """Move a code under another parent (None: top level), at ``position`` among its new siblings."""
    with project.write() as session:
        code = _get(session, code_id)
        ancestor = new_parent_id
        while ancestor is not None:
            if ancestor == code_id:
                raise ValidationError(f"the code '{code.name}' cannot be moved into itself")
            ancestor = _get(session, ancestor).parent_id
        clash = _child(session, new_parent_id, code.name)
        if clash is not None and clash.id != code_id:
            raise ValidationError(f"a code named '{code.name}' already exists there")
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


def _subtree_ids(session: Session, root_id: int) -> list[int]:
    ids = [root_id]
    frontier = [root_id]
    while frontier:
        frontier = list(session.scalars(select(Code.id).where(Code.parent_id.in_(frontier))))
        ids += frontier
    return ids


def _get(session: Session, code_id: int) -> Code:
    code = session.get(Code, code_id)
    if code is None:
        raise NotFoundError(f"no code with id {code_id}")
    return code

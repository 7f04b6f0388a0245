"""Code operations with exact undo: merge two codes, snapshot and restore a deleted code.

- :func:`snapshot_code` captures a code, its whole subtree (every column the models have) and all
  their codings (and any row that refers to them); :func:`restore_code` puts it all back under
  the same ids, so the undo of a delete (or the redo of a create) is exact.
- :func:`merge_codes` moves the source's codings to the target, moves its children under the
  target and deletes it. A coding that would duplicate one of the target's codings (same document,
  start, end and coder) is dropped; its memo is appended to the kept coding's memo (and its
  ``exemplar`` flag and own stage carried over when the kept one has none), so nothing is lost. A
  child whose name the target already uses is renamed ``name (2)``. :func:`unmerge` undoes all of
  it from the returned :class:`MergeRecord`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.core.codebook import CodeInfo, code_paths, get_code
from app.core.db.models import Code, Coding
from app.core.db.snapshot import RowsSnapshot, capture, restore
from app.core.documents import unique_name
from app.core.errors import NotFoundError, ValidationError
from app.core.lookup import get_or_raise
from app.core.project import Project

MEMO_JOIN = "\n\n"


@dataclass(frozen=True)
class CodeSnapshot:
    """A code with its subtree and codings, as they were (see the module docstring)."""

    code_id: int
    parent_id: int | None
    path: str
    rows: RowsSnapshot

    @property
    def code_ids(self) -> tuple[int, ...]:
        """The ids of the code and its descendants, parents first."""
        return tuple(int(r.get("id")) for r in self.rows.of("code"))

    @property
    def coding_count(self) -> int:
        """How many codings the code and its descendants have."""
        return len(self.rows.of("coding"))


@dataclass(frozen=True)
class MovedChild:
    """A child of the source moved under the target (renamed when its name was taken there)."""

    code_id: int
    old_position: int
    old_name: str
    new_name: str


@dataclass(frozen=True)
class KeptCoding:
    """A target coding that absorbed a dropped duplicate: its fields before the merge."""

    coding_id: int
    memo: str
    exemplar: bool
    stage_id: int | None


@dataclass(frozen=True)
class MergeRecord:
    """What :func:`merge_codes` did, enough for :func:`unmerge` to undo it exactly."""

    source_id: int
    target_id: int
    source_path: str
    target_path: str
    source: RowsSnapshot  # the source code row (and rows referring to it) as deleted
    moved_coding_ids: tuple[int, ...]
    dropped: RowsSnapshot  # duplicate codings that were deleted
    kept: tuple[KeptCoding, ...]
    children: tuple[MovedChild, ...]

    @property
    def dropped_count(self) -> int:
        """How many duplicate codings were dropped."""
        return len(self.dropped.of("coding"))


def _subtree_ids(session: Session, root_id: int) -> list[int]:
    ids = [root_id]
    frontier = [root_id]
    while frontier:
        frontier = list(session.scalars(select(Code.id).where(Code.parent_id.in_(frontier))))
        ids += frontier
    return ids


def _get(session: Session, code_id: int) -> Code:
    return get_or_raise(session, Code, code_id, what="code")


def snapshot_code(project: Project, code_id: int) -> CodeSnapshot:
    """Capture a code, its subtree and all their codings (to restore after a delete)."""
    with project.read() as session:
        code = _get(session, code_id)
        path = code_paths(session)[code_id]
        rows = capture(session, "code", [code_id])
        return CodeSnapshot(code_id, code.parent_id, path, rows)


def delete_code(project: Project, code_id: int) -> CodeSnapshot:
    """Delete a code with its subtree, codings and every row that goes with them; return their snapshot.

    Captured and deleted in one transaction, so :func:`restore_code` puts back exactly what was
    deleted: the codes, their codings (with memos, stages, exemplar flags), process links and their
    evidence, suggestion rejections, and references the delete set to NULL.
    """
    with project.write() as session:
        code = _get(session, code_id)
        path = code_paths(session)[code_id]
        rows = capture(session, "code", [code_id])
        snapshot = CodeSnapshot(code_id, code.parent_id, path, rows)
        session.delete(code)
    return snapshot


def restore_code(project: Project, snapshot: CodeSnapshot) -> CodeInfo:
    """Put a deleted code back from its snapshot: same ids, fields, subtree and codings."""
    with project.write() as session:
        if session.get(Code, snapshot.code_id) is not None:
            raise ValidationError(f"the code '{snapshot.path}' already exists", code="name.exists",
                                  params={"what": "code", "name": snapshot.path})
        if snapshot.parent_id is not None and session.get(Code, snapshot.parent_id) is None:
            raise NotFoundError(f"the parent of '{snapshot.path}' no longer exists", code="undo.parent_gone",
                                params={"name": snapshot.path})
        name = snapshot.rows.of("code")[0].get("name")
        clash = session.scalar(
            select(Code.id).where(Code.parent_id.is_(snapshot.parent_id), Code.name == name)
        )
        if clash is not None:
            raise ValidationError(f"a code named '{name}' already exists there", code="name.exists",
                                  params={"what": "code", "name": name})
        restore(session, snapshot.rows)
    return get_code(project, snapshot.code_id)


def merge_codes(project: Project, source_id: int, target_id: int) -> MergeRecord:
    """Merge the code ``source_id`` into ``target_id`` (see the module docstring)."""
    if source_id == target_id:
        raise ValidationError("a code cannot be merged into itself", code="code.merge_into_itself")
    with project.write() as session:
        source = _get(session, source_id)
        _get(session, target_id)
        if target_id in _subtree_ids(session, source_id):
            raise ValidationError(f"the code '{source.name}' cannot be merged into one of its own subcodes",
                                  code="code.merge_into_child", params={"name": source.name})
        paths = code_paths(session)

        # Codings: move, or drop when the target already has the same one.
        existing = {
            (r.document_id, r.start, r.end, r.coder_id): r
            for r in session.scalars(select(Coding).where(Coding.code_id == target_id))
        }
        moved: list[int] = []
        dropped: list[int] = []
        kept: dict[int, KeptCoding] = {}
        for row in session.scalars(select(Coding).where(Coding.code_id == source_id).order_by(Coding.id)):
            twin = existing.get((row.document_id, row.start, row.end, row.coder_id))
            if twin is None:
                moved.append(row.id)
                continue
            dropped.append(row.id)
            kept.setdefault(twin.id, KeptCoding(twin.id, twin.memo, twin.exemplar, twin.stage_id))
            if row.memo and row.memo not in twin.memo:
                twin.memo = f"{twin.memo}{MEMO_JOIN}{row.memo}" if twin.memo else row.memo
            twin.exemplar = twin.exemplar or row.exemplar
            if twin.stage_id is None:
                twin.stage_id = row.stage_id
        dropped_rows = capture(session, "coding", dropped)
        if dropped:
            session.execute(delete(Coding).where(Coding.id.in_(dropped)))
        if moved:
            session.execute(update(Coding).where(Coding.id.in_(moved)).values(code_id=target_id))

        # Children: under the target, after its own children, renamed on a clash.
        taken = set(session.scalars(select(Code.name).where(Code.parent_id == target_id)))
        top = session.scalar(select(func.max(Code.position)).where(Code.parent_id == target_id))
        position = 0 if top is None else top + 1
        children: list[MovedChild] = []
        for child in session.scalars(
            select(Code).where(Code.parent_id == source_id).order_by(Code.position, Code.id)
        ):
            new_name = unique_name(child.name, taken)
            children.append(MovedChild(child.id, child.position, child.name, new_name))
            child.parent_id, child.name, child.position = target_id, new_name, position
            position += 1
        session.flush()

        source_rows = capture(session, "code", [source_id])
        session.delete(source)
        return MergeRecord(
            source_id=source_id, target_id=target_id,
            source_path=paths[source_id], target_path=paths[target_id],
            source=source_rows, moved_coding_ids=tuple(moved), dropped=dropped_rows,
            kept=tuple(kept.values()), children=tuple(children),
        )


def unmerge(project: Project, record: MergeRecord) -> CodeInfo:
    """Undo :func:`merge_codes`: the source comes back with its codings, children and fields."""
    with project.write() as session:
        if session.get(Code, record.target_id) is None:
            raise NotFoundError(f"the code '{record.target_path}' no longer exists", code="undo.gone",
                                params={"what": "code", "name": record.target_path})
        if session.get(Code, record.source_id) is not None:
            raise ValidationError(f"the code '{record.source_path}' already exists", code="name.exists",
                                  params={"what": "code", "name": record.source_path})
        restore(session, record.source)
        for child in record.children:
            session.execute(
                update(Code).where(Code.id == child.code_id)
                .values(parent_id=record.source_id, name=child.old_name, position=child.old_position)
            )
        if record.moved_coding_ids:
            session.execute(
                update(Coding).where(Coding.id.in_(record.moved_coding_ids)).values(code_id=record.source_id)
            )
        for kept in record.kept:
            session.execute(
                update(Coding).where(Coding.id == kept.coding_id)
                .values(memo=kept.memo, exemplar=kept.exemplar, stage_id=kept.stage_id)
            )
        restore(session, record.dropped)
    return get_code(project, record.source_id)


__all__ = [
    "CodeSnapshot",
    "KeptCoding",
    "MergeRecord",
    "MovedChild",
    "delete_code",
    "merge_codes",
    "restore_code",
    "snapshot_code",
    "unmerge",
]

"""Cases: the units whose process is traced. A case groups whole documents and/or passages.

Every change is one unit of work and returns what an undo needs: :func:`delete_case` returns a
:class:`CaseSnapshot` for :func:`restore_case`; adding and removing members return the members that
actually changed; a passage removed comes back under its id with ``passage_id``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from app.core.coding import check_span
from app.core.db.models import Case, CasePassage, Document, case_document
from app.core.db.snapshot import RowsSnapshot, capture, restore
from app.core.errors import NotFoundError, ValidationError
from app.core.lookup import get_or_raise, not_found
from app.core.project import Project


@dataclass(frozen=True)
class CasePassageInfo:
    """A passage of a document that belongs to a case."""

    id: int
    case_id: int
    document_id: int
    document: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CaseInfo:
    """A case with its members: whole documents (ids and names, in document order) and passages."""

    id: int
    name: str
    description: str
    position: int
    document_ids: tuple[int, ...]
    documents: tuple[str, ...]
    passages: tuple[CasePassageInfo, ...]


@dataclass(frozen=True)
class CaseSnapshot:
    """A deleted case with its memberships (see :func:`restore_case`)."""

    case_id: int
    name: str
    rows: RowsSnapshot


def _check_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise ValidationError("a case name cannot be empty", code="name.empty", params={"what": "case"})
    return cleaned


def _get(session: Session, case_id: int) -> Case:
    return get_or_raise(session, Case, case_id, what="case")


def _check_free(session: Session, name: str, case_id: int | None = None) -> None:
    clash = session.scalar(select(Case.id).where(Case.name == name))
    if clash is not None and clash != case_id:
        raise ValidationError(f"a case named '{name}' already exists", code="name.exists",
                              params={"what": "case", "name": name})


def find_case(session: Session, name: str) -> Case:
    """The case called ``name``; NotFoundError otherwise."""
    case = session.scalar(select(Case).where(Case.name == name.strip()))
    if case is None:
        raise NotFoundError(f"no case named '{name}' in this project", code="not_named",
                        params={"what": "case", "name": name})
    return case


def create_case(project: Project, name: str, *, description: str = "") -> CaseInfo:
    """Create an empty case at the end of the list; names are unique."""
    name = _check_name(name)
    with project.write() as session:
        _check_free(session, name)
        top = session.scalar(select(func.max(Case.position)))
        case = Case(name=name, description=description, position=0 if top is None else top + 1)
        session.add(case)
        session.flush()
        case_id = case.id
    return get_case(project, case_id)


def rename_case(project: Project, case_id: int, new_name: str) -> CaseInfo:
    """Rename a case (undo: rename it back to the old ``CaseInfo.name``)."""
    new_name = _check_name(new_name)
    with project.write() as session:
        case = _get(session, case_id)
        _check_free(session, new_name, case_id)
        case.name = new_name
    return get_case(project, case_id)


def set_case_description(project: Project, case_id: int, description: str) -> str:
    """Replace a case's description; returns the previous one."""
    with project.write() as session:
        case = _get(session, case_id)
        previous = case.description
        case.description = description
    return previous


def delete_case(project: Project, case_id: int) -> CaseSnapshot:
    """Delete a case (its documents and passages stay); returns what :func:`restore_case` needs."""
    with project.write() as session:
        case = _get(session, case_id)
        snapshot = CaseSnapshot(case_id, case.name, capture(session, "case", [case_id]))
        session.delete(case)
    return snapshot


def restore_case(project: Project, snapshot: CaseSnapshot) -> CaseInfo:
    """Put a deleted case back with its id, fields and members."""
    with project.write() as session:
        if session.get(Case, snapshot.case_id) is not None:
            raise ValidationError(f"the case '{snapshot.name}' already exists", code="name.exists",
                              params={"what": "case", "name": snapshot.name})
        _check_free(session, snapshot.name)
        restore(session, snapshot.rows)
    return get_case(project, snapshot.case_id)


def add_case_documents(project: Project, case_id: int, document_ids: Iterable[int]) -> list[int]:
    """Add whole documents to a case; returns the ids that were not members yet (undo: remove them)."""
    wanted = list(dict.fromkeys(document_ids))
    with project.write() as session:
        _get(session, case_id)
        known = set(session.scalars(select(Document.id).where(Document.id.in_(wanted))))
        missing = [d for d in wanted if d not in known]
        if missing:
            raise not_found("document", missing[0])
        present = set(session.scalars(
            select(case_document.c.document_id).where(case_document.c.case_id == case_id)
        ))
        added = [d for d in wanted if d not in present]
        if added:
            session.execute(insert(case_document), [{"case_id": case_id, "document_id": d} for d in added])
    return added


def remove_case_documents(project: Project, case_id: int, document_ids: Iterable[int]) -> list[int]:
    """Remove documents from a case; returns the ids that were members (undo: add them back)."""
    wanted = list(dict.fromkeys(document_ids))
    with project.write() as session:
        _get(session, case_id)
        present = set(session.scalars(
            select(case_document.c.document_id).where(case_document.c.case_id == case_id)
        ))
        removed = [d for d in wanted if d in present]
        if removed:
            session.execute(delete(case_document).where(
                case_document.c.case_id == case_id, case_document.c.document_id.in_(removed)
            ))
    return removed


def add_case_passage(
    project: Project, case_id: int, document_id: int, start: int, end: int, *, passage_id: int | None = None
) -> CasePassageInfo:
    """Add ``[start, end)`` of a document to a case (``passage_id`` re-creates a removed one)."""
    with project.write() as session:
        _get(session, case_id)
        doc = get_or_raise(session, Document, document_id, what="document")
        check_span(doc.name, doc.length, start, end)
        row = CasePassage(case_id=case_id, document_id=document_id, start=start, end=end)
        if passage_id is not None:
            row.id = passage_id
        session.add(row)
        session.flush()
        new_id = row.id
        return _passages(session, passage_ids=[new_id])[0]


def remove_case_passage(project: Project, passage_id: int) -> CasePassageInfo:
    """Remove a passage from its case; returns it as it was (undo: add it back with its id)."""
    with project.write() as session:
        found = _passages(session, passage_ids=[passage_id])
        if not found:
            raise not_found("case passage", passage_id)
        session.execute(delete(CasePassage).where(CasePassage.id == passage_id))
    return found[0]


def move_case(project: Project, case_id: int, new_index: int) -> int:
    """Move a case to ``new_index`` in the list; returns its old index (undo: move it back)."""
    with project.write() as session:
        ordered = list(session.scalars(select(Case).order_by(Case.position, Case.id)))
        ids = [c.id for c in ordered]
        if case_id not in ids:
            raise not_found("case", case_id)
        old_index = ids.index(case_id)
        case = ordered.pop(old_index)
        ordered.insert(max(0, min(new_index, len(ordered))), case)
        for i, row in enumerate(ordered):
            row.position = i
    return old_index


def _passages(
    session: Session, *, passage_ids: Sequence[int] | None = None, case_ids: Sequence[int] | None = None
) -> list[CasePassageInfo]:
    query = (
        select(CasePassage.id, CasePassage.case_id, CasePassage.document_id, Document.name,
               CasePassage.start, CasePassage.end)
        .join(Document, Document.id == CasePassage.document_id)
        .order_by(Document.position, Document.id, CasePassage.start, CasePassage.end, CasePassage.id)
    )
    if passage_ids is not None:
        query = query.where(CasePassage.id.in_(passage_ids))
    if case_ids is not None:
        query = query.where(CasePassage.case_id.in_(case_ids))
    rows = session.execute(query).all()
    texts = dict(session.execute(
        select(Document.id, Document.text).where(Document.id.in_({r[2] for r in rows}))
    ).all())
    return [CasePassageInfo(*r, text=texts[r[2]][r[4]:r[5]]) for r in rows]


def list_cases(project: Project) -> list[CaseInfo]:
    """Every case in order, with its documents and passages."""
    with project.read() as session:
        return _list_cases(session)


def _list_cases(session: Session, case_ids: Sequence[int] | None = None) -> list[CaseInfo]:
    query = select(Case.id, Case.name, Case.description, Case.position).order_by(Case.position, Case.id)
    if case_ids is not None:
        query = query.where(Case.id.in_(case_ids))
    cases = session.execute(query).all()
    members: dict[int, list[tuple[int, str]]] = {}
    for case_id, doc_id, name in session.execute(
        select(case_document.c.case_id, Document.id, Document.name)
        .join(Document, Document.id == case_document.c.document_id)
        .order_by(Document.position, Document.id)
    ):
        members.setdefault(case_id, []).append((doc_id, name))
    passages: dict[int, list[CasePassageInfo]] = {}
    for passage in _passages(session, case_ids=[c[0] for c in cases]):
        passages.setdefault(passage.case_id, []).append(passage)
    return [
        CaseInfo(
            id=case_id, name=name, description=description, position=position,
            document_ids=tuple(d for d, _ in members.get(case_id, [])),
            documents=tuple(n for _, n in members.get(case_id, [])),
            passages=tuple(passages.get(case_id, [])),
        )
        for case_id, name, description, position in cases
    ]


def get_case(project: Project, case_id: int) -> CaseInfo:
    """One case by id."""
    with project.read() as session:
        found = _list_cases(session, [case_id])
    if not found:
        raise not_found("case", case_id)
    return found[0]


def case_ranges(
    session: Session, case_ids: Iterable[int]
) -> tuple[set[int], dict[int, list[tuple[int, int]]]]:
    """What the cases cover: the ids of their whole documents, and their passages' ranges per document."""
    ids = list(case_ids)
    whole = set(session.scalars(select(case_document.c.document_id).where(case_document.c.case_id.in_(ids))))
    ranges: dict[int, list[tuple[int, int]]] = {}
    for doc_id, start, end in session.execute(
        select(CasePassage.document_id, CasePassage.start, CasePassage.end)
        .where(CasePassage.case_id.in_(ids))
    ):
        ranges.setdefault(doc_id, []).append((start, end))
    return whole, ranges


__all__ = [
    "CaseInfo",
    "CasePassageInfo",
    "CaseSnapshot",
    "add_case_documents",
    "add_case_passage",
    "case_ranges",
    "create_case",
    "delete_case",
    "find_case",
    "get_case",
    "list_cases",
    "move_case",
    "remove_case_documents",
    "remove_case_passage",
    "rename_case",
    "restore_case",
    "set_case_description",
]

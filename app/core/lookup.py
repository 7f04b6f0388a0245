"""Finding rows: one get-or-raise for ids, and name → id resolution shared by the CLI and the UI.

``get_or_raise`` is the one place that turns a missing id into ``NotFoundError`` with the stable code
``not_found`` (the UI translates it from ``what`` and ``id``). The ``*_id`` functions take a project,
open their own read session and return plain ids, so no ORM session leaves app/core.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.db.models import Base, Coder, Coding
from app.core.errors import NotFoundError
from app.core.project import Project

M = TypeVar("M", bound=Base)


def not_found(what: str, row_id: object) -> NotFoundError:
    """The error for a missing ``what`` with id ``row_id`` ("no document with id 3")."""
    return NotFoundError(f"no {what} with id {row_id}", code="not_found", params={"what": what, "id": row_id})


def get_or_raise(session: Session, model: type[M], row_id: int, *, what: str | None = None) -> M:
    """The ``model`` row with primary key ``row_id``; NotFoundError naming ``what`` (default: the table)."""
    row = session.get(model, row_id)
    if row is None:
        raise not_found(what or str(model.__tablename__).replace("_", " "), row_id)
    return row


def document_id(project: Project, name: str) -> int:
    """The id of the document called ``name``."""
    from app.core.documents import find_document

    with project.read() as session:
        return find_document(session, name).id


def document_ids(project: Project, names: Sequence[str]) -> list[int]:
    """The ids of the documents called ``names``, in order (one read session for all)."""
    from app.core.documents import find_document

    with project.read() as session:
        return [find_document(session, name).id for name in names]


def code_id(project: Project, path: str) -> int:
    """The id of the code at ``path`` (names joined by '/')."""
    return code_ids(project, [path])[0]


def code_ids(project: Project, paths: Sequence[str]) -> list[int]:
    """The ids of the codes at ``paths``, in order."""
    from app.core.codebook import find_code

    with project.read() as session:
        return [find_code(session, path).id for path in paths]


def stage_id(project: Project, name: str) -> int:
    """The id of the stage called ``name``."""
    return stage_ids(project, [name])[0]


def stage_ids(project: Project, names: Sequence[str]) -> list[int]:
    """The ids of the stages called ``names``, in order."""
    from app.core.stages import find_stage

    with project.read() as session:
        return [find_stage(session, name).id for name in names]


def optional_stage_id(project: Project, name: str | None) -> int | None:
    """``stage_id(name)``, or None when no name is given."""
    return stage_id(project, name) if name else None


def case_id(project: Project, name: str) -> int:
    """The id of the case called ``name``."""
    return case_ids(project, [name])[0]


def case_ids(project: Project, names: Sequence[str]) -> list[int]:
    """The ids of the cases called ``names``, in order."""
    from app.core.cases import find_case

    with project.read() as session:
        return [find_case(session, name).id for name in names]


def attribute_id(project: Project, name: str) -> int:
    """The id of the attribute called ``name``."""
    from app.core.attributes import find_attribute

    with project.read() as session:
        return find_attribute(session, name).id


def coding_ids_at(project: Project, document: str, start: int, end: int, *, code: str | None = None,
                  coders: Sequence[str] | None = None) -> list[int]:
    """The ids of the codings of ``document`` at exactly ``[start, end)``, optionally of one code and coders."""
    from app.core.codebook import find_code
    from app.core.documents import find_document

    with project.read() as session:
        doc = find_document(session, document)
        query = select(Coding.id).where(Coding.document_id == doc.id, Coding.start == start, Coding.end == end)
        if code:
            query = query.where(Coding.code_id == find_code(session, code).id)
        if coders:
            query = query.join(Coder, Coder.id == Coding.coder_id).where(Coder.name.in_(list(coders)))
        return list(session.scalars(query))

"""Finding rows: one get-or-raise for ids, and name → id resolution shared by the CLI and the UI.

``get_or_raise`` is the one place that turns a missing id into ``NotFoundError`` with the stable code
``not_found`` (the UI translates it from ``what`` and ``id``). The ``*_id`` functions take a project,
open their own read session and return plain ids, so no ORM session leaves app/core.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

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


def document_id(project: Project, ref: int | str) -> int:
    """The id of document ``ref``: its id (returned as it is) or its name."""
    return document_ids(project, [ref])[0]


def document_ids(project: Project, refs: Sequence[int | str]) -> list[int]:
    """The ids of documents ``refs`` (ids or names), in order, with one read session for all."""
    from app.core.documents import find_document

    return _resolve(project, refs, find_document)


def code_id(project: Project, ref: int | str) -> int:
    """The id of code ``ref``: its id or its path (names joined by '/', e.g. ``内生因素/增权赋能``)."""
    return code_ids(project, [ref])[0]


def code_ids(project: Project, refs: Sequence[int | str]) -> list[int]:
    """The ids of codes ``refs`` (ids or paths), in order."""
    from app.core.codebook import find_code

    return _resolve(project, refs, find_code)


def stage_id(project: Project, ref: int | str) -> int:
    """The id of stage ``ref``: its id or its name."""
    return stage_ids(project, [ref])[0]


def stage_ids(project: Project, refs: Sequence[int | str]) -> list[int]:
    """The ids of stages ``refs`` (ids or names), in order."""
    from app.core.stages import find_stage

    return _resolve(project, refs, find_stage)


def optional_stage_id(project: Project, ref: int | str | None) -> int | None:
    """``stage_id(ref)``, or None when no stage is given (None or an empty name)."""
    return None if ref is None or ref == "" else stage_id(project, ref)


def case_id(project: Project, ref: int | str) -> int:
    """The id of case ``ref``: its id or its name."""
    return case_ids(project, [ref])[0]


def case_ids(project: Project, refs: Sequence[int | str]) -> list[int]:
    """The ids of cases ``refs`` (ids or names), in order."""
    from app.core.cases import find_case

    return _resolve(project, refs, find_case)


def attribute_id(project: Project, ref: int | str) -> int:
    """The id of attribute ``ref``: its id or its name."""
    from app.core.attributes import find_attribute

    return _resolve(project, [ref], find_attribute)[0]


class _Row(Protocol):
    id: int


def _resolve(project: Project, refs: Sequence[int | str], find: Callable[[Session, str], _Row]) -> list[int]:
    """Ids stay as they are (the service that uses one checks it); names are looked up with ``find``."""
    if all(isinstance(ref, int) for ref in refs):
        return [int(ref) for ref in refs]
    with project.read() as session:
        return [ref if isinstance(ref, int) else find(session, ref).id for ref in refs]


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

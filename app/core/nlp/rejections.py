"""Rejected suggestions: remembered per span and code, never suggested again there, negatives for training.

A rejection is stored with the span of the unit it was made on (table ``suggestion_rejection``). A
later suggestion of the same code is dropped when a rejection covers its unit
(:func:`app.core.nlp.units.covers`), so a unit whose edges moved a little still counts as the same unit.
The table is registered with the text editor (:mod:`app.core.editing`), so rejections stay on their
words when the text is edited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.core.coding import check_span
from app.core.db.models import Code, Document, SuggestionRejection, utcnow
from app.core.lookup import get_or_raise
from app.core.project import Project

__all__ = ["Rejection", "list_rejections", "reject", "unreject"]


@dataclass(frozen=True)
class Rejection:
    id: int
    document_id: int
    code_id: int
    start: int
    end: int
    coder: str
    at: datetime


def _info(row: SuggestionRejection) -> Rejection:
    return Rejection(row.id, row.document_id, row.code_id, row.start, row.end, row.coder, row.at)


def reject(
    project: Project,
    *,
    document_id: int,
    code_id: int,
    start: int,
    end: int,
    coder: str = "",
    rejection_id: int | None = None,
    at: datetime | None = None,
) -> Rejection:
    """Remember that ``code_id`` was rejected for ``[start, end)``.

    ``rejection_id`` and ``at`` re-create an undone rejection exactly (redo).
    """
    with project.write() as session:
        doc = get_or_raise(session, Document, document_id, what="document")
        check_span(doc.name, doc.length, start, end)
        get_or_raise(session, Code, code_id, what="code")
        row = SuggestionRejection(
            document_id=document_id, code_id=code_id, start=start, end=end, coder=coder, at=at or utcnow()
        )
        if rejection_id is not None:
            row.id = rejection_id
        session.add(row)
        session.flush()
        return _info(row)


def unreject(project: Project, rejection_id: int) -> Rejection:
    """Forget a rejection (undo); returns it as it was."""
    with project.write() as session:
        row = get_or_raise(session, SuggestionRejection, rejection_id, what="rejected suggestion")
        info = _info(row)
        session.delete(row)
    return info


def list_rejections(project: Project, document_id: int | None = None) -> list[Rejection]:
    """Rejections (of one document), in document position order."""
    query = select(SuggestionRejection).order_by(
        SuggestionRejection.document_id, SuggestionRejection.start, SuggestionRejection.id
    )
    if document_id is not None:
        query = query.where(SuggestionRejection.document_id == document_id)
    with project.read() as session:
        return [_info(row) for row in session.scalars(query)]

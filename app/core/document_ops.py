"""Document operations for the workspace: delete with exact undo, reorder, properties.

:func:`snapshot_document` captures a document (its text, hash and every column) with everything that
goes when it is deleted — codings, stage spans, case memberships and passages, attribute values,
and rows of any table added later that refers to it — and :func:`restore_document` puts it all back
under the same ids (the full-text index follows through its triggers; a deletion is only recorded
for it and undone at no cost when the document comes back, see :mod:`app.core.db.fts`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.core.db import fts
from app.core.db.models import Coding, Document
from app.core.db.snapshot import RowsSnapshot, capture, restore
from app.core.documents import DocumentInfo, get_document
from app.core.errors import ValidationError
from app.core.lookup import get_or_raise, not_found
from app.core.project import Project
from app.core.text import detect_turns, split_sentences


@dataclass(frozen=True)
class DocumentSnapshot:
    """A document with everything its deletion takes along (see :func:`restore_document`)."""

    document_id: int
    name: str
    sha256: str
    rows: RowsSnapshot

    @property
    def coding_count(self) -> int:
        """How many codings the document had."""
        return len(self.rows.of("coding"))


@dataclass(frozen=True)
class SpeakerStats:
    """One speaker of a transcript: how many turns, and how many characters they said."""

    speaker: str
    turns: int
    characters: int


@dataclass(frozen=True)
class DocumentProperties:
    """What the properties dialog shows about a document."""

    id: int
    name: str
    source_name: str
    source_format: str
    source_encoding: str  # the encoding found on import ('' for .docx or text added directly)
    characters: int  # code points of the stored text
    sentences: int
    speakers: tuple[SpeakerStats, ...]  # in order of first appearance
    imported_at: datetime
    codings: int
    sha256: str
    memo: str


def _get(session: Session, document_id: int) -> Document:
    return get_or_raise(session, Document, document_id, what="document")


def _snapshot(session: Session, document_id: int) -> DocumentSnapshot:
    doc = _get(session, document_id)
    return DocumentSnapshot(document_id, doc.name, doc.sha256, capture(session, "document", [document_id]))


def snapshot_document(project: Project, document_id: int) -> DocumentSnapshot:
    """Capture a document and everything its deletion would take along."""
    with project.read() as session:
        return _snapshot(session, document_id)


def delete_document_with_snapshot(project: Project, document_id: int) -> DocumentSnapshot:
    """Delete a document in one unit of work, returning the snapshot taken just before."""
    with project.write() as session:
        snapshot = _snapshot(session, document_id)
        session.execute(delete(Document).where(Document.id == document_id))
    return snapshot


def restore_document(project: Project, snapshot: DocumentSnapshot) -> DocumentInfo:
    """Put a deleted document back from its snapshot, under the same ids, with all it had."""
    with project.write() as session:
        if session.get(Document, snapshot.document_id) is not None:
            raise ValidationError(f"the document '{snapshot.name}' already exists", code="name.exists",
                                  params={"what": "document", "name": snapshot.name})
        if session.scalar(select(Document.id).where(Document.name == snapshot.name)) is not None:
            raise ValidationError(f"a document named '{snapshot.name}' already exists", code="name.exists",
                                  params={"what": "document", "name": snapshot.name})
        restore(session, snapshot.rows)
        fts.settle(session, snapshot.document_id)  # the index still holds this text: nothing to redo
    return get_document(project, snapshot.document_id)


def move_document(project: Project, document_id: int, new_index: int) -> int:
    """Move a document to ``new_index`` in the document order; returns its old index (for undo)."""
    with project.write() as session:
        ordered = list(session.scalars(select(Document).order_by(Document.position, Document.id)))
        ids = [d.id for d in ordered]
        if document_id not in ids:
            raise not_found("document", document_id)
        old_index = ids.index(document_id)
        doc = ordered.pop(old_index)
        ordered.insert(max(0, min(new_index, len(ordered))), doc)
        for i, row in enumerate(ordered):
            if row.position != i + 1:  # positions start at 1, like an import's
                row.position = i + 1
    return old_index


def document_properties(project: Project, document_id: int) -> DocumentProperties:
    """Source file, encoding found, size in characters and sentences, speakers and codings."""
    with project.read() as session:
        doc = _get(session, document_id)
        text = doc.text
        codings = session.scalar(select(func.count(Coding.id)).where(Coding.document_id == document_id)) or 0
        fields = (doc.id, doc.name, doc.source_name, doc.source_format, doc.source_encoding, doc.imported_at,
                  doc.sha256, doc.memo)
    stats: dict[str, list[int]] = {}
    for turn in detect_turns(text):
        entry = stats.setdefault(turn.speaker, [0, 0])
        entry[0] += 1
        entry[1] += turn.end - turn.start
    doc_id, name, source_name, source_format, source_encoding, imported_at, sha256, memo = fields
    return DocumentProperties(
        id=doc_id, name=name, source_name=source_name, source_format=source_format,
        source_encoding=source_encoding, characters=len(text), sentences=len(split_sentences(text)),
        speakers=tuple(SpeakerStats(s, turns, chars) for s, (turns, chars) in stats.items()),
        imported_at=imported_at, codings=codings, sha256=sha256, memo=memo,
    )


__all__ = [
    "DocumentProperties",
    "DocumentSnapshot",
    "SpeakerStats",
    "delete_document_with_snapshot",
    "document_properties",
    "move_document",
    "restore_document",
    "snapshot_document",
]

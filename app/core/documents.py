"""Documents: import (all or nothing), list, read, rename, delete."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import lookup
from app.core.db.models import Coding, Document, utcnow
from app.core.errors import NotFoundError, ValidationError
from app.core.lookup import get_or_raise, not_found
from app.core.project import Project
from app.core.text import normalise, sha256_text
from app.core.variants import REGIONS, SCRIPTS, convert

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DocumentInfo:
    """A document without its text."""

    id: int
    name: str
    length: int
    sha256: str
    source_name: str
    source_format: str
    source_encoding: str
    imported_at: datetime
    position: int
    codings: int


def unique_name(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted (2)``, ``wanted (3)``… whichever is free; adds the result to ``taken``."""
    name = wanted
    n = 2
    while name in taken:
        name = f"{wanted} ({n})"
        n += 1
    taken.add(name)
    return name


def import_files(
    project: Project, paths: Sequence[str | Path], *, progress: Progress | None = None,
    to: str | None = None, variant: str | None = None,
) -> list[DocumentInfo]:
    """Import text files as documents, all or nothing.

    Every file is read and checked before anything is written; the first unreadable one raises
    :class:`~app.core.errors.InputFileError` and the project is left as it was. With ``to``
    (``"hans"`` or ``"hant"``, and a regional ``variant`` ``"tw"`` or ``"hk"``) the Chinese text is
    converted to that script as it is stored (OpenCC); without, it is kept as in the file.
    """
    # The readers (python-docx, lxml: 0.1 s) load with the first import, not when the window starts.
    from app.core.exchange.readers import read_document_file

    if (to is not None and to not in SCRIPTS) or variant not in REGIONS or (variant and to is None):
        raise ValidationError(f"cannot convert to script {to!r} with variant {variant!r} "
                              "(scripts: hans, hant; variants: tw, hk)", code="convert.bad_target",
                              params={"to": str(to), "variant": str(variant)})

    files = [Path(p) for p in paths]
    read = []
    for i, path in enumerate(files):
        read.append(read_document_file(path))
        if progress:
            progress(i + 1, len(files) * 2)
    with project.write() as session:
        taken = set(session.scalars(select(Document.name)))
        position = (session.scalar(select(func.max(Document.position))) or 0) + 1
        ids = []
        for i, (path, doc) in enumerate(zip(files, read, strict=True)):
            text = doc.text if to is None else normalise(convert(doc.text, to, variant))
            row = _new_document(
                session, unique_name(path.stem, taken), text, position + i,
                source_name=path.name, source_format=doc.format, source_encoding=doc.encoding,
            )
            ids.append(row.id)
            if progress:
                progress(len(files) + i + 1, len(files) * 2)
    by_id = {d.id: d for d in list_documents(project)}
    return [by_id[i] for i in ids]


def add_text_document(project: Project, name: str, text: str, *, source_format: str = "txt") -> DocumentInfo:
    """Add a document from a string (normalised like an imported file)."""
    if not name.strip():
        raise ValidationError("a document name cannot be empty", code="name.empty", params={"what": "document"})
    text = normalise(text)
    with project.write() as session:
        taken = set(session.scalars(select(Document.name)))
        position = (session.scalar(select(func.max(Document.position))) or 0) + 1
        row = _new_document(session, unique_name(name.strip(), taken), text, position,
                            source_name="", source_format=source_format, source_encoding="")
        doc_id = row.id
    return get_document(project, doc_id)


def _new_document(
    session: Session, name: str, text: str, position: int, *,
    source_name: str, source_format: str, source_encoding: str,
) -> Document:
    row = Document(
        name=name, text=text, length=len(text), sha256=sha256_text(text),
        source_name=source_name, source_format=source_format, source_encoding=source_encoding,
        imported_at=utcnow(), position=position, memo="",
    )
    session.add(row)
    session.flush()
    return row


def list_documents(project: Project) -> list[DocumentInfo]:
    """All documents in their order, with coding counts (the text is not loaded)."""
    with project.read() as session:
        counts = dict(
            session.execute(select(Coding.document_id, func.count(Coding.id)).group_by(Coding.document_id))

            .all()
        )
        rows = session.execute(
            select(
                Document.id, Document.name, Document.length, Document.sha256, Document.source_name,
                Document.source_format, Document.source_encoding, Document.imported_at, Document.position,
            ).order_by(Document.position, Document.id)
        ).all()
    return [DocumentInfo(*row, codings=counts.get(row.id, 0)) for row in rows]


def get_document(project: Project, document_id: int) -> DocumentInfo:
    """One document by id (without its text)."""
    for info in list_documents(project):
        if info.id == document_id:
            return info
    raise not_found("document", document_id)


def find_document(session: Session, name: str) -> Document:
    """The document called ``name``; NotFoundError otherwise."""
    doc = session.scalar(select(Document).where(Document.name == name))
    if doc is None:
        raise NotFoundError(f"no document named '{name}' in this project", code="not_named",
                        params={"what": "document", "name": name})
    return doc


def document_id_by_name(project: Project, name: str) -> int:
    """The id of the document called ``name`` (see app.core.lookup for ids, codes, stages, cases)."""
    return lookup.document_id(project, name)


def document_text(project: Project, document_id: int) -> str:
    """The stored (normalised) text of a document."""
    with project.read() as session:
        text = session.scalar(select(Document.text).where(Document.id == document_id))
    if text is None:
        raise not_found("document", document_id)
    return text


def rename_document(project: Project, document_id: int, new_name: str) -> DocumentInfo:
    """Rename a document; names are unique within a project."""
    new_name = new_name.strip()
    if not new_name:
        raise ValidationError("a document name cannot be empty", code="name.empty", params={"what": "document"})
    with project.write() as session:
        doc = get_or_raise(session, Document, document_id, what="document")
        clash = session.scalar(select(Document.id).where(Document.name == new_name, Document.id != document_id))
        if clash is not None:
            raise ValidationError(f"a document named '{new_name}' already exists", code="name.exists",
                                  params={"what": "document", "name": new_name})
        doc.name = new_name
    return get_document(project, document_id)


def delete_document(project: Project, document_id: int) -> int:
    """Delete a document with its codings; returns how many codings went with it."""
    with project.write() as session:
        doc = get_or_raise(session, Document, document_id, what="document")
        removed = session.scalar(select(func.count(Coding.id)).where(Coding.document_id == document_id)) or 0
        session.delete(doc)
    return removed

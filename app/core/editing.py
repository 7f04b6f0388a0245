"""Editing a document's text after coding, without losing a coding.

Every table that holds positions in a document is named once in :data:`POSITION_TABLES` (table,
document column, start column, end column); a later table with positions (memo anchors, suggestions…)
is added with :func:`register_position_table` and is then kept on its words by every edit, replace,
pseudonymisation and undo here without any other change. The position rules are those of
:mod:`app.core.splice`.

Each change is one unit of work that returns a :class:`TextChange`: the record of exactly what
changed (the splices with the replaced text, every moved range with its old and new position, the
rows removed with everything they took along, the history rows written, other cells changed).
:func:`undo_change` puts the project back byte for byte (same ids, same values) and
:func:`redo_change` does the change again, exactly; both refuse with a :class:`ValidationError` when
a document's text is no longer what the record expects. The desktop app hands the record to
``controller.perform`` as its undo/redo state.

Every change is written to the document history (``document_edit``): who, when, what.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Table, TextClause, and_, delete, insert, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from app.core.db.fts import document_contains
from app.core.db.models import Base, Document, DocumentEdit, utcnow
from app.core.db.snapshot import RowImage, RowsSnapshot, capture, restore
from app.core.errors import ValidationError
from app.core.lookup import get_or_raise, not_found
from app.core.project import Project
from app.core.search import CONTEXT_CHARS, context_of
from app.core.splice import SpanMapper, Splice, check_splices, splice_text, undo_splices
from app.core.text import normalise, sha256_text

_CHUNK = 500


# --------------------------------------------------------------------------- the registry


@dataclass(frozen=True)
class PositionTable:
    """A table whose rows hold a range ``[start, end)`` of a document's text (code points)."""

    table: str
    document_column: str = "document_id"
    start_column: str = "start"
    end_column: str = "end"


#: Every table with positions in a document's text. Add later ones with register_position_table.
POSITION_TABLES: list[PositionTable] = [
    PositionTable("coding"),
    PositionTable("stage_span"),
    PositionTable("case_passage"),
    PositionTable("suggestion_rejection"),
]


def register_position_table(
    table: str, document_column: str = "document_id", start_column: str = "start", end_column: str = "end"
) -> PositionTable:
    """Keep the ranges of ``table`` on their words through every text change (idempotent)."""
    entry = PositionTable(table, document_column, start_column, end_column)
    if table not in Base.metadata.tables:
        raise ValueError(f"no table named {table!r} in the models")
    if entry not in POSITION_TABLES:
        POSITION_TABLES.append(entry)
    return entry


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class MovedRange:
    """A row of a position table whose range changed."""

    table: str
    id: int
    start: int
    end: int
    new_start: int
    new_end: int


@dataclass(frozen=True)
class RemovedRange:
    """A row whose words were deleted entirely (undo brings it back); ``text`` is what it covered."""

    table: str
    id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DocumentChange:
    """What one text change did to one document."""

    document_id: int
    document: str
    splices: tuple[Splice, ...]  # in the old text's coordinates
    replaced: tuple[str, ...]  # the old text of each splice
    old_sha256: str
    new_sha256: str
    old_length: int
    new_length: int


@dataclass(frozen=True)
class CellChange:
    """A text cell outside the documents' text that a pseudonymisation changed."""

    table: str
    key: tuple[tuple[str, Any], ...]
    column: str
    old: str
    new: str


@dataclass(frozen=True)
class TextChange:
    """The record of one edit, replace or pseudonymisation: enough to undo and redo it exactly."""

    kind: str  # "edit", "replace" or "pseudonymise"
    documents: tuple[DocumentChange, ...]
    moved: tuple[MovedRange, ...]
    removed: tuple[RemovedRange, ...]
    removed_rows: tuple[RowsSnapshot, ...]
    history: tuple[RowImage, ...]
    cells: tuple[CellChange, ...] = ()

    @property
    def hits(self) -> int:
        """How many stretches of text were replaced."""
        return sum(len(d.splices) for d in self.documents)

    @property
    def document_ids(self) -> list[int]:
        return [d.document_id for d in self.documents]

    def removed_of(self, table: str) -> list[RemovedRange]:
        """The removed rows of one position table (e.g. ``"coding"``)."""
        return [r for r in self.removed if r.table == table]


@dataclass(frozen=True)
class HistoryEntry:
    """One row of a document's history."""

    id: int
    document_id: int
    document: str
    kind: str
    coder: str
    at: datetime
    start: int | None
    end: int | None
    old_text: str
    new_text: str
    hits: int
    removed: int
    note: str


@dataclass(frozen=True)
class ReplaceHit:
    """One occurrence that a replace would change, with its context (line ends shown as spaces)."""

    document_id: int
    document: str
    start: int
    end: int
    context: str
    context_start: int

    @property
    def context_offset(self) -> int:
        """Where the hit starts inside ``context``."""
        return self.start - self.context_start


@dataclass(frozen=True)
class ReplacePreview:
    """Every hit of a replace, and the ranges whose words it would delete entirely."""

    find: str
    replacement: str
    hits: tuple[ReplaceHit, ...]
    would_remove: tuple[RemovedRange, ...] = field(default=())


# --------------------------------------------------------------------------- the core of a change


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def _get_document(session: Session, document_id: int) -> Document:
    return get_or_raise(session, Document, document_id, what="document")


def _quote(session: Session, name: str) -> str:
    return session.get_bind().dialect.identifier_preparer.quote(name)


def _sql(session: Session, entry: PositionTable, kind: str) -> TextClause:
    """Plain SQL for the hot paths (one statement per table, cheap to bind many times)."""
    q = functools.partial(_quote, session)
    pk = q(next(iter(_table(entry.table).primary_key.columns)).name)
    table, start, end, doc = (
        q(entry.table),
        q(entry.start_column),
        q(entry.end_column),
        q(entry.document_column),
    )
    if kind == "select":
        return sql_text(
            f"SELECT {pk}, {start}, {end} FROM {table} WHERE {doc} = :doc AND {end} > :first ORDER BY {pk}"
        )
    return sql_text(f"UPDATE {table} SET {start} = :start, {end} = :end WHERE {pk} = :id")


def _plan_ranges(
    session: Session, document_id: int, text_: str, splices: Sequence[Splice]
) -> tuple[list[MovedRange], list[RemovedRange]]:
    """Where every range of the document goes (only rows that may change are read)."""
    mapper = SpanMapper(splices)
    first = splices[0].start
    moved: list[MovedRange] = []
    removed: list[RemovedRange] = []
    for entry in POSITION_TABLES:
        rows = session.execute(_sql(session, entry, "select"), {"doc": document_id, "first": first}).all()
        for row_id, a, b in rows:
            target = mapper.map(a, b)
            if target is None:
                removed.append(RemovedRange(entry.table, row_id, a, b, text_[a:b]))
            elif target != (a, b):
                moved.append(MovedRange(entry.table, row_id, a, b, target[0], target[1]))
    return moved, removed


def _set_ranges(session: Session, moved: Sequence[MovedRange], *, new: bool) -> None:
    by_table: dict[str, list[dict[str, int]]] = {}
    for m in moved:
        start, end = (m.new_start, m.new_end) if new else (m.start, m.end)
        by_table.setdefault(m.table, []).append({"id": m.id, "start": start, "end": end})
    for entry in POSITION_TABLES:
        params = by_table.get(entry.table)
        if params:
            session.execute(_sql(session, entry, "update"), params)


def _delete_rows(session: Session, removed: Sequence[RemovedRange]) -> None:
    for entry in POSITION_TABLES:
        ids = [r.id for r in removed if r.table == entry.table]
        if not ids:
            continue
        t = _table(entry.table)
        pk = next(iter(t.primary_key.columns))
        for chunk in _chunks(ids):
            session.execute(delete(t).where(pk.in_(chunk)))


def _capture_removed(session: Session, removed: Sequence[RemovedRange]) -> list[RowsSnapshot]:
    snapshots = []
    for entry in POSITION_TABLES:
        ids = [r.id for r in removed if r.table == entry.table]
        if ids:
            snapshots.append(capture(session, entry.table, ids))
    return snapshots


def _write_text(session: Session, document_id: int, new_text: str) -> str:
    digest = sha256_text(new_text)
    table = _table("document")
    session.execute(
        update(table)
        .where(table.c.id == document_id)
        .values(text=new_text, length=len(new_text), sha256=digest)
    )
    return digest


class _DocumentLike(Protocol):
    """A document's id, name, text and hash: an ORM ``Document`` or a :class:`_Doc`."""

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def sha256(self) -> str: ...


@dataclass(frozen=True)
class _Doc:
    id: int
    name: str
    text: str
    sha256: str


def _splice_document(
    session: Session, doc: _DocumentLike, splices: Sequence[Splice]
) -> tuple[DocumentChange, list[MovedRange], list[RemovedRange], list[RowsSnapshot]]:
    """Apply ``splices`` to one document and move, shrink, grow or remove its ranges."""
    text = doc.text
    try:
        check_splices(splices, len(text))
    except ValueError as exc:
        raise ValidationError(f"{doc.name}: {exc}", code="range.invalid",
                              params={"file": doc.name, "reason": str(exc)}) from None
    moved, removed = _plan_ranges(session, doc.id, text, splices)
    snapshots = _capture_removed(session, removed)
    _delete_rows(session, removed)
    _set_ranges(session, moved, new=True)
    new_text = splice_text(text, splices)
    old_sha = doc.sha256
    new_sha = _write_text(session, doc.id, new_text)
    change = DocumentChange(
        document_id=doc.id,
        document=doc.name,
        splices=tuple(splices),
        replaced=tuple(text[s.start : s.end] for s in splices),
        old_sha256=old_sha,
        new_sha256=new_sha,
        old_length=len(text),
        new_length=len(new_text),
    )
    return change, moved, removed, snapshots


def _add_history(session: Session, **values: Any) -> RowImage:
    values.setdefault("at", utcnow())
    table = _table("document_edit")
    new_id = session.execute(insert(table).values(**values).returning(table.c.id)).scalar_one()
    row = session.execute(select(table).where(table.c.id == new_id)).one()
    return RowImage("document_edit", tuple(zip(row._fields, tuple(row), strict=True)))


def _clean_new_text(text: str) -> str:
    # Stored text has no BOM and only \n line ends; an edit keeps it so.
    return normalise(text).replace("\ufeff", "")


# --------------------------------------------------------------------------- edit


def edit_text(
    project: Project, document_id: int, start: int, end: int, new_text: str, *, coder: str, note: str = ""
) -> TextChange:
    """Replace code points ``[start, end)`` of a document with ``new_text`` (one unit of work).

    Codings, stage spans, case passages and every registered range stay on their words; those whose
    words are deleted entirely are removed and listed in the record (:func:`undo_change` brings
    them back). The document's hash and length are updated and the edit goes into its history.
    """
    new_text = _clean_new_text(new_text)
    with project.write() as session:
        doc = _get_document(session, document_id)
        if not 0 <= start <= end <= doc.length:
            raise ValidationError(
                f"{doc.name}: the range {start}–{end} is not inside the text (0–{doc.length} characters)",
                code="range.outside", params={"file": doc.name, "start": start, "end": end, "length": doc.length},
            )
        old = doc.text[start:end]
        if old == new_text:
            raise ValidationError(f"{doc.name}: the new text is the same as the old; nothing to change",
                                  code="edit.unchanged", params={"file": doc.name})
        change, moved, removed, snapshots = _splice_document(session, doc, [Splice(start, end, new_text)])
        history = _add_history(
            session,
            document_id=doc.id,
            kind="edit",
            coder=coder,
            start=start,
            end=end,
            old_text=old,
            new_text=new_text,
            hits=1,
            removed=len(removed),
            note=note,
        )
    return TextChange("edit", (change,), tuple(moved), tuple(removed), tuple(snapshots), (history,))


def preview_edit(
    project: Project, document_id: int, start: int, end: int, new_text: str
) -> tuple[list[MovedRange], list[RemovedRange]]:
    """What :func:`edit_text` would do to the ranges (moved, removed); changes nothing."""
    new_text = _clean_new_text(new_text)
    with project.read() as session:
        doc = _get_document(session, document_id)
        if not 0 <= start <= end <= doc.length:
            raise ValidationError(
                f"{doc.name}: the range {start}–{end} is not inside the text (0–{doc.length} characters)",
                code="range.outside", params={"file": doc.name, "start": start, "end": end, "length": doc.length},
            )
        return _plan_ranges(session, doc.id, doc.text, [Splice(start, end, new_text)])


# --------------------------------------------------------------------------- find and replace


def find_exact(text: str, term: str) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of ``term`` in ``text``, left to right, matched exactly."""
    found: list[tuple[int, int]] = []
    if not term:
        return found
    at = text.find(term)
    while at >= 0:
        found.append((at, at + len(term)))
        at = text.find(term, at + len(term))
    return found


def _candidates(session: Session, term: str, document_ids: Iterable[int] | None) -> list[_Doc]:
    query = (
        select(Document.id, Document.name, Document.text, Document.sha256)
        .where(document_contains(session, term))
        .order_by(Document.position, Document.id)
    )
    if document_ids is not None:
        ids = list(document_ids)
        known = set(session.scalars(select(Document.id).where(Document.id.in_(ids))))
        missing = [i for i in ids if i not in known]
        if missing:
            raise not_found("document", missing[0])
        query = query.where(Document.id.in_(ids))
    return [_Doc(*row) for row in session.execute(query)]


def _check_replace(find: str, replacement: str) -> str:
    if find == "":
        raise ValidationError("the text to find is empty", code="search.empty")
    replacement = _clean_new_text(replacement)
    if find == replacement:
        raise ValidationError(f"'{find}' would be replaced by itself; nothing to change", code="replace.same",
                              params={"find": find})
    return replacement


def preview_replace(
    project: Project,
    find: str,
    replacement: str,
    *,
    document_ids: Iterable[int] | None = None,
    context_chars: int = CONTEXT_CHARS,
) -> ReplacePreview:
    """Every hit a replace would change, in document then text order, with context; and the ranges
    whose words it would delete entirely. Changes nothing."""
    replacement = _check_replace(find, replacement)
    hits: list[ReplaceHit] = []
    would_remove: list[RemovedRange] = []
    with project.read() as session:
        for candidate in _candidates(session, find, document_ids):
            doc_id, name, text = candidate.id, candidate.name, candidate.text
            found = find_exact(text, find)
            if not found:
                continue
            for start, end in found:
                context, context_start = context_of(text, start, end, context_chars)
                hits.append(ReplaceHit(doc_id, name, start, end, context, context_start))
            _moved, removed = _plan_ranges(
                session, doc_id, text, [Splice(s, e, replacement) for s, e in found]
            )
            would_remove.extend(removed)
    return ReplacePreview(find, replacement, tuple(hits), tuple(would_remove))


def replace_text(
    project: Project,
    find: str,
    replacement: str,
    *,
    coder: str,
    document_ids: Iterable[int] | None = None,
) -> TextChange:
    """Replace every exact occurrence of ``find`` (in ``document_ids``, or everywhere) as one unit of
    work; one history row per document changed. A record with no documents means no hit."""
    replacement = _check_replace(find, replacement)
    changes: list[DocumentChange] = []
    moved: list[MovedRange] = []
    removed: list[RemovedRange] = []
    snapshots: list[RowsSnapshot] = []
    history: list[RowImage] = []
    with project.write() as session:
        for doc in _candidates(session, find, document_ids):
            found = find_exact(doc.text, find)
            if not found:
                continue
            doc_id = doc.id
            change, m, r, snaps = _splice_document(
                session, doc, [Splice(s, e, replacement) for s, e in found]
            )
            changes.append(change)
            moved += m
            removed += r
            snapshots += snaps
            history.append(
                _add_history(
                    session,
                    document_id=doc_id,
                    kind="replace",
                    coder=coder,
                    start=None,
                    end=None,
                    old_text=find,
                    new_text=replacement,
                    hits=len(found),
                    removed=len(r),
                    note="",
                )
            )
    return TextChange(
        "replace", tuple(changes), tuple(moved), tuple(removed), tuple(snapshots), tuple(history)
    )


# --------------------------------------------------------------------------- undo and redo


def _check_sha(session: Session, change: DocumentChange, expected: str) -> Document:
    doc = session.get(Document, change.document_id)
    if doc is None or doc.sha256 != expected:
        raise ValidationError(
            f"{change.document}: the text has changed since this edit; it cannot be undone or redone",
            code="edit.stale", params={"file": change.document},
        )
    return doc


def _history_ids(change: TextChange) -> list[int]:
    return [int(row.get("id")) for row in change.history]


def _set_cells(session: Session, cells: Sequence[CellChange], *, new: bool) -> None:
    for cell in cells:
        t = _table(cell.table)
        where = and_(*(t.c[k] == v for k, v in cell.key))
        session.execute(update(t).where(where).values({cell.column: cell.new if new else cell.old}))


def undo_change(project: Project, change: TextChange) -> None:
    """Put back the text, every range, every removed row and every cell as before ``change``."""
    with project.write() as session:
        ids = _history_ids(change)
        for chunk in _chunks(ids):
            session.execute(delete(DocumentEdit).where(DocumentEdit.id.in_(chunk)))
        _set_cells(session, change.cells, new=False)
        for doc_change in change.documents:
            doc = _check_sha(session, doc_change, doc_change.new_sha256)
            back = undo_splices(doc_change.splices, doc_change.replaced)
            text = splice_text(doc.text, back)
            if _write_text(session, doc.id, text) != doc_change.old_sha256:
                raise ValidationError(f"{doc_change.document}: the text could not be restored exactly",
                                      code="edit.restore_failed", params={"file": doc_change.document})
        _set_ranges(session, change.moved, new=False)
        for snapshot in change.removed_rows:
            restore(session, snapshot)


def _delete_snapshot_rows(session: Session, snapshot: RowsSnapshot) -> None:
    """Delete the rows of a snapshot again (children first; cascades make repeats harmless)."""
    for row in reversed(snapshot.rows):
        table = _table(row.table)
        values = dict(row.values)
        where = and_(*(c == values[c.name] for c in table.primary_key.columns))
        session.execute(delete(table).where(where))


def redo_change(project: Project, change: TextChange) -> None:
    """Do ``change`` again exactly (same ranges, same removed rows, same history rows)."""
    with project.write() as session:
        for doc_change in change.documents:
            doc = _check_sha(session, doc_change, doc_change.old_sha256)
            text = splice_text(doc.text, doc_change.splices)
            _write_text(session, doc.id, text)
        for snapshot in change.removed_rows:
            _delete_snapshot_rows(session, snapshot)
        _set_ranges(session, change.moved, new=True)
        _set_cells(session, change.cells, new=True)
        for row in change.history:
            session.execute(insert(_table("document_edit")).values(dict(row.values)))


# --------------------------------------------------------------------------- history


def document_history(project: Project, document_id: int | None = None) -> list[HistoryEntry]:
    """The recorded changes of one document (or of all), oldest first."""
    with project.read() as session:
        query = (
            select(DocumentEdit, Document.name)
            .join(Document, Document.id == DocumentEdit.document_id)
            .order_by(DocumentEdit.at, DocumentEdit.id)
        )
        if document_id is not None:
            _get_document(session, document_id)
            query = query.where(DocumentEdit.document_id == document_id)
        return [
            HistoryEntry(
                id=e.id,
                document_id=e.document_id,
                document=name,
                kind=e.kind,
                coder=e.coder,
                at=e.at,
                start=e.start,
                end=e.end,
                old_text=e.old_text,
                new_text=e.new_text,
                hits=e.hits,
                removed=e.removed,
                note=e.note,
            )
            for e, name in session.execute(query)
        ]


__all__ = [
    "POSITION_TABLES",
    "CellChange",
    "DocumentChange",
    "HistoryEntry",
    "MovedRange",
    "PositionTable",
    "RemovedRange",
    "ReplaceHit",
    "ReplacePreview",
    "TextChange",
    "document_history",
    "edit_text",
    "find_exact",
    "preview_edit",
    "preview_replace",
    "redo_change",
    "register_position_table",
    "replace_text",
    "undo_change",
]

"""Row images for undo: capture rows and everything a delete would take with them, put them back.

:func:`capture` reads the rows of a table with the given ids and, following the foreign keys of the
models, every row a delete would cascade to (a code's subtree and codings, a document's codings,
stage spans, case memberships, attributes…), plus the references a delete would set to NULL. It
reads the models' metadata, so a table or column added later is captured without changing this
module. :func:`restore` inserts the rows again with the same primary keys (parents first) and
re-points the nulled references. Rows are plain tuples of values, never ORM objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy import Column, Table, and_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.db.models import Base
from app.core.errors import ValidationError

_CHUNK = 500  # ids per IN (...): below SQLite's old 999-variable limit


@dataclass(frozen=True)
class RowImage:
    """One row: its table and its column values (every column of the model)."""

    table: str
    values: tuple[tuple[str, Any], ...]

    def get(self, column: str) -> Any:
        """The value of ``column``."""
        return dict(self.values)[column]


@dataclass(frozen=True)
class NulledReference:
    """A foreign key a delete sets to NULL: ``table``'s row ``key`` had ``column = value``."""

    table: str
    key: tuple[tuple[str, Any], ...]
    column: str
    value: Any


@dataclass(frozen=True)
class RowsSnapshot:
    """Rows to insert again (in a valid order) and references to re-point."""

    rows: tuple[RowImage, ...]
    nulled: tuple[NulledReference, ...] = ()

    def of(self, table: str) -> list[RowImage]:
        """The captured rows of one table, in capture order."""
        return [r for r in self.rows if r.table == table]


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _pk_columns(table: Table) -> list[Column[Any]]:
    return list(table.primary_key.columns)


def _referencing(table: Table) -> list[tuple[Table, Column[Any], str | None]]:
    """``(child table, its column, ondelete)`` for every foreign key to ``table``'s single-column key."""
    found = []
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table:
                found.append((child, fk.parent, (fk.ondelete or "").upper() or None))
    return found


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def capture(session: Session, table_name: str, ids: Iterable[Any]) -> RowsSnapshot:
    """The rows of ``table_name`` whose (single-column) primary key is in ``ids``, with every row
    and reference that deleting them would cascade to or set to NULL."""
    seen: dict[str, set[tuple[Any, ...]]] = {}
    rows: list[RowImage] = []
    nulled: list[NulledReference] = []

    def visit(table: Table, column: Column[Any], values: Sequence[Any]) -> None:
        pk = _pk_columns(table)
        new_keys: list[Any] = []
        for chunk in _chunks(values):
            for row in session.execute(select(table).where(column.in_(chunk))).mappings():
                key = tuple(row[c.name] for c in pk)
                if key in seen.setdefault(table.name, set()):
                    continue
                seen[table.name].add(key)
                rows.append(RowImage(table.name, tuple((c.name, row[c.name]) for c in table.columns)))
                new_keys.append(key[0])
        if len(pk) != 1 or not new_keys:
            return
        for child, child_column, ondelete in _referencing(table):
            if ondelete == "CASCADE":
                visit(child, child_column, new_keys)
            elif ondelete == "SET NULL":
                child_pk = _pk_columns(child)
                for chunk in _chunks(new_keys):
                    for row in session.execute(select(child).where(child_column.in_(chunk))).mappings():
                        nulled.append(NulledReference(
                            child.name, tuple((c.name, row[c.name]) for c in child_pk),
                            child_column.name, row[child_column.name],
                        ))

    root = _table(table_name)
    [root_pk] = _pk_columns(root)
    visit(root, root_pk, list(ids))
    order = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}
    ordered = sorted(rows, key=lambda r: order[r.table])  # stable: parents first within a table
    # A nulled reference in a captured row goes back with the row itself.
    outside = [n for n in nulled if tuple(v for _k, v in n.key) not in seen.get(n.table, set())]
    return RowsSnapshot(tuple(ordered), tuple(outside))


def restore(session: Session, snapshot: RowsSnapshot) -> None:
    """Insert the snapshot's rows again (same keys) and re-point the nulled references.

    Raises :class:`ValidationError` when a row cannot go back (its key is taken again, or a row
    it refers to is gone).
    """
    try:
        # One executemany per run of rows of a table (in order: parents first): a document's 3,000
        # codings one statement each took 2 s to put back (issue 13).
        for (table_name, _columns), run in groupby(snapshot.rows, key=lambda r: (r.table, [k for k, _v in r.values])):
            session.execute(_table(table_name).insert(), [dict(row.values) for row in run])
        for ref in snapshot.nulled:
            table = _table(ref.table)
            where = and_(*(table.c[k] == v for k, v in ref.key))
            session.execute(update(table).where(where).values({ref.column: ref.value}))
        session.flush()
    except IntegrityError as exc:
        raise ValidationError(
            f"the deleted rows cannot be put back: the project has changed since ({exc.orig})",
            code="undo.conflict",
        ) from exc


__all__ = ["NulledReference", "RowImage", "RowsSnapshot", "capture", "restore"]

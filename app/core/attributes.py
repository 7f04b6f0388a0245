"""Typed attributes of documents (``text``, ``number``, ``date``): define, set, read, delete.

Values are stored as text, checked and normalised by type: a number must parse as a finite float
and is stored in its shortest form (``3``, ``2.5``, ``1000`` for ``1e3``); a date must be an ISO
date ``YYYY-MM-DD``. Setters return the previous value, and deleting a definition returns a
snapshot with every value, so each change can be undone exactly.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal, cast

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.core.db.models import AttributeDefinition, Document, DocumentAttribute
from app.core.db.snapshot import RowsSnapshot, capture, restore
from app.core.errors import NotFoundError, ValidationError
from app.core.lookup import get_or_raise, not_found
from app.core.project import Project

AttributeType = Literal["text", "number", "date"]
TYPES: tuple[AttributeType, ...] = ("text", "number", "date")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class AttributeInfo:
    """An attribute definition and how many documents have a value for it."""

    id: int
    name: str
    type: AttributeType
    position: int
    values: int


@dataclass(frozen=True)
class AttributeValue:
    """One document's value of one attribute: ``value`` as stored, ``typed`` as str/float/date."""

    document_id: int
    attribute_id: int
    name: str
    type: AttributeType
    value: str
    typed: str | float | date


@dataclass(frozen=True)
class AttributeSnapshot:
    """A deleted attribute definition with all its values (see :func:`restore_attribute`)."""

    attribute_id: int
    name: str
    rows: RowsSnapshot


def check_type(type_: str) -> AttributeType:
    """``type_`` if it is one of text, number, date; ValidationError otherwise."""
    if type_ not in TYPES:
        raise ValidationError(f"'{type_}' is not an attribute type (use one of: {', '.join(TYPES)})",
                          code="value.choice", params={"value": type_, "allowed": ", ".join(TYPES)})
    return type_


def normalise_value(name: str, type_: str, value: str | float | date) -> str:
    """The stored form of ``value`` for an attribute of type ``type_`` (ValidationError if invalid)."""
    if type_ == "number":
        if isinstance(value, bool):
            raise ValidationError(f"{name}: '{value}' is not a number", code="value.number",
                                  params={"name": name, "value": value})
        try:
            number = float(value.strip() if isinstance(value, str) else value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise ValidationError(f"{name}: '{value}' is not a number", code="value.number",
                                  params={"name": name, "value": value}) from None
        if not math.isfinite(number):
            raise ValidationError(f"{name}: '{value}' is not a finite number",
                                  code="value.number", params={"name": name, "value": value})
        return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
    if type_ == "date":
        if isinstance(value, date):
            return value.isoformat()
        text = str(value).strip()
        try:
            if not _ISO_DATE.match(text):
                raise ValueError
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValidationError(f"{name}: '{value}' is not a date of the form YYYY-MM-DD", code="value.date",
                                  params={"name": name, "value": value}) from None
    return str(value)


def typed_value(type_: str, stored: str) -> str | float | date:
    """A stored value as a Python value of its type (for sorting and filtering)."""
    if type_ == "number":
        return float(stored)
    if type_ == "date":
        return date.fromisoformat(stored)
    return stored


def _get(session: Session, attribute_id: int) -> AttributeDefinition:
    return get_or_raise(session, AttributeDefinition, attribute_id, what="attribute")


def _check_name(session: Session, name: str, attribute_id: int | None = None) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise ValidationError("an attribute name cannot be empty", code="name.empty", params={"what": "attribute"})
    clash = session.scalar(select(AttributeDefinition.id).where(AttributeDefinition.name == cleaned))
    if clash is not None and clash != attribute_id:
        raise ValidationError(f"an attribute named '{cleaned}' already exists", code="name.exists",
                              params={"what": "attribute", "name": cleaned})
    return cleaned


def define_attribute(project: Project, name: str, type_: str = "text") -> AttributeInfo:
    """Define a new attribute (names are unique)."""
    checked = check_type(type_)
    with project.write() as session:
        cleaned = _check_name(session, name)
        top = session.scalar(select(func.max(AttributeDefinition.position)))
        row = AttributeDefinition(name=cleaned, type=checked, position=0 if top is None else top + 1)
        session.add(row)
        session.flush()
        new_id = row.id
    return get_attribute(project, new_id)


def rename_attribute(project: Project, attribute_id: int, new_name: str) -> AttributeInfo:
    """Rename an attribute (undo: rename it back)."""
    with project.write() as session:
        row = _get(session, attribute_id)
        row.name = _check_name(session, new_name, attribute_id)
    return get_attribute(project, attribute_id)


def list_attributes(project: Project) -> list[AttributeInfo]:
    """The attribute definitions in order, with how many documents have a value."""
    with project.read() as session:
        counts = dict(session.execute(
            select(DocumentAttribute.attribute_id, func.count()).group_by(DocumentAttribute.attribute_id)
        ).all())
        rows = session.execute(
            select(AttributeDefinition.id, AttributeDefinition.name, AttributeDefinition.type,
                   AttributeDefinition.position)
            .order_by(AttributeDefinition.position, AttributeDefinition.id)
        ).all()
    return [AttributeInfo(i, n, cast(AttributeType, t), p, counts.get(i, 0)) for i, n, t, p in rows]


def get_attribute(project: Project, attribute_id: int) -> AttributeInfo:
    """One attribute definition by id."""
    for info in list_attributes(project):
        if info.id == attribute_id:
            return info
    raise not_found("attribute", attribute_id)


def find_attribute(session: Session, name: str) -> AttributeDefinition:
    """The attribute called ``name``; NotFoundError otherwise."""
    row = session.scalar(select(AttributeDefinition).where(AttributeDefinition.name == name.strip()))
    if row is None:
        raise NotFoundError(f"no attribute named '{name}' in this project", code="not_named",
                        params={"what": "attribute", "name": name})
    return row


def set_attribute(
    project: Project, document_id: int, attribute_id: int, value: str | float | date | None
) -> str | None:
    """Set (or with None or '' clear) a document's value; returns the previous stored value or None.

    Undo: call again with the returned value.
    """
    with project.write() as session:
        definition = _get(session, attribute_id)
        get_or_raise(session, Document, document_id, what="document")
        row = session.get(DocumentAttribute, (document_id, attribute_id))
        previous = row.value if row is not None else None
        if value is None or (isinstance(value, str) and not value.strip()):
            if row is not None:
                session.delete(row)
            return previous
        stored = normalise_value(definition.name, definition.type, value)
        if row is None:
            session.add(DocumentAttribute(document_id=document_id, attribute_id=attribute_id, value=stored))
        else:
            row.value = stored
    return previous


def get_attributes(project: Project, document_id: int) -> list[AttributeValue]:
    """A document's attribute values, in the definitions' order."""
    with project.read() as session:
        get_or_raise(session, Document, document_id, what="document")
        rows = session.execute(
            select(DocumentAttribute.attribute_id, AttributeDefinition.name, AttributeDefinition.type,
                   DocumentAttribute.value)
            .join(AttributeDefinition, AttributeDefinition.id == DocumentAttribute.attribute_id)
            .where(DocumentAttribute.document_id == document_id)
            .order_by(AttributeDefinition.position, AttributeDefinition.id)
        ).all()
    return [
        AttributeValue(document_id, a, n, cast(AttributeType, t), v, typed_value(t, v)) for a, n, t, v in rows
    ]


def attribute_table(project: Project) -> list[tuple[int, str, dict[str, str]]]:
    """Every document (in order) with its values by attribute name: ``(id, name, {attribute: value})``."""
    with project.read() as session:
        values: dict[int, dict[str, str]] = {}
        for doc_id, name, value in session.execute(
            select(DocumentAttribute.document_id, AttributeDefinition.name, DocumentAttribute.value)
            .join(AttributeDefinition, AttributeDefinition.id == DocumentAttribute.attribute_id)
            .order_by(AttributeDefinition.position, AttributeDefinition.id)
        ):
            values.setdefault(doc_id, {})[name] = value
        docs = session.execute(
            select(Document.id, Document.name).order_by(Document.position, Document.id)
        ).all()
    return [(doc_id, name, values.get(doc_id, {})) for doc_id, name in docs]


def delete_attribute(project: Project, attribute_id: int) -> AttributeSnapshot:
    """Delete a definition and all its values; returns what :func:`restore_attribute` needs."""
    with project.write() as session:
        row = _get(session, attribute_id)
        rows = capture(session, "attribute_definition", [attribute_id])
        snapshot = AttributeSnapshot(attribute_id, row.name, rows)
        session.execute(delete(AttributeDefinition).where(AttributeDefinition.id == attribute_id))
    return snapshot


def restore_attribute(project: Project, snapshot: AttributeSnapshot) -> AttributeInfo:
    """Put a deleted attribute back with its id and every value."""
    with project.write() as session:
        if session.get(AttributeDefinition, snapshot.attribute_id) is not None:
            raise ValidationError(f"the attribute '{snapshot.name}' already exists",
                                  code="name.exists", params={"what": "attribute", "name": snapshot.name})
        _check_name(session, snapshot.name)
        restore(session, snapshot.rows)
    return get_attribute(project, snapshot.attribute_id)


__all__ = [
    "TYPES",
    "AttributeInfo",
    "AttributeSnapshot",
    "AttributeType",
    "AttributeValue",
    "attribute_table",
    "check_type",
    "define_attribute",
    "delete_attribute",
    "find_attribute",
    "get_attribute",
    "get_attributes",
    "list_attributes",
    "normalise_value",
    "rename_attribute",
    "restore_attribute",
    "set_attribute",
    "typed_value",
]

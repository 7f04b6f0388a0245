"""Operations on cases (documents and passages grouped for analysis) and on document attributes.

Deleting a case or an attribute is in :mod:`app.core.ops.entities` (re-exported here). Created rows
come back under their ids on redo, so later undo steps and snapshots still find them.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core import attributes, cases, lookup
from app.core.changes import Changes
from app.core.ops import Done, done
from app.core.ops.entities import delete_attribute, delete_case
from app.core.project import Project

_CASES = Changes(cases=True)
_ATTRIBUTES = Changes(attributes=True, document_list=True)


def create_case(project: Project, name: str, *, description: str = "") -> Done[cases.CaseInfo]:
    """Create an empty case at the end of the list (undo deletes it, redo brings it back, same id)."""
    info = cases.create_case(project, name, description=description)
    saved: list[cases.CaseSnapshot] = []

    def undo() -> None:
        saved[:] = [cases.delete_case(project, info.id)]

    return done("create_case", info.name, info, _CASES, undo, lambda: cases.restore_case(project, saved[0]))


def rename_case(project: Project, case_id: int, new_name: str) -> Done[cases.CaseInfo]:
    """Rename a case."""
    old = cases.get_case(project, case_id)
    info = cases.rename_case(project, case_id, new_name)
    return done("rename_case", old.name, info, _CASES, lambda: cases.rename_case(project, case_id, old.name),
                lambda: cases.rename_case(project, case_id, new_name))


def add_case_documents(project: Project, case_id: int, documents: Sequence[int | str]) -> Done[list[int]]:
    """Add whole documents (ids or names) to a case; the value is the ids that were not members yet."""
    document_ids = lookup.document_ids(project, documents)
    name = cases.get_case(project, case_id).name
    added = cases.add_case_documents(project, case_id, document_ids)
    return done("case_documents", name, added, _CASES, lambda: cases.remove_case_documents(project, case_id, added),
                lambda: cases.add_case_documents(project, case_id, added))


def add_case_passage(project: Project, case_id: int, document: int | str, start: int,
                     end: int) -> Done[cases.CasePassageInfo]:
    """Add ``[start, end)`` of a document (code points) to a case."""
    document_id = lookup.document_id(project, document)
    name = cases.get_case(project, case_id).name
    info = cases.add_case_passage(project, case_id, document_id, start, end)
    return done("case_passage", name, info, _CASES, lambda: cases.remove_case_passage(project, info.id),
                lambda: cases.add_case_passage(project, case_id, document_id, start, end, passage_id=info.id))


def define_attribute(project: Project, name: str, type_: str = "text") -> Done[attributes.AttributeInfo]:
    """Define a document attribute (text, number, date or choice)."""
    info = attributes.define_attribute(project, name, type_)
    saved: list[attributes.AttributeSnapshot] = []

    def undo() -> None:
        saved[:] = [attributes.delete_attribute(project, info.id)]

    return done("define_attribute", info.name, info, _ATTRIBUTES, undo,
                lambda: attributes.restore_attribute(project, saved[0]))


def set_attribute(project: Project, document: int | str, attribute_id: int,
                  value: str | None) -> Done[str | None]:
    """Set (or with None or '' clear) a document's value of an attribute; the value is the previous one."""
    document_id = lookup.document_id(project, document)
    name = attributes.get_attribute(project, attribute_id).name
    previous = attributes.set_attribute(project, document_id, attribute_id, value)
    return done("set_attribute", name, previous, _ATTRIBUTES,
                lambda: attributes.set_attribute(project, document_id, attribute_id, previous),
                lambda: attributes.set_attribute(project, document_id, attribute_id, value))


__all__ = ["add_case_documents", "add_case_passage", "create_case", "define_attribute", "delete_attribute",
           "delete_case", "rename_case", "set_attribute"]

"""Operations on documents, cases, attributes, process links and memos (deletes undone from snapshots)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.core import attributes, cases, document_ops, documents, lookup, memos
from app.core.changes import Changes
from app.core.documents import Progress
from app.core.ops import Done, done
from app.core.process import links
from app.core.project import Project

_DOCUMENT_GONE = Changes(document_list=True, all_codings=True, codes=True, cases=True, memos=True, links=True,
                         attributes=True, stages=True)


# --- documents -------------------------------------------------------------------------------------

def delete_document(project: Project, document: int | str) -> Done[document_ops.DocumentSnapshot]:
    """Delete a document with its codings, spans, passages, attributes and history; undo restores all."""
    document_id = lookup.document_id(project, document)
    snapshot = document_ops.delete_document_with_snapshot(project, document_id)
    gone = _DOCUMENT_GONE | Changes(documents=frozenset({document_id}))
    return done("delete_document", snapshot.name, snapshot, gone,
                lambda: document_ops.restore_document(project, snapshot),
                lambda: document_ops.delete_document_with_snapshot(project, document_id))


def import_documents(
    project: Project, paths: Sequence[str | Path], *, to: str | None = None, variant: str | None = None,
    progress: Progress | None = None,
) -> Done[list[documents.DocumentInfo]]:
    """Import files as documents, all or nothing (optionally converting the script, see
    :func:`app.core.documents.import_files`); undo deletes them, redo brings them back with their ids."""
    imported = documents.import_files(project, paths, progress=progress, to=to, variant=variant)
    snapshots: list[document_ops.DocumentSnapshot] = []

    def undo() -> None:
        snapshots[:] = [document_ops.delete_document_with_snapshot(project, d.id) for d in imported]

    def redo() -> None:
        for snapshot in snapshots:
            document_ops.restore_document(project, snapshot)

    subject = imported[0].name if len(imported) == 1 else str(len(imported))
    return done("import_documents", subject, imported,
                Changes(document_list=True, documents=frozenset(d.id for d in imported)), undo, redo,
                undo_changes=_DOCUMENT_GONE | Changes(documents=frozenset(d.id for d in imported)))


def rename_document(project: Project, document: int | str, new_name: str) -> Done[documents.DocumentInfo]:
    """Rename a document (its codings show the new name)."""
    document_id = lookup.document_id(project, document)
    old = documents.get_document(project, document_id).name
    info = documents.rename_document(project, document_id, new_name)
    changes = Changes(document_list=True, codings_in=frozenset({document_id}), cases=True)
    return done("rename_document", old, info, changes, lambda: documents.rename_document(project, document_id, old),
                lambda: documents.rename_document(project, document_id, new_name))


def move_document(project: Project, document: int | str, new_index: int) -> Done[int]:
    """Move a document to ``new_index`` in the project's order."""
    document_id = lookup.document_id(project, document)
    names = [d.id for d in documents.list_documents(project)]
    old_index = names.index(document_id)
    value = document_ops.move_document(project, document_id, new_index)
    return done("move_document", documents.get_document(project, document_id).name, value,
                Changes(document_list=True), lambda: document_ops.move_document(project, document_id, old_index),
                lambda: document_ops.move_document(project, document_id, new_index))


# --- cases -----------------------------------------------------------------------------------------

def delete_case(project: Project, case_id: int) -> Done[cases.CaseSnapshot]:
    """Delete a case (its documents and passages stay); undo restores it with its members."""
    snapshot = cases.delete_case(project, case_id)
    return done("delete_case", snapshot.name, snapshot, Changes(cases=True),
                lambda: cases.restore_case(project, snapshot), lambda: cases.delete_case(project, case_id))


# --- attributes ------------------------------------------------------------------------------------

def delete_attribute(project: Project, attribute_id: int) -> Done[attributes.AttributeSnapshot]:
    """Delete a document attribute and all its values; undo restores them."""
    snapshot = attributes.delete_attribute(project, attribute_id)
    return done("delete_attribute", snapshot.name, snapshot, Changes(attributes=True, document_list=True),
                lambda: attributes.restore_attribute(project, snapshot),
                lambda: attributes.delete_attribute(project, attribute_id))


# --- process links ---------------------------------------------------------------------------------

def delete_link(project: Project, link_id: int) -> Done[links.LinkSnapshot]:
    """Delete an action-logic link and its evidence; undo restores both."""
    snapshot = links.delete_link(project, link_id)
    subject = f"{snapshot.link.source} → {snapshot.link.target}"
    return done("delete_link", subject, snapshot, Changes(links=True),
                lambda: links.restore_link(project, snapshot), lambda: links.delete_link(project, link_id))


# --- memos -----------------------------------------------------------------------------------------

def set_project_memo(project: Project, memo: str) -> Done[str]:
    """Write the project's memo ('' deletes it)."""
    old = memos.set_project_memo(project, memo)
    return done("project_memo", "", memo, Changes(memos=True), lambda: memos.set_project_memo(project, old),
                lambda: memos.set_project_memo(project, memo))


def set_document_memo(project: Project, document: int | str, memo: str) -> Done[str]:
    """Write a document's memo ('' deletes it)."""
    document_id = lookup.document_id(project, document)
    old = memos.set_document_memo(project, document_id, memo)
    return done("document_memo", documents.get_document(project, document_id).name, memo, Changes(memos=True),
                lambda: memos.set_document_memo(project, document_id, old),
                lambda: memos.set_document_memo(project, document_id, memo))


def set_code_memo(project: Project, code: int | str, memo: str) -> Done[str]:
    """Write a code's memo ('' deletes it)."""
    from app.core.codebook import get_code

    code_id = lookup.code_id(project, code)
    old = memos.set_code_memo(project, code_id, memo)
    return done("code_memo", get_code(project, code_id).path, memo, Changes(memos=True),
                lambda: memos.set_code_memo(project, code_id, old),
                lambda: memos.set_code_memo(project, code_id, memo))

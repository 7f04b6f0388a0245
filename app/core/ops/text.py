"""Operations that change documents' text: edit a range, find and replace, pseudonymise, convert
the script. Each keeps every coding, stage span, case passage and memo anchor on its words, and is
undone and redone exactly from its :class:`~app.core.editing.TextChange` record.
"""

from __future__ import annotations

from collections.abc import Callable

from app.core import editing, lookup
from app.core.changes import Changes
from app.core.editing import TextChange
from app.core.ops import Done, done
from app.core.project import Project

#: The undo label's action key for each kind of text change.
ACTIONS = {"edit": "edit_text", "replace": "replace_text", "pseudonymise": "pseudonymise",
           "convert": "convert_script"}


def text_changes(change: TextChange) -> Changes:
    """What a text change changed: the documents' text and codings; with renamed cells (a
    pseudonymisation also renames codes, documents, cases…), everything."""
    ids = frozenset(d.document_id for d in change.documents)
    changes = Changes(documents=ids, codings_in=ids)
    if change.cells:
        changes |= Changes.everything()
    return changes


def recorded(project: Project, change: TextChange) -> Done[TextChange]:
    """The :class:`Done` of a text change already made (by one of the functions below, or by
    :mod:`app.core.convert`): its changes, and exact undo and redo."""
    names = [d.document for d in change.documents]
    subject = names[0] if len(names) == 1 else str(len(names))
    changes = text_changes(change)
    return done(ACTIONS.get(change.kind, change.kind), subject, change, changes,
                lambda: editing.undo_change(project, change), lambda: editing.redo_change(project, change))


def run(project: Project, make: Callable[[], TextChange]) -> Done[TextChange]:
    """Make a text change with ``make`` (one transaction) and return it as an operation."""
    return recorded(project, make())


def edit_text(project: Project, document: int | str, start: int, end: int, new_text: str, *, coder: str,
              note: str = "") -> Done[TextChange]:
    """Replace code points ``[start, end)`` of a document with ``new_text``."""
    document_id = lookup.document_id(project, document)
    return recorded(project, editing.edit_text(project, document_id, start, end, new_text, coder=coder, note=note))


__all__ = ["ACTIONS", "edit_text", "recorded", "run", "text_changes"]

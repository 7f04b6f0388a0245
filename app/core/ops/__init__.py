"""The operations layer: every change to a project, for the window, the CLI and (later) a team server.

An operation takes ids or names, resolves and validates them, changes the project in one
transaction and returns a :class:`Done`: its result, the :class:`~app.core.changes.Changes` it made,
and ``undo``/``redo`` callables that replay it exactly (deletions are undone from metadata-driven
row snapshots, :mod:`app.core.db.snapshot`). The window pushes a ``Done`` on its undo stack and sends
its changes down the change stream; the CLI uses the result and ignores the rest.

``action`` is a stable key (``"apply_coding"``, ``"delete_code"``…) and ``subject`` the name of what
was changed (a code's path, a document's name), so the window can label the undo step in the user's
language: 撤销 应用编码「代议政治」.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from app.core.changes import Changes

T = TypeVar("T")


@dataclass(frozen=True)
class Done(Generic[T]):
    """A change that was made: its result, what it changed, and how to undo and redo it exactly."""

    action: str
    subject: str
    value: T
    changes: Changes
    undo: Callable[[], Changes]
    redo: Callable[[], Changes]


def done(action: str, subject: str, value: T, changes: Changes,
         undo: Callable[[], object], redo: Callable[[], object],
         undo_changes: Changes | None = None, redo_changes: Changes | None = None) -> Done[T]:
    """Build a :class:`Done` whose undo/redo report ``undo_changes``/``redo_changes`` (default: ``changes``)."""

    def run_undo() -> Changes:
        undo()
        return undo_changes if undo_changes is not None else changes

    def run_redo() -> Changes:
        redo()
        return redo_changes if redo_changes is not None else changes

    return Done(action, subject, value, changes, run_undo, run_redo)


__all__ = ["Changes", "Done", "done"]

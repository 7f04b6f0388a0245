"""The project controller: owns the open project and its undo stack; every change is a command.

Each change is done once through a service *before* its command is pushed, so a refused change
raises here (and is shown to the user) with the project untouched, instead of failing inside Qt's
``redo()``. The command then replays ``redo``/``undo`` callables captured when it was done.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Flag, auto
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.core import coding as coding_service
from app.core.coding import CodingInfo
from app.core.project import Project

T = TypeVar("T")


class Changed(Flag):
    """What a command touched, so views refresh only what they show."""

    NONE = 0
    CODINGS = auto()
    CODES = auto()
    DOCUMENTS = auto()
    MEMOS = auto()
    STAGES = auto()
    CASES = auto()


class ProjectController(QObject):
    """Signals tell views what changed; views never call services that change data themselves."""

    changed = Signal(object, object)  # Changed flags, document id or None
    codings_changed = Signal(int)  # document id
    # Exactly which codings a command added and removed (CodingInfo lists), sent before ``changed``
    # so views can patch themselves instead of reloading a long document's codings.
    coding_delta = Signal(list, list)

    def __init__(self, project: Project, coder: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.coder = coder
        self.undo_stack = QUndoStack(self)

    def notify(self, what: Changed, document_id: int | None = None) -> None:
        """Tell every view that ``what`` changed (in ``document_id``, when it is about one document)."""
        self.changed.emit(what, document_id)
        if Changed.CODINGS in what and document_id is not None:
            self.codings_changed.emit(document_id)

    def perform(
        self,
        text: str,
        do: Callable[[], T],
        undo: Callable[[T], None],
        redo: Callable[[T], None] | None = None,
        *,
        what: Changed,
        document_id: Callable[[T], int | None] | int | None = None,
        delta: Callable[[T, str], tuple[list[CodingInfo], list[CodingInfo]]] | None = None,
    ) -> T:
        """Do ``do()`` now; push a command whose undo/redo replay ``undo(result)``/``redo(result)``.

        ``redo`` defaults to calling ``do`` again. Raises (and pushes nothing) when ``do`` raises.
        """
        result = do()
        doc = document_id(result) if callable(document_id) else document_id
        self.undo_stack.push(_Command(self, text, result, undo, redo or (lambda _r: do()), what, doc, delta))
        if delta is not None:
            self.coding_delta.emit(*delta(result, "do"))
        self.notify(what, doc)
        return result

    def macro(self, text: str) -> _Macro:
        """``with controller.macro("…"):`` groups the commands inside into one undo step."""
        return _Macro(self.undo_stack, text)

    # --- codings ---
    def apply_coding(self, document_id: int, code_id: int, start: int, end: int, *,
                     expect_sha256: str | None = None) -> CodingInfo:
        """Apply a code; ``expect_sha256`` (the shown text's hash) makes the service refuse a stale text."""
        return self.perform(
            self.tr("Apply code"),
            lambda: coding_service.apply_coding(
                self.project, document_id=document_id, code_id=code_id, start=start, end=end, coder=self.coder,
                expect_sha256=expect_sha256,
            ),
            lambda info: coding_service.delete_coding(self.project, info.id),
            self._recreate,
            what=Changed.CODINGS,
            document_id=document_id,
            delta=lambda info, step: ([], [info]) if step == "undo" else ([info], []),
        )

    def remove_coding(self, coding_id: int) -> CodingInfo:
        return self.perform(
            self.tr("Remove coding"),
            lambda: coding_service.remove_coding(self.project, coding_id),
            self._recreate,
            lambda info: coding_service.delete_coding(self.project, info.id),
            what=Changed.CODINGS,
            document_id=lambda info: info.document_id,
            delta=lambda info, step: ([info], []) if step == "undo" else ([], [info]),
        )

    def _recreate(self, info: CodingInfo) -> None:
        coding_service.restore_coding(self.project, info)


class _Command(QUndoCommand):
    def __init__(self, controller: ProjectController, text: str, result: object,
                 undo: Callable[[object], None], redo: Callable[[object], None], what: Changed,
                 document_id: int | None, delta: Callable[[Any, str], tuple[list[Any], list[Any]]] | None) -> None:
        super().__init__(text)
        self._controller = controller
        self._result = result
        self._undo = undo
        self._redo = redo
        self._what = what
        self._document_id = document_id
        self._delta = delta
        self._first = True

    def redo(self) -> None:
        if self._first:  # done by perform() before the push
            self._first = False
            return
        self._redo(self._result)
        self._done("redo")

    def undo(self) -> None:
        self._undo(self._result)
        self._done("undo")

    def _done(self, step: str) -> None:
        if self._delta is not None:
            self._controller.coding_delta.emit(*self._delta(self._result, step))
        self._controller.notify(self._what, self._document_id)


class _Macro:
    def __init__(self, stack: QUndoStack, text: str) -> None:
        self._stack = stack
        self._text = text

    def __enter__(self) -> None:
        self._stack.beginMacro(self._text)

    def __exit__(self, *_exc: object) -> None:
        self._stack.endMacro()

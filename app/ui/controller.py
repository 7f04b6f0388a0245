"""The project controller: owns the open project and its undo stack; every change is a command.

Each change is done once through an operation (``app.core.ops``) *before* its command is pushed, so a
refused change raises here (and is shown to the user) with the project untouched, instead of failing
inside Qt's ``redo()``. The command then replays the operation's ``undo``/``redo``.

**The change stream.** Every change — done, undone, redone — is announced once on
:attr:`ProjectController.changes_made` as a typed :class:`~app.core.changes.Changes` record; every view
subscribes and patches itself from it. (``changed`` still carries the same news as coarse flags for
views not yet moved to the record.)
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from enum import Flag, auto
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.core.changes import Changes
from app.core.coding import CodingInfo
from app.core.ops import Done
from app.core.ops import codings as coding_ops
from app.core.project import Project

T = TypeVar("T")


class Changed(Flag):
    """What a command touched, as coarse flags (see :func:`as_changes` for the typed record)."""

    NONE = 0
    CODINGS = auto()
    CODES = auto()
    DOCUMENTS = auto()
    MEMOS = auto()
    STAGES = auto()
    CASES = auto()
    LINKS = auto()  # process links, their evidence and figure layouts


def as_changes(what: Changed, document_id: int | None,
               delta: tuple[list[CodingInfo], list[CodingInfo]] | None = None) -> Changes:
    """The typed record for coarse flags (and, when known, the exact coding delta)."""
    changes = Changes(
        codes=bool(what & Changed.CODES), memos=bool(what & Changed.MEMOS), stages=bool(what & Changed.STAGES),
        cases=bool(what & Changed.CASES), document_list=bool(what & Changed.DOCUMENTS),
        links=bool(what & Changed.LINKS),
        documents=frozenset({document_id}) if what & Changed.DOCUMENTS and document_id is not None else frozenset(),
        all_codings=bool(what & (Changed.CODES | Changed.STAGES)),
    )
    if what & Changed.CODINGS:
        if delta is not None:
            changes |= Changes(codings_added=tuple(delta[0]), codings_removed=tuple(delta[1]))
        elif document_id is not None:
            changes |= Changes(codings_in=frozenset({document_id}))
        else:
            changes |= Changes(all_codings=True)
    return changes


def as_flags(changes: Changes) -> tuple[Changed, int | None]:
    """Coarse flags and the one document concerned (None: several or none) for a typed record."""
    what = Changed.NONE
    if changes.codings_changed:
        what |= Changed.CODINGS
    for flag, on in ((Changed.CODES, changes.codes), (Changed.MEMOS, changes.memos),
                     (Changed.STAGES, changes.stages), (Changed.CASES, changes.cases),
                     (Changed.LINKS, changes.links),
                     (Changed.DOCUMENTS, changes.document_list or bool(changes.documents) or changes.attributes)):
        if on:
            what |= flag
    documents = changes.coding_documents() | changes.documents
    return what, next(iter(documents)) if len(documents) == 1 and not changes.all_codings else None


#: Undo-stack labels of the operations, by their ``action`` key: the user reads them in History and in
#: the Undo/Redo menu items, with the object's name (撤销 应用编码「代议政治」).
def action_label(action: str, subject: str) -> str:
    labels = {
        "apply_coding": QCoreApplication.translate("Operations", "Apply code “{0}”"),
        "apply_codings": QCoreApplication.translate("Operations", "Apply code to {0}"),
        "remove_coding": QCoreApplication.translate("Operations", "Remove coding “{0}”"),
        "adjust_coding": QCoreApplication.translate("Operations", "Adjust coding “{0}”"),
        "coding_memo": QCoreApplication.translate("Operations", "Memo on coding “{0}”"),
        "coding_stage": QCoreApplication.translate("Operations", "Stage of coding “{0}”"),
        "create_code": QCoreApplication.translate("Operations", "New code “{0}”"),
        "delete_code": QCoreApplication.translate("Operations", "Delete code “{0}”"),
        "rename_code": QCoreApplication.translate("Operations", "Rename code “{0}”"),
        "recolor_code": QCoreApplication.translate("Operations", "Recolour code “{0}”"),
        "move_code": QCoreApplication.translate("Operations", "Move code “{0}”"),
        "edit_code": QCoreApplication.translate("Operations", "Edit code “{0}”"),
        "merge_codes": QCoreApplication.translate("Operations", "Merge code “{0}”"),
        "add_stage": QCoreApplication.translate("Operations", "Add stage “{0}”"),
        "edit_stage": QCoreApplication.translate("Operations", "Edit stage “{0}”"),
        "move_stage": QCoreApplication.translate("Operations", "Move stage “{0}”"),
        "delete_stage": QCoreApplication.translate("Operations", "Delete stage “{0}”"),
        "document_stage": QCoreApplication.translate("Operations", "Set the stage of document “{0}”"),
        "span_stage": QCoreApplication.translate("Operations", "Set the stage of a passage in “{0}”"),
        "remove_span": QCoreApplication.translate("Operations", "Remove a span of stage “{0}”"),
        "delete_document": QCoreApplication.translate("Operations", "Delete document “{0}”"),
        "rename_document": QCoreApplication.translate("Operations", "Rename document “{0}”"),
        "move_document": QCoreApplication.translate("Operations", "Move document “{0}”"),
        "delete_case": QCoreApplication.translate("Operations", "Delete case “{0}”"),
        "create_case": QCoreApplication.translate("Operations", "New case “{0}”"),
        "rename_case": QCoreApplication.translate("Operations", "Rename case “{0}”"),
        "case_documents": QCoreApplication.translate("Operations", "Add documents to case “{0}”"),
        "case_passage": QCoreApplication.translate("Operations", "Add a passage to case “{0}”"),
        "define_attribute": QCoreApplication.translate("Operations", "New attribute “{0}”"),
        "set_attribute": QCoreApplication.translate("Operations", "Set attribute “{0}”"),
        "delete_attribute": QCoreApplication.translate("Operations", "Delete attribute “{0}”"),
        "delete_link": QCoreApplication.translate("Operations", "Delete link “{0}”"),
        "create_link": QCoreApplication.translate("Operations", "Link “{0}”"),
        "edit_link": QCoreApplication.translate("Operations", "Edit link “{0}”"),
        "add_evidence": QCoreApplication.translate("Operations", "Add evidence “{0}”"),
        "edit_evidence": QCoreApplication.translate("Operations", "Change evidence “{0}”"),
        "remove_evidence": QCoreApplication.translate("Operations", "Remove evidence “{0}”"),
        "edit_text": QCoreApplication.translate("Operations", "Edit the text of “{0}”"),
        "replace_text": QCoreApplication.translate("Operations", "Replace in “{0}”"),
        "pseudonymise": QCoreApplication.translate("Operations", "Pseudonymise “{0}”"),
        "convert_script": QCoreApplication.translate("Operations", "Convert the script of “{0}”"),
        "import_codebook": QCoreApplication.translate("Operations", "Import codebook “{0}”"),
        "apply_template": QCoreApplication.translate("Operations", "Merge template “{0}”"),
        "exemplar": QCoreApplication.translate("Operations", "Choose an example of “{0}”"),
        "no_exemplar": QCoreApplication.translate("Operations", "Drop an example of “{0}”"),
        "adjust_figure": QCoreApplication.translate("Operations", "Adjust figure element “{0}”"),
        "reset_figure": QCoreApplication.translate("Operations", "Reset the layout of “{0}”"),
        "pin_code": QCoreApplication.translate("Operations", "Pin code “{0}”"),
        "unpin_code": QCoreApplication.translate("Operations", "Unpin code “{0}”"),
        "reject_suggestion": QCoreApplication.translate("Operations", "Reject suggestion “{0}”"),
        "import_documents": QCoreApplication.translate("Operations", "Import “{0}”"),
        "project_memo": QCoreApplication.translate("Operations", "Edit project memo"),
        "document_memo": QCoreApplication.translate("Operations", "Memo on document “{0}”"),
        "code_memo": QCoreApplication.translate("Operations", "Memo on code “{0}”"),
    }
    return labels.get(action, action).replace("{0}", subject)


class ProjectController(QObject):
    """Owns the open project and its undo stack; announces every change on :attr:`changes_made`."""

    changes_made = Signal(object)  # a Changes record, once per operation, undo or redo
    # The changes since the last turn of the event loop, as one record: views that redraw subscribe
    # here, so a macro, many undos or coding every search hit cost one refresh.
    changes_settled = Signal(object)
    changed = Signal(object, object)  # the same as coarse flags: Changed, document id or None
    codings_changed = Signal(int)  # document id

    def __init__(self, project: Project, coder: str, parent: QObject | None = None, *,
                 sync: bool = False) -> None:
        super().__init__(parent)
        self.project = project
        self.coder = coder
        self.undo_stack = QUndoStack(self)
        self.sync = sync  # tests: settle every change at once instead of on the next event-loop turn
        self._pending = Changes()
        self._scheduled = False

    def settle(self) -> None:
        """Send the changes collected since the last turn of the event loop on ``changes_settled``."""
        pending, self._pending, self._scheduled = self._pending, Changes(), False
        if not pending.empty:
            self.changes_settled.emit(pending)

    def announce(self, changes: Changes) -> None:
        """Send ``changes`` down the change stream (and the coarse signals)."""
        if changes.empty:
            return
        self.changes_made.emit(changes)
        self._pending |= changes
        if self.sync:
            self.settle()
        elif not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self.settle)
        what, document_id = as_flags(changes)
        self.changed.emit(what, document_id)
        if changes.codings_changed:
            for doc in sorted(changes.coding_documents()):
                self.codings_changed.emit(doc)

    def notify(self, what: Changed, document_id: int | None = None) -> None:
        """Tell every view that ``what`` changed (in ``document_id``, when it is about one document)."""
        self.announce(as_changes(what, document_id))

    def run(self, operation: Done[T], text: str | None = None) -> T:
        """Push an operation that was just done (``app.core.ops``) as one undo step; announce it."""
        label = text if text is not None else action_label(operation.action, operation.subject)
        self.undo_stack.push(_OperationCommand(self, label, operation))
        self.announce(operation.changes)
        return operation.value

    def macro(self, text: str) -> _Macro:
        """``with controller.macro("…"):`` groups the commands inside into one undo step."""
        return _Macro(self.undo_stack, text)

    # --- codings ---
    def apply_coding(self, document_id: int, code_id: int, start: int, end: int, *,
                     expect_sha256: str | None = None) -> CodingInfo:
        """Apply a code; ``expect_sha256`` (the shown text's hash) makes the service refuse a stale text."""
        return self.run(coding_ops.apply_coding(self.project, document=document_id, code=code_id, start=start,
                                                end=end, coder=self.coder, expect_sha256=expect_sha256))

    def remove_coding(self, coding_id: int) -> CodingInfo:
        return self.run(coding_ops.remove_coding(self.project, coding_id))


def follow(old: ProjectController | None, new: ProjectController | None,
           slot: Callable[[Changes], None]) -> None:
    """Move ``slot`` from ``old``'s change stream (settled changes) to ``new``'s."""
    if old is not None and old is not new:
        with contextlib.suppress(RuntimeError, TypeError):  # never connected, or the controller is gone
            old.changes_settled.disconnect(slot)
    if new is not None and new is not old:
        new.changes_settled.connect(slot)


class _OperationCommand(QUndoCommand):
    def __init__(self, controller: ProjectController, text: str, operation: Done[Any]) -> None:
        super().__init__(text)
        self._controller = controller
        self._operation = operation
        self._first = True

    def redo(self) -> None:
        if self._first:  # done before the push
            self._first = False
            return
        self._controller.announce(self._operation.redo())

    def undo(self) -> None:
        self._controller.announce(self._operation.undo())


class _Macro:
    def __init__(self, stack: QUndoStack, text: str) -> None:
        self._stack = stack
        self._text = text

    def __enter__(self) -> None:
        self._stack.beginMacro(self._text)

    def __exit__(self, *_exc: object) -> None:
        self._stack.endMacro()

"""The project controller: owns the open project and its undo stack; every change is a command.

A command's first run happens before it is pushed (so a refused change raises here, with the
project untouched, instead of inside Qt's redo()); later redo/undo calls replay it through services.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.core import coding as coding_service
from app.core.coding import CodingInfo
from app.core.project import Project


class ProjectController(QObject):
    """Signals tell views what changed; views never call services that change data themselves."""

    codings_changed = Signal(int)  # document id
    codes_changed = Signal()
    documents_changed = Signal()

    def __init__(self, project: Project, coder: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.coder = coder
        self.undo_stack = QUndoStack(self)

    def apply_coding(self, document_id: int, code_id: int, start: int, end: int) -> CodingInfo:
        info = coding_service.apply_coding(
            self.project, document_id=document_id, code_id=code_id, start=start, end=end, coder=self.coder
        )
        self.undo_stack.push(ApplyCodingCommand(self, info))
        self.codings_changed.emit(document_id)
        return info

    def remove_coding(self, coding_id: int) -> CodingInfo:
        info = coding_service.remove_coding(self.project, coding_id)
        self.undo_stack.push(RemoveCodingCommand(self, info))
        self.codings_changed.emit(info.document_id)
        return info

    # Replays used by the commands.
    def _recreate(self, info: CodingInfo) -> None:
        coding_service.apply_coding(
            self.project, document_id=info.document_id, code_id=info.code_id, start=info.start, end=info.end,
            coder=info.coder, memo=info.memo, stage_id=info.own_stage_id, coding_id=info.id,
            created_at=info.created_at,
        )
        self.codings_changed.emit(info.document_id)

    def _delete(self, info: CodingInfo) -> None:
        coding_service.remove_coding(self.project, info.id)
        self.codings_changed.emit(info.document_id)


class _DoneFirstCommand(QUndoCommand):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._first = True

    def redo(self) -> None:
        if self._first:  # already done by the controller before the push
            self._first = False
            return
        self.replay()

    def replay(self) -> None:
        raise NotImplementedError


class ApplyCodingCommand(_DoneFirstCommand):
    def __init__(self, controller: ProjectController, info: CodingInfo) -> None:
        super().__init__(controller.tr("Apply code “{code}”").format(code=info.code))
        self._controller = controller
        self._info = info

    def replay(self) -> None:
        self._controller._recreate(self._info)

    def undo(self) -> None:
        self._controller._delete(self._info)


class RemoveCodingCommand(_DoneFirstCommand):
    def __init__(self, controller: ProjectController, info: CodingInfo) -> None:
        super().__init__(controller.tr("Remove coding “{code}”").format(code=info.code))
        self._controller = controller
        self._info = info

    def replay(self) -> None:
        self._controller._delete(self._info)

    def undo(self) -> None:
        self._controller._recreate(self._info)

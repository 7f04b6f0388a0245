"""Placing passages, documents and codings in stages from the window: one undo step each, named.

The public functions here are what every route uses — the stage picker (Ctrl+J, app/ui/stage_picker.py),
the text's context menu, the stage band beside the text, the document list and the coded-passages
dock — so a stage is set the same way (through ``app.core.ops.stages`` / ``app.core.ops.codings`` and
``controller.run``) whatever the route, and the undo label says which stage was set on what.

Errors (a stale range, a stage deleted meanwhile) are shown in a warning box; the project is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import QComboBox, QMenu, QMessageBox, QWidget

from app.core import stages as stage_service
from app.core.errors import GuijiError
from app.core.ops import codings as coding_ops
from app.core.ops import stages as stage_ops
from app.core.stages import StageInfo
from app.ui.controller import ProjectController
from app.ui.messages import describe

_CONTEXT = "StageActions"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


# Literal calls so lupdate sees every string (a helper with a variable argument hides them from it).
def _texts() -> dict[str, str]:
    return {
        "menu": QCoreApplication.translate("StageActions", "Set &stage"),
        "none": QCoreApplication.translate("StageActions", "&No stage"),
        "inherit": QCoreApplication.translate("StageActions", "&Inherit (from the passage or document)"),
        "empty": QCoreApplication.translate("StageActions", "No stages yet (Stages → Edit stages…)"),
        "span": QCoreApplication.translate("StageActions", "Set stage “{stage}” on a passage of “{document}”"),
        "unspan": QCoreApplication.translate("StageActions", "Remove the stage from a passage of “{document}”"),
        "document": QCoreApplication.translate("StageActions", "Set stage “{stage}” on document “{document}”"),
        "undocument": QCoreApplication.translate("StageActions", "Remove the stage of document “{document}”"),
        "coding": QCoreApplication.translate("StageActions", "Set stage “{stage}” on coding “{code}”"),
        "codings": QCoreApplication.translate("StageActions", "Set stage “{stage}” on {n} codings"),
        "uncoding": QCoreApplication.translate("StageActions", "Coding “{code}” inherits its stage"),
        "uncodings": QCoreApplication.translate("StageActions", "{n} codings inherit their stage"),
        "coding_menu": QCoreApplication.translate("StageActions", "Stage of this &coding"),
        "failed": QCoreApplication.translate("StageActions", "The stage could not be set."),
    }


def swatch(color: str, size: int = 12) -> QIcon:
    """A square of the stage's colour, for menus and lists."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def numbered(index: int, name: str) -> str:
    """``&1 协调`` for the first nine stages (their number is the accelerator), the plain name after."""
    return f"&{index + 1} {name.replace('&', '&&')}" if index < 9 else name.replace("&", "&&")


def _stage_name(controller: ProjectController, stage_id: int | None) -> str:
    return stage_service.get_stage(controller.project, stage_id).name if stage_id is not None else ""


def _document_name(controller: ProjectController, document_id: int) -> str:
    from app.core.documents import get_document

    return get_document(controller.project, document_id).name


def _guarded(parent: QWidget | None, action: Callable[[], object]) -> bool:
    """Run ``action``; a refused change is shown (the project is unchanged). True when it was done."""
    try:
        action()
    except GuijiError as exc:
        box = QMessageBox(QMessageBox.Icon.Warning, "Guiji", _texts()["failed"], parent=parent)
        box.setInformativeText(describe(exc))
        box.open()
        return False
    return True


def _editable(controller: ProjectController | None) -> bool:
    return controller is not None and not controller.project.read_only


# --- the changes -----------------------------------------------------------------------------------
def set_span_stage(controller: ProjectController, document_id: int, start: int, end: int,
                   stage_id: int | None, *, parent: QWidget | None = None) -> bool:
    """Place code points ``[start, end)`` of a document in a stage (None: in none) as one undo step.

    Other stages' spans are trimmed where they overlap (a passage is in one stage). Removing the stage
    where no span overlaps does nothing (no empty undo step). True when the project changed.
    """
    if not _editable(controller) or end <= start:
        return False
    if stage_id is None and not any(s.start < end and s.end > start
                                    for s in stage_service.list_stage_spans(controller.project, document_id)):
        return False

    def run() -> None:
        document = _document_name(controller, document_id)
        texts = _texts()
        label = (texts["unspan"].format(document=document) if stage_id is None
                 else texts["span"].format(stage=_stage_name(controller, stage_id), document=document))
        controller.run(stage_ops.set_span_stage(controller.project, document_id, start, end, stage_id,
                                                coder=controller.coder), label)

    return _guarded(parent, run)


def set_document_stage(controller: ProjectController, document_id: int, stage_id: int | None, *,
                       parent: QWidget | None = None) -> bool:
    """Place a whole document in a stage (None: in none) as one undo step; True when it changed."""
    if not _editable(controller) or stage_service.document_stage_id(controller.project, document_id) == stage_id:
        return False

    def run() -> None:
        document = _document_name(controller, document_id)
        texts = _texts()
        label = (texts["undocument"].format(document=document) if stage_id is None
                 else texts["document"].format(stage=_stage_name(controller, stage_id), document=document))
        controller.run(stage_ops.set_document_stage(controller.project, document_id, stage_id), label)

    return _guarded(parent, run)


def set_coding_stage(controller: ProjectController, coding_ids: Iterable[int], stage_id: int | None, *,
                     parent: QWidget | None = None) -> bool:
    """Give codings their own stage (None: they inherit it from their span or document), one undo step.

    Codings whose own stage is already ``stage_id`` are left alone; True when any changed.
    """
    from app.core.coding import get_coding

    if not _editable(controller):
        return False
    infos = [get_coding(controller.project, cid) for cid in coding_ids]
    todo = [info for info in infos if info.own_stage_id != stage_id]
    if not todo:
        return False
    texts = _texts()
    stage = _stage_name(controller, stage_id)
    if len(todo) == 1:
        label = (texts["uncoding"].format(code=todo[0].code) if stage_id is None
                 else texts["coding"].format(stage=stage, code=todo[0].code))
    else:
        label = (texts["uncodings"].format(n=len(todo)) if stage_id is None
                 else texts["codings"].format(stage=stage, n=len(todo)))

    def run() -> None:
        if len(todo) == 1:
            controller.run(coding_ops.set_coding_stage(controller.project, todo[0].id, stage_id), label)
            return
        with controller.macro(label):
            for info in todo:
                controller.run(coding_ops.set_coding_stage(controller.project, info.id, stage_id))

    return _guarded(parent, run)


# --- the menus -------------------------------------------------------------------------------------
def _menu(parent: QWidget | QMenu | None, title: str) -> QMenu:
    """A menu titled ``title``: a submenu when ``parent`` is a menu, else a popup owned by ``parent``."""
    if isinstance(parent, QMenu):
        menu = QMenu(title, parent)
        parent.addMenu(menu)
        return menu
    return QMenu(title, parent)


def _fill(menu: QMenu, stages: list[StageInfo], current: int | None, choose: Callable[[int | None], object],
          none_text: str, *, none_checked: bool) -> None:
    """One checkable item per stage (``&1`` … ``&9``, a colour swatch), a separator, then ``none_text``."""
    menu.setEnabled(True)
    if not stages:
        menu.addAction(_texts()["empty"]).setEnabled(False)
    for index, stage in enumerate(stages):
        action = menu.addAction(swatch(stage.color), numbered(index, stage.name))
        action.setCheckable(True)
        action.setChecked(stage.id == current)
        if stage.id == current:  # beside a colour swatch some styles draw no check mark: bold says it too
            font = action.font()
            font.setBold(True)
            action.setFont(font)
        action.setData(stage.id)
        action.triggered.connect(lambda _=False, sid=stage.id: choose(sid))
    menu.addSeparator()
    action = menu.addAction(none_text)
    action.setCheckable(True)
    action.setChecked(none_checked)
    action.triggered.connect(lambda _=False: choose(None))


def span_stage_at(controller: ProjectController, document_id: int, start: int, end: int) -> int | None:
    """The stage of the one span that covers all of ``[start, end)`` (None: none, or several)."""
    for span in stage_service.list_stage_spans(controller.project, document_id):
        if span.start <= start and span.end >= end:
            return span.stage_id
    return None


def fill_stage_menu(menu: QMenu, controller: ProjectController | None, document_id: int | None,
                    start: int, end: int) -> None:
    """(Re)fill ``menu`` with the stages for code points ``[start, end)`` of a document, then "No stage".

    Disabled when no project is open for writing, no document is given or the range is empty. The
    stage whose span covers the whole range is checked.
    """
    menu.clear()
    widget = menu.parentWidget()
    if controller is None or not _editable(controller) or document_id is None or end <= start:
        menu.setEnabled(False)
        return
    current = span_stage_at(controller, document_id, start, end)
    _fill(menu, stage_service.list_stages(controller.project), current,
          lambda sid: set_span_stage(controller, document_id, start, end, sid, parent=widget),
          _texts()["none"], none_checked=False)


def fill_document_stage_menu(menu: QMenu, controller: ProjectController | None, document_id: int | None) -> None:
    """(Re)fill ``menu`` with the stages for a whole document (its own checked), then "No stage"."""
    menu.clear()
    widget = menu.parentWidget()
    if controller is None or not _editable(controller) or document_id is None:
        menu.setEnabled(False)
        return
    current = stage_service.document_stage_id(controller.project, document_id)
    _fill(menu, stage_service.list_stages(controller.project), current,
          lambda sid: set_document_stage(controller, document_id, sid, parent=widget),
          _texts()["none"], none_checked=current is None)


def fill_coding_stage_menu(menu: QMenu, controller: ProjectController | None, coding_ids: Iterable[int]) -> None:
    """(Re)fill ``menu`` with the stages for codings, then "Inherit" (their span's or document's stage).

    A stage is checked when all the codings have it as their own stage.
    """
    from app.core.coding import get_coding

    menu.clear()
    widget = menu.parentWidget()
    ids = list(coding_ids)
    if controller is None or not _editable(controller) or not ids:
        menu.setEnabled(False)
        return
    own = {get_coding(controller.project, cid).own_stage_id for cid in ids}
    current = next(iter(own)) if len(own) == 1 else None
    _fill(menu, stage_service.list_stages(controller.project), current,
          lambda sid: set_coding_stage(controller, ids, sid, parent=widget),
          _texts()["inherit"], none_checked=own == {None})


def build_stage_menu(parent: QWidget | QMenu | None, controller: ProjectController | None, document_id: int,
                     start: int, end: int) -> QMenu:
    """"Set stage ▸" for code points ``[start, end)`` of a document: the stages, then "No stage".

    With a menu as ``parent`` it is added to it as a submenu (see :func:`fill_stage_menu`).
    """
    menu = _menu(parent, _texts()["menu"])
    fill_stage_menu(menu, controller, document_id, start, end)
    return menu


def build_document_stage_menu(parent: QWidget | QMenu | None, controller: ProjectController | None,
                              document_id: int) -> QMenu:
    """"Set stage ▸" for a whole document: the stages (its own checked), then "No stage"."""
    menu = _menu(parent, _texts()["menu"])
    fill_document_stage_menu(menu, controller, document_id)
    return menu


def build_coding_stage_menu(parent: QWidget | QMenu | None, controller: ProjectController | None,
                            coding_ids: Iterable[int]) -> QMenu:
    """"Stage of this coding ▸" (for a passage of the coded-passages dock: its codings)."""
    menu = _menu(parent, _texts()["coding_menu"])
    fill_coding_stage_menu(menu, controller, coding_ids)
    return menu


class DocumentStageCombo(QComboBox):
    """A document's stage as a drop-down ("No stage", then the stages); choosing one sets it (one undo step).

    It follows the change stream, so an undo while it is shown puts it back to the stored stage.
    """

    def __init__(self, controller: ProjectController, document_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.document_id = document_id
        self.setEnabled(_editable(controller))
        self.reload()
        self.activated.connect(self._chosen)
        controller.changes_settled.connect(self._on_changes)

    def reload(self) -> None:
        project = self.controller.project
        self.blockSignals(True)
        self.clear()
        self.addItem(_texts()["none"].replace("&", ""), None)
        for stage in stage_service.list_stages(project):
            self.addItem(swatch(stage.color), stage.name, stage.id)
        self.setCurrentIndex(max(0, self.findData(stage_service.document_stage_id(project, self.document_id))))
        self.blockSignals(False)

    def _on_changes(self, changes: object) -> None:
        if getattr(changes, "stages", False) and self.isVisible():  # a closed dialog may live on unseen
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        self.reload()
        super().showEvent(event)

    def _chosen(self, index: int) -> None:
        set_document_stage(self.controller, self.document_id, self.itemData(index), parent=self.window())
        self.reload()  # a refused change shows the stored stage again


def document_stage_combo(controller: ProjectController, document_id: int, parent: QWidget | None = None) -> QComboBox:
    """The stage field of the document properties dialog (see :class:`DocumentStageCombo`)."""
    return DocumentStageCombo(controller, document_id, parent)


__all__ = [
    "DocumentStageCombo",
    "build_coding_stage_menu",
    "build_document_stage_menu",
    "build_stage_menu",
    "document_stage_combo",
    "fill_coding_stage_menu",
    "fill_document_stage_menu",
    "fill_stage_menu",
    "numbered",
    "set_coding_stage",
    "set_document_stage",
    "set_span_stage",
    "span_stage_at",
    "swatch",
]

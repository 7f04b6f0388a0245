"""The stage picker (Ctrl+J) and the Stages menu: place the selection — or the sentence at the cursor — in a stage.

Like the quick-code box, the picker finds a stage by its name, its pinyin (``xt`` → 协调, full or cut
short, Traditional or Simplified alike: :func:`app.core.pinyin.rank_codes`) or its number in the stage
order (``2`` → the second stage). Enter sets it as one undo step (:mod:`app.ui.stage_actions`),
Esc cancels. The Stages menu also has the stages as submenus for the selection and for the whole
document, so a mouse user gets the same without typing.

An extension (see app/ui/extensions.py): it uses the window only through ``window.api``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import stages as stage_service
from app.core.pinyin import rank_codes
from app.core.stages import StageInfo
from app.core.text import split_sentences
from app.ui import stage_actions

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.window_api import WindowApi


def find_stages(query: str, stages: list[StageInfo]) -> list[StageInfo]:
    """The stages ``query`` finds, best first: its number (1-based order) first, then by name/pinyin.

    An empty query lists every stage in order.
    """
    query = query.strip()
    if not query:
        return list(stages)
    found: list[StageInfo] = []
    if query.isdigit() and 1 <= int(query) <= len(stages):
        found.append(stages[int(query) - 1])
    found += [s for s in rank_codes(query, stages) if s not in found]
    return found


def sentence_at(sentences: list[tuple[int, int]], cp: int) -> tuple[int, int] | None:
    """The sentence holding code point ``cp`` (or ending right at it: the cursor after its 。)."""
    ending_here = None
    for start, end in sentences:
        if start <= cp < end:
            return start, end
        if end == cp:
            ending_here = (start, end)
        if start > cp:
            break
    return ending_here


#: How far from the cursor a sentence is looked for in a line without breaks (a longer sentence is cut).
_REACH = 5000


def sentence_around(text: str, cp: int) -> tuple[int, int] | None:
    """The sentence of ``text`` at code point ``cp`` (see :func:`sentence_at`), found near it.

    A sentence never crosses a line break, so only the line around the cursor is split (at most
    ``_REACH`` characters either side): Ctrl+J in a 7.7-million-character transcript stays instant.
    """
    start = max(text.rfind("\n", 0, cp) + 1, cp - _REACH)
    end = text.find("\n", cp)
    end = min(len(text) if end < 0 else end, cp + _REACH)
    found = sentence_at(split_sentences(text[start:end]), cp - start)
    return (found[0] + start, found[1] + start) if found else None


class StagePicker(QFrame):
    """A small box over the window: a line to type in and the stages it finds; Enter chooses, Esc closes.

    A child widget floating over the window (not a popup window: nothing to grab, the same on every
    platform); it closes when the focus leaves it.
    """

    chosen = Signal(int)  # the stage id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stage-picker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.hide()
        self._stages: list[StageInfo] = []
        self.target = QLabel()
        self.target.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Stage: name, pinyin (xt) or number — Enter sets it, Esc cancels"))
        self.edit.textChanged.connect(self._update)
        self.edit.installEventFilter(self)
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.itemClicked.connect(self._choose)  # the keyboard chooses through the line (Enter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.target)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.setMinimumWidth(380)
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]

    def open_with(self, stages: list[StageInfo], target: str, at: QPoint) -> None:
        """Show the stages (the target described in one line) with its top left at ``at`` (parent's coordinates)."""
        self._stages = list(stages)
        self.target.setText(target)
        self.edit.clear()
        self._update("")
        self.adjustSize()
        self.move(at)
        self.show()
        self.raise_()
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.isVisible() and (new is None or not self.isAncestorOf(new)):
            self.hide()  # clicked or tabbed elsewhere: cancelled, like Esc

    def _update(self, text: str) -> None:
        self.list.clear()
        number = {s.id: i + 1 for i, s in enumerate(self._stages)}
        for stage in find_stages(text, self._stages):
            item = QListWidgetItem(stage_actions.swatch(stage.color), f"{number[stage.id]}  {stage.name}")
            item.setData(Qt.ItemDataRole.UserRole, stage.id)
            if stage.description:
                item.setToolTip(stage.description)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        rows = max(1, min(self.list.count(), 9))
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth() + 4
                                 if self.list.count() else 24)

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        stage_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.hide()
        self.chosen.emit(stage_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.list.count():
                row = self.list.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                self.list.setCurrentRow(max(0, min(row, self.list.count() - 1)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose(self.list.currentItem())  # nothing found: stays open, nothing set
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(watched, event)


class StageRoute(QObject):
    """The Stages menu and the Ctrl+J picker, bound to the window's current document and selection."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.api: WindowApi = window.api
        self.picker = StagePicker(window)
        self.picker.chosen.connect(self._assign)
        self._range: tuple[int, int, int] | None = None  # (document, start, end) the picker acts on
        menu = self.api.menu("stages", self.tr("&Stages"))
        self.pick_action = self.api.add_action("stages", self.tr("Set &stage…"), self.open_picker, "Ctrl+J")
        self.selection_menu = menu.addMenu(self.tr("Stage of the se&lection"))
        self.document_menu = menu.addMenu(self.tr("Stage of this &document"))
        menu.addSeparator()
        self.edit_action = menu.addAction(self.tr("&Edit stages…"), self._edit_stages)
        # Filled as the Stages menu opens: a submenu left disabled would never open to refill itself.
        menu.aboutToShow.connect(self._fill_selection_menu)
        menu.aboutToShow.connect(self._fill_document_menu)
        self.api.project_changed.connect(self._forget)
        self.api.document_shown.connect(self._forget)

    def _forget(self, *_: object) -> None:
        self.picker.hide()

    # --- what the picker acts on ---
    def target(self) -> tuple[int, int, int] | None:
        """``(document, start, end)``: the selection, else the sentence at the cursor (None: neither)."""
        document_id = self.api.current_document()
        if document_id is None:
            return None
        selection = self.api.selection()
        if selection is not None and selection[1] > selection[0]:
            return document_id, *selection
        cursor = self.api.cursor_position()
        if cursor is None:
            return None
        from app.core.documents import document_text

        project = self.api.project
        assert project is not None
        found = sentence_around(document_text(project, document_id), cursor)
        return (document_id, *found) if found else None

    def _refusal(self) -> str | None:
        """Why nothing can be placed in a stage now (None: it can)."""
        controller = self.api.controller
        if controller is None or self.api.current_document() is None:
            return self.tr("Open a document first: the stage is set on its selected passage.")
        if controller.project.read_only:
            return self.tr("The project is open read-only: stages cannot be set.")
        return None

    def open_picker(self) -> None:
        refusal = self._refusal()
        if refusal is not None:
            self.api.status(refusal)
            return
        target = self.target()
        if target is None:
            self.api.status(self.tr("Select a passage (or put the cursor in a sentence) to set its stage."))
            return
        project = self.api.project
        assert project is not None
        stages = stage_service.list_stages(project)
        if not stages:
            self.api.status(self.tr("The project has no stages yet: add them in Stages → Edit stages…"))
            return
        self._range = target
        _doc, start, end = target
        selected = self.api.selection() is not None
        what = (self.tr("Stage for the selection (characters {start}–{end})") if selected
                else self.tr("Stage for the sentence at the cursor (characters {start}–{end})"))
        self.picker.open_with(stages, what.format(start=start, end=end), self._where())

    def _where(self) -> QPoint:
        """Top centre of the window's central area (where the eye is while reading), in window coordinates."""
        central = self._window.centralWidget() or self._window
        width = max(self.picker.minimumWidth(), self.picker.sizeHint().width())
        return central.mapTo(self._window, QPoint(max(0, (central.width() - width) // 2), 40))

    def _assign(self, stage_id: int) -> None:
        controller = self.api.controller
        if controller is None or self._range is None:
            return
        document_id, start, end = self._range
        self._range = None
        if stage_actions.set_span_stage(controller, document_id, start, end, stage_id, parent=self._window):
            name = stage_service.get_stage(controller.project, stage_id).name
            self.api.status(self.tr("Stage “{stage}” set on characters {start}–{end}.").format(
                stage=name, start=start, end=end))

    # --- the menus ---
    def _edit_stages(self) -> None:
        from app.ui.stages_dialog import show_stages_dialog

        if show_stages_dialog(self._window) is None:
            self.api.status(self.tr("Open a project first."))

    def _fill_selection_menu(self) -> None:
        target = self.target() if self._refusal() is None else None
        document_id, start, end = target if target is not None else (None, 0, 0)
        stage_actions.fill_stage_menu(self.selection_menu, self.api.controller, document_id, start, end)

    def _fill_document_menu(self) -> None:
        document_id = self.api.current_document() if self._refusal() is None else None
        stage_actions.fill_document_stage_menu(self.document_menu, self.api.controller, document_id)


def install(window: MainWindow) -> None:
    window.stage_route = StageRoute(window)  # type: ignore[attr-defined]  # kept alive with the window


__all__ = ["StagePicker", "StageRoute", "find_stages", "install", "sentence_around", "sentence_at"]

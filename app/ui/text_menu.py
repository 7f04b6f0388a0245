"""The transcript's context menu (issue 13): code with ▸, new code, in-vivo code, set stage ▸, memo,
copy with reference, copy, select all, remove coding.

Installed as an extension: it sets ``DocumentView.menu_builder`` and opens the same menu on the
Menu key and Shift+F10 (placed at the text cursor then). Positions are code points throughout; the
view maps Qt's UTF-16 positions (``selection_range``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from app.core import codebook, documents
from app.core.errors import GuijiError
from app.ui.code_panel import create_code_command, load_pins
from app.ui.settings import settings
from app.ui.stage_actions import build_stage_menu

if TYPE_CHECKING:
    from app.core.codebook import CodeInfo
    from app.ui.controller import ProjectController
    from app.ui.document_view import DocumentView
    from app.ui.main_window import MainWindow
    from app.ui.window_api import WindowApi

MAX_RECENT = 5
INVIVO_MAX = 40


def reference(document_name: str, text: str, start: int, end: int) -> str:
    """The selected text followed by «document, start–end» (code points)."""
    return f"{text[start:end]} «{document_name}, {start}–{end}»"


def invivo_name(words: str) -> str:
    """A code name from selected words: spaces collapsed, edge punctuation dropped, at most 40 characters."""
    return " ".join(words.replace("/", " ").split()).strip("，。！？；：、,.!?;:“”\"'（）() ")[:INVIVO_MAX]



def _emitter(signal: Any, value: int) -> Callable[[], None]:
    """A slot that emits ``signal(value)`` (a menu item's action)."""
    return lambda: signal.emit(value)

class TextMenu(QObject):
    """Builds and shows the text context menu for one window."""

    def __init__(self, api: WindowApi) -> None:
        super().__init__(api)
        self.api = api
        self.recent: list[int] = []  # code ids most recently applied from this menu, newest first
        view = api.text_view
        view.menu_builder = self._on_context_menu
        view.installEventFilter(self)
        # Shift+F10 as an action of the view, so Help → Keyboard shortcuts lists it (the Menu key is
        # caught by the event filter).
        self.open_action = QAction(QCoreApplication.translate("TextMenu", "Context menu of the text"), view)
        self.open_action.setShortcut(QKeySequence("Shift+F10"))
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(self.open_at_cursor)
        view.addAction(self.open_action)

    # --- opening -------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier):
                self.open_at_cursor()
                return True
        return super().eventFilter(watched, event)

    def open_at_cursor(self) -> None:
        view = self.api.text_view
        rect = view.cursorRect()
        self.show_menu(view.viewport().mapToGlobal(rect.bottomLeft()), self._cursor_cp())

    def _on_context_menu(self, view: DocumentView, event: QContextMenuEvent) -> bool:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self.open_at_cursor()
            return True
        cp = view._map.to_codepoint(view.cursorForPosition(event.pos()).position())
        self.show_menu(event.globalPos(), cp)
        return True

    def _cursor_cp(self) -> int:
        view = self.api.text_view
        return view._map.to_codepoint(view.textCursor().position())

    def show_menu(self, where: QPoint, cp: int) -> None:
        menu = self.build(cp)
        menu.exec(where)
        menu.deleteLater()

    # --- the menu --------------------------------------------------------------------------------------
    def build(self, cp: int) -> QMenu:
        """The menu for the current selection and the codings at code point ``cp``."""
        view = self.api.text_view
        ctrl = self.api.controller
        selection = view.selection_range()
        menu = QMenu(view)
        editable = ctrl is not None and view.document_id is not None and not getattr(ctrl, "read_only", False)
        can_code = editable and selection is not None
        codes_menu = menu.addMenu(QCoreApplication.translate("TextMenu", "Code &with"))
        codes_menu.setEnabled(can_code)
        if can_code:
            assert ctrl is not None
            self._fill_codes(codes_menu, ctrl)
        new_code = menu.addAction(QCoreApplication.translate("TextMenu", "&New code from selection…"))
        new_code.triggered.connect(lambda: QTimer.singleShot(0, self.new_code))  # the dialog after the menu closed
        new_code.setEnabled(can_code)
        menu.addAction(QCoreApplication.translate("TextMenu", "&In-vivo code"), self.invivo_code).setEnabled(can_code)
        if editable:
            assert view.document_id is not None
            start, end = selection if selection is not None else (cp, cp)
            build_stage_menu(menu, ctrl, view.document_id, start, end)
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("TextMenu", "&Copy"), view.copy).setEnabled(selection is not None)
        menu.addAction(QCoreApplication.translate("TextMenu", "Copy with &reference"),
                       self.copy_with_reference).setEnabled(selection is not None)
        menu.addAction(QCoreApplication.translate("TextMenu", "Select &all"), view.selectAll)
        here = view.codings_at(cp) if view.document_id is not None else []
        if here:
            menu.addSeparator()
            for coding in here:
                menu.addAction(QCoreApplication.translate(
                    "TextMenu", "&Memo on coding “{code}”…").format(code=coding.code),
                               _emitter(view.memo_requested, coding.id))
            for coding in here:
                menu.addAction(QCoreApplication.translate(
                    "TextMenu", "Remo&ve coding “{code}”").format(code=coding.code),
                               _emitter(view.remove_coding_requested, coding.id)).setEnabled(editable)
        return menu

    def _applier(self, code_id: int) -> Callable[[], None]:
        return lambda: self.apply(code_id)

    def _fill_codes(self, menu: QMenu, ctrl: ProjectController) -> None:
        codes = codebook.list_codes(ctrl.project)
        by_id = {c.id: c for c in codes}
        pins = sorted(load_pins(ctrl).items(), key=lambda item: item[1])
        for code_id, key in pins:
            if code_id in by_id:
                menu.addAction(f"&{key} {by_id[code_id].path}", self._applier(code_id))
        recent = [c for c in self.recent if c in by_id]
        if recent:
            menu.addSeparator()
            for code_id in recent:
                menu.addAction(by_id[code_id].path, self._applier(code_id))
        menu.addSeparator()
        tree = menu.addMenu(QCoreApplication.translate("TextMenu", "&All codes"))
        self._fill_tree(tree, codes, None)

    def _fill_tree(self, menu: QMenu, codes: list[CodeInfo], parent_id: int | None) -> None:
        for code in [c for c in codes if c.parent_id == parent_id]:
            children = [c for c in codes if c.parent_id == code.id]
            if children:
                sub = menu.addMenu(code.name)
                sub.addAction(QCoreApplication.translate("TextMenu", "“{name}” itself").format(name=code.name),
                              self._applier(code.id))
                sub.addSeparator()
                self._fill_tree(sub, codes, code.id)
            else:
                menu.addAction(code.name, self._applier(code.id))

    # --- actions ---------------------------------------------------------------------------------------
    def _target(self) -> tuple[ProjectController, int, str, tuple[int, int]] | None:
        ctrl = self.api.controller
        view = self.api.text_view
        selection = view.selection_range()
        shown = view.shown_in(ctrl.project) if ctrl is not None else None
        if ctrl is None or shown is None or selection is None:
            return None
        return ctrl, shown[0], shown[1], selection

    def _remember(self, code_id: int) -> None:
        self.recent = [code_id, *[c for c in self.recent if c != code_id][: MAX_RECENT - 1]]

    def apply(self, code_id: int) -> None:
        target = self._target()
        if target is None:
            return
        ctrl, doc_id, sha, (start, end) = target
        try:
            ctrl.apply_coding(doc_id, code_id, start, end, expect_sha256=sha)
        except GuijiError as exc:
            self.api.show_error(QCoreApplication.translate("TextMenu", "The code could not be applied."), str(exc))
            return
        self._remember(code_id)

    def _create_and_apply(self, name: str, label: str) -> None:
        target = self._target()
        if target is None or not name:
            return
        ctrl, doc_id, sha, (start, end) = target
        try:
            with ctrl.macro(label):
                code = create_code_command(ctrl, None, name)
                ctrl.apply_coding(doc_id, code.id, start, end, expect_sha256=sha)
        except GuijiError as exc:
            self.api.show_error(QCoreApplication.translate("TextMenu", "The code could not be made."), str(exc))
            return
        self._remember(code.id)

    def new_code(self, name: str | None = None) -> None:
        """Ask a name, make a top-level code of it and code the selection with it (one undo step)."""
        if name is None:
            name, ok = QInputDialog.getText(self.api.text_view, QCoreApplication.translate("TextMenu", "New code"),
                                            QCoreApplication.translate("TextMenu", "Name of the new code:"))
            if not ok:
                return
        name = name.strip()
        self._create_and_apply(name, QCoreApplication.translate("TextMenu", "New code “{name}”").format(name=name))

    def invivo_code(self) -> None:
        """Make a code named after the selected words and code the selection with it (one undo step)."""
        view = self.api.text_view
        selection = view.selection_range()
        if selection is None:
            return
        name = invivo_name(view.text()[selection[0]:selection[1]])
        self._create_and_apply(name, QCoreApplication.translate("TextMenu", "In-vivo code “{name}”").format(name=name))

    def copy_with_reference(self) -> None:
        view = self.api.text_view
        ctrl = self.api.controller
        selection = view.selection_range()
        if selection is None or ctrl is None or view.document_id is None:
            return
        name = documents.get_document(ctrl.project, view.document_id).name
        QGuiApplication.clipboard().setText(reference(name, view.text(), *selection))


AGGREGATE_KEY = "codes/aggregate"


def install(window: MainWindow) -> None:
    window.text_menu = TextMenu(window.api)  # type: ignore[attr-defined]
    # The code tree's aggregate switch (own / with children counts), remembered in the settings.
    model = window.codes_model
    action = window.api.menu("view").addAction(
        QCoreApplication.translate("TextMenu", "&Aggregate counts of child codes"))
    action.setCheckable(True)
    action.setChecked(bool(settings().value(AGGREGATE_KEY, False, type=bool)))
    model.set_aggregate(action.isChecked())

    def toggled(on: bool) -> None:
        settings().setValue(AGGREGATE_KEY, on)
        model.set_aggregate(on)

    action.toggled.connect(toggled)
    window.aggregate_action = action  # type: ignore[attr-defined]

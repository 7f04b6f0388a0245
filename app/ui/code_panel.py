"""The code panel: quick-code box, the code tree with its commands, and the selected code's description."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.core import codebook
from app.core.changes import Changes
from app.core.codebook import CodeInfo
from app.core.errors import GuijiError
from app.core.ops import codes as code_ops
from app.core.ops import entities as entity_ops
from app.core.pinyin import code_matches
from app.ui.controller import ProjectController, follow
from app.ui.messages import describe
from app.ui.models import CodeTreeModel

MAX_QUICK_MATCHES = 12


def load_pins(controller: ProjectController) -> dict[int, int]:
    """Pinned codes of the project: code id → number key 1–9 (kept by :mod:`app.core.ops.codes`)."""
    return code_ops.pins(controller.project)


class QuickCodeModel(QAbstractListModel):
    """The codes that match the quick-code query, best first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._codes: list[CodeInfo] = []

    def set_matches(self, codes: list[CodeInfo]) -> None:
        self.beginResetModel()
        self._codes = codes
        self.endResetModel()

    def code(self, row: int) -> CodeInfo:
        return self._codes[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._codes)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._codes):
            return None
        info = self._codes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return info.path
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(info.color)
        return None


def rank(query: str, codes: list[CodeInfo]) -> list[CodeInfo]:
    """Codes matching ``query`` by name, pinyin initials, full pinyin or keyword; best first."""
    scored = []
    for info in codes:
        score = code_matches(query, info.name, list(getattr(info, "keywords", ()) or ()))
        if score is not None:
            scored.append((score, len(info.path), info.path, info))
    return [s[3] for s in sorted(scored, key=lambda s: s[:3])]


class QuickCodeBox(QLineEdit):
    """Type to find a code (name, pinyin initials such as ``zqfn``, full pinyin, keyword); Enter applies."""

    chosen = Signal(int)

    def __init__(self, tree_model: CodeTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tree_model = tree_model
        self.matches = QuickCodeModel(self)
        self.list = QListView()
        self.list.setModel(self.matches)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMaximumHeight(160)
        self.list.hide()
        self.list.activated.connect(lambda index: self._choose(index.row()))
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Quick code: name, pinyin (zqfn) or keyword — Enter applies"))
        self.textChanged.connect(self._update)

    def _update(self, text: str) -> None:
        query = text.strip()
        found = rank(query, self._tree_model.all_codes())[:MAX_QUICK_MATCHES] if query else []
        self.matches.set_matches(found)
        self.list.setVisible(bool(found))
        if found:
            self.list.setCurrentIndex(self.matches.index(0, 0))

    def _choose(self, row: int) -> None:
        if 0 <= row < self.matches.rowCount():
            self.chosen.emit(self.matches.code(row).id)
            self.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.matches.rowCount():
            row = self.list.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1)
            row = max(0, min(row, self.matches.rowCount() - 1))
            self.list.setCurrentIndex(self.matches.index(row, 0))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(max(0, self.list.currentIndex().row()))
            return
        if key == Qt.Key.Key_Escape:
            self.clear()
            return
        super().keyPressEvent(event)


class CodePanel(QWidget):
    """Everything on the code side of the window. It asks the main window to apply codes."""

    apply_code_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: ProjectController | None = None
        self.model = CodeTreeModel(self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        # Del on the tree deletes the current code (after asking; undo brings it back).
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self._delete_current)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(self._on_double_click)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_description())
        self.model.move_requested.connect(self.move_code)
        self.model.apply_requested.connect(self.apply_code_requested)

        self.quick = QuickCodeBox(self.model)
        self.quick.chosen.connect(self.apply_code_requested)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.setMinimumHeight(48)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.apply_button = QPushButton(self.tr("Apply code to selection"))
        self.apply_button.clicked.connect(self._apply_current)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.quick)
        layout.addWidget(self.quick.list)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.description)
        layout.addWidget(self.apply_button)

    # --- data ---
    def set_controller(self, controller: ProjectController | None) -> None:
        follow(self.controller, controller, self._on_changes)
        self.controller = controller
        editable = controller is not None and not controller.project.read_only
        self.apply_button.setEnabled(editable)
        self.quick.setEnabled(editable)
        self.reload()

    def _on_changes(self, changes: Changes) -> None:
        if changes.codes or changes.codings_changed:
            self.reload()

    def reload(self) -> None:
        current = self.current_code()
        if self.controller is None:
            self.model.set_codes([])
            self.model.set_pins({})
            return
        codes = codebook.list_codes(self.controller.project)
        if not self.model.update_counts(codes):  # the tree itself changed: rebuild it
            self.model.set_codes(codes)
            self.view.expandAll()
        self.model.set_pins(load_pins(self.controller))
        if current is not None:
            self.select_code(current.id)
        self._show_description()

    def current_code(self) -> CodeInfo | None:
        return self.model.code_at(self.view.currentIndex())

    def select_code(self, code_id: int) -> None:
        index = self.model.index_of(code_id)
        if index.isValid():
            self.view.setCurrentIndex(index)

    def pinned_code(self, key: int) -> int | None:
        for code_id, pin in load_pins(self.controller).items() if self.controller else []:
            if pin == key:
                return code_id
        return None

    def _show_description(self) -> None:
        info = self.current_code()
        if info is None:
            self.description.setText("")
            return
        text = info.description or self.tr("(no description)")
        self.description.setText(f"<b>{_html(info.path)}</b><br>{_html(text)}")

    def _on_double_click(self, index: QModelIndex) -> None:
        info = self.model.code_at(index)
        if info is not None:
            self.apply_code_requested.emit(info.id)

    def _apply_current(self) -> None:
        info = self.current_code()
        if info is not None:
            self.apply_code_requested.emit(info.id)

    # --- commands ---
    def _editable(self) -> ProjectController | None:
        if self.controller is None or self.controller.project.read_only:
            return None
        return self.controller

    def _context_menu(self, pos: QPoint) -> None:
        ctrl = self._editable()
        if ctrl is None:
            return
        info = self.model.code_at(self.view.indexAt(pos))
        menu = QMenu(self)
        menu.addAction(self.tr("New top-level code…"), lambda: self.new_code(None))
        if info is not None:
            menu.addAction(self.tr("New child code…"), lambda: self.new_code(info.id))
            menu.addSeparator()
            menu.addAction(self.tr("Rename…"), lambda: self.rename_code(info.id))
            menu.addAction(self.tr("Colour…"), lambda: self.recolor_code(info.id))
            pins = menu.addMenu(self.tr("Pin to number key"))
            for key in range(1, 10):
                act = QAction(str(key), pins)
                act.triggered.connect(lambda _=False, k=key: self.pin_code(info.id, k))
                pins.addAction(act)
            pins.addSeparator()
            pins.addAction(self.tr("Unpin"), lambda: self.pin_code(info.id, None))
            menu.addAction(self.tr("Memo…"), lambda: self.set_memo(info.id))
            menu.addAction(self.tr("Merge into…"), lambda: self.merge_code(info.id))
            menu.addSeparator()
            menu.addAction(self.tr("Delete…"), lambda: self.delete_code(info.id))
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def new_code(self, parent_id: int | None, name: str | None = None) -> CodeInfo | None:
        ctrl = self._editable()
        if ctrl is None:
            return None
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("New code"), self.tr("Name of the new code:"))
            if not ok or not name.strip():
                return None
        try:
            return create_code_command(ctrl, parent_id, name)
        except GuijiError as exc:  # a name taken or impossible: say so in the UI's language
            self._warn(self.tr("The code could not be added."), exc)
            return None

    def _warn(self, summary: str, exc: GuijiError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Codes"), summary, parent=self)
        box.setInformativeText(describe(exc))
        box.open()

    def rename_code(self, code_id: int, new_name: str | None = None) -> None:
        ctrl = self._editable()
        info = self.model.code(code_id)
        if ctrl is None or info is None:
            return
        if new_name is None:
            new_name, ok = QInputDialog.getText(self, self.tr("Rename code"), self.tr("New name:"), text=info.name)
            if not ok or new_name.strip() == info.name:
                return
        try:
            ctrl.run(code_ops.rename_code(ctrl.project, code_id, new_name))
        except GuijiError as exc:
            self._warn(self.tr("The code could not be renamed."), exc)

    def recolor_code(self, code_id: int, color: str | None = None) -> None:
        ctrl = self._editable()
        info = self.model.code(code_id)
        if ctrl is None or info is None:
            return
        if color is None:
            chosen = QColorDialog.getColor(QColor(info.color), self, self.tr("Code colour"))
            if not chosen.isValid():
                return
            color = chosen.name()
        ctrl.run(code_ops.recolor_code(ctrl.project, code_id, color))

    def move_code(self, code_id: int, new_parent_id: int | None, row: int) -> None:
        ctrl = self._editable()
        info = self.model.code(code_id)
        if ctrl is None or info is None or new_parent_id == code_id:
            return
        try:
            ctrl.run(code_ops.move_code(ctrl.project, code_id, new_parent_id, None if row < 0 else row))
        except GuijiError as exc:  # e.g. a code of that name already under the new parent
            self._warn(self.tr("The code could not be moved."), exc)

    def pin_code(self, code_id: int, key: int | None) -> None:
        ctrl = self._editable()
        if ctrl is None:
            return
        try:
            ctrl.run(code_ops.pin_code(ctrl.project, code_id, key))
        except GuijiError as exc:
            QMessageBox.warning(self, self.tr("Codes"), describe(exc))

    def set_memo(self, code_id: int, memo: str | None = None) -> None:
        from app.core.memos import code_memo

        ctrl = self._editable()
        info = self.model.code(code_id)
        if ctrl is None or info is None:
            return
        if memo is None:
            memo, ok = QInputDialog.getMultiLineText(self, self.tr("Code memo"), info.path,
                                                     code_memo(ctrl.project, code_id))
            if not ok:
                return
        ctrl.run(entity_ops.set_code_memo(ctrl.project, code_id, memo))

    def merge_code(self, source_id: int, target_id: int | None = None) -> None:
        ctrl = self._editable()
        source = self.model.code(source_id)
        if ctrl is None or source is None:
            return
        if target_id is None:
            others = [c for c in self.model.all_codes()
                      if c.id != source_id and not c.path.startswith(source.path + "/")]
            paths = [c.path for c in others]
            chosen, ok = QInputDialog.getItem(
                self, self.tr("Merge codes"),
                self.tr("Merge “{name}” into (its codings and child codes move there):").format(name=source.path),
                paths, 0, False,
            )
            if not ok:
                return
            target_id = others[paths.index(chosen)].id
        merge_code_command(ctrl, source_id, target_id, source.path)

    def _delete_current(self) -> None:
        info = self.current_code()
        if info is not None:
            self.delete_code(info.id)

    def delete_code(self, code_id: int, *, confirm: bool = True) -> None:
        ctrl = self._editable()
        info = self.model.code(code_id)
        if ctrl is None or info is None:
            return
        subtree = [c for c in self.model.all_codes() if c.id == code_id or c.path.startswith(info.path + "/")]
        codings = sum(c.codings for c in subtree)
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Delete code"),
                self.tr("Delete “{path}”, its {children} child code(s) and {codings} coding(s)?").format(
                    path=info.path, children=len(subtree) - 1, codings=codings),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        delete_code_command(ctrl, code_id, info.path)


def create_code_command(ctrl: ProjectController, parent_id: int | None, name: str) -> CodeInfo:
    """Create a code as one undoable step; redo brings it back under the same id."""
    return ctrl.run(code_ops.create_code(ctrl.project, parent_id, name))


def delete_code_command(ctrl: ProjectController, code_id: int, path: str = "") -> None:
    """Delete a code, its children, codings, links and rejections as one undoable step (the only way)."""
    ctrl.run(code_ops.delete_code(ctrl.project, code_id))


def merge_code_command(ctrl: ProjectController, source_id: int, target_id: int, path: str = "") -> None:
    """Merge one code into another as one undoable step."""
    ctrl.run(code_ops.merge_codes(ctrl.project, source_id, target_id))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")

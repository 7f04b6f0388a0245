"""Correcting transcripts after coding: edit text, find and replace, pseudonymise, document history.

Edit → Edit text…: the selected range (or the cursor position, to insert) is shown in a small
dialog where the researcher types the replacement; the dialog says which codings, stage spans and
passages would lose all their words before anything changes. Edit → Find and replace…: a preview
of every hit in context first, then one undoable step for the whole project. Edit → Pseudonymise…
(see :mod:`app.ui.pseudonyms_dialog`) and Edit → Document history….

Every change is one operation of :mod:`app.core.ops.text` (its undo/redo state is the
:class:`app.core.editing.TextChange` record the core returns), run through the controller; after do,
undo and redo the change stream says which documents' text and codings changed, so the window shows
the new text. Plugged in through :mod:`app.ui.extensions`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core import editing
from app.core.errors import GuijiError
from app.core.ops import text as text_ops
from app.core.text import Utf16Map
from app.ui.messages import describe

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

_Index = QModelIndex | QPersistentModelIndex


def removed_summary(removed: list[editing.RemovedRange] | tuple[editing.RemovedRange, ...]) -> str:
    """One line per range whose words would be deleted entirely (empty when none)."""
    names = {
        "coding": QCoreApplication.translate("EditingActions", "coding"),
        "stage_span": QCoreApplication.translate("EditingActions", "stage span"),
        "case_passage": QCoreApplication.translate("EditingActions", "case passage"),
        "suggestion_rejection": QCoreApplication.translate("EditingActions", "rejected suggestion"),
    }
    lines = [f"• {names.get(r.table, r.table)} {r.start}–{r.end}: {r.text[:40]}" for r in removed]
    return "\n".join(lines)


# --------------------------------------------------------------------------- running a change


def perform_text_change(
    window: MainWindow, title: str, do: Callable[[], editing.TextChange]
) -> editing.TextChange | None:
    """Make a text change (``do``, one transaction) and push it as one undo step
    (:func:`app.core.ops.text.run`); its changes go down the change stream after do, undo and redo.
    Errors are shown to the user (and nothing is pushed)."""
    controller = window.api.controller
    if controller is None:
        return None
    try:
        return controller.run(text_ops.run(controller.project, do), title)
    except GuijiError as exc:
        window.api.show_error(QCoreApplication.translate("EditingActions", "The text could not be changed."),
                              describe(exc))
        return None


# --------------------------------------------------------------------------- edit text


class EditTextDialog(QDialog):
    """Type the text that replaces the selected range (or is inserted at the cursor)."""

    def __init__(self, window: MainWindow, document_id: int, start: int, end: int, old: str) -> None:
        super().__init__(window)
        self.setObjectName("edit-text-dialog")
        self.setWindowTitle(QCoreApplication.translate("EditingActions", "Edit text"))
        # Modal: the range must not change under the dialog while the researcher types.
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._window = window
        self.document_id, self.start, self.end = document_id, start, end
        layout = QVBoxLayout(self)
        where = (
            QCoreApplication.translate("EditingActions", "Replace characters {start}–{end}:")
            if end > start
            else QCoreApplication.translate("EditingActions", "Insert at character {start}:")
        )
        layout.addWidget(QLabel(where.format(start=start, end=end)))
        self.old_view = QPlainTextEdit(old)
        self.old_view.setReadOnly(True)
        self.old_view.setMaximumHeight(80)
        if end > start:
            layout.addWidget(self.old_view)
        else:
            self.old_view.hide()
        layout.addWidget(QLabel(QCoreApplication.translate("EditingActions", "New text:")))
        self.new_edit = QPlainTextEdit(old)
        self.new_edit.setObjectName("new-text")
        self.new_edit.setMaximumHeight(120)
        layout.addWidget(self.new_edit)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(
            QCoreApplication.translate("EditingActions", "Why (kept in the document history), e.g. transcription error")
        )
        layout.addWidget(self.note_edit)
        self.effect_label = QLabel()
        self.effect_label.setWordWrap(True)
        self.effect_label.setObjectName("edit-effect")
        layout.addWidget(self.effect_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.new_edit.textChanged.connect(self.update_effect)
        self.resize(520, 380)
        self.update_effect()

    def new_text(self) -> str:
        return self.new_edit.toPlainText()

    def update_effect(self) -> None:
        """Say which ranges would lose all their words with the text as typed."""
        controller = self._window.api.controller
        if controller is None:
            return
        try:
            moved, removed = editing.preview_edit(
                controller.project, self.document_id, self.start, self.end, self.new_text()
            )
        except GuijiError as exc:
            self.effect_label.setText(describe(exc))
            return
        text = QCoreApplication.translate(
            "EditingActions", "Codings and spans stay on their words ({n} will move)."
        ).format(n=len(moved))
        if removed:
            text += "\n" + QCoreApplication.translate(
                "EditingActions", "These lose all their words and will be removed (undo brings them back):"
            )
            text += "\n" + removed_summary(removed)
        self.effect_label.setText(text)


# --------------------------------------------------------------------------- find and replace


class HitsModel(QAbstractTableModel):
    """Replace preview: document, position, and the hit in its context."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: list[editing.ReplaceHit] = []
        self._headers = [
            QCoreApplication.translate("EditingActions", "Document"),
            QCoreApplication.translate("EditingActions", "Position"),
            QCoreApplication.translate("EditingActions", "Context"),
        ]

    def set_hits(self, hits: list[editing.ReplaceHit] | tuple[editing.ReplaceHit, ...]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> editing.ReplaceHit:
        return self._hits[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return hit.document
            if index.column() == 1:
                return f"{hit.start}–{hit.end}"
            at = hit.context_offset
            length = hit.end - hit.start
            return f"{hit.context[:at]}【{hit.context[at : at + length]}】{hit.context[at + length :]}"
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return hit.context
        return None


class FindReplaceDialog(QDialog):
    """Find, preview every hit in context, then replace them all as one undoable step."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("find-replace-dialog")
        self.setWindowTitle(QCoreApplication.translate("EditingActions", "Find and replace"))
        self._window = window
        self.preview: editing.ReplacePreview | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("find")
        self.replace_edit = QLineEdit()
        self.replace_edit.setObjectName("replace")
        form.addRow(QCoreApplication.translate("EditingActions", "Find:"), self.find_edit)
        form.addRow(QCoreApplication.translate("EditingActions", "Replace with:"), self.replace_edit)
        self.current_only = QCheckBox(QCoreApplication.translate("EditingActions", "Only in the document shown"))
        form.addRow("", self.current_only)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.preview_button = QPushButton(QCoreApplication.translate("EditingActions", "Preview"))
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.update_preview)
        row.addWidget(self.preview_button)
        self.summary = QLabel(
            QCoreApplication.translate("EditingActions", "Every hit is listed here before anything changes.")
        )
        self.summary.setWordWrap(True)
        row.addWidget(self.summary, 1)
        layout.addLayout(row)
        self.model = HitsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._jump)
        layout.addWidget(self.table, 1)
        self.removed_label = QLabel()
        self.removed_label.setWordWrap(True)
        layout.addWidget(self.removed_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.replace_button = buttons.addButton(
            QCoreApplication.translate("EditingActions", "Replace all"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.replace_button.setEnabled(False)
        self.replace_button.clicked.connect(self.replace_all)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for edit in (self.find_edit, self.replace_edit):
            edit.textChanged.connect(self._invalidate)
        self.current_only.toggled.connect(self._invalidate)
        self.resize(760, 480)

    def _document_ids(self) -> list[int] | None:
        shown = self._window.api.text_view.document_id
        return [shown] if self.current_only.isChecked() and shown is not None else None

    def _invalidate(self) -> None:
        self.preview = None
        self.replace_button.setEnabled(False)

    def update_preview(self) -> None:
        """List every hit (and what would lose its words); the replace button follows."""
        controller = self._window.api.controller
        if controller is None:
            return
        try:
            self.preview = editing.preview_replace(
                controller.project,
                self.find_edit.text(),
                self.replace_edit.text(),
                document_ids=self._document_ids(),
            )
        except GuijiError as exc:
            self.preview = None
            self.model.set_hits([])
            self.summary.setText(describe(exc))
            self.replace_button.setEnabled(False)
            return
        hits = self.preview.hits
        self.model.set_hits(hits)
        documents = len({h.document_id for h in hits})
        self.summary.setText(
            QCoreApplication.translate("EditingActions", "{n} hit(s) in {d} document(s).").format(
                n=len(hits), d=documents
            )
        )
        removed = self.preview.would_remove
        self.removed_label.setText(
            QCoreApplication.translate(
                "EditingActions", "These lose all their words and will be removed (undo brings them back):"
            )
            + "\n"
            + removed_summary(removed)
            if removed
            else ""
        )
        self.replace_button.setEnabled(bool(hits) and not self._window.api.controller.project.read_only)  # type: ignore[union-attr]

    def replace_all(self) -> None:
        controller = self._window.api.controller
        if controller is None or self.preview is None or not self.preview.hits:
            return
        find, replacement = self.preview.find, self.preview.replacement
        ids = self._document_ids()
        change = perform_text_change(
            self._window,
            QCoreApplication.translate("EditingActions", "Replace “{find}” with “{new}”").format(
                find=find, new=replacement
            ),
            lambda: editing.replace_text(
                controller.project, find, replacement, coder=controller.coder, document_ids=ids
            ),
        )
        if change is not None:
            self.summary.setText(
                QCoreApplication.translate("EditingActions", "Replaced {n} hit(s). Edit → Undo takes it back.").format(
                    n=change.hits
                )
            )
            self.model.set_hits([])
            self.removed_label.clear()
            self._invalidate()

    def _jump(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row())
        self._window.api.jump_to(hit.document_id, hit.start, hit.end)


# --------------------------------------------------------------------------- document history


class HistoryModel(QAbstractTableModel):
    """The document history: when, document, what kind, who, where, what."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[editing.HistoryEntry] = []
        self._headers = [
            QCoreApplication.translate("EditingActions", "When"),
            QCoreApplication.translate("EditingActions", "Document"),
            QCoreApplication.translate("EditingActions", "Change"),
            QCoreApplication.translate("EditingActions", "Who"),
            QCoreApplication.translate("EditingActions", "Where"),
            QCoreApplication.translate("EditingActions", "What"),
        ]

    def set_entries(self, entries: list[editing.HistoryEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._entries) or role != Qt.ItemDataRole.DisplayRole:
            return None
        e = self._entries[index.row()]
        kinds = {
            "edit": QCoreApplication.translate("EditingActions", "edit"),
            "replace": QCoreApplication.translate("EditingActions", "replace"),
            "pseudonymise": QCoreApplication.translate("EditingActions", "pseudonymisation"),
        }
        where = (
            f"{e.start}–{e.end}"
            if e.start is not None
            else QCoreApplication.translate("EditingActions", "{n} hit(s)").format(n=e.hits)
        )
        if e.kind == "pseudonymise":
            what = QCoreApplication.translate("EditingActions", "{n} name(s) replaced by pseudonyms").format(n=e.hits)
        else:
            what = f"“{e.old_text}” → “{e.new_text}”"
        if e.removed:
            what += " " + QCoreApplication.translate("EditingActions", "({n} removed)").format(n=e.removed)
        if e.note and e.kind != "pseudonymise":
            what += f" — {e.note}"
        columns = [
            e.at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M"),
            e.document,
            kinds.get(e.kind, e.kind),
            e.coder,
            where,
            what,
        ]
        return columns[index.column()]


class HistoryDialog(QDialog):
    """Every recorded change of the documents' text (for a methods section)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("document-history-dialog")
        self.setWindowTitle(QCoreApplication.translate("EditingActions", "Document history"))
        self._window = window
        layout = QVBoxLayout(self)
        self.current_only = QCheckBox(QCoreApplication.translate("EditingActions", "Only the document shown"))
        self.current_only.toggled.connect(self.refresh)
        layout.addWidget(self.current_only)
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 420)
        self.refresh()

    def refresh(self) -> None:
        controller = self._window.api.controller
        if controller is None:
            self.model.set_entries([])
            return
        shown = self._window.api.text_view.document_id
        doc = shown if self.current_only.isChecked() else None
        self.model.set_entries(editing.document_history(controller.project, doc))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)


# --------------------------------------------------------------------------- the actions


class EditingActions:
    """Edit-menu actions of one window: edit text, find and replace, pseudonymise, history."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.edit_action = self._action(
            QCoreApplication.translate("EditingActions", "Edit &text…"),
            "edit-text",
            self.edit_text_dialog,
            "Ctrl+Alt+E",
        )
        self.replace_action = self._action(
            QCoreApplication.translate("EditingActions", "Find and &replace…"),
            "find-replace",
            self.find_replace_dialog,
            QKeySequence.StandardKey.Replace,
        )
        self.pseudonymise_action = self._action(
            QCoreApplication.translate("EditingActions", "&Pseudonymise…"), "pseudonymise", self.pseudonymise_dialog
        )
        self.history_action = self._action(
            QCoreApplication.translate("EditingActions", "Document &history…"), "document-history", self.history_dialog
        )
        menu = window.api.menu("edit")
        menu.addSeparator()
        for action in (self.edit_action, self.replace_action, self.pseudonymise_action, self.history_action):
            menu.addAction(action)
        self.dialog: QDialog | None = None
        window.api.project_changed.connect(self._project_changed)
        self._project_changed(window.api.controller)

    def _action(
        self,
        text: str,
        name: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _project_changed(self, controller: Any) -> None:
        writable = controller is not None and not controller.project.read_only
        for action in (self.edit_action, self.replace_action, self.pseudonymise_action):
            action.setEnabled(writable)
        self.history_action.setEnabled(controller is not None)

    def _show(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.show()
        return dialog

    # --- edit ---
    def selected_range(self) -> tuple[int, int] | None:
        """The selection in code points, or the cursor position as an empty range."""
        view = self.window.api.text_view
        if view.document_id is None:
            return None
        selection = view.selection_range()
        if selection is not None:
            return selection
        at = Utf16Map(view.text()).to_codepoint(view.textCursor().position())
        return at, at

    def edit_text_dialog(self) -> EditTextDialog | None:
        """Open the edit dialog on the selection; on OK the edit is one undoable command."""
        view = self.window.api.text_view
        selected = self.selected_range()
        if self.window.api.controller is None or view.document_id is None or selected is None:
            self.window.api.status(
                QCoreApplication.translate("EditingActions", "Open a document and select the text to correct."), 4000
            )
            return None
        start, end = selected
        dialog = EditTextDialog(self.window, view.document_id, start, end, view.text()[start:end])
        dialog.accepted.connect(lambda: self.apply_edit(dialog))
        self._show(dialog)
        return dialog

    def apply_edit(self, dialog: EditTextDialog) -> editing.TextChange | None:
        controller = self.window.api.controller
        if controller is None:
            return None
        doc_id, start, end, new = dialog.document_id, dialog.start, dialog.end, dialog.new_text()
        note = dialog.note_edit.text().strip()
        change = perform_text_change(
            self.window,
            QCoreApplication.translate("EditingActions", "Edit text"),
            lambda: editing.edit_text(controller.project, doc_id, start, end, new, coder=controller.coder, note=note),
        )
        if change is not None:
            self.window.api.text_view.select_range(start, start + len(change.documents[0].splices[0].text))
            if change.removed:
                self.window.api.status(
                    QCoreApplication.translate(
                        "EditingActions",
                        "{n} coding(s) or span(s) lost all their words and were removed; undo brings them back.",
                    ).format(n=len(change.removed)),
                    8000,
                )
        return change

    # --- the other dialogs ---
    def find_replace_dialog(self) -> FindReplaceDialog:
        dialog = FindReplaceDialog(self.window)
        selected = self.window.api.text_view.selection_range()
        if selected is not None:
            dialog.find_edit.setText(self.window.api.text_view.text()[selected[0] : selected[1]])
        self._show(dialog)
        return dialog

    def pseudonymise_dialog(self) -> QDialog | None:
        from app.ui.pseudonyms_dialog import PseudonymiseDialog

        if self.window.api.controller is None:
            return None
        dialog = PseudonymiseDialog(self.window)
        self._show(dialog)
        dialog.find_names()
        return dialog

    def history_dialog(self) -> HistoryDialog:
        dialog = HistoryDialog(self.window)
        self._show(dialog)
        return dialog


def install(window: MainWindow) -> None:
    """Add the text-editing actions to the window's Edit menu."""
    window.editing_actions = EditingActions(window)  # type: ignore[attr-defined]


__all__ = [
    "EditTextDialog",
    "EditingActions",
    "FindReplaceDialog",
    "HistoryDialog",
    "HistoryModel",
    "HitsModel",
    "install",
    "perform_text_change",
]

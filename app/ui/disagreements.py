"""Two coders' codings of one document side by side, to settle their disagreements into a consensus coder.

The left pane shows coder A's codings, the right pane coder B's, over the same text; the list steps
through the disagreements (only A, only B, coded differently) with n/p or F8/Shift+F8, and A / B / C
(or the buttons) accept A's spans, B's spans or both into the consensus coder (合议) as one undo step
each (:func:`app.core.disagreements.accept`). The figures follow the project's change stream, so they
move as disagreements are settled — and back on Ctrl+Z.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.coding import CodingInfo, list_coders, list_codings
from app.core.disagreements import Passage, Side, accept, accept_agreed, not_coded_decisions, passages, settled, tally
from app.core.errors import GuijiError
from app.core.text import Utf16Map

if TYPE_CHECKING:
    from app.core.project import Project
    from app.ui.window_api import WindowApi

#: Marks of the passage kinds in the list (the pane colours say which coder has what).
KIND_MARK = {"only_a": "A", "only_b": "B", "different": "≠"}


def agreement_figures(project: Project, a: str, b: str, document: str) -> tuple[float | None, float | None, int] | None:
    """Cohen's κ, Krippendorff's α and the number of sentences of the two coders on ``document``.

    From :mod:`app.core.agreement` (None when it cannot say, e.g. neither coder coded the document).
    """
    try:
        from app.core.agreement import agreement
    except ImportError:  # the coefficients module is optional for this view: the passage tally stays
        return None
    try:
        result = agreement(project, [a, b], unit="sentence", documents=[document])
    except GuijiError:
        return None
    return result.overall.kappa, result.overall.alpha, result.n_units


class CoderPane(QPlainTextEdit):
    """The document's text (read-only) with one coder's codings of the passages in the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys belong to the list
        self._map = Utf16Map("")

    def set_text(self, text: str) -> None:
        if text != self.toPlainText():
            self.setPlainText(text)
            self._map = Utf16Map(text)

    def mark(self, spans: list[tuple[int, int, QColor, bool]], current: tuple[int, int] | None) -> None:
        """Colour ``spans`` (code points; bold ones belong to the current passage) and show ``current``."""
        selections = []
        for start, end, color, strong in spans:
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            shade = QColor(color)
            shade.setAlpha(150 if strong else 60)
            fmt.setBackground(shade)
            if strong:
                fmt.setFontUnderline(True)
            sel.format = fmt
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._map.to_utf16(start))
            cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.setExtraSelections(selections)
        if current is not None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._map.to_utf16(current[0]))
            self.setTextCursor(cursor)
            self.centerCursor()

    def marked(self) -> list[tuple[int, int]]:
        """The coloured ranges in code points (what a test or a screen reader can check)."""
        return [(self._map.to_codepoint(s.cursor.selectionStart()), self._map.to_codepoint(s.cursor.selectionEnd()))
                for s in self.extraSelections()]


class DisagreementWindow(QWidget):
    """The side-by-side view of two coders' codings of a document, with the consensus actions."""

    def __init__(self, api: WindowApi, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("disagreements-window")
        self.setWindowTitle(self.tr("Disagreements between coders"))
        self.api = api
        self.items: list[Passage] = []
        self.done: list[bool] = []  # per item: settled by the consensus coder
        self._all: list[Passage] = []
        self._colors: dict[int, str] = {}
        self._consensus_codings: list[CodingInfo] = []
        self._decisions: list[tuple[int, int, int, int, str]] = []

        self.document = QComboBox()
        self.coder_a = QComboBox()
        self.coder_b = QComboBox()
        self.consensus = QLineEdit(self.tr("consensus"))
        self.consensus.setObjectName("consensus-name")
        top = QHBoxLayout()
        for label, widget in ((self.tr("Document:"), self.document), (self.tr("Coder A:"), self.coder_a),
                              (self.tr("Coder B:"), self.coder_b), (self.tr("Consensus coder:"), self.consensus)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget, 1)
        self.figures = QLabel()
        self.figures.setObjectName("agreement-figures")
        self.figures.setWordWrap(True)

        self.list = QListWidget()
        self.list.setObjectName("disagreement-list")
        self.list.currentRowChanged.connect(self._show_current)
        self.pane_a = CoderPane()
        self.pane_b = CoderPane()
        self.title_a = QLabel()
        self.title_b = QLabel()
        panes = QSplitter(Qt.Orientation.Horizontal)
        for title, pane in ((self.title_a, self.pane_a), (self.title_b, self.pane_b)):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(title)
            column.addWidget(pane, 1)
            panes.addWidget(box)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(panes)
        split.setStretchFactor(1, 3)
        split.setSizes([340, 1000])

        self.accept_a = QPushButton(self.tr("Accept &A's"))
        self.accept_b = QPushButton(self.tr("Accept &B's"))
        self.accept_both = QPushButton(self.tr("A&ccept both"))
        self.copy_agreed = QPushButton()
        self.copy_agreed.setObjectName("copy-agreed")
        self.copy_agreed.setToolTip(self.tr("Give the consensus coder every passage both coders coded alike"))
        self.copy_agreed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.copy_agreed.clicked.connect(self.settle_agreed)
        self.previous_button = QPushButton(self.tr("&Previous"))
        self.next_button = QPushButton(self.tr("&Next"))
        buttons = QHBoxLayout()
        for button in (self.previous_button, self.next_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_agreed)
        for button, side in ((self.accept_a, "a"), (self.accept_b, "b"), (self.accept_both, "both")):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the list keeps the keys
            button.clicked.connect(lambda _=False, s=side: self.settle(s))
            buttons.addWidget(button)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        for button in (self.previous_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.figures)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

        # Single keys act on the list (its own type-to-find would take the letters otherwise).
        self._keys: dict[tuple[int, Qt.KeyboardModifier], Callable[[], object]] = {
            (Qt.Key.Key_N, Qt.KeyboardModifier.NoModifier): lambda: self.step(1),
            (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier): lambda: self.step(1),
            (Qt.Key.Key_P, Qt.KeyboardModifier.NoModifier): lambda: self.step(-1),
            (Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier): lambda: self.step(-1),
            (Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier): lambda: self.settle("a"),
            (Qt.Key.Key_B, Qt.KeyboardModifier.NoModifier): lambda: self.settle("b"),
            (Qt.Key.Key_C, Qt.KeyboardModifier.NoModifier): lambda: self.settle("both"),
        }
        self.list.installEventFilter(self)
        for combo in (self.document, self.coder_a, self.coder_b):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.consensus.editingFinished.connect(self.refresh)
        api.changes.connect(self._on_changes)
        api.project_changed.connect(self._on_project)
        self.resize(1100, 700)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Undo):
                self._undo()
                return True
            if event.matches(QKeySequence.StandardKey.Redo):
                self._redo()
                return True
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            slot = self._keys.get((event.key(), modifiers))
            if slot is not None:
                slot()
                return True
        return super().eventFilter(watched, event)

    # --- filling ---
    def _on_project(self, controller: object) -> None:
        if controller is None:
            self.close()
        else:
            self.fill()

    def fill(self, document_id: int | None = None, a: str | None = None, b: str | None = None) -> None:
        """Fill the document and coder lists (choosing ``document_id``, ``a`` and ``b`` when given)."""
        project = self.api.project
        if project is None:
            return
        from app.core.codebook import list_codes
        from app.core.documents import list_documents

        self._colors = {c.id: c.color for c in list_codes(project)}
        consensus = self.consensus.text().strip()
        coders = [name for name in list_coders(project) if name != consensus]
        document_id = document_id if document_id is not None else (
            self.document.currentData() or self.api.current_document())
        me = self.api.controller.coder if self.api.controller is not None else ""
        a = a or self.coder_a.currentData() or (me if me in coders else coders[0] if coders else None)
        b = b or self.coder_b.currentData() or next((c for c in coders if c != a), None)
        for combo in (self.document, self.coder_a, self.coder_b):
            combo.blockSignals(True)
            combo.clear()
        for doc in list_documents(project):
            self.document.addItem(doc.name, doc.id)
        for name in coders:
            self.coder_a.addItem(name, name)
            self.coder_b.addItem(name, name)
        for combo, data in ((self.document, document_id), (self.coder_a, a), (self.coder_b, b)):
            combo.setCurrentIndex(max(0, combo.findData(data)))
            combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the passages, the list (keeping the current one) and the figures."""
        project = self.api.project
        document_id = self.document.currentData()
        a, b = self.coder_a.currentData(), self.coder_b.currentData()
        consensus = self.consensus.text().strip()
        if project is None or document_id is None or a is None or b is None:
            self.items, self.done = [], []
            self.list.clear()
            self.figures.setText(self.tr("Choose a document and two coders."))
            return
        from app.core.documents import document_text

        codings = list_codings(project, document_id=document_id)
        self._all = passages([c for c in codings if c.coder == a], [c for c in codings if c.coder == b])
        self._consensus_codings = [c for c in codings if c.coder == consensus]
        self._decisions = not_coded_decisions(project)
        current = self.current()
        self.items = [p for p in self._all if p.kind is not None]
        self.title_a.setText(self.tr("A: {coder}").format(coder=a))
        self.title_b.setText(self.tr("B: {coder}").format(coder=b))
        self.pane_a.set_text(document_text(project, document_id))
        self.pane_b.set_text(self.pane_a.toPlainText())
        kinds = {"only_a": self.tr("only A"), "only_b": self.tr("only B"), "different": self.tr("different")}
        self.list.blockSignals(True)
        self.list.clear()
        text = self.pane_a.toPlainText()
        self.done = [settled(p, self._consensus_codings, self._decisions, consensus) for p in self.items]
        for p, done in zip(self.items, self.done, strict=True):
            excerpt = text[p.start:p.end].replace("\n", " ")
            excerpt = excerpt if len(excerpt) <= 24 else excerpt[:23] + "…"
            item = QListWidgetItem(f"{'✓' if done else '•'} {KIND_MARK[p.kind or 'different']} "
                                   f"{p.code} — {kinds[p.kind or 'different']}\n{excerpt}")
            item.setToolTip(f"{p.code}\n{p.start}–{p.end}")
            self.list.addItem(item)
        row = next((i for i, p in enumerate(self.items) if current is not None
                    and (p.code_id, p.start) == (current.code_id, current.start)), 0 if self.items else -1)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._show_current(row)
        self._show_figures(a, b, document_id)

    def _show_figures(self, a: str, b: str, document_id: int) -> None:
        t = tally(self._all, self._consensus_codings, self._decisions, self.consensus.text().strip())
        percent = "–" if t.percent is None else f"{t.percent:.0f} %"
        line = self.tr("Passages: {n} · agreed: {agreed} ({percent}) · disagreements: {d} · settled: {s} of {d}") \
            .format(n=t.passages, agreed=t.agreed, percent=percent, d=t.disagreements, s=t.settled)
        project = self.api.project
        figures = agreement_figures(project, a, b, self.document.currentText()) if project else None
        if figures is not None:
            kappa, alpha, n = figures
            line += " · " + self.tr("κ = {kappa} · α = {alpha} over {n} sentences").format(
                kappa="–" if kappa is None else f"{kappa:.2f}", alpha="–" if alpha is None else f"{alpha:.2f}", n=n)
        self.figures.setText(line)
        self.tally = t
        left = t.agreed - t.agreed_copied
        self.copy_agreed.setText(self.tr("Copy the agreed passages ({n} left)").format(n=left))
        self.copy_agreed.setEnabled(left > 0 and not (project is not None and project.read_only))

    # --- the current passage ---
    def current(self) -> Passage | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_current(self, row: int) -> None:
        current = self.items[row] if 0 <= row < len(self.items) else None
        for pane, side in ((self.pane_a, "a"), (self.pane_b, "b")):
            spans = []
            for p in self.items:
                strong = p is current
                mine = p.a if side == "a" else p.b
                for c in mine:
                    spans.append((c.start, c.end, QColor(self._colors.get(c.code_id, "#999999")), strong))
                if strong and not mine:  # where the other coder coded and this one did not: grey
                    spans.append((p.start, p.end, QColor("#9E9E9E"), False))
            pane.mark(spans, (current.start, current.end) if current else None)
        for button in (self.accept_a, self.accept_b, self.accept_both):
            button.setEnabled(current is not None and not (self.api.project and self.api.project.read_only))

    def step(self, by: int) -> None:
        """Go to the next (``by`` = 1) or previous disagreement, wrapping around."""
        if self.items:
            self.list.setCurrentRow((self.list.currentRow() + by) % len(self.items))

    def settle(self, side: Side) -> None:
        """Accept A's, B's or both spans of the current disagreement into the consensus coder."""
        current = self.current()
        controller = self.api.controller
        if current is None or controller is None or controller.project.read_only:
            return
        name = self.consensus.text().strip()
        labels = {"a": self.tr("Accept {coder}'s “{code}”"), "b": self.tr("Accept {coder}'s “{code}”"),
                  "both": self.tr("Accept both “{code}”")}
        coder = self.coder_a.currentData() if side == "a" else self.coder_b.currentData()
        try:
            controller.run(accept(controller.project, current, side, name),
                           labels[side].format(coder=coder, code=current.code))
        except GuijiError as exc:
            from app.ui.messages import describe

            self.api.show_error(self.tr("The disagreement could not be settled."), describe(exc))
            return
        controller.settle()  # the change stream refreshes the list before the next step
        row = self.list.currentRow()
        count = len(self.items)
        following = [(row + k) % count for k in range(1, count)] if count else []
        open_row = next((r for r in following if not self.done[r]), None)
        if open_row is not None:  # on to the next disagreement still open
            self.list.setCurrentRow(open_row)

    def settle_agreed(self) -> None:
        """Copy the passages both coders coded alike into the consensus coder (one undo step)."""
        controller = self.api.controller
        if controller is None or controller.project.read_only:
            return
        name = self.consensus.text().strip()
        try:
            controller.run(accept_agreed(controller.project, self._all, name),
                           self.tr("Copy the agreed passages to “{coder}”").format(coder=name))
        except GuijiError as exc:
            from app.ui.messages import describe

            self.api.show_error(self.tr("The disagreement could not be settled."), describe(exc))
            return
        controller.settle()

    def _undo(self) -> None:
        if self.api.controller is not None:
            self.api.controller.undo_stack.undo()

    def _redo(self) -> None:
        if self.api.controller is not None:
            self.api.controller.undo_stack.redo()

    def _on_changes(self, changes: Changes) -> None:
        if not self.isVisible():
            return
        if changes.codes or changes.document_list:
            self.fill()
        elif changes.codings_changed or changes.all_codings or changes.documents:
            coders = {c.coder for c in changes.codings_added} - {
                self.coder_a.itemData(i) for i in range(self.coder_a.count())}
            self.fill() if coders - {self.consensus.text().strip()} else self.refresh()


def show_disagreements(api: WindowApi, parent: QWidget) -> DisagreementWindow:
    """Open (or raise) the window of ``parent``."""
    window = parent.findChild(DisagreementWindow, "disagreements-window")
    if window is None:
        window = DisagreementWindow(api, parent)
    window.fill()
    if window.isVisible():
        window.raise_()  # already open behind the main window: bring it up
    window.show()
    window.activateWindow()
    window.list.setFocus()
    return window

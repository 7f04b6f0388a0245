"""The "Stages" tab of the suggestion panel: stage suggestions from time expressions (issue 16).

Lists :func:`app.core.nlp.stages.suggest_stages` for the shown document — stage, score, passage and
reason, sortable — and accepts the selected ones as stage spans (one undo step, through
:func:`app.ui.stage_actions.set_span_stage`) or drops them from the list. Computing them is a pass
of regular expressions over the text (no model): it runs on the GUI thread when the tab is shown or
the button is pressed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.errors import GuijiError
from app.ui.messages import describe
from app.ui.suggestions_model import RecordsModel, _one_line, _table, source_rows

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class StageSuggestionsTab(QWidget):
    """Stage suggestions for the shown document; accept makes stage spans, reject drops them."""

    stages_shown = Signal()  # the list was refilled (tests wait for it)

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self._colors: dict[int, str] = {}
        self.model = RecordsModel([
            (self.tr("Stage"), lambda s: s.stage),
            (self.tr("Score"), lambda s: f"{s.score:.2f}", lambda s: s.score),
            (self.tr("Passage"), lambda s: _one_line(s.text), lambda s: s.start),
            (self.tr("Why"), lambda s: s.reason),
        ], self, tooltip=lambda s: f"{s.stage} — {s.score:.2f}\n{s.text}\n{s.reason}",
            swatch=lambda s: self._colors.get(s.stage_id))
        self.table = _table(self.model, sortable=True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 48)
        self.table.setColumnWidth(2, 260)
        self.table.doubleClicked.connect(self._jump)
        self.suggest_button = QPushButton(self.tr("Suggest stages"))
        self.suggest_button.setToolTip(self.tr(
            "From time expressions (2016年, 三年前, 现在, 未来…) and the stages' dates and time words"))
        self.suggest_button.clicked.connect(self.refresh)
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setToolTip(self.tr("Place the selected passages in their suggested stages"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setToolTip(self.tr("Drop the selected stage suggestions from the list"))
        self.reject_button.clicked.connect(self.reject_selected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.suggest_button, self.accept_button, self.reject_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def refresh(self) -> None:
        """Suggest stages for the shown document."""
        controller = self.window_.controller
        document_id = self.window_.document_view.document_id
        if controller is None or document_id is None:
            self.model.set_records([])
            self.status.setText(self.tr("No document is shown."))
            return
        from app.core.nlp.stages import suggest_stages
        from app.core.stages import list_stages

        try:
            found = suggest_stages(controller.project, document_id=document_id)
        except GuijiError as exc:
            self.model.set_records([])
            self.status.setText(describe(exc))
            self.stages_shown.emit()
            return
        self._colors = {s.id: s.color for s in list_stages(controller.project)}
        self.model.set_records(found)
        self.status.setText(self.tr("{n} stage suggestion(s) for this document.").format(n=len(found)))
        self.stages_shown.emit()

    def _selected(self) -> list[Any]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.record(r) for r in source_rows(self.table, rows)]

    def _jump(self, index: Any) -> None:
        s = self.model.record(source_rows(self.table, [index.row()])[0])
        self.window_.jump_to(s.document_id, s.start, s.end)

    def accept_selected(self) -> None:
        """Each selected suggestion becomes a stage span: one undo step for all."""
        controller = self.window_.controller
        chosen = self._selected()
        if controller is None or controller.project.read_only or not chosen:
            return
        from app.ui.stage_actions import set_span_stage

        try:
            with controller.macro(self.tr("Accept {n} stage suggestion(s)").format(n=len(chosen))):
                for s in chosen:
                    set_span_stage(controller, s.document_id, s.start, s.end, s.stage_id, parent=self)
        except GuijiError as exc:
            self.window_.show_error(self.tr("The stage could not be set."), describe(exc))
        self._drop(chosen)

    def reject_selected(self) -> None:
        self._drop(self._selected())

    def _drop(self, done: list[Any]) -> None:
        gone = {id(s) for s in done}
        self.model.set_records([s for s in self.model.records() if id(s) not in gone])

"""The Process menu and the process window: the timeline and the other figures on screen, computed
from the codings, with the evidence behind every box and arrow.

Click a box or an arrow: its passages are listed; double-click one to see it in its document. Drag a
box to move it, double-click it to rename its label, right-click to hide it: adjustments are saved
with the project (keyed by ids, so they survive new codings) and undoable. Drag from one box to another
with Shift held (or in link mode) to link two codes. The same layout is exported by the export dialog.
Installed by app/ui/extensions.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.core import coding as coding_service
from app.core.changes import Changes
from app.core.errors import GuijiError
from app.core.ops import Done
from app.core.ops import figures as figure_ops
from app.core.process import adjustments as adjustment_service
from app.core.process import links as link_service
from app.core.process.data import ProcessData, Selection, coders_of, load_process_data
from app.core.process.layout import Figure, FigureOptions
from app.core.process.transitions import TransitionResult, compute_transitions
from app.ui import file_dialogs
from app.ui.combo import ElidedComboBox
from app.ui.controller import ProjectController
from app.ui.figures.evidence import PassageModel, PassageRow
from app.ui.figures.export_dialog import FigureExportDialog
from app.ui.figures.link_editing import LinkEditing
from app.ui.figures.renderer import choose_family, qt_measure
from app.ui.figures.scene import FigureScene, FigureView
from app.ui.i18n import export_language
from app.ui.messages import describe, translate_text

if TYPE_CHECKING:
    from app.core.process.figures import FigureRequest
    from app.ui.main_window import MainWindow


class ProcessWindow(LinkEditing, QMainWindow):
    """The figures of one project, interactive; refreshed when the project changes."""

    def __init__(self, main: MainWindow, controller: ProjectController) -> None:
        super().__init__(main, Qt.WindowType.Window)
        self.setObjectName("process-window")
        self.main = main
        self.controller = controller
        self.project = controller.project
        self.setWindowTitle(self.tr("Process — {name}").format(name=self.project.path.stem))
        self.resize(1280, 820)
        self.family = choose_family()
        self.measure = qt_measure(self.family)
        self.data: ProcessData | None = None
        self.links: list[link_service.LinkInfo] = []
        self.adjustments: dict[str, adjustment_service.Adjustment] = {}
        self.result: TransitionResult | None = None
        self.figure: Figure | None = None
        self.selected: tuple[Any, ...] = ()
        self.editable = not self.project.read_only

        self.scene = FigureScene(self)
        self.view = FigureView(self.scene)
        self.scene.element_clicked.connect(self.show_evidence)
        self.scene.element_moved.connect(self.move_element)
        self.scene.element_double_clicked.connect(self.rename_element)
        self.scene.link_requested.connect(self.create_link)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self.context_menu)

        self.passages = PassageModel(self)
        self.table = QTableView()
        self.table.setModel(self.passages)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda index: self.jump(index.row()))
        self.caption = QLabel(self.tr("Click a box or an arrow to see its passages."))
        self.caption.setWordWrap(True)
        self.add_evidence_button = QPushButton(self.tr("Add evidence…"))
        self.add_evidence_button.clicked.connect(self.add_evidence)
        self.judge_button = QPushButton(self.tr("Change test…"))
        self.judge_button.clicked.connect(self.change_test)
        self.remove_evidence_button = QPushButton(self.tr("Remove evidence"))
        self.remove_evidence_button.clicked.connect(self.remove_evidence)
        self.delete_link_button = QPushButton(self.tr("Delete link"))
        self.delete_link_button.clicked.connect(self.delete_link)
        buttons = QHBoxLayout()
        for button in (self.add_evidence_button, self.judge_button, self.remove_evidence_button,
                       self.delete_link_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 4, 4, 4)
        side_layout.addWidget(self.caption)
        side_layout.addWidget(self.table, 1)
        side_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self._build_toolbar()
        self._update_link_buttons()
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(60)
        self._reload_timer.timeout.connect(lambda: self.refresh(reload=True))
        controller.changes_settled.connect(self._on_changes)
        self.refresh(reload=True)

    # --- toolbar --------------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        # The figure builders load with the first process window, not with the main window.
        from app.core.process.figures import KINDS

        bar = QToolBar(self.tr("Figure"))
        bar.setObjectName("process-toolbar")
        self.addToolBar(bar)
        self.kind = QComboBox()
        labels = {"timeline": self.tr("Timeline"), "sankey": self.tr("Transition flow"),
                  "matrix": self.tr("Transition matrix"), "codeline": self.tr("Codeline"),
                  "saturation": self.tr("Saturation curve")}
        for kind in KINDS:
            self.kind.addItem(labels[kind], kind)
        # Names from the project can be long: these combos elide them (whole in the tooltip and list).
        self.unit = ElidedComboBox(max_chars=12)
        self.unit.setObjectName("case-selector")
        self.coder = ElidedComboBox(max_chars=8)
        self.document = ElidedComboBox(max_chars=12)
        self.level = ElidedComboBox(max_chars=10)
        for text, value in ((self.tr("Categories"), "1"), (self.tr("Dimensions"), "0"),
                            (self.tr("Codes as applied"), "code")):
            self.level.addItem(text, value)
        self.min_count = QSpinBox()
        self.min_count.setRange(1, 100000)
        self.min_count.setPrefix(self.tr("≥ "))
        self.min_count.setToolTip(self.tr("Boxes: at least this many codings"))
        self.min_transition = QSpinBox()
        self.min_transition.setRange(0, 100000)
        self.min_transition.setSpecialValueText(self.tr("auto"))
        self.min_transition.setToolTip(self.tr("Arrows: transitions in at least this many cases "
                                               "(auto: half of the cases)"))
        self.grayscale = QCheckBox(self.tr("Greyscale"))
        for label, widget in ((self.tr("Figure:"), self.kind), (self.tr("Case:"), self.unit),
                              (self.tr("Coder:"), self.coder), (self.tr("Document:"), self.document),
                              (self.tr("Codes:"), self.level), (self.tr("Boxes:"), self.min_count),
                              (self.tr("Arrows:"), self.min_transition)):
            bar.addWidget(QLabel(f" {label} "))
            bar.addWidget(widget)
        bar.addWidget(self.grayscale)
        self.addToolBarBreak()
        bar = QToolBar(self.tr("Figure actions"))
        bar.setObjectName("process-actions")
        self.addToolBar(bar)
        self.link_mode = QAction(self.tr("Draw links"), self)
        self.link_mode.setCheckable(True)
        self.link_mode.setToolTip(self.tr("Drag from one box to another to link the codes "
                                          "(or hold Shift while dragging)"))
        self.link_mode.toggled.connect(lambda on: setattr(self.scene, "link_mode", on))
        self.link_mode.setEnabled(self.editable)
        bar.addAction(self.link_mode)
        for text, slot in ((self.tr("Zoom in"), lambda: self.view.zoom(1.25)),
                           (self.tr("Zoom out"), lambda: self.view.zoom(0.8)),
                           (self.tr("Fit"), self.view.reset_zoom),
                           (self.tr("Reset layout"), self.reset_layout),
                           (self.tr("Export…"), self.export_dialog),
                           (self.tr("Stage report…"), self.stage_report)):
            action = bar.addAction(text)
            action.triggered.connect(slot)
            if text == self.tr("Reset layout"):
                action.setEnabled(self.editable)
        stack = self.controller.undo_stack
        for action, keys in ((stack.createUndoAction(self, self.tr("Undo")), QKeySequence.StandardKey.Undo),
                             (stack.createRedoAction(self, self.tr("Redo")), QKeySequence.StandardKey.Redo)):
            action.setShortcut(QKeySequence(keys))
            self.addAction(action)
        for combo in (self.kind, self.unit, self.coder, self.document, self.level):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for spin in (self.min_count, self.min_transition):
            spin.valueChanged.connect(lambda _v: self.refresh())
        self.grayscale.toggled.connect(lambda _on: self.refresh())

    def set_kind(self, kind: str) -> None:
        """Show the figure of this kind."""
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))

    def _fill_filters(self) -> None:
        assert self.data is not None
        for combo, values in ((self.unit, [u.name for u in self.data.units]), (self.coder, coders_of(self.data)),
                              (self.document, [d.name for d in self.data.documents.values()])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(all)") if combo is not self.document else self.tr("(first coded)"), None)
            for value in values:
                combo.addItem(value, value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    # --- data and figure --------------------------------------------------------------------------
    def kind_value(self) -> str:
        return str(self.kind.currentData())

    def request(self) -> FigureRequest:
        from app.core.process.figures import FigureRequest

        unit, coder = self.unit.currentData(), self.coder.currentData()
        return FigureRequest(
            kind=self.kind_value(), level=str(self.level.currentData()),
            selection=Selection(units=(unit,) if unit else (), coders=(coder,) if coder else ()),
            min_count=self.min_count.value(), min_transition=self.min_transition.value() or None,
            document=self.document.currentData(),
        )

    def options(self, base: FigureOptions | None = None) -> FigureOptions:
        if base is not None:
            return base
        return FigureOptions(width=170, font_family=self.family, grayscale=self.grayscale.isChecked(),
                             measure=self.measure, lang=export_language())

    def build(self, options: FigureOptions | None = None) -> Figure:
        """Lay out the current figure from the loaded data (no database read for the timeline)."""
        assert self.data is not None
        request = self.request()
        if request.kind in ("timeline", "sankey", "matrix"):
            self.result = compute_transitions(self.data, level=request.level, selection=request.selection)
        from app.core.process.figures import figure_from_data

        return figure_from_data(self.project, self.data, self.links, self.adjustments, request,
                                self.options(options))

    def refresh(self, *, reload: bool = False) -> None:
        """Lay the figure out again; with ``reload``, read the project's data first."""
        self.document.setEnabled(self.kind_value() == "codeline")
        if reload or self.data is None:
            self.data = load_process_data(self.project)
            self.links = link_service.list_links(self.project)
            self._fill_filters()
        self.adjustments = adjustment_service.list_adjustments(self.project, self.kind_value())
        try:
            self.figure = self.build()
        except GuijiError as exc:
            self.figure = None
            self.scene.clear()
            self.caption.setText(describe(exc))
            return
        self.scene.set_figure(self.figure, self.family)
        for element in self.scene.elements.values():
            if not self.editable:
                element.setFlag(element.GraphicsItemFlag.ItemIsMovable, False)
        self.view.fit()
        if self.figure.notes:
            self.statusBar().showMessage("; ".join(translate_text(note) for note in self.figure.notes))
        else:
            self.statusBar().clearMessage()
        if self.selected:
            self.show_evidence(self.selected)

    def _on_changes(self, changes: Changes) -> None:
        if (changes.codings_changed or changes.codes or changes.stages or changes.links or changes.cases
                or changes.document_list or changes.documents):
            self._reload_timer.start()

    # --- evidence ---------------------------------------------------------------------------------
    def _rows(self, coding_ids: list[int], *, unit: str = "", role: str = "") -> list[PassageRow]:
        infos = coding_service.list_codings(self.project, coding_ids=coding_ids) if coding_ids else []
        return [PassageRow(c.id, c.document_id, c.document, c.start, c.end, c.text, c.code, c.stage or "", unit,
                           role) for c in infos]

    def show_evidence(self, ref: tuple[Any, ...]) -> None:
        """List the passages behind ``ref`` (a box, a transition, a link, a coding…)."""
        self.selected = tuple(ref)
        rows: list[PassageRow] = []
        caption = self.tr("Click a box or an arrow to see its passages.")
        data = self.data
        if not ref or data is None:
            self.passages.set_rows([])
            self.caption.setText(caption)
            self._update_link_buttons()
            return
        kind = ref[0]
        if kind == "box" and self.result is not None:
            stage_id, code_id = int(ref[1]), int(ref[2])
            for unit, items in self.result.box_units(stage_id, code_id):
                rows += self._rows([c.id for c in items], unit=unit.name)
            stage = next((s.name for s in data.stages if s.id == stage_id), "")
            caption = self.tr("{stage} · {code}: {n} passage(s)").format(
                stage=stage, code=data.codes[code_id].path, n=len(rows))
        elif kind == "transition" and self.result is not None:
            found = next((t for t in self.result.transitions if (t.from_stage_id, t.from_code_id, t.to_stage_id,
                                                                 t.to_code_id) == tuple(ref[1:])), None)
            if found is not None:
                for item in self.result.evidence(found):
                    rows += self._rows([c.id for c in item.from_codings], unit=item.unit.name, role="A")
                    rows += self._rows([c.id for c in item.to_codings], unit=item.unit.name, role="B")
                caption = self.tr("{a} ({sa}) → {b} ({sb}): {n} case(s) — A: the earlier stage, B: the later").format(
                    a=found.from_code, sa=found.from_stage, b=found.to_code, sb=found.to_stage, n=found.count)
        elif kind == "link":
            link = next((x for x in self.links if x.id == ref[1]), None)
            if link is not None:
                stages = {r.coding_id: r.stage for r in self._rows([e.coding_id for e in link.evidence])}
                rows = [PassageRow(e.coding_id, e.document_id, e.document, e.start, e.end, e.text, e.code,
                                   stages.get(e.coding_id, ""), evidence_id=e.id, test=e.test, stance=e.stance,
                                   note=e.note)
                        for e in link.evidence]
                caption = self.tr("{a} —{relation}→ {b}: {n} piece(s) of evidence, {verdict}").format(
                    a=link.source, relation=link.label, b=link.target, n=len(rows),
                    verdict=link_service.VERDICTS[link.summary.verdict][0])
        elif kind == "coding":
            rows = self._rows([int(ref[1])])
            if rows:
                self.jump_row(rows[0])
        elif kind == "stage":
            shown = next((s for s in data.stages if s.id == ref[1]), None)
            caption = f"{shown.name}: {shown.description}" if shown else caption
        self.passages.set_rows(rows)
        self.caption.setText(caption)
        self._update_link_buttons()

    def jump(self, row: int) -> None:
        """Show the passage of table row ``row`` in its document in the main window."""
        self.jump_row(self.passages.row(row))

    def jump_row(self, passage: PassageRow) -> None:
        self.main.jump_to(passage.document_id, passage.start, passage.end)
        if QGuiApplication.platformName() != "offscreen":  # that platform warns it cannot raise windows
            self.main.raise_()
            self.main.activateWindow()

    # --- changes (each one undoable) -------------------------------------------------------------
    def _adjust(self, text: str, operation: Callable[[], Done[Any]]) -> None:
        """Run a figure-layout operation as one undo step (labelled ``text``); a refusal is shown."""
        try:
            self.controller.run(operation(), text)
        except GuijiError as exc:
            QMessageBox.warning(self, self.tr("Process"), describe(exc))

    def move_element(self, key: str, dx: float, dy: float) -> None:
        current = self.adjustments.get(key)
        new_dx, new_dy = (current.dx if current else 0.0) + dx, (current.dy if current else 0.0) + dy
        kind = self.kind_value()
        self._adjust(self.tr("Move figure element"),
                     lambda: figure_ops.adjust(self.project, kind, key, dx=new_dx, dy=new_dy))

    def rename_element(self, key: str, ref: tuple[Any, ...]) -> None:
        if not self.editable or not key or key.startswith(("transition:", "link:")):
            if ref:
                self.show_evidence(ref)
            return
        current = self.adjustments.get(key)
        shown = next((" ".join(i.lines) for i in (self.figure.items_of(key) if self.figure else [])
                      if hasattr(i, "lines") and i.lines), "")
        text, ok = QInputDialog.getText(self, self.tr("Label on the figure"),
                                        self.tr("Label (empty: the computed one):"),
                                        text=current.label if current and current.label else shown)
        if ok:
            kind = self.kind_value()
            self._adjust(self.tr("Rename figure label"), lambda: figure_ops.adjust(self.project, kind, key, label=text))

    def hide_element(self, key: str) -> None:
        kind = self.kind_value()
        self._adjust(self.tr("Hide figure element"), lambda: figure_ops.adjust(self.project, kind, key, hidden=True))

    def reset_element(self, key: str) -> None:
        kind = self.kind_value()
        self._adjust(self.tr("Reset figure element"),
                     lambda: figure_ops.adjust(self.project, kind, key, dx=0, dy=0, hidden=False, label=None))

    def reset_layout(self) -> None:
        kind = self.kind_value()
        self._adjust(self.tr("Reset the figure's layout"), lambda: figure_ops.reset_layout(self.project, kind))

    def context_menu(self, pos: Any) -> None:
        scene_pos = self.view.mapToScene(pos)
        element: Any = next((i for i in self.scene.items(scene_pos) if getattr(i, "key", "")), None)
        menu = QMenu(self)
        if element is not None and self.editable:
            key = element.key
            ref = element.ref_at(element.mapFromScene(scene_pos))
            menu.addAction(self.tr("Show passages"), lambda: self.show_evidence(ref))
            if not key.startswith(("transition:", "link:")):
                menu.addAction(self.tr("Rename label…"), lambda: self.rename_element(key, ref))
            menu.addAction(self.tr("Hide"), lambda: self.hide_element(key))
            if key in self.adjustments:
                menu.addAction(self.tr("Back to the computed layout"), lambda: self.reset_element(key))
            if key.startswith("link:"):
                menu.addAction(self.tr("Edit link…"), lambda: self.edit_link(int(key.split(":")[1])))
        if self.editable:
            menu.addAction(self.tr("Reset layout (show everything hidden)"), self.reset_layout)
        if not menu.isEmpty():
            menu.exec(self.view.viewport().mapToGlobal(pos))

    # --- export -----------------------------------------------------------------------------------
    def export_dialog(self) -> None:
        if self.data is None:
            return
        dialog = FigureExportDialog(self.build, self, kind=self.kind_value(), run=self._run)
        dialog.grayscale.setChecked(self.grayscale.isChecked())
        dialog.exec()

    def _run(self, title: str, work: Any, done: Any) -> None:
        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Process"), describe(exc))

        self.main.tasks.run(title, work, done, failed)

    def stage_report(self) -> None:
        path, _filter = file_dialogs.save_file(
            self, "stage-report", self.tr("Stage report"), self.tr("Word document (*.docx)"),
            file_dialogs.output_name(self.project.path, self.tr("stage report"), ".docx"), self.project.path)
        if path:
            request = self.request()
            self._run(self.tr("Writing the stage report…"), lambda _p: write_report(self.project, Path(path),
                                                                                    request),
                      lambda out: self.statusBar().showMessage(self.tr("Saved {path}").format(path=out)))


def write_report(project: Any, path: Path, request: FigureRequest) -> Path:
    from app.core.process.report import write_stage_report
    return write_stage_report(project, path, level=request.level, selection=request.selection,
                              lang=export_language())

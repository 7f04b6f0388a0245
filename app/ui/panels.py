"""The bottom panels: search, retrieval of coded passages, memos."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.changes import Changes
from app.core.errors import GuijiError
from app.ui import file_dialogs
from app.ui.controller import ProjectController, follow
from app.ui.messages import describe
from app.ui.models import RecordTableModel


def _table(model: RecordTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.verticalHeader().setDefaultSectionSize(22)
    return view


def _one_line(text: str) -> str:
    return text.replace("\n", " ⏎ ")


def _fold_scripts_setting() -> bool:
    from app.ui.settings_dialog import fold_scripts

    return fold_scripts()


class SearchPanel(QWidget):
    model: RecordTableModel

    """Find a word in every document; jump to a hit; code all hits at once."""

    jump_requested = Signal(int, int, int)  # document id, start, end
    code_all_requested = Signal(list)  # list of SearchHit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: ProjectController | None = None
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Search all documents (1 character or more)…"))
        self.query.returnPressed.connect(self.run)
        self.status = QLabel()
        # Traditional and Simplified as one (issue 15); the default comes from the settings.
        self.fold_scripts = QCheckBox(self.tr("Match Traditional/Simplified"))
        self.fold_scripts.setToolTip(self.tr("代议 also finds 代議, 软件 also finds 軟體"))
        self.fold_scripts.setChecked(_fold_scripts_setting())
        self.fold_scripts.toggled.connect(self.run)
        self.code_all = QPushButton(self.tr("Code all hits with the selected code"))
        self.code_all.clicked.connect(self._code_all_clicked)
        self.model = RecordTableModel([
            (self.tr("Document"), lambda h: h.document),
            (self.tr("Position"), lambda h: f"{h.start}–{h.end}"),
            (self.tr("Context"), lambda h: _one_line(h.context)),
        ], self)
        self.view = _table(self.model)
        self.view.doubleClicked.connect(self._jump)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.fold_scripts)
        top.addWidget(self.status)
        top.addWidget(self.code_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)


    def _code_all_clicked(self) -> None:
        self.code_all_requested.emit(self.model.records())
    def set_controller(self, controller: ProjectController | None) -> None:
        self.controller = controller
        self.model.set_records([])
        self.status.setText("")
        self.code_all.setEnabled(controller is not None and not controller.project.read_only)

    def run(self) -> None:
        from app.core.search import search

        term = self.query.text()
        if self.controller is None or not term.strip():
            self.model.set_records([])
            return
        hits = search(self.controller.project, term, fold_scripts=self.fold_scripts.isChecked())
        self.model.set_records(hits)
        self.status.setText(self.tr("{n} hit(s)").format(n=len(hits)))
        self.view.resizeColumnToContents(0)

    def _jump(self, index: QModelIndex) -> None:
        hit = self.model.record(index.row())
        self.jump_requested.emit(hit.document_id, hit.start, hit.end)


class RetrievalPanel(QWidget):
    """Passages coded with chosen codes (OR / AND-overlap, NOT), filtered, exported to XLSX/CSV."""

    jump_requested = Signal(int, int, int)

    def __init__(self, current_code: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: ProjectController | None = None
        self._current_code = current_code  # callable returning the CodeInfo selected in the tree
        self.include: list[tuple[int, str]] = []
        self.exclude: list[tuple[int, str]] = []
        self.include_list = QListWidget()
        self.exclude_list = QListWidget()
        for lst in (self.include_list, self.exclude_list):
            lst.setMaximumHeight(52)
        add_in = QPushButton(self.tr("Add selected code"))
        add_in.clicked.connect(lambda: self._add(self.include))
        add_out = QPushButton(self.tr("Exclude selected code"))
        add_out.clicked.connect(lambda: self._add(self.exclude))
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.clear)
        self.mode_or = QRadioButton(self.tr("any of them (OR)"))
        self.mode_and = QRadioButton(self.tr("where all overlap (AND)"))
        self.mode_or.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.mode_or)
        group.addButton(self.mode_and)
        self.coder = QComboBox()
        self.stage = QComboBox()
        self.document = QComboBox()
        self.case = QComboBox()
        run = QPushButton(self.tr("Retrieve"))
        run.clicked.connect(self.run)
        export = QPushButton(self.tr("Export…"))
        export.clicked.connect(self.export_dialog)
        self.status = QLabel()
        self.model = RecordTableModel([
            (self.tr("Document"), lambda p: p.document),
            (self.tr("Position"), lambda p: f"{p.start}–{p.end}"),
            (self.tr("Codes"), lambda p: "; ".join(p.codes)),
            (self.tr("Coder"), lambda p: ", ".join(p.coders)),
            (self.tr("Stage"), lambda p: p.stage or ""),
            (self.tr("Passage"), lambda p: _one_line(p.text)),
        ], self)
        self.view = _table(self.model)
        self.view.doubleClicked.connect(self._jump)
        # Issue 13: a row's context menu overrides the stage of its coding(s) (app/ui/stage_actions.py).
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._row_menu)

        self.children_box = QCheckBox(self.tr("include child codes"))
        self.children_box.setChecked(True)  # a category's passages are its concepts' passages
        codes = QVBoxLayout()
        codes.setContentsMargins(0, 0, 0, 0)
        codes.setSpacing(3)
        row = QHBoxLayout()
        row.addWidget(add_in)
        row.addWidget(add_out)
        codes.addLayout(row)
        codes.addWidget(self.include_list)
        codes.addWidget(QLabel(self.tr("Not coded with:")))
        codes.addWidget(self.exclude_list)
        codes.addWidget(clear)
        codes.addStretch(1)
        modes = QHBoxLayout()
        modes.addWidget(self.mode_or)
        modes.addWidget(self.mode_and)
        modes.addWidget(self.children_box)
        modes.addStretch(1)
        filters = QHBoxLayout()
        for label, combo in ((self.tr("Document:"), self.document), (self.tr("Case:"), self.case),
                             (self.tr("Coder:"), self.coder), (self.tr("Stage:"), self.stage)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(5)
            filters.addWidget(QLabel(label))
            filters.addWidget(combo, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(run)
        actions.addWidget(export)
        actions.insertLayout(0, modes)
        right = QVBoxLayout()
        right.addLayout(filters)
        right.addLayout(actions)
        right.addWidget(self.view, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        side = QWidget()
        side.setLayout(codes)
        side.setMaximumWidth(250)
        layout.addWidget(side)
        layout.addLayout(right, 1)

    def set_controller(self, controller: ProjectController | None) -> None:
        follow(self.controller, controller, self._on_changes)
        self.controller = controller
        self.clear()
        self.refresh_filters(keep=False)  # another project: its ids mean other things

    def _on_changes(self, changes: Changes) -> None:
        if changes.cases or changes.document_list or changes.stages:
            self.refresh_filters()
        if self.model.rowCount() and (changes.stages or changes.codings_changed):
            self.run()  # the passages shown get their new (effective) stages at once

    def refresh_filters(self, *, keep: bool = True) -> None:
        """Fill the filter lists; ``keep``: the chosen filters stay chosen (a new stage, a renamed case)."""
        combos = (self.document, self.case, self.coder, self.stage)
        chosen = [combo.currentData() if keep else None for combo in combos]
        for combo in combos:
            combo.clear()
            combo.addItem(self.tr("all"), None)
        if self.controller is None:
            return
        self._fill_filters()
        for combo, data in zip(combos, chosen, strict=True):
            combo.setCurrentIndex(max(0, combo.findData(data)))

    def _fill_filters(self) -> None:
        assert self.controller is not None
        from app.core.documents import list_documents
        from app.core.stages import list_stages

        project = self.controller.project
        for doc in list_documents(project):
            self.document.addItem(doc.name, doc.id)
        for stage in list_stages(project):
            self.stage.addItem(stage.name, stage.id)
        from app.core.cases import list_cases

        for case in list_cases(project):
            self.case.addItem(case.name, case.id)
        from app.core.coding import list_coders

        for name in list_coders(project):
            self.coder.addItem(name, name)

    def _add(self, target: list[tuple[int, str]]) -> None:
        info = self._current_code()
        if info is None or any(code_id == info.id for code_id, _ in target):
            return
        target.append((info.id, info.path))
        self._show_lists()

    def _show_lists(self) -> None:
        self.include_list.clear()
        self.include_list.addItems([p for _, p in self.include])
        self.exclude_list.clear()
        self.exclude_list.addItems([p for _, p in self.exclude])

    def clear(self) -> None:
        self.include.clear()
        self.exclude.clear()
        self._show_lists()
        self.model.set_records([])
        self.status.setText("")

    def run(self) -> None:
        from app.core.retrieval import retrieve

        if self.controller is None or not self.include:
            self.model.set_records([])
            return
        doc = self.document.currentData()
        coder = self.coder.currentData()
        stage = self.stage.currentData()
        case = self.case.currentData()
        try:
            passages = retrieve(
                self.controller.project, codes=[c for c, _ in self.include],
                mode="and" if self.mode_and.isChecked() else "or", exclude=[c for c, _ in self.exclude],
                document_ids=None if doc is None else [doc], coders=None if coder is None else [coder],
                stage_ids=None if stage is None else [stage], case_ids=None if case is None else [case],
                include_children=self.children_box.isChecked(),
            )
        except GuijiError as exc:  # re-run after a change: a listed code may be gone meanwhile
            self.model.set_records([])
            self.status.setText(describe(exc))
            return
        self.model.set_records(passages)
        self.status.setText(self.tr("{n} passage(s)").format(n=len(passages)))

    def export_dialog(self) -> None:
        project = self.controller.project.path if self.controller is not None else None
        name = file_dialogs.output_name(project, self.tr("passages"), ".xlsx") if project else ""
        path, _ = file_dialogs.save_file(self, "passages", self.tr("Export passages"),
                                         self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"), name, project)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        from app.core.retrieval import export_passages

        # The file's column titles in the UI's language, like the table on screen.
        headers = (self.tr("Document"), self.tr("Start"), self.tr("End"), self.tr("Codes"), self.tr("Coders"),
                   self.tr("Stage"), self.tr("Before"), self.tr("Text"), self.tr("After"))
        try:
            export_passages(self.model.records(), path, headers=headers)
        except GuijiError as exc:
            self.status.setText(describe(exc))

    def _jump(self, index: QModelIndex) -> None:
        passage = self.model.record(index.row())
        self.jump_requested.emit(passage.document_id, passage.start, passage.end)

    def row_menu(self, row: int) -> QMenu:
        """The context menu of a passage: "Stage of this coding ▸" (its stages, then Inherit)."""
        from app.ui.stage_actions import build_coding_stage_menu

        menu = QMenu(self)
        build_coding_stage_menu(menu, self.controller, self.model.record(row).coding_ids)
        return menu

    def _row_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        menu = self.row_menu(index.row())
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()


class MemoPanel(QWidget):
    """The project memo and a searchable list of every memo (documents, codes, codings)."""

    jump_requested = Signal(object)  # a MemoInfo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: ProjectController | None = None
        self.project_memo = QPlainTextEdit()
        self.project_memo.setPlaceholderText(self.tr("Project memo: research questions, decisions, notes…"))
        save = QPushButton(self.tr("Save project memo"))
        save.clicked.connect(self.save_project_memo)
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Search memos…"))
        self.query.textChanged.connect(lambda _t: self.refresh())
        self.model = RecordTableModel([
            (self.tr("Kind"), lambda m: self._kind_name(m.kind)),
            (self.tr("Of"), lambda m: m.title),
            (self.tr("Memo"), lambda m: _one_line(m.text)),
        ], self)
        self.view = _table(self.model)
        self.view.doubleClicked.connect(lambda index: self.jump_requested.emit(self.model.record(index.row())))
        left = QVBoxLayout()
        left.addWidget(self.project_memo, 1)
        left.addWidget(save)
        right = QVBoxLayout()
        right.addWidget(self.query)
        right.addWidget(self.view, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)

    def _kind_name(self, kind: str) -> str:
        return {"project": self.tr("project"), "document": self.tr("document"), "code": self.tr("code"),
                "coding": self.tr("coding")}.get(kind, kind)

    def set_controller(self, controller: ProjectController | None) -> None:
        from app.core.project import project_meta

        follow(self.controller, controller, self._on_changes)
        self.controller = controller
        self.project_memo.setPlainText(project_meta(controller.project, "memo") if controller else "")
        self.project_memo.setReadOnly(controller is None or controller.project.read_only)
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        # The list is refreshed only while shown (the window catches up when it is shown again).
        shown = self.isVisible() or (self.controller is not None and self.controller.sync)
        if shown and (changes.memos or changes.codes or changes.codings_changed or changes.document_list):
            self.refresh()

    def refresh(self) -> None:
        from app.core.memos import list_memos

        if self.controller is None:
            self.model.set_records([])
            return
        self.model.set_records(list_memos(self.controller.project, self.query.text().strip() or None))

    def save_project_memo(self) -> None:
        from app.core.ops.entities import set_project_memo

        ctrl = self.controller
        if ctrl is None or ctrl.project.read_only:
            return
        ctrl.run(set_project_memo(ctrl.project, self.project_memo.toPlainText()))


__all__ = ["MemoPanel", "RetrievalPanel", "SearchPanel"]

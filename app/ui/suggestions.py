"""The suggestion panel (an extension): code suggestions for the open document, accept, reject, train.

Every call into jieba or spaCy runs off the GUI thread (:class:`BackgroundJob`); results come back as
signals and stale ones (for a document no longer shown, a project since closed) are dropped. The
panel loads nothing until it is first shown, so the window opens without spaCy.

- Suggestions for the shown document (optionally only those touching the selection), sorted by
  score, filtered by a threshold slider; their units get a dotted underline in the text
  (:func:`set_suggestion_spans`, a ``QTextEdit.ExtraSelection`` overlay, separate from the codings'
  highlighter).
- Accept (a coding through ``controller.apply_coding``: undoable), reject (remembered, undoable),
  accept every suggestion above the threshold after a preview.
- A suggestions pass over every document (:class:`~app.ui.tasks.TaskRunner`: progress, cancel).
- The model retrains in the background once enough codings changed (or on demand), with progress
  and cancel; per-code quality from the last evaluation (cross-validation, also in the background)
  is shown beside each suggestion and in the Quality tab, so a coder knows which codes to trust.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSlider,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import app.core.nlp  # noqa: F401 - registers rejections with the text editor; loads no jieba or spaCy
from app.core.errors import CancelledError, GuijiError
from app.ui.controller import Changed, ProjectController
from app.ui.messages import describe
from app.ui.suggestions_model import (
    AcceptPreviewDialog,
    RecordsModel,
    _one_line,
    _table,
    set_suggestion_spans,
    source_rows,
)
from app.ui.tasks import BackgroundJob

if TYPE_CHECKING:
    from app.core.nlp.suggest import Suggestion
    from app.ui.main_window import MainWindow

DEFAULT_THRESHOLD = 0.3  # app.core.nlp.model.DEFAULT_THRESHOLD, without importing it at start-up
REFRESH_DELAY_MS = 400
PER_SCREEN = 5  # suggestions listed by default per stretch of text…
SCREEN_CHARS = 1200  # …of about one screen of a transcript


def _few(found: list[Suggestion]) -> list[Suggestion]:
    """The best :data:`PER_SCREEN` of each :data:`SCREEN_CHARS` stretch of each document, best first."""
    taken: dict[tuple[int, int], int] = {}
    out = []
    for s in sorted(found, key=lambda s: (-s.score, s.document_id, s.start)):
        key = (s.document_id, s.start // SCREEN_CHARS)
        if taken.get(key, 0) < PER_SCREEN:
            taken[key] = taken.get(key, 0) + 1
            out.append(s)
    return out


class SuggestionPanel(QWidget):
    """Suggestions for the shown document, the model's training, and per-code quality."""

    jump_requested = Signal(int, int, int)  # document id, start, end
    suggestions_shown = Signal()  # the list was refilled (tests wait for it)
    training_finished = Signal(object)  # TrainingReport, or the exception
    quality_shown = Signal()  # a quality measurement ended (tests wait for it)
    terms_shown = Signal()  # key terms arrived

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.controller: ProjectController | None = None
        self._all: list[Suggestion] = []
        self._all_documents = False
        self._quality: dict[str, Any] = {}
        self._generation = 0  # counts projects opened: work for an earlier one is ignored
        self._sequence = 0  # counts suggestion runs: only the latest one is shown
        self.jobs: set[BackgroundJob] = set()  # running; cancelled when the panel goes
        self._suggest_job: BackgroundJob | None = None
        self._train_job: BackgroundJob | None = None
        self._eval_job: BackgroundJob | None = None
        self._active = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)

        # --- the suggestions tab ---
        self.threshold = QSlider(Qt.Orientation.Horizontal)
        self.threshold.setRange(0, 100)
        self.threshold.setValue(round(DEFAULT_THRESHOLD * 100))
        self.threshold.setToolTip(
            self.tr("Lowest calibrated model score shown (keyword rules are shown by their measured trust)"))
        self.threshold_label = QLabel()
        self.threshold.valueChanged.connect(self._refilter)
        self.selection_only = QCheckBox(self.tr("Only the selection"))
        self.selection_only.toggled.connect(self._refilter)
        self.show_all = QCheckBox(self.tr("Show all"))
        self.show_all.setToolTip(self.tr(
            "Also list what is found but not listed by default: more than a handful per screen of text, "
            "and codes whose keyword rules or model were usually wrong on this project"))
        self.show_all.toggled.connect(self._refilter)
        self.model = RecordsModel([
            (self.tr("Score"), lambda s: f"{s.score:.2f}", lambda s: s.score),
            (self.tr("Code"), lambda s: s.code.rsplit("/", 1)[-1]),
            (self.tr("Trust"), self._trust_text, self._trust_value),
            (self.tr("Source"), self._source_text),
            (self.tr("Passage"), lambda s: _one_line(s.text), lambda s: (s.document, s.start)),
            (self.tr("Why"), lambda s: _one_line(s.reason)),
        ], self, tooltip=self._tooltip, swatch=self._color, swatch_column=1)
        self._colors: dict[int, str] = {}
        self.table = _table(self.model, sortable=True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.doubleClicked.connect(lambda index: self._jump(index.row()))
        self.table.setColumnWidth(0, 48)
        self.table.setColumnWidth(1, 110)
        self.table.setColumnWidth(2, 60)
        self.table.setColumnWidth(3, 60)
        self.table.setColumnWidth(4, 220)
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setToolTip(self.tr("Code the selected suggestions' passages with their codes"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setToolTip(self.tr("Never suggest these codes for these passages again"))
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_all_button = QPushButton(self.tr("Accept all above threshold…"))
        self.accept_all_button.clicked.connect(self.accept_all_dialog)
        self.all_documents_button = QPushButton(self.tr("All documents…"))
        self.all_documents_button.setToolTip(self.tr("Suggest codes in every document (in the background)"))
        self.all_documents_button.clicked.connect(self.suggest_all_documents)
        self.status = QLabel()
        self.status.setWordWrap(True)

        row1 = QHBoxLayout()
        row1.addWidget(QLabel(self.tr("Threshold")))
        row1.addWidget(self.threshold, 1)
        row1.addWidget(self.threshold_label)
        row1.addWidget(self.selection_only)
        row1.addWidget(self.show_all)
        row2 = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.accept_all_button,
                       self.all_documents_button):
            row2.addWidget(button)
        row2.addStretch(1)
        suggestions_tab = QWidget()
        layout = QVBoxLayout(suggestions_tab)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row1)
        layout.addWidget(self.table, 1)
        layout.addLayout(row2)
        layout.addWidget(self.status)

        # --- the model and quality tab ---
        self.model_label = QLabel()
        self.model_label.setWordWrap(True)
        self.train_button = QPushButton(self.tr("Train now"))
        self.train_button.clicked.connect(self.train_now)
        self.evaluate_button = QPushButton(self.tr("Measure quality"))
        self.evaluate_button.setToolTip(
            self.tr("Cross-validate by document: how often the suggestions were right"))
        self.evaluate_button.clicked.connect(self.evaluate_now)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_background)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button.hide()
        self.quality_model = RecordsModel([
            (self.tr("Code"), lambda r: r[0]),
            (self.tr("Coded units"), lambda r: r[1]["support"]),
            (self.tr("Keywords F1"), lambda r: f"{r[1]['keywords']['f1']:.2f}"),
            (self.tr("Model F1"), lambda r: f"{r[1]['model']['f1']:.2f}"),
            (self.tr("Combined F1"), lambda r: f"{r[1]['combined']['f1']:.2f}"),
            (self.tr("Model precision"), lambda r: f"{r[1]['model']['precision']:.2f}"),
            (self.tr("Model recall"), lambda r: f"{r[1]['model']['recall']:.2f}"),
        ], self)
        self.quality_table = _table(self.quality_model)
        self.quality_table.setColumnWidth(0, 200)
        self.quality_summary = QLabel()
        self.quality_summary.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.train_button, self.evaluate_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        model_tab = QWidget()
        layout = QVBoxLayout(model_tab)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.model_label)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.quality_summary)
        layout.addWidget(self.quality_table, 1)

        # --- the in-vivo tab: key terms offered as new code names ---
        self.terms_model = RecordsModel([
            (self.tr("Term"), lambda t: t.term),
            (self.tr("Weight"), lambda t: f"{t.weight:.3f}"),
            (self.tr("Occurrences"), lambda t: t.count),
        ], self)
        self.terms_table = _table(self.terms_model)
        self.terms_table.setColumnWidth(0, 160)
        self.tfidf_button = QPushButton(self.tr("Key terms"))
        self.tfidf_button.setToolTip(self.tr("TF-IDF key terms of the selection, or of the document"))
        self.tfidf_button.clicked.connect(lambda: self.find_terms("tfidf"))
        self.textrank_button = QPushButton(self.tr("TextRank"))
        self.textrank_button.setToolTip(self.tr("TextRank key terms (slower; better at terms that recur)"))
        self.textrank_button.clicked.connect(lambda: self.find_terms("textrank"))
        self.create_code_button = QPushButton(self.tr("Create code"))
        self.create_code_button.setToolTip(self.tr("A new top-level code named after each selected term"))
        self.create_code_button.clicked.connect(self.create_codes_from_terms)
        self.terms_status = QLabel(self.tr("Terms of the document (or the selection) that are not yet code names."))
        self.terms_status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.tfidf_button, self.textrank_button, self.create_code_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        terms_tab = QWidget()
        layout = QVBoxLayout(terms_tab)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.terms_status)
        layout.addWidget(self.terms_table, 1)
        self._terms_job: BackgroundJob | None = None

        self.tabs = QTabWidget()
        self.tabs.addTab(suggestions_tab, self.tr("Suggestions"))
        self.tabs.addTab(model_tab, self.tr("Model and quality"))
        self.tabs.addTab(terms_tab, self.tr("New code names"))
        from app.ui.suggestions_stages import StageSuggestionsTab

        self.stages_tab = StageSuggestionsTab(self.window_, self)
        self.tabs.addTab(self.stages_tab, self.tr("Stages"))
        self.tabs.currentChanged.connect(self._tab_shown)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)
        self._refilter()
        self._update_buttons()

    # --- wiring ---
    def set_controller(self, controller: ProjectController | None) -> None:
        """A project was opened (or closed: None): drop everything about the previous one."""
        self.cancel_background()
        self._generation += 1
        if self.controller is not None:
            for signal, slot in ((self.controller.changed, self._on_changed),
                                 (self.controller.undo_stack.indexChanged, self._schedule_refresh)):
                signal.disconnect(slot)
        self.controller = controller
        self._all = []
        self._all_documents = False
        self._quality = {}
        self.model.set_records([])
        self.quality_model.set_records([])
        self.terms_model.set_records([])
        if controller is not None:
            controller.changed.connect(self._on_changed)
            controller.undo_stack.indexChanged.connect(self._schedule_refresh)
            if self._active:
                self._load_project_state()
        self._show_overlay()
        self._update_buttons()

    def activate(self) -> None:
        """The panel was shown: load what it shows (the first time spaCy loads, in the background)."""
        if self._active:
            return
        self._active = True
        if self.controller is not None:
            self._load_project_state()

    def _load_project_state(self) -> None:
        self._load_quality()
        self._update_model_label()
        self.refresh()
        self._maybe_retrain()

    def _on_changed(self, what: Changed, _document_id: int | None) -> None:
        if what & (Changed.CODINGS | Changed.CODES | Changed.DOCUMENTS):
            self._schedule_refresh()

    def _schedule_refresh(self, *_args: object) -> None:
        if self._active and self.controller is not None:
            self._refresh_timer.start()

    def document_shown(self) -> None:
        """The main window shows another document."""
        self._all_documents = False
        self._all = []
        self.model.set_records([])
        set_suggestion_spans(self.window_.document_view, [])
        if self._active:
            self.refresh()
            if self.tabs.currentWidget() is self.stages_tab:
                self.stages_tab.refresh()

    # --- suggestions ---
    def threshold_value(self) -> float:
        return self.threshold.value() / 100.0

    def refresh(self) -> None:
        """Recompute the suggestions for the shown document in the background."""
        self._refresh_timer.stop()
        if self.controller is None or self._all_documents:
            if self._all_documents:
                self._refresh_all_documents_after_change()
            return
        document_id = self.window_.document_view.document_id
        if document_id is None:
            return
        project = self.controller.project
        self._sequence += 1
        if self._suggest_job is not None:
            self._suggest_job.cancel()

        def work(progress: Callable[[int, int], None]) -> list[Suggestion]:
            from app.core.nlp.suggest import suggest

            progress(0, 1)
            return suggest(project, document_id=document_id, threshold=0.0, show_all=True)

        self._suggest_job = self._start("suggest", work, document_id)
        self.status.setText(self.tr("Finding suggestions…"))
        self._update_model_label()
        self._maybe_retrain()

    def _start(self, kind: str, work: Callable[[Callable[[int, int], None]], Any],
               document_id: int | None = None) -> BackgroundJob:
        job = BackgroundJob(kind, self._generation, work, document_id)
        job.sequence = self._sequence
        job.signals.progressed.connect(self._job_progressed)
        job.signals.ended.connect(self._job_ended)
        self.jobs.add(job)
        QThreadPool.globalInstance().start(job)
        return job

    def _job_progressed(self, job: BackgroundJob, done: int, total: int) -> None:
        if job.kind in ("train", "evaluate"):
            self._show_progress(done, total)

    def _job_ended(self, job: BackgroundJob, outcome: object) -> None:
        self.jobs.discard(job)
        if job.generation != self._generation:
            return  # started for a project that is no longer open: its results mean nothing now
        if job.kind == "suggest":
            self._suggestions_ended(job, outcome)
        elif job.kind == "train":
            self._training_done(job, outcome)
        elif job.kind == "terms":
            self._terms_done(job, outcome)
        else:
            self._evaluation_done(job, outcome)

    def _suggestions_ended(self, job: BackgroundJob, outcome: object) -> None:
        if job is self._suggest_job:
            self._suggest_job = None
        if (job.generation != self._generation or job.sequence != self._sequence
                or job.document_id != self.window_.document_view.document_id):
            return  # stale: another project or document is shown, or another run started
        if isinstance(outcome, CancelledError):
            return
        if isinstance(outcome, BaseException):
            self.status.setText(self.tr("Suggestions failed: {error}").format(error=outcome))
            if not isinstance(outcome, GuijiError):
                raise outcome  # a bug: let the app's error hook report it
            return
        self._all = outcome  # type: ignore[assignment]
        self._colors = {c.id: c.color for c in self.window_.codes_model.all_codes()}
        self._refilter()
        self.suggestions_shown.emit()

    def visible_suggestions(self) -> list[Suggestion]:
        """The suggestions the table lists, best first.

        By default: those their code's measured trust lists, at most :data:`PER_SCREEN` per
        :data:`SCREEN_CHARS` characters of text (the best of each stretch), model suggestions above
        the threshold; "Show all" lists everything found. Touching the selection if asked.
        """
        threshold = self.threshold_value()
        shown = [s for s in self._all if s.source == "keyword" or s.score >= threshold]
        if not self.show_all.isChecked():
            shown = _few([s for s in shown if s.listed])
        if self.selection_only.isChecked() and not self._all_documents:
            selection = self.window_.document_view.selection_range()
            if selection is not None:
                start, end = selection
                shown = [s for s in shown if s.start < end and start < s.end]
        return shown

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.stages_tab and self._active:
            self.stages_tab.refresh()

    def refilter_if_selection_only(self) -> None:
        """The selection changed: list again when only suggestions touching it are shown."""
        if self.selection_only.isChecked():
            self._refilter()

    def _refilter(self, *_args: object) -> None:
        self.threshold_label.setText(f"{self.threshold_value():.2f}")
        shown = self.visible_suggestions()
        self.model.set_records(shown)
        if self.controller is None:
            self.status.setText(self.tr("No project is open."))
        elif self._all_documents:
            documents = len({s.document_id for s in shown})
            self.status.setText(
                self.tr("{n} suggestion(s) in {d} document(s).").format(n=len(shown), d=documents))
        else:
            hidden = len(self._all) - len(shown)
            self.status.setText(self.tr("{n} suggestion(s) for this document, the best first ({h} more with "
                                        "“Show all” or a lower threshold).").format(n=len(shown), h=hidden))
        self._show_overlay()
        self._update_buttons()

    def _show_overlay(self) -> None:
        view = self.window_.document_view
        shown = [] if self.controller is None else [
            (s.start, s.end) for s in self.model.records() if s.document_id == view.document_id
        ]
        set_suggestion_spans(view, sorted(set(shown)))

    def _trust_value(self, s: Suggestion) -> float | None:
        """Measured precision of how this code is suggested (training's cross-validation), else the
        last quality measurement's F1 for the source, else None."""
        if s.measured is not None:
            return s.measured
        per = self._quality.get(s.code)
        if not per:
            return None
        return float(per["keywords" if s.source == "keyword" else "model"]["f1"])

    def _trust_text(self, s: Suggestion) -> str:
        value = self._trust_value(s)
        return "–" if value is None else f"{value:.2f}"

    def _color(self, s: Suggestion) -> str | None:
        return self._colors.get(s.code_id)

    def _tooltip(self, s: Suggestion) -> str:
        per = self._quality.get(s.code)
        trust = "" if not per else "\n" + self.tr(
            "Measured on this project: keywords F1 {kw:.2f}, model F1 {m:.2f} ({n} coded units)").format(
            kw=per["keywords"]["f1"], m=per["model"]["f1"], n=per["support"])
        why = f"\n{s.trust}" if s.trust else ""
        return f"{s.code} — {s.score:.2f}\n{s.text}\n{s.reason}{trust}{why}"

    def _source_text(self, s: Suggestion) -> str:
        return self.tr("keyword") if s.source == "keyword" else self.tr("model")

    def _selected(self) -> list[Suggestion]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.record(r) for r in source_rows(self.table, rows)]

    def _jump(self, row: int) -> None:
        s = self.model.record(source_rows(self.table, [row])[0])
        self.jump_requested.emit(s.document_id, s.start, s.end)

    # --- accept and reject ---
    def accept(self, suggestions: list[Suggestion]) -> None:
        """Code each suggestion's passage with its code: one undo step."""
        if self.controller is None or self.controller.project.read_only or not suggestions:
            return
        controller = self.controller
        try:
            with controller.macro(self.tr("Accept {n} suggestion(s)").format(n=len(suggestions))):
                for s in suggestions:
                    controller.apply_coding(s.document_id, s.code_id, s.start, s.end)
        except GuijiError as exc:
            self.window_.show_error(self.tr("The suggestion could not be accepted."), describe(exc))
        self._drop(suggestions)

    def reject(self, suggestions: list[Suggestion]) -> None:
        """Remember the rejections (undoable): these codes are never suggested there again."""
        if self.controller is None or self.controller.project.read_only or not suggestions:
            return
        from app.core.ops.codings import reject_suggestion

        controller = self.controller

        def reject_one(s: Suggestion) -> None:
            controller.run(reject_suggestion(controller.project, document=s.document_id, code=s.code_id,
                                             start=s.start, end=s.end, coder=controller.coder),
                           self.tr("Reject suggestion"))

        try:
            with controller.macro(self.tr("Reject {n} suggestion(s)").format(n=len(suggestions))):
                for s in suggestions:
                    reject_one(s)
        except GuijiError as exc:
            self.window_.show_error(self.tr("The suggestion could not be rejected."), describe(exc))
        self._drop(suggestions)

    def _drop(self, done: list[Suggestion]) -> None:
        gone = {(s.document_id, s.start, s.end, s.code_id) for s in done}
        self._all = [s for s in self._all if (s.document_id, s.start, s.end, s.code_id) not in gone]
        self._refilter()

    def accept_selected(self) -> None:
        self.accept(self._selected())

    def reject_selected(self) -> None:
        self.reject(self._selected())

    def accept_all_dialog(self) -> None:
        """Preview every suggestion above the threshold, then accept them all (one undo step)."""
        shown = self.visible_suggestions()
        if not shown:
            return
        dialog = AcceptPreviewDialog(shown, self.threshold_value(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.accept(shown)

    # --- every document ---
    def suggest_all_documents(self) -> None:
        """Suggestions in every document, as a background job with progress and cancel."""
        if self.controller is None or self.window_.tasks.busy:
            return
        project = self.controller.project
        self._sequence += 1
        generation, sequence = self._generation, self._sequence

        def work(progress: Callable[[int, int], None]) -> list[Suggestion]:
            from app.core.nlp.suggest import suggest

            return suggest(project, threshold=0.0, progress=progress, show_all=True)

        def done(found: list[Suggestion]) -> None:
            if (generation, sequence) != (self._generation, self._sequence):
                return
            self._all_documents = True
            self._all = found
            self._colors = {c.id: c.color for c in self.window_.codes_model.all_codes()}
            self._refilter()
            self.suggestions_shown.emit()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, CancelledError):
                self.window_.show_error(self.tr("Suggestions failed."), describe(exc))

        self.window_.tasks.run(self.tr("Suggesting codes in every document…"), work, done, failed)

    def _refresh_all_documents_after_change(self) -> None:
        # After an accept or undo in "all documents" mode, keep the list and drop what is now coded.
        self._refilter()

    # --- in-vivo: key terms as new code names ---
    def find_terms(self, method: str) -> None:
        """Key terms of the selection (or the shown document), in the background."""
        document_id = self.window_.document_view.document_id
        if self.controller is None or document_id is None:
            return
        project = self.controller.project
        selection = self.window_.document_view.selection_range()
        start, end = selection if selection else (None, None)

        def work(_progress: Callable[[int, int], None]) -> list[Any]:
            from app.core.nlp.invivo import document_key_terms

            return document_key_terms(project, document_id, start=start, end=end, top=30,
                                      method=method)  # type: ignore[arg-type]

        self._terms_job = self._start("terms", work, document_id)
        self.terms_status.setText(self.tr("Finding key terms…"))

    def _terms_done(self, job: BackgroundJob, outcome: object) -> None:
        if job is self._terms_job:
            self._terms_job = None
        if job.generation != self._generation or isinstance(outcome, CancelledError):
            return
        if isinstance(outcome, BaseException):
            self.terms_status.setText(self.tr("Key terms failed: {error}").format(error=outcome))
            return
        terms: list[Any] = outcome  # type: ignore[assignment]
        self.terms_model.set_records(terms)
        self.terms_status.setText(self.tr("{n} term(s) not yet used as code names.").format(n=len(terms)))
        self.terms_shown.emit()
        self._update_buttons()

    def create_codes_from_terms(self) -> None:
        """Each selected term becomes a new top-level code (one undo step)."""
        if self.controller is None or self.controller.project.read_only:
            return
        from app.ui.code_panel import create_code_command

        rows = sorted({index.row() for index in self.terms_table.selectionModel().selectedRows()})
        terms = [self.terms_model.record(r).term for r in rows]
        if not terms:
            return
        try:
            with self.controller.macro(self.tr("New code(s) from key terms")):
                for term in terms:
                    create_code_command(self.controller, None, term)
        except GuijiError as exc:
            self.window_.show_error(self.tr("The code could not be created."), describe(exc))
        self.terms_model.set_records([t for t in self.terms_model.records() if t.term not in terms])
        self._update_buttons()

    # --- training and evaluation ---
    def _update_model_label(self) -> None:
        if self.controller is None:
            self.model_label.setText("")
            return
        from app.core.nlp.model import RETRAIN_AFTER, model_status

        status = model_status(self.controller.project)
        if not status.trained:
            text = self.tr("No model yet: suggestions come from keywords and code names only. "
                           "It is trained in the background once there are {n} codings.")
            text = text.format(n=RETRAIN_AFTER)
        elif not status.usable:
            text = self.tr("The saved model was made by another version of Guiji; it will be retrained.")
        else:
            when = status.trained_at.strftime("%Y-%m-%d %H:%M") if status.trained_at else "?"
            text = self.tr("Model trained {when} on {n} codings ({labels} codes); it retrains after "
                           "{k} more changes (now {changed}).").format(
                when=when, n=status.codings_then, labels=status.labels, k=RETRAIN_AFTER,
                changed=abs(status.codings_now - status.codings_then))
        self.model_label.setText(text)

    def _maybe_retrain(self) -> None:
        """Retrain in the background when enough codings changed since the last training."""
        if (self.controller is None or self.controller.project.read_only or self._train_job is not None
                or not self._active):
            return
        from app.core.nlp.model import RETRAIN_AFTER, model_status

        status = model_status(self.controller.project)
        if status.stale and status.codings_now >= (1 if status.trained else RETRAIN_AFTER):
            self.train_now()

    @property
    def training(self) -> bool:
        return self._train_job is not None

    def train_now(self) -> None:
        """Train the model in the background (progress and cancel in the Model tab)."""
        if self.controller is None or self.controller.project.read_only or self._train_job is not None:
            return
        project = self.controller.project

        def work(progress: Callable[[int, int], None]) -> object:
            from app.core.nlp.model import train

            return train(project, progress=progress)

        self._train_job = self._start("train", work)
        self._start_progress(self.tr("Training the model…"))

    def _training_done(self, job: BackgroundJob, outcome: object) -> None:
        if job is self._train_job:
            self._train_job = None
        self._stop_progress()
        if job.generation != self._generation:
            return
        if isinstance(outcome, CancelledError):
            self.status.setText(self.tr("Training cancelled; the previous model is kept."))
        elif isinstance(outcome, BaseException):
            self.status.setText(self.tr("Training failed: {error}").format(error=outcome))
        else:
            self.status.setText(self.tr("Model trained in {s:.1f} s.").format(s=outcome.seconds))  # type: ignore[attr-defined]
            self.refresh()
        self._update_model_label()
        self.training_finished.emit(outcome)

    def evaluate_now(self) -> None:
        """Cross-validate in the background and show the per-code quality."""
        if self.controller is None or self._eval_job is not None:
            return
        project = self.controller.project
        threshold = self.threshold_value()

        def work(progress: Callable[[int, int], None]) -> dict[str, Any]:
            from app.core.nlp.evaluate import evaluate

            return evaluate(project, threshold=threshold, progress=progress).as_dict()

        self._eval_job = self._start("evaluate", work)
        self._start_progress(self.tr("Measuring quality (cross-validation)…"))

    def _evaluation_done(self, job: BackgroundJob, outcome: object) -> None:
        if job is self._eval_job:
            self._eval_job = None
        self._stop_progress()
        if job.generation != self._generation or self.controller is None:
            return
        if isinstance(outcome, CancelledError):
            return
        if isinstance(outcome, BaseException):
            self.quality_summary.setText(self.tr("Quality not measured: {error}").format(error=outcome))
            self.quality_shown.emit()
            return
        from app.core.nlp.evaluate import store_quality

        report: dict[str, Any] = outcome  # type: ignore[assignment]
        if not self.controller.project.read_only:
            store_quality(self.controller.project, report)
        self._set_quality(report)
        self.quality_shown.emit()

    def _load_quality(self) -> None:
        from app.core.nlp.evaluate import stored_quality

        assert self.controller is not None
        report = stored_quality(self.controller.project)
        self._set_quality(report or {})

    def _set_quality(self, report: dict[str, Any]) -> None:
        self._quality = dict(report.get("per_code", {}))
        rows = sorted(self._quality.items(), key=lambda item: -item[1]["support"])
        self.quality_model.set_records(rows)
        if report:
            self.quality_summary.setText(self.tr(
                "{k}-fold cross-validation by document over {d} coded documents ({u} sentences), threshold "
                "{t:.2f}. F1 — keywords {kw:.2f}, model {m:.2f}, combined {c:.2f}. A code with few coded "
                "units has an unreliable figure.").format(
                k=report["folds"], d=report["documents"], u=report["units"], t=report["threshold"],
                kw=report["keywords"]["f1"], m=report["model"]["f1"], c=report["combined"]["f1"]))
        else:
            self.quality_summary.setText(self.tr("Not measured yet: press “Measure quality”."))
        self.model.refresh_all()  # the Trust column

    def _start_progress(self, text: str) -> None:
        self.progress.setFormat(text + " %p%")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self._update_buttons()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _stop_progress(self) -> None:
        if self._train_job is None and self._eval_job is None:
            self.progress.hide()
            self.cancel_button.hide()
        self._update_buttons()

    def cancel_background(self) -> None:
        """Cancel training and evaluation (the previous model stays) and any pending suggestions."""
        for job in list(self.jobs):
            job.cancel()
        # Their reports will be stale: forget them now so that new work can start at once.
        self._train_job = self._eval_job = self._suggest_job = None
        self._stop_progress()

    def _update_buttons(self) -> None:
        editable = self.controller is not None and not self.controller.project.read_only
        has_rows = self.model.rowCount() > 0
        for button in (self.accept_button, self.reject_button, self.accept_all_button):
            button.setEnabled(editable and has_rows)
        self.all_documents_button.setEnabled(self.controller is not None)
        self.train_button.setEnabled(editable and self._train_job is None)
        self.create_code_button.setEnabled(editable and self.terms_model.rowCount() > 0)
        self.evaluate_button.setEnabled(self.controller is not None and self._eval_job is None)


# --------------------------------------------------------------------------- install


def install(window: MainWindow) -> None:
    """Add the Suggestions dock (at the bottom, beside history and search; hidden until asked for)."""
    panel = SuggestionPanel(window)
    dock = QDockWidget(QCoreApplication.translate("SuggestionPanel", "Suggestions"), window)
    dock.setObjectName("dock-suggestions")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.tabifyDockWidget(window.history_dock, dock)
    dock.hide()
    window.suggestions_panel = panel  # type: ignore[attr-defined]
    window.suggestions_dock = dock  # type: ignore[attr-defined]
    def shown(visible: bool) -> None:
        if visible:
            dock.raise_()
            panel.activate()

    dock.visibilityChanged.connect(shown)
    toggle: QAction = dock.toggleViewAction()
    toggle.setText(QCoreApplication.translate("SuggestionPanel", "Code &suggestions"))
    toggle.setShortcut(QKeySequence("Ctrl+Shift+G"))
    window.view_menu.addAction(toggle)
    window.coding_menu.addSeparator()
    window.coding_menu.addAction(toggle)
    window.project_changed.connect(panel.set_controller)
    window.documents_view.selectionModel().currentChanged.connect(lambda *_a: panel.document_shown())
    panel.jump_requested.connect(window.jump_to)
    window.document_view.selection_changed_cp.connect(lambda *_a: panel.refilter_if_selection_only())
    if window.controller is not None:
        panel.set_controller(window.controller)
    jobs = panel.jobs  # a plain set: usable after the panel's C++ object is gone

    def cancel_all(*_args: object) -> None:
        for job in list(jobs):
            job.cancel()

    panel.destroyed.connect(cancel_all)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(cancel_all)

"""File-menu actions to exchange whole projects with other QDA programs, and the import report.

File → Import REFI-QDA project… / Import RQDA project… create a new project file from another
program's project (in the background, with progress), show what was imported and what was skipped
and why, then open the new project in the window. File → Export REFI-QDA project… writes the open
project as a ``.qdpx``. Plugged in through :mod:`app.ui.extensions` (``install(window)``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import CancelledError, GuijiError
from app.core.project import PROJECT_SUFFIX
from app.ui import file_dialogs
from app.ui.messages import describe, translate_text

if TYPE_CHECKING:
    # The exchange modules (lxml, openpyxl, …) load when an import or export starts, not at start-up.
    from app.core.exchange.import_plan import ImportReport
    from app.core.exchange.qdpx_export import ExportReport
    from app.ui.main_window import MainWindow

_Index = QModelIndex | QPersistentModelIndex


def count_labels() -> dict[str, str]:
    """The report's count keys as the user reads them."""
    return {
        "documents": QCoreApplication.translate("ExchangeActions", "documents"),
        "codes": QCoreApplication.translate("ExchangeActions", "codes"),
        "codings": QCoreApplication.translate("ExchangeActions", "codings"),
        "coders": QCoreApplication.translate("ExchangeActions", "coders"),
        "cases": QCoreApplication.translate("ExchangeActions", "cases"),
        "attributes": QCoreApplication.translate("ExchangeActions", "attributes"),
        "stages": QCoreApplication.translate("ExchangeActions", "stages"),
        "memos": QCoreApplication.translate("ExchangeActions", "memos"),
        "links": QCoreApplication.translate("ExchangeActions", "links"),
    }


def kind_labels() -> dict[str, str]:
    return {
        "source": QCoreApplication.translate("ExchangeActions", "source"),
        "selection": QCoreApplication.translate("ExchangeActions", "selection"),
        "coding": QCoreApplication.translate("ExchangeActions", "coding"),
        "code": QCoreApplication.translate("ExchangeActions", "code"),
        "link": QCoreApplication.translate("ExchangeActions", "link"),
        "graph": QCoreApplication.translate("ExchangeActions", "graph"),
        "set": QCoreApplication.translate("ExchangeActions", "set"),
        "case": QCoreApplication.translate("ExchangeActions", "case"),
        "note": QCoreApplication.translate("ExchangeActions", "note"),
    }


class ImportReportDialog(QDialog):
    """What an import created, what it skipped (a table: kind, name, reason) and how it read positions."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("import-report-dialog")
        self.setWindowTitle(self.tr("Import report — {name}").format(name=report.source))
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        labels = count_labels()
        counts = self.tr(", ").join(f"{n:,} {labels.get(k, k)}" for k, n in report.counts if n) or self.tr("nothing")
        self.summary = QLabel(
            self.tr("<b>{source}</b> was imported into <b>{project}</b>: {counts}.").format(
                source=_escape(report.source), project=_escape(report.project), counts=counts
            )
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        details = []
        if report.origin:
            details.append(self.tr("Made by: {origin}").format(origin=_escape(report.origin)))
        if report.positions:
            details.append(self.tr("Positions: {how}").format(how=_escape(translate_text(report.positions))))
        details += [_escape(translate_text(note)) for note in report.notes]
        self.details = QLabel("<br>".join(details))
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        if report.skipped:
            heading = self.tr("Not imported ({n}), and why:").format(n=len(report.skipped))
        else:
            heading = self.tr("Everything in the file was imported.")
        layout.addWidget(QLabel(heading))
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("What"), self.tr("Name"), self.tr("Reason")])
        kinds = kind_labels()
        for item in report.skipped:
            row = [
                QStandardItem(kinds.get(item.kind, item.kind)),
                QStandardItem(item.name),
                QStandardItem(translate_text(item.reason)),
            ]
            for cell in row:
                cell.setEditable(False)
                cell.setToolTip(translate_text(item.reason))
            self.model.appendRow(row)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 260)
        header.setStretchLastSection(True)
        self.table.setVisible(bool(report.skipped))
        header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy report"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText("\n".join(report.lines())))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # long reasons wrap once the columns have their widths


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ExchangeActions:
    """The three File-menu actions of one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.last_report: ImportReport | None = None
        self.dialog: ImportReportDialog | None = None
        self.import_qdpx_action = QAction(
            QCoreApplication.translate("ExchangeActions", "Import REFI-QDA project (.qdpx)…"), window
        )
        self.import_qdpx_action.setObjectName("import-qdpx")
        self.import_qdpx_action.triggered.connect(self.import_qdpx_dialog)
        self.import_rqda_action = QAction(
            QCoreApplication.translate("ExchangeActions", "Import RQDA project (.rqda)…"), window
        )
        self.import_rqda_action.setObjectName("import-rqda")
        self.import_rqda_action.triggered.connect(self.import_rqda_dialog)
        self.export_qdpx_action = QAction(
            QCoreApplication.translate("ExchangeActions", "Export as REFI-QDA project (.qdpx)…"), window
        )
        self.export_qdpx_action.setObjectName("export-qdpx")
        self.export_qdpx_action.triggered.connect(self.export_qdpx_dialog)
        menu = window.api.menu("file")
        actions = menu.actions()
        after = getattr(window, "import_action", None)
        before = None
        if after in actions and actions.index(after) + 1 < len(actions):
            before = actions[actions.index(after) + 1]
        for action in (self.import_qdpx_action, self.import_rqda_action, self.export_qdpx_action):
            if before is None:
                menu.addAction(action)
            else:
                menu.insertAction(before, action)
        window.api.project_changed.connect(self._project_changed)
        self._project_changed(window.api.controller)

    def _project_changed(self, controller: Any) -> None:
        self.export_qdpx_action.setEnabled(controller is not None)

    # --- import ---
    def import_qdpx_dialog(self) -> None:
        path = file_dialogs.open_file(
            self.window,
            "exchange",
            QCoreApplication.translate("ExchangeActions", "Import REFI-QDA project"),
            QCoreApplication.translate("ExchangeActions", "REFI-QDA projects (*.qdpx *.qde);;All files (*)"),
        )
        if path:
            self.choose_target_and_import(Path(path), "qdpx")

    def import_rqda_dialog(self) -> None:
        path = file_dialogs.open_file(
            self.window,
            "exchange",
            QCoreApplication.translate("ExchangeActions", "Import RQDA project"),
            QCoreApplication.translate("ExchangeActions", "RQDA projects (*.rqda);;All files (*)"),
        )
        if path:
            self.choose_target_and_import(Path(path), "rqda")

    def choose_target_and_import(self, source: Path, kind: str) -> None:
        suggested = source.with_suffix(PROJECT_SUFFIX)
        path, _ = file_dialogs.save_file(
            self.window,
            "project",
            QCoreApplication.translate("ExchangeActions", "New project for the import"),
            QCoreApplication.translate("ExchangeActions", "Guiji projects (*{suffix})").format(suffix=PROJECT_SUFFIX),
            suggested.name,
            folder=suggested.parent,
        )
        if not path:
            return
        target = Path(path if path.endswith(PROJECT_SUFFIX) else path + PROJECT_SUFFIX)
        self.run_import(source, target, kind)

    def run_import(self, source: Path, target: Path, kind: str) -> None:
        """Import ``source`` into the new project ``target`` in the background; report; open it."""
        if self.window.api.tasks.busy:
            return
        from app.core.exchange.qdpx_import import DEFAULT_CODER, import_qdpx
        from app.core.exchange.rqda import import_rqda

        coder = (self.window.api.controller.coder if self.window.api.controller is not None else "") or DEFAULT_CODER

        def work(progress: Callable[[int, int], None]) -> ImportReport:
            if kind == "rqda":
                return import_rqda(source, target, progress=progress)
            return import_qdpx(source, target, coder=coder, progress=progress)

        def done(report: ImportReport) -> None:
            self.last_report = report
            self.window.api.open_project(target)
            self.dialog = ImportReportDialog(report, self.window)
            self.dialog.open()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, CancelledError):
                self.window.api.status(
                    QCoreApplication.translate("ExchangeActions", "Import cancelled; no project was created."), 5000
                )
            elif isinstance(exc, GuijiError):
                self.window.api.show_error(
                    QCoreApplication.translate(
                        "ExchangeActions", "The project could not be imported; no file was created."
                    ),
                    describe(exc),
                )
            else:
                raise exc

        self.window.api.tasks.run(
            QCoreApplication.translate("ExchangeActions", "Importing {name}…").format(name=source.name),
            work,
            done,
            failed,
        )

    # --- export ---
    def export_qdpx_dialog(self) -> None:
        controller = self.window.api.controller
        if controller is None:
            return
        suggested = controller.project.path.with_suffix(".qdpx")
        path, _ = file_dialogs.save_file(
            self.window,
            "qdpx-export",
            QCoreApplication.translate("ExchangeActions", "Export as REFI-QDA project"),
            QCoreApplication.translate("ExchangeActions", "REFI-QDA projects (*.qdpx)"),
            suggested.name,
            controller.project.path,
        )
        if path:
            self.run_export(Path(path if path.lower().endswith(".qdpx") else path + ".qdpx"))

    def run_export(self, out: Path) -> None:
        controller = self.window.api.controller
        if controller is None or self.window.api.tasks.busy:
            return
        from app.core.exchange.qdpx_export import export_qdpx

        project = controller.project

        def done(report: ExportReport) -> None:
            self.window.api.status(
                QCoreApplication.translate(
                    "ExchangeActions", "Exported {n} documents and {m} codings to {file}."
                ).format(
                    n=dict(report.counts).get("documents", 0),
                    m=dict(report.counts).get("codings", 0),
                    file=report.path.name,
                ),
                8000,
            )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, GuijiError):
                self.window.api.show_error(
                    QCoreApplication.translate("ExchangeActions", "The project could not be exported."), describe(exc)
                )
            else:
                raise exc

        self.window.api.tasks.run(
            QCoreApplication.translate("ExchangeActions", "Exporting {name}…").format(name=out.name),
            lambda _progress: export_qdpx(project, out),
            done,
            failed,
        )


def install(window: MainWindow) -> None:
    """Add the exchange actions to the window's File menu."""
    window.exchange_actions = ExchangeActions(window)  # type: ignore[attr-defined]

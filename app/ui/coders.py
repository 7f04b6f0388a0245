"""Several coders in the window: who is coding (status bar), blind coding, disagreements, merging.

An extension (``app/ui/extensions.py``). The coder is shown permanently in the status bar; a click
changes it. Blind coding is a project setting (:mod:`app.core.blind`): while it is on, the window
shows only the current coder's codings — highlights and stripes (the window's coder filter is held on
the coder), the coded-passages dock (its coder filter likewise) and the coding counts of the code tree
and the document list. Coding → Disagreements opens :mod:`app.ui.disagreements`; File → Merge project
brings another copy of the project in (:mod:`app.ui.merge_dialog`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QComboBox, QInputDialog, QToolButton

from app.core.blind import blind_coding, coders_of, coding_counts, set_blind_coding
from app.ui.settings import settings

if TYPE_CHECKING:
    from app.ui.controller import ProjectController
    from app.ui.disagreements import DisagreementWindow
    from app.ui.main_window import MainWindow


class CoderRoute(QObject):
    """The coder button, the blind-coding switch and the Coders entries of the menus."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.api = window.api
        self._held = False  # whether the window's filters are held on the coder (blind coding)
        self._memos_for: str | None = None  # whose coding memos the memos dock shows (None: everyone's)
        self.button = QToolButton()
        self.button.setObjectName("coder-button")
        self.button.setAutoRaise(True)
        self.button.setToolTip(self.tr("Who is coding: every new coding, memo and stage span records it. "
                                       "Click to change."))
        self.button.clicked.connect(self.ask_coder)
        self.button.hide()
        self.api.add_status_widget(self.button)
        menu = self.api.menu("coding")
        menu.addSeparator()
        self.blind_action = self.api.add_action("coding", self.tr("&Blind coding (hide other coders)"),
                                                self._blind_toggled, editing=True)
        self.blind_action.setCheckable(True)
        self.coder_action = self.api.add_action("coding", self.tr("C&hange coder…"), self.ask_coder, editing=True)
        self.disagreements_action = self.api.add_action(
            "coding", self.tr("&Disagreements between coders…"), self.show_disagreements, "Ctrl+Shift+D")
        self.merge_action = self.api.add_action("file", self.tr("&Merge project…"), self.merge_project,
                                                editing=True)
        self.dialog: QInputDialog | None = None
        self._hide_memos_of_others()
        self.api.project_changed.connect(self._on_project)
        self.api.changes.connect(lambda _changes: self.hold())
        # The window counts a newly shown document's codings after announcing it: hold afterwards.
        self.api.document_shown.connect(lambda _doc: QTimer.singleShot(0, self.hold))

    # --- the coder ---
    def coder(self) -> str:
        controller = self.api.controller
        return controller.coder if controller is not None else ""

    def _show_coder(self) -> None:
        coder = self.coder()
        self.button.setVisible(bool(coder))
        blind = self.blind_action.isChecked()
        self.button.setText(self.tr("Coder: {coder} (blind)").format(coder=coder) if blind
                            else self.tr("Coder: {coder}").format(coder=coder))

    def ask_coder(self) -> QInputDialog | None:
        """Ask for the coder's name (non-blocking; the answer applies on OK)."""
        controller = self.api.controller
        if controller is None or controller.project.read_only:
            return None
        dialog = QInputDialog(self._window)
        dialog.setObjectName("coder-dialog")
        dialog.setWindowTitle(self.tr("Who is coding?"))
        dialog.setLabelText(self.tr("Coder (new codings, memos and stage spans record this name):"))
        dialog.setTextValue(controller.coder)
        dialog.textValueSelected.connect(self.set_coder)
        dialog.open()
        self.dialog = dialog
        return dialog

    def set_coder(self, name: str) -> None:
        """Make ``name`` the current coder (kept for the next start too)."""
        name = name.strip()
        controller = self.api.controller
        if not name or controller is None:
            return
        settings().setValue("coder/name", name)
        controller.coder = name
        self._show_coder()
        self.hold()
        self.api.status(self.tr("Coder: {coder}").format(coder=name))

    # --- blind coding ---
    def _on_project(self, controller: ProjectController | None) -> None:
        self.blind_action.blockSignals(True)
        self.blind_action.setChecked(controller is not None and blind_coding(controller.project))
        self.blind_action.blockSignals(False)
        self._held = False
        self._memos_for = None
        self._show_coder()
        self.hold()
        if controller is not None and not controller.project.read_only and self.blind_action.isChecked():
            # Blind coding: whoever sits down says who they are before coding (prefilled with the last name).
            QTimer.singleShot(0, self.ask_coder)

    def _blind_toggled(self) -> None:
        controller = self.api.controller
        if controller is None or controller.project.read_only:
            return
        on = self.blind_action.isChecked()
        set_blind_coding(controller.project, on)
        self._show_coder()
        self.hold()
        self.api.status(self.tr("Blind coding is on: only your codings are shown.") if on
                        else self.tr("Blind coding is off: every coder's codings are shown."))

    def blind(self) -> bool:
        return self.blind_action.isChecked() and bool(self.coder())

    def _hold_combo(self, combo: QComboBox, coder: str | None) -> bool:
        """Hold a coder filter on ``coder`` (None: release it to "all"); True when it moved."""
        before = combo.currentData()
        if coder is None:
            combo.setEnabled(True)
            combo.setCurrentIndex(0)
        else:
            if combo.findData(coder) < 0:
                combo.addItem(coder, coder)
            combo.setCurrentIndex(combo.findData(coder))
            combo.setEnabled(False)
        return bool(combo.currentData() != before)

    def hold(self) -> None:
        """Bring the window's filters and counts in line with blind coding (on or off)."""
        window = self._window
        controller = self.api.controller
        if controller is None:
            return
        blind = self.blind()
        if not blind and not self._held:
            return
        coder = self.coder() if blind else None
        self._hold_combo(window.coder_filter, coder)
        passages = window.retrieval_panel
        if self._hold_combo(passages.coder, coder) and passages.model.rowCount():
            passages.run()
        self._recount(coder)
        if coder != self._memos_for:  # the memos dock re-reads on its own changes; here on a new coder
            self._memos_for = coder
            self._window.memo_panel.refresh()
        # The code tree's column of project-wide totals would tell the other coders' counts: hidden.
        window.codes_view.setColumnHidden(1, blind)
        self._held = blind

    def _recount(self, coder: str | None) -> None:
        """The code tree's and the document list's counts: the coder's only, or everyone's again."""
        window = self._window
        project = self.api.project
        assert project is not None
        shown = window.document_view.codings()
        counts: dict[int, int] = {}
        for c in shown:
            if coder is None or c.coder == coder:
                counts[c.code_id] = counts.get(c.code_id, 0) + 1
        window.codes_model.set_document_counts(counts)
        if coder is None:
            from app.core.documents import list_documents

            wanted = {d.id: d.codings for d in list_documents(project)}
        else:
            wanted = coding_counts(project, coder)
        model = window.documents_model
        delta = {}
        for row in range(model.rowCount()):
            doc = model.document(row)
            if wanted.get(doc.id, 0) != doc.codings:
                delta[doc.id] = wanted.get(doc.id, 0) - doc.codings
        if delta:
            model.add_to_counts(delta)

    def _hide_memos_of_others(self) -> None:
        """The memos dock lists coding memos with their place: while blind, only the coder's own.

        Every way the dock fills its list (a change, a search, being shown) ends in its model's
        ``set_records``; the filter sits there.
        """
        model = self._window.memo_panel.model
        fill = model.set_records

        def set_records(rows: list[Any]) -> None:
            project = self.api.project
            if self.blind() and project is not None:
                coders = coders_of(project, [r.owner_id for r in rows if r.kind == "coding"])
                rows = [r for r in rows if r.kind != "coding" or coders.get(r.owner_id) == self.coder()]
            fill(rows)

        model.set_records = set_records  # type: ignore[method-assign]

    # --- other windows ---
    def show_disagreements(self) -> DisagreementWindow | None:
        from app.ui.disagreements import show_disagreements

        if self.api.controller is None:
            return None
        return show_disagreements(self.api, self._window)

    def merge_project(self) -> object:
        from app.ui.merge_dialog import show_merge_dialog

        if self.api.controller is None:
            return None
        return show_merge_dialog(self.api, self._window)


def install(window: MainWindow) -> None:
    window.coder_route = CoderRoute(window)  # type: ignore[attr-defined]  # kept alive with the window


__all__ = ["CoderRoute", "install"]

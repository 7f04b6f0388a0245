"""Links made and judged in the process window: drag from box to box, evidence with its
process-tracing test, edit and delete — each one undoable through the project controller.

A mixin of app.ui.timeline.ProcessWindow, which provides ``project``, ``controller``, ``data``,
``links``, ``figure``, ``selected``, ``editable``, the evidence ``table``/``passages``, the buttons,
and ``_rows``. Every change is an operation of :mod:`app.core.ops.links`, run through the controller
(one undo step, its changes sent down the project's change stream).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from app.core.errors import GuijiError
from app.core.ops import Done
from app.core.ops import links as link_ops
from app.core.process import links as link_service
from app.ui.figures.evidence import EvidenceDialog, LinkDialog, PassageRow
from app.ui.messages import describe


class LinkEditing:
    """The link and evidence actions of the process window."""

    # Provided by the window (see the module's docstring).
    project: Any
    controller: Any
    data: Any
    links: list[link_service.LinkInfo]
    figure: Any
    selected: tuple[Any, ...]
    editable: bool
    table: Any
    passages: Any
    add_evidence_button: Any
    judge_button: Any
    remove_evidence_button: Any
    delete_link_button: Any
    _rows: Callable[[list[int]], list[PassageRow]]
    # Strings are translated in the window's context, explicitly:
    # Qt Linguist would file a mixin's self.tr() under the mixin's name.

    @property
    def _widget(self) -> QWidget:
        """The process window itself (this class is one of its bases)."""
        return cast(QWidget, self)

    def _run_op(self, operation: Callable[[], Done[Any]]) -> Any:
        """Run an operation as one undo step; a refusal is shown, not raised. The value, or None."""
        try:
            return self.controller.run(operation())
        except GuijiError as exc:
            QMessageBox.warning(self._widget, QCoreApplication.translate("ProcessWindow", "Process"), describe(exc))
            return None

    def _link_end(self, ref: tuple[Any, ...]) -> tuple[int, int | None] | None:
        """(code id, stage id) of a box, or of the outcome-level code an outcome box names."""
        assert self.data is not None
        if ref[0] == "box":
            return int(ref[2]), int(ref[1])
        if ref[0] == "outcome" and self.figure is not None:
            name = self.figure.meta.get("outcomes", {}).get(self.data.codes[int(ref[1])].path)
            for node in self.data.codes.values():
                if node.name == name and (node.level == "outcome" or self.data.top(node.id).level == "outcome"):
                    return node.id, None
            QMessageBox.information(
                self._widget, QCoreApplication.translate("ProcessWindow", "Link codes"),
                QCoreApplication.translate(
                    "ProcessWindow", "Make an outcome-level code named “{name}” to link to this outcome.",
                ).format(name=name))
        return None

    def create_link(self, source: tuple[Any, ...], target: tuple[Any, ...]) -> None:
        if not self.editable or self.data is None:
            return
        a, b = self._link_end(source), self._link_end(target)
        if a is None or b is None:
            return
        dialog = LinkDialog(self.data.codes[a[0]].path, self.data.codes[b[0]].path, self._widget)
        if dialog.exec() != LinkDialog.DialogCode.Accepted:
            return
        relation, memo = dialog.chosen_relation(), dialog.memo.text()
        link = self._run_op(lambda: link_ops.create_link(
            self.project, a[0], b[0], relation, source_stage=a[1], target_stage=b[1], memo=memo,
            coder=self.controller.coder))
        if link is not None:
            self.selected = ("link", link.id)

    def _selected_link(self) -> link_service.LinkInfo | None:
        if self.selected and self.selected[0] == "link":
            return next((x for x in self.links if x.id == self.selected[1]), None)
        return None

    def _update_link_buttons(self) -> None:
        link = self._selected_link()
        for button in (self.add_evidence_button, self.delete_link_button):
            button.setVisible(link is not None)
            button.setEnabled(self.editable)
        for button in (self.judge_button, self.remove_evidence_button):
            button.setVisible(link is not None)
            button.setEnabled(self.editable and bool(link and link.evidence))

    def edit_link(self, link_id: int) -> None:
        link = next((x for x in self.links if x.id == link_id), None)
        if link is None:
            return
        dialog = LinkDialog(link.source, link.target, self._widget, relation=link.relation, memo=link.memo)
        if dialog.exec() == LinkDialog.DialogCode.Accepted:
            relation, memo = dialog.chosen_relation(), dialog.memo.text()
            self._run_op(lambda: link_ops.update_link(self.project, link_id, relation=relation, memo=memo))

    def delete_link(self) -> None:
        link = self._selected_link()
        if link is not None:
            self._run_op(lambda: link_ops.delete_link(self.project, link.id))
            self.selected = ()

    def add_evidence(self) -> None:
        link = self._selected_link()
        if link is None:
            return
        have = {e.coding_id for e in link.evidence}
        assert self.data is not None
        codes = self.data.subtree(link.source_id) | self.data.subtree(link.target_id)
        ids = [c.id for c in self.data.codings if c.code_id in codes and c.id not in have]
        candidates = self._rows(ids)
        dialog = EvidenceDialog(candidates, self._widget)
        if dialog.exec() != EvidenceDialog.DialogCode.Accepted or not dialog.checked():
            return
        test, stance, note = dialog.test.currentData(), dialog.stance.currentData(), dialog.note.text()
        chosen = dialog.checked()
        with self.controller.macro(QCoreApplication.translate("ProcessWindow", "Add evidence")):
            for coding_id in chosen:
                self._run_op(partial(link_ops.add_evidence, self.project, link.id, coding_id, test=test,
                                  stance=stance, note=note))

    def _current_evidence(self) -> PassageRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.passages.row(index.row())
        return row if row.evidence_id is not None else None

    def change_test(self) -> None:
        row = self._current_evidence()
        if row is None or row.evidence_id is None:
            return
        evidence_id = row.evidence_id
        tests = [f"{zh} ({en})" for zh, en in link_service.TESTS.values()]
        stances = [f"{zh} ({en})" for zh, en in link_service.STANCES.values()]
        current = list(link_service.TESTS).index(row.test) if row.test in link_service.TESTS else 0
        test, ok = QInputDialog.getItem(
            self._widget, QCoreApplication.translate("ProcessWindow", "Process-tracing test"),
            QCoreApplication.translate("ProcessWindow", "Test:"), tests, current, False)
        if not ok:
            return
        stance, ok = QInputDialog.getItem(
            self._widget, QCoreApplication.translate("ProcessWindow", "Process-tracing test"),
            QCoreApplication.translate("ProcessWindow", "The passage:"), stances,
            list(link_service.STANCES).index(row.stance or "supports"), False)
        if ok:
            test_key = list(link_service.TESTS)[tests.index(test)]
            stance_key = list(link_service.STANCES)[stances.index(stance)]
            self._run_op(lambda: link_ops.update_evidence(self.project, evidence_id, test=test_key, stance=stance_key))

    def remove_evidence(self) -> None:
        row = self._current_evidence()
        if row is not None and row.evidence_id is not None:
            evidence_id = row.evidence_id
            self._run_op(lambda: link_ops.remove_evidence(self.project, evidence_id))

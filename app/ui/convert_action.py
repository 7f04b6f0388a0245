"""Edit ▸ Convert script…: the shown document to Simplified or Traditional Chinese, one undo step.

The conversion is :func:`app.core.convert.convert_document` (every coding, stage span, case passage
and memo anchor stays on its words), run through the controller's ``perform`` by
:func:`app.ui.editing.perform_text_change`, so Undo puts the text and every range back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from app.core.errors import GuijiError
from app.ui.messages import describe

if TYPE_CHECKING:
    from app.core.editing import TextChange
    from app.ui.main_window import MainWindow


def _targets() -> list[tuple[str, str, str | None]]:
    return [
        (QCoreApplication.translate("ConvertDialog", "Simplified Chinese"), "hans", None),
        (QCoreApplication.translate("ConvertDialog", "Simplified Chinese, from Taiwan usage (軟體 → 软件)"),
         "hans", "tw"),
        (QCoreApplication.translate("ConvertDialog", "Simplified Chinese, from Hong Kong usage"), "hans", "hk"),
        (QCoreApplication.translate("ConvertDialog", "Traditional Chinese"), "hant", None),
        (QCoreApplication.translate("ConvertDialog", "Traditional Chinese, Taiwan usage (软件 → 軟體)"),
         "hant", "tw"),
        (QCoreApplication.translate("ConvertDialog", "Traditional Chinese, Hong Kong usage"), "hant", "hk"),
    ]


class ConvertDialog(QDialog):
    """Choose the script; the effect is shown before anything changes."""

    def __init__(self, window: MainWindow, document_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.main_window = window
        self.document_id = document_id
        self.setWindowTitle(self.tr("Convert script of {name}").format(name=name))
        self.target = QComboBox()
        self.choices = [(to, variant) for _label, to, variant in _targets()]
        for label, _to, _variant in _targets():
            self.target.addItem(label)
        self.effect = QLabel()
        self.effect.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Convert to:"), self.target)
        form.addRow(self.effect)
        form.addRow(QLabel(self.tr("Codings, stage spans, case passages and memo anchors stay on their words.")))
        form.addRow(self.buttons)
        self.target.currentIndexChanged.connect(self.update_effect)
        self.update_effect()

    def choice(self) -> tuple[str, str | None]:
        """The chosen script and regional variant."""
        return self.choices[max(0, self.target.currentIndex())]

    def update_effect(self) -> None:
        from app.core.convert import preview_convert

        controller = self.main_window.api.controller
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if controller is None:
            ok.setEnabled(False)
            return
        to, variant = self.choice()
        try:
            plan = preview_convert(controller.project, self.document_id, to, variant)
        except GuijiError as exc:
            self.effect.setText(describe(exc))
            ok.setEnabled(False)
            return
        ok.setEnabled(bool(plan.splices))
        if not plan.splices:
            self.effect.setText(self.tr("The text is already in this script: nothing would change."))
            return
        self.effect.setText(
            self.tr("{changed} character(s) change; {old} → {new} characters; {moved} range(s) move.").format(
                changed=plan.changed_characters, old=plan.old_length, new=plan.new_length, moved=len(plan.moved)
            )
        )


class ConvertAction:
    """The Edit menu's "Convert script…" of one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: ConvertDialog | None = None
        self.action = window.api.add_action(
            "edit", QCoreApplication.translate("ConvertAction", "Convert &script…"), self.open_dialog, editing=True
        )
        self.action.setObjectName("convert-script")

    def open_dialog(self) -> ConvertDialog | None:
        """The dialog for the shown document (a status message when none is shown)."""
        from app.core.documents import get_document

        api = self.window.api
        doc_id = api.current_document()
        if api.controller is None or doc_id is None:
            api.status(QCoreApplication.translate("ConvertAction", "Open a document to convert its script."))
            return None
        name = get_document(api.controller.project, doc_id).name
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = ConvertDialog(self.window, doc_id, name)
        self.dialog.accepted.connect(lambda: self.apply(self.dialog))
        self.dialog.show()
        return self.dialog

    def apply(self, dialog: ConvertDialog | None) -> TextChange | None:
        """Convert as one undoable command."""
        from app.core.convert import convert_document
        from app.ui.editing import perform_text_change

        controller = self.window.api.controller
        if dialog is None or controller is None:
            return None
        to, variant = dialog.choice()
        doc_id = dialog.document_id
        return perform_text_change(
            self.window,
            QCoreApplication.translate("ConvertAction", "Convert script"),
            lambda: convert_document(controller.project, doc_id, to, variant, coder=controller.coder),
        )


def install(window: MainWindow) -> None:
    """Add "Convert script…" to the window's Edit menu."""
    window.convert_action = ConvertAction(window)  # type: ignore[attr-defined]


__all__ = ["ConvertAction", "ConvertDialog", "install"]

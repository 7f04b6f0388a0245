"""The settings dialog: interface language, text size, coder name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.ui.settings import settings

DEFAULT_TEXT_SIZE = 12


def text_size() -> int:
    """Point size of transcript text."""
    try:
        return int(str(settings().value("ui/text_size", DEFAULT_TEXT_SIZE)))
    except (TypeError, ValueError):
        return DEFAULT_TEXT_SIZE


def fold_scripts() -> bool:
    """Whether search matches Traditional and Simplified Chinese as one (default: yes)."""
    value = settings().value("search/fold_scripts", True)
    return value not in (False, "false", "0", 0)


class SettingsDialog(QDialog):
    """Edits the settings file; the language applies at the next start, the rest at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        store = settings()
        self.language = QComboBox()
        self.language.addItem(self.tr("As the system"), "")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(str(store.value("ui/language", "") or ""))))
        self.text_size_box = QSpinBox()
        self.text_size_box.setRange(8, 32)
        self.text_size_box.setSuffix(" pt")
        self.text_size_box.setValue(text_size())
        self.coder = QLineEdit(str(store.value("coder/name", "") or ""))
        self.coder.setPlaceholderText(self.tr("your name as a coder"))
        form = QFormLayout(self)
        form.addRow(self.tr("Interface language:"), self.language)
        form.addRow("", QLabel(self.tr("(takes effect when Guiji starts again)")))
        form.addRow(self.tr("Transcript text size:"), self.text_size_box)
        form.addRow(self.tr("Coder name:"), self.coder)
        self.fold_scripts = QCheckBox(self.tr("Match Traditional and Simplified Chinese as one"))
        self.fold_scripts.setChecked(fold_scripts())
        form.addRow(self.tr("Search:"), self.fold_scripts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        store = settings()
        store.setValue("ui/language", self.language.currentData())
        store.setValue("ui/text_size", self.text_size_box.value())
        store.setValue("search/fold_scripts", self.fold_scripts.isChecked())
        if self.coder.text().strip():
            store.setValue("coder/name", self.coder.text().strip())
        super().accept()

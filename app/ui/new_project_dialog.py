"""Choose how a new project starts: empty, or from a framework template, with a preview of what it adds.

The list on the left holds "Empty project" and every shipped template; the right side shows the chosen
template's description, its code levels, its code tree (with each code's short definition) and its
stages, so the researcher sees what will be created before creating it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.templates import TemplateInfo, list_templates, load_template
from app.ui.i18n import ui_language


def template_title(info: TemplateInfo) -> str:
    """A template's title in the UI's language."""
    return info.title_en or info.english or info.title if ui_language() == "en" else info.title


def _description(info: TemplateInfo) -> str:
    return info.description_en or info.description if ui_language() == "en" else info.description


class NewProjectDialog(QDialog):
    """Pick a template (or none) for a new project; :attr:`template` is the chosen name or ``None``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new-project-dialog")
        self.setWindowTitle(self.tr("New project"))
        self.templates = list_templates()
        self.choices = QListWidget()
        self.choices.setObjectName("template-list")
        empty = QListWidgetItem(self.tr("Empty project"))
        empty.setData(Qt.ItemDataRole.UserRole, None)
        self.choices.addItem(empty)
        for info in self.templates:
            item = QListWidgetItem(template_title(info))
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            item.setToolTip(template_title(info))
            self.choices.addItem(item)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.levels = QLabel()
        self.levels.setWordWrap(True)
        self.codes = QTreeWidget()
        self.codes.setObjectName("template-codes")
        self.codes.setHeaderLabels([self.tr("Code"), self.tr("Level"), self.tr("Short definition")])
        self.codes.setColumnWidth(0, 200)
        self.codes.setColumnWidth(1, 90)
        self.stages = QTreeWidget()
        self.stages.setObjectName("template-stages")
        self.stages.setHeaderLabels([self.tr("Stage"), self.tr("Description")])
        self.stages.setRootIsDecorated(False)
        self.stages.setColumnWidth(0, 120)
        self.codes_label = QLabel()
        self.stages_label = QLabel()

        preview = QWidget()
        right = QVBoxLayout(preview)
        right.setContentsMargins(0, 0, 0, 0)
        for widget in (self.description, self.levels, self.codes_label, self.codes, self.stages_label, self.stages):
            right.addWidget(widget)
        right.setStretch(3, 3)
        right.setStretch(5, 1)
        split = QSplitter()
        split.addWidget(self.choices)
        split.addWidget(preview)
        split.setSizes([220, 560])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Start from a framework template, or with an empty project:")))
        layout.addLayout(row)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.choices.currentRowChanged.connect(self._show)
        self.choices.itemDoubleClicked.connect(lambda _item: self.accept())
        self.choices.setCurrentRow(0)
        self.resize(820, 560)

    @property
    def template(self) -> str | None:
        item = self.choices.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return str(value) if value else None

    def select(self, name: str | None) -> None:
        """Make ``name`` (a template's name, or None for an empty project) the current choice."""
        for row in range(self.choices.count()):
            if self.choices.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.choices.setCurrentRow(row)
                return

    def _show(self, row: int) -> None:
        self.codes.clear()
        self.stages.clear()
        if row <= 0:
            self.description.setText(self.tr("A project with no codes and no stages: build the codebook "
                                             "from the data."))
            self.levels.setText("")
            self._counts(0, 0)
            return
        info = self.templates[row - 1]
        data = load_template(info.name)
        english = ui_language() == "en"
        self.description.setText(_description(info))
        labels = {lv.key: (lv.english or lv.label) if english else lv.label for lv in info.levels}
        if info.levels:
            names = self.tr(" → ").join(labels[lv.key] for lv in info.levels)
            self.levels.setText(self.tr("Code levels: {levels}").format(levels=names))
        else:
            self.levels.setText("")
        self._fill_codes(data.get("codes", []), labels, english)
        for stage in data.get("stages", []):
            name = stage.get("english") or stage["name"] if english else stage["name"]
            item = QTreeWidgetItem([name, "" if english else stage.get("description", "")])
            item.setToolTip(1, item.text(1))
            self.stages.addTopLevelItem(item)
        self._counts(len(data.get("codes", [])), len(data.get("stages", [])))

    def _fill_codes(self, codes: list[dict[str, Any]], labels: dict[str, str], english: bool) -> None:
        items: dict[str, QTreeWidgetItem] = {}
        for code in codes:
            path = str(code["path"])
            parent_path, _, name = path.rpartition("/")
            shown = code.get("english") or name if english else name
            definition = "" if english else code.get("short_definition", "")
            item = QTreeWidgetItem([shown, labels.get(code.get("level", ""), ""), definition])
            item.setToolTip(2, code.get("description", "") if not english else "")
            parent = items.get(parent_path)
            if parent is None:
                self.codes.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[path] = item
        self.codes.expandAll()

    def _counts(self, codes: int, stages: int) -> None:
        self.codes_label.setText(self.tr("Codes it creates: {n}").format(n=codes))
        self.stages_label.setText(self.tr("Stages it creates: {n}").format(n=stages) if stages
                                  else self.tr("Stages it creates: none"))
        self.codes.setVisible(codes > 0)
        self.stages.setVisible(stages > 0)


def choose_template(parent: QWidget | None = None) -> tuple[bool, str | None]:
    """Run the dialog; ``(accepted, template name or None)``."""
    dialog = NewProjectDialog(parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return accepted, dialog.template

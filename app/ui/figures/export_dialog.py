"""Export a figure for a journal, with a preview drawn by the same renderer as the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import GuijiError
from app.core.process.layout import Figure, FigureOptions
from app.ui import file_dialogs
from app.ui.figures.renderer import choose_family, export_figure, pixel_size, qt_measure, render_image
from app.ui.i18n import export_language
from app.ui.messages import describe, translate_text

#: Builds the figure for given options (the timeline window passes its current data and filters).
Builder = Callable[[FigureOptions], Figure]


class FigureExportDialog(QDialog):
    """Width, resolution, greyscale, font and size; the preview is the exported figure itself."""

    def __init__(self, build: Builder, parent: QWidget | None = None, *, kind: str = "timeline",
                 run: Callable[..., None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export figure"))
        self.resize(900, 640)
        self._build = build
        self._kind = kind
        self._run = run
        self.figure: Figure | None = None
        self.width_mm = QComboBox()
        self.width_mm.setEditable(True)
        for value, text in ((85, self.tr("85 mm (one column)")), (170, self.tr("170 mm (two columns)"))):
            self.width_mm.addItem(text, value)
        self.width_mm.setCurrentIndex(1)
        self.dpi = QDoubleSpinBox()
        self.dpi.setRange(72, 2400)
        self.dpi.setDecimals(0)
        self.dpi.setValue(600)
        self.dpi.setSuffix(" dpi")
        self.grayscale = QCheckBox(self.tr("Greyscale (patterns and line styles instead of colour)"))
        self.font_family = QComboBox()
        chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        default = choose_family()
        self.font_family.addItems(sorted(set(chinese) | {default}))
        self.font_family.setCurrentText(default)
        self.font_size = QDoubleSpinBox()
        self.font_size.setRange(0, 36)
        self.font_size.setSingleStep(0.5)
        self.font_size.setSpecialValueText(self.tr("automatic"))
        self.font_size.setSuffix(" pt")
        self.language = QComboBox()  # a figure has one language; the UI's by default
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(export_language()))
        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Width:"), self.width_mm)
        form.addRow(self.tr("PNG resolution:"), self.dpi)
        form.addRow(self.tr("Font:"), self.font_family)
        form.addRow(self.tr("Font size:"), self.font_size)
        form.addRow(self.grayscale)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        save = QPushButton(self.tr("Save as SVG, PDF or PNG…"))
        save.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.info)
        side.addStretch(1)
        side.addWidget(save)
        side.addWidget(close)
        layout = QHBoxLayout(self)
        layout.addLayout(side)
        layout.addWidget(scroll, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.update_preview)
        for signal in (self.width_mm.currentTextChanged, self.font_family.currentTextChanged,
                       self.language.currentTextChanged):
            signal.connect(self._timer.start)
        for spin in (self.font_size, self.dpi):
            spin.valueChanged.connect(self._timer.start)
        self.grayscale.toggled.connect(self._timer.start)
        self.update_preview()

    def options(self) -> FigureOptions:
        """The options as set in the dialog."""
        text = self.width_mm.currentText().strip()
        index = self.width_mm.findText(text)
        try:
            width = float(self.width_mm.itemData(index)) if index >= 0 else float(
                text.lower().removesuffix("mm").split()[0])
        except (ValueError, IndexError):
            raise GuijiError(self.tr("The width must be a number of millimetres")) from None
        family = self.font_family.currentText()
        return FigureOptions(width=width, font_size=self.font_size.value() or None, font_family=family,
                             grayscale=self.grayscale.isChecked(), measure=qt_measure(family),
                             lang=str(self.language.currentData()))

    def update_preview(self) -> None:
        """Lay the figure out with the current options and show it."""
        try:
            self.figure = self._build(self.options())
        except GuijiError as exc:
            self.info.setText(describe(exc))
            self.preview.clear()
            return
        image = render_image(self.figure, 110, self.font_family.currentText())
        self.preview.setPixmap(QPixmap.fromImage(image))
        px = pixel_size(self.figure, self.dpi.value())
        lines = [self.tr("{w:.0f} × {h:.0f} mm; PNG {pw} × {ph} px").format(
            w=self.figure.width, h=self.figure.height, pw=px.width(), ph=px.height())]
        lines += [translate_text(note) for note in self.figure.notes]
        self.info.setText("\n".join(lines))

    def save(self) -> None:
        """Ask for a file and write the figure there (off the GUI thread when a runner is given)."""
        if self.figure is None:
            return
        project = getattr(getattr(self.parent(), "project", None), "path", None)
        name = file_dialogs.output_name(project, self._kind, ".pdf") if project else f"{self._kind}.pdf"
        path, _filter = file_dialogs.save_file(
            self, "figure", self.tr("Save figure"), self.tr("PDF (*.pdf);;SVG (*.svg);;PNG (*.png)"), name, project)
        if path:
            self.write(Path(path))

    def write(self, path: Path) -> None:
        """Write the previewed figure to ``path``."""
        figure, dpi, family = self.figure, self.dpi.value(), self.font_family.currentText()
        assert figure is not None
        if self._run is None:
            export_figure(figure, path, dpi=dpi, family=family, title=self._kind)
            self.info.setText(self.tr("Saved {path}").format(path=path))
            return
        self._run(self.tr("Exporting the figure…"), lambda _progress: export_figure(
            figure, path, dpi=dpi, family=family, title=self._kind),
            lambda out: self.info.setText(self.tr("Saved {path}").format(path=out)))

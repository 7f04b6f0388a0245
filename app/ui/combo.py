"""A combo box sized to its content up to a limit, eliding the shown text (the popup shows it whole).

Qt's combo boxes grow to their longest item: a long case or document name pushed a whole toolbar's
tools behind the overflow button. This one asks for at most ``max_chars`` characters of width, draws
the current text elided with "…", shows it whole as a tooltip, and opens its list wide enough for
every item.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget


class ElidedComboBox(QComboBox):
    """See the module's docstring."""

    def __init__(self, parent: QWidget | None = None, *, max_chars: int = 14, min_chars: int = 4) -> None:
        super().__init__(parent)
        self.max_chars = max_chars
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(min_chars)
        self.currentTextChanged.connect(self.setToolTip)

    def _limit(self) -> int:
        # A Chinese character is about one em wide; the average Latin one about half that.
        return self.fontMetrics().horizontalAdvance("中") * self.max_chars // 2 + 8

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()  # min_chars wide (Qt counts them as "x") plus the frame and arrow
        metrics = self.fontMetrics()
        frame = hint.width() - metrics.horizontalAdvance("x") * self.minimumContentsLength()
        widest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        return QSize(max(hint.width(), frame + min(widest, self._limit())), hint.height())

    def showPopup(self) -> None:
        self.view().setMinimumWidth(min(self.view().sizeHintForColumn(0) + 24, 600))
        super().showPopup()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight,
                                                           max(field.width() - 4, 0))
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

"""Helpers for scenarios that drive the real main window offscreen."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.app import make_application
from app.ui.main_window import MainWindow


class PaintSpy(QObject):
    """Counts paint events of some widgets that happen while ``when()`` is true."""

    def __init__(self, widgets: list[QWidget], when: Callable[[], bool]) -> None:
        super().__init__()
        self._when = when
        self.painted: set[int] = set()
        self._widgets = widgets
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._when():
            self.painted.add(id(obj))
        return False

    def reset(self) -> None:
        self.painted.clear()

    @property
    def all_painted(self) -> bool:
        return all(id(w) in self.painted for w in self._widgets)

    def remove(self) -> None:
        for widget in self._widgets:
            widget.removeEventFilter(self)


def start_window() -> tuple[QApplication, MainWindow]:
    """The application and an empty main window, shown and painted once."""
    app = make_application(language="zh_CN")
    window = MainWindow()
    window.show()
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if window.isVisible() and not window.visibleRegion().isEmpty():
            break
    app.processEvents()
    return app, window


def process_until(app: QApplication, done: Callable[[], bool], timeout_s: float = 60.0) -> None:
    """Run the event loop until ``done()`` (RuntimeError after ``timeout_s``)."""
    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            raise RuntimeError(f"the window did not finish within {timeout_s} s")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def close_window(app: QApplication, window: MainWindow) -> None:
    window.close()  # closes the project and releases its lock
    window.deleteLater()
    app.processEvents()


def view_widgets(window: MainWindow) -> list[Any]:
    """The widgets whose painting shows a document: the text's viewport and the coding stripes."""
    return [window.document_view.viewport(), window.document_view.margin]

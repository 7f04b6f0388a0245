"""Long work off the GUI thread, with a progress dialog and a Cancel button.

The work function receives ``progress(done, total)``; calling it after the user pressed Cancel
raises :class:`~app.core.errors.CancelledError`, which the services treat like any error: their
unit of work rolls back and nothing changes. Tests set ``TaskRunner.inline`` to run work at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.core.errors import CancelledError

Progress = Callable[[int, int], None]
# A worker thread doing CPU-bound Python (spaCy training) can keep the GIL for long stretches; a
# short sleep at every progress step lets the GUI thread paint and answer in between.
GIL_PAUSE_S = 0.002


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, cancelled: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._signals = signals
        self._cancelled = cancelled

    def _progress(self, done: int, total: int) -> None:
        if self._cancelled.is_set():
            raise CancelledError("cancelled")
        self._signals.progressed.emit(done, total)
        time.sleep(GIL_PAUSE_S)

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as exc:  # handed to the GUI thread, which shows it
            self._signals.failed.emit(exc)
        else:
            self._signals.finished.emit(result)


class TaskRunner(QObject):
    """Runs one job at a time in Qt's thread pool; results come back as callbacks on the GUI thread."""

    inline = False

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    def run(self, title: str, work: Callable[[Progress], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None:
        if self.inline:
            try:
                result = work(lambda _d, _t: None)
            except BaseException as exc:
                on_error(exc)
            else:
                on_done(result)
            return
        self._busy = True
        cancelled = threading.Event()
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, self._parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(cancelled.set)
        signals = _Signals(self)

        def progressed(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._busy = False
            dialog.reset()
            dialog.deleteLater()
            signals.deleteLater()
            callback(value)

        signals.progressed.connect(progressed)
        signals.finished.connect(lambda value: finish(on_done, value))
        signals.failed.connect(lambda exc: finish(on_error, exc))
        QThreadPool.globalInstance().start(_Job(work, signals, cancelled))

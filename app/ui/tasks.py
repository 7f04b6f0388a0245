"""Long work off the GUI thread: one job class, with or without a progress dialog.

:class:`BackgroundJob` runs ``work(progress)`` in Qt's thread pool and reports on its signals (the
suggestion panel runs its jobs this way, without a dialog); :class:`TaskRunner` runs one at a time
with a progress dialog and a Cancel button (imports, exports, big deletes).

The work function receives ``progress(done, total)``; calling it after the user pressed Cancel
raises :class:`~app.core.errors.CancelledError`, which the services treat like any error: their
unit of work rolls back and nothing changes. Tests set ``TaskRunner.inline`` to run work at once.
"""

from __future__ import annotations

import contextlib
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


# Jobs still running (their results may come after the panel that started them is gone).
_RUNNING: set[BackgroundJob] = set()


class _JobSignals(QObject):
    progressed = Signal(object, int, int)  # the job, done, total
    ended = Signal(object, object)  # the job, its result or the exception it raised


class BackgroundJob(QRunnable):
    """``work(progress)`` in Qt's thread pool; ``progress`` raises CancelledError once cancelled.

    Run alone it shows no dialog (the coder keeps working: the suggestion panel's jobs);
    :class:`TaskRunner` runs one with a progress dialog and Cancel.
    The signals carry the job itself, so a receiver connects a bound method (disconnected by Qt when
    the receiver is deleted) and tells its jobs apart by ``kind`` and ``generation``.
    """

    def __init__(self, kind: str, generation: int, work: Callable[[Callable[[int, int], None]], Any],
                 document_id: int | None = None) -> None:
        super().__init__()
        self.kind = kind
        self.generation = generation
        self.document_id = document_id
        self.sequence = 0
        self._work = work
        self._cancelled = threading.Event()
        self.signals = _JobSignals()  # no parent: it must outlive a closed window while the job runs
        self.setAutoDelete(False)  # the panel holds it until it reports

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancelled.is_set():
            raise CancelledError("cancelled")
        try:
            self.signals.progressed.emit(self, done, total)
        except RuntimeError as exc:  # the panel and its project are gone: stop quietly
            raise CancelledError("cancelled") from exc
        time.sleep(GIL_PAUSE_S)  # hand the interpreter to the GUI thread between steps

    def run(self) -> None:
        _RUNNING.add(self)  # the thread pool holds no Python reference: keep the job alive until it ends
        try:
            try:
                if self._cancelled.is_set():
                    raise CancelledError("cancelled")
                result = self._work(self._progress)
            except BaseException as exc:  # handed to the GUI thread
                result = exc
            with contextlib.suppress(RuntimeError):  # the signal source went with a closed project
                self.signals.ended.emit(self, result)
        finally:
            _RUNNING.discard(self)


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
        job = BackgroundJob(title, 0, work)
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, self._parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(job.cancel)

        def progressed(_job: BackgroundJob, done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)

        def ended(_job: BackgroundJob, outcome: object) -> None:
            self._busy = False
            dialog.reset()
            dialog.deleteLater()
            job.signals.deleteLater()
            if isinstance(outcome, BaseException):
                on_error(outcome)
            else:
                on_done(outcome)

        job.signals.setParent(self)  # delivered in the GUI thread, gone with the window
        job.signals.progressed.connect(progressed)
        job.signals.ended.connect(ended)
        QThreadPool.globalInstance().start(job)

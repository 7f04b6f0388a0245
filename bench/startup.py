"""The ``startup`` scenario: a new process until the main window shows the sample project.

In its own module so that the worker, before the timed run, imports nothing of Guiji or Qt: the
timed run pays for every import the desktop app makes (registered by :mod:`bench.scenarios`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import Any

from bench.registry import Context, ScenarioGen, Timed, scenario

# Modules the first window must not load (issue 12): they load when their feature is first used.
HEAVY_MODULES = ("pypinyin", "openpyxl", "docx", "lxml", "spacy", "jieba", "alembic",
                 "app.core.exchange", "app.core.process.figures", "app.ui.timeline", "app.ui.figures")


def heavy_modules_loaded() -> list[str]:
    """Which of :data:`HEAVY_MODULES` (or their submodules) this process has imported."""
    return sorted(name for name in HEAVY_MODULES
                  if any(loaded == name or loaded.startswith(name + ".") for loaded in sys.modules))


@scenario(budget_s=0.6, budget_rss_mb=220, fresh_process=True, needs_project=False)
def startup(ctx: Context) -> ScenarioGen:
    """In a new process with nothing of Guiji or Qt imported: ``app.ui.app.run_app(SAMPLE)`` — what
    ``guiji SAMPLE`` runs — until the main window is shown and its first document's text painted
    (the event loop then stops). The sample project is made untimed, by another process; the
    interpreter's own start (about 20 ms) is not timed. Details: any heavy module that was loaded."""
    home = ctx.workdir / f"startup-home-{os.getpid()}"
    sample = home / "示例项目.guiji"
    home.mkdir(parents=True, exist_ok=True)
    # A known coder, so the window does not ask for a name (it asks once, on a first start).
    (home / "settings.ini").write_text("[coder]\nname=bench\n", encoding="utf-8")
    env = {**os.environ, "GUIJI_HOME": str(home)}
    subprocess.run([sys.executable, "-m", "app", "sample", str(sample)], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    os.environ["GUIJI_HOME"] = str(home)
    state: dict[str, Any] = {}

    def run(_i: int) -> None:
        from PySide6.QtCore import QEvent, QEventLoop, QObject
        from PySide6.QtWidgets import QApplication

        class PaintSeen(QObject):
            painted = False

            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    self.painted = True
                return False

        def until_painted(*_args: object) -> int:
            """Stands in for ``app.exec()``: the event loop until the document's text is painted."""
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")
            seen = PaintSeen()
            window.document_view.viewport().installEventFilter(seen)
            deadline = time.perf_counter() + 30
            while not (seen.painted and window.isVisible()):
                if time.perf_counter() > deadline:
                    raise RuntimeError("the main window was not painted within 30 s")
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            window.document_view.viewport().removeEventFilter(seen)
            state.update(window=window, heavy=heavy_modules_loaded())
            return 0

        QApplication.exec = until_painted  # type: ignore[method-assign, assignment]
        from app.ui.app import run_app

        if run_app(str(sample)) != 0:
            raise RuntimeError("run_app failed")

    def after(_i: int) -> None:
        window = state.pop("window")
        ctx.details["heavy_modules_loaded"] = state.pop("heavy")
        ctx.details["document_shown"] = window.document_view.document_id is not None
        if not ctx.details["document_shown"]:
            raise RuntimeError("the sample project's first document is not shown")
        window.close()  # releases the project's lock

    yield Timed(run, after)

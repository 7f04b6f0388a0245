"""Start-up loads only what the first window needs (issue 12): an import check, not a timing.

A fresh interpreter runs ``app.ui.app.run_app(PROJECT)`` (what ``guiji PROJECT`` runs) offscreen,
its event loop replaced by one that stops once the document's text is painted, and reports which
modules it has loaded. The timing is the bench's ``startup`` scenario.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Each loads on first use of its feature (spreadsheets, Word files, pinyin lookup, exchange, figures,
# suggestions, schema upgrade).
HEAVY = ("pypinyin", "openpyxl", "docx", "lxml", "spacy", "jieba", "alembic",
         "app.core.exchange", "app.core.process.figures", "app.ui.timeline", "app.ui.figures")

CHILD = r"""
import json, sys, time
from PySide6.QtCore import QEvent, QEventLoop, QObject
from PySide6.QtWidgets import QApplication

class PaintSeen(QObject):
    painted = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False

report = {}

def until_painted(*_args):
    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")
    seen = PaintSeen()
    window.document_view.viewport().installEventFilter(seen)
    deadline = time.monotonic() + 60
    while not seen.painted and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    report["painted"] = seen.painted
    report["document_id"] = window.document_view.document_id
    report["modules"] = sorted(sys.modules)
    window.close()
    return 0

QApplication.exec = until_painted
from app.ui.app import run_app
run_app(sys.argv[1])
print("REPORT " + json.dumps(report))
"""


def start_window(project: Path, home: Path) -> dict[str, object]:
    home.mkdir(exist_ok=True)
    (home / "settings.ini").write_text("[coder]\nname=tester\n", encoding="utf-8")  # no name prompt
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GUIJI_HOME": str(home),
           "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
    done = subprocess.run([sys.executable, "-c", CHILD, str(project)], check=False, env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(line for line in done.stdout.splitlines() if line.startswith("REPORT "))
    report: dict[str, object] = json.loads(line.removeprefix("REPORT "))
    return report


def test_first_window_loads_no_heavy_module(project_file: Path, tmp_path: Path) -> None:
    report = start_window(project_file, tmp_path / "home")
    assert report["painted"] is True
    assert report["document_id"] is not None  # the project is open on its first document
    modules = report["modules"]
    assert isinstance(modules, list)
    # The check sees what the window loaded...
    assert "app.ui.main_window" in modules and "sqlalchemy" in modules
    # ...and none of what it does not need.
    loaded = sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert loaded == []

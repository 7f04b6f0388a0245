"""Everything the GUI shows is in the UI's language (issue 14).

In Chinese, every window, dialog and panel — reached by triggering every menu and toolbar action of
the main window and of the process window, plus the error paths a user can cause (a bad file
imported, a locked project, a name taken, a figure without stages, the import report) — is harvested
for visible text; no English phrase of three or more words may appear, apart from file and code
names. In English, no Chinese may appear except the project's own content (code, stage, document
and case names, transcript text, template content) and the names of languages.

Modal dialogs opened with ``exec()`` are harvested and closed by a timer running inside their event
loop, so Qt's own dialogs (file dialogs, message boxes) are checked too: the Chinese run fails when
Qt's translations are not installed ("Look in:", "Files of type:").
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFontComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
)

from app.core import cases, codebook, documents, stages
from app.core.paths import resources_dir
from app.core.project import open_project
from app.core.sample import build_sample_project
from app.ui.i18n import qt_translation_folders
from app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"

# Three English words in a row (a word: a letter, then letters, apostrophes or hyphens).
ENGLISH_PHRASE = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}")
HAN = re.compile(r"[\u3400-\u9fff]+")
# Proper names and formats that stay English in a Chinese UI.
ALLOWED_ENGLISH = (
    "REFI-QDA", "Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
    "Source Han Sans SC", "Droid Sans Fallback", "DejaVu Sans Mono", "DejaVu Sans", "DejaVu Serif",
    "CSV UTF-8", "Process tracing", "English",
)
# Names of languages and the relation types Guiji offers as data (促进 leads to …) stay Chinese in English.
ALLOWED_CHINESE = ("简体中文", "中文", "促进", "支撑", "制约", "转化为", "构成", "相关", "轨迹",
                   # examples that are Chinese on purpose: pseudonyms for Chinese transcripts, script variants
                   "受访者", "社区", "社工机构", "軟體", "软件", "代議", "代议")
ACTIONS_SKIPPED = ("Quit", "退出")  # it would close the window under test


# --- harvesting visible text --------------------------------------------------------------------


def _strip_markup(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ").replace("&amp;", "&")


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield action.text()
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def visible_texts(root: QWidget) -> list[str]:
    """The texts a user can read in ``root`` and its visible children (not the documents' own text)."""
    out = [root.windowTitle()]
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisible() and w is not root:
            continue
        if isinstance(w, QLabel):
            out.append(_strip_markup(w.text()))
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QLineEdit):
            out += [w.placeholderText()]
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            out.append(w.placeholderText())
        elif isinstance(w, QComboBox) and not isinstance(w, QFontComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTabBar):
            out += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            header = w.horizontalHeader() if hasattr(w, "horizontalHeader") else getattr(w, "header", None)
            if callable(header):
                header = header()
            if header is not None and header.isVisible():
                model = w.model()
                out += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(header.count())]
        elif isinstance(w, QToolBar):
            out += [a.text() for a in w.actions()]
        elif isinstance(w, QMessageBox):
            out += [w.text(), w.informativeText()]
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            if action.menu() is not None:
                out += list(_menu_texts(action.menu()))
        out.append(root.statusBar().currentMessage())
    return [t.replace("&", "") for t in out if t and t.strip()]


class Harvest:
    """Texts seen, with where they were seen."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        self.too_big: list[str] = []  # windows that cannot fit a 1280 × 800 screen

    def take(self, where: str, widget: QWidget) -> None:
        self.seen += [(where, text) for text in visible_texts(widget)]
        if widget.isWindow():
            need = widget.minimumSizeHint().expandedTo(widget.minimumSize())
            if need.width() > 1280 or need.height() > 800:
                self.too_big.append(f"{where}: needs {need.width()} × {need.height()}")
        for bar in widget.findChildren(QToolBar):  # tools pushed behind the "»" overflow button
            if bar.isVisible() and any(c.metaObject().className() == "QToolBarExtension" and c.isVisible()
                                       for c in bar.children() if isinstance(c, QWidget)):
                self.too_big.append(f"{where}: toolbar {bar.objectName() or bar.windowTitle()} overflows")

    def top_levels(self, where: str) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                self.take(f"{where}: {type(widget).__name__}", widget)


def run_with_modals(harvest: Harvest, where: str, action: Callable[[], Any]) -> None:
    """Run ``action``; every modal dialog it opens is harvested, then closed (Cancel)."""

    def close_modal() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            popup = QApplication.activePopupWidget()
            if popup is not None:
                harvest.take(f"{where}: popup", popup)
                popup.close()
            return
        harvest.take(f"{where}: {type(modal).__name__}", modal)
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()

    timer = QTimer()
    timer.setInterval(30)
    timer.timeout.connect(close_modal)
    timer.start()
    try:
        action()
        for _ in range(3):
            QApplication.processEvents()
        harvest.top_levels(where)
    finally:
        timer.stop()
    for widget in QApplication.topLevelWidgets():  # dialogs opened with open()/show(): read, then close
        if isinstance(widget, (QDialog, QMessageBox)) and widget.isVisible():
            harvest.take(f"{where}: {type(widget).__name__}", widget)
            widget.close()


def trigger_everything(harvest: Harvest, window: QMainWindow, label: str) -> None:
    actions = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        stack = [menu]
        while stack:
            current = stack.pop()
            for action in current.actions():
                if action.menu() is not None:
                    stack.append(action.menu())
                elif not action.isSeparator():
                    actions.append(action)
    for bar in window.findChildren(QToolBar):
        actions += [a for a in bar.actions() if not a.isSeparator() and a not in actions]
    for action in actions:
        text = action.text().replace("&", "")
        if not action.isEnabled() or text.startswith(ACTIONS_SKIPPED) or not text:
            continue
        run_with_modals(harvest, f"{label} › {text}", action.trigger)


# --- languages ----------------------------------------------------------------------------------


@pytest.fixture
def language(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Install the UI language for this test (Qt's own translations too) and remove it afterwards."""
    lang = request.param
    app = QApplication.instance()
    assert app is not None
    installed: list[QTranslator] = []
    if lang == "zh_CN":
        qm = tmp_path / "guiji_zh_CN.qm"
        subprocess.run([str(LRELEASE), "-silent", str(ROOT / "resources" / "i18n" / "guiji_zh_CN.ts"),
                        "-qm", str(qm)], check=True)
        qt = QTranslator()
        assert any(qt.load("qtbase_zh_CN", folder) for folder in qt_translation_folders()), \
            "Qt's own Chinese translations (qtbase_zh_CN.qm) were not found"
        ours = QTranslator()
        assert ours.load(str(qm))
        installed = [qt, ours]
        for translator in installed:
            app.installTranslator(translator)
    before = app.property("guiji_language")
    app.setProperty("guiji_language", lang)
    yield lang
    for translator in installed:
        app.removeTranslator(translator)
    app.setProperty("guiji_language", before)


def data_strings(project_path: Path) -> set[str]:
    """Everything that comes from the project or its templates rather than from the UI."""
    from app.core.codebook import list_codes
    from app.core.coding import list_codings
    from app.core.templates import list_templates, load_template

    out: set[str] = set()
    with open_project(project_path, read_only=True) as project:
        for code in list_codes(project):
            out |= {code.name, code.path, *code.path.split("/"), code.description, code.short_definition,
                    code.when_to_use, code.when_not_to_use, code.example, *code.keywords}
        for stage in stages.list_stages(project):
            out |= {stage.name, stage.description}
        for doc in documents.list_documents(project):
            out |= {doc.name, *documents.document_text(project, doc.id).splitlines()}
        for case in cases.list_cases(project):
            out.add(case.name)
        out |= {c.coder for c in list_codings(project)}
        levels = codebook.code_levels(project)
        out |= {lv.label for lv in levels}
    for info in list_templates():
        data = load_template(info.name)
        out |= {info.title, info.description, *(lv.label for lv in info.levels)}
        for code in data.get("codes", []):
            out |= {*code["path"].split("/"), *(str(code.get(k, "")) for k in (
                "short_definition", "description", "when_to_use", "when_not_to_use", "example"))}
        for stage in data.get("stages", []):
            out |= {stage["name"], stage.get("description", ""), stage.get("slogan", "")}
        out |= {str(v) for v in json.dumps(data.get("framework", {}), ensure_ascii=False).split('"')}
    return {s for s in out if s and s.strip()}


FILE_NAME = re.compile(r"[^\s/：:]+\.(?:guiji|txt|docx|md|xlsx|csv|qdpx|qde|qdc|rqda|pdf|svg|png|lock)\b")
# Licence expressions of bundled libraries (package metadata, shown in About as they are): LGPL-3.0-only OR GPL-2.0-only
LICENCE_EXPRESSION = re.compile(r"[A-Za-z0-9.+-]+(?:\s+(?:OR|AND|WITH)\s+[A-Za-z0-9.+-]+)+")


def english_phrases(text: str) -> list[str]:
    for allowed in ALLOWED_ENGLISH:
        text = text.replace(allowed, " ")
    text = FILE_NAME.sub(" ", text)
    text = LICENCE_EXPRESSION.sub(" ", text)
    text = re.sub(r"\(\*[^)]*\)", " ", text)  # file-type patterns: (*.txt *.docx)
    return ENGLISH_PHRASE.findall(text)


def chinese_of_ui_origin(text: str, data: set[str]) -> list[str]:
    text = FILE_NAME.sub(" ", text)
    for item in sorted(data, key=len, reverse=True):
        if HAN.search(item):
            text = text.replace(item, " ")
    for allowed in ALLOWED_CHINESE:
        text = text.replace(allowed, " ")
    return HAN.findall(text)


# --- the project and the error paths ------------------------------------------------------------


@pytest.fixture
def sample_window(qtbot, tmp_path: Path, language: str) -> MainWindow:  # type: ignore[no-untyped-def]
    path = build_sample_project(tmp_path / "sample.guiji")
    with open_project(path) as project:
        cases.create_case(project, "社区甲")
    win = MainWindow()
    qtbot.addWidget(win)
    win.tasks.inline = True
    win.sync_refresh = True
    win.resize(1280, 800)
    win.open_project_path(path)
    assert win.controller is not None
    win.show()
    qtbot.waitExposed(win)
    return win


def provoke_errors(harvest: Harvest, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The error paths of the GUI, each through the control a user would use."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "空.txt").write_bytes(b"")
    (bad / "二进制.txt").write_bytes(b"\x00\x01\x02\x00" * 50)
    (bad / "损坏.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (bad / "旧格式.docx").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 100)
    for name in ("空.txt", "二进制.txt", "损坏.docx", "旧格式.docx"):
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, _n=name, **k: ([str(bad / _n)], ""))
        run_with_modals(harvest, f"import {name}", window.import_dialog)
    # A project held by another process: the lock message.
    locked = build_sample_project(tmp_path / "locked.guiji")
    lock = FileLock(str(locked) + ".lock")
    lock.acquire()
    try:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(locked), ""))
        run_with_modals(harvest, "open a locked project", window.open_project_dialog)
    finally:
        lock.release()
    # A code name already taken, through the code panel's "new code" prompt.
    taken = codebook.list_codes(window.controller.project)[0].name
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (taken, True))
    run_with_modals(harvest, "new code with a taken name", lambda: window.code_panel.new_code(None, taken))
    monkeypatch.undo()


def check(harvest: Harvest, language: str, data: set[str]) -> None:
    problems = []
    reported: set[str] = set()
    for where, text in harvest.seen:
        if text in reported:  # one line per offending text (the first place it was seen)
            continue
        if language == "zh_CN":
            phrases = [p for p in english_phrases(text) if p.strip() not in data]
            if phrases:
                reported.add(text)
                problems.append(f"{where}: {phrases} in {text[:120]!r}")
        else:
            found = chinese_of_ui_origin(text, data)
            if found:
                reported.add(text)
                problems.append(f"{where}: {found} in {text[:120]!r}")
    assert not problems, "\n".join(dict.fromkeys(problems))


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_every_window_dialog_and_error_speaks_the_ui_language(
        qtbot, sample_window: MainWindow, language: str, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = sample_window
    harvest = Harvest()
    harvest.take("main window", window)
    # Qt's file dialog (not the system's, so its own words are checked) for every file action.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    trigger_everything(harvest, window, "main window")
    process = window.open_process_window("timeline")  # type: ignore[attr-defined]
    process.resize(1280, 800)
    qtbot.waitExposed(process)
    harvest.take("process window", process)
    for kind in ("sankey", "matrix", "codeline", "saturation", "timeline"):
        process.set_kind(kind)
        harvest.take(f"process window ({kind})", process)
    trigger_everything(harvest, process, "process window")
    process.close()
    provoke_errors(harvest, window, tmp_path, monkeypatch)
    from app.ui.new_project_dialog import NewProjectDialog

    dialog = NewProjectDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    for row in range(dialog.choices.count()):
        dialog.choices.setCurrentRow(row)
        harvest.take(f"new project dialog row {row}", dialog)
    dialog.close()
    assert len(harvest.seen) > 300  # the harvest did reach the windows
    assert not harvest.too_big, "\n".join(dict.fromkeys(harvest.too_big))
    data = data_strings(Path(window.controller.project.path)) | {window.controller.coder}
    check(harvest, language, data)
    if language == "zh_CN":
        texts = " ".join(t for _w, t in harvest.seen)
        assert "查找范围" in texts or "文件类型" in texts, "no Qt file dialog was seen in Chinese"
        assert "已在另一个轨迹窗口" in texts  # the lock message, in Chinese
        assert "文件是空的" in texts and "二进制文件" in texts


def test_error_messages_follow_the_language(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """messages.describe renders a code in Chinese and keeps the English message in English."""
    from app.core.errors import InputFileError, ProjectLockedError
    from app.ui.messages import describe

    app = QApplication.instance()
    qm = tmp_path / "guiji_zh_CN.qm"
    subprocess.run([str(LRELEASE), "-silent", str(ROOT / "resources" / "i18n" / "guiji_zh_CN.ts"),
                    "-qm", str(qm)], check=True)
    error = InputFileError(tmp_path / "访谈.txt", "the file is empty", code="file.empty")
    locked = ProjectLockedError("p.guiji: the project is open in another Guiji window or process; close it there "
                                "first (or open it read-only)", code="project.locked", params={"file": "p.guiji"})
    assert describe(error) == "访谈.txt: the file is empty (it contains no text)"
    translator = QTranslator()
    assert translator.load(str(qm))
    app.installTranslator(translator)
    try:
        assert describe(error) == "访谈.txt: 文件是空的（其中没有文字）"
        assert describe(locked).startswith("p.guiji：该项目已在另一个轨迹窗口")
        assert describe(ValueError("x")) == "x"
    finally:
        app.removeTranslator(translator)
    assert str(locked).startswith("p.guiji: the project is open")  # the CLI's message is unchanged
    assert resources_dir().is_dir()


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_the_import_report_speaks_the_ui_language(qtbot, language: str, shared_data: Path,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    """Real REFI-QDA files from NVivo and ATLAS.ti: positions, notes and skip reasons in the UI's language."""
    from app.core.exchange.qdpx_import import import_qdpx
    from app.ui.exchange import ImportReportDialog

    harvest = Harvest()
    names: set[str] = set()
    for source in ("nvivo-win-12.6__pyqdpx__oltas.qdpx", "atlasti-8.4.0-mac__refi-qda__TestProject.qdpx"):
        report = import_qdpx(shared_data / "refi" / source, tmp_path / f"{source}.guiji")
        names |= {source, report.origin, *(s.name for s in report.skipped)}
        dialog = ImportReportDialog(report)
        qtbot.addWidget(dialog)
        dialog.show()
        harvest.take(source, dialog)
        for row in range(dialog.model.rowCount()):
            harvest.seen += [(f"{source} row {row}", dialog.model.item(row, c).text()) for c in (0, 2)]
        dialog.close()
    # The names of what was skipped are the file's (English in these files), not the UI's.
    seen = harvest.seen
    for name in sorted(names, key=len, reverse=True):
        seen = [(where, text.replace(name, " ")) for where, text in seen]
    harvest.seen = seen
    check(harvest, language, names)
    if language == "zh_CN":
        texts = " ".join(t for _w, t in harvest.seen)
        assert "压缩包中缺少它的文本文件" in texts and "按 UTF-16 单元计" in texts


def test_every_error_code_has_a_message() -> None:
    """An error code raised in app.core without a message here would reach the Chinese UI in English."""
    from app.ui.messages import _templates

    raised = set()
    for path in (ROOT / "app" / "core").rglob("*.py"):
        raised |= set(re.findall(r'code="([a-z_.]+)"', path.read_text(encoding="utf-8")))
    raised |= {"not_found"}  # set by app.core.lookup.get_or_raise
    assert len(raised) > 40
    assert sorted(raised - set(_templates())) == []


def test_every_error_raised_in_the_core_has_a_code() -> None:
    """Issue 14: a GuijiError raised in app.core without ``code=`` would show in English in the Chinese UI.
    (Raises that pass on another error's code write ``code=exc.code``.)"""
    import ast

    from app.core import errors

    kinds = {name for name, value in vars(errors).items()
             if isinstance(value, type) and issubclass(value, errors.GuijiError)}
    missing = []
    for path in sorted((ROOT / "app" / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                name = getattr(node.exc.func, "id", None) or getattr(node.exc.func, "attr", None)
                if name in kinds and "code" not in {k.arg for k in node.exc.keywords}:
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert missing == []

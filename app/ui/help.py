"""Help ▸ User guide (the bundled docs/user-guide.md, offline) and Help ▸ About (version, licences).

Plugged in through :mod:`app.ui.extensions`. The guide is Markdown rendered by ``QTextBrowser``;
its images are found relative to the guide's folder. The licences are read from the installed
packages' metadata, so they are those of the libraries actually bundled.
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from app import __version__

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

# The runtime libraries shown in About, by distribution name (what pip installs).
BUNDLED = ("PySide6-Essentials", "shiboken6", "SQLAlchemy", "alembic", "spacy", "jieba", "charset-normalizer",
           "python-docx", "lxml", "defusedxml", "openpyxl", "filelock", "pypinyin", "opencc")
_APP_DIR = Path(__file__).resolve().parents[1]


def guide_path() -> Path | None:
    """The bundled user guide: frozen app, source tree, or a wheel's bundled copy (None if missing)."""
    roots = [Path(getattr(sys, "_MEIPASS", "")) if getattr(sys, "_MEIPASS", None) else None,
             _APP_DIR.parent, _APP_DIR / "_bundled"]
    for root in roots:
        if root is not None and (root / "docs" / "user-guide.md").is_file():
            return root / "docs" / "user-guide.md"
    return None


def licence_of(dist: metadata.Distribution) -> str:
    """A distribution's licence: its SPDX expression, else a short License field, else its classifiers."""
    meta: Any = dist.metadata  # an email.message.Message-like mapping (PackageMetadata lacks .get in typeshed)
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    field = (meta.get("License") or "").strip()
    if field and len(field) <= 80 and "\n" not in field:
        return field
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers) or (field.splitlines()[0][:80] if field else "?")


def bundled_libraries() -> list[tuple[str, str, str]]:
    """``(name, version, licence)`` of each bundled library that is installed."""
    found = []
    for name in BUNDLED:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found.append((dist.metadata["Name"] or name, dist.version, licence_of(dist)))
    return found


def guide_dialog(parent: QWidget | None) -> QDialog:
    """A window showing the user guide (or a note that it is missing from this installation)."""
    dialog = QDialog(parent)
    dialog.setObjectName("user-guide")
    dialog.setWindowTitle(QCoreApplication.translate("Help", "User guide"))
    dialog.resize(900, 760)
    browser = QTextBrowser()
    browser.setObjectName("user-guide-text")
    browser.setOpenExternalLinks(False)
    path = guide_path()
    if path is None:
        browser.setPlainText(QCoreApplication.translate("Help", "The user guide is missing from this installation."))
    else:
        browser.setSearchPaths([str(path.parent)])
        browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
        browser.setMarkdown(path.read_text(encoding="utf-8"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    return dialog


def about_dialog(parent: QWidget | None) -> QDialog:
    """Version, Qt version, and the bundled libraries with their licences."""
    dialog = QDialog(parent)
    dialog.setObjectName("about")
    dialog.setWindowTitle(QCoreApplication.translate("Help", "About Guiji"))
    rows = "".join(f"<tr><td>{n}</td><td>{v}</td><td>{lic}</td></tr>" for n, v, lic in bundled_libraries())
    html = (
        f"<h2>轨迹 Guiji {__version__}</h2>"
        + "<p>" + QCoreApplication.translate("Help", "Coding Chinese interview transcripts: codes, stages and processes. Works offline.") + "</p>"  # noqa: E501
        + "<p>" + QCoreApplication.translate("Help", "Qt {qt} (LGPL-3.0), Python {py}").format(qt=qVersion(), py=sys.version.split()[0]) + "</p>"  # noqa: E501
        + "<h3>" + QCoreApplication.translate("Help", "Bundled libraries") + "</h3>"
        + "<table cellspacing='6'><tr><th align='left'>" + QCoreApplication.translate("Help", "Library") + "</th><th align='left'>"  # noqa: E501
        + QCoreApplication.translate("Help", "Version") + "</th><th align='left'>" + QCoreApplication.translate("Help", "Licence") + "</th></tr>" + rows + "</table>"  # noqa: E501
    )
    label = QLabel(html)
    label.setObjectName("about-text")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(buttons)
    return dialog


def can_open_folders() -> bool:
    """Whether the platform can hand a folder to a file manager (not offscreen or minimal)."""
    return QGuiApplication.platformName() not in ("offscreen", "minimal")


def show_log_folder(parent: QWidget | None = None) -> bool:
    """Open the folder of Guiji's log file in the system's file manager (to send it with a bug report);
    where that cannot be done, say where the folder is, in a dialog whose text can be copied."""
    from app.ui.errors import log_file

    folder = log_file().parent
    if can_open_folders() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("Help", "Log folder"),
                      QCoreApplication.translate("Help", "Guiji's log file is in this folder:") + f"\n{folder}",
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("log-folder")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()
    return False


def install(window: MainWindow) -> None:
    """Help ▸ User guide, Help ▸ Show log folder and Help ▸ About."""
    guide = QAction(QCoreApplication.translate("Help", "&User guide"), window)
    guide.setObjectName("help-user-guide")
    guide.triggered.connect(lambda: guide_dialog(window).exec())
    about = QAction(QCoreApplication.translate("Help", "&About Guiji"), window)
    about.setObjectName("help-about")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: about_dialog(window).exec())
    window.help_menu.addAction(guide)
    logs = QAction(QCoreApplication.translate("Help", "Show &log folder"), window)
    logs.setObjectName("help-log-folder")
    logs.triggered.connect(lambda: show_log_folder(window))
    window.help_menu.addAction(logs)
    window.help_menu.addSeparator()
    window.help_menu.addAction(about)

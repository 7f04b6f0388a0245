"""Start the desktop application."""

from __future__ import annotations

import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from app.core.paths import resources_dir
from app.ui.i18n import LANGUAGES, install_translators, system_language
from app.ui.settings import settings

CJK_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
             "Source Han Sans SC", "SimSun")


# Harmless notices of Qt's offscreen platform (screenshots, tests) that would only confuse a user.
QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if message.startswith(QUIET_QT_MESSAGES):
        return
    sys.stderr.write(f"{message}\n")


def make_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The QApplication with Guiji's names, font fallbacks and translations installed."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        qInstallMessageHandler(_qt_message)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Guiji")
    app.setOrganizationName("Guiji")
    app.setDesktopFileName("guiji")  # matches packaging/linux/guiji.desktop (taskbar icon on Wayland)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "guiji.svg")))
    font = QFont(app.font())
    font.setFamilies([font.family(), *CJK_FONTS])
    app.setFont(font)
    chosen = language or str(settings().value("ui/language", "") or "") or system_language()
    if chosen not in LANGUAGES:
        chosen = "en"
    app.setProperty("guiji_translators", install_translators(app, chosen))
    app.setProperty("guiji_language", chosen)
    return app


def run_app(project: str | None) -> int:
    """Open the main window (on ``project`` if given) and run the event loop."""
    from app.ui.errors import install_excepthook, log, setup_logging
    from app.ui.main_window import MainWindow

    app = make_application()
    log.info("Guiji started (log: %s)", setup_logging())
    install_excepthook()
    window = MainWindow(ask_coder=True)
    if project:
        window.open_project_path(project)
    window.show()
    return app.exec()

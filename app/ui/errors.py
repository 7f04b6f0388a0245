"""Logging to a file, and a dialog for errors nobody expected."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.paths import user_data_dir

log = logging.getLogger("guiji")


def log_file() -> Path:
    """Where the application log is written."""
    folder = user_data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "guiji.log"


def setup_logging() -> Path:
    """Send Guiji's log to a rotating file in the user data folder; returns its path."""
    path = log_file()
    if not any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path



def show_unexpected_error(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log the traceback and tell the user in plain words; the project itself is safe (it commits as it goes)."""
    log.error("unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
    if QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("ErrorDialog", "Guiji"),
                      QCoreApplication.translate("ErrorDialog", "Something went wrong that Guiji did not expect. "
                          "Your codings are saved as you make them, so nothing already done is lost."))
    box.setInformativeText(f"{exc_type.__name__}: {exc}")
    box.setDetailedText(QCoreApplication.translate("ErrorDialog", "Details were written to the log file:")
                        + f"\n{log_file()}\n\n"
                        + "".join(traceback.format_exception(exc_type, exc, tb))[-4000:])
    box.exec()


def install_excepthook() -> None:
    """Route uncaught exceptions (in slots too) to :func:`show_unexpected_error`."""
    sys.excepthook = show_unexpected_error

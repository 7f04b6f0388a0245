"""Persistent settings in one INI file under the user data folder (GUIJI_HOME in tests)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.core.paths import user_data_dir


def settings() -> QSettings:
    """The application's settings store."""
    return QSettings(str(user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)

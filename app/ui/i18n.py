"""UI language: Simplified Chinese or English through Qt's translation system.

Source strings are English; ``resources/i18n/guiji_zh_CN.ts`` holds the Chinese, built to ``.qm`` by
``make translations``. Chinese is shown on a Chinese system unless the settings say otherwise.
"""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.core.paths import resources_dir

LANGUAGES = ("zh_CN", "en")


def system_language() -> str:
    """``zh_CN`` on a Chinese system, else ``en``."""
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


# Labels of Qt's own file dialog whose source text changed in Qt 6 ("&Look in:" was "Look in:") and
# that Qt's bundled Chinese translation therefore misses; Guiji's translation file supplies them.
QT_FILL_INS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def ui_language() -> str:
    """The language the running application shows (``zh_CN`` or ``en``); exports default to it."""
    app = QCoreApplication.instance()
    language = app.property("guiji_language") if app is not None else None
    return str(language) if language in LANGUAGES else "en"


def export_language() -> str:
    """The export language (``zh``/``en``) matching the UI's."""
    return "zh" if ui_language() == "zh_CN" else "en"


def qt_translation_folders() -> list[str]:
    """Where Qt's own translations (``qtbase_*.qm``: file dialogs, message-box buttons) may be.

    Qt's configured path is right in a wheel install; a frozen build may move the PySide6 folder and
    leave Qt's compiled-in path pointing nowhere, so PySide6's own folders are tried too.
    """
    package = Path(PySide6.__file__).resolve().parent
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
               str(package / "Qt" / "translations"), str(package / "translations")]
    return [f for f in dict.fromkeys(folders) if f and Path(f).is_dir()]


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Qt's own and Guiji's translations for ``language``; returns them to keep them alive."""
    if language == "en":
        return []
    translators = []
    qt = QTranslator(app)
    if any(qt.load(f"qtbase_{language}", folder) for folder in qt_translation_folders()):
        app.installTranslator(qt)
        translators.append(qt)
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "i18n" / f"guiji_{language}.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    return translators

"""UI language: Simplified Chinese or English through Qt's translation system.

Source strings are English; ``resources/i18n/guiji_zh_CN.ts`` holds the Chinese, built to ``.qm`` by
``make translations``. Chinese is shown on a Chinese system unless the settings say otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.core.paths import resources_dir

LANGUAGES = ("zh_CN", "en")


def system_language() -> str:
    """``zh_CN`` on a Chinese system, else ``en``."""
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Qt's own and Guiji's translations for ``language``; returns them to keep them alive."""
    if language == "en":
        return []
    translators = []
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "i18n" / f"guiji_{language}.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    return translators

"""The one place that knows where Guiji's own files are: source tree, installed wheel, or frozen app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # .../app


def _roots() -> list[Path]:
    roots: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen))
    roots.append(_PACKAGE_DIR.parent)  # source tree / editable install: the repository root
    roots.append(_PACKAGE_DIR / "_bundled")  # wheel: force-included copies
    return roots


def _find(name: str) -> Path:
    for root in _roots():
        candidate = root / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Guiji's '{name}' folder is missing from this installation")


def migrations_dir() -> Path:
    """The Alembic script directory (env.py and versions/)."""
    return _find("migrations")


def resources_dir() -> Path:
    """Icons, translations, templates and the sample project."""
    return _find("resources")


def user_data_dir() -> Path:
    """Per-user writable folder (settings, logs, the built sample project); ``GUIJI_HOME`` overrides it."""
    override = os.environ.get("GUIJI_HOME")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home())) / "Guiji"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "Guiji"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "guiji"
    base.mkdir(parents=True, exist_ok=True)
    return base

"""Hatchling build hook: a wheel always carries the compiled Chinese translation.

The ``.qm`` file is generated (git-ignored), so a build from a fresh clone compiles it with
PySide6's ``lrelease`` when it is missing or older than the ``.ts`` source, and fails loudly
when it cannot: a wheel without it would silently show an English-only window.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _lrelease() -> str | None:
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        candidate = here / name
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lrelease")


class TranslationsHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if version == "editable":
            # A developer install (`make setup`) reads resources/ from the tree; the Makefile compiles the
            # .qm right after (its `$(QM)` target), once PySide6 (with lrelease) is installed.
            return
        i18n = Path(self.root) / "resources" / "i18n"
        for ts in sorted(i18n.glob("*.ts")):
            qm = ts.with_suffix(".qm")
            if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
                continue
            tool = _lrelease()
            if tool is None:
                raise RuntimeError(f"{qm} is missing and pyside6-lrelease was not found: run `make translations`")
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)

"""The Qt binding itself must not corrupt Python's reference counts.

PySide6-Essentials 6.12.0 on Python 3.11 dropped one reference to None per call of a Qt method that
returns nothing; after tens of thousands of calls (showing a long, densely coded transcript) Python
aborted with "none_dealloc". pyproject.toml pins below 6.12; this test fails on such a binding.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit


def test_void_qt_calls_keep_the_refcount_of_none(qapp) -> None:  # type: ignore[no-untyped-def]
    edit = QPlainTextEdit()
    fmt = QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        edit.setReadOnly(True)
        fmt.setFontUnderline(True)
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references in 40,000 calls"

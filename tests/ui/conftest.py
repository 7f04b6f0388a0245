"""Fixtures for driving the real main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from app.core import codebook, documents
from app.core.project import create_project
from app.ui.main_window import MainWindow

SOURCE = (
    "访谈者：您好𠮷😀！请谈谈项目。\r\n"
    "受访者：我们一起做增权赋能的工作。后来大家互助合作，压力小了很多。\r\n"
    "访谈者：还有呢？😀\r\n"
    "受访者：互助合作。\r\n"
)


def utf16(text: str, cp: int) -> int:
    """Independent reference for the Qt position of code point ``cp``."""
    return len(text[:cp].encode("utf-16-le")) // 2


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "ui.guiji"
    src = tmp_path / "访谈甲.txt"
    src.write_bytes(SOURCE.encode("utf-8"))
    with create_project(path) as project:
        documents.import_files(project, [src])
        codebook.create_code(project, "内生因素/增权赋能", color="#CC3311")
        codebook.create_code(project, "内生因素/互助合作", color="#0077BB")
    return path


@pytest.fixture
def window(qtbot, project_file: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow()
    qtbot.addWidget(win)
    win.tasks.inline = True
    win.sync_refresh = True
    win.open_project_path(project_file)
    assert win.controller is not None
    win.show()
    qtbot.waitExposed(win)
    return win


def select_in_view(win: MainWindow, start_cp: int, end_cp: int) -> None:
    text = win.document_view.text()
    cursor = QTextCursor(win.document_view.document())
    cursor.setPosition(utf16(text, start_cp))
    cursor.setPosition(utf16(text, end_cp), QTextCursor.MoveMode.KeepAnchor)
    win.document_view.setTextCursor(cursor)


def code_id(win: MainWindow, path: str) -> int:
    return next(c.id for c in win.codes_model.all_codes() if c.path == path)


def choose_code(win: MainWindow, path: str) -> None:
    win.codes_view.setCurrentIndex(win.codes_model.index_of(code_id(win, path)))

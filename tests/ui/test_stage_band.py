"""Issue 13: clicking a span in the stage band selects its text (code points exact after 𠮷/😀/\\r\\n),
so Ctrl+J or the text menu can then change or remove its stage."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.core import documents, stages
from app.core.project import create_project
from app.ui.main_window import MainWindow

TEXT = "访谈者：您好𠮷😀！\r\n受访者：我们一起做增权赋能的工作。\r\n后来大家互助合作，压力小了很多。\r\n"


def test_a_click_on_the_band_selects_the_span(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, source = tmp_path / "p.guiji", tmp_path / "访谈.txt"
    source.write_bytes(TEXT.encode("utf-8"))
    text = TEXT.replace("\r\n", "\n")
    start = text.index("受访者")
    end = text.index("后来")
    with create_project(path) as project:
        (doc,) = documents.import_files(project, [source])
        stage = stages.add_stage(project, "协调")
        stages.add_stage_span(project, doc.id, stage.id, start, end)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_project_path(path)
    window.show()
    qtbot.waitExposed(window)
    view = window.document_view
    qtbot.waitUntil(lambda: bool(view.visible_stage_bands()))
    (shown, rect), *_ = view.visible_stage_bands()
    assert shown.name == "协调"
    assert view.selection_range() is None
    qtbot.mouseClick(view.margin, Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selection_range() == (start, end)

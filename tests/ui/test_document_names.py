"""Issue 13: document names are cut in the middle, so two versions of one interview stay apart in a
narrow list; the full name is on hover."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.core import documents
from app.core.project import create_project
from app.ui.main_window import MainWindow


def test_long_names_are_elided_in_the_middle(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.guiji"
    names = [f"社区精神康复项目访谈_2023年5月12日_社工张老师_{version}" for version in ("第一版", "第二版")]
    sources = []
    for name in names:
        source = tmp_path / f"{name}.txt"
        source.write_text("受访者：我们一起做增权赋能的工作。\n", encoding="utf-8")
        sources.append(source)
    with create_project(path) as project:
        documents.import_files(project, sources)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_project_path(path)
    window.show()
    qtbot.waitExposed(window)
    view, model = window.documents_view, window.documents_model
    assert view.textElideMode() == Qt.TextElideMode.ElideMiddle
    width = 150  # a narrow documents dock
    shown = [view.fontMetrics().elidedText(model.index(r, 0).data(), view.textElideMode(), width)
             for r in range(2)]
    assert all("…" in s for s in shown) and shown[0] != shown[1]
    assert [model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole).splitlines()[0] for r in range(2)] == names

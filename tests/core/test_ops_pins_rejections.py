"""Pinning codes to number keys and rejecting suggestions are operations too (issue 12): one undo
step each, undone and redone exactly (a dump of every table compared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import codebook, documents
from app.core.errors import GuijiError
from app.core.nlp import rejections
from app.core.ops import codes as code_ops
from app.core.ops import codings as coding_ops
from app.core.project import create_project, open_project
from tests.dump import dump_tables


@pytest.fixture()
def project_path(tmp_path: Path) -> Path:
    source = tmp_path / "访谈.txt"
    source.write_text("受访者：我们一起做增权赋能的工作𠮷😀。\n", encoding="utf-8")
    path = tmp_path / "p.guiji"
    with create_project(path) as project:
        documents.import_files(project, [source])
        codebook.create_code(project, "增权赋能")
        codebook.create_code(project, "互助合作")
    return path


def test_pins_move_between_keys_and_undo(project_path: Path) -> None:
    with open_project(project_path) as project:
        first = code_ops.pin_code(project, "增权赋能", 1)
        ids = {c.path: c.id for c in codebook.list_codes(project)}
        assert code_ops.pins(project) == {ids["增权赋能"]: 1}
        before = dump_tables(project_path)
        second = code_ops.pin_code(project, "互助合作", 1)  # the key now holds the other code
        assert code_ops.pins(project) == {ids["互助合作"]: 1} == second.value
        after = dump_tables(project_path)
        second.undo()
        assert dump_tables(project_path) == before
        second.redo()
        assert dump_tables(project_path) == after
        assert first.action == "pin_code" and second.subject == "互助合作"
        with pytest.raises(GuijiError):
            code_ops.pin_code(project, "增权赋能", 10)
        assert dump_tables(project_path) == after


def test_a_rejection_undoes_and_redoes_under_its_id(project_path: Path) -> None:
    with open_project(project_path) as project:
        before = dump_tables(project_path)
        # Code points 10–16 are "增权赋能的工作"; 𠮷 and 😀 come after.
        done = coding_ops.reject_suggestion(project, document="访谈", code="增权赋能", start=10, end=17, coder="甲")
        after = dump_tables(project_path)
        assert [(r.start, r.end) for r in rejections.list_rejections(project)] == [(10, 17)]
        done.undo()
        assert dump_tables(project_path) == before
        done.redo()
        assert dump_tables(project_path) == after
        assert done.subject == "增权赋能" and done.changes.empty

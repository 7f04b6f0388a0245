"""The link operations (``app.core.ops.links``) that the process window and ``guiji links`` share:
each change undone and redone leaves every table exactly as before/after it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.core import codebook, coding, documents, stages
from app.core.ops import Done
from app.core.ops import links as link_ops
from app.core.process import links
from app.core.project import Project, create_project, open_project
from tests.dump import dump_tables

TEXT = "访谈者：您好𠮷😀！\r\n受访者：我们一起做增权赋能的工作。后来大家互助合作。\r\n"


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    source = tmp_path / "访谈.txt"
    source.write_bytes(TEXT.encode("utf-8"))
    path = tmp_path / "p.guiji"
    with create_project(path) as project:
        (doc,) = documents.import_files(project, [source])
        stages.add_stage(project, "扎根")
        codebook.create_code(project, "增权赋能")
        codebook.create_code(project, "互助合作")
        text = TEXT.replace("\r\n", "\n")
        for name in ("增权赋能", "互助合作"):
            at = text.index(name)
            coding.apply_coding(project, document_id=doc.id, code_id=_code_id(project, name), start=at,
                                end=at + 4, coder="甲")
    return path


def _code_id(project: Project, path: str) -> int:
    from app.core import lookup

    return lookup.code_id(project, path)


def _first_coding(project: Project) -> int:
    return coding.list_codings(project)[0].id


STEPS: dict[str, Callable[[Project], Done[object]]] = {
    "create": lambda p: link_ops.create_link(p, "增权赋能", "互助合作", source_stage="扎根", memo="因果",
                                             coder="甲"),
    "update": lambda p: link_ops.update_link(p, links.list_links(p)[0].id, relation="enables", memo="改"),
    "add_evidence": lambda p: link_ops.add_evidence(p, links.list_links(p)[0].id, _first_coding(p),
                                                    test="hoop", note="证据"),
    "update_evidence": lambda p: link_ops.update_evidence(p, links.list_links(p)[0].evidence[0].id,
                                                          test="smoking_gun", stance="contradicts"),
    "remove_evidence": lambda p: link_ops.remove_evidence(p, links.list_links(p)[0].evidence[0].id),
    "delete": lambda p: link_ops.delete_link(p, links.list_links(p)[0].id),
}


def test_each_link_operation_undoes_and_redoes_exactly(project_path: Path) -> None:
    with open_project(project_path) as project:
        for name, step in STEPS.items():
            before = dump_tables(project_path)
            operation = step(project)
            after = dump_tables(project_path)
            assert after != before, name
            assert operation.changes.links
            operation.undo()
            assert dump_tables(project_path) == before, f"undo of {name}"
            operation.redo()
            assert dump_tables(project_path) == after, f"redo of {name}"


def test_a_link_to_an_unknown_code_changes_nothing(project_path: Path) -> None:
    from app.core.errors import GuijiError

    before = dump_tables(project_path)
    with open_project(project_path) as project, pytest.raises(GuijiError, match="不存在的编码"):
        link_ops.create_link(project, "增权赋能", "不存在的编码")
    assert dump_tables(project_path) == before

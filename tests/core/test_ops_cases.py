"""The case and attribute operations (``app.core.ops.cases``) the cases tab and the attributes dialog
use: each one undone and redone leaves every table exactly as before/after it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.core import attributes, cases, documents
from app.core.errors import GuijiError
from app.core.ops import Done
from app.core.ops import cases as case_ops
from app.core.project import Project, create_project, open_project
from tests.dump import dump_tables

TEXT = "访谈者：您好𠮷😀！\r\n受访者：我们一起做增权赋能的工作。\r\n"


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    source = tmp_path / "访谈.txt"
    source.write_bytes(TEXT.encode("utf-8"))
    path = tmp_path / "p.guiji"
    with create_project(path) as project:
        documents.import_files(project, [source])
    return path


def _case(p: Project) -> int:
    return cases.list_cases(p)[0].id


def _attribute(p: Project) -> int:
    return attributes.list_attributes(p)[0].id


STEPS: dict[str, Callable[[Project], Done[object]]] = {
    "create_case": lambda p: case_ops.create_case(p, "社区甲"),
    "rename_case": lambda p: case_ops.rename_case(p, _case(p), "社区乙"),
    "case_documents": lambda p: case_ops.add_case_documents(p, _case(p), ["访谈"]),
    # After 𠮷 and 😀: code points 4–7 are "您好𠮷".
    "case_passage": lambda p: case_ops.add_case_passage(p, _case(p), "访谈", 4, 7),
    "define_attribute": lambda p: case_ops.define_attribute(p, "年龄", "number"),
    "set_attribute": lambda p: case_ops.set_attribute(p, "访谈", _attribute(p), "42"),
    "change_attribute": lambda p: case_ops.set_attribute(p, "访谈", _attribute(p), "43"),
    "clear_attribute": lambda p: case_ops.set_attribute(p, "访谈", _attribute(p), None),
    "delete_attribute": lambda p: case_ops.delete_attribute(p, _attribute(p)),
    "delete_case": lambda p: case_ops.delete_case(p, _case(p)),
}


def test_each_case_and_attribute_operation_undoes_and_redoes_exactly(project_path: Path) -> None:
    with open_project(project_path) as project:
        for name, step in STEPS.items():
            before = dump_tables(project_path)
            operation = step(project)
            after = dump_tables(project_path)
            assert after != before, name
            assert operation.changes.cases or operation.changes.attributes, name
            operation.undo()
            assert dump_tables(project_path) == before, f"undo of {name}"
            operation.redo()
            assert dump_tables(project_path) == after, f"redo of {name}"
        passage = None
        for step_name in ("create_case", "case_passage"):
            value = STEPS[step_name](project).value
            passage = value
        assert isinstance(passage, cases.CasePassageInfo)
        assert passage.text == "您好𠮷"


def test_a_bad_attribute_value_changes_nothing(project_path: Path) -> None:
    with open_project(project_path) as project:
        case_ops.define_attribute(project, "年龄", "number")
        before = dump_tables(project_path)
        with pytest.raises(GuijiError):
            case_ops.set_attribute(project, "访谈", _attribute(project), "四十二")
    assert dump_tables(project_path) == before

"""Issue 12: every entity that can be deleted comes back exactly when its operation is undone.

The operations of ``app.core.ops`` (what the window pushes on its undo stack) delete each entity of a
rich project; undo, redo and undo again are compared with a dump of every table. The window's own
routes are in tests/ui/test_delete_undo.py. ``guiji check`` runs on every project left.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.core import attributes, cases, codebook, coding, documents, memos, stages
from app.core.check import check_project
from app.core.ops import Done, entities
from app.core.ops import codes as code_ops
from app.core.ops import stages as stage_ops
from app.core.process import links
from app.core.project import create_project, open_project
from tests.dump import dump_tables

TEXT = "访谈者：您好𠮷😀！\r\n受访者：我们一起做增权赋能的工作。后来大家互助合作，压力小了很多。\r\n"
SECOND = "第二份访谈。受访者：社区互助合作很重要。\n"


def build(path: Path, tmp_path: Path) -> None:
    """Two documents with codings, stages and spans, a case with members and a passage, attributes,
    memos on the project, documents, codes and codings, a link with evidence, a rejection."""
    from app.core.nlp import rejections

    first, second = tmp_path / "访谈甲.txt", tmp_path / "访谈乙.txt"
    first.write_bytes(TEXT.encode("utf-8"))
    second.write_text(SECOND, encoding="utf-8")
    with create_project(path) as project:
        doc, doc2 = documents.import_files(project, [first, second])
        stage = stages.add_stage(project, "扎根")
        later = stages.add_stage(project, "协调")
        stages.add_stage_span(project, doc.id, stage.id, 0, 10)
        stages.set_document_stage(project, doc2.id, later.id)
        parent = codebook.create_code(project, "内生因素", color="#CC3311")
        child = codebook.create_code(project, "内生因素/增权赋能", color="#0077BB")
        other = codebook.create_code(project, "外部支持", color="#009988")
        text = TEXT.replace("\r\n", "\n")
        at = text.index("增权赋能")
        made = coding.apply_coding(project, document_id=doc.id, code_id=child.id, start=at, end=at + 4,
                                   coder="甲", memo="关键概念", stage_id=later.id)
        coding.apply_coding(project, document_id=doc.id, code_id=parent.id, start=5, end=7, coder="乙")
        coding.apply_coding(project, document_id=doc2.id, code_id=other.id, start=10, end=14, coder="甲")
        memos.set_code_memo(project, child.id, "赋能的备忘录")
        memos.set_document_memo(project, doc.id, "第一次访谈")
        memos.set_project_memo(project, "项目备忘录")
        link = links.create_link(project, child.id, other.id, memo="因果", source_stage_id=stage.id)
        links.add_evidence(project, link.id, made.id, note="证据")
        rejections.reject(project, document_id=doc.id, code_id=child.id, start=0, end=3, coder="甲")
        case = cases.create_case(project, "社区甲")
        cases.add_case_documents(project, case.id, [doc.id, doc2.id])
        cases.add_case_passage(project, case.id, doc.id, 3, 9)
        age = attributes.define_attribute(project, "年龄", "number")
        attributes.set_attribute(project, doc.id, age.id, "35")
        attributes.set_attribute(project, doc2.id, age.id, "52")
        attributes.define_attribute(project, "地点", "text")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    file = tmp_path / "全部.guiji"
    build(file, tmp_path)
    return file


# --- the operations the command line uses ------------------------------------------------------------

OPS: dict[str, Callable[[object], Done[object]]] = {
    "document": lambda p: entities.delete_document(p, "访谈甲"),  # type: ignore[arg-type]
    "code with children": lambda p: code_ops.delete_code(p, "内生因素"),  # type: ignore[arg-type]
    "stage": lambda p: stage_ops.delete_stage(p, "协调"),  # type: ignore[arg-type]
    "case": lambda p: entities.delete_case(p, 1),  # type: ignore[arg-type]
    "attribute": lambda p: entities.delete_attribute(p, 1),  # type: ignore[arg-type]
    "link": lambda p: entities.delete_link(p, 1),  # type: ignore[arg-type]
    "project memo": lambda p: entities.set_project_memo(p, ""),  # type: ignore[arg-type]
    "document memo": lambda p: entities.set_document_memo(p, "访谈甲", ""),  # type: ignore[arg-type]
    "code memo": lambda p: entities.set_code_memo(p, "内生因素/增权赋能", ""),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("entity", sorted(OPS))
def test_operation_delete_undo_redo(entity: str, path: Path) -> None:
    before = dump_tables(path)
    with open_project(path) as project:
        done = OPS[entity](project)
        after = dump_tables(path)
        assert after != before
        done.undo()
        assert dump_tables(path) == before
        done.redo()
        assert dump_tables(path) == after
        done.undo()
        assert dump_tables(path) == before
    assert check_project(path).ok

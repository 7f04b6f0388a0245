"""app.core.lookup: one get-or-raise, and name → id resolution shared by the CLI and the UI."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import lookup
from app.core.attributes import define_attribute
from app.core.cases import create_case
from app.core.codebook import create_code
from app.core.coding import apply_coding, get_coding, remove_coding
from app.core.db.models import Code, Document, Stage
from app.core.documents import import_files
from app.core.errors import NotFoundError
from app.core.memos import set_document_memo
from app.core.project import Project
from app.core.stages import add_stage


def _document(project: Project, tmp_path: Path, name: str, text: str) -> int:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    import_files(project, [path])
    return lookup.document_id(project, path.stem)


def test_get_or_raise_returns_the_row_or_a_coded_error(project: Project) -> None:
    code = create_code(project, "动机/经济")
    with project.read() as session:
        row = lookup.get_or_raise(session, Code, code.id, what="code")
        assert row.name == "经济"
        with pytest.raises(NotFoundError) as caught:
            lookup.get_or_raise(session, Document, 3, what="document")
        with pytest.raises(NotFoundError) as by_table:
            lookup.get_or_raise(session, Stage, 99)
    assert str(caught.value) == "no document with id 3"
    assert caught.value.code == "not_found"
    assert caught.value.params == {"what": "document", "id": 3}
    assert str(by_table.value) == "no stage with id 99"


def test_services_raise_the_same_english_message_with_a_code(project: Project, tmp_path: Path) -> None:
    doc = _document(project, tmp_path, "访谈𠮷.txt", "第一句。\r\n第二句🙂。")
    code = create_code(project, "a")
    coding = apply_coding(project, document_id=doc, code_id=code.id, start=0, end=3, coder="me")
    remove_coding(project, coding.id)
    for call, message, what in [
        (lambda: get_coding(project, coding.id), f"no coding with id {coding.id}", "coding"),
        (lambda: apply_coding(project, document_id=doc + 7, code_id=code.id, start=0, end=1, coder="me"),
         f"no document with id {doc + 7}", "document"),
        (lambda: apply_coding(project, document_id=doc, code_id=code.id + 5, start=0, end=1, coder="me"),
         f"no code with id {code.id + 5}", "code"),
        (lambda: set_document_memo(project, doc + 7, "x"), f"no document with id {doc + 7}", "document"),
    ]:
        with pytest.raises(NotFoundError) as caught:
            call()
        assert str(caught.value) == message
        assert caught.value.code == "not_found" and caught.value.params["what"] == what


def test_names_resolve_to_ids(project: Project, tmp_path: Path) -> None:
    first = _document(project, tmp_path, "甲.txt", "一二三")
    second = _document(project, tmp_path, "乙.txt", "四五六")
    code = create_code(project, "动机/经济")
    parent = lookup.code_id(project, "动机")
    stage = add_stage(project, "入职前")
    case = create_case(project, "张三")
    assert lookup.document_ids(project, ["乙", "甲"]) == [second, first]
    assert lookup.code_id(project, "动机/经济") == code.id != parent
    assert lookup.code_ids(project, ["动机", "动机/经济"]) == [parent, code.id]
    assert lookup.stage_id(project, "入职前") == stage.id
    assert lookup.optional_stage_id(project, None) is None
    assert lookup.optional_stage_id(project, "入职前") == stage.id
    attribute = define_attribute(project, "年龄", "number")
    assert lookup.case_ids(project, ["张三"]) == [case.id] == [lookup.case_id(project, "张三")]
    assert lookup.attribute_id(project, "年龄") == attribute.id


def test_ids_pass_through_and_mix_with_names(project: Project, tmp_path: Path) -> None:
    first = _document(project, tmp_path, "甲.txt", "一二三")
    second = _document(project, tmp_path, "3.txt", "四五六")  # a name that looks like an id stays a name
    stage = add_stage(project, "入职前")
    assert lookup.document_id(project, first) == first
    assert lookup.document_ids(project, [second, "甲"]) == [second, first]
    assert lookup.document_id(project, "3") == second
    assert lookup.stage_id(project, stage.id) == lookup.stage_id(project, "入职前") == stage.id
    assert lookup.optional_stage_id(project, "") is None


@pytest.mark.parametrize(("call", "message"), [
    (lambda p: lookup.document_id(p, "丙"), "no document named '丙' in this project"),
    (lambda p: lookup.code_id(p, "动机/社会"), "no code '动机/社会' in this project"),
    (lambda p: lookup.stage_id(p, "离职后"), "no stage named '离职后' in this project"),
    (lambda p: lookup.case_id(p, "李四"), "no case named '李四' in this project"),
    (lambda p: lookup.attribute_id(p, "年龄"), "no attribute named '年龄' in this project"),
])
def test_unknown_names_keep_the_cli_messages(project: Project, call, message: str) -> None:  # type: ignore[no-untyped-def]
    create_code(project, "动机/经济")
    with pytest.raises(NotFoundError) as caught:
        call(project)
    assert str(caught.value) == message


def test_coding_ids_at_a_range_filter_by_code_and_coder(project: Project, tmp_path: Path) -> None:
    doc = _document(project, tmp_path, "访谈.txt", "𠮷我们开始吧🙂")
    a, b = create_code(project, "a"), create_code(project, "b")
    one = apply_coding(project, document_id=doc, code_id=a.id, start=1, end=3, coder="王")
    two = apply_coding(project, document_id=doc, code_id=b.id, start=1, end=3, coder="李")
    apply_coding(project, document_id=doc, code_id=a.id, start=0, end=3, coder="王")
    assert sorted(lookup.coding_ids_at(project, "访谈", 1, 3)) == sorted([one.id, two.id])
    assert lookup.coding_ids_at(project, "访谈", 1, 3, code="b") == [two.id]
    assert lookup.coding_ids_at(project, "访谈", 1, 3, coders=["王"]) == [one.id]
    assert lookup.coding_ids_at(project, "访谈", 2, 3) == []

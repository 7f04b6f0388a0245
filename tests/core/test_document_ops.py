"""Deleting documents with exact undo, reordering, properties."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.core import attributes, cases, codebook, coding, document_ops, documents, memos, stages
from app.core.db import fts
from app.core.db.models import Base
from app.core.errors import NotFoundError, ValidationError
from app.core.search import search
from app.core.text import sha256_text

TEXT = "访谈者：您好𠮷😀！\n受访者：我们一起做增权赋能的工作。\n访谈者：还有呢？\n受访者：互助合作。\n"


def dump(project) -> dict[str, list[tuple[Any, ...]]]:  # type: ignore[no-untyped-def]
    with project.read() as session:
        return {t.name: sorted((tuple(r) for r in session.execute(select(t))), key=repr)
                for t in Base.metadata.sorted_tables}


@pytest.fixture
def rich(project):  # type: ignore[no-untyped-def]
    """A document with codings, stages, cases, attributes and a memo, beside another document."""
    doc = documents.add_text_document(project, "访谈甲", TEXT)
    other = documents.add_text_document(project, "访谈乙", "互助合作的故事")
    code = codebook.create_code(project, "内生/增权赋能")
    second = codebook.create_code(project, "互助")
    stage = stages.add_stage(project, "扎根")
    start = TEXT.index("增权赋能")
    coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=start, end=start + 4, coder="甲",
                        memo="核心", stage_id=stage.id)
    coding.apply_coding(project, document_id=doc.id, code_id=second.id, start=6, end=8, coder="乙")
    coding.apply_coding(project, document_id=other.id, code_id=second.id, start=0, end=4, coder="甲")
    stages.add_stage_span(project, doc.id, stage.id, 0, 10)
    stages.set_document_stage(project, doc.id, stage.id)
    case = cases.create_case(project, "社区甲")
    cases.add_case_documents(project, case.id, [doc.id, other.id])
    cases.add_case_passage(project, case.id, doc.id, 1, 3)
    age = attributes.define_attribute(project, "年龄", "number")
    attributes.set_attribute(project, doc.id, age.id, 42)
    memos.set_document_memo(project, doc.id, "第一次访谈")
    return doc


def test_snapshot_delete_restore_is_exact(project, rich) -> None:  # type: ignore[no-untyped-def]
    before = dump(project)
    codings_before = coding.list_codings(project)
    snapshot = document_ops.snapshot_document(project, rich.id)
    assert snapshot.coding_count == 2
    assert documents.delete_document(project, rich.id) == 2
    assert search(project, "增权赋能") == []
    restored = document_ops.restore_document(project, snapshot)
    assert restored == documents.get_document(project, rich.id)
    assert restored.sha256 == sha256_text(documents.document_text(project, rich.id)) == rich.sha256
    assert coding.list_codings(project) == codings_before
    assert dump(project) == before
    assert [h.document for h in search(project, "增权赋能")] == ["访谈甲"]
    with project.read() as session:
        assert fts.integrity_ok(session)
    with pytest.raises(ValidationError, match="already exists"):
        document_ops.restore_document(project, snapshot)


def test_delete_with_snapshot_in_one_step(project, rich) -> None:  # type: ignore[no-untyped-def]
    before = dump(project)
    snapshot = document_ops.delete_document_with_snapshot(project, rich.id)
    assert [d.name for d in documents.list_documents(project)] == ["访谈乙"]
    assert cases.list_cases(project)[0].documents == ("访谈乙",)
    documents.add_text_document(project, "访谈甲", "同名的新文档")
    with pytest.raises(ValidationError, match="named '访谈甲' already exists"):
        document_ops.restore_document(project, snapshot)
    documents.delete_document(project, documents.document_id_by_name(project, "访谈甲"))
    document_ops.restore_document(project, snapshot)
    assert dump(project) == before
    with pytest.raises(NotFoundError):
        document_ops.snapshot_document(project, 999)


def test_move_document(project) -> None:  # type: ignore[no-untyped-def]
    ids = [documents.add_text_document(project, n, "文本").id for n in ("一", "二", "三", "四")]
    assert document_ops.move_document(project, ids[3], 1) == 3
    assert [d.name for d in documents.list_documents(project)] == ["一", "四", "二", "三"]
    assert document_ops.move_document(project, ids[3], 3) == 1  # undo
    assert [d.name for d in documents.list_documents(project)] == ["一", "二", "三", "四"]
    document_ops.move_document(project, ids[0], 99)
    assert [d.name for d in documents.list_documents(project)] == ["二", "三", "四", "一"]
    assert [d.name for d in documents.list_documents(project)] == [
        d.name for d in sorted(documents.list_documents(project), key=lambda d: d.position)]
    with pytest.raises(NotFoundError):
        document_ops.move_document(project, 999, 0)


def test_document_properties(project, rich, tmp_path) -> None:  # type: ignore[no-untyped-def]
    props = document_ops.document_properties(project, rich.id)
    assert (props.name, props.characters, props.sentences, props.codings) == ("访谈甲", len(TEXT), 4, 2)
    # 访谈者: "您好𠮷😀！" (5) + "还有呢？" (4); 受访者: "我们一起做增权赋能的工作。" (13) + "互助合作。" (5).
    assert props.speakers == (
        document_ops.SpeakerStats("访谈者", 2, 9), document_ops.SpeakerStats("受访者", 2, 18))
    assert (props.source_format, props.memo, props.sha256) == ("txt", "第一次访谈", rich.sha256)
    path = tmp_path / "访谈丙.txt"
    path.write_bytes("甲：你好。\r\n乙：好。".encode("gb18030"))
    [imported] = documents.import_files(project, [path])
    props = document_ops.document_properties(project, imported.id)
    assert (props.source_name, props.source_encoding, props.characters) == ("访谈丙.txt", "gb18030", 10)
    assert [s.speaker for s in props.speakers] == ["甲", "乙"]

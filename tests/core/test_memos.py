"""Memos on the project, documents, codes and codings, and the memo list."""

from __future__ import annotations

import pytest

from app.core import codebook, coding, documents, memos
from app.core.errors import NotFoundError


def test_setters_return_the_previous_memo(project) -> None:  # type: ignore[no-untyped-def]
    doc = documents.add_text_document(project, "访谈", "社区𠮷居民增权赋能")
    code = codebook.create_code(project, "内生/增权赋能")
    assert memos.project_memo(project) == ""
    assert memos.set_project_memo(project, "项目备忘") == ""
    assert memos.set_project_memo(project, "新的") == "项目备忘"
    assert memos.project_memo(project) == "新的"
    assert memos.set_document_memo(project, doc.id, "文档备忘") == ""
    assert memos.set_document_memo(project, doc.id, "") == "文档备忘"
    assert memos.document_memo(project, doc.id) == ""
    assert memos.set_code_memo(project, code.id, "代码备忘") == ""
    assert memos.code_memo(project, code.id) == "代码备忘"
    with pytest.raises(NotFoundError):
        memos.set_document_memo(project, 999, "x")
    with pytest.raises(NotFoundError):
        memos.set_code_memo(project, 999, "x")
    with pytest.raises(NotFoundError):
        memos.code_memo(project, 999)


def test_list_and_filter_memos(project) -> None:  # type: ignore[no-untyped-def]
    doc = documents.add_text_document(project, "访谈", "社区𠮷居民增权赋能")
    other = documents.add_text_document(project, "空", "没有备忘")
    code = codebook.create_code(project, "内生/增权赋能")
    codebook.create_code(project, "外部")
    made = coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=5, end=9, coder="甲",
                               memo="Key passage 关键")
    coding.apply_coding(project, document_id=other.id, code_id=code.id, start=0, end=2, coder="甲")
    memos.set_project_memo(project, "研究问题")
    memos.set_document_memo(project, doc.id, "第一次访谈")
    memos.set_code_memo(project, code.id, "核心概念 key")
    listed = memos.list_memos(project)
    assert [(m.kind, m.owner_id, m.title, m.text) for m in listed] == [
        ("project", 0, "test", "研究问题"),
        ("document", doc.id, "访谈", "第一次访谈"),
        ("code", code.id, "内生/增权赋能", "核心概念 key"),
        ("coding", made.id, "访谈 5–9 内生/增权赋能", "Key passage 关键"),
    ]
    assert (listed[3].document_id, listed[3].start, listed[3].end) == (doc.id, 5, 9)
    assert [m.kind for m in memos.list_memos(project, "KEY")] == ["code", "coding"]
    assert [m.kind for m in memos.list_memos(project, "访谈")] == ["document", "coding"]
    assert memos.list_memos(project, "不存在") == []
    assert len(memos.list_memos(project, "")) == 4

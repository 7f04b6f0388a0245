"""Editing a document's text after coding: codings, stage spans and passages stay on their words;
undo and redo are exact; the document history records every change."""

from __future__ import annotations

import random
from typing import Any

import pytest
from sqlalchemy import select

from app.core import cases, codebook, coding, documents, editing, stages
from app.core.check import check_project
from app.core.db import fts
from app.core.db.models import Base
from app.core.errors import NotFoundError, ValidationError
from app.core.splice import Splice
from app.core.text import sha256_text
from tests.core.position_model import model

TEXT = (
    "访谈者：您好𠮷😀！\r\n受访者：我们一起做增权赋能😀的工作。\r\n"
    "访谈者：还有呢？\r\n受访者：互助合作𠮷。\r\n"
)


def dump(project: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the whole content of the project)."""
    with project.read() as session:
        return {
            t.name: sorted((tuple(r) for r in session.execute(select(t))), key=repr)
            for t in Base.metadata.sorted_tables
        }


def words(project: Any, document_id: int | None = None) -> dict[int, str]:
    """Each coding's text, by id (what `guiji codings --json` shows)."""
    return {c.id: c.text for c in coding.list_codings(project, document_id=document_id)}


@pytest.fixture
def doc(project: Any) -> documents.DocumentInfo:
    return documents.add_text_document(project, "访谈甲", TEXT)


def code_at(
    project: Any, doc_id: int, quote: str, code: str = "策略/增权赋能", nth: int = 0
) -> coding.CodingInfo:
    text = documents.document_text(project, doc_id)
    at = -1
    for _ in range(nth + 1):
        at = text.index(quote, at + 1)
    code_id = (
        codebook.create_code(project, code).id if not _has_code(project, code) else _code_id(project, code)
    )
    return coding.apply_coding(
        project, document_id=doc_id, code_id=code_id, start=at, end=at + len(quote), coder="甲"
    )


def _has_code(project: Any, path: str) -> bool:
    return any(c.path == path for c in codebook.list_codes(project))


def _code_id(project: Any, path: str) -> int:
    return next(c.id for c in codebook.list_codes(project) if c.path == path)


def test_an_edit_keeps_every_coding_on_its_words(project: Any, doc: documents.DocumentInfo) -> None:
    before_edit = code_at(project, doc.id, "您好𠮷😀")  # wholly before the edit
    containing = code_at(project, doc.id, "我们一起做增权赋能😀的工作")  # contains the edit
    after = code_at(project, doc.id, "互助合作𠮷")  # wholly after it
    text = documents.document_text(project, doc.id)
    start = text.index("增权赋能😀")
    change = editing.edit_text(project, doc.id, start, start + 5, "赋权增能𠮷😀😀", coder="甲")

    now = words(project)
    assert now[before_edit.id] == "您好𠮷😀"
    assert now[after.id] == "互助合作𠮷"
    assert now[containing.id] == "我们一起做赋权增能𠮷😀😀的工作"
    assert change.removed == ()
    new_text = documents.document_text(project, doc.id)
    info = documents.get_document(project, doc.id)
    assert info.sha256 == sha256_text(new_text)
    assert info.length == len(new_text)
    assert check_project(project.path).ok


def test_a_shrinking_edit_and_a_deletion_inside_a_coding(project: Any, doc: documents.DocumentInfo) -> None:
    containing = code_at(project, doc.id, "我们一起做增权赋能😀的工作")
    text = documents.document_text(project, doc.id)
    start = text.index("一起做")
    editing.edit_text(project, doc.id, start, start + 3, "", coder="甲")
    assert words(project)[containing.id] == "我们增权赋能😀的工作"


def test_codings_whose_words_are_deleted_are_removed_and_undo_brings_them_back(
    project: Any, doc: documents.DocumentInfo
) -> None:
    gone = code_at(project, doc.id, "增权赋能")
    tail = code_at(project, doc.id, "还有呢？", code="其他")
    stage = stages.add_stage(project, "扎根")
    text = documents.document_text(project, doc.id)
    span_start = text.index("还有呢")
    stages.add_stage_span(project, doc.id, stage.id, span_start, span_start + 3)
    case = cases.create_case(project, "社区甲")
    cases.add_case_passage(project, case.id, doc.id, text.index("受访者"), text.index("受访者") + 3)
    before = dump(project)

    start = text.index("做增权赋能")
    end = text.index("还有呢") + 3
    change = editing.edit_text(project, doc.id, start, end, "🙂", coder="甲")
    assert {(r.table, r.text) for r in change.removed} == {("coding", "增权赋能"), ("stage_span", "还有呢")}
    assert [r.id for r in change.removed_of("coding")] == [gone.id]
    assert words(project)[tail.id] == "🙂？"  # started inside the edit: now starts at the new text
    assert check_project(project.path).ok

    editing.undo_change(project, change)
    assert dump(project) == before
    with project.read() as session:
        assert fts.integrity_ok(session)
    editing.redo_change(project, change)
    editing.undo_change(project, change)
    assert dump(project) == before


def test_redo_gives_exactly_the_state_after_the_edit(project: Any, doc: documents.DocumentInfo) -> None:
    code_at(project, doc.id, "增权赋能")
    code_at(project, doc.id, "我们一起")
    change = editing.edit_text(project, doc.id, 3, 12, "𠮷\r\n", coder="甲")
    after = dump(project)
    assert "\r" not in documents.document_text(project, doc.id)
    editing.undo_change(project, change)
    editing.redo_change(project, change)
    assert dump(project) == after


def test_stage_spans_and_case_passages_follow_the_text(project: Any, doc: documents.DocumentInfo) -> None:
    text = documents.document_text(project, doc.id)
    stage = stages.add_stage(project, "扎根")
    a = text.index("受访者：我们")
    stages.add_stage_span(project, doc.id, stage.id, a, a + 12)
    case = cases.create_case(project, "社区甲")
    b = text.index("互助合作")
    cases.add_case_passage(project, case.id, doc.id, b, b + 5)
    editing.edit_text(project, doc.id, 0, 0, "前言😀\n", coder="甲")
    new = documents.document_text(project, doc.id)
    [span] = stages.list_stage_spans(project, doc.id)
    assert new[span.start : span.end] == text[a : a + 12]
    [passage] = cases.get_case(project, case.id).passages
    assert passage.text == new[passage.start : passage.end] == "互助合作𠮷"


def test_an_undo_is_refused_when_the_text_changed_since(project: Any, doc: documents.DocumentInfo) -> None:
    first = editing.edit_text(project, doc.id, 0, 3, "问", coder="甲")
    editing.edit_text(project, doc.id, 0, 1, "答", coder="甲")
    before = dump(project)
    with pytest.raises(ValidationError, match="访谈甲: the text has changed since"):
        editing.undo_change(project, first)
    assert dump(project) == before


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 3), (0, 10_000)])
def test_a_bad_range_is_refused_and_nothing_changes(
    project: Any, doc: documents.DocumentInfo, start: int, end: int
) -> None:
    before = dump(project)
    with pytest.raises(ValidationError, match="访谈甲: the range"):
        editing.edit_text(project, doc.id, start, end, "x", coder="甲")
    assert dump(project) == before


def test_unknown_document_and_no_op_edits_are_refused(project: Any, doc: documents.DocumentInfo) -> None:
    with pytest.raises(NotFoundError):
        editing.edit_text(project, 999, 0, 1, "x", coder="甲")
    with pytest.raises(ValidationError, match="same as the old"):
        editing.edit_text(project, doc.id, 0, 3, TEXT[:3], coder="甲")


def test_the_history_records_who_when_and_what(project: Any, doc: documents.DocumentInfo) -> None:
    editing.edit_text(project, doc.id, 0, 3, "问", coder="甲", note="typo")
    change = editing.replace_text(project, "受访者", "答", coder="乙")
    history = editing.document_history(project, doc.id)
    assert [(h.kind, h.coder, h.start, h.end, h.old_text, h.new_text, h.hits) for h in history] == [
        ("edit", "甲", 0, 3, "访谈者", "问", 1),
        ("replace", "乙", None, None, "受访者", "答", 2),
    ]
    assert history[0].note == "typo"
    assert history[0].at <= history[1].at
    editing.undo_change(project, change)
    assert [h.kind for h in editing.document_history(project)] == ["edit"]


def test_a_later_position_table_is_one_line_in_the_registry() -> None:
    assert [(t.table, t.document_column, t.start_column, t.end_column) for t in editing.POSITION_TABLES][
        :3
    ] == [
        ("coding", "document_id", "start", "end"),
        ("stage_span", "document_id", "start", "end"),
        ("case_passage", "document_id", "start", "end"),
    ]
    assert editing.register_position_table("coding") in editing.POSITION_TABLES
    assert len([t for t in editing.POSITION_TABLES if t.table == "coding"]) == 1
    with pytest.raises(ValueError, match="no table"):
        editing.register_position_table("no_such_table")


# --------------------------------------------------------------------------- find and replace


def _three_documents_with_200_codings(project: Any) -> list[documents.DocumentInfo]:
    rng = random.Random(7)
    pieces = ["刘卫东", "说", "社区", "𠮷", "😀", "\n", "我们", "刘卫", "东", "活动", "。"]
    docs = []
    code = codebook.create_code(project, "编码")
    for n in range(3):
        text = "".join(rng.choice(pieces) for _ in range(400))
        info = documents.add_text_document(project, f"访谈{n}", text)
        docs.append(info)
    items = []
    for i in range(200):
        info = docs[i % 3]
        a = rng.randrange(0, info.length - 1)
        b = rng.randrange(a + 1, min(info.length, a + 30) + 1)
        items.append(coding.NewCoding(info.id, code.id, a, b, "甲"))
    coding.apply_codings(project, items)
    return docs


def test_replace_across_three_documents_keeps_every_coding_on_its_words(project: Any) -> None:
    docs = _three_documents_with_200_codings(project)
    texts = {d.id: documents.document_text(project, d.id) for d in docs}
    spans = {
        d.id: [(c.id, c.start, c.end) for c in coding.list_codings(project, document_id=d.id)] for d in docs
    }
    before = dump(project)

    preview = editing.preview_replace(project, "刘卫东", "受访者A")
    expected_hits = [(d.id, s, e) for d in docs for s, e in editing.find_exact(texts[d.id], "刘卫东")]
    assert [(h.document_id, h.start, h.end) for h in preview.hits] == expected_hits
    assert all(h.context[h.context_offset : h.context_offset + 3] == "刘卫东" for h in preview.hits)
    assert dump(project) == before  # the preview changed nothing

    change = editing.replace_text(project, "刘卫东", "受访者A", coder="甲")
    assert change.hits == len(expected_hits) > 50
    assert {(r.table, r.id) for r in change.removed} == {(r.table, r.id) for r in preview.would_remove}
    now = {c.id: c for c in coding.list_codings(project)}
    for d in docs:
        splices = [Splice(s, e, "受访者A") for _doc, s, e in expected_hits if _doc == d.id]
        new_text, mapped = model(texts[d.id], [(a, b) for _i, a, b in spans[d.id]], splices)
        assert documents.document_text(project, d.id) == new_text
        for (coding_id, _a, _b), target in zip(spans[d.id], mapped, strict=True):
            if target is None:
                assert coding_id not in now
            else:
                assert (now[coding_id].start, now[coding_id].end) == target
                assert now[coding_id].text == new_text[target[0] : target[1]]
    assert all("刘卫东" not in documents.document_text(project, d.id) for d in docs)
    assert check_project(project.path).ok

    editing.undo_change(project, change)
    assert dump(project) == before


def test_replace_in_one_document_only_and_refusals(project: Any) -> None:
    a = documents.add_text_document(project, "甲", "刘卫东和刘卫东")
    b = documents.add_text_document(project, "乙", "刘卫东")
    change = editing.replace_text(project, "刘卫东", "A", coder="甲", document_ids=[b.id])
    assert change.document_ids == [b.id]
    assert documents.document_text(project, a.id) == "刘卫东和刘卫东"
    assert documents.document_text(project, b.id) == "A"
    assert editing.replace_text(project, "不存在", "x", coder="甲").documents == ()
    with pytest.raises(ValidationError, match="empty"):
        editing.preview_replace(project, "", "x")
    with pytest.raises(ValidationError, match="by itself"):
        editing.replace_text(project, "A", "A", coder="甲")
    with pytest.raises(NotFoundError):
        editing.replace_text(project, "A", "B", coder="甲", document_ids=[999])


def test_replace_is_case_sensitive_and_literal(project: Any) -> None:
    d = documents.add_text_document(project, "甲", "Li li LI (.*) 哈哈哈")
    editing.replace_text(project, "Li", "X", coder="甲")
    editing.replace_text(project, "(.*)", "Y", coder="甲")
    editing.replace_text(project, "哈哈", "呵", coder="甲")
    assert documents.document_text(project, d.id) == "X li LI Y 呵哈"


def test_rejected_suggestions_follow_their_words(project: Any, doc: documents.DocumentInfo) -> None:
    from app.core.db.models import SuggestionRejection

    code = codebook.create_code(project, "编码")
    text = documents.document_text(project, doc.id)
    a = text.index("互助合作")
    with project.write() as session:
        session.add(SuggestionRejection(document_id=doc.id, code_id=code.id, start=a, end=a + 4, coder="甲"))
    editing.edit_text(project, doc.id, 0, 0, "😀😀", coder="甲")
    with project.read() as session:
        start, end = session.execute(select(SuggestionRejection.start, SuggestionRejection.end)).one()
    assert documents.document_text(project, doc.id)[start:end] == "互助合作"


def test_preview_edit_changes_nothing_and_tells_what_would_go(
    project: Any, doc: documents.DocumentInfo
) -> None:
    gone = code_at(project, doc.id, "增权赋能")
    text = documents.document_text(project, doc.id)
    start = text.index("做增权赋能")
    before = dump(project)
    moved, removed = editing.preview_edit(project, doc.id, start, start + 6, "")
    assert [r.id for r in removed] == [gone.id]
    assert moved == []
    assert dump(project) == before

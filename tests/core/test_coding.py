"""Codes and codings through the services: positions in code points, validation, effective stages."""

from __future__ import annotations

import pytest

from app.core import codebook, coding, documents, stages
from app.core.errors import NotFoundError, ValidationError
from app.core.info import project_info

TEXT = "开头𠮷😀第一句。\r\n社区居民增权赋能，互助合作！\r\n结尾"


@pytest.fixture
def doc(project):  # type: ignore[no-untyped-def]
    return documents.add_text_document(project, "访谈一", TEXT)


def test_text_is_normalised_and_counted_in_code_points(project, doc) -> None:  # type: ignore[no-untyped-def]
    stored = documents.document_text(project, doc.id)
    assert "\r" not in stored
    assert stored == TEXT.replace("\r\n", "\n")
    assert doc.length == len(stored)
    assert project_info(project).characters == len(stored)


def test_coding_after_astral_characters_returns_the_intended_text(project, doc) -> None:  # type: ignore[no-untyped-def]
    stored = documents.document_text(project, doc.id)
    code = codebook.create_code(project, "内生因素/增权赋能")
    start = stored.index("增权赋能")
    made = coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=start, end=start + 4,
                               coder="甲")
    assert made.text == "增权赋能"
    [listed] = coding.list_codings(project)
    assert (listed.start, listed.end, listed.text, listed.code, listed.coder) == (start, start + 4, "增权赋能",
                                                                                  "内生因素/增权赋能", "甲")
    emoji = coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=2, end=4, coder="甲")
    assert emoji.text == "𠮷😀"


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (3, 3), (5, 2), (0, 10_000)])
def test_impossible_positions_are_refused(project, doc, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    code = codebook.create_code(project, "甲")
    with pytest.raises(ValidationError, match="访谈一: the range"):
        coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=start, end=end, coder="x")
    assert coding.list_codings(project) == []


def test_overlapping_codings_are_allowed(project, doc) -> None:  # type: ignore[no-untyped-def]
    a = codebook.create_code(project, "A")
    b = codebook.create_code(project, "B")
    coding.apply_coding(project, document_id=doc.id, code_id=a.id, start=0, end=8, coder="x")
    coding.apply_coding(project, document_id=doc.id, code_id=b.id, start=4, end=12, coder="x")
    coding.apply_coding(project, document_id=doc.id, code_id=a.id, start=0, end=8, coder="y")
    assert len(coding.list_codings(project)) == 3
    assert [c.codings for c in codebook.list_codes(project)] == [2, 1]


def test_remove_and_recreate_keeps_the_coding(project, doc) -> None:  # type: ignore[no-untyped-def]
    code = codebook.create_code(project, "A")
    made = coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=1, end=5, coder="x", memo="m")
    removed = coding.remove_coding(project, made.id)
    assert coding.list_codings(project) == []
    coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=removed.start, end=removed.end,
                        coder=removed.coder, memo=removed.memo, coding_id=removed.id, created_at=removed.created_at)
    assert coding.list_codings(project) == [made]
    with pytest.raises(NotFoundError):
        coding.remove_coding(project, 9999)


def test_code_tree_paths_and_parents(project) -> None:  # type: ignore[no-untyped-def]
    codebook.create_code(project, "维度/范畴/概念", color="#112233")
    codes = codebook.list_codes(project)
    assert [c.path for c in codes] == ["维度", "维度/范畴", "维度/范畴/概念"]
    assert codes[2].color == "#112233"
    with pytest.raises(ValidationError, match="already exists"):
        codebook.create_code(project, "维度/范畴/概念")
    with pytest.raises(ValidationError, match="#RRGGBB"):
        codebook.create_code(project, "x", color="red")
    with pytest.raises(ValidationError, match="not a code path"):
        codebook.create_code(project, "a//b")


def test_rename_move_delete_codes(project, doc) -> None:  # type: ignore[no-untyped-def]
    leaf = codebook.create_code(project, "A/leaf")
    other = codebook.create_code(project, "B")
    coding.apply_coding(project, document_id=doc.id, code_id=leaf.id, start=0, end=3, coder="x")
    codebook.rename_code(project, leaf.id, "叶")
    moved = codebook.move_code(project, leaf.id, other.id)
    assert moved.path == "B/叶"
    with pytest.raises(ValidationError, match="into itself"):
        codebook.move_code(project, other.id, leaf.id)
    assert [c.code for c in coding.list_codings(project)] == ["B/叶"]
    assert codebook.delete_code(project, other.id) == 1
    assert [c.path for c in codebook.list_codes(project)] == ["A"]
    assert coding.list_codings(project) == []


def test_effective_stage_precedence(project, doc) -> None:  # type: ignore[no-untyped-def]
    first = stages.add_stage(project, "扎根")
    second = stages.add_stage(project, "协调")
    third = stages.add_stage(project, "共生")
    code = codebook.create_code(project, "A")
    stages.set_document_stage(project, doc.id, third.id)
    stages.add_stage_span(project, doc.id, first.id, 0, 10)
    stages.add_stage_span(project, doc.id, second.id, 10, 20)
    own = coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=0, end=3, coder="x",
                              stage_id=second.id)
    in_span = coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=1, end=4, coder="x")
    straddles = coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=8, end=15, coder="x")
    outside = coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=21, end=24, coder="x")
    assert (own.stage, in_span.stage, straddles.stage, outside.stage) == ("协调", "扎根", "协调", "共生")
    assert [s.name for s in stages.list_stages(project)] == ["扎根", "协调", "共生"]
    stages.add_stage(project, "萌芽", after="扎根")
    assert [s.name for s in stages.list_stages(project)] == ["扎根", "萌芽", "协调", "共生"]


def test_restore_and_delete_coding_for_undo(project, doc) -> None:  # type: ignore[no-untyped-def]
    code = codebook.create_code(project, "A")
    made = coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=2, end=4, coder="x", memo="m")
    coding.delete_coding(project, made.id)
    assert coding.list_codings(project) == []
    coding.restore_coding(project, made)
    assert coding.list_codings(project) == [made]
    with pytest.raises(NotFoundError):
        coding.delete_coding(project, 12345)

"""Merging codes and deleting them with exact undo; coding edits and batches."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, update

from app.core import code_ops, codebook, coding, documents, stages
from app.core.db.models import Base, Code, Coding
from app.core.errors import NotFoundError, ValidationError

TEXT = "开头𠮷😀社区居民增权赋能，互助合作。\n第二行：压力很大。"


def dump(project) -> dict[str, list[tuple[Any, ...]]]:  # type: ignore[no-untyped-def]
    """Every row of every model table, sorted: equal dumps mean identical projects."""
    with project.read() as session:
        return {
            t.name: sorted((tuple(r) for r in session.execute(select(t))), key=repr)
            for t in Base.metadata.sorted_tables
        }


@pytest.fixture
def doc(project):  # type: ignore[no-untyped-def]
    return documents.add_text_document(project, "访谈", TEXT)


def code_at(project, doc, code_id: int, start: int, end: int, **kw: Any):  # type: ignore[no-untyped-def]
    kw.setdefault("coder", "甲")
    return coding.apply_coding(project, document_id=doc.id, code_id=code_id, start=start, end=end, **kw)


def test_snapshot_delete_restore_is_exact(project, doc) -> None:  # type: ignore[no-untyped-def]
    stage = stages.add_stage(project, "扎根")
    root = codebook.create_code(project, "内生因素", description="定义")
    child = codebook.create_code(project, "内生因素/增权赋能", color="#112233")
    grandchild = codebook.create_code(project, "内生因素/增权赋能/自我效能")
    other = codebook.create_code(project, "外部支持")
    with project.write() as session:
        session.execute(update(Code).where(Code.id == child.id).values(
            memo="备忘", short_definition="短", keywords="赋能\n增权", level="category"))
    code_at(project, doc, root.id, 0, 4, memo="m1")
    code_at(project, doc, child.id, 2, 8, coder="乙", stage_id=stage.id)
    code_at(project, doc, grandchild.id, 3, 5)
    code_at(project, doc, other.id, 0, 4)
    with project.write() as session:
        session.execute(update(Coding).where(Coding.code_id == child.id).values(exemplar=True))
    before = dump(project)
    codings_before = coding.list_codings(project)

    snapshot = code_ops.snapshot_code(project, root.id)
    assert snapshot.code_ids == (root.id, child.id, grandchild.id)
    assert snapshot.coding_count == 3
    assert snapshot.path == "内生因素"
    assert codebook.delete_code(project, root.id) == 3
    assert [c.path for c in codebook.list_codes(project)] == ["外部支持"]

    restored = code_ops.restore_code(project, snapshot)
    assert restored.path == "内生因素"
    assert coding.list_codings(project) == codings_before
    assert dump(project) == before
    with pytest.raises(ValidationError, match="already exists"):
        code_ops.restore_code(project, snapshot)


def test_restore_is_refused_when_the_place_is_taken(project, doc) -> None:  # type: ignore[no-untyped-def]
    parent = codebook.create_code(project, "A")
    leaf = codebook.create_code(project, "A/叶")
    snapshot = code_ops.snapshot_code(project, leaf.id)
    codebook.delete_code(project, leaf.id)
    taker = codebook.create_code(project, "B")  # takes the freed id (SQLite reuses the highest)
    codebook.create_code(project, "A/叶")
    codebook.delete_code(project, taker.id)
    with pytest.raises(ValidationError, match="already exists there"):
        code_ops.restore_code(project, snapshot)
    codebook.delete_code(project, parent.id)
    with pytest.raises(NotFoundError, match="parent"):
        code_ops.restore_code(project, snapshot)
    with pytest.raises(NotFoundError):
        code_ops.snapshot_code(project, 999)


def test_merge_moves_codings_drops_duplicates_and_undoes_exactly(project, doc) -> None:  # type: ignore[no-untyped-def]
    target = codebook.create_code(project, "增权赋能")
    target_x = codebook.create_code(project, "增权赋能/X")
    source = codebook.create_code(project, "赋权")
    source_x = codebook.create_code(project, "赋权/X")
    source_y = codebook.create_code(project, "赋权/Y")
    with project.write() as session:
        session.execute(update(Code).where(Code.id == source.id).values(memo="源备忘", keywords="赋权"))
    kept = code_at(project, doc, target.id, 0, 3, memo="目标的")
    duplicate = code_at(project, doc, source.id, 0, 3, memo="来源的")  # same document, range and coder
    moved = code_at(project, doc, source.id, 4, 6)
    other_coder = code_at(project, doc, source.id, 0, 3, coder="乙")
    code_at(project, doc, source_x.id, 1, 2)
    before = dump(project)
    codings_before = coding.list_codings(project)
    codes_before = codebook.list_codes(project)

    record = code_ops.merge_codes(project, source.id, target.id)
    assert record.moved_coding_ids == (moved.id, other_coder.id)
    assert record.dropped_count == 1
    assert [c.new_name for c in record.children] == ["X (2)", "Y"]
    assert [c.path for c in codebook.list_codes(project)] == [
        "增权赋能", "增权赋能/X", "增权赋能/X (2)", "增权赋能/Y"]
    after = {c.id: c for c in coding.list_codings(project)}
    assert duplicate.id not in after
    assert after[kept.id].memo == "目标的\n\n来源的"
    assert (after[moved.id].code, after[other_coder.id].code) == ("增权赋能", "增权赋能")
    assert sorted((c.start, c.end, c.coder) for c in after.values() if c.code == "增权赋能") == [
        (0, 3, "乙"), (0, 3, "甲"), (4, 6, "甲")]
    assert target_x.id in {c.id for c in codebook.list_codes(project)}
    assert source_y.id in {c.id for c in codebook.list_codes(project)}

    back = code_ops.unmerge(project, record)
    assert back.path == "赋权"
    assert coding.list_codings(project) == codings_before
    assert codebook.list_codes(project) == codes_before
    assert dump(project) == before


def test_merge_into_a_parent_and_refusals(project, doc) -> None:  # type: ignore[no-untyped-def]
    parent = codebook.create_code(project, "P")
    child = codebook.create_code(project, "P/C")
    grandchild = codebook.create_code(project, "P/C/G")
    code_at(project, doc, child.id, 0, 2)
    before = dump(project)
    record = code_ops.merge_codes(project, child.id, parent.id)
    assert [c.path for c in codebook.list_codes(project)] == ["P", "P/G"]
    assert [c.code for c in coding.list_codings(project)] == ["P"]
    code_ops.unmerge(project, record)
    assert dump(project) == before
    with pytest.raises(ValidationError, match="into itself"):
        code_ops.merge_codes(project, parent.id, parent.id)
    with pytest.raises(ValidationError, match="own subcodes"):
        code_ops.merge_codes(project, parent.id, grandchild.id)
    with pytest.raises(NotFoundError):
        code_ops.merge_codes(project, parent.id, 999)
    assert dump(project) == before


def test_update_span_and_code_of_a_coding(project, doc) -> None:  # type: ignore[no-untyped-def]
    a = codebook.create_code(project, "A")
    b = codebook.create_code(project, "B")
    made = code_at(project, doc, a.id, 0, 2)
    old, new = coding.update_coding_span(project, made.id, 2, 4)
    assert (old.start, old.end, old.text) == (0, 2, "开头")
    assert (new.start, new.end, new.text) == (2, 4, "𠮷😀")
    with pytest.raises(ValidationError, match="访谈: the range"):
        coding.update_coding_span(project, made.id, 4, 4)
    with pytest.raises(ValidationError):
        coding.update_coding_span(project, made.id, 0, len(TEXT) + 1)
    assert coding.get_coding(project, made.id) == new
    old, new = coding.set_coding_code(project, made.id, b.id)
    assert (old.code, new.code) == ("A", "B")
    with pytest.raises(NotFoundError):
        coding.set_coding_code(project, made.id, 999)
    with pytest.raises(NotFoundError):
        coding.update_coding_span(project, 999, 0, 1)


def test_apply_and_remove_codings_in_one_step(project, doc) -> None:  # type: ignore[no-untyped-def]
    code = codebook.create_code(project, "A")
    items = [coding.NewCoding(doc.id, code.id, s, s + 2, "甲") for s in (0, 4, 8)]
    made = coding.apply_codings(project, items)
    assert [(c.start, c.end) for c in made] == [(0, 2), (4, 6), (8, 10)]
    with pytest.raises(ValidationError):
        coding.apply_codings(project, [coding.NewCoding(doc.id, code.id, 0, 1, "甲"),
                                       coding.NewCoding(doc.id, code.id, 5, 1, "甲")])
    assert len(coding.list_codings(project)) == 3  # all or nothing
    removed = coding.remove_codings(project, [c.id for c in made])
    assert removed == made
    assert coding.list_codings(project) == []
    again = coding.apply_codings(project, [coding.as_new_coding(c) for c in removed])
    assert again == made
    with pytest.raises(NotFoundError):
        coding.remove_codings(project, [made[0].id, 999])
    assert coding.list_codings(project) == made

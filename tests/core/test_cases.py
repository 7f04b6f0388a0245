"""Cases grouping documents and passages, with undo of every change."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.core import cases, documents
from app.core.db.models import Base
from app.core.errors import NotFoundError, ValidationError

TEXT = "开头𠮷😀社区居民增权赋能，互助合作。"


def dump(project) -> dict[str, list[tuple[Any, ...]]]:  # type: ignore[no-untyped-def]
    with project.read() as session:
        return {t.name: sorted((tuple(r) for r in session.execute(select(t))), key=repr)
                for t in Base.metadata.sorted_tables}


@pytest.fixture
def docs(project):  # type: ignore[no-untyped-def]
    return [documents.add_text_document(project, name, TEXT) for name in ("访谈一", "访谈二", "访谈三")]


def test_create_rename_and_members(project, docs) -> None:  # type: ignore[no-untyped-def]
    a = cases.create_case(project, " 社区甲 ", description="老城区")
    assert (a.name, a.description, a.documents, a.passages) == ("社区甲", "老城区", (), ())
    with pytest.raises(ValidationError, match="already exists"):
        cases.create_case(project, "社区甲")
    with pytest.raises(ValidationError, match="empty"):
        cases.create_case(project, "  ")
    assert cases.add_case_documents(project, a.id, [docs[2].id, docs[0].id]) == [docs[2].id, docs[0].id]
    assert cases.add_case_documents(project, a.id, [docs[0].id, docs[1].id]) == [docs[1].id]
    assert cases.get_case(project, a.id).documents == ("访谈一", "访谈二", "访谈三")
    assert cases.remove_case_documents(project, a.id, [docs[1].id, docs[1].id]) == [docs[1].id]
    assert cases.remove_case_documents(project, a.id, [docs[1].id]) == []
    with pytest.raises(NotFoundError):
        cases.add_case_documents(project, a.id, [999])
    passage = cases.add_case_passage(project, a.id, docs[1].id, 4, 6)
    assert (passage.document, passage.text) == ("访谈二", "社区")
    with pytest.raises(ValidationError, match="访谈二: the range"):
        cases.add_case_passage(project, a.id, docs[1].id, 6, 6)
    renamed = cases.rename_case(project, a.id, "社区乙")
    assert renamed.name == "社区乙"
    assert renamed.document_ids == (docs[0].id, docs[2].id)
    assert renamed.passages == (passage,)
    assert cases.set_case_description(project, a.id, "新") == "老城区"
    removed = cases.remove_case_passage(project, passage.id)
    assert removed == passage
    assert cases.get_case(project, a.id).passages == ()
    again = cases.add_case_passage(project, a.id, removed.document_id, removed.start, removed.end,
                                   passage_id=removed.id)
    assert again == passage


def test_delete_and_restore_a_case(project, docs) -> None:  # type: ignore[no-untyped-def]
    a = cases.create_case(project, "甲")
    b = cases.create_case(project, "乙")
    cases.add_case_documents(project, a.id, [docs[0].id, docs[1].id])
    cases.add_case_passage(project, a.id, docs[2].id, 0, 2)
    cases.add_case_documents(project, b.id, [docs[0].id])
    before = dump(project)
    listed = cases.list_cases(project)
    snapshot = cases.delete_case(project, a.id)
    assert [c.name for c in cases.list_cases(project)] == ["乙"]
    assert len(documents.list_documents(project)) == 3
    assert cases.restore_case(project, snapshot).name == "甲"
    assert cases.list_cases(project) == listed
    assert dump(project) == before
    with pytest.raises(ValidationError):
        cases.restore_case(project, snapshot)


def test_move_case(project) -> None:  # type: ignore[no-untyped-def]
    ids = [cases.create_case(project, n).id for n in ("一", "二", "三")]
    assert cases.move_case(project, ids[2], 0) == 2
    assert [c.name for c in cases.list_cases(project)] == ["三", "一", "二"]
    cases.move_case(project, ids[2], 2)
    assert [c.name for c in cases.list_cases(project)] == ["一", "二", "三"]
    with pytest.raises(NotFoundError):
        cases.move_case(project, 999, 0)


def test_deleting_a_document_drops_its_memberships(project, docs) -> None:  # type: ignore[no-untyped-def]
    a = cases.create_case(project, "甲")
    cases.add_case_documents(project, a.id, [docs[0].id, docs[1].id])
    cases.add_case_passage(project, a.id, docs[0].id, 0, 2)
    documents.delete_document(project, docs[0].id)
    info = cases.get_case(project, a.id)
    assert (info.documents, info.passages) == (("访谈二",), ())

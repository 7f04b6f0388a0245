"""A coding's effective stage: own stage, else the span overlapping it most, else the document's, else none.

The text is 20 characters; spans: 扎根 [0, 8), 协调 [8, 14); the document's stage is 共生.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.codebook import create_code
from app.core.coding import apply_coding, list_codings
from app.core.documents import import_files
from app.core.project import Project
from app.core.stages import add_stage, add_stage_span, set_document_stage

TEXT = "零一二三四五六七八九十甲乙丙丁戊己庚辛壬"


@pytest.fixture
def staged(project: Project, tmp_path: Path) -> tuple[Project, int, int, dict[str, int]]:
    src = tmp_path / "访谈.txt"
    src.write_text(TEXT, encoding="utf-8")
    doc = import_files(project, [src])[0]
    code = create_code(project, "策略")
    stages = {name: add_stage(project, name).id for name in ("扎根", "协调", "共生")}
    add_stage_span(project, doc.id, stages["扎根"], 0, 8)
    add_stage_span(project, doc.id, stages["协调"], 8, 14)
    return project, doc.id, code.id, stages


def effective(project: Project, doc_id: int, code_id: int, start: int, end: int, *,
              own: int | None = None) -> str | None:
    info = apply_coding(project, document_id=doc_id, code_id=code_id, start=start, end=end, coder="甲",
                        stage_id=own)
    return next(c.stage for c in list_codings(project) if c.id == info.id)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (1, 3, "扎根"),  # inside the first span
        (9, 12, "协调"),  # inside the second span
        (6, 12, "协调"),  # straddles: 2 characters in 扎根, 4 in 协调 -> the larger share
        (4, 10, "扎根"),  # straddles: 4 in 扎根, 2 in 协调
        (5, 11, "扎根"),  # straddles evenly (3 and 3): the earlier span wins the tie
        (12, 18, "协调"),  # 2 characters in 协调, the rest outside any span: a span still beats the document
        (14, 20, None),  # outside every span: falls to the document's stage (none set here)
    ],
)
def test_span_overlap(staged: tuple[Project, int, int, dict[str, int]], start: int, end: int,
                      expected: str | None) -> None:
    project, doc_id, code_id, _stages = staged
    assert effective(project, doc_id, code_id, start, end) == expected


def test_document_stage_is_the_fallback(staged: tuple[Project, int, int, dict[str, int]]) -> None:
    project, doc_id, code_id, stages = staged
    set_document_stage(project, doc_id, stages["共生"])
    assert effective(project, doc_id, code_id, 14, 20) == "共生"
    assert effective(project, doc_id, code_id, 8, 9) == "协调"  # the span still wins over the document


def test_own_stage_beats_everything(staged: tuple[Project, int, int, dict[str, int]]) -> None:
    project, doc_id, code_id, stages = staged
    set_document_stage(project, doc_id, stages["协调"])
    assert effective(project, doc_id, code_id, 1, 3, own=stages["共生"]) == "共生"
    assert effective(project, doc_id, code_id, 15, 18, own=stages["扎根"]) == "扎根"


def test_adjacent_span_does_not_count(staged: tuple[Project, int, int, dict[str, int]]) -> None:
    project, doc_id, code_id, _stages = staged
    # [14, 16) touches the end of 协调 [8, 14) but shares no character with it.
    assert effective(project, doc_id, code_id, 14, 16) is None


def test_overlapping_spans_take_the_larger_share(project: Project, tmp_path: Path) -> None:
    src = tmp_path / "访谈.txt"
    src.write_text(TEXT, encoding="utf-8")
    doc = import_files(project, [src])[0]
    code = create_code(project, "策略")
    a = add_stage(project, "甲阶段").id
    b = add_stage(project, "乙阶段").id
    add_stage_span(project, doc.id, a, 0, 20)  # a coder marked the whole text, then a part of it
    add_stage_span(project, doc.id, b, 5, 9)
    assert effective(project, doc.id, code.id, 5, 9) == "甲阶段"  # equal share (4 and 4): earlier span
    assert effective(project, doc.id, code.id, 4, 12) == "甲阶段"  # 8 versus 4

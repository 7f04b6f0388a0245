"""Stages: add, rename, reorder, delete (with undo snapshots), date ranges, spans."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.core.codebook import create_code
from app.core.coding import apply_coding, list_codings
from app.core.documents import import_files
from app.core.errors import NotFoundError, ValidationError
from app.core.project import Project
from app.core.stages import (
    add_stage,
    add_stage_span,
    delete_stage,
    list_stage_spans,
    list_stages,
    move_stage,
    parse_date,
    remove_stage_span,
    rename_stage,
    restore_stage,
    set_document_stage,
    update_stage,
)


def names(project: Project) -> list[str]:
    return [s.name for s in list_stages(project)]


def test_add_rename_move(project: Project) -> None:
    a = add_stage(project, "扎根")
    add_stage(project, "共生")
    add_stage(project, "协调", after="扎根")
    assert names(project) == ["扎根", "协调", "共生"]
    rename_stage(project, a.id, "进入")
    assert names(project) == ["进入", "协调", "共生"]
    move_stage(project, a.id, 2)
    assert names(project) == ["协调", "共生", "进入"]
    move_stage(project, a.id, -5)
    assert names(project) == ["进入", "协调", "共生"]
    assert [s.position for s in list_stages(project)] == [0, 1, 2]
    with pytest.raises(ValidationError):
        rename_stage(project, a.id, "协调")
    with pytest.raises(ValidationError):
        rename_stage(project, a.id, "  ")
    with pytest.raises(NotFoundError):
        move_stage(project, 999, 0)


def test_dates_and_colour(project: Project) -> None:
    s = add_stage(project, "扎根")
    s = update_stage(project, s.id, start_date="2018-3", end_date="2020-06-30", color="#aabbcc",
                     description="初期")
    assert (s.start_date, s.end_date, s.color, s.description) == (
        date(2018, 3, 1), date(2020, 6, 30), "#AABBCC", "初期")
    s = update_stage(project, s.id, end_date=None)
    assert s.end_date is None
    with pytest.raises(ValidationError):
        update_stage(project, s.id, end_date="2017-01-01")
    with pytest.raises(ValidationError):
        update_stage(project, s.id, start_date="去年")
    with pytest.raises(ValidationError):
        add_stage(project, "坏颜色", color="blue")
    assert parse_date("") is None
    assert parse_date("2021-1-5") == date(2021, 1, 5)


def test_delete_and_restore_puts_every_reference_back(project: Project, tmp_path: Path) -> None:
    src = tmp_path / "访谈.txt"
    src.write_text("第一段内容。第二段内容。", encoding="utf-8")
    doc = import_files(project, [src])[0]
    code = create_code(project, "策略")
    first = add_stage(project, "扎根")
    second = add_stage(project, "协调")
    add_stage(project, "共生")
    set_document_stage(project, doc.id, second.id)
    add_stage_span(project, doc.id, second.id, 0, 6)
    apply_coding(project, document_id=doc.id, code_id=code.id, start=6, end=10, coder="甲",
                 stage_id=second.id)
    apply_coding(project, document_id=doc.id, code_id=code.id, start=0, end=3, coder="甲",
                 stage_id=first.id)
    before_spans = list_stage_spans(project, doc.id)
    before_codings = list_codings(project)
    before_stages = list_stages(project)

    snapshot = delete_stage(project, second.id)
    assert names(project) == ["扎根", "共生"]
    assert [s.position for s in list_stages(project)] == [0, 1]
    assert list_stage_spans(project, doc.id) == []
    assert [c.stage for c in list_codings(project)] == ["扎根", None]

    restore_stage(project, snapshot)
    assert list_stages(project) == before_stages
    assert list_stage_spans(project, doc.id) == before_spans
    assert list_codings(project) == before_codings


def test_remove_span(project: Project, tmp_path: Path) -> None:
    src = tmp_path / "访谈.txt"
    src.write_text("一二三四五六", encoding="utf-8")
    doc = import_files(project, [src])[0]
    stage = add_stage(project, "扎根")
    span = add_stage_span(project, doc.id, stage.id, 1, 3)
    assert remove_stage_span(project, span.id) == span
    assert list_stage_spans(project, doc.id) == []
    again = add_stage_span(project, doc.id, stage.id, 1, 3, span_id=span.id)
    assert again == span
    with pytest.raises(NotFoundError):
        remove_stage_span(project, 999)

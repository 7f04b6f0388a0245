"""Stage suggestions from time expressions (issue 16, Deliver 6): core and ``guiji suggest --stages``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.core.documents import add_text_document
from app.core.errors import ValidationError
from app.core.nlp.stages import interview_date, suggest_stages
from app.core.project import Project, create_project
from app.core.stages import add_stage, add_stage_span, update_stage

TEXT = (
    "# 2018-05-25 访谈\n\n"
    "访谈者：您当时是怎么开始的？\n"
    "受访者：2014年我还在读书𠮷。那一年很忙。\n"
    "受访者：入阁前我们做了很多试验。\n"
    "受访者：现在每个部会都有联系人😀。\n"
    "受访者：未来希望每个县市都能加入。\n"
)


def _stages(project: Project) -> None:
    for name, start, end, words in (
        ("早期", None, date(2014, 12, 31), "时间词：太阳花、学生时代"),
        ("初创", date(2015, 1, 1), date(2016, 9, 30), "时间词：入阁前、一开始"),
        ("运作", date(2016, 10, 1), date(2018, 12, 31), "时间词：现在、目前"),
        ("展望", date(2019, 1, 1), None, "时间词：未来、希望、应该"),
    ):
        stage = add_stage(project, name, description=words)
        update_stage(project, stage.id, start_date=start, end_date=end)


def _by_text(found, text: str) -> dict[str, tuple[str, float, str]]:  # type: ignore[no-untyped-def]
    return {text[s.start : s.end]: (s.stage, s.score, s.reason) for s in found}


def test_time_expressions_and_stage_words_choose_the_stage(project: Project) -> None:
    _stages(project)
    doc = add_text_document(project, "甲", TEXT).id
    got = _by_text(suggest_stages(project, document_id=doc), TEXT)
    assert got["2014年我还在读书𠮷。"][0] == "早期"
    assert "2014年" in got["2014年我还在读书𠮷。"][2]
    assert got["那一年很忙。"][0] == "运作"  # no time word: the interview's date (2018-05-25)
    assert got["入阁前我们做了很多试验。"][:2] == ("初创", 0.8)  # the stage's own time word
    assert got["现在每个部会都有联系人😀。"][0] == "运作"
    assert got["未来希望每个县市都能加入。"][0] == "展望"
    assert "您当时是怎么开始的？" not in got  # the interviewer's question gets nothing
    assert "# 2018-05-25 访谈" not in got  # nor the title


def test_a_stage_span_the_coder_set_is_left_alone(project: Project) -> None:
    _stages(project)
    doc = add_text_document(project, "甲", TEXT).id
    start = TEXT.index("入阁前")
    stage_id = next(s.stage_id for s in suggest_stages(project, document_id=doc))
    add_stage_span(project, doc, stage_id, start, start + len("入阁前我们做了很多试验。"))
    assert "入阁前我们做了很多试验。" not in _by_text(suggest_stages(project, document_id=doc), TEXT)


def test_interview_date_from_name_or_first_line() -> None:
    assert interview_date("2016-06-30_访谈", "") == date(2016, 6, 30)
    assert interview_date("访谈", "# 2018年5月25日 访谈\n正文") == date(2018, 5, 25)
    assert interview_date("访谈", "没有日期") is None


def test_no_stages_is_a_clear_error(project: Project) -> None:
    add_text_document(project, "甲", TEXT)
    with pytest.raises(ValidationError, match="no stages"):
        suggest_stages(project)


def test_cli_suggest_stages_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.guiji"
    project = create_project(path)
    try:
        _stages(project)
        add_text_document(project, "甲", TEXT)
    finally:
        project.close()
    assert main(["suggest", str(path), "--stages", "--doc", "甲", "--json"]) in (0, None)
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(list(r) == ["document", "start", "end", "stage", "score", "reason"] for r in rows)
    assert {r["stage"] for r in rows} >= {"早期", "初创", "运作", "展望"}
    assert all(TEXT[r["start"] : r["end"]] for r in rows)

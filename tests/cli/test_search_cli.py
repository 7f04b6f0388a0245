"""The workspace subcommands: search (and retrieve, cases, attributes) through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import attributes, cases, memos
from app.core.project import open_project
from tests.cli.helpers import run, run_json

SOURCE = (
    "访谈者：您好𠮷😀！\r\n受访者：我们一起做增权赋能的工作，压力很大。\r\n"
    "访谈者：还有呢？\r\n受访者：互助合作，赋能。\r\n"
)
STORED = SOURCE.replace("\r\n", "\n")




@pytest.fixture
def proj(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "p.guiji"
    first = tmp_path / "访谈甲.txt"
    first.write_bytes(SOURCE.encode("utf-8"))
    second = tmp_path / "访谈乙.txt"
    second.write_bytes("赋能😀赋能".encode())
    assert run("new", path, capsys=capsys)[0] == 0
    assert run("import", path, first, second, capsys=capsys)[0] == 0
    return path


def test_search_json_keys_and_positions(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hits = run_json("search", proj, "赋能", "--json", capsys=capsys)
    assert isinstance(hits, list)
    assert [set(h) for h in hits] == [{"document", "start", "end", "context"}] * 4
    first = STORED.index("赋能")
    second = STORED.index("赋能", first + 2)
    assert [(h["document"], h["start"], h["end"]) for h in hits] == [
        ("访谈甲", first, first + 2), ("访谈甲", second, second + 2), ("访谈乙", 0, 2), ("访谈乙", 3, 5),
    ]
    assert "\n" not in hits[0]["context"]
    assert "增权赋能" in hits[0]["context"]


def test_search_long_term_one_document_and_no_hits(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    start = STORED.index("增权赋能")
    assert run_json("search", proj, "增权赋能", "--json", capsys=capsys) == [
        {"document": "访谈甲", "start": start, "end": start + 4,
         "context": STORED[max(0, start - 30):start + 34].replace("\n", " ")},
    ]
    hits = run_json("search", proj, "赋能", "--doc", "访谈乙", "--json", capsys=capsys)
    assert [h["document"] for h in hits] == ["访谈乙", "访谈乙"]
    assert run_json("search", proj, "没有这个词", "--json", capsys=capsys) == []


def test_search_errors(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run("search", proj, "赋能", "--doc", "不存在", "--json", capsys=capsys)
    assert code != 0
    assert out == ""
    assert "不存在" in err
    code, _out, err = run("search", proj, "", capsys=capsys)
    assert code != 0
    assert "empty" in err


def test_retrieve_json_and_export(proj: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    start = STORED.index("增权赋能")
    pressure = STORED.index("压力很大")
    for path in ("内生/增权赋能", "内生/压力", "外部"):
        assert run("codes", proj, "add", path, capsys=capsys)[0] == 0
    assert run("stage", proj, "add", "扎根", capsys=capsys)[0] == 0
    for code, s, e, coder in (
        ("内生/增权赋能", start, start + 4, "甲"),
        ("内生/压力", start + 2, pressure + 2, "乙"),
        ("外部", pressure, pressure + 4, "甲"),
    ):
        code_args = ["--doc", "访谈甲", "--start", s, "--end", e, "--code", code, "--coder", coder]
        assert run("code", proj, *code_args, "--stage", "扎根", capsys=capsys)[0] == 0
    found = run_json("retrieve", proj, "--code", "内生/增权赋能", "--code", "内生/压力", "--mode", "and",
                     "--json", capsys=capsys)
    assert found == [{"document": "访谈甲", "start": start + 2, "end": start + 4, "text": "赋能",
                      "codes": ["内生/增权赋能", "内生/压力"], "coders": ["乙", "甲"], "stage": "扎根"}]
    assert [p["text"] for p in run_json("retrieve", proj, "--code", "内生", "--children", "--not", "外部",
                                        "--json", capsys=capsys)] == ["增权赋能"]
    assert len(run_json("retrieve", proj, "--code", "内生", "--children", "--coder", "乙", "--stage", "扎根",
                        "--doc", "访谈甲", "--json", capsys=capsys)) == 1
    out = tmp_path / "passages.xlsx"
    code, text, err = run("retrieve", proj, "--code", "外部", "--out", out, capsys=capsys)
    assert code == 0, err
    assert out.is_file()
    assert "1 passage" in text
    code, _out, err = run("retrieve", proj, "--code", "没有", "--json", capsys=capsys)
    assert code != 0
    assert "没有" in err


def test_cases_attributes_memos(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_project(proj) as project:
        case = cases.create_case(project, "社区甲")
        cases.add_case_documents(project, case.id, [1])
        cases.add_case_passage(project, case.id, 2, 0, 2)
        age = attributes.define_attribute(project, "年龄", "number")
        attributes.set_attribute(project, 1, age.id, "42")
        memos.set_document_memo(project, 1, "第一次访谈")
    assert run_json("cases", proj, "--json", capsys=capsys) == [
        {"name": "社区甲", "description": "", "documents": ["访谈甲"],
         "passages": [{"document": "访谈乙", "start": 0, "end": 2, "text": "赋能"}]}]
    assert run_json("attributes", proj, "--json", capsys=capsys) == {
        "attributes": [{"name": "年龄", "type": "number"}],
        "documents": [{"document": "访谈甲", "values": {"年龄": "42"}}, {"document": "访谈乙", "values": {}}]}
    assert run_json("memos", proj, "--json", capsys=capsys) == [
        {"kind": "document", "title": "访谈甲", "text": "第一次访谈"}]
    assert run_json("memos", proj, "--query", "没有", "--json", capsys=capsys) == []

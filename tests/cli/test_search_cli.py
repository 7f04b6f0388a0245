"""The workspace subcommands: search (and retrieve, cases, attributes) through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main

SOURCE = "访谈者：您好𠮷😀！\r\n受访者：我们一起做增权赋能的工作，压力很大。\r\n访谈者：还有呢？\r\n受访者：互助合作，赋能。\r\n"
STORED = SOURCE.replace("\r\n", "\n")


def run(*args: object, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(*args: object, capsys: pytest.CaptureFixture[str]) -> object:
    code, out, err = run(*args, capsys=capsys)
    assert code == 0, err
    return json.loads(out)


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

"""`guiji edit`, `replace`, `names`, `pseudonymise` and `history` through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.sample import build_sample_project
from tests.cli.helpers import run, run_json

SOURCE = (
    "访谈者：您好𠮷😀！\r\n受访者：刘卫东说我们一起做增权赋能😀的工作。\r\n"
    "访谈者：还有呢？\r\n受访者：刘卫东。\r\n"
)
STORED = SOURCE.replace("\r\n", "\n")




@pytest.fixture
def proj(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "p.guiji"
    source = tmp_path / "访谈甲.txt"
    source.write_bytes(SOURCE.encode("utf-8"))
    assert run("new", path, capsys=capsys)[0] == 0
    assert run("import", path, source, capsys=capsys)[0] == 0
    assert run("codes", path, "add", "策略/增权赋能", capsys=capsys)[0] == 0
    for quote in ("您好𠮷😀", "我们一起做增权赋能😀的工作", "增权赋能", "还有呢"):
        start = STORED.index(quote)
        code, _out, err = run(
            "code",
            path,
            "--doc",
            "访谈甲",
            "--start",
            start,
            "--end",
            start + len(quote),
            "--code",
            "策略/增权赋能",
            capsys=capsys,
        )
        assert code == 0, err
    return path


def test_edit_keeps_codings_on_their_words(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = run_json("codings", proj, "--json", capsys=capsys)
    start = STORED.index("增权赋能")
    result = run_json(
        "edit",
        proj,
        "--doc",
        "访谈甲",
        "--start",
        start,
        "--end",
        start + 4,
        "--text",
        "赋权𠮷",
        "--json",
        capsys=capsys,
    )
    assert result["old"] == "增权赋能"
    assert result["new"] == "赋权𠮷"
    assert [r["text"] for r in result["removed"]] == []
    after = run_json("codings", proj, "--json", capsys=capsys)
    texts = [c["text"] for c in after]
    assert texts == ["您好𠮷😀", "我们一起做赋权𠮷😀的工作", "赋权𠮷", "还有呢"]
    assert next((c["start"], c["end"]) for c in after) == (before[0]["start"], before[0]["end"])
    assert run("check", proj, capsys=capsys)[0] == 0


def test_edit_reports_removed_codings(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    start = STORED.index("访谈者：还有呢")
    code, out, _err = run(
        "edit", proj, "--doc", "访谈甲", "--start", start, "--end", start + 8, "--text", "", capsys=capsys
    )
    assert code == 0
    assert "1 removed" in out
    assert "还有呢" in out


def test_edit_errors_name_the_document(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(
        "edit", proj, "--doc", "访谈甲", "--start", 5, "--end", 999, "--text", "x", capsys=capsys
    )
    assert code == 1
    assert "访谈甲: the range 5–999" in err
    code, _out, err = run(
        "edit", proj, "--doc", "没有", "--start", 0, "--end", 1, "--text", "x", capsys=capsys
    )
    assert code == 1
    assert "没有" in err


def test_replace_dry_run_then_for_real(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    preview = run_json("replace", proj, "刘卫东", "受访者A", "--dry-run", "--json", capsys=capsys)
    assert preview["applied"] is False
    first = STORED.index("刘卫东")
    assert [(h["start"], h["end"]) for h in preview["hits"]] == [
        (first, first + 3),
        (STORED.rindex("刘卫东"), STORED.rindex("刘卫东") + 3),
    ]
    assert all("刘卫东" in h["context"] for h in preview["hits"])
    assert run_json("codings", proj, "--json", capsys=capsys)[1]["text"] == "我们一起做增权赋能😀的工作"
    done = run_json("replace", proj, "刘卫东", "受访者A", "--doc", "访谈甲", "--json", capsys=capsys)
    assert done["applied"] is True
    assert len(done["hits"]) == 2
    assert [c["text"] for c in run_json("codings", proj, "--json", capsys=capsys)] == [
        "您好𠮷😀",
        "我们一起做增权赋能😀的工作",
        "增权赋能",
        "还有呢",
    ]
    history = run_json("history", proj, "--json", capsys=capsys)
    assert [(h["kind"], h["old"], h["new"], h["hits"]) for h in history] == [
        ("replace", "刘卫东", "受访者A", 2)
    ]
    code, out, _err = run("replace", proj, "不存在", "x", capsys=capsys)
    assert code == 0
    assert "0 hit(s)" in out


def test_names_and_pseudonymise_the_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = build_sample_project(tmp_path / "sample.guiji")
    names = run_json("names", project, "--add", "心晴妈妈", "--json", capsys=capsys)
    assert all(set(n) == {"name", "kind", "count"} for n in names)
    by_name = {n["name"]: n for n in names}
    for name in (
        "刘卫东",
        "周桂芳",
        "黄丽萍",
        "孙海涛",
        "桂园社区",
        "柳塘街道",
        "启明社工服务中心",
        "春晖公益基金会",
    ):
        assert by_name[name]["count"] > 0
    assert by_name["心晴妈妈"] == {"name": "心晴妈妈", "kind": "added", "count": 5}

    secret = tmp_path / "secret"
    mapping = secret / "mapping.csv"
    code, _out, err = run("names", project, "--out", mapping, capsys=capsys)
    assert code == 0
    assert "warning" in err
    assert str(mapping) in err
    lines = mapping.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "name,kind,count,pseudonym"
    filled = [lines[0]] + [f"{line}化名{i}" for i, line in enumerate(lines[1:])]
    mapping.write_text("\n".join(filled) + "\n", encoding="utf-8")

    result = run_json("pseudonymise", project, mapping, "--json", capsys=capsys)
    assert result["names"] == len(names) - 1
    assert result["replaced"] > 50
    exported = (
        run("codings", project, "--json", capsys=capsys)[1]
        + run("codes", project, "--json", capsys=capsys)[1]
    )
    exported += run("history", project, "--json", capsys=capsys)[1]
    left = [n["name"] for n in names if n["name"] in exported or n["name"].encode() in project.read_bytes()]
    assert left == ["心晴妈妈"]  # added to the listing only, not to the mapping file
    assert run("check", project, capsys=capsys)[0] == 0


def test_pseudonymise_with_a_bad_mapping_changes_nothing(
    proj: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,pseudonym\n刘卫东,刘卫东的化名\n", encoding="utf-8")
    before = proj.read_bytes()
    code, _out, err = run("pseudonymise", proj, bad, capsys=capsys)
    assert code == 1
    assert "bad.csv" in err
    assert "would remain" in err
    assert run_json("codings", proj, "--json", capsys=capsys)[1]["text"] == "我们一起做增权赋能😀的工作"
    assert len(proj.read_bytes()) == len(before)

"""`guiji convert` and the Traditional/Simplified side of `guiji search` through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run, run_json

HANT = "受訪者：電腦的記憶體不夠，軟體很慢😀。\n問：代議政治呢？𠮷\n"
HANS = "受访者：电脑的内存不够，软件很慢😀。\n问：代议政治呢？𠮷\n"


@pytest.fixture
def proj(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "p.guiji"
    assert run("new", path, capsys=capsys)[0] == 0
    for name, text in (("繁体", HANT), ("简体", HANS)):
        source = tmp_path / f"{name}.txt"
        source.write_bytes(text.encode("utf-8"))
        assert run("import", path, source, capsys=capsys)[0] == 0
    assert run("codes", path, "add", "技术", capsys=capsys)[0] == 0
    start = HANT.index("記憶體")
    code, _out, err = run("code", path, "--doc", "繁体", "--start", start, "--end", start + 3, "--code", "技术",
                          "--coder", "甲", capsys=capsys)
    assert code == 0, err
    return path


def test_search_finds_both_scripts_and_keeps_its_keys(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hits = run_json("search", proj, "代议政治", "--json", capsys=capsys)
    assert {h["document"] for h in hits} == {"繁体", "简体"}
    for h in hits:
        assert set(h) == {"document", "start", "end", "context"}
        text = HANT if h["document"] == "繁体" else HANS
        assert text[h["start"] : h["end"]] in {"代議政治", "代议政治"}
    soft = run_json("search", proj, "软件", "--json", capsys=capsys)
    assert sorted((h["document"], HANT[h["start"] : h["end"]] if h["document"] == "繁体" else None) for h in soft) == [
        ("简体", None),
        ("繁体", "軟體"),
    ]


def test_exact_turns_folding_off(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hits = run_json("search", proj, "代议政治", "--exact", "--json", capsys=capsys)
    assert [h["document"] for h in hits] == ["简体"]


def test_convert_dry_run_then_convert(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dry = run_json("convert", proj, "--doc", "繁体", "--to", "hans", "--variant", "tw", "--dry-run", "--json",
                   capsys=capsys)
    assert dry["applied"] is False and dry["config"] == "tw2sp"
    assert (dry["old_length"], dry["new_length"]) == (len(HANT), len(HANS))
    assert run_json("codings", proj, "--json", capsys=capsys)[0]["text"] == "記憶體"

    done = run_json("convert", proj, "--doc", "繁体", "--to", "hans", "--variant", "tw", "--json", capsys=capsys)
    assert done["applied"] is True and done["changed"] > 0
    [coding] = run_json("codings", proj, "--json", capsys=capsys)
    assert coding["text"] == "内存"
    history = run_json("history", proj, "--doc", "繁体", "--json", capsys=capsys)
    assert [h["kind"] for h in history] == ["convert"]
    code, out, _err = run("convert", proj, "--doc", "繁体", "--to", "hans", "--variant", "tw", capsys=capsys)
    assert code == 0 and "already" in out
    assert run("check", proj, capsys=capsys)[0] == 0


def test_convert_refuses_bad_input(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run("convert", proj, "--doc", "没有", "--to", "hant", capsys=capsys)
    assert code != 0 and "没有" in err
    with pytest.raises(SystemExit):
        run("convert", proj, "--doc", "繁体", "--to", "latin", capsys=capsys)


def test_retrieve_text_filter_across_scripts(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folded = run_json("retrieve", proj, "--code", "技术", "--text", "记忆", "--json", capsys=capsys)
    assert [p["text"] for p in folded] == ["記憶體"]
    assert run_json("retrieve", proj, "--code", "技术", "--text", "记忆", "--exact", "--json", capsys=capsys) == []
    assert run_json("retrieve", proj, "--code", "技术", "--text", "软件", "--json", capsys=capsys) == []

"""The command line contract: subcommands, JSON keys, code-point positions, errors that change nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from tests.cli.helpers import run, run_json

ROOT = Path(__file__).resolve().parents[2]
# A source file with 𠮷 and 😀 before the coded words and Windows line ends.
SOURCE = "访谈者：您好𠮷😀！\r\n受访者：我们一起做增权赋能的工作。\r\n访谈者：还有呢？\r\n受访者：互助合作。\r\n"




@pytest.fixture
def proj(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "p.guiji"
    src = tmp_path / "访谈甲.txt"
    src.write_bytes(SOURCE.encode("utf-8"))
    assert run("new", path, capsys=capsys)[0] == 0
    assert run("import", path, src, capsys=capsys)[0] == 0
    return path


def test_info_codes_code_codings(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stored = SOURCE.replace("\r\n", "\n")
    assert run_json("info", proj, "--json", capsys=capsys) == {
        "documents": 1, "characters": len(stored), "codes": 0, "codings": 0, "stages": 0, "coders": 0,
    }
    assert run("codes", proj, "add", "内生因素/增权赋能", "--color", "#AA0000", capsys=capsys)[0] == 0
    assert run("stage", proj, "add", "扎根", capsys=capsys)[0] == 0
    start = stored.index("增权赋能")
    code, _out, err = run("code", proj, "--doc", "访谈甲", "--start", str(start), "--end", str(start + 4),
                          "--code", "内生因素/增权赋能", "--coder", "研究者A", "--stage", "扎根", capsys=capsys)
    assert code == 0, err
    assert run_json("codes", proj, "--json", capsys=capsys) == [
        {"path": "内生因素", "color": run_json("codes", proj, "--json", capsys=capsys)[0]["color"], "codings": 0},
        {"path": "内生因素/增权赋能", "color": "#AA0000", "codings": 1},
    ]
    assert run_json("codings", proj, "--json", capsys=capsys) == [
        {"document": "访谈甲", "start": start, "end": start + 4, "text": "增权赋能",
         "code": "内生因素/增权赋能", "coder": "研究者A", "stage": "扎根"},
    ]
    info = run_json("info", proj, "--json", capsys=capsys)
    assert (info["codes"], info["codings"], info["stages"], info["coders"]) == (2, 1, 1, 1)


def _state(proj: Path, capsys: pytest.CaptureFixture[str]) -> tuple[object, object, object]:
    return (run_json("info", proj, "--json", capsys=capsys), run_json("codings", proj, "--json", capsys=capsys),
            run_json("codes", proj, "--json", capsys=capsys))


def _truncated_docx(tmp_path: Path) -> Path:
    full = tmp_path / "full.docx"
    d = docx.Document()
    d.add_paragraph("访谈者：一段话。" * 50)
    d.save(full)
    data = full.read_bytes()
    bad = tmp_path / "截断.docx"
    bad.write_bytes(data[: len(data) // 2])
    return bad


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: (d / "空.txt", b""), "empty"),
        (lambda d: (d / "图片.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4), "binary"),
        (lambda d: (d / "假的.docx", "not a zip at all 这不是".encode()), "docx"),
    ],
)
def test_bad_files_change_nothing(proj: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  make, message: str) -> None:  # type: ignore[no-untyped-def]
    path, data = make(tmp_path)
    path.write_bytes(data)
    before = _state(proj, capsys)
    code, out, err = run("import", proj, path, capsys=capsys)
    assert code != 0
    assert out == ""
    assert path.name in err
    assert message in err.lower()
    assert len(err.strip().splitlines()) == 1, err
    assert _state(proj, capsys) == before


def test_truncated_docx_changes_nothing(proj: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _truncated_docx(tmp_path)
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(bad).testzip()
    before = _state(proj, capsys)
    code, _out, err = run("import", proj, bad, capsys=capsys)
    assert code != 0
    assert "截断.docx" in err
    assert len(err.strip().splitlines()) == 1
    assert _state(proj, capsys) == before


@pytest.mark.parametrize(("start", "end"), [(0, 10_000), (-3, 2), (5, 5), (9, 4)])
def test_coding_outside_the_text_changes_nothing(proj: Path, capsys: pytest.CaptureFixture[str],
                                                 start: int, end: int) -> None:
    run("codes", proj, "add", "甲", capsys=capsys)
    before = _state(proj, capsys)
    code, _out, err = run("code", proj, "--doc", "访谈甲", "--start", str(start), "--end", str(end),
                          "--code", "甲", capsys=capsys)
    assert code != 0
    assert "访谈甲" in err
    assert "not inside the text" in err
    assert _state(proj, capsys) == before


def test_unknown_names_are_clear_errors(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run("code", proj, "--doc", "没有", "--start", "0", "--end", "1", "--code", "x",
                          capsys=capsys)
    assert code == 1
    assert "no document named '没有'" in err
    code, _out, err = run("info", proj.with_name("missing.guiji"), "--json", capsys=capsys)
    assert code == 1
    assert "missing.guiji" in err


def test_entry_point_runs_as_a_module(proj: Path) -> None:
    """One subprocess smoke test of the real entry point."""
    out = subprocess.run([sys.executable, "-m", "app", "info", str(proj), "--json"], capture_output=True,
                         check=True, cwd=ROOT)
    assert json.loads(out.stdout.decode("utf-8"))["documents"] == 1


def test_new_from_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.guiji"
    assert run("new", path, "--template", "community-governance", capsys=capsys)[0] == 0
    info = run_json("info", path, "--json", capsys=capsys)
    assert (info["stages"], info["codes"]) == (3, 15)
    paths = [c["path"] for c in run_json("codes", path, "--json", capsys=capsys)]
    assert paths[:3] == ["内生因素", "内生因素/增权赋能", "内生因素/互助合作"]
    code, _out, err = run("new", tmp_path / "u.guiji", "--template", "nope", capsys=capsys)
    assert code == 1
    assert "no template named 'nope'" in err
    assert "community-governance" in err

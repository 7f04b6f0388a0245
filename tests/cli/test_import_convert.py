"""``guiji import P FILE --to hans|hant [--variant tw|hk]`` (issue 15): keep the file's script by
default, or convert as the text is stored; a bad combination changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run, run_json

TRADITIONAL = "受訪者：軟體很好用，代議政治很重要𠮷😀。\r\n"


@pytest.fixture
def setup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    project, source = tmp_path / "p.guiji", tmp_path / "繁體.txt"
    source.write_bytes(TRADITIONAL.encode("utf-8"))
    assert run("new", project, capsys=capsys)[0] == 0
    return project, source


def text_of(project: Path, capsys: pytest.CaptureFixture[str]) -> str:
    [hit] = run_json("search", project, "很好用", "--json", capsys=capsys)
    return str(hit["context"])


def test_kept_by_default(setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    project, source = setup
    [doc] = run_json("import", project, source, "--json", capsys=capsys)
    assert doc["characters"] == len(TRADITIONAL) - 1  # \r\n stored as \n
    assert "軟體很好用，代議政治" in text_of(project, capsys)


def test_converted_with_taiwan_phrases(setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    project, source = setup
    run_json("import", project, source, "--to", "hans", "--variant", "tw", "--json", capsys=capsys)
    assert "软件很好用，代议政治" in text_of(project, capsys)


def test_variant_without_script_changes_nothing(setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    project, source = setup
    code, _out, err = run("import", project, source, "--variant", "tw", capsys=capsys)
    assert code != 0 and "variant" in err
    assert run_json("info", project, "--json", capsys=capsys)["documents"] == 0

"""--lang zh|en|both on the export commands: options added, default output unchanged (issue 14)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from tests.cli.helpers import run


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "研究.guiji"
    assert run("sample", path, capsys=capsys)[0] == 0
    return path


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def test_codebook_export_lang(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for lang in ("zh", "en", "both"):
        code, out, _err = run("codebook", "export", project, tmp_path / f"{lang}.xlsx", "--lang", lang, capsys=capsys)
        assert code == 0 and out.startswith("wrote ")
    assert load_workbook(tmp_path / "en.xlsx").active["A1"].value == "Code"
    assert load_workbook(tmp_path / "zh.xlsx").active["A1"].value == "编码"
    assert [c.value for c in load_workbook(tmp_path / "both.xlsx").active["A"][:2]] == ["编码", "Code"]
    assert run("codebook", "export", project, tmp_path / "default.xlsx", capsys=capsys)[0] == 0
    assert load_workbook(tmp_path / "default.xlsx").active["B1"].value == "Memo"  # the original layout
    with pytest.raises(SystemExit) as exited:  # argparse refuses a language it does not offer
        run("codebook", "export", project, tmp_path / "x.xlsx", "--lang", "fr", capsys=capsys)
    assert exited.value.code == 2 and "fr" in capsys.readouterr().err


def test_table_and_stage_report_lang(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("table", project, tmp_path / "t.docx", "--kind", "stage-frequencies", "--lang", "en",
               capsys=capsys)[0] == 0
    assert _paragraphs(tmp_path / "t.docx")[0] == "Table  Codings per stage"
    assert run("table", project, tmp_path / "t0.docx", "--kind", "stage-frequencies", capsys=capsys)[0] == 0
    assert _paragraphs(tmp_path / "t0.docx")[0] == "表　各阶段编码频次"
    assert run("stage-report", project, tmp_path / "r.docx", "--lang", "both", capsys=capsys)[0] == 0
    assert _paragraphs(tmp_path / "r.docx")[:2] == ["各阶段编码与典型引文", "Codes and typical quotes by stage"]
    assert run("stage-report", project, tmp_path / "r0.docx", capsys=capsys)[0] == 0
    assert _paragraphs(tmp_path / "r0.docx")[0] == "各阶段编码与典型引文"

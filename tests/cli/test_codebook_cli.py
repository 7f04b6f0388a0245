"""`guiji templates`, `codebook export|import`, `table`, `saturation`, `stage rename|move|delete`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.cli.helpers import run


def ok(*args: object, capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run(*args, capsys=capsys)
    assert code == 0, err
    return out


@pytest.fixture
def proj(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "p.guiji"
    src = tmp_path / "访谈甲.txt"
    src.write_text("受访者：我们一起做增权赋能的工作。\n受访者：还有互助合作。\n", encoding="utf-8")
    ok("new", path, "--template", "community-governance", capsys=capsys)
    ok("import", path, src, capsys=capsys)
    text = src.read_text(encoding="utf-8")
    for quote, code in (("增权赋能", "内生因素/增权赋能"), ("互助合作", "内生因素/互助合作")):
        start = text.index(quote)
        ok("code", path, "--doc", "访谈甲", "--start", start, "--end", start + 4, "--code", code,
           capsys=capsys)
    return path


def test_templates(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(ok("templates", "--json", capsys=capsys))
    names = {t["name"]: t for t in data}
    assert names["community-governance"]["codes"] == 15
    assert names["community-governance"]["stages"] == 3
    assert names["grounded-theory"]["levels"][0]["label"] == "主范畴"
    assert set(names["co-production-resilience"]) >= {"title", "english", "description", "levels"}
    assert "community-governance" in ok("templates", capsys=capsys)


def test_export_then_import_with_dry_run(proj: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    for suffix in (".qdc", ".docx", ".xlsx", ".csv", ".md"):
        out = tmp_path / f"cb{suffix}"
        assert f"wrote {out}" in ok("codebook", "export", proj, out, capsys=capsys)
        assert out.stat().st_size > 0
    fresh = tmp_path / "fresh.guiji"
    ok("new", fresh, capsys=capsys)
    preview = ok("codebook", "import", fresh, tmp_path / "cb.qdc", "--dry-run", capsys=capsys)
    assert preview.startswith("dry run: nothing was changed")
    assert "15 to add, 0 to update, 0 unchanged" in preview
    assert json.loads(ok("info", fresh, "--json", capsys=capsys))["codes"] == 0
    plan = json.loads(ok("codebook", "import", fresh, tmp_path / "cb.xlsx", "--json", capsys=capsys))
    assert (plan["added"], plan["applied"]) == (15, True)
    assert plan["codes"][1]["path"] == "内生因素/增权赋能"
    again = ok("codebook", "import", fresh, tmp_path / "cb.csv", capsys=capsys)
    assert "0 to add, 0 to update, 15 unchanged" in again


def test_import_errors_name_the_file(proj: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "evil.qdc"
    bad.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
                   encoding="utf-8")
    before = ok("codes", proj, "--json", capsys=capsys)
    code, out, err = run("codebook", "import", proj, bad, capsys=capsys)
    assert code == 1
    assert out == ""
    assert err.startswith("guiji: error: evil.qdc: the XML declares a DOCTYPE")
    assert ok("codes", proj, "--json", capsys=capsys) == before
    code, _out, err = run("codebook", "export", proj, tmp_path / "cb.pdf", capsys=capsys)
    assert code == 1
    assert "cb.pdf" in err


def test_tables_and_saturation(proj: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for kind in ("coding-examples", "stage-frequencies", "code-document"):
        for suffix in (".docx", ".xlsx"):
            out = tmp_path / f"{kind}{suffix}"
            ok("table", proj, out, "--kind", kind, capsys=capsys)
            assert out.stat().st_size > 0
    ok("table", proj, tmp_path / "first.docx", "--kind", "coding-examples", "--first", "1", capsys=capsys)
    code, _out, err = run("table", proj, tmp_path / "x.docx", "--kind", "code-document", "--by", "case",
                          capsys=capsys)
    assert code == 1
    assert "no cases" in err
    ok("saturation", proj, tmp_path / "sat.csv", capsys=capsys)
    assert (tmp_path / "sat.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    data = json.loads(ok("saturation", proj, "--json", capsys=capsys))
    assert data == [{"document": "访谈甲", "codes": 2, "new": 2, "cumulative": 2,
                     "new_codes": ["内生因素/增权赋能", "内生因素/互助合作"]}]
    code, _out, err = run("saturation", proj, capsys=capsys)
    assert code == 1


def test_stage_rename_move_delete(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def names() -> list[str]:
        return [s["name"] for s in json.loads(ok("stage", proj, "--json", capsys=capsys))]

    assert names() == ["扎根", "协调", "共生"]
    ok("stage", proj, "rename", "共生", "共生期", capsys=capsys)
    assert names() == ["扎根", "协调", "共生期"]
    assert "共生期 → 扎根 → 协调" in ok("stage", proj, "move", "共生期", "--to", "1", capsys=capsys)
    ok("stage", proj, "move", "共生期", "--after", "协调", capsys=capsys)
    assert names() == ["扎根", "协调", "共生期"]
    ok("stage", proj, "assign", "协调", "--doc", "访谈甲", "--start", "0", "--end", "5", capsys=capsys)
    out = ok("stage", proj, "delete", "协调", capsys=capsys)
    assert "1 spans removed" in out
    assert names() == ["扎根", "共生期"]
    for args, message in (
        (("rename", "扎根"), "NEW"),
        (("move", "扎根"), "--to"),
        (("move", "扎根", "--to", "0"), "from 1"),
        (("delete", "没有"), "no stage named"),
        (("rename", "扎根", "共生期"), "already exists"),
        (("delete",), "needs a stage NAME"),
    ):
        code, _out, err = run("stage", proj, *args, capsys=capsys)
        assert code == 1, args
        assert message in err, (args, err)
    assert names() == ["扎根", "共生期"]


def test_exemplar(proj: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    codings = json.loads(ok("codings", proj, "--json", capsys=capsys))
    chosen = codings[1]
    ok("exemplar", proj, "--doc", "访谈甲", "--start", chosen["start"], "--end", chosen["end"], capsys=capsys)
    ok("table", proj, tmp_path / "ex.xlsx", "--kind", "coding-examples", capsys=capsys)
    ws = load_workbook(tmp_path / "ex.xlsx").active
    assert ws["A3"].value == f"“{chosen['text']}”"  # caption, header, the one chosen example
    assert ws["A4"].value is None
    ok("exemplar", proj, "--doc", "访谈甲", "--start", chosen["start"], "--end", chosen["end"], "--off",
       capsys=capsys)
    code, _out, err = run("exemplar", proj, "--doc", "访谈甲", "--start", "0", "--end", "1", capsys=capsys)
    assert code == 1
    assert "no coding of '访谈甲' at 0–1" in err


def test_templates_apply(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "merge.guiji"
    ok("new", path, capsys=capsys)
    ok("codes", path, "add", "内生因素/增权赋能", capsys=capsys)
    out = ok("templates", "apply", path, "community-governance", capsys=capsys)
    assert "13 codes and 3 stages added, 2 codes' empty fields filled" in out
    assert json.loads(ok("info", path, "--json", capsys=capsys))["codes"] == 15
    code, _out, err = run("templates", "apply", path, capsys=capsys)
    assert code == 1
    assert "needs PROJECT and a template NAME" in err

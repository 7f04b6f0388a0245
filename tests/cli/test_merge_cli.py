"""``guiji merge`` through the CLI: the report's JSON keys, dry runs, text output, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.codebook import create_code
from app.core.coding import NewCoding, apply_codings
from app.core.documents import add_text_document
from app.core.project import create_project
from tests.cli.helpers import run, run_json
from tests.dump import dump_tables

TEXT = "受访者：社区议事会每个月开一次，大家都来。\n访谈者：后来呢？\n受访者：后来居民自己管起来了。\n"


def _project(path: Path, coder: str, span: tuple[int, int], name: str = "访谈") -> Path:
    project = create_project(path)
    doc = add_text_document(project, name, TEXT)
    code = create_code(project, "外部环境/议事会").id
    apply_codings(project, [NewCoding(doc.id, code, *span, coder)])
    project.close()
    return path


def test_merge_json_report_and_dry_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = _project(tmp_path / "mine.guiji", "甲", (4, 9))
    theirs = _project(tmp_path / "theirs.guiji", "乙", (4, 12))
    before = dump_tables(mine)
    plan = run_json("merge", mine, theirs, "--dry-run", "--json", capsys=capsys)
    assert set(plan) == {"source", "added", "matched", "conflicts", "filled"}
    assert plan["source"] == "theirs.guiji"
    assert plan["added"] == {"coders": 1, "codings": 1}
    assert plan["matched"] == {"codes": 2, "documents": 1}
    assert dump_tables(mine) == before
    done = run_json("merge", mine, theirs, "--json", capsys=capsys)
    assert done["added"] == plan["added"]
    again = run_json("merge", mine, theirs, "--json", capsys=capsys)
    assert again["added"] == {} and again["matched"]["codings"] == 1
    agreement = run_json("agreement", mine, "--coders", "甲", "乙", "--unit", "segment:50", "--json", capsys=capsys)
    assert agreement["overall"]["percent"] == 100.0  # 5 of 8 characters shared: ≥ 50 % of the union


def test_merge_text_output_names_conflicts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = _project(tmp_path / "mine.guiji", "甲", (4, 9))
    other = create_project(tmp_path / "other.guiji")
    add_text_document(other, "访谈", TEXT + "另一段。")
    other.close()
    code, out, _err = run("merge", mine, tmp_path / "other.guiji", capsys=capsys)
    assert code == 0
    assert "conflict: document '访谈': a document of this name has a different text" in out
    code, _out, err = run("merge", mine, tmp_path / "缺失.qdpx", capsys=capsys)
    assert code != 0 and "缺失.qdpx" in err

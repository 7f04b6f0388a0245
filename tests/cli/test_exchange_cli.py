"""`guiji export-qdpx`, `import-qdpx`, `import-rqda`."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.cli.helpers import run


def ok(*args: object, capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run(*args, capsys=capsys)
    assert code == 0, err
    return out


@pytest.fixture
def proj(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "p.guiji"
    src = tmp_path / "访谈甲.txt"
    src.write_text("受访者：我们一起做增权赋能𠮷的工作。\r\n受访者：还有互助合作😀。\r\n", encoding="utf-8")
    ok("new", path, capsys=capsys)
    ok("import", path, src, capsys=capsys)
    text = src.read_text(encoding="utf-8").replace("\r\n", "\n")
    for quote, code in (("增权赋能𠮷", "内生因素/增权赋能"), ("互助合作😀", "内生因素/互助合作")):
        start = text.index(quote)
        ok("codes", path, "add", code, capsys=capsys)
        ok("code", path, "--doc", "访谈甲", "--start", start, "--end", start + len(quote), "--code", code,
           "--memo", f"{quote}的备忘", capsys=capsys)
    return path


def test_export_then_import_gives_the_same_codings(proj: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "p.qdpx"
    written = json.loads(ok("export-qdpx", proj, out, "--json", capsys=capsys))
    assert written["documents"] == 1
    assert written["codings"] == 2
    assert "project.qde" in zipfile.ZipFile(out).namelist()
    report = json.loads(ok("import-qdpx", out, tmp_path / "back.guiji", "--json", capsys=capsys))
    assert report["imported"]["codings"] == 2
    assert report["positions"].startswith("code points")
    before = json.loads(ok("codings", proj, "--json", capsys=capsys))
    after = json.loads(ok("codings", tmp_path / "back.guiji", "--json", capsys=capsys))
    assert after == before
    assert {c["text"] for c in after} == {"增权赋能𠮷", "互助合作😀"}


def test_import_prints_what_was_skipped(shared_data: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    text = ok("import-qdpx", shared_data / "refi" / "atlasti-8.4.0-mac__refi-qda__TestProject.qdpx",
              tmp_path / "atlas.guiji", capsys=capsys)
    assert "14 codes" in text
    assert "is missing from the archive" in text
    assert "PDF sources are not imported" in text


def test_import_rqda(shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = json.loads(ok("import-rqda", shared_data / "rqda" / "testproject.rqda", tmp_path / "r.guiji",
                           "--json", capsys=capsys))
    assert report["imported"]["codings"] == 8
    assert len(json.loads(ok("codings", tmp_path / "r.guiji", "--json", capsys=capsys))) == 8


def test_errors_are_one_line_and_exit_non_zero(proj: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run("export-qdpx", proj, tmp_path / "p.zip", capsys=capsys)
    assert code == 1
    assert "must end in .qdpx" in err
    out = tmp_path / "p.qdpx"
    ok("export-qdpx", proj, out, capsys=capsys)
    code, _out, err = run("import-qdpx", out, proj, capsys=capsys)
    assert code == 1
    assert "already exists" in err
    bad = tmp_path / "slip.qdpx"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("project.qde", "<Project/>")
        archive.writestr("../../evil.txt", "x")
    code, _out, err = run("import-qdpx", bad, tmp_path / "new.guiji", capsys=capsys)
    assert code == 1
    assert "zip-slip" in err
    assert err.count("\n") == 1
    assert not (tmp_path / "new.guiji").exists()

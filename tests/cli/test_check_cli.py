"""``guiji check PROJECT [--json]``: a clear report, exit 0 when sound and 1 when not, no tracebacks."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.core import codebook, coding, documents
from app.core.project import create_project, open_project

ROOT = Path(__file__).resolve().parents[2]
TEXT = "访谈者：您好𠮷😀！\n受访者：我们一起做增权赋能的工作。\n"


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    path = tmp_path / "项目.guiji"
    with create_project(path) as project:
        doc = documents.add_text_document(project, "访谈甲", TEXT)
        code = codebook.create_code(project, "内生因素/增权赋能")
        start = TEXT.index("增权赋能")
        coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=start, end=start + 4,
                            coder="研究者A")
    return path


def test_a_sound_project(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", proj)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("项目.guiji: sound (schema ")
    assert lines[1] == (
        f"checked: 1 document, {len(TEXT)} characters, 2 codes, 1 coding, 0 stages, 0 stage spans, "
        "1 coder, 0 cases"
    )


def test_a_sound_project_as_json(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", proj, "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "ok": True,
        "problems": [],
        "counts": {"documents": 1, "characters": len(TEXT), "codes": 2, "codings": 1, "stages": 0,
                   "stage_spans": 0, "coders": 1, "cases": 0},
    }


def _damage(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute('UPDATE coding SET "end" = 500')
    con.execute("UPDATE document SET sha256 = 'x'")
    con.commit()
    con.close()


def test_problems_are_listed_and_exit_1(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _damage(proj)
    code, out, err = run(capsys, "check", proj)
    assert (code, err) == (1, "")
    assert out.splitlines()[:3] == [
        "项目.guiji: 2 problems found",
        "  [hash] document 1 (访谈甲): the stored SHA-256 does not match its text (the text was changed)",
        f"  [span] coding 1 in document 1 (访谈甲): the range {TEXT.index('增权赋能')}–500 is not inside the "
        f"text (0–{len(TEXT)} characters, start before end)",
    ]


def test_problems_as_json(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _damage(proj)
    code, out, _err = run(capsys, "check", proj, "--json")
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False
    assert [(p["check"], p["table"], p["row"], p["document"]) for p in report["problems"]] == [
        ("hash", "document", 1, "访谈甲"),
        ("span", "coding", 1, "访谈甲"),
    ]
    assert report["counts"]["codings"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such project file"),
        (b"", "not a Guiji project (the file is not an SQLite database)"),
        ("受访者：这不是项目文件。".encode(), "not a Guiji project (the file is not an SQLite database)"),
        ("sqlite", "not a Guiji project (its tables are not Guiji's)"),
    ],
)
def test_a_file_that_is_not_a_project_gets_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "其他.guiji"
    if content == "sqlite":
        sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    code, out, err = run(capsys, "check", path, "--json")
    assert (code, out) == (1, "")
    assert err == f"guiji: error: 其他.guiji: {message}\n"


def test_check_while_the_project_is_open_for_writing(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_project(proj):
        code, out, _err = run(capsys, "check", proj)
    assert code == 0
    assert ": sound" in out


def test_the_real_entry_point(proj: Path, tmp_path: Path) -> None:
    """``python -m app check`` is routed to the CLI (not the desktop app), with the right exit codes."""
    good = subprocess.run([sys.executable, "-m", "app", "check", str(proj), "--json"],
                          capture_output=True, cwd=ROOT, timeout=60, check=False)
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["ok"] is True
    _damage(proj)
    bad = subprocess.run([sys.executable, "-m", "app", "check", str(proj)],
                         capture_output=True, cwd=ROOT, timeout=60, check=False)
    assert bad.returncode == 1
    assert "2 problems found" in bad.stdout.decode()
    not_project = tmp_path / "notes.guiji"
    not_project.write_bytes(b"just text")
    err = subprocess.run([sys.executable, "-m", "app", "check", str(not_project)],
                         capture_output=True, cwd=ROOT, timeout=60, check=False)
    assert err.returncode == 1
    assert err.stderr.decode() == (
        "guiji: error: notes.guiji: not a Guiji project (the file is not an SQLite database)\n"
    )
    assert b"Traceback" not in err.stderr

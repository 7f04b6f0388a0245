"""A second process: refused for writing with a clear message, allowed to read; nothing is damaged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.core import codebook, coding, documents
from app.core.check import check_project
from app.core.errors import ProjectLockedError
from app.core.info import project_info
from app.core.project import create_project, open_project

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
TEXT = "访谈者：请介绍一下𠮷祥社区的情况😀。\n受访者：我们一起做增权赋能的工作。\n" * 20

# The second process: what it gets when it tries to write, to read, and to check.
SECOND = r"""
import json, sys
from app.core import coding
from app.core.check import check_project
from app.core.errors import ProjectLockedError
from app.core.info import project_info
from app.core.project import open_project
path = sys.argv[1]
result = {}
try:
    open_project(path).close()
    result["write"] = "opened"
except ProjectLockedError as exc:
    result["write"] = str(exc)
with open_project(path, read_only=True) as project:
    result["read_only"] = project.read_only
    result["info"] = project_info(project).as_dict()
    result["texts"] = sorted({c.text for c in coding.list_codings(project)})
result["check"] = check_project(path).ok
print(json.dumps(result, ensure_ascii=False))
"""

# A writer that holds the project and codes in a loop, printing each id after its commit.
WRITER = r"""
import sys
from app.core import coding
from app.core.project import open_project
path, doc_id, code_id, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
with open_project(path) as project:
    print("ready", flush=True)
    for i in range(n):
        made = coding.apply_coding(project, document_id=doc_id, code_id=code_id, start=i % 50, end=i % 50 + 3,
                                   coder="写者")
        print(made.id, flush=True)
"""


def locked_message(path: Path) -> str:
    return (
        f"{path.name}: the project is open in another Guiji window or process; "
        "close it there first (or open it read-only)"
    )


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    path = tmp_path / "共享.guiji"
    with create_project(path) as project:
        doc = documents.add_text_document(project, "访谈", TEXT)
        code = codebook.create_code(project, "内生因素/增权赋能")
        start = TEXT.index("增权赋能")
        coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=start, end=start + 4,
                            coder="研究者A")
    return path


def test_second_process_is_refused_for_writing_but_reads(proj: Path) -> None:
    with open_project(proj) as project:
        # This process keeps working while the other one is refused.
        doc_id = documents.document_id_by_name(project, "访谈")
        code_id = codebook.list_codes(project)[-1].id
        coding.apply_coding(project, document_id=doc_id, code_id=code_id, start=0, end=3, coder="研究者A")
        out = subprocess.run([sys.executable, "-c", SECOND, str(proj)], capture_output=True, cwd=ROOT,
                             timeout=120, check=True)
        result = json.loads(out.stdout)
        assert result["write"] == locked_message(proj)
        assert result["read_only"] is True
        assert result["info"] == project_info(project).as_dict()
        assert result["texts"] == ["增权赋能", "访谈者"]
        assert result["check"] is True
        coding.apply_coding(project, document_id=doc_id, code_id=code_id, start=3, end=5, coder="研究者A")
    report = check_project(proj)
    assert report.ok
    assert report.counts["codings"] == 3
    # Closed: the next writer gets in.
    out = subprocess.run([sys.executable, "-c", SECOND, str(proj)], capture_output=True, cwd=ROOT,
                         timeout=120, check=True)
    assert json.loads(out.stdout)["write"] == "opened"


def test_the_cli_refuses_a_change_with_one_clear_line(proj: Path) -> None:
    with open_project(proj):
        refused = subprocess.run(
            [sys.executable, "-m", "app", "code", str(proj), "--doc", "访谈", "--start", "0", "--end", "2",
             "--code", "内生因素/增权赋能"],
            capture_output=True, cwd=ROOT, timeout=120, check=False,
        )
    assert refused.returncode == 1
    assert refused.stdout == b""
    assert refused.stderr.decode("utf-8") == f"guiji: error: {locked_message(proj)}\n"
    with open_project(proj, read_only=True) as project:
        assert project_info(project).codings == 1


def test_reading_and_refused_writes_beside_a_busy_writer(proj: Path) -> None:
    with open_project(proj, read_only=True) as project:
        doc_id = documents.document_id_by_name(project, "访谈")
        code_id = codebook.list_codes(project)[-1].id
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(proj), str(doc_id), str(code_id), "150"],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline() == "ready\n"
    seen = []
    reported = []
    while (line := writer.stdout.readline()):
        reported.append(int(line))
        if len(reported) % 10 == 0:
            with pytest.raises(ProjectLockedError) as info:
                open_project(proj)
            assert str(info.value) == locked_message(proj)
            with open_project(proj, read_only=True) as reader:
                codings = coding.list_codings(reader)
                # A reader sees whole commits: at least what was reported, never a torn coding.
                assert {c.id for c in codings} >= set(reported)
                assert all(c.text == TEXT[c.start : c.end] for c in codings)
                seen.append(len(codings))
    assert writer.wait(timeout=60) == 0
    writer.stdout.close()
    assert len(reported) == 150
    assert seen == sorted(seen)
    assert len(seen) == 15
    report = check_project(proj)
    assert report.ok, report.problems
    assert report.counts["codings"] == 151
    with open_project(proj) as project:
        assert project_info(project).codings == 151

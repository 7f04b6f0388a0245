"""No coding that was reported committed is lost when the process is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core import codebook, coding, documents
from app.core.project import create_project, integrity_problems, open_project

ROOT = Path(__file__).resolve().parents[2]
WRITER = """
import sys
from app.core import coding
from app.core.project import open_project
path, doc_id, code_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open_project(path) as project:
    for i in range(500):
        made = coding.apply_coding(project, document_id=doc_id, code_id=code_id, start=i % 90, end=i % 90 + 5,
                                   coder="脚本")
        print(made.id, flush=True)  # printed only after the commit returned
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
@pytest.mark.parametrize("kill_after", [7, 60, 180])
def test_kill_during_scripted_codings(tmp_path: Path, kill_after: int) -> None:
    path = tmp_path / "crash.guiji"
    with create_project(path) as project:
        doc = documents.add_text_document(project, "长文", "𠮷社区治理" * 20)
        code = codebook.create_code(project, "甲")
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(doc.id), str(code.id)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    assert proc.stdout is not None
    reported: list[int] = []
    deadline = time.monotonic() + 60
    while len(reported) < kill_after and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        reported.append(int(line))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert len(reported) == kill_after, "the writer stopped before it was killed"
    with open_project(path) as project:  # the lock died with the process
        assert integrity_problems(project) == []
        present = {c.id for c in coding.list_codings(project)}
        assert set(reported) <= present
        assert all(c.text == ("𠮷社区治理" * 20)[c.start:c.end] for c in coding.list_codings(project))

"""The write lock names its holder, leaves no file after a clean close, and a crashed holder's lock
file is recognised and taken over."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.errors import ProjectLockedError
from app.core.project import create_project, lock_holder, open_project

ROOT = Path(__file__).resolve().parents[2]

HOLDER = r"""
import sys, time
from app.core.project import open_project
project = open_project(sys.argv[1])
print("ready", flush=True)
time.sleep(60)
"""


def _start_holder(path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_clean_close_leaves_no_lock_file(tmp_path: Path) -> None:
    path = tmp_path / "p.guiji"
    create_project(path).close()
    assert not Path(f"{path}.lock").exists()
    with open_project(path) as project:
        assert Path(f"{path}.lock").exists()
        holder = lock_holder(path)
        assert holder is not None and holder.pid == os.getpid() and holder.host == socket.gethostname()
        assert project.open_report.stale_lock is None
    assert not Path(f"{path}.lock").exists()
    # Read-only opening takes no lock and writes no file.
    with open_project(path, read_only=True):
        assert not Path(f"{path}.lock").exists()


def test_locked_message_names_the_holder(tmp_path: Path) -> None:
    path = tmp_path / "访谈.guiji"
    create_project(path).close()
    proc = _start_holder(path)
    try:
        with pytest.raises(ProjectLockedError) as info:
            open_project(path)
        exc = info.value
        assert exc.params["pid"] == proc.pid
        assert exc.params["host"] == socket.gethostname()
        assert exc.params["since"][:4].isdigit()
        # The failed attempt did not erase the holder's record, so a third process still learns who it is.
        assert lock_holder(path).pid == proc.pid
        with open_project(path, read_only=True) as project:
            assert project.read_only
    finally:
        proc.terminate()
        proc.wait()
        proc.stdout.close()


def test_stale_lock_of_a_killed_process_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "p.guiji"
    create_project(path).close()
    proc = _start_holder(path)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert Path(f"{path}.lock").exists()  # the crash left it behind
    with open_project(path) as project:
        stale = project.open_report.stale_lock
        assert stale is not None and stale.pid == proc.pid
        assert lock_holder(path).pid == os.getpid()
    assert not Path(f"{path}.lock").exists()


def test_garbage_or_empty_lock_file_is_no_holder(tmp_path: Path) -> None:
    path = tmp_path / "p.guiji"
    create_project(path).close()
    Path(f"{path}.lock").write_text("", encoding="utf-8")
    assert lock_holder(path) is None
    Path(f"{path}.lock").write_text(json.dumps({"host": 1}), encoding="utf-8")
    assert lock_holder(path) is None
    with open_project(path) as project:
        assert project.open_report.stale_lock is None

"""kill -9 at a random moment loses nothing that was reported committed and leaves no half import.

Each trial is a real process killed with SIGKILL while it works on a project: applying, removing
and annotating codings one commit at a time, or importing 30 files of 20,000 characters in one
``import_files`` call. After each kill the project must pass ``check_project`` (read-only, before
anything repairs it), open for writing (the dead process's lock is gone), hold every change the
process reported as committed, and hold either all or none of the import.

To run 20 trials of each kind in a few seconds, the worker processes are forked from one warm
"fork server" that has already imported Guiji (a fresh interpreter costs ~0.6 s). The delays are
drawn from a seeded generator; the import delays are scaled to the import's measured duration so
that the kills fall before, inside and after its transaction on any machine.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.core import codebook, coding, documents
from app.core.check import check_project
from app.core.project import create_project, open_project
from app.core.text import sha256_text

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork and SIGKILL"
    ),
]

ROOT = Path(__file__).resolve().parents[2]
TRIALS = 20
TEXT = "访谈者：请介绍一下𠮷祥社区的情况😀。\r\n受访者：我们一起做增权赋能的工作。\n" * 30
STORED = TEXT.replace("\r\n", "\n")

# The fork server: reads one JSON job per line, forks a worker for it, reports its exit status.
# Workers write one line per event with a single os.write (atomic on a pipe), each change's
# "done" line only after the service call, and so its commit, returned.
SERVER = r"""
import json, os, sys, time
from app.core import coding, documents
from app.core.db import migrate
from app.core.project import open_project

migrate.head_revision()
migrate.known_revisions()  # warm Alembic's caches before forking

def say(*parts):
    os.write(1, (" ".join(str(p) for p in parts) + "\n").encode("utf-8"))

def codings(path, doc_id, code_id, first, length):
    with open_project(path) as project:
        say("ready", os.getpid(), time.monotonic())
        added = []
        for i in range(first, first + 100_000):
            start = (i * 7) % (length - 6)
            end = start + 1 + i % 5
            say("begin", "add", i, start, end)
            made = coding.apply_coding(project, document_id=doc_id, code_id=code_id, start=start, end=end,
                                       coder="脚本")
            say("done", "add", i, made.id)
            added.append(made.id)
            if i % 3 == 2 and len(added) >= 2:
                gone = added.pop(-2)
                say("begin", "remove", gone)
                coding.remove_coding(project, gone)
                say("done", "remove", gone)
            if i % 5 == 4:
                say("begin", "memo", added[-1], f"备注{i}")
                coding.set_coding_memo(project, added[-1], f"备注{i}")
                say("done", "memo", added[-1], f"备注{i}")

def imports(path, files):
    with open_project(path) as project:
        say("ready", os.getpid(), time.monotonic())
        docs = documents.import_files(project, files, progress=lambda k, n: say("progress", k, n))
        say("done", "import", len(docs), time.monotonic())

say("server", os.getpid())
for line in sys.stdin:
    job = json.loads(line)
    pid = os.fork()
    if pid == 0:
        status = 0
        try:
            {"codings": codings, "imports": imports}[job["kind"]](**job["args"])
        except BaseException as exc:
            say("error", type(exc).__name__, repr(str(exc)))
            status = 1
        os._exit(status)
    _, status = os.waitpid(pid, 0)
    say("exit", pid, status)
"""


class ForkServer:
    """The fork server process and a thread that queues its output lines."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        assert self.next_line(timeout=60).startswith("server ")

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            self.lines.put(raw.decode("utf-8").rstrip("\n"))
        self.lines.put("<eof>")

    def next_line(self, timeout: float = 30) -> str:
        line = self.lines.get(timeout=timeout)
        assert line != "<eof>", "the fork server died"
        return line

    def run(self, kind: str, delay: float | None, **args: object) -> Trial:
        """Start a worker; kill it ``delay`` seconds after it is ready (None: let it finish)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps({"kind": kind, "args": args}) + "\n").encode("utf-8"))
        self.proc.stdin.flush()
        trial = Trial()
        ready = self.next_line()
        assert ready.startswith("ready "), ready
        trial.pid = int(ready.split()[1])
        trial.ready_at = float(ready.split()[2])
        if delay is not None:
            time.sleep(delay)
            with contextlib.suppress(ProcessLookupError):  # it finished (or failed) first
                os.kill(trial.pid, signal.SIGKILL)
        while not (line := self.next_line()).startswith(f"exit {trial.pid} "):
            assert not line.startswith("error "), line
            trial.lines.append(line.split(" "))
        status = int(line.split()[2])
        trial.killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        assert trial.killed or status == 0, f"the worker exited with status {status}"
        return trial

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        assert self.proc.stdout is not None
        self.proc.stdout.close()


@dataclass
class Trial:
    pid: int = 0
    ready_at: float = 0.0
    killed: bool = False
    lines: list[list[str]] = field(default_factory=list)


@pytest.fixture(scope="module")
def server() -> Iterator[ForkServer]:
    srv = ForkServer()
    yield srv
    srv.close()


def assert_sound(path: Path) -> None:
    """The crashed file passes the read-only check as it is, before any writer touches it."""
    report = check_project(path)
    assert report.ok, report.problems


def test_kill_during_scripted_codings(server: ForkServer, tmp_path: Path) -> None:
    path = tmp_path / "codings.guiji"
    with create_project(path) as project:
        doc = documents.add_text_document(project, "长文", TEXT)
        code = codebook.create_code(project, "甲/乙")
    rng = random.Random(20261123)
    expected: dict[int, tuple[int, int, str]] = {}  # coding id -> (start, end, memo) reported committed
    first = 0
    made_changes = 0
    for trial_no in range(TRIALS):
        delay = rng.uniform(0.0, 0.25)
        trial = server.run("codings", delay, path=str(path), doc_id=doc.id, code_id=code.id, first=first,
                           length=len(STORED))
        assert trial.killed
        planned: dict[int, tuple[int, int]] = {}
        in_flight: list[str] | None = None
        for words in trial.lines:
            match words:
                case ["begin", "add", i, start, end]:
                    planned[int(i)] = (int(start), int(end))
                case ["done", "add", i, cid]:
                    expected[int(cid)] = (*planned[int(i)], "")
                case ["done", "remove", cid]:
                    del expected[int(cid)]
                case ["done", "memo", cid, memo]:
                    expected[int(cid)] = (*expected[int(cid)][:2], memo)
            in_flight = words if words[0] == "begin" else None
            made_changes += words[0] == "done"

        assert_sound(path)
        with open_project(path) as project:  # opens for writing: the lock died with the worker
            found = {c.id: (c.start, c.end, c.memo) for c in coding.list_codings(project)}
            assert all(c.text == STORED[c.start : c.end] for c in coding.list_codings(project))
        context = f"trial {trial_no}, killed {delay:.3f} s after ready, in flight: {in_flight}"
        # The one operation that was in flight may or may not have committed; nothing else differs.
        extra = set(found) - set(expected)
        missing = set(expected) - set(found)
        changed = {cid for cid in set(found) & set(expected) if found[cid] != expected[cid]}
        may_add: set[int] = set()
        may_remove: set[int] = set()
        may_change: set[int] = set()
        match in_flight:
            case ["begin", "add", _i, start, end]:
                may_add = {cid for cid in extra if found[cid] == (int(start), int(end), "")}
                assert len(extra) <= 1, context
            case ["begin", "remove", cid]:
                may_remove = {int(cid)}
            case ["begin", "memo", cid, memo]:
                may_change = {int(cid)} if found.get(int(cid), ("", "", ""))[2] == memo else set()
        assert (extra - may_add, missing - may_remove, changed - may_change) == (set(), set(), set()), context
        expected = found  # the next trial starts from what is really there
        first = 1 + max((int(w[2]) for w in trial.lines if w[:2] == ["begin", "add"]), default=first - 1)
    assert made_changes > TRIALS, "the workers were killed before they changed anything"


def _write_import_sources(folder: Path, count: int = 30, size: int = 20_000) -> dict[str, str]:
    """``count`` files of ``size`` characters (half GB18030 with CRLF, half UTF-8); name -> stored sha."""
    rng = random.Random(7)
    alphabet = "我们社区治理的工作一直在推进，居民参与很重要。𠮷😀访谈者受访者：？！"
    folder.mkdir()
    hashes = {}
    for n in range(count):
        lines = []
        while sum(map(len, lines)) < size:
            lines.append("".join(rng.choice(alphabet) for _ in range(rng.randint(20, 120))) + "\n")
        body = "".join(lines)[:size]
        name = f"访谈{n:02d}.txt"
        if n % 2:
            (folder / name).write_bytes(body.replace("\n", "\r\n").encode("gb18030"))
        else:
            (folder / name).write_bytes(body.encode("utf-8"))
        hashes[name] = sha256_text(body)
    return hashes


def _imported(path: Path) -> list[tuple[str, str]]:
    with open_project(path) as project:
        return [(d.source_name, d.sha256) for d in documents.list_documents(project)]


def test_kill_during_an_import_of_30_files(server: ForkServer, tmp_path: Path) -> None:
    hashes = _write_import_sources(tmp_path / "sources")
    files = [str(tmp_path / "sources" / name) for name in hashes]
    path = tmp_path / "imports.guiji"
    with create_project(path) as project:
        documents.add_text_document(project, "已有", STORED)

    # An uninterrupted run measures how long the import takes on this machine.
    calibration = server.run("imports", None, path=str(path), files=files)
    assert not calibration.killed
    finished = [w for w in calibration.lines if w[:2] == ["done", "import"]]
    assert finished
    assert finished[0][2] == "30"
    duration = float(finished[0][3]) - calibration.ready_at
    before = _imported(path)
    assert len(before) == 31
    assert sorted(before[1:]) == sorted(hashes.items())

    # Each trial kills an import into a fresh copy of this project (31 documents).
    rng = random.Random(20261124)
    phases: dict[str, int] = {"reading": 0, "writing": 0, "committed": 0}
    for trial_no in range(TRIALS):
        trial_path = Path(shutil.copy(path, tmp_path / f"trial-{trial_no}.guiji"))
        delay = rng.uniform(0.0, 1.2 * duration)
        trial = server.run("imports", delay, path=str(trial_path), files=files)
        progress = max((int(w[1]) for w in trial.lines if w[0] == "progress"), default=0)
        reported = any(w[:2] == ["done", "import"] for w in trial.lines)
        phase = "committed" if reported else "writing" if progress > len(files) else "reading"
        phases[phase] += 1

        assert_sound(trial_path)
        after = _imported(trial_path)
        context = f"trial {trial_no}: killed {delay:.3f} s into a {duration:.3f} s import, phase {phase}"
        assert after[: len(before)] == before, context
        new = after[len(before) :]
        assert len(new) in (0, len(files)), f"{context}: a half import of {len(new)} documents"
        if reported:
            assert new, f"{context}: the import was reported but is missing"
        assert sorted(new) in ([], sorted(hashes.items())), context
        trial_path.unlink()
    # The delays cover the import: most kills must land before it was reported done.
    assert phases["reading"] + phases["writing"] >= TRIALS // 4, phases


def test_fork_server_workers_really_write(server: ForkServer, tmp_path: Path) -> None:
    """A guard on the harness: an unkilled worker's import is all there, byte for byte."""
    hashes = _write_import_sources(tmp_path / "few", count=3, size=500)
    path = tmp_path / "p.guiji"
    create_project(path).close()
    trial = server.run("imports", None, path=str(path), files=[str(tmp_path / "few" / n) for n in hashes])
    assert not trial.killed
    assert sorted(_imported(path)) == sorted(hashes.items())
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert check_project(path).ok
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest

"""``guiji`` / ``python -m app``: subcommands go to the CLI, project paths to the window, anything else
is a usage error (exit 2) that never starts the desktop app.

The subprocess tests run with a timeout: a regression that starts a window fails instead of hanging.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.__main__ import EXIT_USAGE, opens_window, usage_error
from app.cli import subcommand_names
from app.commands import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return _python(["-m", "app", *args], cwd)


def _python(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=TIMEOUT, check=False)


def _probe(args: list[str], cwd: Path) -> list[str]:
    """Run app.__main__.main(args) with a stand-in for the desktop app; report what happened."""
    script = textwrap.dedent(f"""
        import sys, types
        fake = types.ModuleType("app.ui.app")
        fake.run_app = lambda path: print("WINDOW", path) or 0
        sys.modules["app.ui.app"] = fake
        from app.__main__ import main
        rc = main({args!r})
        print("RC", rc)
        print("PARSER", "app.cli" in sys.modules)
    """)
    done = _python(["-c", script], cwd)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_static_command_set_equals_the_parsers_choices() -> None:
    assert set(COMMANDS) == subcommand_names()


@pytest.mark.parametrize(("args", "expected"), [
    (["inof", "P.guiji"], "unknown command 'inof' (did you mean 'info'?)"),
    (["convert-doc", "P.guiji", "--doc", "X"], "unknown command 'convert-doc' (did you mean 'convert'?)"),
    (["notes.txt"], "'notes.txt' is neither a command nor a project file"),
    (["frobnicate"], "unknown command 'frobnicate'\n"),
])
def test_unknown_command_is_a_usage_error_not_a_window(tmp_path: Path, args: list[str], expected: str) -> None:
    done = _run(*args, cwd=tmp_path)
    assert done.returncode == EXIT_USAGE
    assert expected in done.stderr
    assert done.stdout == ""
    assert list(tmp_path.iterdir()) == []  # nothing created: no project, no window state


def test_a_mistyped_command_neither_builds_the_parser_nor_starts_the_app(tmp_path: Path) -> None:
    lines = _probe(["inof", "P.guiji"], tmp_path)
    assert "RC 2" in lines
    assert "PARSER False" in lines
    assert not any(line.startswith("WINDOW") for line in lines)


def test_a_new_guiji_path_opens_the_window_without_building_the_parser(tmp_path: Path) -> None:
    lines = _probe(["fresh.guiji"], tmp_path)
    assert lines[:2] == ["WINDOW fresh.guiji", "RC 0"]
    assert "PARSER False" in lines


def test_no_arguments_open_the_window(tmp_path: Path) -> None:
    assert _probe([], tmp_path)[:2] == ["WINDOW None", "RC 0"]


def test_subcommands_still_run_through_the_entry_point(tmp_path: Path) -> None:
    assert _run("new", "p.guiji", cwd=tmp_path).returncode == 0
    done = _run("info", "p.guiji", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert '"documents": 0' in done.stdout
    assert _run("--version", cwd=tmp_path).stdout.startswith("guiji ")


def test_opens_window_only_for_a_project_path(tmp_path: Path) -> None:
    existing = tmp_path / "old.guiji"
    existing.write_bytes(b"")
    assert opens_window([])
    assert opens_window([str(existing)])
    assert opens_window([str(tmp_path / "新项目.GUIJI")])
    assert not opens_window([str(tmp_path / "missing.txt")])
    assert not opens_window([str(tmp_path)])  # a folder is not a project
    assert not opens_window([str(existing), "extra"])
    assert not opens_window(["inof"])


def test_usage_error_suggests_only_close_names() -> None:
    message = usage_error("codse")
    assert "did you mean 'code' or 'codes'" in message
    assert "'stage'" not in message
    assert "did you mean" not in usage_error("xyzzy")

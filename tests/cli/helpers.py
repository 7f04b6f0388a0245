"""Run the CLI in-process, as the CLI tests do."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app.cli import main


def run(*args: object, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``guiji ARGS…``: the exit code, stdout and stderr."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(*args: object, capsys: pytest.CaptureFixture[str]) -> Any:
    """``guiji ARGS…`` that must succeed; its stdout parsed as JSON."""
    code, out, err = run(*args, capsys=capsys)
    assert code == 0, err
    return json.loads(out)

"""`guiji … | head`: a reader that stops early is not an error (exit 0, no traceback)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli.helpers import run


def test_output_cut_short_by_the_reader(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    project, source = tmp_path / "p.guiji", tmp_path / "长.txt"
    source.write_text("我们的社区的活动的很多。\n" * 20_000, encoding="utf-8")  # ≈ 80,000 hits of 的
    assert run("new", project, capsys=capsys)[0] == 0
    assert run("import", project, source, capsys=capsys)[0] == 0
    child = subprocess.Popen([sys.executable, "-m", "app", "search", str(project), "的"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    first = child.stdout.readline()
    child.stdout.close()  # as `head -1` does
    err = child.stderr.read().decode("utf-8")
    child.stderr.close()
    assert child.wait(timeout=120) == 0, err
    assert "的" in first.decode("utf-8") and "Traceback" not in err and "Broken pipe" not in err

"""`guiji screenshot` as a user runs it: a real subprocess, the sample project, a PNG of the window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_screenshot_of_the_sample_project(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    sample = tmp_path / "sample.guiji"
    subprocess.run([sys.executable, "-m", "app", "sample", str(sample)], check=True, cwd=ROOT, env=env,
                   capture_output=True)
    out = tmp_path / "shot.png"
    result = subprocess.run(  # noqa: PLW1510 - the return code is asserted below
        [sys.executable, "-m", "app", "screenshot", str(out), "--project", str(sample), "--doc", "社工访谈"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 880)
    # The coded passages are tinted: count pixels that are neither white, grey nor black.
    tinted = 0
    for y in range(100, 860, 6):
        for x in range(300, 1000, 6):
            c = image.pixelColor(x, y)
            if max(c.red(), c.green(), c.blue()) - min(c.red(), c.green(), c.blue()) > 25:
                tinted += 1
    assert tinted > 200, "no coding highlights were drawn"


def test_screenshot_names_a_missing_document(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    sample = tmp_path / "sample.guiji"
    subprocess.run([sys.executable, "-m", "app", "sample", str(sample)], check=True, cwd=ROOT, env=env,
                   capture_output=True)
    result = subprocess.run(  # noqa: PLW1510 - the return code is asserted below
        [sys.executable, "-m", "app", "screenshot", str(tmp_path / "x.png"), "--project", str(sample),
         "--doc", "不存在"], cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "不存在" in result.stderr

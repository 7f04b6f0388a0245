"""Fixtures shared by every test: an isolated user folder, the shared test data, small projects."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.project import create_project

# Qt must not look for a display in tests; set before pytest-qt creates the QApplication.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings, logs and caches go to a temporary folder, never the user's real one."""
    monkeypatch.setenv("GUIJI_HOME", str(tmp_path_factory.mktemp("guiji-home")))
    monkeypatch.setenv("GUIJI_CODER", "测试者")


@pytest.fixture
def shared_data() -> Path:
    """``../shared/data``; skipped with a reason when absent, a failure under CI=true."""
    if not SHARED_DATA.is_dir():
        message = f"../shared/data not found at {SHARED_DATA}: the real test material is missing"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return SHARED_DATA


@pytest.fixture
def project(tmp_path: Path) -> Iterator[object]:
    """A new, empty project, closed after the test."""
    proj = create_project(tmp_path / "test.guiji")
    yield proj
    proj.close()

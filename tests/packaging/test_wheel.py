"""The wheel: built from the tree, installed into a fresh virtual environment outside it, smoke-tested.

Slow (a build, a venv, a dozen subprocesses): marked ``slow`` and ``packaging`` so a developer can
deselect it (``-m 'not packaging'``); ``make test`` and CI run it.

The fresh environment gets the wheel with ``pip install --no-deps``; its dependencies come from the
development environment's site-packages, added as a plain path (so the editable install's ``.pth``
that points at the source tree is *not* processed). Under CI (``CI=true``), or with
``GUIJI_WHEEL_FULL_INSTALL=1``, the dependencies come from the package index instead, as for a user
(needs the network; about 45 s here). ``GUIJI_WHEEL_FULL_INSTALL=0`` forces the quick way.
Either way the test checks that ``app`` is imported from the installed wheel, not the source tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.packaging]


def _bin(env_dir: Path, name: str) -> Path:
    return env_dir / ("Scripts" if os.name == "nt" else "bin") / (name + (".exe" if os.name == "nt" else ""))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True, cwd=ROOT)
    (built,) = out.glob("guiji-*.whl")
    return built


def test_wheel_carries_what_the_app_reads(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    bundled = "app/_bundled/"
    for needed in ("resources/i18n/guiji_zh_CN.qm", "docs/user-guide.md", "migrations/env.py",
                   "resources/sample/sample.json", "resources/icons/guiji.svg"):
        assert bundled + needed in names, needed
    assert any(n.startswith(bundled + "resources/templates/") and n.endswith(".json") for n in names)
    assert any(n.startswith(bundled + "migrations/versions/") for n in names)
    assert not [n for n in names if n.startswith(("tests/", "bench/")) or n.endswith(".pyc")]
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "guiji = app.__main__:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_passes_the_smoke(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = _bin(env_dir, "python")
    if os.environ.get("GUIJI_WHEEL_FULL_INSTALL", "1" if os.environ.get("CI") == "true" else "0") == "1":
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, cwd=tmp_path)
    else:
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                       check=True, cwd=tmp_path)
        site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                              check=True, capture_output=True, text=True).stdout.strip()
        dev_site = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
        (Path(site) / "guiji_dev_dependencies.pth").write_text("\n".join(sorted(dev_site)) + "\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run([str(python), "-c", "import app, json; print(json.dumps(app.__file__))"],
                           check=True, capture_output=True, text=True, cwd=tmp_path, env=env).stdout
    assert not Path(json.loads(where)).is_relative_to(ROOT), where
    assert Path(json.loads(where)).is_relative_to(env_dir)
    guiji = _bin(env_dir, "guiji")
    assert guiji.exists()
    smoke = subprocess.run([sys.executable, str(ROOT / "packaging" / "smoke.py"), "--", str(guiji)],
                           check=False, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=900)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    summary = json.loads(smoke.stdout.splitlines()[-1])
    assert summary["ok"] and summary["fonts"]

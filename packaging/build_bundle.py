"""Build the PyInstaller bundle (``make dist``) and measure it.

Runs PyInstaller on packaging/guiji.spec into dist/, adds on Linux the ``.desktop`` file, the icon
and an installer script beside the executable, then measures the bundle: its size unpacked and its
start-up to a usable window (``guiji screenshot`` of the start page, offscreen: process start,
imports, window built and painted, PNG written; the best of three runs after a warm-up). The
figures are printed and written to dist/bundle-report.json.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUDGET_MB = 350
BUDGET_START_S = 1.5


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def executable(bundle: Path) -> Path:
    if sys.platform == "win32":
        return bundle / "guiji-cli.exe"
    if sys.platform == "darwin":
        return DIST / "Guiji.app" / "Contents" / "MacOS" / "guiji"
    return bundle / "guiji"


def add_linux_files(bundle: Path) -> None:
    linux = ROOT / "packaging" / "linux"
    shutil.copy2(linux / "guiji.desktop", bundle / "guiji.desktop")
    shutil.copy2(linux / "install.sh", bundle / "install.sh")
    shutil.copy2(ROOT / "packaging" / "icons" / "guiji.png", bundle / "guiji.png")


def strip_debug_info(bundle: Path) -> int:
    """Remove debug sections from the extension modules that carry them (spaCy, blis, thinc: about
    110 MB of the bundle). Libraries vendored by auditwheel (``*.libs`` folders, e.g. numpy's
    OpenBLAS) are left alone: patchelf rewrote them and stripping breaks their load segments.
    Returns the bytes saved."""
    if shutil.which("strip") is None:
        return 0
    saved = 0
    for lib in sorted(bundle.rglob("*.so*")):
        if not lib.is_file() or lib.is_symlink() or any(p.endswith(".libs") for p in lib.parts):
            continue
        data = lib.read_bytes()
        if not data.startswith(b"\x7fELF") or b".debug_info" not in data:
            continue
        before = len(data)
        subprocess.run(["strip", "--strip-debug", str(lib)], check=True)
        saved += before - lib.stat().st_size
    return saved


def start_up_seconds(exe: Path, runs: int = 3) -> float:
    """Best wall time of ``guiji screenshot`` on the start page (after one warm-up run)."""
    best = float("inf")
    with tempfile.TemporaryDirectory(prefix="guiji-start-") as work:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GUIJI_HOME=work)
        for attempt in range(runs + 1):
            started = time.perf_counter()
            subprocess.run([str(exe), "screenshot", str(Path(work) / "start.png")], env=env, check=True,
                           capture_output=True)
            if attempt:
                best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(ROOT / "packaging" / "guiji.spec")], check=True, cwd=ROOT)
    built = time.perf_counter() - started
    bundle = DIST / "guiji"
    if sys.platform.startswith("linux"):
        add_linux_files(bundle)
        print(f"stripped {strip_debug_info(bundle) / 1e6:.0f} MB of debug information")
    exe = executable(bundle)
    size = folder_size(DIST / "Guiji.app" if sys.platform == "darwin" else bundle)
    start = start_up_seconds(exe)
    report = {
        "platform": sys.platform,
        "executable": str(exe.relative_to(ROOT)),
        "build_seconds": round(built, 1),
        "size_mb": round(size / 1e6, 1),
        "size_budget_mb": BUDGET_MB,
        "start_up_seconds": round(start, 2),
        "start_up_budget_seconds": BUDGET_START_S,
    }
    (DIST / "bundle-report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"bundle: {exe.relative_to(ROOT)}  built in {built:.0f} s  size {size / 1e6:.0f} MB "
          f"(budget {BUDGET_MB})  start-up to the start page {start:.2f} s (budget {BUDGET_START_S})")
    if size / 1e6 > BUDGET_MB:
        print(f"bundle is over its size budget of {BUDGET_MB} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Guiji's benchmark: a generator of large projects and timed scenarios with a JSON report.

``python -m bench --size small|large`` (``make bench-small`` / ``make bench``); see
docs/performance.md.
"""

from __future__ import annotations

from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
PROJECTS_DIR = BENCH_DIR / "projects"
REPORT_PATH = BENCH_DIR / "report.json"

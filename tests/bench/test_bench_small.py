"""The benchmark never rots: the generator is exact and deterministic, and `python -m bench` runs every
scenario end to end and writes a complete report. Timings are never asserted (machines are noisy)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.core import coding, documents
from app.core.project import open_project
from app.core.text import normalise, sha256_text
from bench.generate import SIZES, generate_project
from bench.runner import SCENARIOS

ROOT = Path(__file__).resolve().parents[2]


def test_generator_is_exact_and_deterministic(tmp_path: Path) -> None:
    spec = SIZES["tiny"]
    first = generate_project(tmp_path / "a.guiji", spec, seed=7)
    second = generate_project(tmp_path / "b.guiji", spec, seed=7)
    other = generate_project(tmp_path / "c.guiji", spec, seed=8)
    assert first["fingerprint"] == second["fingerprint"] != other["fingerprint"]
    counts = first["counts"]
    assert (counts["documents"], counts["characters"], counts["codes"], counts["codings"]) == (
        spec.documents, spec.characters, spec.codes, spec.codings,
    )
    assert (counts["stages"], counts["coders"], counts["cases"]) == (spec.stages, spec.coders, spec.cases)
    assert first["big_document"]["length"] == spec.big_document
    assert first["big_document"]["codings"] == spec.codings * spec.big_document // spec.characters
    assert counts["astral_characters"] > 0

    # What the services see agrees: normalised, hashed like an import, codings inside their text.
    with open_project(tmp_path / "a.guiji", read_only=True) as project:
        docs = documents.list_documents(project)
        for doc in docs:
            text = documents.document_text(project, doc.id)
            assert text == normalise(text)
            assert (doc.length, doc.sha256) == (len(text), sha256_text(text))
            assert "\n访谈者：" in text
            assert "\n受访者：" in text
        codings = coding.list_codings(project)
    assert len(codings) == spec.codings
    assert all(10 <= c.end - c.start <= 200 and c.text for c in codings)
    assert {c.coder for c in codings} == {"研究者甲", "研究者乙"}


@pytest.mark.slow
def test_bench_small_runs_every_scenario(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--size", "small", "--runs", "1", "--out", str(out),
         "--cache-dir", str(tmp_path / "projects")],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(out.read_text("utf-8"))
    assert report["size"] == "small"
    assert {"cpu", "cores", "memory_mb", "python", "sqlite", "platform"} <= set(report["machine"])
    assert set(report["scenarios"]) == set(SCENARIOS)
    for name, entry in report["scenarios"].items():
        assert "error" not in entry, f"{name}: {entry.get('error')}"
        assert isinstance(entry["median_s"], float), name
        assert entry["median_s"] > 0, name
        assert entry["runs"], name
        assert all(isinstance(t, float) for t in entry["runs"]), name
        assert isinstance(entry["peak_rss_mb"], float), name
        assert entry["peak_rss_mb"] > 0, name
        assert isinstance(entry["within_budget"], bool), name
    for line in ("open_project", "gui_open_300k", "median"):
        assert line in proc.stdout
    assert report["scenarios"]["gui_open_300k"]["details"]["shown_codings"] == 200

"""Two coders on the real transcripts: two copies coded independently, merged, agreement computed.

Copy A holds the hand-coded gold set (bench/gold, on ../shared/data/zh) by coder ``gold``; copy B the
same documents coded by ``乙``, who agrees only partly (a seeded share of the gold passages dropped,
shifted or given another code, and a few passages of their own). B is merged into A, and the figures
are checked against a unit matrix built independently and scored by scikit-learn and the
``krippendorff`` package.
"""

from __future__ import annotations

from pathlib import Path

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from app.core.agreement import agreement
from app.core.codebook import list_codes
from app.core.coding import NewCoding, apply_codings, list_codings
from app.core.disagreements import disagreements
from app.core.documents import document_text, list_documents
from app.core.merge import merge_file
from app.core.nlp.units import covers, units
from app.core.project import Project, open_project

GOLD_CODER = "gold"


def _second_coder(gold, project: Project) -> int:  # type: ignore[no-untyped-def]
    from bench.gold.load import document_name

    rng = np.random.default_rng(17)
    docs = {d.name: d for d in list_documents(project)}
    codes = {c.path: c.id for c in list_codes(project)}
    leaves = sorted({c.code for c in gold.codings})
    items = []
    for c in gold.codings:
        doc = docs[document_name(c.document)]
        roll = rng.random()
        if roll < 0.2:
            continue  # not coded by 乙
        start, end, code = c.start, c.end, c.code
        if roll < 0.4:
            start = max(0, start + int(rng.integers(-8, 9)))
            end = min(doc.length, max(start + 1, end + int(rng.integers(-8, 9))))
        elif roll < 0.5:
            code = leaves[int(rng.integers(0, len(leaves)))]
        items.append(NewCoding(doc.id, codes[code], start, end, "乙"))
    for doc in docs.values():  # passages of 乙's own
        for _ in range(15):
            start = int(rng.integers(0, doc.length - 60))
            items.append(NewCoding(doc.id, codes[leaves[int(rng.integers(0, len(leaves)))]], start,
                                   start + int(rng.integers(10, 60)), "乙"))
    apply_codings(project, items)
    return len(items)


def _matrix(project: Project, code: str) -> np.ndarray:
    rows: list[list[int]] = [[], []]
    codings = [c for c in list_codings(project) if c.code == code]
    for doc in list_documents(project):
        text = document_text(project, doc.id)
        mine = [c for c in codings if c.document_id == doc.id]
        for unit in units(text):
            for i, coder in enumerate((GOLD_CODER, "乙")):
                rows[i].append(int(any(c.coder == coder and covers(unit.start, unit.end, c.start, c.end)
                                       for c in mine)))
    return np.array(rows)


def test_two_copies_coded_independently_merged_and_compared(tmp_path: Path, shared_data: Path) -> None:
    from bench.gold.load import build_project, load

    gold = load(shared_data / "zh")
    build_project(tmp_path / "a.guiji", gold).close()
    copy_b = build_project(tmp_path / "b.guiji", gold, codings=False)
    added = _second_coder(gold, copy_b)
    copy_b.close()

    with open_project(tmp_path / "a.guiji") as project:
        report = merge_file(project, tmp_path / "b.guiji")
        assert report.added == {"coders": 1, "codings": added} and not report.conflicts
        assert report.matched["documents"] == 2

        result = agreement(project, [GOLD_CODER, "乙"], unit="sentence")
        assert result.documents == tuple(d.name for d in list_documents(project))
        checked = 0
        for path, figures in result.per_code.items():
            matrix = _matrix(project, path)
            assert figures.n == matrix.shape[1]
            if len(np.unique(matrix)) < 2:
                continue
            assert figures.kappa == pytest.approx(cohen_kappa_score(matrix[0], matrix[1]))
            assert figures.alpha == pytest.approx(
                krippendorff.alpha(reliability_data=matrix.astype(float), level_of_measurement="nominal"))
            checked += 1
        assert checked >= 10
        kappa = result.overall.kappa
        assert kappa is not None and 0.2 < kappa < 0.95  # partly agreeing, as made
        assert result.overall.codings == {GOLD_CODER: len(gold.codings), "乙": added}

        codings = list_codings(project)
        found = disagreements([c for c in codings if c.coder == GOLD_CODER], [c for c in codings if c.coder == "乙"])
        assert {d.kind for d in found} == {"only_a", "only_b", "different"}

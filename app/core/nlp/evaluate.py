"""Honest quality numbers: the project's codings held out and suggested, scored per unit.

Two protocols (:mod:`app.core.nlp.protocols`), each training exactly as the app does on its training
part only (inner cross-validation, calibration and per-code choice, :mod:`app.core.nlp.trust`):

- **by document**: the coded documents are dealt into ``k`` folds (``k`` = at most :data:`DEFAULT_FOLDS`,
  at most the number of coded documents); each fold in turn is held out and suggested by a model of
  the others. With a single coded document its reviewed part is cut into contiguous blocks instead, so
  one coded document is enough for a first figure (issue 16: "evaluation refused with one coded
  document"). Its figures are the report's top-level ``keywords``, ``model``, ``combined`` and
  ``per_code`` (the keys of the first version, kept).
- **split**: every coded document cut at the first speaker turn after 30 % of its text; the first
  parts train, the rest is scored (``protocols.split``).

The answer for a unit and code is whether the coder coded it (:func:`app.core.nlp.units.covers`).
Methods: keyword rules alone, the model alone (its picks at the calibrated threshold), and combined
(what the panel lists by default); ``top1``: the best listed suggestion is right on a coded unit.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.codebook import list_codes
from app.core.db.models import ProjectMeta
from app.core.errors import ValidationError
from app.core.nlp.corpus import DocumentUnits, load_corpus
from app.core.nlp.keywords import rules_for
from app.core.nlp.model import DEFAULT_THRESHOLD, code_definitions
from app.core.nlp.units import UnitKind
from app.core.project import Project

__all__ = ["DEFAULT_FOLDS", "Counts", "Report", "evaluate", "folds_of", "store_quality", "stored_quality"]

DEFAULT_FOLDS = 5
METHODS = ("keywords", "model", "combined")
Progress = Callable[[int, int], None]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[int] | frozenset[int], answer: frozenset[int], code_id: int) -> None:
        hit, wanted = code_id in predicted, code_id in answer
        self.tp += hit and wanted
        self.fp += hit and not wanted
        self.fn += wanted and not hit

    def scores(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def folds_of(docs: Sequence[DocumentUnits], k: int) -> list[list[DocumentUnits]]:
    """``docs`` dealt round-robin into ``k`` folds."""
    return [list(docs[i::k]) for i in range(k)]


@dataclass
class Report:
    """The evaluation report; :meth:`as_dict` is the JSON of ``guiji evaluate``."""

    data: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return dict(self.data)


def evaluate(
    project: Project,
    *,
    folds: int = DEFAULT_FOLDS,
    threshold: float = DEFAULT_THRESHOLD,
    kind: UnitKind = "sentence",
    progress: Progress | None = None,
    split: bool = True,
) -> Report:
    """Both protocols on the project's coded documents (saves nothing)."""
    from app.core.nlp.protocols import evaluate_by_document, evaluate_split

    began = time.perf_counter()
    codes = list_codes(project)
    rules = rules_for(codes)
    paths = {c.id: c.path for c in codes}
    definitions = code_definitions(project)
    corpus = load_corpus(project, kind)
    coded = [doc for doc in corpus if doc.has_codings]
    if not coded or (len(coded) == 1 and coded[0].reviewed < 6):
        raise ValidationError(
            f"{project.path.name}: evaluation needs at least 2 coded documents, or one with at least 6 "
            f"sentences up to its last coding (it has {len(coded)})",
            code="evaluate.too_few_documents", params={"n": len(coded)},
        )
    k = max(2, min(folds, len(coded))) if len(coded) >= 2 else 3
    steps = k + (1 if split else 0)
    by_doc = evaluate_by_document(corpus, definitions, rules, paths, folds=k, threshold=threshold,
                                  progress=None if progress is None else lambda n, _t: progress(n, steps))
    protocols = {"by_document": by_doc}
    if split:
        protocols["split"] = evaluate_split(corpus, definitions, rules, paths, threshold=threshold)
        if progress is not None:
            progress(steps, steps)
    methods = ("keywords", "model", "combined")
    data = {
        **{m: by_doc[m] for m in methods},
        "per_code": {path: {"support": v["support"], **{m: v[m] for m in methods}}
                     for path, v in by_doc["per_code"].items()},
        "folds": by_doc["folds"], "threshold": threshold, "unit": kind, "documents": len(coded),
        "units": by_doc["units"], "seconds": round(time.perf_counter() - began, 1),
        "top1": by_doc["top1"], "protocols": protocols,
    }
    return Report(data)


QUALITY_KEY = "suggestions.quality"


def store_quality(project: Project, report: dict[str, Any]) -> None:
    """Keep the last evaluation report in the project, so the app shows per-code quality at once."""
    value = json.dumps(report, ensure_ascii=False)
    with project.write() as session:
        row = session.get(ProjectMeta, QUALITY_KEY)
        if row is None:
            session.add(ProjectMeta(key=QUALITY_KEY, value=value))
        else:
            row.value = value


def stored_quality(project: Project) -> dict[str, Any] | None:
    """The report :func:`store_quality` kept, or None."""
    with project.read() as session:
        row = session.get(ProjectMeta, QUALITY_KEY)
        if row is None:
            return None
        try:
            report = json.loads(row.value)
        except ValueError:
            return None
    return report if isinstance(report, dict) else None

"""Honest quality numbers: k-fold cross-validation over the project's coded documents, split by document.

The coded documents (those with at least one coding) are dealt round-robin, in document order, into
``k`` folds (``k`` = at most :data:`DEFAULT_FOLDS`, at most the number of coded documents, at least 2).
Each fold in turn is held out: a model is trained on the other folds' documents (their codings,
rejections and the codebook's definitions, exactly as :func:`app.core.nlp.model.train` does) and the
held-out documents' reviewed units are predicted. Splitting by document, never by sentence, keeps
near-identical sentences of one interview from sitting on both sides of a split.

The answer for a unit and code is whether the coder coded it (:func:`app.core.nlp.units.covers`);
the prediction is what :func:`app.core.nlp.suggest.decide` would suggest there, without the filter on
known codings. Three predictors are scored on the same units: keyword rules alone, the model alone,
and both combined (their union, as the suggestion panel shows them). For each: micro precision,
recall and F1 over all (unit, code) pairs, and macro ones averaged over the codes that occur in the
answers or the predictions; per code too, with its support (coded units).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core.codebook import list_codes
from app.core.db.models import ProjectMeta
from app.core.errors import ValidationError
from app.core.nlp import segment
from app.core.nlp.corpus import DocumentUnits, load_corpus
from app.core.nlp.keywords import rules_for
from app.core.nlp.model import DEFAULT_THRESHOLD, build_examples, code_definitions, train_model
from app.core.nlp.suggest import decide
from app.core.nlp.units import UnitKind
from app.core.project import Project

__all__ = ["DEFAULT_FOLDS", "Counts", "Evaluation", "evaluate", "folds_of", "store_quality", "stored_quality"]

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


@dataclass
class Evaluation:
    """Counts per method and code; :meth:`as_dict` gives the report."""

    folds: int
    threshold: float
    unit: str
    documents: int
    units: int = 0
    counts: dict[str, dict[int, Counts]] = field(default_factory=lambda: {m: {} for m in METHODS})
    paths: dict[int, str] = field(default_factory=dict)
    support: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0

    def _method(self, method: str) -> dict[str, Any]:
        per = self.counts[method]
        total = Counts(sum(c.tp for c in per.values()), sum(c.fp for c in per.values()),
                       sum(c.fn for c in per.values()))
        active = [c for c in per.values() if c.tp + c.fp + c.fn]
        macro = {"precision": 0.0, "recall": 0.0, "f1": 0.0}
        if active:
            for key in macro:
                macro[key] = round(sum(c.scores()[key] for c in active) / len(active), 4)
        return {**total.scores(), "macro": macro, "tp": total.tp, "fp": total.fp, "fn": total.fn}

    def as_dict(self) -> dict[str, Any]:
        """``{"keywords", "model", "combined", "per_code", "folds", …}``: precision, recall, F1 each."""
        codes = sorted(
            {c for m in METHODS for c, n in self.counts[m].items() if n.tp + n.fp + n.fn},
            key=lambda c: self.paths.get(c, ""),
        )
        per_code = {
            self.paths.get(c, str(c)): {
                "support": self.support.get(c, 0),
                **{m: self.counts[m].get(c, Counts()).scores() for m in METHODS},
            }
            for c in codes
        }
        return {
            **{m: self._method(m) for m in METHODS},
            "per_code": per_code,
            "folds": self.folds,
            "threshold": self.threshold,
            "unit": self.unit,
            "documents": self.documents,
            "units": self.units,
            "seconds": round(self.seconds, 1),
        }


def folds_of(docs: Sequence[DocumentUnits], k: int) -> list[list[DocumentUnits]]:
    """``docs`` dealt round-robin into ``k`` folds."""
    return [list(docs[i::k]) for i in range(k)]


def evaluate(
    project: Project,
    *,
    folds: int = DEFAULT_FOLDS,
    threshold: float = DEFAULT_THRESHOLD,
    kind: UnitKind = "sentence",
    progress: Progress | None = None,
) -> Evaluation:
    """Cross-validate keyword rules, the model and both on the project's coded documents (saves nothing)."""
    began = time.perf_counter()
    segment.use_codebook(project)
    codes = list_codes(project)
    rules = rules_for(codes)
    definitions = code_definitions(project)
    corpus = [doc for doc in load_corpus(project, kind) if doc.has_codings]
    if len(corpus) < 2:
        raise ValidationError(
            f"{project.path.name}: evaluation needs at least 2 coded documents (it has {len(corpus)})",
            code="evaluate.too_few_documents", params={"n": len(corpus)},
        )
    k = max(2, min(folds, len(corpus)))
    result = Evaluation(folds=k, threshold=threshold, unit=kind, documents=len(corpus),
                        paths={c.id: c.path for c in codes})
    for n, held_out in enumerate(folds_of(corpus, k)):
        training_docs = [d for d in corpus if d not in held_out]
        training = build_examples(training_docs, definitions)
        model = None
        if training.code_ids:
            model, _epochs = train_model(training)
        for doc in held_out:
            reviewed = range(doc.reviewed)
            texts = [doc.text[doc.units[i].start : doc.units[i].end] for i in reviewed]
            scores = model.score(texts) if model is not None else None
            if scores is not None:
                scores += [{} for _ in range(len(doc.units) - doc.reviewed)]
            picks: dict[str, dict[int, set[int]]] = {m: {} for m in METHODS}
            for method, sources in (("keywords", ("keyword",)), ("model", ("model",)),
                                    ("combined", ("keyword", "model"))):
                for c in decide(doc, rules, scores, threshold, skip_known=False, sources=sources):  # type: ignore[arg-type]
                    picks[method].setdefault(c.unit, set()).add(c.code_id)
            for i in reviewed:
                answer = doc.coded[i]
                result.units += 1
                for code_id in answer:
                    result.support[code_id] = result.support.get(code_id, 0) + 1
                for method in METHODS:
                    predicted = picks[method].get(i, set())
                    per = result.counts[method]
                    for code_id in predicted | answer:
                        per.setdefault(code_id, Counts()).add(predicted, answer, code_id)
        if progress is not None:
            progress(n + 1, k)
    result.seconds = time.perf_counter() - began
    return result


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

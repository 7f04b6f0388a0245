"""Evaluation protocols on a project's codings, scored per unit (sentence): the numbers of issue 16.

- **split** (:func:`evaluate_split`): every coded document is cut at the first speaker turn that starts
  after :data:`SPLIT` of its text; the first parts train (with the codebook's words), the rest is
  suggested and scored — what a coder sees after coding the start of a transcript.
- **by document** (:func:`evaluate_by_document`): each coded document in turn is held out and
  suggested by a model trained on the others (with one coded document: its reviewed part in
  contiguous blocks, so a single coded document is enough to get a figure).

Each protocol trains exactly as the app does (:func:`app.core.nlp.trust.train`: inner
cross-validation, calibration, per-code gating) on the training part only, and scores:

- ``keywords``: every keyword rule hit (the codebook's keywords and code names, both scripts);
- ``keywords_all_turns``: the same without leaving out the interviewer's turns (the old behaviour);
- ``model``: the model's picks at or above the calibrated threshold, every code (no gating);
- ``combined``: what the panel lists by default — keyword rules above their floor and the model's
  picks for the codes it is trusted with;
- ``top1``: on the units the coder coded, whether the best listed suggestion is one of their codes
  (a unit with no suggestion counts as wrong).

Precision, recall and F1 are micro over (unit, code) pairs of the scored units; ``macro`` averages
the codes that occur in answers or predictions. Scored units are the reviewed ones (up to the last
coding) of the held-out parts, interviewer turns included (a suggestion there is a false positive).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from app.core.nlp.corpus import DocumentUnits
from app.core.nlp.evaluate import Counts
from app.core.nlp.keywords import KeywordRule
from app.core.nlp.trust import THRESHOLD, Decision, Suggester, decide_units, train
from app.core.text import detect_turns

__all__ = ["SPLIT", "evaluate_by_document", "evaluate_split", "score_units", "slice_units", "split_point"]

SPLIT = 0.3
RANK = lambda d: (-d.score, d.code_id)  # noqa: E731
METHODS = ("keywords", "keywords_all_turns", "model", "combined")
PER_CODE = ("keywords", "model", "combined")
Trainer = Callable[[Sequence[DocumentUnits]], Suggester]


def slice_units(doc: DocumentUnits, a: int, b: int) -> DocumentUnits:
    """``doc`` restricted to its units ``[a, b)`` (the text stays whole: positions do not move)."""
    reviewed = max(0, min(doc.reviewed, b) - a)
    return replace(doc, units=doc.units[a:b], coded=doc.coded[a:b], rejected=doc.rejected[a:b], reviewed=reviewed)


def split_point(doc: DocumentUnits, fraction: float = SPLIT) -> int:
    """Index of the first unit of the first speaker turn starting at or after ``fraction`` of the text."""
    at = fraction * len(doc.text)
    starts = [t.label_start for t in detect_turns(doc.text) if t.label_start >= at]
    cut = starts[0] if starts else at
    return next((i for i, u in enumerate(doc.units) if u.start >= cut), len(doc.units))


class _Score:
    def __init__(self) -> None:
        self.counts: dict[str, dict[int, Counts]] = {m: {} for m in METHODS}
        self.units = 0
        self.coded_units = 0
        self.top1 = 0
        self.support: dict[int, int] = {}

    def add(self, answer: frozenset[int], picks: Mapping[str, set[int]], best: int | None) -> None:
        self.units += 1
        if answer:
            self.coded_units += 1
            self.top1 += best in answer
        for c in answer:
            self.support[c] = self.support.get(c, 0) + 1
        for method in METHODS:
            predicted = picks.get(method, set())
            per = self.counts[method]
            for code_id in predicted | answer:
                per.setdefault(code_id, Counts()).add(predicted, answer, code_id)

    def report(self, paths: Mapping[int, str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for method in METHODS:
            per = self.counts[method]
            total = Counts(sum(c.tp for c in per.values()), sum(c.fp for c in per.values()),
                           sum(c.fn for c in per.values()))
            active = [c for c in per.values() if c.tp + c.fp + c.fn]
            macro = {k: round(sum(c.scores()[k] for c in active) / len(active), 4) if active else 0.0
                     for k in ("precision", "recall", "f1")}
            out[method] = {**total.scores(), "macro": macro, "tp": total.tp, "fp": total.fp, "fn": total.fn}
        out["top1"] = round(self.top1 / self.coded_units, 4) if self.coded_units else 0.0
        out["units"] = self.units
        out["coded_units"] = self.coded_units
        out["per_code"] = {
            paths.get(c, str(c)): {"support": self.support.get(c, 0),
                                   **{m: self.counts[m].get(c, Counts()).scores() for m in PER_CODE}}
            for c in sorted({c for m in METHODS for c in self.counts[m]}, key=lambda c: paths.get(c, ""))
        }
        return out


def score_units(
    score: _Score, doc: DocumentUnits, rules: Sequence[KeywordRule], suggester: Suggester | None
) -> None:
    """Add ``doc``'s reviewed units, suggested by ``suggester`` and the rules, to ``score``."""
    reviewed = list(range(doc.reviewed))
    decisions = decide_units(doc, rules, suggester, reviewed)
    loose = decide_units(doc, rules, None, reviewed, skip_interviewer=False)
    by_unit: dict[int, list[Decision]] = {}
    for d in decisions:
        by_unit.setdefault(d.unit, []).append(d)
    all_turns: dict[int, set[int]] = {}
    for d in loose:
        all_turns.setdefault(d.unit, set()).add(d.code_id)
    for i in reviewed:
        mine = by_unit.get(i, [])
        shown = sorted((d for d in mine if d.shown), key=RANK)
        picks = {
            "keywords": {d.code_id for d in mine if d.keyword},
            "keywords_all_turns": all_turns.get(i, set()),
            "model": {d.code_id for d in mine if d.picked},
            "combined": {d.code_id for d in shown},
        }
        score.add(doc.coded[i], picks, shown[0].code_id if shown else None)


def _trainer(definitions: Mapping[int, Sequence[str]], rules: Sequence[KeywordRule], threshold: float,
             **options: Any) -> Trainer:
    return lambda docs: train(docs, definitions, rules, threshold=threshold, **options)


def evaluate_split(
    corpus: Sequence[DocumentUnits],
    definitions: Mapping[int, Sequence[str]],
    rules: Sequence[KeywordRule],
    paths: Mapping[int, str],
    *,
    fraction: float = SPLIT,
    threshold: float = THRESHOLD,
    **options: Any,
) -> dict[str, Any]:
    """Train on the first ``fraction`` of every coded document (cut at a turn), suggest and score the rest."""
    began = time.perf_counter()
    coded = [d for d in corpus if d.has_codings]
    heads, tails = [], []
    for d in coded:
        cut = split_point(d, fraction)
        heads.append(slice_units(d, 0, cut))
        tails.append(slice_units(d, cut, len(d.units)))
    suggester = _trainer(definitions, rules, threshold, **options)(heads)
    score = _Score()
    for d in tails:
        score_units(score, d, rules, suggester)
    report = score.report(paths)
    report.update({
        "protocol": "split", "fraction": fraction, "documents": len(coded),
        "training_codings": sum(len(c) for h in heads for c in h.coded[: h.reviewed]),
        "training_units": sum(h.reviewed for h in heads),
        "trust": {paths.get(c, str(c)): t.as_dict() for c, t in sorted(suggester.trust.items())},
        "seconds": round(time.perf_counter() - began, 1),
    })
    return report


def evaluate_by_document(
    corpus: Sequence[DocumentUnits],
    definitions: Mapping[int, Sequence[str]],
    rules: Sequence[KeywordRule],
    paths: Mapping[int, str],
    *,
    folds: int = 5,
    threshold: float = THRESHOLD,
    progress: Callable[[int, int], None] | None = None,
    **options: Any,
) -> dict[str, Any]:
    """Each coded document (or block of the only one) held out in turn, suggested by a model of the rest."""
    from app.core.nlp.trust import inner_folds

    began = time.perf_counter()
    pairs = inner_folds(list(corpus), folds, by_document=True)
    score = _Score()
    trainer = _trainer(definitions, rules, threshold, **options)
    for n, (train_docs, held) in enumerate(pairs, 1):
        suggester = trainer(train_docs)
        for d in held:
            score_units(score, d, rules, suggester)
        if progress is not None:
            progress(n, len(pairs))
    report = score.report(paths)
    report.update({"protocol": "by_document", "folds": len(pairs),
                   "seconds": round(time.perf_counter() - began, 1)})
    return report

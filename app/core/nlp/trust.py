"""Suggestions a coder can trust: calibrated scores, per-code gating, and the decision per unit.

**Cross-validated scores.** Before the final model is trained, the training documents are split
(:func:`inner_folds`: by document when there are two or more coded documents, else the one document's
reviewed part in contiguous blocks) and each part is scored by a model trained on the others. Those
out-of-fold scores are the only honest evidence of how good the model is on *this* project.

**Calibration.** The out-of-fold scores of the model's picks (its best :data:`MAX_PER_UNIT` codes per
unit) and whether the coder coded them give a monotone step function (pool-adjacent-violators
over the sorted scores, i.e. isotonic regression): a calibrated 0.6 means about 60 % of such picks
were right in cross-validation.

**Gating.** A code's model suggestions are shown only when the model's cross-validated precision for
that code, at the threshold, is at least :data:`MODEL_FLOOR` on at least :data:`MIN_PICKS` picks;
elsewhere the code gets keyword rules alone, and :class:`CodeTrust` says why.

**Keyword scores.** A keyword hit scores the measured precision of that code's keyword rules on the
reviewed units of the training documents (smoothed), not a constant 1.0, so hits of a rule that is
usually wrong sink below better suggestions. Rules whose measured precision is below
:data:`KEYWORD_FLOOR` (on at least :data:`MIN_PICKS` hits) are listed only on "show all".
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from app.core.nlp.corpus import DocumentUnits
from app.core.nlp.keywords import KeywordRule, find_hits, hits_by_unit
from app.core.nlp.ngram import CONTEXT, NgramModel, fit
from app.core.nlp.speakers import interviewer_units

__all__ = [
    "Calibration", "CodeTrust", "Decision", "Suggester", "decide_units", "examples_for", "inner_folds", "train",
]

MAX_PER_UNIT = 2
THRESHOLD = 0.3  # calibrated: about 30 % of such suggestions were right in cross-validation
MODEL_FLOOR = 0.3
KEYWORD_FLOOR = 0.1
MIN_PICKS = 3
INNER_FOLDS = 3

Fitter = Callable[..., NgramModel]


@dataclass(frozen=True)
class Calibration:
    """A monotone map from raw model scores to the share of picks that were right."""

    edges: tuple[float, ...] = ()  # raw score where each step starts
    values: tuple[float, ...] = ()

    def __call__(self, raw: float) -> float:
        if not self.edges:
            return raw
        i = int(np.searchsorted(np.asarray(self.edges), raw, side="right")) - 1
        return self.values[max(0, i)]

    @classmethod
    def fit(cls, scores: Sequence[float], right: Sequence[bool]) -> Calibration:
        """Isotonic regression (pool adjacent violators) of ``right`` on ``scores``, lightly smoothed."""
        if not scores:
            return cls()
        pooled: dict[float, list[float]] = {}  # equal scores start as one block
        for score, ok in zip(scores, right, strict=True):
            item = pooled.setdefault(float(score), [0.0, 0.0])
            item[0] += float(ok)
            item[1] += 1.0
        blocks: list[list[float]] = []  # [sum right, count, first score]
        for score in sorted(pooled):
            blocks.append([pooled[score][0], pooled[score][1], score])
            while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
                s, n, _ = blocks.pop()
                blocks[-1][0] += s
                blocks[-1][1] += n
        base = sum(right) / len(right)
        # Two pseudo-picks at the overall rate per step: a step of one lucky pick is not 100 %.
        values = tuple(round((s + 2 * base) / (n + 2), 4) for s, n, _ in blocks)
        edges = (float("-inf"), *(b[2] for b in blocks[1:]))
        return cls(edges, values)


@dataclass
class CodeTrust:
    """What cross-validation says about one code's suggestions on this project."""

    code_id: int
    model_picks: int = 0  # out-of-fold model picks at or above the threshold
    model_right: int = 0
    keyword_hits: int = 0  # keyword hits on training units
    keyword_right: int = 0
    support: int = 0  # coded units of the cross-validated parts
    model_on: bool = False
    mode: str = "keywords"  # keywords | filtered (keyword hits the model backs) | model | both
    filter_cut: float = 0.0
    modes: dict[str, tuple[int, int]] = field(default_factory=dict)  # mode → (picked, right) in CV

    @property
    def model_f1(self) -> float:
        return _f1(self.model_right, self.model_picks, self.support)

    @property
    def keyword_f1(self) -> float:
        return _f1(self.keyword_right, self.keyword_hits, self.support)

    @property
    def model_precision(self) -> float | None:
        return self.model_right / self.model_picks if self.model_picks else None

    @property
    def keyword_precision(self) -> float | None:
        return self.keyword_right / self.keyword_hits if self.keyword_hits else None

    @property
    def keyword_score(self) -> float:
        """The score of a keyword hit: smoothed measured precision (0.5 when never measured)."""
        return (self.keyword_right + 0.5) / (self.keyword_hits + 1)

    @property
    def keyword_on(self) -> bool:
        return self.keyword_hits < MIN_PICKS or self.keyword_score >= KEYWORD_FLOOR

    def why(self) -> str:
        """Why the model is or is not used for this code (shown in the panel)."""
        p = self.model_precision
        key = self.mode if self.mode != "filtered" else f"filtered@{self.filter_cut}"
        picked, right = self.modes.get(key, (0, 0))
        if self.mode == "filtered":
            return (f"keyword hits the model backs (score ≥ {self.filter_cut:.1f}): {right}/{picked} right in "
                    f"cross-validation, against {self.keyword_right}/{self.keyword_hits} for every hit")
        if self.mode == "model":
            return (f"model only: {right}/{picked} right in cross-validation "
                    f"(keyword hits: {self.keyword_right}/{self.keyword_hits})")
        if self.mode == "both":
            return f"keywords and model: {right}/{picked} right in cross-validation"
        if p is not None and self.model_picks >= MIN_PICKS and p >= MODEL_FLOOR:
            return (f"keywords only: the keyword rules did better in cross-validation "
                    f"(F1 {self.keyword_f1:.2f} against the model's {self.model_f1:.2f})")
        if not self.model_picks:
            return "keywords only: the model made no confident suggestion in cross-validation"
        if self.model_picks < MIN_PICKS:
            return f"keywords only: too few model suggestions in cross-validation ({self.model_picks})"
        return f"keywords only: model precision {p:.2f} in cross-validation, below {MODEL_FLOOR:.2f}"

    def state(self) -> dict[str, Any]:
        """The fields, for storing (see :meth:`from_state`)."""
        return {"model_picks": self.model_picks, "model_right": self.model_right,
                "keyword_hits": self.keyword_hits, "keyword_right": self.keyword_right, "support": self.support,
                "model_on": self.model_on, "mode": self.mode, "filter_cut": self.filter_cut,
                "modes": {m: list(v) for m, v in self.modes.items()}}

    @classmethod
    def from_state(cls, code_id: int, state: Mapping[str, Any]) -> CodeTrust:
        fields = {k: state[k] for k in ("model_picks", "model_right", "keyword_hits", "keyword_right", "support",
                                        "model_on", "mode", "filter_cut") if k in state}
        modes = {m: (int(v[0]), int(v[1])) for m, v in (state.get("modes") or {}).items()}
        return cls(code_id, **fields, modes=modes)

    def as_dict(self) -> dict[str, Any]:
        return {
            "model_on": self.model_on, "model_picks": self.model_picks, "model_right": self.model_right,
            "model_precision": None if self.model_precision is None else round(self.model_precision, 4),
            "keyword_hits": self.keyword_hits, "keyword_right": self.keyword_right,
            "keyword_precision": None if self.keyword_precision is None else round(self.keyword_precision, 4),
            "keyword_on": self.keyword_on, "mode": self.mode, "filter_cut": self.filter_cut,
            "support": self.support, "why": self.why(),
        }


def _f1(right: int, picked: int, support: int) -> float:
    return 2 * right / (picked + support) if picked + support else 0.0


@dataclass(frozen=True)
class Decision:
    """One suggestion for a unit (by index) and code, with its calibrated score."""

    unit: int
    code_id: int
    score: float
    keyword: bool
    model_score: float | None  # calibrated model score, also when the keyword decided
    shown: bool  # False: only on "show all" (a keyword rule below its floor, a gated model pick)
    picked: bool = False  # among the model's best codes for the unit, at or above the threshold


@dataclass
class Suggester:
    """A trained model with its calibration and per-code trust."""

    model: NgramModel | None
    calibration: Calibration = field(default_factory=Calibration)
    trust: dict[int, CodeTrust] = field(default_factory=dict)
    threshold: float = THRESHOLD

    def to_meta(self) -> dict[str, Any]:
        """What is stored beside the model's arrays (JSON)."""
        return {
            "model": dict(self.model.meta) if self.model is not None else {},
            "calibration": {"edges": [e if e != float("-inf") else None for e in self.calibration.edges],
                            "values": list(self.calibration.values)},
            "trust": {str(c): t.state() for c, t in self.trust.items()},
            "threshold": self.threshold,
        }

    @classmethod
    def from_meta(cls, model: NgramModel | None, meta: Mapping[str, Any]) -> Suggester:
        cal = meta.get("calibration") or {}
        edges = tuple(float("-inf") if e is None else float(e) for e in cal.get("edges", ()))
        trust = {int(c): CodeTrust.from_state(int(c), v) for c, v in (meta.get("trust") or {}).items()}
        return cls(model, Calibration(edges, tuple(cal.get("values", ()))), trust,
                   float(meta.get("threshold", THRESHOLD)))

    def model_picks(self, texts: Sequence[str]) -> list[list[tuple[int, float, bool]]]:
        """Per text its best codes: (code id, calibrated score, gated on) above the threshold."""
        if self.model is None or not texts:
            return [[] for _ in texts]
        raw = self.model.raw(texts)
        out = []
        codes = self.model.code_ids
        for row in raw:
            best = np.argsort(-row, kind="stable")[:MAX_PER_UNIT]
            picks = []
            for j in best:
                if row[j] <= 0:
                    continue
                p = self.calibration(float(row[j]))
                if p >= self.threshold:
                    t = self.trust.get(codes[j])
                    picks.append((codes[j], p, bool(t and t.model_on)))
            out.append(picks)
        return out


def skipped_units(doc: DocumentUnits) -> frozenset[int]:
    return interviewer_units(doc.text, doc.units)


CONTEXT_MODE = "none"


def unit_inputs(doc: DocumentUnits, indexes: Sequence[int], mode: str | None = None) -> list[str]:
    """The model's input for each unit: its text, and after :data:`ngram.CONTEXT` its context.

    The context is the interviewer's last question before the unit (what the answer is about) when
    the document has an interviewer, else (and with ``mode="neighbours"``) the sentences before and after.
    """
    mode = mode or CONTEXT_MODE
    texts = [doc.text[u.start : u.end] for u in doc.units]
    if mode == "none":
        return [texts[i] for i in indexes]
    asked = sorted(skipped_units(doc))
    out = []
    for i in indexes:
        context = ""
        if mode in ("question", "both") and asked:
            # The interviewer's units right before this one's turn: the question it answers.
            j = bisect_left(asked, i) - 1
            if j >= 0:
                run = [asked[j]]
                while j > 0 and asked[j - 1] == run[0] - 1:
                    j -= 1
                    run.insert(0, asked[j])
                context = "".join(texts[k] for k in run)
        if mode in ("neighbours", "both") or (mode == "question" and not asked):
            context += "".join(texts[k] for k in (i - 1, i + 1) if 0 <= k < len(texts))
        out.append(texts[i] + CONTEXT + context if context else texts[i])
    return out


def examples_for(
    docs: Sequence[DocumentUnits], definitions: Mapping[int, Sequence[str]], *, use_definitions: bool = True
) -> tuple[list[str], list[dict[int, float]], list[int]]:
    """Texts and labels from the reviewed, non-interviewer units of ``docs`` (plus the codebook's words)."""
    code_ids = sorted({c for d in docs for coded in d.coded[: d.reviewed] for c in coded})
    texts: list[str] = []
    labels: list[dict[int, float]] = []
    for d in docs:
        skip = skipped_units(d)
        inputs = unit_inputs(d, range(len(d.units)))
        for i, _u in enumerate(d.units):
            rejected = {c: 0.0 for c in d.rejected[i] if c in code_ids}
            if i < d.reviewed and i not in skip:
                cats = dict.fromkeys(code_ids, 0.0)
                cats.update(rejected)
                cats.update(dict.fromkeys(d.coded[i], 1.0))
            elif rejected:
                cats = rejected
            else:
                continue
            texts.append(inputs[i])
            labels.append(cats)
    if use_definitions:
        for c in code_ids:
            for text in definitions.get(c, ()):
                if text.strip():
                    texts.append(text.strip())
                    labels.append({c: 1.0})
    return texts, labels, code_ids


def inner_folds(
    docs: Sequence[DocumentUnits], k: int = INNER_FOLDS, *, by_document: bool = False
) -> list[tuple[list[DocumentUnits], list[DocumentUnits]]]:
    """(train, held-out) pairs for cross-validation.

    ``by_document``: the coded documents dealt into ``k`` folds (at least 2 coded documents needed).
    Otherwise, and always with a single coded document: each coded document's reviewed part cut into
    ``k`` contiguous blocks, fold ``j`` holding out block ``j`` of every document — suggestions are
    mostly made further down the same transcripts, so this is the closer estimate for calibration.
    """
    from app.core.nlp.protocols import slice_units

    coded = [d for d in docs if d.has_codings]
    if by_document and len(coded) >= 2:
        k = min(k, len(coded))
        parts = [coded[i::k] for i in range(k)]
        return [([d for d in docs if d not in part], part) for part in parts]
    if not coded or max(d.reviewed for d in coded) < 2 * k:
        return []
    out = []
    for j in range(k):
        train_docs: list[DocumentUnits] = [d for d in docs if not d.has_codings]
        held: list[DocumentUnits] = []
        for doc in coded:
            n = doc.reviewed
            a, b = round(j * n / k), round((j + 1) * n / k)
            held.append(slice_units(doc, a, b))
            # The rest of the reviewed part, before and after the block, trains (as two pieces).
            train_docs += [piece for piece in (slice_units(doc, 0, a), slice_units(doc, b, n)) if piece.units]
        out.append((train_docs, held))
    return out


FILTER_CUTS = (0.1, 0.2, 0.3)  # raw model scores a keyword hit may be required to reach
MARGIN = 0.05  # a mode must beat the keyword rules' cross-validated F1 by this much (the data are few)
MODES = ("keywords", "filtered", "model", "both")  # in order of preference on a tie


def _choose(t: CodeTrust, stats: dict[str, tuple[int, int]]) -> None:
    """Pick the code's mode with the best cross-validated F1 (keyword rules win ties)."""
    t.modes = stats
    best = "keywords"
    model_ok = t.model_picks >= MIN_PICKS and t.model_right >= MODEL_FLOOR * t.model_picks
    for mode, (picked, right) in stats.items():
        if mode in ("model", "both") and not model_ok:
            continue
        best_picked, best_right = stats[best]
        if right >= MIN_PICKS and _f1(right, picked, t.support) >= _f1(best_right, best_picked, t.support) + MARGIN:
            best = mode
    t.mode = best.split("@")[0]
    t.filter_cut = float(best.split("@")[1]) if "@" in best else 0.0
    t.model_on = t.mode != "keywords"


def train(
    docs: Sequence[DocumentUnits],
    definitions: Mapping[int, Sequence[str]],
    rules: Sequence[KeywordRule],
    *,
    threshold: float = THRESHOLD,
    fitter: Fitter = fit,
    use_definitions: bool = True,
    keyword_features: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Suggester:
    """Cross-validate on ``docs``, calibrate, choose each code's mode, then train the final model on all.

    ``progress(done, total)`` is called as the trainings go (it may raise to stop: nothing is kept).
    """
    from app.core.nlp.ngram import STEPS

    texts, labels, code_ids = examples_for(docs, definitions, use_definitions=use_definitions)
    terms = [(r.term, r.code_id) for r in rules] if keyword_features else []
    rows: list[tuple[dict[int, float], list[int], set[int], frozenset[int]]] = []
    folds = inner_folds(docs)
    total = STEPS * (len(folds) + 1)

    def step(offset: int) -> Callable[[int, int], None] | None:
        if progress is None:
            return None
        return lambda done, _n: progress(offset + done, total)

    for n, (train_docs, held) in enumerate(folds):
        t_texts, t_labels, t_codes = examples_for(train_docs, definitions, use_definitions=use_definitions)
        model = fitter(t_texts, t_labels, t_codes, terms, progress=step(n * STEPS)) if t_codes else None
        for d in held:
            skip = skipped_units(d)
            idx = [i for i in range(d.reviewed) if i not in skip]
            hits = hits_by_unit(find_hits(d.text, rules), d.units)
            raw = model.raw(unit_inputs(d, idx)) if model is not None else np.zeros((len(idx), 0))
            for row, i in zip(raw, idx, strict=True):
                scores = {model.code_ids[j]: float(v) for j, v in enumerate(row)} if model is not None else {}
                top = [model.code_ids[j] for j in np.argsort(-row, kind="stable")[:MAX_PER_UNIT]
                       if row[j] > 0] if model is not None else []
                rows.append((scores, top, {c for (u, c) in hits if u == i}, d.coded[i]))
    calibration = Calibration.fit([r[0][c] for r in rows for c in r[1]], [c in r[3] for r in rows for c in r[1]])
    trust: dict[int, CodeTrust] = {}
    every = set(code_ids) | {r.code_id for r in rules}
    for c in sorted(every):
        t = trust[c] = CodeTrust(c)
        stats: dict[str, list[int]] = {"keywords": [0, 0], "model": [0, 0], "both": [0, 0]}
        for cut in FILTER_CUTS:
            stats[f"filtered@{cut}"] = [0, 0]
        for scores, top, kw, answer in rows:
            right = c in answer
            t.support += right
            k = c in kw
            m = c in top and calibration(scores[c]) >= threshold
            picks = {"keywords": k, "model": m, "both": k or m}
            for cut in FILTER_CUTS:
                picks[f"filtered@{cut}"] = k and scores.get(c, 0.0) >= cut
            for mode, picked in picks.items():
                if picked:
                    stats[mode][0] += 1
                    stats[mode][1] += right
        t.keyword_hits, t.keyword_right = stats["keywords"]
        t.model_picks, t.model_right = stats["model"]
        stats = {m: tuple(v) for m, v in stats.items()}  # type: ignore[misc]
        usable = {m: (p, r) for m, (p, r) in stats.items() if m == "keywords" or c in code_ids}
        _choose(t, usable)
    if not code_ids:
        return Suggester(None, calibration, trust, threshold)
    final = fitter(texts, labels, code_ids, terms, progress=step(len(folds) * STEPS))
    return Suggester(final, calibration, trust, threshold)


def decide_units(
    doc: DocumentUnits,
    rules: Sequence[KeywordRule],
    suggester: Suggester | None,
    wanted: Sequence[int] | None = None,
    *,
    skip_interviewer: bool = True,
) -> list[Decision]:
    """The suggestions for ``doc``'s units (all, or ``wanted``), best first per unit; nothing for the interviewer.

    Per code, its mode (:class:`CodeTrust`) decides what is listed by default; everything else found is
    still returned with ``shown=False`` (the panel's "show all").
    """
    skip = skipped_units(doc) if skip_interviewer else frozenset()
    idx = [i for i in (range(len(doc.units)) if wanted is None else wanted) if i not in skip]
    allowed = set(idx)
    trust = suggester.trust if suggester is not None else {}
    raw: dict[int, dict[int, float]] = {}
    top: dict[int, list[int]] = {}
    if suggester is not None and suggester.model is not None and idx:
        codes = suggester.model.code_ids
        for i, row in zip(idx, suggester.model.raw(unit_inputs(doc, idx)), strict=True):
            raw[i] = {codes[j]: float(v) for j, v in enumerate(row)}
            top[i] = [codes[j] for j in np.argsort(-row, kind="stable")[:MAX_PER_UNIT] if row[j] > 0]
    calibrate = suggester.calibration if suggester is not None else Calibration()
    threshold = suggester.threshold if suggester is not None else THRESHOLD
    found: dict[tuple[int, int], Decision] = {}
    for (i, code_id), _hits in hits_by_unit(find_hits(doc.text, rules), doc.units).items():
        if i not in allowed:
            continue
        t = trust.get(code_id) or CodeTrust(code_id)
        score = raw.get(i, {}).get(code_id)
        p = calibrate(score) if score is not None else None
        if t.mode == "filtered":
            shown = score is not None and score >= t.filter_cut
        else:
            shown = t.mode in ("keywords", "both") and t.keyword_on
        value = p if p is not None and t.mode != "keywords" else t.keyword_score
        pick = p is not None and p >= threshold and code_id in top.get(i, ())
        found[(i, code_id)] = Decision(i, code_id, value, True, p, shown or (pick and t.mode == "both"), pick)
    for i, codes_top in top.items():
        for code_id in codes_top:
            p = calibrate(raw[i][code_id])
            if p < threshold or (i, code_id) in found:
                continue
            t = trust.get(code_id) or CodeTrust(code_id)
            found[(i, code_id)] = Decision(i, code_id, p, False, p, t.mode in ("model", "both"), True)
    return sorted(found.values(), key=lambda d: (d.unit, -d.score, d.code_id))

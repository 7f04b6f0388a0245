"""Intercoder agreement of a project: two or more coders, chosen documents and codes, per code and overall.

:func:`agreement` is the one entry point (the CLI ``guiji agreement``, the table ``--kind agreement`` and
the window all call it). Where two coders differ, passage by passage, is :mod:`app.core.disagreements`.
No Qt, no writes.

Units (``unit=``):

- ``"sentence"`` / ``"turn"`` — the suggestion units (:func:`app.core.nlp.units.units`: sentences or
  speaker turns, labels and content-free units left out). A coder codes a unit with a code when one of
  their codings of it *covers* the unit (:func:`app.core.nlp.units.covers`: it holds half the unit or
  the unit half of it).
- ``"chars:N"`` — fixed windows of N code points from each document's start; any overlap codes a
  window (``chars:1`` is agreement character by character).
- ``"segment:X"`` — no units: each coding is matched, MAXQDA-style, when every other coder has a coding
  of the same code in the same document whose overlap is at least X % of the two codings' union.
  Only per cent agreement applies.

For unit-based agreement each (code, unit) is one binary rating per coder (coded / not coded); the
per-code figures use that code's units and the overall figures pool every (code, unit) pair. Per cent
agreement: units on which all coders agree; Cohen's κ (exactly two coders); Fleiss' κ; Krippendorff's
nominal α with a seeded percentile bootstrap interval. Krippendorff's unitizing α (``cu_alpha``) is
computed on the coded spans themselves (each code's codings on the continuum of the chosen documents,
one after another), whatever the unit; overall it is 1 − ΣD_o/ΣD_e over the codes. The arithmetic is in
:mod:`app.core.agreement_stats`.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import agreement_stats as stats
from app.core.codebook import code_paths
from app.core.db.models import Coder, Coding, Document
from app.core.errors import NotFoundError, ValidationError
from app.core.nlp.units import units as text_units
from app.core.project import Project

__all__ = [
    "DEFAULT_SEGMENT_OVERLAP",
    "Agreement",
    "Figures",
    "UnitSpec",
    "agreement",
    "parse_unit",
]

DEFAULT_SEGMENT_OVERLAP = 90
RESAMPLES = 1000
SEED = 0
Ints = NDArray[np.int64]


@dataclass(frozen=True)
class UnitSpec:
    """What is compared: ``kind`` is ``sentence``, ``turn``, ``chars`` (``size`` code points) or
    ``segment`` (``size`` = the minimum overlap in per cent)."""

    kind: Literal["sentence", "turn", "chars", "segment"]
    size: int = 0

    def __str__(self) -> str:
        return f"{self.kind}:{self.size}" if self.kind in ("chars", "segment") else self.kind


def parse_unit(text: str) -> UnitSpec:
    """``sentence``, ``turn``, ``chars:N`` (N ≥ 1), ``segment`` or ``segment:X`` (1 ≤ X ≤ 100)."""
    kind, _, size = text.strip().partition(":")
    if kind in ("sentence", "turn") and not size:
        return UnitSpec(kind)  # type: ignore[arg-type]
    if kind == "segment" and not size:
        return UnitSpec("segment", DEFAULT_SEGMENT_OVERLAP)
    if kind in ("chars", "segment") and size.isdigit():
        number = int(size)
        if (kind == "chars" and number >= 1) or (kind == "segment" and 1 <= number <= 100):
            return UnitSpec(kind, number)  # type: ignore[arg-type]
    raise ValidationError(
        f"'{text}' is not a unit of agreement (use sentence, turn, chars:N or segment:X with X from 1 to 100)",
        code="agreement.unit", params={"value": text})


@dataclass(frozen=True)
class Figures:
    """The figures for one code (or overall). ``None`` where a coefficient does not apply or is
    undefined (every rating the same). ``n`` is the number of units rated (for ``segment:X`` the
    number of codings compared); ``codings`` the codings behind the figures, per coder."""

    n: int
    codings: dict[str, int]
    percent: float | None = None
    kappa: float | None = None
    fleiss_kappa: float | None = None
    alpha: float | None = None
    alpha_ci: tuple[float, float] | None = None
    cu_alpha: float | None = None

    def as_dict(self) -> dict[str, Any]:
        """The figures as JSON-ready values; a coefficient that does not apply has no key."""
        out: dict[str, Any] = {}
        for key in ("percent", "kappa", "fleiss_kappa", "alpha"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.alpha_ci is not None:
            out["alpha_ci"] = list(self.alpha_ci)
        if self.cu_alpha is not None:
            out["cu_alpha"] = self.cu_alpha
        out["n"] = self.n
        out["codings"] = dict(self.codings)
        return out


@dataclass(frozen=True)
class Agreement:
    """Agreement of ``coders`` on ``documents`` by ``unit``: overall and per code path."""

    unit: str
    coders: tuple[str, ...]
    documents: tuple[str, ...]
    n_units: int
    overall: Figures
    per_code: dict[str, Figures] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The CLI's JSON: ``unit, coders, documents, n_units, overall, per_code``."""
        return {
            "unit": self.unit, "coders": list(self.coders), "documents": list(self.documents),
            "n_units": self.n_units, "overall": self.overall.as_dict(),
            "per_code": {path: f.as_dict() for path, f in self.per_code.items()},
        }


@dataclass
class _Data:
    coders: list[str]
    docs: list[tuple[int, str, int]]  # (id, name, length) in document order
    code_order: list[int]  # code ids in codebook order, the ones compared
    paths: dict[int, str]
    # codings as parallel arrays
    doc: Ints
    code: Ints
    coder: Ints  # index into coders
    start: Ints
    end: Ints
    units: dict[int, tuple[Ints, Ints]]  # sentence or turn units (starts, ends) by document id


def _load(project: Project, coders: Sequence[str], codes: Sequence[str] | None,
          documents: Sequence[str] | None, unit_kind: str | None) -> _Data:
    from app.core.codebook import find_code
    from app.core.documents import find_document

    names = list(dict.fromkeys(coders))
    if len(names) < 2:
        raise ValidationError("agreement needs two or more different coders",
                              code="agreement.coders", params={"coders": list(coders)})
    with project.read() as session:
        ids = dict(session.execute(select(Coder.name, Coder.id).where(Coder.name.in_(names))).all())
        for name in names:
            if name not in ids:
                raise NotFoundError(f"no coder named '{name}' in this project", code="not_named",
                                    params={"what": "coder", "name": name})
        all_docs = session.execute(select(Document.id, Document.name, Document.length, Document.sha256)
                                   .order_by(Document.position, Document.id)).all()
        if documents:
            wanted = {find_document(session, name).id for name in documents}
            all_docs = [d for d in all_docs if d[0] in wanted]
        doc_ids = [d[0] for d in all_docs]
        paths = code_paths(session)
        code_filter = [find_code(session, path).id for path in codes] if codes else None
        query = select(Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end).where(
            Coding.coder_id.in_([ids[n] for n in names]))
        if documents:
            query = query.where(Coding.document_id.in_(doc_ids))
        if code_filter is not None:
            query = query.where(Coding.code_id.in_(code_filter))
        rows = np.array([tuple(r) for r in session.execute(query)], dtype=np.int64).reshape(-1, 5)
        units = _cached_units(session, unit_kind, [(d[0], d[3]) for d in all_docs]) if unit_kind else {}
    coder_index = {ids[n]: i for i, n in enumerate(names)}
    if not documents and rows.shape[0]:
        rows = rows[np.isin(rows[:, 0], doc_ids)]
    if code_filter is not None:
        order = list(dict.fromkeys(code_filter))
    else:
        used = set(rows[:, 1].tolist())
        order = [cid for cid in paths if cid in used]
    return _Data(
        coders=names, docs=[(d[0], d[1], d[2]) for d in all_docs], code_order=order, paths=paths,
        doc=rows[:, 0], code=rows[:, 1],
        coder=np.array([coder_index[c] for c in rows[:, 2].tolist()], dtype=np.int64),
        start=rows[:, 3], end=rows[:, 4], units=units)


def _codings_per_coder(data: _Data, mask: NDArray[np.bool_] | None = None) -> dict[str, int]:
    chosen = data.coder if mask is None else data.coder[mask]
    counts = np.bincount(chosen, minlength=len(data.coders))
    return {name: int(counts[i]) for i, name in enumerate(data.coders)}


# --- units --------------------------------------------------------------------------------------


# Sentence and turn units by (text SHA-256, kind): a text's units never change, and the window asks
# for agreement again after every settled disagreement. Bounded; the oldest entries go first.
_UNIT_CACHE: OrderedDict[tuple[str, str], tuple[Ints, Ints]] = OrderedDict()
_UNIT_CACHE_SIZE = 5000


def _cached_units(session: Session, kind: str, docs: list[tuple[int, str]]) -> dict[int, tuple[Ints, Ints]]:
    missing = [doc_id for doc_id, sha in docs if (sha, kind) not in _UNIT_CACHE]
    for start in range(0, len(missing), 200):
        chunk = missing[start:start + 200]
        for sha, text in session.execute(
                select(Document.sha256, Document.text).where(Document.id.in_(chunk))):
            found = text_units(text, kind)  # type: ignore[arg-type]
            _UNIT_CACHE[(sha, kind)] = (np.array([u.start for u in found], dtype=np.int64).reshape(-1),
                                        np.array([u.end for u in found], dtype=np.int64).reshape(-1))
    out = {}
    for doc_id, sha in docs:
        _UNIT_CACHE.move_to_end((sha, kind))
        out[doc_id] = _UNIT_CACHE[(sha, kind)]
    while len(_UNIT_CACHE) > _UNIT_CACHE_SIZE:
        _UNIT_CACHE.popitem(last=False)
    return out


def _doc_units(spec: UnitSpec, data: _Data, doc_id: int, length: int) -> tuple[Ints, Ints]:
    if spec.kind == "chars":
        starts = np.arange(0, length, spec.size, dtype=np.int64)
        return starts, np.minimum(starts + spec.size, length)
    return data.units[doc_id]


def _coded_units(spec: UnitSpec, data: _Data) -> tuple[int, Ints, Ints, Ints]:
    """``(number of units, code, coder, global unit)`` of every unit a coding codes (with repeats)."""
    by_doc: dict[int, NDArray[np.int64]] = defaultdict(lambda: np.zeros(0, dtype=np.int64))
    order = np.argsort(data.doc, kind="stable")
    split_at = np.flatnonzero(np.diff(data.doc[order])) + 1
    for group in np.split(order, split_at) if order.size else []:
        by_doc[int(data.doc[group[0]])] = group
    offset = 0
    parts: list[tuple[Ints, Ints, Ints]] = []
    for doc_id, _name, length in data.docs:
        starts, ends = _doc_units(spec, data, doc_id, length)
        rows = by_doc.get(doc_id)
        if rows is not None and rows.size and starts.size:
            s, e = data.start[rows], data.end[rows]
            lo = np.searchsorted(ends, s, side="right")
            hi = np.searchsorted(starts, e, side="left")
            spans = np.maximum(hi - lo, 0)
            owner = np.repeat(np.arange(rows.size), spans)
            first = np.repeat(np.cumsum(spans) - spans, spans)
            unit = lo[owner] + (np.arange(owner.size) - first)
            shared = np.minimum(e[owner], ends[unit]) - np.maximum(s[owner], starts[unit])
            if spec.kind == "chars":
                ok = shared > 0
            else:
                ok = (shared > 0) & ((2 * shared >= ends[unit] - starts[unit]) | (2 * shared >= e[owner] - s[owner]))
            hit = rows[owner[ok]]
            parts.append((data.code[hit], data.coder[hit], unit[ok] + offset))
        offset += starts.size
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return offset, empty, empty, empty
    code, coder, unit = (np.concatenate(p) for p in zip(*parts, strict=True))
    return offset, code, coder, unit


def _unit_figures(m: int, n_units: int, hist: NDArray[np.float64], table: NDArray[np.float64] | None,
                  codings: dict[str, int], cu_alpha: float | None) -> Figures:
    """Figures from ``hist[k]`` = units coded by k coders (k = 0..m), and for two coders the 2×2 table."""
    types = np.column_stack((m - np.arange(m + 1), np.arange(m + 1))).astype(float)
    return Figures(
        n=n_units, codings=codings,
        percent=stats.percent_agreement(types, hist),
        kappa=stats.cohen_kappa_table(table) if table is not None else None,
        fleiss_kappa=stats.fleiss_kappa(types, hist),
        alpha=stats.alpha_from_counts(types, hist),
        alpha_ci=stats.bootstrap_alpha(types, hist, resamples=RESAMPLES, seed=SEED),
        cu_alpha=cu_alpha,
    )


def _by_units(spec: UnitSpec, data: _Data, cu: dict[int, tuple[float, float]]) -> Agreement:
    m = len(data.coders)
    n_units, code, coder, unit = _coded_units(spec, data)
    slot = {cid: i for i, cid in enumerate(data.code_order)}
    k = len(slot)
    code_slot = np.array([slot.get(c, -1) for c in code.tolist()], dtype=np.int64)
    keep = code_slot >= 0
    # One mark per (code, coder, unit), however many codings cover it.
    keys = np.unique((code_slot[keep] * m + coder[keep]) * max(n_units, 1) + unit[keep])
    pair = keys // max(n_units, 1)  # code * m + coder
    cell = (pair // m) * max(n_units, 1) + keys % max(n_units, 1)  # code * n_units + unit
    cells, raters = np.unique(cell, return_counts=True)
    hists = np.zeros((k, m + 1))
    np.add.at(hists, (cells // max(n_units, 1), raters), 1)
    hists[:, 0] = n_units - hists[:, 1:].sum(axis=1)
    ones = np.bincount(pair, minlength=k * m).reshape(k, m).astype(float)
    per_code: dict[str, Figures] = {}
    tables = np.zeros((k, 2, 2))
    if m == 2:
        both = hists[:, 2]
        tables[:, 1, 1] = both
        tables[:, 1, 0] = ones[:, 0] - both
        tables[:, 0, 1] = ones[:, 1] - both
        tables[:, 0, 0] = n_units - both - tables[:, 1, 0] - tables[:, 0, 1]
    for cid, i in slot.items():
        mask = data.code == cid
        per_code[data.paths[cid]] = _unit_figures(
            m, n_units, hists[i], tables[i] if m == 2 else None, _codings_per_coder(data, mask), _cu(cu, [cid]))
    overall = _unit_figures(m, n_units * k, hists.sum(axis=0), tables.sum(axis=0) if m == 2 else None,
                            _codings_per_coder(data, np.isin(data.code, data.code_order)), _cu(cu, list(slot)))
    return Agreement(str(spec), tuple(data.coders), tuple(d[1] for d in data.docs), n_units, overall, per_code)


# --- segments and spans -------------------------------------------------------------------------


def _segment_matches(data: _Data, threshold: float) -> NDArray[np.bool_]:
    """For every coding: matched by every other coder (a coding of the same code in the same document
    whose overlap is at least ``threshold`` of the two codings' union)."""
    n, m = data.code.size, len(data.coders)
    if n == 0:
        return np.zeros(0, dtype=bool)
    _, group = np.unique(data.doc * (int(data.code.max()) + 1) + data.code, return_inverse=True)
    group = group.reshape(-1)
    span = int(data.end.max()) + 1
    order = np.lexsort((data.start, group))
    key = group[order] * span + data.start[order]
    longest = np.zeros(int(group.max()) + 1, dtype=np.int64)
    np.maximum.at(longest, group, data.end - data.start)
    # Candidates of coding i: codings of its group starting in [start_i − longest, end_i).
    lo = np.searchsorted(key, group * span + data.start - longest[group], side="left")
    hi = np.searchsorted(key, group * span + data.end, side="left")
    counts = hi - lo
    left = np.repeat(np.arange(n), counts)
    right = order[lo[left] + (np.arange(left.size) - np.repeat(np.cumsum(counts) - counts, counts))]
    s1, e1, s2, e2 = data.start[left], data.end[left], data.start[right], data.end[right]
    shared = np.minimum(e1, e2) - np.maximum(s1, s2)
    union = np.maximum(e1, e2) - np.minimum(s1, s2)
    good = (shared > 0) & (shared >= threshold * union - 1e-9) & (data.coder[left] != data.coder[right])
    seen = np.zeros((n, m), dtype=bool)
    seen[left[good], data.coder[right[good]]] = True
    seen[np.arange(n), data.coder] = True
    matched: NDArray[np.bool_] = np.logical_and.reduce(seen, axis=1)
    return matched


def _by_segments(spec: UnitSpec, data: _Data, cu: dict[int, tuple[float, float]]) -> Agreement:
    matched = _segment_matches(data, spec.size / 100.0)

    def figures(mask: NDArray[np.bool_], code_ids: list[int]) -> Figures:
        total = int(mask.sum())
        percent = 100.0 * float(matched[mask].sum()) / total if total else None
        return Figures(n=total, codings=_codings_per_coder(data, mask), percent=percent, cu_alpha=_cu(cu, code_ids))

    compared = np.isin(data.code, data.code_order)
    per_code = {data.paths[cid]: figures(data.code == cid, [cid]) for cid in data.code_order}
    overall = figures(compared, data.code_order)
    return Agreement(str(spec), tuple(data.coders), tuple(d[1] for d in data.docs), int(compared.sum()),
                     overall, per_code)


def _unitizing(data: _Data) -> dict[int, tuple[float, float]]:
    """``(D_o, D_e)`` of unitizing α per code, the chosen documents laid end to end."""
    offsets: dict[int, int] = {}
    length = 0
    for doc_id, _name, doc_length in data.docs:
        offsets[doc_id] = length
        length += doc_length
    base = np.array([offsets.get(d, 0) for d in data.doc.tolist()], dtype=np.int64)
    spans = np.column_stack((data.start + base, data.end + base))
    m = len(data.coders)
    order = np.lexsort((data.coder, data.code))
    key = data.code[order] * m + data.coder[order]
    cuts = np.flatnonzero(np.diff(key)) + 1
    groups = {int(key[g[0]]): spans[order[g]] for g in np.split(np.arange(order.size), cuts)} if order.size else {}
    empty = np.zeros((0, 2), dtype=np.int64)
    return {cid: stats.unitizing_disagreement([groups.get(cid * m + i, empty) for i in range(m)], length)
            for cid in data.code_order}


def _cu(cu: dict[int, tuple[float, float]], code_ids: list[int]) -> float | None:
    d_o = sum(cu[c][0] for c in code_ids if c in cu and cu[c][1] > 0)
    d_e = sum(cu[c][1] for c in code_ids if c in cu and cu[c][1] > 0)
    return 1.0 - d_o / d_e if d_e > 0 else None


def agreement(project: Project, coders: Sequence[str], *, unit: str | UnitSpec = "sentence",
              codes: Sequence[str] | None = None, documents: Sequence[str] | None = None) -> Agreement:
    """Agreement of ``coders`` (names, two or more) over ``documents`` (names; default all) and ``codes``
    (paths, each compared on its own — sub-codes are not folded in; default every code one of the
    coders used there), by ``unit`` (a :class:`UnitSpec` or its text, see :func:`parse_unit`).

    Raises :class:`NotFoundError` for an unknown coder, document or code and :class:`ValidationError`
    for fewer than two coders or a bad unit.
    """
    spec = unit if isinstance(unit, UnitSpec) else parse_unit(unit)
    data = _load(project, coders, codes, documents, spec.kind if spec.kind in ("sentence", "turn") else None)
    cu = _unitizing(data)
    if spec.kind == "segment":
        return _by_segments(spec, data, cu)
    return _by_units(spec, data, cu)

"""Agreement coefficients on plain arrays (no project, no database): the arithmetic behind
:mod:`app.core.agreement`.

Nominal data are given as a *counts* matrix: one row per unit, one column per value, each cell the
number of coders who gave that value to that unit (a coder who did not rate a unit adds nothing, so
missing values need no marker). Rows may carry ``weights`` (how many units share that row), which lets
a million identical "nobody coded it" units cost one row. Every function returns ``None`` where the
coefficient is undefined (0/0: every unit in one value, or nothing pairable).

References: Cohen (1960); Fleiss (1971); Krippendorff, *Content Analysis* (2004, ch. 11) and
"Computing Krippendorff's alpha-reliability" (2011) for nominal α; Krippendorff (1995), "On the
reliability of unitizing continuous data", *Sociological Methodology* 25, for unitizing α (|u|α,
the cu-α of one code).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "alpha_from_counts", "bootstrap_alpha", "cohen_kappa", "cohen_kappa_table", "counts_from_ratings",
    "fleiss_kappa", "krippendorff_alpha", "percent_agreement", "unitizing_alpha", "unitizing_disagreement",
]

Floats = NDArray[np.float64]


def _ratio(numerator: float, denominator: float) -> float | None:
    return None if denominator == 0 or not np.isfinite(denominator) else float(numerator / denominator)


def _weights(counts: Floats, weights: ArrayLike | None) -> Floats:
    if weights is None:
        return np.ones(counts.shape[0])
    return np.asarray(weights, dtype=float)


def counts_from_ratings(ratings: ArrayLike) -> tuple[Floats, list[object]]:
    """A counts matrix (units × values) from ``ratings`` (coders × units; NaN or None = not rated),
    and the values in column order."""
    data = np.asarray(ratings, dtype=object)
    present = np.array([[v is not None and not (isinstance(v, float) and np.isnan(v)) for v in row]
                        for row in data], dtype=bool).reshape(data.shape)
    values = sorted(set(data[present]), key=repr)
    index = {v: i for i, v in enumerate(values)}
    counts = np.zeros((data.shape[1], len(values)))
    for coder, unit in zip(*np.nonzero(present), strict=True):
        counts[unit, index[data[coder, unit]]] += 1
    return counts, values


def percent_agreement(counts: ArrayLike, weights: ArrayLike | None = None) -> float | None:
    """Per cent (0–100) of units rated by two or more coders on which all of them agree."""
    c = np.asarray(counts, dtype=float)
    w = _weights(c, weights)
    rated = c.sum(axis=1)
    pairable = rated >= 2
    agree = pairable & (c.max(axis=1) == rated)
    return _ratio(100.0 * float(w[agree].sum()), float(w[pairable].sum()))


def cohen_kappa_table(table: ArrayLike) -> float | None:
    """Cohen's κ from a square table: ``table[i, j]`` units coder A put in value i and coder B in j."""
    t = np.asarray(table, dtype=float)
    n = t.sum()
    if n == 0:
        return None
    observed = np.trace(t) / n
    expected = float((t.sum(axis=1) / n) @ (t.sum(axis=0) / n))
    return _ratio(observed - expected, 1.0 - expected)


def cohen_kappa(a: Sequence[object], b: Sequence[object]) -> float | None:
    """Cohen's κ of two coders' labels for the same units (equal lengths)."""
    if len(a) != len(b):
        raise ValueError("two coders rate the same units")
    values = sorted(set(a) | set(b), key=repr)
    index = {v: i for i, v in enumerate(values)}
    table = np.zeros((len(values), len(values)))
    np.add.at(table, ([index[v] for v in a], [index[v] for v in b]), 1)
    return cohen_kappa_table(table)


def fleiss_kappa(counts: ArrayLike, weights: ArrayLike | None = None) -> float | None:
    """Fleiss' κ; every unit must be rated by the same number of coders (two or more)."""
    c = np.asarray(counts, dtype=float)
    w = _weights(c, weights)
    raters = c.sum(axis=1)
    if c.size == 0 or w.sum() == 0:
        return None
    m = raters[0]
    if m < 2 or not np.all(raters == m):
        raise ValueError("Fleiss' kappa needs the same number (two or more) of ratings per unit")
    total = float(w.sum())
    per_unit = ((c * c).sum(axis=1) - m) / (m * (m - 1))
    observed = float(w @ per_unit) / total
    shares = (w @ c) / (total * m)
    expected = float(shares @ shares)
    return _ratio(observed - expected, 1.0 - expected)


def _alpha_parts(c: Floats, w: Floats) -> tuple[float, float, float]:
    """``(observed disagreement mass, value totals' off-diagonal mass, n)`` of nominal α."""
    rated = c.sum(axis=1)
    keep = rated >= 2
    c, w, rated = c[keep], w[keep], rated[keep]
    if c.shape[0] == 0:
        return 0.0, 0.0, 0.0
    scale = w / (rated - 1)
    # Off-diagonal coincidences of unit u: (m_u² − Σ_v n_uv²) / (m_u − 1).
    disagreeing = float(scale @ (rated * rated - (c * c).sum(axis=1)))
    totals = w @ c
    n = float(totals.sum())
    expected = n * n - float(totals @ totals)
    return disagreeing, expected, n


def alpha_from_counts(counts: ArrayLike, weights: ArrayLike | None = None) -> float | None:
    """Krippendorff's nominal α from a counts matrix; units rated by fewer than two coders are left out."""
    c = np.asarray(counts, dtype=float)
    disagreeing, expected, n = _alpha_parts(c, _weights(c, weights))
    return _alpha_or_none(disagreeing, expected, n)


def _alpha_or_none(disagreeing: float, expected: float, n: float) -> float | None:
    if n == 0 or expected == 0:
        return None
    return 1.0 - (n - 1) * disagreeing / expected


def krippendorff_alpha(ratings: ArrayLike) -> float | None:
    """Krippendorff's nominal α of ``ratings`` (coders × units; NaN or None where a coder gave no value)."""
    counts, _values = counts_from_ratings(ratings)
    return alpha_from_counts(counts)


def bootstrap_alpha(counts: ArrayLike, weights: ArrayLike | None = None, *, resamples: int = 1000,
                    seed: int = 0, level: float = 0.95) -> tuple[float, float] | None:
    """A percentile bootstrap interval for nominal α: units drawn with replacement ``resamples`` times.

    Units with the same counts row are one type, so a draw of n units is one multinomial draw over the
    types (exactly the same distribution as drawing units one by one, far cheaper). Seeded: the same
    data give the same interval.
    """
    c = np.asarray(counts, dtype=float)
    w = _weights(c, weights)
    keep = (c.sum(axis=1) >= 2) & (w > 0)
    c, w = c[keep], w[keep]
    if c.shape[0] == 0:
        return None
    types, inverse = np.unique(c, axis=0, return_inverse=True)
    frequency = np.bincount(inverse.reshape(-1), weights=w, minlength=types.shape[0])
    n_units = round(float(frequency.sum()))
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(n_units, frequency / frequency.sum(), size=resamples).astype(float)
    rated = types.sum(axis=1)
    disagreeing = draws @ ((rated * rated - (types * types).sum(axis=1)) / (rated - 1))
    totals = draws @ types
    n = totals.sum(axis=1)
    expected = n * n - (totals * totals).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        alphas = 1.0 - (n - 1) * disagreeing / expected
    alphas = alphas[np.isfinite(alphas)]
    if alphas.size == 0:
        return None
    tail = (1.0 - level) / 2 * 100
    low, high = np.percentile(alphas, [tail, 100 - tail])
    return float(low), float(high)


# --- unitizing α --------------------------------------------------------------------------------


Sections = tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.bool_]]


def _sections(spans: Sequence[tuple[int, int]] | NDArray[np.int64], length: int) -> Sections:
    """One coder's partition of ``[0, length)`` into coded sections (overlaps joined) and gaps:
    ``(starts, lengths, is_unit)`` in order."""
    if len(spans):
        arr = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
        arr = arr[np.lexsort((arr[:, 1], arr[:, 0]))]
        arr = arr[arr[:, 1] > arr[:, 0]]
    else:
        arr = np.zeros((0, 2), dtype=np.int64)
    if arr.shape[0]:
        # Join overlapping or touching spans: a new section starts where a span begins after every end so far.
        reach = np.maximum.accumulate(arr[:, 1])
        new = np.ones(arr.shape[0], dtype=bool)
        new[1:] = arr[1:, 0] > reach[:-1]
        group = np.cumsum(new) - 1
        starts = arr[new, 0]
        ends = np.zeros(starts.shape[0], dtype=np.int64)
        np.maximum.at(ends, group, arr[:, 1])
    else:
        starts = ends = np.zeros(0, dtype=np.int64)
    bounds = np.concatenate(([0], np.column_stack((starts, ends)).reshape(-1), [length]))
    sec_start, sec_end = bounds[:-1], bounds[1:]
    is_unit = np.zeros(sec_start.shape[0], dtype=bool)
    is_unit[1::2] = True
    keep = sec_end > sec_start
    return sec_start[keep], (sec_end - sec_start)[keep], is_unit[keep]


def _pair_disagreement(a: Sections, b: Sections) -> float:
    """Σ δ² over every pair of intersecting sections of two coders (Krippendorff 1995)."""
    points = np.union1d(a[0], b[0])
    i = np.searchsorted(a[0], points, side="right") - 1
    j = np.searchsorted(b[0], points, side="right") - 1
    b1, l1, u1 = a[0][i].astype(float), a[1][i].astype(float), a[2][i]
    b2, l2, u2 = b[0][j].astype(float), b[1][j].astype(float), b[2][j]
    begin = b1 - b2
    end = begin + (l1 - l2)
    both = u1 & u2
    inside_gap = u1 & ~u2 & (begin >= 0) & (end <= 0)  # a's unit lies wholly in b's gap
    around = ~u1 & u2 & (begin <= 0) & (end >= 0)  # b's unit lies wholly in a's gap
    total = np.where(both, begin * begin + end * end, 0.0)
    total += np.where(inside_gap, l1 * l1, 0.0) + np.where(around, l2 * l2, 0.0)
    return float(total.sum())


def unitizing_disagreement(coders: Sequence[Sequence[tuple[int, int]] | NDArray[np.int64]],
                           length: int) -> tuple[float, float]:
    """``(D_o, D_e)`` of unitizing α for one code: each coder's coded spans (pairs, or an n × 2 array)
    on a continuum of ``length``."""
    m = len(coders)
    if m < 2 or length <= 0:
        return 0.0, 0.0
    parts = [_sections(spans, length) for spans in coders]
    observed = sum(_pair_disagreement(parts[x], parts[y]) for x in range(m) for y in range(x + 1, m))
    d_o = 2.0 * observed / (m * (m - 1) * float(length) ** 2)
    units = np.concatenate([p[1][p[2]] for p in parts]).astype(float)
    gaps = np.sort(np.concatenate([p[1][~p[2]] for p in parts]).astype(float))
    n_c = units.shape[0]
    if n_c == 0:
        return d_o, 0.0
    # Σ over gaps g ≥ l of (g − l + 1), for every unit length l, from suffix sums of the sorted gaps.
    first = np.searchsorted(gaps, units, side="left")
    suffix = np.concatenate((np.cumsum(gaps[::-1])[::-1], [0.0]))
    count = gaps.shape[0] - first
    fits = suffix[first] - (units - 1.0) * count
    within = (n_c - 1) / 3.0 * (2 * units ** 3 - 3 * units ** 2 + units)
    mass = float((within + units * units * fits).sum())
    denominator = m * float(length) * (m * float(length) - 1) - float((units * (units - 1)).sum())
    d_e = 2.0 / float(length) * mass / denominator if denominator else 0.0
    return d_o, d_e


def unitizing_alpha(coders: Sequence[Sequence[tuple[int, int]]], length: int) -> float | None:
    """Krippendorff's unitizing α (|u|α) for one code on a continuum of ``length`` code points."""
    d_o, d_e = unitizing_disagreement(coders, length)
    return None if d_e == 0 else 1.0 - d_o / d_e

"""The agreement coefficients against independent implementations and Krippendorff's published example."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters
from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss_kappa

from app.core import agreement_stats as stats

SEEDS = range(40)


def _same(ours: float | None, theirs: float) -> None:
    if ours is None:
        assert not math.isfinite(theirs)
    else:
        assert ours == pytest.approx(theirs, abs=1e-9)


@pytest.mark.parametrize("seed", SEEDS)
def test_cohen_kappa_matches_scikit_learn(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, values = int(rng.integers(5, 200)), int(rng.integers(2, 5))
    a = rng.integers(0, values, n)
    b = np.where(rng.random(n) < rng.random(), a, rng.integers(0, values, n))  # partly agreeing
    if len(set(a) | set(b)) < 2:
        return
    _same(stats.cohen_kappa(a.tolist(), b.tolist()), cohen_kappa_score(a, b))


@pytest.mark.parametrize("seed", SEEDS)
def test_fleiss_kappa_matches_statsmodels(seed: int) -> None:
    rng = np.random.default_rng(seed)
    coders, n, values = int(rng.integers(2, 7)), int(rng.integers(5, 150)), int(rng.integers(2, 5))
    truth = rng.integers(0, values, n)
    ratings = np.where(rng.random((coders, n)) < 0.6, truth, rng.integers(0, values, (coders, n)))
    counts, _values = stats.counts_from_ratings(ratings.astype(float))
    table, _cats = aggregate_raters(ratings.T)
    _same(stats.fleiss_kappa(counts), sm_fleiss_kappa(table, method="fleiss"))


@pytest.mark.parametrize("seed", SEEDS)
def test_alpha_with_missing_values_matches_the_krippendorff_package(seed: int) -> None:
    rng = np.random.default_rng(seed)
    coders, n, values = int(rng.integers(2, 6)), int(rng.integers(5, 120)), int(rng.integers(2, 6))
    truth = rng.integers(0, values, n)
    ratings = np.where(rng.random((coders, n)) < 0.7, truth, rng.integers(0, values, (coders, n))).astype(float)
    ratings[rng.random((coders, n)) < 0.25] = np.nan
    if np.unique(ratings[~np.isnan(ratings)]).size < 2:
        return
    with np.errstate(all="ignore"):  # the package divides 0/0 where α is undefined
        theirs = krippendorff.alpha(reliability_data=ratings, level_of_measurement="nominal")
    _same(stats.krippendorff_alpha(ratings), theirs)


def test_krippendorffs_published_example_gives_0_743() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", C: four observers, 12 units,
    # nominal data with missing values; α = 0.743.
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    alpha = stats.krippendorff_alpha(data)
    assert alpha is not None and round(alpha, 3) == 0.743
    as_float = np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)
    assert alpha == pytest.approx(krippendorff.alpha(reliability_data=as_float, level_of_measurement="nominal"))


def test_weights_equal_repeated_rows() -> None:
    rng = np.random.default_rng(7)
    counts = np.array([[2, 0], [1, 1], [0, 2], [1, 1]], dtype=float)
    weights = rng.integers(1, 9, counts.shape[0])
    expanded = np.repeat(counts, weights, axis=0)
    assert stats.alpha_from_counts(counts, weights) == pytest.approx(stats.alpha_from_counts(expanded))
    assert stats.fleiss_kappa(counts, weights) == pytest.approx(stats.fleiss_kappa(expanded))
    assert stats.percent_agreement(counts, weights) == pytest.approx(stats.percent_agreement(expanded))


def test_undefined_coefficients_are_none() -> None:
    all_zero = np.array([[2.0, 0.0]] * 5)
    assert stats.alpha_from_counts(all_zero) is None
    assert stats.fleiss_kappa(all_zero) is None
    assert stats.cohen_kappa([0, 0, 0], [0, 0, 0]) is None
    assert stats.percent_agreement(all_zero) == 100.0
    assert stats.bootstrap_alpha(all_zero) is None


def test_bootstrap_interval_is_seeded_and_holds_alpha() -> None:
    rng = np.random.default_rng(3)
    truth = rng.integers(0, 2, 300)
    ratings = np.where(rng.random((2, 300)) < 0.8, truth, rng.integers(0, 2, (2, 300))).astype(float)
    counts, _ = stats.counts_from_ratings(ratings)
    alpha = stats.alpha_from_counts(counts)
    first = stats.bootstrap_alpha(counts, seed=5)
    assert first == stats.bootstrap_alpha(counts, seed=5)
    assert first != stats.bootstrap_alpha(counts, seed=6)
    assert first is not None and alpha is not None
    assert first[0] < alpha < first[1]
    assert first[1] - first[0] < 0.3


def _brute_unitizing(coders: list[list[tuple[int, int]]], length: int) -> float | None:
    """Krippendorff's (1995) |u|α written out literally, section pair by section pair."""
    def sections(spans: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
        coded = [False] * length
        for s, e in spans:
            for i in range(s, e):
                coded[i] = True
        out: list[tuple[int, int, bool]] = []
        for i, flag in enumerate(coded):
            if out and out[-1][2] == flag and out[-1][0] + out[-1][1] == i:
                out[-1] = (out[-1][0], out[-1][1] + 1, flag)
            else:
                out.append((i, 1, flag))
        return out

    parts = [sections(s) for s in coders]
    m = len(parts)
    observed = 0.0
    for x in range(m):
        for y in range(m):
            if x == y:
                continue
            for b1, l1, u1 in parts[x]:
                for b2, l2, u2 in parts[y]:
                    if u1 and u2 and -l1 < b1 - b2 < l2:
                        observed += (b1 - b2) ** 2 + (b1 + l1 - b2 - l2) ** 2
                    elif u1 and not u2 and b2 <= b1 and b1 + l1 <= b2 + l2:
                        observed += l1 * l1
                    elif u2 and not u1 and b1 <= b2 and b2 + l2 <= b1 + l1:
                        observed += l2 * l2
    d_o = observed / (m * (m - 1) * length * length)
    units = [size for p in parts for (_b, size, u) in p if u]
    gaps = [size for p in parts for (_b, size, u) in p if not u]
    n_c = len(units)
    mass = sum((n_c - 1) / 3 * (2 * u ** 3 - 3 * u ** 2 + u) + u * u * sum(g - u + 1 for g in gaps if g >= u)
               for u in units)
    denominator = m * length * (m * length - 1) - sum(u * (u - 1) for u in units)
    d_e = 2 / length * mass / denominator
    return None if d_e == 0 else 1 - d_o / d_e


@pytest.mark.parametrize("seed", range(25))
def test_unitizing_alpha_matches_the_formula_written_out(seed: int) -> None:
    rng = np.random.default_rng(seed)
    length = int(rng.integers(20, 120))
    coders = []
    for _ in range(int(rng.integers(2, 4))):
        spans = []
        for _ in range(int(rng.integers(0, 5))):
            s = int(rng.integers(0, length - 1))
            spans.append((s, int(rng.integers(s + 1, min(length, s + 25) + 1))))
        coders.append(spans)
    ours = stats.unitizing_alpha(coders, length)
    theirs = _brute_unitizing(coders, length)
    if theirs is None:
        assert ours is None
    else:
        assert ours == pytest.approx(theirs, abs=1e-9)


def test_unitizing_alpha_is_one_for_identical_spans_and_lower_when_they_differ() -> None:
    same = [(0, 10), (20, 30)]
    assert stats.unitizing_alpha([same, list(same)], 100) == pytest.approx(1.0)
    shifted = stats.unitizing_alpha([same, [(2, 12), (20, 30)]], 100)
    apart = stats.unitizing_alpha([same, [(50, 60), (70, 80)]], 100)
    assert shifted is not None and apart is not None and apart < shifted < 1.0

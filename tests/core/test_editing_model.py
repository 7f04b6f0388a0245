"""The position arithmetic of app.core.splice against the character-level reference model
(tests/core/position_model.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.splice import Splice, check_splices, inverse, map_spans, splice_text
from tests.core.position_model import ALPHABET, model


@st.composite
def cases(draw: st.DrawFn, *, max_splices: int = 4) -> tuple[str, list[tuple[int, int]], list[Splice]]:
    text = draw(st.text(alphabet=ALPHABET, min_size=0, max_size=30))
    n = len(text)
    spans = []
    if n:
        for _ in range(draw(st.integers(0, 8))):
            a = draw(st.integers(0, n - 1))
            b = draw(st.integers(a + 1, n))
            spans.append((a, b))
    points = sorted(draw(st.lists(st.integers(0, n), max_size=2 * max_splices)))
    splices: list[Splice] = []
    for start, end in zip(points[::2], points[1::2], strict=False):
        if splices and (start < splices[-1].end or (start, end) == (splices[-1].start, splices[-1].end)):
            continue
        new = draw(st.text(alphabet=ALPHABET, max_size=4))
        if start == end and not new:
            continue
        splices.append(Splice(start, end, new))
    return text, spans, splices


@settings(max_examples=600, deadline=None)
@given(cases(max_splices=1))
def test_one_splice_matches_the_model(case: tuple[str, list[tuple[int, int]], list[Splice]]) -> None:
    text, spans, splices = case
    new_text, expected = model(text, spans, splices)
    assert splice_text(text, splices) == new_text
    assert map_spans(spans, splices) == expected


@settings(max_examples=600, deadline=None)
@given(cases(max_splices=4))
def test_many_splices_match_the_model(case: tuple[str, list[tuple[int, int]], list[Splice]]) -> None:
    text, spans, splices = case
    check_splices(splices, len(text))
    new_text, expected = model(text, spans, splices)
    assert splice_text(text, splices) == new_text
    assert map_spans(spans, splices) == expected


@settings(max_examples=300, deadline=None)
@given(cases(max_splices=4))
def test_inverse_splices_restore_the_text(case: tuple[str, list[tuple[int, int]], list[Splice]]) -> None:
    text, _spans, splices = case
    new_text = splice_text(text, splices)
    assert splice_text(new_text, inverse(text, splices)) == text


def test_the_rules_by_example() -> None:
    splices = [Splice(2, 5, "受访者A")]  # 3 → 4 characters
    before, after, containing, exact, inside, tail = (0, 2), (5, 7), (1, 6), (2, 5), (3, 4), (4, 7)
    assert map_spans([before, after, containing, exact, inside, tail], splices) == [
        (0, 2),
        (6, 8),
        (1, 7),
        (2, 6),
        None,
        (2, 8),
    ]
    # A deletion removes what lay wholly inside it; an insertion at a boundary stays outside.
    assert map_spans([(2, 5), (1, 3)], [Splice(2, 5, "")]) == [None, (1, 2)]
    assert map_spans([(2, 5), (0, 2), (1, 4)], [Splice(2, 2, "𠮷")]) == [(3, 6), (0, 2), (1, 5)]


def test_overlapping_splices_are_refused() -> None:
    for bad in (
        [Splice(0, 3, "x"), Splice(2, 4, "y")],
        [Splice(1, 1, "x"), Splice(1, 1, "y")],
        [Splice(0, 9, "")],
    ):
        try:
            check_splices(bad, 5)
        except ValueError:
            continue
        raise AssertionError(f"{bad} was accepted")

"""The document view's incremental updates must draw exactly what a full redraw draws."""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from app.core.coding import CodingInfo
from app.ui.document_view import DocumentView

TEXT = ("访谈者：您好𠮷😀！\n受访者：我们一起做增权赋能的工作。后来大家互助合作，压力小了很多。\n" * 12)
COLORS = {1: "#E15759", 2: "#4E79A7", 3: "#59A14F"}


def make(i: int, start: int, end: int, code: int) -> CodingInfo:
    return CodingInfo(
        id=i, document_id=7, document="d", code_id=code, code=f"维度/码{code}", coder="甲", start=start,
        end=end, text=TEXT[start:end], memo="", stage=None, own_stage=None, own_stage_id=None,
        created_at=datetime(2026, 1, 1),
    )


def merged(keys: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """Adjacent segments with the same codings joined: two drawings are equal when these are."""
    out: list[tuple[int, ...]] = []
    for key in keys:
        if out and out[-1][1] == key[0] and out[-1][2:] == key[2:]:
            out[-1] = (out[-1][0], key[1], *key[2:])
        else:
            out.append(key)
    return out


@pytest.mark.parametrize("seed", range(8))
def test_deltas_draw_what_a_full_redraw_draws(qapp, seed: int) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    incremental, full = DocumentView(), DocumentView()
    for view in (incremental, full):
        view.set_document(7, TEXT, [], COLORS)
    live: dict[int, CodingInfo] = {}
    next_id = 1
    for _step in range(40):
        if live and rng.random() < 0.35:
            gone = live.pop(rng.choice(sorted(live)))
            incremental.apply_delta([], [gone])
        else:
            start = rng.randrange(0, len(TEXT) - 2)
            coding = make(next_id, start, min(len(TEXT), start + rng.randint(1, 40)), rng.choice([1, 2, 3]))
            next_id += 1
            live[coding.id] = coding
            incremental.apply_delta([coding], [])
        full.set_codings(list(live.values()), COLORS)
        assert merged(incremental._highlighter._keys) == merged(full._highlighter._keys)
        shown = incremental.shown_codings()
        assert sorted(c.id for c in shown) == sorted(live)
        for a in shown:  # overlapping stripes never share a column
            for b in shown:
                if a.id < b.id and a.start16 < b.end16 and b.start16 < a.end16:
                    assert a.column != b.column

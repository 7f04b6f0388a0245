"""Units of suggestion: the sentences and speaker turns a code is suggested for.

Sentences come from :func:`app.core.text.split_sentences` and turns from
:func:`app.core.text.detect_turns`. A speaker's label (``受访者：``) is never part of a unit: sentences are
cut inside each turn's content, and the text before the first turn (a transcript's header) is cut on
its own. Units with fewer than :data:`MIN_CHARS` letters or Han characters (``嗯。``, ``对对对。``) carry
no codable content and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.core.text import detect_turns, split_sentences

__all__ = ["MIN_CHARS", "Unit", "UnitKind", "covers", "overlap", "units"]

UnitKind = Literal["sentence", "turn"]
MIN_CHARS = 4


@dataclass(frozen=True)
class Unit:
    """``text[start:end]`` of a document, in code points, end exclusive."""

    start: int
    end: int


def _content_chars(piece: str) -> int:
    return sum(1 for ch in piece if ch.isalnum())


def units(text: str, kind: UnitKind = "sentence") -> list[Unit]:
    """The units of ``text`` in order: its sentences or its speaker turns (labels excluded)."""
    turns = detect_turns(text)
    regions: list[tuple[int, int]] = []
    if not turns:
        regions = [(0, len(text))]
    else:
        if turns[0].label_start > 0:
            regions.append((0, turns[0].label_start))
        regions += [(t.start, t.end) for t in turns if t.end > t.start]
    out: list[Unit] = []
    for start, end in regions:
        if kind == "turn":
            pieces = [(start, end)] if start < end else []
        else:
            pieces = [(start + s, start + e) for s, e in split_sentences(text[start:end])]
        out += [Unit(s, e) for s, e in pieces if _content_chars(text[s:e]) >= MIN_CHARS]
    return out


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """How many code points ``[a_start, a_end)`` and ``[b_start, b_end)`` share."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def covers(unit_start: int, unit_end: int, start: int, end: int) -> bool:
    """Whether a coding of ``[start, end)`` codes the unit: it holds half the unit, or the unit half of it.

    So a coding of one clause codes its sentence, and a coding of three sentences codes each of them,
    but a coding that only grazes a unit's edge does not.
    """
    shared = overlap(unit_start, unit_end, start, end)
    return shared > 0 and (2 * shared >= unit_end - unit_start or 2 * shared >= end - start)

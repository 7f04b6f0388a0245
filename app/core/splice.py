"""Text splices and what they do to positions: the arithmetic behind editing text after coding.

A :class:`Splice` replaces the code points ``[start, end)`` of a text with new text; several splices
of one text are applied at once, in the old text's coordinates (they must not overlap).
:func:`map_spans` moves ranges ``[a, b)`` (codings, stage spans, case passages…) so that each stays
on its words:

- a range wholly before a splice is unchanged; one wholly after it shifts by the change in length;
- an insertion strictly inside a range makes it grow; one at its start or end leaves it outside;
- a range that contains a splice grows or shrinks with it; a boundary that falls inside a replaced
  stretch moves outward to the edge of the new text, so the replacement takes over the membership of
  the words it replaced (a coding of "刘卫东说" becomes a coding of "受访者A说");
- a range none of whose characters survive is removed — except a range exactly equal to one
  replaced stretch with non-empty new text, which becomes that new text (a coding of exactly the
  name stays on the pseudonym).

Equivalently, in character terms: every surviving character keeps the ranges it had; the new text of
a splice belongs to every kept range that had a character in the replaced stretch (or, for an
insertion, that strictly contains the point). ``tests/core/test_editing_model.py`` checks the code
against that formulation.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Splice:
    """Replace ``[start, end)`` of the old text with ``text`` (an insertion when start == end)."""

    start: int
    end: int
    text: str

    @property
    def delta(self) -> int:
        """How much longer the text gets."""
        return len(self.text) - (self.end - self.start)


def check_splices(splices: Sequence[Splice], length: int) -> None:
    """Raise ValueError unless the splices are inside ``[0, length]``, sorted and not overlapping
    (at most one insertion at any point)."""
    previous: Splice | None = None
    for s in splices:
        if not 0 <= s.start <= s.end <= length:
            raise ValueError(f"the range {s.start}–{s.end} is not inside the text (0–{length})")
        if previous is not None and (
            s.start < previous.end or (s.start == previous.start and s.end == previous.end)
        ):
            raise ValueError(f"the ranges {previous.start}–{previous.end} and {s.start}–{s.end} overlap")
        previous = s


def splice_text(text: str, splices: Sequence[Splice]) -> str:
    """``text`` with every splice applied (splices in old coordinates, sorted, not overlapping)."""
    parts: list[str] = []
    at = 0
    for s in splices:
        parts.append(text[at : s.start])
        parts.append(s.text)
        at = s.end
    parts.append(text[at:])
    return "".join(parts)


def inverse(old_text: str, splices: Sequence[Splice]) -> list[Splice]:
    """The splices that turn the spliced text back into ``old_text`` (new text's coordinates)."""
    return undo_splices(splices, [old_text[s.start : s.end] for s in splices])


def undo_splices(splices: Sequence[Splice], replaced: Sequence[str]) -> list[Splice]:
    """The splices that undo ``splices``, given the old text each one replaced (``replaced``)."""
    result: list[Splice] = []
    shift = 0
    for s, old in zip(splices, replaced, strict=True):
        start = s.start + shift
        result.append(Splice(start, start + len(s.text), old))
        shift += s.delta
    return result


class SpanMapper:
    """Maps ranges of the old text to the new one for a fixed list of splices (bisect per boundary)."""

    def __init__(self, splices: Sequence[Splice]) -> None:
        self._splices = list(splices)
        self._starts = [s.start for s in splices]
        self._ends = [s.end for s in splices]
        self._shift: list[int] = []  # total delta of the splices before each one
        total = 0
        for s in splices:
            self._shift.append(total)
            total += s.delta
        self._total = total

    def _shift_before(self, k: int) -> int:
        return self._shift[k] if k < len(self._shift) else self._total

    def map_start(self, a: int) -> int:
        """Where a range starting at ``a`` starts after the splices."""
        k = bisect_right(self._ends, a)  # splices ending at or before a (insertions at a included)
        if k < len(self._splices) and self._starts[k] < a:  # a falls inside splice k's stretch
            return self._starts[k] + self._shift[k]
        return a + self._shift_before(k)

    def map_end(self, b: int) -> int:
        """Where a range ending at ``b`` ends after the splices."""
        k = bisect_left(self._ends, b)  # splices ending before b
        while k < len(self._splices) and self._ends[k] == b and self._starts[k] < b:
            k += 1  # a replaced stretch ending at b: the range takes the new text
        if k < len(self._splices) and self._starts[k] < b < self._ends[k]:
            s = self._splices[k]
            return s.start + self._shift[k] + len(s.text)
        return b + self._shift_before(k)

    def _covered(self, a: int, b: int) -> int | None:
        """The first splice of a chain that covers every character of ``[a, b)``, else None."""
        k = bisect_right(self._ends, a)
        if k >= len(self._splices) or self._starts[k] > a:
            return None
        first = k
        reach = self._ends[k]
        k += 1
        while reach < b:
            if k < len(self._splices) and self._starts[k] == reach:
                reach = self._ends[k]
                k += 1
            else:
                return None
        return first

    def map(self, a: int, b: int) -> tuple[int, int] | None:
        """The range ``[a, b)`` after the splices, or None when none of its words survive."""
        if not self._splices or b <= self._starts[0]:
            return a, b
        first = self._covered(a, b)
        if first is not None:
            s = self._splices[first]
            if (a, b) == (s.start, s.end) and s.text:
                start = s.start + self._shift[first]
                return start, start + len(s.text)
            return None
        return self.map_start(a), self.map_end(b)


def map_spans(spans: Sequence[tuple[int, int]], splices: Sequence[Splice]) -> list[tuple[int, int] | None]:
    """Each range after the splices (None: removed, its words are gone). See the module's rules."""
    mapper = SpanMapper(splices)
    return [mapper.map(a, b) for a, b in spans]


__all__ = ["SpanMapper", "Splice", "check_splices", "inverse", "map_spans", "splice_text", "undo_splices"]

"""Which unit a REFI-QDA file counts its text positions in, and conversion to Guiji's code points.

The standard (REFI-QDA 1.5, §10.2) counts Unicode code points of the source's text file. NVivo
counts UTF-16 code units instead (a character outside the BMP, such as 𠮷 or 😀, counts 2), and its
text files have a BOM (not counted) and CRLF line ends (counted as 2). Four readings are possible:

==========  ===========================  ==================================================
reading     unit                         line ends
==========  ===========================  ==================================================
standard    code points                  as in the file (CRLF is 2)
nvivo       UTF-16 units                 as in the file (CRLF is 2)
cp-lf       code points                  one per line end (the file's text normalised)
utf16-lf    UTF-16 units                 one per line end
==========  ===========================  ==================================================

A BOM is never counted. Each reading maps a position onto the stored text (BOM removed, every line
end ``\\n``); when a file has no characters outside the BMP and no CRLF, all readings agree.

Detection, per project: the file's ``origin`` names the program; NVivo means ``nvivo``, a program
known to follow the standard means ``standard``. The selections themselves are evidence: coders and
programs select whole lines and paragraphs far more often than chance, so the right reading puts
many selection ends on line boundaries. When the evidence is clear (one reading aligns at least
:data:`CLEAR_MARGIN` more of the ends than any other, and at least half of them), it wins even over
the origin; otherwise the origin decides; with no known origin the standard is taken and the report
says the choice was ambiguous.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.core.text import Utf16Map

READINGS: dict[str, str] = {
    "standard": "code points, line ends as in the file (the REFI-QDA standard)",
    "nvivo": "UTF-16 units, line ends as in the file (as NVivo counts)",
    "cp-lf": "code points, each line end counted once",
    "utf16-lf": "UTF-16 units, each line end counted once",
}
CLEAR_MARGIN = 0.25
# Programs whose exports follow the standard's code points (README of the shared test data).
_STANDARD_ORIGINS = ("guiji", "atlas", "maxqda", "qualcoder", "taguette", "quirkos", "transana",
                     "dedoose", "f4", "qda miner", "openqda", "quales")
_CRLF = re.compile("\r\n")

Mapper = Callable[[int], int | None]


class SourceText:
    """A text source as the file holds it (``raw``: BOM removed, line ends kept) and as stored."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.stored = raw.replace("\r\n", "\n").replace("\r", "\n")
        self._crs = [m.start() for m in _CRLF.finditer(raw)]  # the \r that normalising removes
        self._maps: dict[str, Utf16Map] = {}
        self._mappers: dict[str, Mapper] = {}

    def _u16(self, which: str) -> Utf16Map:
        if which not in self._maps:
            self._maps[which] = Utf16Map(self.raw if which == "raw" else self.stored)
        return self._maps[which]

    def _from_raw(self, cp: int) -> int:
        # A position between \r and \n lands on the \n: the end of that line in the stored text.
        return cp - bisect_left(self._crs, cp)

    def mapper(self, reading: str) -> Mapper:
        """A function from a position in ``reading`` to a stored code point (None: out of range)."""
        if reading in self._mappers:
            return self._mappers[reading]
        raw_len, stored_len = len(self.raw), len(self.stored)

        def standard(p: int) -> int | None:
            return self._from_raw(p) if 0 <= p <= raw_len else None

        def nvivo(p: int) -> int | None:
            m = self._u16("raw")
            return self._from_raw(m.to_codepoint(p)) if 0 <= p <= m.utf16_length else None

        def cp_lf(p: int) -> int | None:
            return p if 0 <= p <= stored_len else None

        def utf16_lf(p: int) -> int | None:
            m = self._u16("stored")
            return m.to_codepoint(p) if 0 <= p <= m.utf16_length else None

        chosen = {"standard": standard, "nvivo": nvivo, "cp-lf": cp_lf, "utf16-lf": utf16_lf}[reading]
        self._mappers[reading] = chosen
        return chosen

    def on_line_boundary(self, p: int) -> bool:
        """Whether stored position ``p`` is at the start or the end of a line."""
        text = self.stored
        return p in (0, len(text)) or text[p - 1] == "\n" or text[p] == "\n"


@dataclass(frozen=True)
class Detection:
    """The reading chosen for a project, why, and how the others compared."""

    reading: str
    reason: str
    ambiguous: bool
    scores: tuple[tuple[str, float, int], ...]  # (reading, share of ends on line boundaries, out of range)

    @property
    def description(self) -> str:
        return READINGS[self.reading]


def origin_reading(origin: str) -> str | None:
    """The reading a program's exports use, from the ``origin`` attribute (None: unknown program)."""
    folded = origin.casefold()
    if "nvivo" in folded:
        return "nvivo"
    if any(name in folded for name in _STANDARD_ORIGINS):
        return "standard"
    return None


def detect_reading(origin: str, selections: Sequence[tuple[SourceText, int, int]]) -> Detection:
    """Choose the reading for a project from its origin and its text selections ``(text, start, end)``."""
    prior = origin_reading(origin)
    readings = list(READINGS)
    results: dict[str, list[tuple[int | None, int | None]]] = {}
    for reading in readings:
        results[reading] = [(t.mapper(reading)(s), t.mapper(reading)(e)) for t, s, e in selections]
    distinct = {r: tuple(v) for r, v in results.items()}
    if len(set(distinct.values())) <= 1:
        return Detection(prior or "standard", "every reading gives the same positions (no characters "
                         "outside the BMP and no CRLF line ends before the selections)", False, ())
    if origin.casefold().startswith("guiji"):
        return Detection("standard", "written by Guiji, which counts code points", False, ())
    scores: list[tuple[str, float, int]] = []
    for reading in readings:
        ends = [p for pair in results[reading] for p in pair]
        bad = sum(1 for s, e in results[reading] if s is None or e is None)
        aligned = sum(1 for (text, _s, _e), pair in zip(selections, results[reading], strict=True)
                      for p in pair if p is not None and text.on_line_boundary(p))
        scores.append((reading, aligned / len(ends) if ends else 0.0, bad))
    fewest_bad = min(bad for _r, _s, bad in scores)
    usable = [(r, s) for r, s, bad in scores if bad == fewest_bad]
    usable.sort(key=lambda rs: -rs[1])
    best, best_score = usable[0]
    runner_up = max((s for r, s in usable[1:] if distinct[r] != distinct[best]), default=0.0)
    clear = best_score >= 0.5 and best_score - runner_up >= CLEAR_MARGIN
    out_of_range = [r for r, _s, bad in scores if bad > fewest_bad]
    note = f" ({', '.join(out_of_range)} would put selections outside the text)" if out_of_range else ""
    if clear:
        if prior is not None and distinct[prior] != distinct[best]:
            reason = (f"the file comes from {origin!r}, but {best_score:.0%} of the selections' ends fall on "
                      f"line boundaries only when read as {READINGS[best]}")
        else:
            reason = f"{best_score:.0%} of the selections' ends fall on line boundaries when read this way"
        return Detection(best, reason + note, False, tuple(scores))
    if prior is not None and prior in dict(usable):
        return Detection(prior, f"the file comes from {origin!r}, which counts this way" + note, False,
                         tuple(scores))
    chosen = "standard" if "standard" in dict(usable) else best
    reason = ("ambiguous: the origin does not say how positions are counted and the selections do not "
              f"show it; took {READINGS[chosen]}")
    return Detection(chosen, reason + note, True, tuple(scores))

"""Keyword rules: a code's keywords (and its own name) found in the raw text of a unit.

Matching is on the text folded to Simplified (:func:`app.core.variants.fold`, one code point for one,
so positions never move: a Simplified codebook suggests on a Traditional transcript exactly as on its
Simplified twin), never on tokens: segmentation may make ``增权赋能`` one token, and the
keyword ``赋能`` must still be found inside it. Every occurrence counts, overlapping ones too; ASCII
letters match in either case (only ASCII is folded, so positions never move). A hit is then mapped
to the unit of suggestion it falls in.

A code's own name counts as a keyword (in-vivo codes are named after the words that express them);
names and keywords of one character are ignored, as they would fire everywhere.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.core.codebook import CodeInfo
from app.core.nlp.units import Unit
from app.core.variants import fold

__all__ = ["Hit", "KeywordRule", "find_hits", "hits_by_unit", "rules_for"]

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
MIN_TERM = 2


@dataclass(frozen=True)
class KeywordRule:
    """``term`` fires ``code_id``; ``from_name`` when the term is the code's name, not a keyword."""

    code_id: int
    term: str
    from_name: bool = False


@dataclass(frozen=True)
class Hit:
    """One occurrence of a rule's term at ``[start, end)`` of the text."""

    rule: KeywordRule
    start: int
    end: int


def rules_for(codes: Iterable[CodeInfo]) -> list[KeywordRule]:
    """One rule per keyword and per code name (of two characters or more) of ``codes``."""
    rules: list[KeywordRule] = []
    for code in codes:
        seen: set[str] = set()
        for term, from_name in ((code.name, True), *((k, False) for k in code.keywords)):
            key = term.strip().translate(_ASCII_LOWER)
            if len(key) >= MIN_TERM and key not in seen:
                seen.add(key)
                rules.append(KeywordRule(code.id, term.strip(), from_name))
    return rules


def find_hits(text: str, rules: Sequence[KeywordRule]) -> list[Hit]:
    """Every occurrence of every rule's term in ``text`` (code points), ordered by position."""
    folded = fold(text).translate(_ASCII_LOWER)
    hits: list[Hit] = []
    for rule in rules:
        term = fold(rule.term).translate(_ASCII_LOWER)
        at = folded.find(term)
        while at >= 0:
            hits.append(Hit(rule, at, at + len(term)))
            at = folded.find(term, at + 1)
    hits.sort(key=lambda h: (h.start, h.end, h.rule.code_id))
    return hits


def hits_by_unit(hits: Iterable[Hit], units: Sequence[Unit]) -> dict[tuple[int, int], list[Hit]]:
    """``(unit index, code id)`` → the hits of that code inside that unit (a hit must lie within it)."""
    starts = [u.start for u in units]
    out: dict[tuple[int, int], list[Hit]] = {}
    for hit in hits:
        i = bisect_right(starts, hit.start) - 1
        if i >= 0 and hit.end <= units[i].end:
            out.setdefault((i, hit.rule.code_id), []).append(hit)
    return out

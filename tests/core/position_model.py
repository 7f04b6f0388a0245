"""A character-level reference model of how ranges follow text splices (for the editing tests).

It never computes a boundary: every character carries the set of ranges that cover it; the splices
are applied to the list of tagged characters (new text inherits the tags of the kept ranges that had
a character in the replaced stretch, or that strictly contain an insertion point), and each range is
read back as its first to last tagged character. A range with no surviving character is removed,
unless it was exactly one replaced stretch with non-empty new text.
"""

from __future__ import annotations

from app.core.splice import Splice

ALPHABET = "ab社区𠮷😀\n"


def model(
    text: str, spans: list[tuple[int, int]], splices: list[Splice]
) -> tuple[str, list[tuple[int, int] | None]]:
    """Apply ``splices`` to tagged characters; return the new text and each range (None: removed)."""
    deleted = set()
    for s in splices:
        deleted.update(range(s.start, s.end))
    kept = set()
    for i, (a, b) in enumerate(spans):
        survives = any(p not in deleted for p in range(a, b))
        exact = any((a, b) == (s.start, s.end) and s.text for s in splices)
        if survives or exact:
            kept.add(i)

    def owners(s: Splice) -> set[int]:
        found = set()
        for i in kept:
            a, b = spans[i]
            if (s.start < s.end and a < s.end and b > s.start) or (s.start == s.end and a < s.start < b):
                found.add(i)
        return found

    chars: list[tuple[str, frozenset[int]]] = []
    at = 0
    for s in splices:
        for p in range(at, s.start):
            chars.append((text[p], frozenset(i for i, (a, b) in enumerate(spans) if a <= p < b)))
        tags = frozenset(owners(s))
        chars.extend((ch, tags) for ch in s.text)
        at = s.end
    for p in range(at, len(text)):
        chars.append((text[p], frozenset(i for i, (a, b) in enumerate(spans) if a <= p < b)))
    result: list[tuple[int, int] | None] = []
    for i in range(len(spans)):
        where = [p for p, (_ch, tags) in enumerate(chars) if i in tags]
        if i not in kept or not where:
            result.append(None)
            continue
        assert where == list(range(where[0], where[-1] + 1)), "a kept range must stay contiguous"
        result.append((where[0], where[-1] + 1))
    return "".join(ch for ch, _tags in chars), result

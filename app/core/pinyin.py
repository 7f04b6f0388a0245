"""Find codes by what a coder types: the name, pinyin initials (``zqfn``), full pinyin, keywords.

Every Chinese character may be typed by any of its readings (pypinyin's heteronyms: 行 is ``xing``
or ``hang``), toneless, ü as ``v`` (pypinyin's ``Style.NORMAL``). Characters pypinyin does not know
(𠮷, emoji, Latin letters, digits) stand for themselves. Matching ignores the case of letters and
the script: a Traditional query finds a Simplified name and back (:func:`app.core.variants.fold`).

Scores (lower is better) are ``tier * 100 + where``, ``where`` the match's character offset
(capped at 99), so an earlier match ranks first within a tier:

== ==========================================================================
0  the query is the name
1  the name starts with the query
2  the name contains the query
3  the pinyin initials start with the query (``zq`` → 增权赋能)
4  the pinyin initials contain the query (``fn`` → 增权赋能)
5  the full pinyin starts with the query (``zengquan``; the last syllable may be cut short,
   and any syllable may be typed as its initial: ``zengqfn``)
6  the same, from a later character (``quanfuneng``)
7  a keyword contains the query
== ==========================================================================
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from typing import Any, TypeVar

from app.core.variants import fold

T = TypeVar("T")

_TIER = 100
_MAX_WHERE = _TIER - 1


@lru_cache(maxsize=8192)
def _readings(ch: str) -> tuple[str, ...]:
    """The toneless readings of one character, lower case; itself when pypinyin has none."""
    if ch.isascii():
        return (ch.lower(),)
    from pypinyin import Style, pinyin  # 0.2 s with its phrase tables: loaded at the first lookup

    found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="default")
    readings = tuple(dict.fromkeys(r.lower() for r in found[0] if r)) if found else ()
    return readings or (ch.lower(),)


@lru_cache(maxsize=4096)
def name_readings(name: str) -> tuple[tuple[str, ...], ...]:
    """Per character of ``name``, its possible readings (see the module docstring)."""
    return tuple(_readings(ch) for ch in name)


def _initials_match(query: str, readings: tuple[tuple[str, ...], ...]) -> int | None:
    """The first character index where ``query`` matches consecutive initials, or None."""
    n, m = len(readings), len(query)
    for i in range(n - m + 1):
        if all(query[j] in {r[0] for r in readings[i + j]} for j in range(m)):
            return i
    return None


def _full_match_from(query: str, readings: tuple[tuple[str, ...], ...], first: int) -> bool:
    """True when ``query`` spells characters ``first, first+1, …`` by full syllables or initials,
    the last one possibly cut short."""

    @cache
    def step(i: int, q: int) -> bool:
        if q == len(query):
            return True
        if i == len(readings):
            return False
        rest = query[q:]
        for reading in readings[i]:
            if reading.startswith(rest):
                return True
            if rest.startswith(reading) and step(i + 1, q + len(reading)):
                return True
            if len(reading) > 1 and rest[0] == reading[0] and step(i + 1, q + 1):
                return True
        return False

    return step(first, 0)


def _split_keywords(keywords: str | Iterable[str]) -> list[str]:
    if isinstance(keywords, str):
        return [k.strip() for k in keywords.splitlines() if k.strip()]
    return [k.strip() for k in keywords if k and k.strip()]


def code_matches(query: str, name: str, keywords: str | Iterable[str] = ()) -> int | None:
    """How well ``query`` finds the code called ``name`` (lower is better), or None for no match.

    ``keywords`` is a list of keywords or a text with one per line (``Code.keywords``). An empty
    query matches everything with score 0. See the module docstring for the tiers.
    """
    # Traditional and Simplified characters are one (代議 finds 代议; same length, so offsets hold).
    q = fold("".join(query.split()).lower())
    if not q:
        return 0
    lowered = fold(name.lower())
    if lowered == q:
        return 0
    where = lowered.find(q)
    if where == 0:
        return _TIER
    if where > 0:
        return 2 * _TIER + min(where, _MAX_WHERE)
    readings = name_readings(lowered)
    at = _initials_match(q, readings)
    if at is not None:
        return (3 if at == 0 else 4) * _TIER + min(at, _MAX_WHERE)
    if q.isascii():
        for first in range(len(readings)):
            if _full_match_from(q, readings, first):
                return (5 if first == 0 else 6) * _TIER + min(first, _MAX_WHERE)
    for keyword in _split_keywords(keywords):
        if q in fold(keyword.lower()):
            return 7 * _TIER
    return None


def _default_keywords(item: Any) -> str | Iterable[str]:
    value = getattr(item, "keywords", ())
    return value if value is not None else ()


def rank_codes(
    query: str,
    codes: Sequence[T],
    *,
    name: Callable[[T], str] = lambda c: str(c.name),  # type: ignore[attr-defined]
    keywords: Callable[[T], str | Iterable[str]] = _default_keywords,
) -> list[T]:
    """The codes ``query`` finds, best first (ties keep the given order, e.g. tree order).

    ``codes`` are any objects with a ``name`` (and optionally ``keywords``) attribute, such as
    :class:`app.core.codebook.CodeInfo`; ``name``/``keywords`` pick other fields.
    """
    scored = []
    for index, code in enumerate(codes):
        score = code_matches(query, name(code), keywords(code))
        if score is not None:
            scored.append((score, index, code))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [code for _score, _index, code in scored]


__all__ = ["code_matches", "name_readings", "rank_codes"]

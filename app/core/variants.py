"""Traditional and Simplified Chinese as one: folding for matching, and the spellings of a term.

Everything here is derived from OpenCC's dictionaries (the ``opencc`` package, see
``docs/variants.md``); there is no hand-written character table.

- :func:`fold` maps every character that has a one-to-one Simplified counterpart to it (代議 → 代议,
  裡/裏 → 里, 臺 → 台) and leaves every other code point alone, so ``len(fold(t)) == len(t)`` and
  position ``i`` of ``fold(t)`` is character ``i`` of ``t``: a hit found in folded text is a hit at
  the same code points of the stored text. Fold both sides before comparing.
- :func:`variants` gives the whole-term spellings OpenCC produces in each script and region,
  including phrase conversions that change characters (软件 ↔ 軟體) or even the length
  (内存 ↔ 記憶體). A text "contains the term across scripts" when ``fold(text)`` contains
  ``fold(v)`` for some ``v`` in ``variants(term)``.
- :func:`pattern` is that test as one regular expression over the *stored* text (character classes
  of every spelling of each character), so matches are the original characters.

The public signatures of :func:`fold` and :func:`variants` are stable (other modules rely on them).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

# Where Han characters (and the compatibility forms OpenCC knows) live: the table covers these.
_HAN_RANGES = (
    (0x2E80, 0x2FDF),  # radicals
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x323AF),  # extensions B–H (𠮷 lives here)
)
# Conversions whose single-character results define the fold (Traditional of Taiwan and Hong Kong
# and OpenCC's standard Traditional, each to Simplified); the first that changes a character wins.
_FOLD_CONFIGS = ("tw2s", "hk2s", "t2s")
# Conversions that give a term's other spellings (phrase-aware: 软件 → 軟體, 記憶體 → 内存).
_VARIANT_CONFIGS = ("s2t", "s2tw", "s2twp", "s2hk", "t2s", "tw2s", "tw2sp", "hk2s")

SCRIPTS = ("hans", "hant")
REGIONS = (None, "tw", "hk")


@cache
def converter(config: str) -> Any:
    """OpenCC's converter for ``config`` (``"s2t"``, ``"tw2sp"``, ...), loaded once."""
    import opencc  # loaded on first use: start-up does not pay for it

    return opencc.OpenCC(config)


def _han_chars() -> list[str]:
    return [chr(cp) for lo, hi in _HAN_RANGES for cp in range(lo, hi + 1)]


@lru_cache(maxsize=1)
def fold_table() -> dict[int, int]:
    """``{code point: folded code point}`` for every character that folds to another one."""
    chars = _han_chars()
    source = "\n".join(chars)
    table: dict[int, int] = {}
    for config in reversed(_FOLD_CONFIGS):  # later writes win: the first config has the last say
        converted = converter(config).convert(source).split("\n")
        if len(converted) != len(chars):  # never seen; then this config adds nothing
            continue
        for ch, out in zip(chars, converted, strict=True):
            if len(out) == 1 and out != ch:
                table[ord(ch)] = ord(out)
    # Fold to a fixed point so fold(fold(x)) == fold(x) (a chain like A → B → C folds A to C).
    for cp in list(table):
        seen = {cp}
        target = table[cp]
        while target in table and target not in seen:
            seen.add(target)
            target = table[target]
        table[cp] = target
    return {cp: target for cp, target in table.items() if cp != target}


@lru_cache(maxsize=1)
def _classes() -> dict[str, str]:
    """``{folded character: every character that folds to it, itself first}``."""
    members: dict[str, list[str]] = {}
    for cp, target in fold_table().items():
        members.setdefault(chr(target), [chr(target)]).append(chr(cp))
    return {key: "".join(chars) for key, chars in members.items()}


def fold(text: str) -> str:
    """``text`` with each character replaced by its Simplified counterpart where that is one
    character (same length, code point for code point); other characters unchanged."""
    return text.translate(fold_table())


def spellings(ch: str) -> str:
    """Every character that folds like ``ch`` (``ch`` itself included), for character classes."""
    folded = fold(ch)
    return _classes().get(folded, folded if folded == ch else folded + ch)


def variants(term: str) -> set[str]:
    """``term`` and its spellings in Simplified and Traditional (standard, Taiwan, Hong Kong),
    phrase-aware; the lengths may differ from ``term``'s (内存 / 記憶體)."""
    found = {term}
    if not any(ord(ch) >= 0x2E80 for ch in term):
        return found  # no Han character: nothing to convert
    for config in _VARIANT_CONFIGS:
        found.add(converter(config).convert(term))
    return found


def _char_pattern(ch: str) -> str:
    chars = spellings(ch)
    if len(chars) == 1:
        return re.escape(ch)
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def char_pattern(term: str) -> str:
    """Regular-expression source matching ``term`` with each character in any of its spellings
    (代議 and 代议; no phrase conversion: names and codes are matched this way)."""
    return "".join(_char_pattern(ch) for ch in term)


def pattern(term: str, *, fold_scripts: bool = True) -> re.Pattern[str]:
    """A regular expression matching ``term`` in stored text: ASCII letters in either case and,
    with ``fold_scripts``, any script variant (``finditer`` gives non-overlapping hits in the
    original characters, longest spelling first at one position)."""
    flags = re.ASCII | re.IGNORECASE
    if not fold_scripts:
        return re.compile(re.escape(term), flags)
    folded = {fold(v): v for v in variants(term)}
    ordered = sorted(folded, key=lambda f: (-len(f), f))
    return re.compile("|".join(char_pattern(f) for f in ordered), flags)


def spelled_out(term: str, *, limit: int = 64) -> set[str] | None:
    """Every literal string :func:`pattern` can match (ASCII case aside), or ``None`` when there
    are more than ``limit`` (for narrowing candidates with an index)."""
    out: set[str] = set()
    for v in {fold(v) for v in variants(term)}:
        partial = [""]
        for ch in v:
            partial = [p + c for p in partial for c in spellings(ch)]
            if len(partial) + len(out) > limit:
                return None
        out.update(partial)
        if len(out) > limit:
            return None
    return out


def convert(text: str, to: str, variant: str | None = None) -> str:
    """``text`` converted to ``to`` (``"hans"`` or ``"hant"``), optionally with the regional
    ``variant`` (``"tw"`` or ``"hk"``) spellings and phrases."""
    return str(converter(config_for(to, variant)).convert(text))


def config_for(to: str, variant: str | None = None) -> str:
    """The OpenCC configuration for a conversion to script ``to`` in region ``variant``."""
    if to not in SCRIPTS:
        raise ValueError(f"unknown script {to!r} (hans or hant)")
    if variant not in REGIONS:
        raise ValueError(f"unknown regional variant {variant!r} (tw or hk)")
    if to == "hant":
        return {None: "s2t", "tw": "s2twp", "hk": "s2hk"}[variant]
    return {None: "t2s", "tw": "tw2sp", "hk": "hk2s"}[variant]


__all__ = [
    "REGIONS",
    "SCRIPTS",
    "char_pattern",
    "config_for",
    "convert",
    "converter",
    "fold",
    "fold_table",
    "pattern",
    "script_of",
    "spelled_out",
    "spellings",
    "variants",
]


def script_of(text: str, *, sample: int = 20_000) -> str | None:
    """The script a text is written in: ``"hant"`` when its characters that differ between the
    scripts are mostly Traditional, ``"hans"`` when mostly Simplified, None when it has none of them
    (no Chinese, or only characters both scripts share). Only the first ``sample`` characters count."""
    head = text[:sample]
    traditional = sum(1 for ch in head if ord(ch) in fold_table())
    simplified = len(head) - sum(1 for a, b in zip(head, convert(head, "hant"), strict=False) if a == b)
    if traditional == simplified == 0:
        return None
    return "hant" if traditional > simplified else "hans"

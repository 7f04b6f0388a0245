"""Folding and spellings across Traditional and Simplified Chinese (app.core.variants)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.variants import fold, pattern, variants


def test_fold_maps_traditional_to_simplified_one_for_one() -> None:
    assert fold("代議政治") == "代议政治"
    assert fold("代议政治") == "代议政治"
    assert fold("裡裏") == fold("里里")
    assert fold("臺灣") == fold("台湾")


def test_fold_keeps_everything_else() -> None:
    text = "a𠮷😀\r\nB，。 123"
    assert fold(text) == text


@given(st.text(alphabet=st.sampled_from(list("代議议軟體软件發髮发臺台裡里著着𠮷😀ab\r\n ")), max_size=40))
def test_fold_is_same_length_and_idempotent(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded
    for a, b in zip(text, folded, strict=True):
        assert (a == b) or (ord(a) >= 0x2E80)


def test_variants_include_phrase_conversions() -> None:
    assert {"软件", "軟體"} <= variants("软件")
    assert "軟體" in variants("軟件") or "软件" in {fold(v) for v in variants("軟體")}
    assert "內存" in variants("内存") or "記憶體" in variants("内存")
    assert variants("abc") == {"abc"}


def test_pattern_matches_original_characters() -> None:
    text = "他說軟體很好，软件也好，記憶體不够"
    spans = [(m.start(), m.end(), m.group()) for m in pattern("软件").finditer(text)]
    assert spans == [(2, 4, "軟體"), (7, 9, "软件")]
    assert [m.group() for m in pattern("内存").finditer(text)] == ["記憶體"]
    assert [m.group() for m in pattern("软件", fold_scripts=False).finditer(text)] == ["软件"]

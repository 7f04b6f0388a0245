"""Finding codes by name, pinyin initials, full pinyin and keywords."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.core.pinyin import code_matches, name_readings, rank_codes


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("增权赋能", "增权赋能"),
        ("赋能", "增权赋能"),
        ("zqfn", "增权赋能"),
        ("ZQFN", "增权赋能"),
        ("zq", "增权赋能"),
        ("fn", "增权赋能"),
        ("zengquan", "增权赋能"),
        ("zengquanfuneng", "增权赋能"),
        ("zengqu", "增权赋能"),
        ("quanfu", "增权赋能"),
        ("zengqfn", "增权赋能"),
        ("yh", "银行合作"),
        ("yx", "银行合作"),  # 行 is read xing or hang: either finds it
        ("yinhang", "银行合作"),
        ("lvse", "绿色社区"),
        ("𠮷", "𠮷祥超市"),
        ("xcs", "𠮷祥超市"),
        ("𠮷x", "𠮷祥超市"),
        ("ngo", "NGO合作"),
        ("NGOhz", "NGO合作"),
        ("zhi li", "治理"),
    ],
)
def test_matches(query: str, name: str) -> None:
    assert code_matches(query, name) is not None


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("zqfnx", "增权赋能"),
        ("abc", "增权赋能"),
        ("fz", "增权赋能"),  # initials out of order
        ("zengquanx", "增权赋能"),
        ("压力", "增权赋能"),
    ],
)
def test_non_matches(query: str, name: str) -> None:
    assert code_matches(query, name) is None


def test_tiers_order_the_kinds_of_match() -> None:
    scores = [
        code_matches("增权赋能", "增权赋能"),
        code_matches("增权", "增权赋能"),
        code_matches("赋能", "增权赋能"),
        code_matches("zq", "增权赋能"),
        code_matches("fn", "增权赋能"),
        code_matches("zengquan", "增权赋能"),
        code_matches("quanfu", "增权赋能"),
        code_matches("社区", "增权赋能", ["社区参与", "居民"]),
    ]
    assert all(s is not None for s in scores)
    assert scores == sorted(scores)  # type: ignore[type-var]
    assert len(set(scores)) == len(scores)


def test_keywords_as_list_or_lines() -> None:
    assert code_matches("居民", "增权赋能", "社区参与\n居民自治\n") is not None
    assert code_matches("居民", "增权赋能", ["居民自治"]) is not None
    assert code_matches("居民", "增权赋能", "") is None


def test_empty_query_matches_everything() -> None:
    assert code_matches("", "增权赋能") == 0
    assert code_matches("  ", "x") == 0


def test_unknown_characters_pass_through() -> None:
    readings = name_readings("𠮷A😀增")
    assert readings[0] == ("𠮷",)
    assert readings[1] == ("a",)
    assert readings[2] == ("😀",)
    assert "zeng" in readings[3]


@dataclass(frozen=True)
class FakeCode:
    name: str
    keywords: str = ""


def test_rank_codes_best_first_ties_in_given_order() -> None:
    codes = [
        FakeCode("社区治理", "赋权"),
        FakeCode("赋能"),
        FakeCode("增权赋能"),
        FakeCode("资源整合"),
        FakeCode("反馈"),
    ]
    assert [c.name for c in rank_codes("赋能", codes)] == ["赋能", "增权赋能"]
    assert [c.name for c in rank_codes("f", codes)] == ["赋能", "反馈", "增权赋能"]
    ranked = [c.name for c in rank_codes("zq", codes)]
    assert ranked == ["增权赋能"]
    assert [c.name for c in rank_codes("赋", codes)] == ["赋能", "增权赋能", "社区治理"]
    assert [c.name for c in rank_codes("", codes)] == [c.name for c in codes]


def test_rank_codes_with_other_fields() -> None:
    rows = [("a", "增权赋能"), ("b", "资源")]
    assert rank_codes("zy", rows, name=lambda r: r[1], keywords=lambda r: ()) == [("b", "资源")]

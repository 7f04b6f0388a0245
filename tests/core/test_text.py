"""Tests of app.core.text: normalisation, decoding, UTF-16 offsets, sentences and turns."""

from __future__ import annotations

import codecs
import random
import time
from bisect import bisect_right
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.errors import InputFileError
from app.core.text import (
    Turn,
    Utf16Map,
    cp_to_utf16,
    decode_bytes,
    detect_turns,
    normalise,
    sha256_text,
    split_sentences,
    utf16_to_cp,
)

HANS = "我们是一个随叫随到的角色，谁需要什么协助，我们就提供什么协助。吉祥的𠮷字只有GB18030能编码。"
HANT = "我們是一個隨叫隨到的角色，誰需要什麼協助，我們就提供什麼協助。呂家華說：這是後臺的事情。"

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
VTAIWAN = "2016-06-30_vtaiwan-join-research-interview_lu-chia-hua"
NTPU = "2018-05-25_ntpu-student-thesis-interview"


def transcript(shared_data: Path, name: str, script: str) -> str:
    folder = "original-zh-Hant" if script == "Hant" else "derived-zh-Hans"
    (path,) = (shared_data / "zh" / folder).glob(f"{name}*.md")
    return path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufeff访谈", "访谈"),
        ("a\r\nb\r\n", "a\nb\n"),
        ("a\rb\r", "a\nb\n"),
        ("a\r\r\nb", "a\n\nb"),
        ("𠮷😀\r\n𠮷", "𠮷😀\n𠮷"),
        ("中\ufeff间", "中\ufeff间"),  # only a leading BOM is one
        ("e\u0301 Ａ ｶ", "e\u0301 Ａ ｶ"),  # no NFC/NFKC
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_sha256_text_hashes_utf8() -> None:
    assert sha256_text("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert sha256_text("𠮷") != sha256_text("吉")


# --------------------------------------------------------------------------- decode_bytes


@pytest.mark.parametrize(
    ("text", "data", "encoding"),
    [
        (HANS, HANS.encode("utf-8"), "utf-8"),
        (HANS, codecs.BOM_UTF8 + HANS.encode("utf-8"), "utf-8-sig"),
        (HANS, codecs.BOM_UTF16_LE + HANS.encode("utf-16-le"), "utf-16-le"),
        (HANS, codecs.BOM_UTF16_BE + HANS.encode("utf-16-be"), "utf-16-be"),
        (HANS, HANS.encode("gb18030"), "gb18030"),
        (HANT, HANT.encode("big5"), "big5"),
        (HANT, HANT.encode("gb18030"), "gb18030"),  # Traditional text saved on a mainland system
    ],
)
def test_decode_recovers_text(text: str, data: bytes, encoding: str) -> None:
    assert decode_bytes(data, "a.txt") == (text, encoding)


def test_decode_gb18030_four_byte_character() -> None:
    text = "访谈者：𠮷这个字在GB18030里是四个字节。"
    data = text.encode("gb18030")
    assert len("𠮷".encode("gb18030")) == 4
    assert "𠮷".encode("gb18030") in data
    assert decode_bytes(data, "a.txt") == (text, "gb18030")


@pytest.mark.parametrize("codec", ["gbk", "gb2312"])
def test_decode_gbk_and_gb2312_report_gb18030(codec: str) -> None:
    text = HANS.replace("𠮷", "吉")
    assert decode_bytes(text.encode(codec), "a.txt") == (text, "gb18030")


def test_decode_normalises_line_ends_and_bom() -> None:
    data = codecs.BOM_UTF16_LE + "问：你好\r\n答：好\r".encode("utf-16-le")
    assert decode_bytes(data, "a.txt") == ("问：你好\n答：好\n", "utf-16-le")
    assert decode_bytes("问：你好\r\n答：好".encode("gb18030"), "a.txt") == ("问：你好\n答：好", "gb18030")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["Q: 你好吗？\nA: 很好，谢谢。\n", "Q: ok\nA: fine", HANS + "\n" + HANS])
def test_decode_bomless_utf16_when_nul_pattern_is_obvious(codec: str, text: str) -> None:
    assert decode_bytes(text.encode(codec), "a.txt") == (text, codec)


def test_decode_short_snippets_gb_and_big5() -> None:
    assert decode_bytes("后台的事情".encode("gb18030"), "a.txt") == ("后台的事情", "gb18030")
    assert decode_bytes("後臺的事情".encode("big5"), "a.txt") == ("後臺的事情", "big5")


ALL_TRANSCRIPTS = [(VTAIWAN, "Hans"), (VTAIWAN, "Hant"), (NTPU, "Hans"), (NTPU, "Hant")]


@pytest.mark.parametrize(("name", "script"), ALL_TRANSCRIPTS)
def test_decode_real_transcripts_whole_and_40_character_snippets(
    shared_data: Path, name: str, script: str
) -> None:
    text = transcript(shared_data, name, script)
    codecs_ = ["gb18030", "gbk"] if script == "Hans" else ["big5", "gb18030"]
    rng = random.Random(f"{name}{script}")
    for codec in codecs_:
        expected = "gb18030" if codec.startswith("gb") else "big5"
        assert decode_bytes(text.encode(codec), "t.txt") == (text, expected)
        checked = 0
        while checked < 150:
            start = rng.randrange(len(text) - 40)
            snippet = text[start : start + 40]
            if snippet.isascii() or not snippet.strip():
                continue
            checked += 1
            assert decode_bytes(snippet.encode(codec), "t.txt") == (normalise(snippet), expected), snippet


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "the file is empty"),
        (codecs.BOM_UTF8, "the file is empty"),
        (codecs.BOM_UTF16_LE, "the file is empty"),
        (b" \r\n\t\n", "the file is empty"),
        (random.Random(0).randbytes(4096) + b"\x00\x00", "binary file"),
        (PNG_HEADER, "binary"),
        (b"plain ASCII text with stray NUL\x00", "contains NUL bytes"),  # would decode as UTF-16 "CJK"
        (bytes(range(1, 9)) * 50 + "访谈".encode(), "control characters"),
        (b"caf\xe9 au lait \xff\xfe\x80", "could not be recognised (tried UTF-8, UTF-16, GB18030, Big5)"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa", "not valid UTF-8"),
    ],
)
def test_decode_errors_name_the_file_and_problem(data: bytes, problem: str) -> None:
    with pytest.raises(InputFileError) as info:
        decode_bytes(data, Path("/somewhere/访谈01.txt"))
    assert str(info.value).startswith("访谈01.txt: ")
    assert problem in str(info.value)
    assert info.value.path == Path("/somewhere/访谈01.txt")


# --------------------------------------------------------------------------- UTF-16 offsets


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


biased_text = st.lists(
    st.sampled_from(["𠮷", "😀", "中", "文", "\r\n", "\r", "\n", "a", " ", "。", "\U0010ffff"])
).map("".join)


@given(st.one_of(st.text(), biased_text))
def test_utf16_round_trip_and_reference(text: str) -> None:
    umap = Utf16Map(text)
    assert umap.length == len(text)
    assert umap.utf16_length == utf16_len(text)
    boundaries = [umap.to_utf16(cp) for cp in range(len(text) + 1)]
    for cp, u16 in enumerate(boundaries):
        assert u16 == utf16_len(text[:cp])
        assert umap.to_codepoint(u16) == cp
    for u16 in range(umap.utf16_length + 1):
        # The code point offsets whose UTF-16 offset is <= u16, minus offset 0: snaps down.
        assert umap.to_codepoint(u16) == bisect_right(boundaries, u16) - 1


def test_utf16_snaps_inside_surrogate_pair() -> None:
    text = "a𠮷b😀"
    umap = Utf16Map(text)
    assert [umap.to_utf16(cp) for cp in range(5)] == [0, 1, 3, 4, 6]
    assert [umap.to_codepoint(u) for u in range(7)] == [0, 1, 1, 2, 3, 3, 4]
    assert cp_to_utf16(text, 3) == 4
    assert utf16_to_cp(text, 5) == 3


@pytest.mark.parametrize("cp", [-1, 5])
def test_utf16_code_point_out_of_range_raises(cp: int) -> None:
    with pytest.raises(ValueError, match=r"code point offset -?\d+ is outside 0\.\.4"):
        Utf16Map("a𠮷b😀").to_utf16(cp)


@pytest.mark.parametrize("u16", [-1, 7])
def test_utf16_offset_out_of_range_raises(u16: int) -> None:
    with pytest.raises(ValueError, match=r"UTF-16 offset -?\d+ is outside 0\.\.6"):
        Utf16Map("a𠮷b😀").to_codepoint(u16)


def test_utf16_map_is_fast_on_300k_characters() -> None:
    text = ("访谈𠮷" * 100 + "😀\n") * 1000  # 302,000 code points
    assert len(text) > 299_000
    began = time.perf_counter()
    umap = Utf16Map(text)
    results = [umap.to_codepoint(umap.to_utf16(cp)) for cp in range(0, len(text), 3)]
    elapsed = time.perf_counter() - began
    assert results == list(range(0, len(text), 3))
    assert umap.to_utf16(len(text)) == utf16_len(text)
    assert elapsed < 2.0, f"{elapsed:.2f} s for one build and 200,000 conversions"


# --------------------------------------------------------------------------- sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("𠮷😀\n你好。我很好！真的吗？是的；好", ["𠮷😀", "你好。", "我很好！", "真的吗？", "是的；", "好"]),
        ("𠮷他说……然后走了。", ["𠮷他说……", "然后走了。"]),
        ("𠮷Wait... ok. Fine", ["𠮷Wait...", "ok. Fine"]),
        ("𠮷他问：“你来吗？”我说：“来！”", ["𠮷他问：“你来吗？”", "我说：“来！”"]),
        ("𠮷「好。」『對！』（笑。）", ["𠮷「好。」", "『對！』", "（笑。）"]),
        ("𠮷【完？】《书。》", ["𠮷【完？】", "《书。》"]),
        ('𠮷He said "Go!" Really?! Yes; no. Fine', ['𠮷He said "Go!"', "Really?!", "Yes;", "no. Fine"]),
        ("  𠮷你好。  \n\n  再见。  ", ["𠮷你好。", "再见。"]),
        ("𠮷第一行\n第二行", ["𠮷第一行", "第二行"]),
        ("𠮷真的？！……对。", ["𠮷真的？！……", "对。"]),
        ("", []),
        (" \n\u3000\n ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@given(st.one_of(st.text(), biased_text))
def test_sentence_spans_are_ordered_trimmed_and_cover_all_text(text: str) -> None:
    spans = split_sentences(text)
    covered: set[int] = set()
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace()
        assert not text[end - 1].isspace()
        covered.update(range(start, end))
        previous_end = end
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


def test_split_sentences_real_transcript(shared_data: Path) -> None:
    text = transcript(shared_data, VTAIWAN, "Hant")
    found = sentences(text)
    assert found[:2] == ["# 2016-06-30 vTaiwan及Join平台之分析訪談（呂家華）", "### 問："]
    assert found[2].startswith("有關vTaiwan跟Join平臺在機制設計上，")
    assert found[2].endswith("有沒有什麼不一樣？")
    assert found[3].startswith("這樣的網路平臺，")
    assert len(found) == 311
    enders = set("。！？；!?;…”’」』）)】》\"'］].")
    for _, e in split_sentences(text):
        assert text[e - 1] in enders or e == len(text.rstrip()) or text[e:].lstrip(" \t").startswith("\n")


# --------------------------------------------------------------------------- turns


def turn_view(text: str, turns: list[Turn]) -> list[tuple[str, str, str]]:
    return [(t.speaker, text[t.label_start : t.label_end], text[t.start : t.end]) for t in turns]


def test_turns_plain_labels_with_astral_characters_before() -> None:
    text = (
        "𠮷访谈记录（前言不是一轮）\n"
        "访谈者：你好𠮷。\n"
        "  受访者A：你好😀。\n还是我。\n\n"
        "问：好吗？\n"
        "答: 好。\n"
    )
    assert turn_view(text, detect_turns(text)) == [
        ("访谈者", "访谈者：", "你好𠮷。"),
        ("受访者A", "受访者A：", "你好😀。\n还是我。"),
        ("问", "问：", "好吗？"),
        ("答", "答:", "好。"),
    ]


def test_turns_markdown_headings_with_text_on_next_line() -> None:
    text = "# 標題𠮷\n\n### 問：\n有關𠮷平臺？\n\n### 呂家華：\n對我來說。\n\n第二段。\n"
    assert turn_view(text, detect_turns(text)) == [
        ("問", "### 問：", "有關𠮷平臺？"),
        ("呂家華", "### 呂家華：", "對我來說。\n\n第二段。"),
    ]


def test_turns_bold_timestamps_and_names() -> None:
    text = (
        "**访谈者：** 第一句\n"
        "**受访者**：第二句\n"
        "[00:12:34] 访谈者：第三句\n"
        "00:12:40 受访者：第四句\n"
        "(00:13) Q: fifth\n"
        "Audrey Tang: sixth\n"
        "阿依·古丽：第七句\n"
    )
    assert turn_view(text, detect_turns(text)) == [
        ("访谈者", "**访谈者：**", "第一句"),
        ("受访者", "**受访者**：", "第二句"),
        ("访谈者", "[00:12:34] 访谈者：", "第三句"),
        ("受访者", "00:12:40 受访者：", "第四句"),
        ("Q", "(00:13) Q:", "fifth"),
        ("Audrey Tang", "Audrey Tang:", "sixth"),
        ("阿依·古丽", "阿依·古丽：", "第七句"),
    ]


def test_turns_ignore_colons_inside_sentences_and_header_fields() -> None:
    text = (
        "访谈时间：2023年5月\n"
        "访谈地点：北京\n"
        "问：你怎么看？\n"
        "我觉得，这个问题很难：因为没有钱。\n"
        "这是一句很长很长的话已经超过了十二个字：对\n"
        "举例来说：下午3:30开会，见 http://example.com\n"
        "下午3:30开会\n"
        "http://example.com\n"
        "答：明白。\n"
    )
    turns = detect_turns(text)
    assert [t.speaker for t in turns] == ["问", "答"]
    assert text[turns[0].start : turns[0].end].endswith("http://example.com")
    assert text[turns[1].start : turns[1].end] == "明白。"


def test_turns_follow_the_documents_label_style() -> None:
    text = "### 唐鳳：\n通常如此。\n\n### 唐鳳：\n舉例來講：像恆春那個時候。\n\n### 張同學：\n瞭解。\n"
    assert turn_view(text, detect_turns(text)) == [
        ("唐鳳", "### 唐鳳：", "通常如此。"),
        ("唐鳳", "### 唐鳳：", "舉例來講：像恆春那個時候。"),
        ("張同學", "### 張同學：", "瞭解。"),
    ]
    plain = "问：一\n答：二\n问：三\n答：四\n## 第一部分：背景\n问：五\n"
    assert [t.speaker for t in detect_turns(plain)] == ["问", "答", "问", "答", "问"]
    # A real mixture (a quarter or more of each style) keeps both.
    mixed = "[00:01] 问：一\n答：二\n[00:03] 问：三\n答：四\n"
    assert [t.speaker for t in detect_turns(mixed)] == ["问", "答", "问", "答"]


def test_turns_empty_content_and_no_labels() -> None:
    text = "问：\n答：好"
    turns = detect_turns(text)
    assert turns == [Turn("问", 2, 2, 0, 2), Turn("答", 5, 6, 3, 5)]
    assert detect_turns("") == []
    assert detect_turns("只是一段文字。没有说话人。") == []


@pytest.mark.parametrize(
    ("name", "script", "expected"),
    [
        (VTAIWAN, "Hant", {"問": 25, "呂家華": 49}),
        (VTAIWAN, "Hans", {"问": 25, "吕家华": 49}),
        (NTPU, "Hant", {"唐鳳": 166, "張同學": 68}),
        (NTPU, "Hans", {"唐凤": 166, "张同学": 68}),
    ],
)
def test_turns_real_transcripts(shared_data: Path, name: str, script: str, expected: dict[str, int]) -> None:
    text = transcript(shared_data, name, script)
    turns = detect_turns(text)
    assert Counter(t.speaker for t in turns) == expected
    first_line_end = text.index("\n")
    assert turns[0].label_start > first_line_end  # the title is not a turn
    for turn, following in zip(turns, [*turns[1:], None], strict=True):
        assert text[turn.label_start : turn.label_end] == f"### {turn.speaker}："
        content = text[turn.start : turn.end]
        assert content
        assert content == content.strip()
        assert "###" not in content
        if following is not None:
            assert text[turn.end : following.label_start].isspace()
    assert turns[-1].end == len(text.rstrip())

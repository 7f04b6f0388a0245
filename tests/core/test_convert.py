"""Converting a document's script (app.core.convert): every coding, stage span and case passage stays
on its words, one record undoes and redoes it exactly, lengths may change (記憶體 → 内存)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.core import cases, codebook, coding, documents, editing, stages
from app.core.check import check_project
from app.core.convert import convert_document, preview_convert
from app.core.errors import ValidationError
from app.core.project import create_project
from app.core.variants import config_for, converter
from tests.core.test_editing import dump, words

HANT = "zh/original-zh-Hant/2016-06-30_vtaiwan-join-research-interview_lu-chia-hua.zh-Hant.md"
HANS = "zh/derived-zh-Hans/2016-06-30_vtaiwan-join-research-interview_lu-chia-hua.zh-Hans.DERIVED-opencc-tw2sp.md"


def conv(text: str, to: str = "hans", variant: str | None = "tw") -> str:
    return str(converter(config_for(to, variant)).convert(text))


def decomposes(text: str, start: int, end: int, config_to: str, variant: str | None) -> bool:
    """True when converting the whole text equals converting the three pieces apart (no phrase of
    OpenCC crosses ``start`` or ``end``): then the coded words' conversion is well defined."""
    pieces = (text[:start], text[start:end], text[end:])
    return conv(text, config_to, variant) == "".join(conv(p, config_to, variant) for p in pieces)


def _code(project: Any, doc_id: int, start: int, end: int) -> coding.CodingInfo:
    codes = codebook.list_codes(project)
    code_id = codes[0].id if codes else codebook.create_code(project, "主题/参与").id
    return coding.apply_coding(project, document_id=doc_id, code_id=code_id, start=start, end=end, coder="甲")


def test_the_real_traditional_interview_becomes_the_derived_simplified_one(project: Any, shared_data: Path) -> None:
    text = (shared_data / HANT).read_text(encoding="utf-8")
    expected = (shared_data / HANS).read_text(encoding="utf-8")  # made with OpenCC tw2sp
    doc = documents.add_text_document(project, "访谈", text)
    stored = documents.document_text(project, doc.id)
    rng = random.Random(15)
    coded: dict[int, str] = {}
    for _ in range(300):
        start = rng.randrange(0, len(stored) - 40)
        end = start + rng.randrange(1, 40)
        made = _code(project, doc.id, start, end)
        if decomposes(stored, start, end, "hans", "tw"):
            coded[made.id] = conv(stored[start:end])
    stage = stages.add_stage(project, "扎根")
    stages.add_stage_span(project, doc.id, stage.id, 100, 900)
    case = cases.create_case(project, "呂家華")
    cases.add_case_passage(project, case.id, doc.id, 1000, 1500)
    before = dump(project)

    plan = preview_convert(project, doc.id, "hans", "tw")
    assert plan.old_length == len(stored) and plan.new_length == len(expected)
    change = convert_document(project, doc.id, "hans", "tw", coder="甲")

    assert documents.document_text(project, doc.id) == expected
    assert len(coded) > 250  # most random ranges cut no phrase; those that do are checked by check_project
    now = words(project)
    assert {i: now[i] for i in coded} == coded
    [span] = stages.list_stage_spans(project, doc.id)
    assert expected[span.start : span.end] == conv(stored[100:900])
    [passage] = cases.get_case(project, case.id).passages
    assert expected[passage.start : passage.end] == conv(stored[1000:1500])
    assert check_project(project.path).ok
    assert [e.kind for e in editing.document_history(project, doc.id)] == ["convert"]

    editing.undo_change(project, change)
    assert dump(project) == before
    editing.redo_change(project, change)
    assert documents.document_text(project, doc.id) == expected
    assert {i: words(project)[i] for i in coded} == coded


def test_converting_to_the_script_it_is_in_changes_nothing(project: Any) -> None:
    doc = documents.add_text_document(project, "访谈", "我们一起做增权赋能的工作。")
    with pytest.raises(ValidationError) as info:
        convert_document(project, doc.id, "hans", coder="甲")
    assert info.value.code == "convert.unchanged"
    with pytest.raises(ValidationError) as bad:
        convert_document(project, doc.id, "latin", coder="甲")
    assert bad.value.code == "convert.bad_target"
    assert documents.document_text(project, doc.id) == "我们一起做增权赋能的工作。"


def test_simplified_to_taiwan_traditional_with_a_phrase(project: Any) -> None:
    doc = documents.add_text_document(project, "访谈", "电脑的内存不够，软件很慢😀。")
    c_mem = _code(project, doc.id, 3, 5)  # 内存
    c_soft = _code(project, doc.id, 8, 10)  # 软件
    convert_document(project, doc.id, "hant", "tw", coder="甲")
    text = documents.document_text(project, doc.id)
    assert text == "電腦的記憶體不夠，軟體很慢😀。"
    assert words(project)[c_mem.id] == "記憶體"
    assert words(project)[c_soft.id] == "軟體"


# Pieces of text, some of which OpenCC converts as phrases that change length.
PIECES = ["記憶體", "資料庫", "使用者", "簡報", "軟體", "代議政治", "網路", "計程車", "說", "們", "的",
          "社區", "參與", "𠮷", "😀", "，", "。", "\n", "a"]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    proj = create_project(tmp_path_factory.mktemp("convert") / "p.guiji")
    yield proj
    proj.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pieces=st.lists(st.sampled_from(PIECES), min_size=2, max_size=25),
    cuts=st.lists(st.tuples(st.integers(0, 25), st.integers(0, 25)), min_size=1, max_size=6),
    variant=st.sampled_from([None, "tw", "hk"]),
)
def test_round_trip_keeps_every_coding_on_its_converted_words(
    scratch: Any, pieces: list[str], cuts: list[tuple[int, int]], variant: str | None
) -> None:
    text = "".join(pieces)
    assume(conv(text, "hans", variant) != text)
    bounds = [0]
    for p in pieces:
        bounds.append(bounds[-1] + len(p))
    doc = documents.add_text_document(scratch, f"d{random.random()}", text)
    expected: dict[int, str] = {}
    for a, b in cuts:
        lo, hi = sorted((bounds[a % len(bounds)], bounds[b % len(bounds)]))
        if lo == hi:
            continue
        made = _code(scratch, doc.id, lo, hi)
        if decomposes(text, lo, hi, "hans", variant):
            expected[made.id] = conv(text[lo:hi], "hans", variant)
    before = dump(scratch)
    change = convert_document(scratch, doc.id, "hans", variant, coder="甲")
    new_text = documents.document_text(scratch, doc.id)
    assert new_text == conv(text, "hans", variant)
    now = words(scratch, doc.id)
    assert {i: now[i] for i in expected} == expected
    # Every coding survives (a conversion never deletes words) and is non-empty.
    assert not change.removed and all(now[i] for i in now)
    editing.undo_change(scratch, change)
    assert dump(scratch) == before
    editing.redo_change(scratch, change)
    assert documents.document_text(scratch, doc.id) == new_text
    editing.undo_change(scratch, change)


def test_convert_documents_skips_those_already_converted(project: Any) -> None:
    from app.core.convert import convert_documents

    hant = documents.add_text_document(project, "繁", "軟體與記憶體")
    hans = documents.add_text_document(project, "简", "软件")
    changes = convert_documents(project, [hant.id, hans.id], "hans", "tw", coder="甲")
    assert [c.documents[0].document for c in changes] == ["繁"]
    assert documents.document_text(project, hant.id) == "软件与内存"
    with pytest.raises(ValidationError):
        convert_documents(project, [hant.id], "cyrillic", coder="甲")

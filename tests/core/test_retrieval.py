"""Retrieval: OR / AND / NOT on a hand-made example, filters, stages, export."""

from __future__ import annotations

import csv
import dataclasses
import itertools
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core import cases, codebook, coding, documents, stages
from app.core.errors import NotFoundError, ValidationError
from app.core.retrieval import EXPORT_HEADERS, export_passages, intersect_ranges, merge_ranges, retrieve

# 30 code points: 甲0 … 癸9, 子10 … 酉19, 𠮷20 😀21 A22 … H29.
TEXT = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉𠮷😀ABCDEFGH"


@pytest.fixture
def example(project):  # type: ignore[no-untyped-def]
    """Codings on document 一 (and one on 二), worked out by hand below:

    A    [0,10) 甲   [20,25) 乙        A/A1 [12,14) 甲
    B    [5,15) 甲   [22,30) 甲        (二: B [0,2) 甲)
    C    [8,9)  乙
    """
    assert len(TEXT) == 30
    one = documents.add_text_document(project, "一", TEXT)
    two = documents.add_text_document(project, "二", TEXT)
    a = codebook.create_code(project, "A")
    a1 = codebook.create_code(project, "A/A1")
    b = codebook.create_code(project, "B")
    c = codebook.create_code(project, "C")

    def put(doc, code, start: int, end: int, coder: str = "甲"):  # type: ignore[no-untyped-def]
        return coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=start, end=end,
                                   coder=coder)

    ids = {
        "a1": put(one, a, 0, 10).id, "a2": put(one, a, 20, 25, "乙").id, "a_child": put(one, a1, 12, 14).id,
        "b1": put(one, b, 5, 15).id, "b2": put(one, b, 22, 30).id, "c1": put(one, c, 8, 9, "乙").id,
        "b_two": put(two, b, 0, 2).id,
    }
    return {"one": one, "two": two, "A": a.id, "A1": a1.id, "B": b.id, "C": c.id, **ids}


def spans(passages) -> list[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    return [(p.document, p.start, p.end) for p in passages]


def test_or_lists_every_coding(project, example) -> None:  # type: ignore[no-untyped-def]
    found = retrieve(project, codes=[example["A"], example["B"]])
    assert spans(found) == [("一", 0, 10), ("一", 5, 15), ("一", 20, 25), ("一", 22, 30), ("二", 0, 2)]
    assert [p.codes for p in found] == [("A",), ("B",), ("A",), ("B",), ("B",)]
    assert [p.coders for p in found] == [("甲",), ("甲",), ("乙",), ("甲",), ("甲",)]
    assert found[2].text == "𠮷😀ABC"
    assert found[0].coding_ids == (example["a1"],)


def test_or_not(project, example) -> None:  # type: ignore[no-untyped-def]
    # C [8,9) overlaps A [0,10) and B [5,15): both go.
    found = retrieve(project, codes=[example["A"], example["B"]], exclude=[example["C"]])
    assert spans(found) == [("一", 20, 25), ("一", 22, 30), ("二", 0, 2)]


def test_and_is_the_overlap(project, example) -> None:  # type: ignore[no-untyped-def]
    # A covers [0,10) ∪ [20,25); B covers [5,15) ∪ [22,30): both cover [5,10) and [22,25).
    found = retrieve(project, codes=[example["A"], example["B"]], mode="and")
    assert spans(found) == [("一", 5, 10), ("一", 22, 25)]
    assert [p.text for p in found] == ["己庚辛壬癸", "ABC"]
    assert [p.codes for p in found] == [("A", "B"), ("A", "B")]
    assert [p.coders for p in found] == [("甲",), ("乙", "甲")]
    assert found[0].coding_ids == tuple(sorted((example["a1"], example["b1"])))
    assert found[1].coding_ids == tuple(sorted((example["a2"], example["b2"])))


def test_and_not(project, example) -> None:  # type: ignore[no-untyped-def]
    found = retrieve(project, codes=[example["A"], example["B"]], mode="and", exclude=[example["C"]])
    assert spans(found) == [("一", 22, 25)]


def test_and_with_children(project, example) -> None:  # type: ignore[no-untyped-def]
    # With A/A1 [12,14) counted as A, A ∩ B gains [12,14).
    found = retrieve(project, codes=[example["A"], example["B"]], mode="and", include_children=True)
    assert spans(found) == [("一", 5, 10), ("一", 12, 14), ("一", 22, 25)]
    assert found[1].codes == ("A/A1", "B")
    assert spans(retrieve(project, codes=[example["A"]], include_children=True)) == [
        ("一", 0, 10), ("一", 12, 14), ("一", 20, 25)]


def test_and_of_three_and_of_one(project, example) -> None:  # type: ignore[no-untyped-def]
    assert spans(retrieve(project, codes=[example["A"], example["B"], example["C"]], mode="and")) == [
        ("一", 8, 9)]
    # AND of one code joins its overlapping codings into one range each.
    assert spans(retrieve(project, codes=[example["B"]], mode="and")) == [
        ("一", 5, 15), ("一", 22, 30), ("二", 0, 2)]


def test_identical_ranges_are_one_passage_in_or(project, example) -> None:  # type: ignore[no-untyped-def]
    coding.apply_coding(project, document_id=example["one"].id, code_id=example["B"], start=0, end=10,
                        coder="乙")
    found = retrieve(project, codes=[example["A"], example["B"]])
    first = found[0]
    assert (first.start, first.end, first.codes, first.coders) == (0, 10, ("A", "B"), ("乙", "甲"))


def test_filters(project, example) -> None:  # type: ignore[no-untyped-def]
    both = [example["A"], example["B"]]
    assert spans(retrieve(project, codes=both, coders=["乙"])) == [("一", 20, 25)]
    assert spans(retrieve(project, codes=both, document_ids=[example["two"].id])) == [("二", 0, 2)]
    # The coder filter applies to excluded codes too: C's coding is 乙's, so for 甲 nothing is excluded.
    assert spans(retrieve(project, codes=both, coders=["甲"], exclude=[example["C"]])) == [
        ("一", 0, 10), ("一", 5, 15), ("一", 22, 30), ("二", 0, 2)]
    whole = cases.create_case(project, "整篇")
    cases.add_case_documents(project, whole.id, [example["two"].id])
    part = cases.create_case(project, "片段")
    cases.add_case_passage(project, part.id, example["one"].id, 21, 23)
    assert spans(retrieve(project, codes=both, case_ids=[whole.id])) == [("二", 0, 2)]
    assert spans(retrieve(project, codes=both, case_ids=[part.id])) == [("一", 20, 25), ("一", 22, 30)]
    assert spans(retrieve(project, codes=both, case_ids=[part.id, whole.id])) == [
        ("一", 20, 25), ("一", 22, 30), ("二", 0, 2)]
    assert retrieve(project, codes=[]) == []
    with pytest.raises(ValidationError, match="mode"):
        retrieve(project, codes=both, mode="xor")  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        retrieve(project, codes=[999])


def test_stages_of_passages(project, example) -> None:  # type: ignore[no-untyped-def]
    early = stages.add_stage(project, "扎根")
    late = stages.add_stage(project, "共生")
    stages.add_stage_span(project, example["one"].id, early.id, 0, 15)
    stages.set_document_stage(project, example["two"].id, late.id)
    found = retrieve(project, codes=[example["A"], example["B"]])
    assert [p.stage for p in found] == ["扎根", "扎根", None, None, "共生"]
    assert spans(retrieve(project, codes=[example["A"], example["B"]], stage_ids=[early.id])) == [
        ("一", 0, 10), ("一", 5, 15)]
    assert spans(retrieve(project, codes=[example["A"], example["B"]], stage_ids=[None])) == [
        ("一", 20, 25), ("一", 22, 30)]
    # A stage set on every coding of a passage wins over the span.
    own = coding.apply_coding(project, document_id=example["one"].id, code_id=example["C"], start=0, end=3,
                              coder="甲", stage_id=late.id)
    [passage] = retrieve(project, codes=[example["C"]], coders=["甲"])
    assert (passage.coding_ids, passage.stage) == ((own.id,), "共生")


def test_context(project, example) -> None:  # type: ignore[no-untyped-def]
    found = retrieve(project, codes=[example["A"], example["B"]], mode="and", context_chars=3)
    assert (found[0].before, found[0].text, found[0].after) == ("丙丁戊", "己庚辛壬癸", "子丑寅")
    assert (found[1].before, found[1].after) == ("酉𠮷😀", "DEF")


def test_range_helpers() -> None:
    assert merge_ranges([(5, 8), (0, 3), (3, 4), (7, 9), (20, 21)]) == [(0, 4), (5, 9), (20, 21)]
    assert intersect_ranges([(0, 10), (20, 25)], [(5, 15), (22, 30)]) == [(5, 10), (22, 25)]
    assert intersect_ranges([(0, 5)], [(5, 9)]) == []


def test_export_xlsx_and_csv(project, example, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    coding.apply_coding(project, document_id=example["two"].id, code_id=example["C"], start=22, end=25,
                        coder="甲")
    found = retrieve(project, codes=[example["A"], example["B"]], mode="and")
    formula = dataclasses.replace(found[0], text="=SUM(1,2)\n第二行")
    rows = [*found, formula]
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    xlsx = export_passages(rows, out_dir / "段落.xlsx")
    book = openpyxl.load_workbook(xlsx)
    sheet = book.active
    assert [c.value for c in sheet[1]] == list(EXPORT_HEADERS)
    assert all(c.font.bold for c in sheet[1])
    assert [c.value for c in sheet[2]] == [
        "一", 5, 10, "A; B", "甲", None, "甲乙丙丁戊", "己庚辛壬癸", "子丑寅卯辰巳午未申酉𠮷😀ABCDEFGH"]
    assert sheet.cell(row=4, column=8).value == "=SUM(1,2)\n第二行"
    assert sheet.cell(row=4, column=8).data_type == "s"
    assert sheet.cell(row=2, column=8).alignment.wrap_text
    assert sheet.column_dimensions["H"].width == 60

    out = export_passages(found, out_dir / "段落.csv", headers=[f"列{i}" for i in range(9)])
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == [f"列{i}" for i in range(9)]
    assert table[2][:6] == ["一", "22", "25", "A; B", "乙; 甲", ""]
    assert table[2][7] == "ABC"

    with pytest.raises(ValidationError, match=r"\.xlsx or \.csv"):
        export_passages(found, out_dir / "x.pdf")
    assert sorted(p.name for p in out_dir.iterdir()) == ["段落.csv", "段落.xlsx"]


_RANGE = st.tuples(st.integers(0, 30), st.integers(1, 8)).map(lambda t: (t[0], t[0] + t[1]))
_RANGES = st.lists(_RANGE, max_size=6)


def _points(ranges: list[tuple[int, int]]) -> set[int]:
    return {i for s, e in ranges for i in range(s, e)}


@given(_RANGES, _RANGES)
def test_range_algebra_matches_character_sets(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> None:
    union_a, union_b = merge_ranges(a), merge_ranges(b)
    assert _points(union_a) == _points(a)
    assert all(e1 < s2 for (_s1, e1), (s2, _e2) in itertools.pairwise(union_a))  # disjoint, not touching
    both = intersect_ranges(union_a, union_b)
    assert _points(both) == _points(a) & _points(b)

"""Transitions on a hand-made project whose answer is worked out here, sequences and their CSV.

The project (every text has 𠮷, 😀 and a \\r\\n, so positions are code points after normalisation):

- stages S1 → S2 → S3; codes D1/A (with a child D1/A/a1), D1/B, D2/C;
- case X = documents x1 and x2: x1 has stage spans S1 = [0, 10), S2 = [10, 20) and codings A in the
  S1 span, B in the S2 span, a1 with its own stage S2; x2 has the document stage S3 and a coding C.
  X: S1 {A}, S2 {B, A (a1 counts as A at level 1)}, S3 {C};
- case Y = a passage [0, 30) of y1 plus nothing else; y1's codings have their own stages: A@S1,
  B@S2 (by coder 乙), C@S2, C@S3 twice, and D1/B without a stage (takes no part); one coding A@S3 at
  [40, 45) lies outside Y's passage.  Y: S1 {A}, S2 {B, C}, S3 {C};
- document w1 belongs to no case: it is not traced while the project has cases.

At level 1 (the codes under the dimensions), worked out by hand:
  (S1 A → S2 A) X;  (S1 A → S2 B) X, Y;  (S1 A → S2 C) Y;
  (S2 A → S3 C) X;  (S2 B → S3 C) X, Y;  (S2 C → S3 C) Y.
"""

from __future__ import annotations

import csv
from typing import Any

import pytest

from app.core import cases, codebook, coding, documents, stages
from app.core.errors import InputFileError, NotFoundError, ValidationError
from app.core.process.data import Selection, load_process_data, resolve_level
from app.core.process.transitions import (
    SEQUENCE_COLUMNS,
    compute_transitions,
    sequences,
    transitions,
    write_sequences_csv,
)

TEXT = "𠮷😀一二三四五六\r\n七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃"


def build(project: Any) -> dict[str, Any]:
    s1, s2, s3 = (stages.add_stage(project, name) for name in ("S1", "S2", "S3"))
    ids = {p: codebook.create_code(project, p).id for p in ("D1/A", "D1/A/a1", "D1/B", "D2/C")}
    docs = {name: documents.add_text_document(project, name, TEXT) for name in ("x1", "x2", "y1", "w1")}
    assert docs["x1"].length == len(TEXT) - 1  # \r\n became \n: one code point less

    def code(doc: str, path: str, start: int, end: int, stage: int | None = None, coder: str = "甲") -> int:
        return coding.apply_coding(project, document_id=docs[doc].id, code_id=ids[path], start=start, end=end,
                                   coder=coder, stage_id=stage).id

    stages.add_stage_span(project, docs["x1"].id, s1.id, 0, 10)
    stages.add_stage_span(project, docs["x1"].id, s2.id, 10, 20)
    stages.set_document_stage(project, docs["x2"].id, s3.id)
    made = {
        "xA": code("x1", "D1/A", 0, 3),  # 𠮷😀一: the S1 span
        "xB": code("x1", "D1/B", 12, 15),  # S2 span
        "xa1": code("x1", "D1/A/a1", 2, 5, s2.id),  # own stage S2 (the span would say S1)
        "xC": code("x2", "D2/C", 5, 8),  # document stage S3
        "yA": code("y1", "D1/A", 1, 4, s1.id),
        "yB": code("y1", "D1/B", 5, 9, s2.id, coder="乙"),
        "yC2": code("y1", "D2/C", 10, 12, s2.id),
        "yC3a": code("y1", "D2/C", 20, 22, s3.id),
        "yC3b": code("y1", "D2/C", 24, 26, s3.id),
        "y_nostage": code("y1", "D1/B", 27, 29),
        "y_outside": code("y1", "D1/A", 40, 45, s3.id),
        "w": code("w1", "D1/A", 0, 2, s1.id),
    }
    x = cases.create_case(project, "X")
    cases.add_case_documents(project, x.id, [docs["x1"].id, docs["x2"].id])
    y = cases.create_case(project, "Y")
    cases.add_case_passage(project, y.id, docs["y1"].id, 0, 30)
    return {"codings": made, "ids": ids, "stages": (s1, s2, s3), "docs": docs}


def table(result: Any) -> set[tuple[str, str, str, str, int, tuple[str, ...]]]:
    return {(t.from_stage, t.from_code, t.to_stage, t.to_code, t.count, t.cases) for t in result.transitions}


def test_transition_counts_at_the_default_level(project) -> None:  # type: ignore[no-untyped-def]
    build(project)
    result = transitions(project)
    assert result.as_json()["stages"] == ["S1", "S2", "S3"]
    assert table(result) == {
        ("S1", "D1/A", "S2", "D1/A", 1, ("X",)),
        ("S1", "D1/A", "S2", "D1/B", 2, ("X", "Y")),
        ("S1", "D1/A", "S2", "D2/C", 1, ("Y",)),
        ("S2", "D1/A", "S3", "D2/C", 1, ("X",)),
        ("S2", "D1/B", "S3", "D2/C", 2, ("X", "Y")),
        ("S2", "D2/C", "S3", "D2/C", 1, ("Y",)),
    }
    # Sorted by stage, then the codes' tree order.
    assert [(t.from_stage, t.from_code, t.to_code) for t in result.transitions][:3] == [
        ("S1", "D1/A", "D1/A"), ("S1", "D1/A", "D1/B"), ("S1", "D1/A", "D2/C")]
    assert result.as_json()["transitions"][1] == {
        "from_stage": "S1", "from_code": "D1/A", "to_stage": "S2", "to_code": "D1/B", "count": 2,
        "cases": ["X", "Y"],
    }


def test_levels_dimension_and_applied_codes(project) -> None:  # type: ignore[no-untyped-def]
    build(project)
    assert table(transitions(project, level=0)) == {
        ("S1", "D1", "S2", "D1", 2, ("X", "Y")),
        ("S1", "D1", "S2", "D2", 1, ("Y",)),
        ("S2", "D1", "S3", "D2", 2, ("X", "Y")),
        ("S2", "D2", "S3", "D2", 1, ("Y",)),
    }
    applied = table(transitions(project, level="code"))
    assert ("S1", "D1/A", "S2", "D1/A/a1", 1, ("X",)) in applied
    assert ("S2", "D1/A/a1", "S3", "D2/C", 1, ("X",)) in applied
    assert not any(t[1] == "D1/A" and t[0] == "S2" for t in applied)
    with pytest.raises(ValidationError, match="unknown level"):
        transitions(project, level="nonsense")


def test_filters_coder_unit_min_count_dimension(project) -> None:  # type: ignore[no-untyped-def]
    build(project)
    only_jia = table(transitions(project, selection=Selection(coders=("甲",))))
    assert ("S1", "D1/A", "S2", "D1/B", 1, ("X",)) in only_jia
    assert ("S2", "D1/B", "S3", "D2/C", 1, ("X",)) in only_jia
    assert table(transitions(project, min_count=2)) == {
        ("S1", "D1/A", "S2", "D1/B", 2, ("X", "Y")), ("S2", "D1/B", "S3", "D2/C", 2, ("X", "Y"))}
    assert table(transitions(project, selection=Selection(units=("Y",)), level=0)) == {
        ("S1", "D1", "S2", "D1", 1, ("Y",)), ("S1", "D1", "S2", "D2", 1, ("Y",)),
        ("S2", "D1", "S3", "D2", 1, ("Y",)), ("S2", "D2", "S3", "D2", 1, ("Y",))}
    within_d2 = table(transitions(project, selection=Selection(dimension="D2")))
    assert within_d2 == {("S2", "D2/C", "S3", "D2/C", 1, ("Y",))}
    with pytest.raises(NotFoundError, match="nobody"):
        transitions(project, selection=Selection(units=("nobody",)))
    with pytest.raises(ValidationError):
        transitions(project, min_count=0)


def test_documents_are_the_units_without_cases(project) -> None:  # type: ignore[no-untyped-def]
    build(project)
    by_doc = table(transitions(project, unit="document"))
    # x1 alone: S1 {A}, S2 {B, A}; x2 only S3; y1 (whole document now): S1 {A}, S2 {B, C}, S3 {C, A}.
    assert ("S1", "D1/A", "S2", "D1/A", 1, ("x1",)) in by_doc
    assert ("S1", "D1/A", "S2", "D1/B", 2, ("x1", "y1")) in by_doc
    assert ("S2", "D1/B", "S3", "D1/A", 1, ("y1",)) in by_doc  # y1's coding outside Y's passage counts now
    assert not any("x2" in t[5] or "w1" in t[5] for t in by_doc)
    data = load_process_data(project, unit="auto")
    assert [u.name for u in data.units] == ["X", "Y"]


def test_evidence_behind_every_count(project) -> None:  # type: ignore[no-untyped-def]
    made = build(project)["codings"]
    result = transitions(project)
    for t in result.transitions:
        evidence = result.evidence(t)
        assert [e.unit.name for e in evidence] == list(t.cases)
        assert len(evidence) == t.count
    ab = next(t for t in result.transitions if (t.from_code, t.to_code, t.from_stage) == ("D1/A", "D1/B", "S1"))
    x, y = result.evidence(ab)
    assert [c.id for c in x.from_codings] == [made["xA"]]
    assert [c.id for c in x.to_codings] == [made["xB"]]
    assert [c.id for c in y.from_codings] == [made["yA"]]
    assert [c.id for c in y.to_codings] == [made["yB"]]
    cc = next(t for t in result.transitions if (t.from_code, t.to_code) == ("D2/C", "D2/C"))
    (only,) = result.evidence(cc)
    assert [c.id for c in only.to_codings] == [made["yC3a"], made["yC3b"]]


def test_matrices(project) -> None:  # type: ignore[no-untyped-def]
    ids = build(project)["ids"]
    first, second = transitions(project).matrices()
    assert (first.from_stage.name, first.to_stage.name) == ("S1", "S2")
    assert first.rows == (ids["D1/A"],)
    assert first.columns == (ids["D1/A"], ids["D1/B"], ids["D2/C"])
    assert first.counts == ((1, 2, 1),)
    assert second.rows == (ids["D1/A"], ids["D1/B"], ids["D2/C"])
    assert second.columns == (ids["D2/C"],)
    assert second.counts == ((1,), (2,), (1,))


def test_resolve_level_by_key(project) -> None:  # type: ignore[no-untyped-def]
    ids = build(project)["ids"]
    codebook.update_code(project, ids["D1/A"], level="strategy")
    data = load_process_data(project)
    assert resolve_level(data, ids["D1/A/a1"], "strategy") == ids["D1/A"]
    # No code on D2/C's path has the level "category": the project's levels give its depth (1).
    assert resolve_level(data, ids["D2/C"], "category") == ids["D2/C"]
    assert resolve_level(data, ids["D1/A/a1"], "dimension") == data.code_by_path("D1").id
    assert resolve_level(data, ids["D1/A/a1"], 5) == ids["D1/A/a1"]


def test_sequences_and_their_csv(project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    made = build(project)["codings"]
    result = compute_transitions(load_process_data(project))
    items = sequences(result)
    x = [(i.position, i.stage, i.code, i.coding_id) for i in items if i.unit == "X"]
    assert x == [(1, "S1", "D1/A", made["xA"]), (2, "S2", "D1/A", made["xa1"]), (3, "S2", "D1/B", made["xB"]),
                 (4, "S3", "D2/C", made["xC"])]
    y = [i for i in items if i.unit == "Y"]
    assert [i.stage_index for i in y] == [1, 2, 2, 3, 3]
    assert made["y_nostage"] not in {i.coding_id for i in items}
    out = write_sequences_csv(result, tmp_path / "序列.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == SEQUENCE_COLUMNS
    assert [(r["case"], r["stage"], r["code"], r["position"]) for r in rows[:2]] == [
        ("X", "S1", "D1/A", "1"), ("X", "S2", "D1/A", "2")]
    first = rows[0]
    doc_text = documents.document_text(project, documents.document_id_by_name(project, first["document"]))
    assert doc_text[int(first["start"]):int(first["end"])] == "𠮷😀一"
    with pytest.raises(InputFileError, match=r"\.csv"):
        write_sequences_csv(result, tmp_path / "x.txt")
    assert not list(tmp_path.glob(".*part"))

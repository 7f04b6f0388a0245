"""Paper tables: coding examples, frequencies by stage, codes × documents or cases; saturation."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from openpyxl import load_workbook
from sqlalchemy import insert, update

from app.core.codebook import create_code, list_codes, update_code
from app.core.coding import apply_coding
from app.core.db.models import Case, Coding, case_document
from app.core.documents import import_files
from app.core.errors import NotFoundError, ValidationError
from app.core.project import Project
from app.core.saturation import saturation, write_saturation
from app.core.stages import add_stage, add_stage_span
from app.core.tables import (
    coding_examples,
    exemplar_ids,
    paper_table,
    set_exemplar,
    write_paper_table,
)

A = "受访者：我们让病友自己当主持人。社工每月组织联席会。"
B = "受访者：街道出场地，企业出岗位。病友互相照应。"


@pytest.fixture
def coded(project: Project, tmp_path: Path) -> Project:
    (tmp_path / "访谈A.txt").write_text(A, encoding="utf-8")
    (tmp_path / "访谈B.txt").write_text(B, encoding="utf-8")
    doc_a, doc_b = import_files(project, [tmp_path / "访谈A.txt", tmp_path / "访谈B.txt"])
    for path in ("内生因素/增权赋能/角色赋予", "内生因素/互助合作", "治理环境/畅通协商", "禀赋资源/资源整合"):
        create_code(project, path)
    ids = {c.path: c.id for c in list_codes(project)}
    root, coord = add_stage(project, "扎根").id, add_stage(project, "协调").id
    add_stage_span(project, doc_a.id, root, 0, 17)

    def code(doc: object, quote: str, path: str, stage: int | None = None) -> int:
        text = A if doc is doc_a else B
        start = text.index(quote)
        return apply_coding(project, document_id=doc.id, code_id=ids[path], start=start,  # type: ignore[attr-defined]
                            end=start + len(quote), coder="甲", stage_id=stage).id

    # Coding order: B is coded first, then A.
    code(doc_b, "街道出场地，企业出岗位", "禀赋资源/资源整合", coord)
    code(doc_b, "病友互相照应", "内生因素/互助合作")
    code(doc_a, "我们让病友自己当主持人", "内生因素/增权赋能/角色赋予")
    code(doc_a, "社工每月组织联席会", "治理环境/畅通协商", coord)
    code(doc_a, "病友自己当主持人", "内生因素/增权赋能/角色赋予")
    # Make created_at strictly increasing in that order (the clock may not move between calls).
    base = datetime(2024, 1, 1, 9, 0)
    with project.write() as session:
        for i in range(1, 6):
            moment = base + timedelta(minutes=i)
            session.execute(update(Coding).where(Coding.id == i).values(created_at=moment))
    return project


def test_examples_first_n_by_default_and_exemplars_when_chosen(coded: Project) -> None:
    rows = coding_examples(coded)
    assert [(r.concept, r.category, r.main_category) for r in rows][:2] == [
        ("角色赋予", "增权赋能", "内生因素"), ("角色赋予", "增权赋能", "内生因素")]
    two_level = next(r for r in rows if r.quote == "病友互相照应")
    assert (two_level.concept, two_level.category, two_level.main_category) == ("", "互助合作", "内生因素")
    assert len(coding_examples(coded, first=1)) == 4
    first = rows[0]
    assert (first.document, first.stage) == ("访谈A", "扎根")
    coding_id = 4  # 社工每月组织联席会
    assert set_exemplar(coded, coding_id) is False
    assert exemplar_ids(coded) == {4}
    chosen = coding_examples(coded)
    assert [r.quote for r in chosen] == ["社工每月组织联席会"]
    assert len(coding_examples(coded, first=3)) == 5  # --first overrides the choice
    assert set_exemplar(coded, coding_id, False) is True
    with pytest.raises(NotFoundError):
        set_exemplar(coded, 999)
    with pytest.raises(ValidationError):
        coding_examples(coded, first=0)


def test_levels_decide_the_columns(coded: Project) -> None:
    for c in list_codes(coded):
        update_code(coded, c.id, level={0: "dimension", 1: "strategy", 2: "concept"}[c.depth])
    row = next(r for r in coding_examples(coded) if r.quote == "病友互相照应")
    assert (row.concept, row.category, row.main_category) == ("", "互助合作", "内生因素")


def test_coding_examples_docx_is_a_three_line_table(coded: Project, tmp_path: Path) -> None:
    out = write_paper_table(coded, tmp_path / "examples.docx", "coding-examples")
    document = docx.Document(str(out))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["原始语句", "来源", "初始概念", "范畴", "主范畴"]
    assert table.rows[1].cells[0].text == "“我们让病友自己当主持人”"
    assert table.rows[1].cells[4].text == "内生因素"
    # 主范畴 cells of the first rows are merged into one (a vertical merge).
    assert table.rows[1].cells[4]._tc is table.rows[2].cells[4]._tc
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders.find(qn("w:top")).get(qn("w:val")) == "single"
    assert borders.find(qn("w:insideV")).get(qn("w:val")) == "nil"
    section = document.sections[0]
    assert section.page_width < section.page_height


def test_stage_frequencies(coded: Project, tmp_path: Path) -> None:
    table = paper_table(coded, "stage-frequencies")
    assert table.header == ("编码", "扎根", "协调", "未分阶段", "合计")
    rows = {r[0].strip("　"): r[1:] for r in table.rows}
    assert rows["角色赋予"] == ("2（1）", "0", "0", "2（1）")
    assert rows["内生因素"] == ("2（1）", "0", "1（1）", "3（2）")  # a parent adds up its sub-codes
    assert rows["畅通协商"] == ("0", "1（1）", "0", "1（1）")  # its own stage beats the span
    out = write_paper_table(coded, tmp_path / "freq.xlsx", "stage-frequencies")
    ws = load_workbook(out).active
    assert ws["A1"].value == "表　各阶段编码频次"
    assert [c.value for c in ws[2]] == ["编码", "扎根", "协调", "未分阶段", "合计"]
    assert ws["B3"].value == "2（1）"


def test_code_document_and_case(coded: Project, tmp_path: Path) -> None:
    table = paper_table(coded, "code-document")
    assert table.header == ("编码", "访谈A", "访谈B", "合计")
    rows = {r[0].strip("　"): r[1:] for r in table.rows}
    assert rows["内生因素"] == ("2", "1", "3")
    ws = load_workbook(write_paper_table(coded, tmp_path / "cd.xlsx", "code-document")).active
    assert ws["B3"].value == 2  # numbers are numbers in Excel
    with pytest.raises(ValidationError, match="no cases"):
        paper_table(coded, "code-document", by="case")
    with coded.write() as session:
        session.add(Case(id=1, name="Z社区", description="", position=0))
        session.flush()
        session.execute(insert(case_document).values(case_id=1, document_id=1))
    table = paper_table(coded, "code-document", by="case")
    assert table.header == ("编码", "Z社区", "合计")
    rows = {r[0].strip("　"): r[1:] for r in table.rows}
    assert rows["内生因素"] == ("2", "3")


def test_bad_table_requests(coded: Project, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="unknown table kind"):
        paper_table(coded, "nope")
    with pytest.raises(ValidationError, match=r"\.docx or \.xlsx"):
        write_paper_table(coded, tmp_path / "t.pdf", "code-document")
    with pytest.raises(ValidationError, match="does not exist"):
        write_paper_table(coded, tmp_path / "missing" / "t.docx", "code-document")


def test_saturation(coded: Project, tmp_path: Path) -> None:
    rows = saturation(coded)
    assert [r.document for r in rows] == ["访谈B", "访谈A"]  # B was coded first
    assert [(r.codes_used, r.new, r.cumulative) for r in rows] == [(2, 2, 2), (2, 2, 4)]
    assert rows[1].new_codes == ("内生因素/增权赋能/角色赋予", "治理环境/畅通协商")
    by_document = saturation(coded, order="document")
    assert [r.document for r in by_document] == ["访谈A", "访谈B"]
    assert [(r.new, r.cumulative) for r in by_document] == [(2, 2), (2, 4)]
    csv_out = write_saturation(coded, tmp_path / "sat.csv")
    text = csv_out.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("序号,文档,首次编码时间")
    ws = load_workbook(write_saturation(coded, tmp_path / "sat.xlsx")).active
    assert ws["E3"].value == 2
    with pytest.raises(ValidationError):
        write_saturation(coded, tmp_path / "sat.docx")
    with pytest.raises(ValidationError):
        saturation(coded, order="alphabet")

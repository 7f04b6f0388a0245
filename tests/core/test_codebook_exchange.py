"""Codebook export (.qdc .docx .xlsx .csv .md) and import (.qdc .xlsx .csv): formats and round trips."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from openpyxl import Workbook, load_workbook

from app.core.codebook import create_code, list_codes, update_code
from app.core.errors import InputFileError, ValidationError
from app.core.exchange.codebook_io import export_codebook, import_codebook, redo_import, undo_import
from app.core.exchange.codebook_model import CodebookEntry
from app.core.exchange.codebook_qdc import fold_description, unfold_description
from app.core.project import Project, create_project
from app.core.templates import apply_template

ROUND_TRIP_FORMATS = (".qdc", ".xlsx", ".csv")


def _fill(project: Project) -> None:
    dim = create_code(project, "内生因素", color="#A93226")
    update_code(project, dim.id, level="dimension", short_definition="主体自身的动力",
                description="第一段定义。\n第二段：含 <尖括号> & “引号” 与 𠮷😀。",
                keywords=["动力", "Intrinsic"])
    code = create_code(project, "内生因素/增权赋能", color="#D35400")
    update_code(project, code.id, level="strategy", short_definition="提升能力", description="完整定义",
                when_to_use="对象承担角色时\n或做出决定时", when_not_to_use="单纯照料时",
                example="“我们让病友当主持人。”", keywords="赋能；增能；增权")
    create_code(project, "内生因素/增权赋能/自我管理", color="#E67E22")
    other = create_code(project, "治理环境", color="#1A5276")
    update_code(project, other.id, example="“每月一次联席会。”")


def _snapshot(project: Project) -> list[tuple[object, ...]]:
    return [(c.path, c.color, tuple(sorted(c.fields().items()))) for c in list_codes(project)]


@pytest.mark.parametrize("suffix", ROUND_TRIP_FORMATS)
def test_round_trip_every_field(project: Project, tmp_path: Path, suffix: str) -> None:
    _fill(project)
    out = export_codebook(project, tmp_path / f"codebook{suffix}")
    with create_project(tmp_path / "fresh.guiji") as fresh:
        result = import_codebook(fresh, out)
        assert (result.added, result.to_update) == (4, 0)
        assert _snapshot(fresh) == _snapshot(project)
        again = import_codebook(fresh, out)
        assert (again.added, again.to_update, again.unchanged) == (0, 0, 4)


def test_qdc_validates_against_the_schema(project: Project, tmp_path: Path, shared_data: Path) -> None:
    apply_template(project, "community-governance")
    extra = create_code(project, "内生因素/增权赋能/自我管理")
    update_code(project, extra.id, description="含 <尖括号> & “引号” 与 𠮷😀", keywords="甲；乙")
    out = export_codebook(project, tmp_path / "cb.qdc")
    schema = etree.XMLSchema(etree.parse(str(shared_data / "refi" / "Codebook.xsd")))
    document = etree.parse(str(out))
    assert schema.validate(document), schema.error_log
    codes = document.getroot()[0]
    assert [c.get("name") for c in codes] == ["内生因素", "治理环境", "禀赋资源", "共同体成效"]
    # GUIDs are stable from one export to the next.
    second = etree.parse(str(export_codebook(project, tmp_path / "again.qdc")))
    assert [e.get("guid") for e in document.iter()] == [e.get("guid") for e in second.iter()]


def test_qdc_of_an_empty_project_is_refused(project: Project, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="no codes"):
        export_codebook(project, tmp_path / "cb.qdc")
    assert not (tmp_path / "cb.qdc").exists()


def test_fold_is_readable_and_reversible() -> None:
    entry = CodebookEntry(names=("甲",), fields={
        "description": "定义\n\n第二段", "short_definition": "短", "when_to_use": "一\n二",
        "keywords": ("甲", "乙"), "level": "concept"})
    text = fold_description(entry)
    assert text.startswith("定义\n\n第二段\n\n【简短定义 Short definition】短")
    assert "【关键词 Keywords】甲；乙" in text
    assert unfold_description(text) == entry.fields
    plain = "plain memo\n【not a field】stays"
    assert unfold_description(plain) == {"description": plain}


def test_csv_has_a_bom_and_the_maxqda_headers(project: Project, tmp_path: Path) -> None:
    _fill(project)
    raw = export_codebook(project, tmp_path / "cb.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Code", "Memo"]
    assert rows[2][0] == "内生因素\\增权赋能"


def test_xlsx_is_styled(project: Project, tmp_path: Path) -> None:
    _fill(project)
    wb = load_workbook(export_codebook(project, tmp_path / "cb.xlsx"))
    ws = wb.active
    assert ws["A1"].value == "Code"
    assert ws["A1"].font.bold
    assert ws.freeze_panes == "B2"
    assert ws["A3"].value == "内生因素\\增权赋能"


def test_docx_appendix(project: Project, tmp_path: Path) -> None:
    apply_template(project, "community-governance")
    out = export_codebook(project, tmp_path / "cb.docx")
    document = docx.Document(str(out))
    assert len(document.tables) == 4  # one per top-level code
    first = document.tables[0]
    assert [c.text for c in first.rows[0].cells][:3] == ["编码", "层级", "定义"]
    assert "内生因素" in first.rows[1].cells[0].text
    assert "增权赋能" in first.rows[2].cells[0].text
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape: more than four columns
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    run_fonts = first.rows[1].cells[2].paragraphs[0].runs[0]._r.rPr.find(qn("w:rFonts"))
    assert run_fonts.get(qn("w:eastAsia")) == "宋体"
    heading = document.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading.get(qn("w:eastAsia")) == "黑体"
    assert heading.get(qn("w:asciiTheme")) is None


def test_narrow_docx_stays_portrait(project: Project, tmp_path: Path) -> None:
    code = create_code(project, "甲")
    update_code(project, code.id, short_definition="只有定义")
    document = docx.Document(str(export_codebook(project, tmp_path / "cb.docx")))
    assert [c.text for c in document.tables[0].rows[0].cells] == ["编码", "定义"]
    assert document.sections[0].page_width < document.sections[0].page_height


def test_markdown(project: Project, tmp_path: Path) -> None:
    apply_template(project, "community-governance")
    text = export_codebook(project, tmp_path / "cb.md").read_text(encoding="utf-8")
    assert "## 内生因素（维度）" in text
    assert "### 增权赋能（策略）" in text
    assert "- **适用情形**：" in text


def test_unknown_export_format(project: Project, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"\.pdf"):
        export_codebook(project, tmp_path / "cb.pdf")


def test_maxqda_spreadsheet_layout(project: Project, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Code", "Memo"])
    ws.append(["Codename 1", "Here is a text"])
    ws.append(["Codename 1\\Subcode 1.1", "Sub text"])
    ws.append(["Codename 2 > Subcode 2.1 > Subcode 2.1.1", None])
    ws.append([None, None])
    path = tmp_path / "maxqda.xlsx"
    wb.save(path)
    result = import_codebook(project, path)
    assert result.added == 5
    codes = {c.path: c for c in list_codes(project)}
    assert list(codes) == ["Codename 1", "Codename 1/Subcode 1.1", "Codename 2", "Codename 2/Subcode 2.1",
                           "Codename 2/Subcode 2.1/Subcode 2.1.1"]
    assert codes["Codename 1"].description == "Here is a text"


def test_gbk_csv_from_excel(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("Code,Memo,关键词\r\n内生因素\\增权赋能,让对象有能力,赋能；增能\r\n".encode("gb18030"))
    import_codebook(project, path)
    code = next(c for c in list_codes(project) if c.name == "增权赋能")
    assert code.description == "让对象有能力"
    assert code.keywords == ("赋能", "增能")


def test_merge_by_name_with_preview(project: Project, tmp_path: Path) -> None:
    apply_template(project, "community-governance")
    before = _snapshot(project)
    path = tmp_path / "flat.csv"
    path.write_text("Code,Memo,颜色 Color\n增权赋能,新的定义,#000000\n全新编码,,\n", encoding="utf-8")
    plan = import_codebook(project, path, dry_run=True)
    assert _snapshot(project) == before  # a dry run writes nothing
    assert not plan.applied
    changes = {c.path: c for c in plan.changes}
    assert changes["内生因素/增权赋能"].action == "update"
    assert changes["内生因素/增权赋能"].matched_by_name
    assert {f for f, _o, _n in changes["内生因素/增权赋能"].changes} == {"description", "color"}
    assert changes["全新编码"].action == "add"
    lines = plan.preview_lines()
    assert lines[-1] == "1 to add, 1 to update, 0 unchanged"
    assert any(line.startswith("update  内生因素/增权赋能") for line in lines)

    result = import_codebook(project, path)
    after = {c.path: c for c in list_codes(project)}
    assert after["内生因素/增权赋能"].description == "新的定义"
    assert after["内生因素/增权赋能"].when_to_use  # not erased by the empty cell
    assert "全新编码" in after
    undo_import(project, result)
    assert _snapshot(project) == before
    redo_import(project, result)
    assert {c.path: c for c in list_codes(project)} == after


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        ("Name,Memo\n甲,乙\n".encode(), "no 'Code' column"),
        ("Code,颜色 Color\n甲,red\n".encode(), "not a colour"),
        ("Code\n甲\\\\乙\n".encode(), "empty part"),
    ],
)
def test_bad_spreadsheets(project: Project, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=message) as info:
        import_codebook(project, path)
    assert "bad.csv" in str(info.value)
    assert list_codes(project) == []


def test_not_an_xlsx(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"this is text")
    with pytest.raises(InputFileError, match=r"fake\.xlsx: not a valid \.xlsx"):
        import_codebook(project, path)


def test_unknown_import_format(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "cb.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(InputFileError, match="cannot import"):
        import_codebook(project, path)

"""Codebook exports in one language (zh, en) or both in separate columns/lines, never mixed inline."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from app.core.codebook import list_codes
from app.core.errors import ValidationError
from app.core.exchange.codebook_io import export_codebook, import_codebook
from app.core.project import Project, create_project
from app.core.templates import apply_template

HAN = re.compile(r"[\u4e00-\u9fff]")
# A Chinese text with an English gloss in full-width brackets: the inline mixture the issue reports.
INLINE_MIX = re.compile(r"[\u4e00-\u9fff]+（[A-Za-z][A-Za-z ()-]+）")
FIXED_ZH = ("附录", "编码簿", "层级", "适用情形", "注：")
FIXED_EN = ("Appendix", "Codebook", "Level", "When to use", "Note:")


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with create_project(tmp_path / "访谈研究.guiji") as p:
        apply_template(p, "community-governance")
        yield p


def _docx_text(path: Path) -> list[str]:
    doc = docx.Document(str(path))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        lines += [cell.text for cell in table.rows[0].cells]  # the header row
    return [line for line in lines if line.strip()]


def test_docx_in_each_language(project: Project, tmp_path: Path) -> None:
    zh = _docx_text(export_codebook(project, tmp_path / "zh.docx", lang="zh"))
    en = _docx_text(export_codebook(project, tmp_path / "en.docx", lang="en"))
    both = _docx_text(export_codebook(project, tmp_path / "both.docx", lang="both"))
    joined_zh, joined_en = "\n".join(zh), "\n".join(en)
    assert all(word in joined_zh for word in FIXED_ZH)
    assert not any(word in joined_zh for word in FIXED_EN)
    assert not INLINE_MIX.search(joined_zh)
    assert all(word in joined_en for word in FIXED_EN)
    # Fixed English texts hold no Chinese; the Chinese left is the project's own (title, code names).
    assert not HAN.search(en[0].replace("访谈研究", ""))
    assert "编码" not in en  # the header row is English
    for line in both:  # both languages, each line in one of them
        assert not INLINE_MIX.search(line), line
    assert any(line.startswith("附录") for line in both) and any(line.startswith("Appendix") for line in both)


def test_spreadsheets_in_each_language_and_round_trip(project: Project, tmp_path: Path) -> None:
    book = load_workbook(export_codebook(project, tmp_path / "en.xlsx", lang="en"))
    header = [c.value for c in book.active[1]]
    assert header[:2] == ["Code", "Memo"] and not any(HAN.search(h or "") for h in header)
    book = load_workbook(export_codebook(project, tmp_path / "zh.xlsx", lang="zh"))
    header = [c.value for c in book.active[1]]
    assert header[0] == "编码" and not any(re.search("[A-Za-z]", h or "") for h in header)
    rows = list(csv.reader((export_codebook(project, tmp_path / "both.csv", lang="both"))
                           .read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][0] == "编码" and rows[1][0] == "Code"
    assert not any(HAN.search(h) for h in rows[1]) and not any(re.search("[A-Za-z]", h) for h in rows[0])
    codes = len(list_codes(project))
    for name in ("en.xlsx", "zh.xlsx", "both.csv"):
        with create_project(tmp_path / f"in-{name}.guiji") as target:
            import_codebook(target, tmp_path / name)
            paths = [c.path for c in list_codes(target)]
            assert len(paths) == codes and "Code" not in paths and "编码" not in paths


def test_markdown_and_default(project: Project, tmp_path: Path) -> None:
    en = export_codebook(project, tmp_path / "en.md", lang="en").read_text(encoding="utf-8")
    assert en.startswith("# Codebook: 访谈研究") and "**When to use**:" in en and "适用情形" not in en
    both = export_codebook(project, tmp_path / "both.md", lang="both").read_text(encoding="utf-8")
    assert "| 字段 | Field | 内容 |" in both
    legacy = export_codebook(project, tmp_path / "legacy.md").read_text(encoding="utf-8")
    assert legacy.startswith("# 编码簿 Codebook：")  # scripts' default layout is unchanged
    with pytest.raises(ValidationError):
        export_codebook(project, tmp_path / "x.md", lang="fr")


def test_paper_tables_in_each_language(project: Project, tmp_path: Path) -> None:
    from app.core.tables import write_paper_table

    for kind in ("coding-examples", "stage-frequencies", "code-document"):
        en = _docx_text(write_paper_table(project, tmp_path / f"{kind}-en.docx", kind, lang="en"))
        zh = _docx_text(write_paper_table(project, tmp_path / f"{kind}-zh.docx", kind, lang="zh"))
        both = _docx_text(write_paper_table(project, tmp_path / f"{kind}-both.docx", kind, lang="both"))
        assert en[0].startswith("Table") and zh[0].startswith("表") and both[0].startswith("表")
        assert both[1].startswith("Table")
        fixed_en = [line for line in en if line not in ("扎根", "协调", "共生")]  # stage names are the project's
        assert not any(HAN.search(line) for line in fixed_en), fixed_en
        assert not any(INLINE_MIX.search(line) for line in zh + both)


def test_stage_report_in_each_language(project: Project, tmp_path: Path) -> None:
    from app.core.process.report import write_stage_report

    def paragraphs(lang: str) -> list[str]:
        doc = docx.Document(str(write_stage_report(project, tmp_path / f"r-{lang}.docx", lang=lang)))
        return [p.text for p in doc.paragraphs if p.text.strip()]

    zh, en, both = paragraphs("zh"), paragraphs("en"), paragraphs("both")
    assert zh[0] == "各阶段编码与典型引文" and "本阶段尚无编码。" in zh
    assert en[0] == "Codes and typical quotes by stage" and "No codings in this stage yet." in en
    stage_free = [line for line in en if not any(s in line for s in ("扎根", "协调", "共生"))]
    assert stage_free and not any(HAN.search(line) for line in stage_free)
    assert both[:2] == [zh[0], en[0]]
    assert not any(INLINE_MIX.search(line) for line in zh + both)

"""``guiji agreement`` and ``guiji table --kind agreement`` through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as DocxDocument
from openpyxl import load_workbook

from app.core.codebook import create_code
from app.core.coding import NewCoding, apply_codings
from app.core.documents import add_text_document
from app.core.project import create_project
from tests.cli.helpers import run, run_json

TEXT = "".join(f"受访者：这是第{i}句话，我们讨论社区的事情。\n" for i in range(30))
FIGURES = {"percent", "kappa", "fleiss_kappa", "alpha", "alpha_ci"}


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    path = tmp_path / "p.guiji"
    project = create_project(path)
    doc = add_text_document(project, "访谈", TEXT)
    one = create_code(project, "参与/议事").id
    two = create_code(project, "赋权").id
    items = []
    for i in range(0, 30, 2):
        start = TEXT.index(f"第{i}句")
        items.append(NewCoding(doc.id, one, start, start + 10, "甲"))
        if i % 4 == 0:
            items.append(NewCoding(doc.id, one, start, start + 10, "乙"))
        if i % 6 == 0:
            items.append(NewCoding(doc.id, two, start, start + 5, "乙"))
    items.append(NewCoding(doc.id, two, 0, 5, "丙"))
    apply_codings(project, items)
    project.close()
    return path


def test_agreement_json_has_the_contracted_keys(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json("agreement", proj, "--coders", "甲", "乙", "--json", capsys=capsys)
    assert {"unit", "coders", "documents", "n_units", "overall", "per_code"} <= set(data)
    assert data["unit"] == "sentence" and data["coders"] == ["甲", "乙"] and data["documents"] == ["访谈"]
    assert data["n_units"] == 30
    assert set(data["overall"]) >= FIGURES
    assert set(data["per_code"]) == {"参与/议事", "赋权"}
    for figures in data["per_code"].values():
        assert FIGURES | {"n"} <= set(figures)
        assert None not in figures.values()
        assert figures["alpha_ci"][0] <= figures["alpha"] <= figures["alpha_ci"][1]
    # 甲 codes 15 sentences, 乙 8 of them: 7 differ, 23 of 30 agree.
    assert data["per_code"]["参与/议事"]["percent"] == pytest.approx(100 * 23 / 30)


def test_keys_are_absent_where_a_coefficient_does_not_apply(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    three = run_json("agreement", proj, "--coders", "甲", "乙", "丙", "--json", capsys=capsys)
    assert "kappa" not in three["overall"] and "fleiss_kappa" in three["overall"]
    segments = run_json("agreement", proj, "--coders", "甲", "乙", "--unit", "segment:90", "--code", "参与/议事",
                        "--json", capsys=capsys)
    assert segments["unit"] == "segment:90" and list(segments["per_code"]) == ["参与/议事"]
    code = segments["per_code"]["参与/议事"]
    assert code["n"] == 23 and code["percent"] == pytest.approx(100 * 16 / 23)
    assert not {"kappa", "fleiss_kappa", "alpha", "alpha_ci"} & set(code)
    by_doc = run_json("agreement", proj, "--coders", "甲", "乙", "--doc", "访谈", "--unit", "chars:50",
                      "--json", capsys=capsys)
    assert by_doc["n_units"] == -(-len(TEXT) // 50)


def test_agreement_text_output_and_errors(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run("agreement", proj, "--coders", "甲", "乙", capsys=capsys)
    assert code == 0
    assert out.splitlines()[0] == "agreement of 甲, 乙 by sentence: 1 documents, 30 units"
    assert any(line.startswith("参与/议事\t76.7\t") for line in out.splitlines())
    code, _out, err = run("agreement", proj, "--coders", "甲", "无名", capsys=capsys)
    assert code != 0 and "无名" in err
    code, _out, err = run("agreement", proj, "--coders", "甲", "乙", "--unit", "chars:0", capsys=capsys)
    assert code != 0 and "chars:0" in err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_agreement_table_in_docx_and_xlsx(proj: Path, tmp_path: Path, lang: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    docx_out = tmp_path / "agree.docx"
    code, _out, err = run("table", proj, docx_out, "--kind", "agreement", "--coders", "甲", "乙", "--lang", lang,
                          capsys=capsys)
    assert code == 0, err
    text = "\n".join(p.text for p in DocxDocument(str(docx_out)).paragraphs)
    cells = [c.text for t in DocxDocument(str(docx_out)).tables for r in t.rows for c in r.cells]
    assert ("编码一致性" in text) == (lang == "zh") and ("Intercoder agreement" in text) == (lang == "en")
    assert "参与/议事" in cells and ("总体" if lang == "zh" else "Overall") in cells
    xlsx_out = tmp_path / "agree.xlsx"
    code, _out, err = run("table", proj, xlsx_out, "--kind", "agreement", "--lang", lang, "--unit", "segment",
                          capsys=capsys)
    assert code == 0, err
    values = [c.value for row in load_workbook(xlsx_out).active.iter_rows() for c in row]
    assert "参与/议事" in values and "赋权" in values

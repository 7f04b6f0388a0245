"""`guiji transitions`, `figure`, `stage-report`, `links` on the sample project (seed 000's framework).

The exported files are opened by independent readers: poppler's pdftoppm and pdffonts for the PDF,
Qt's SVG renderer (and an XML parser) for the SVG, the PNG's own header for its size.
"""

from __future__ import annotations

import csv
import json
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from docx import Document as DocxDocument

from app.core.sample import build_sample_project
from tests.cli.helpers import run

DIMENSIONS = ["内生因素", "治理环境", "禀赋资源"]
STAGES = ["扎根", "协调", "共生"]



def ok(*args: object, capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run(*args, capsys=capsys)
    assert code == 0, err
    return out


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_project(tmp_path_factory.mktemp("sample") / "s.guiji")


def test_transitions_json_contract(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(ok("transitions", sample, "--json", capsys=capsys))
    assert list(data) == ["stages", "transitions"]
    assert data["stages"] == STAGES
    first = data["transitions"][0]
    assert list(first) == ["from_stage", "from_code", "to_stage", "to_code", "count", "cases"]
    # Every sample interview moves from 增权赋能 (扎根) to 畅通协商 (协调).
    found = [t for t in data["transitions"]
             if (t["from_stage"], t["from_code"], t["to_code"]) == ("扎根", "内生因素/增权赋能", "治理环境/畅通协商")]
    assert found == [{"from_stage": "扎根", "from_code": "内生因素/增权赋能", "to_stage": "协调",
                      "to_code": "治理环境/畅通协商", "count": 3, "cases": ["社工访谈", "居民访谈", "街道干部访谈"]}]
    dims = json.loads(ok("transitions", sample, "--json", "--level", "0", "--min-count", "3", capsys=capsys))
    assert {(t["from_code"], t["to_code"]) for t in dims["transitions"]} == {
        ("内生因素", "治理环境"), ("治理环境", "内生因素"), ("治理环境", "禀赋资源")}
    text = ok("transitions", sample, "--coder", "研究者B", "--case", "社工访谈", capsys=capsys)
    assert text.splitlines()[0] == "from_stage\tfrom_code\tto_stage\tto_code\tcount\tcases"
    code, _out, err = run("transitions", sample, "--level", "nonsense", capsys=capsys)
    assert code == 1 and "unknown level" in err


def test_transitions_csv_long_format(sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sequences.csv"
    assert "wrote" in ok("transitions", sample, "--csv", out, capsys=capsys)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:4] == ["case", "stage", "code", "position"]
    by_case: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_case.setdefault(row["case"], []).append(row)
    assert set(by_case) == {"社工访谈", "居民访谈", "街道干部访谈"}
    for items in by_case.values():
        assert [int(r["position"]) for r in items] == list(range(1, len(items) + 1))
        assert [int(r["stage_index"]) for r in items] == sorted(int(r["stage_index"]) for r in items)


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.mark.parametrize("width_mm", [85, 170])
def test_png_at_600_dpi_has_the_pixel_width_of_its_millimetres(sample: Path, tmp_path: Path, width_mm: int,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "t.png"
    said = ok("figure", sample, out, "--kind", "timeline", "--width-mm", width_mm, capsys=capsys)
    width, height = _png_size(out)
    assert width == round(width_mm / 25.4 * 600)
    assert f"{width} × {height} px at 600 dpi" in said
    out2 = tmp_path / "t300.png"
    ok("figure", sample, out2, "--width-mm", width_mm, "--dpi", 300, "--grayscale", capsys=capsys)
    assert _png_size(out2)[0] == round(width_mm / 25.4 * 300)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils is not installed")
@pytest.mark.parametrize("kind", ["timeline", "sankey", "matrix", "codeline", "saturation"])
def test_pdf_opens_and_embeds_a_cjk_font(sample: Path, tmp_path: Path, kind: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"{kind}.pdf"
    ok("figure", sample, out, "--kind", kind, "--width-mm", 170, capsys=capsys)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    lines = fonts.splitlines()[2:]
    assert lines, fonts
    assert all(line.split()[-5] == "yes" for line in lines), fonts  # the "emb" column
    assert any(name in fonts for name in ("WenQuanYi", "Noto", "SourceHan", "YaHei", "PingFang")), fonts
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(out), str(tmp_path / "page")], check=True)
    rendered = tmp_path / "page-1.png"
    assert _png_size(rendered)[0] == round(170 / 25.4 * 50)


@pytest.mark.parametrize("kind", ["timeline", "sankey", "matrix", "codeline", "saturation"])
def test_svg_parses_and_renders_with_qt(sample: Path, tmp_path: Path, kind: str, qapp,  # type: ignore[no-untyped-def]
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    out = tmp_path / f"{kind}.svg"
    ok("figure", sample, out, "--kind", kind, "--width-mm", 85, "--grayscale", capsys=capsys)
    root = ET.parse(out).getroot()
    assert root.get("width") == "85mm"
    texts = "".join("".join(root.itertext()).split())  # wrapped labels are consecutive text elements
    renderer = QSvgRenderer(str(out))
    assert renderer.isValid()
    image = QImage(400, 400, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    assert any(image.pixel(x, y) != 0 for x in range(0, 400, 7) for y in range(0, 400, 7))
    if kind == "timeline":
        for word in [*STAGES, *DIMENSIONS, "价值共同体", "结构共同体", "资源共同体"]:
            assert word in texts


def test_figure_errors(sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _o, err = run("figure", sample, tmp_path / "x.gif", capsys=capsys)
    assert code == 1 and "x.gif" in err and ".svg" in err
    code, _o, err = run("figure", sample, tmp_path / "x.png", "--font", "No Such Font", capsys=capsys)
    assert code == 1 and "No Such Font" in err
    code, _o, err = run("figure", sample, tmp_path / "x.png", "--kind", "codeline", "--doc", "无此文档",
                        capsys=capsys)
    assert code == 1 and "无此文档" in err
    code, _o, err = run("figure", sample, tmp_path / "x.png", "--width-mm", 5, capsys=capsys)
    assert code == 1 and "width" in err
    assert not list(tmp_path.iterdir())


def test_stage_report(sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "阶段报告.docx"
    ok("stage-report", sample, out, capsys=capsys)
    doc = DocxDocument(str(out))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["一、扎根阶段", "二、协调阶段", "三、共生阶段"]
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "增权赋能（内生因素；编码 14 次，3 个案例）" in body
    first_table = doc.tables[0]
    assert [c.text for c in first_table.rows[0].cells] == ["编码", "编码次数", "案例数", "典型引文"]
    assert first_table.rows[1].cells[0].text == "内生因素/增权赋能"
    east_asia = doc.styles["Normal"].element.rPr.rFonts.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
    assert east_asia == "宋体"
    code, _o, err = run("stage-report", sample, tmp_path / "x.pdf", capsys=capsys)
    assert code == 1 and ".docx" in err


def test_links_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = build_sample_project(tmp_path / "s.guiji")
    said = ok("links", project, "add", "--from", "内生因素/增权赋能", "--to", "治理环境/畅通协商", "--relation", "支撑",
              "--from-stage", "扎根", "--to-stage", "协调", capsys=capsys)
    assert said.startswith("link 1:")
    codings = json.loads(ok("codings", project, "--json", capsys=capsys))
    first = next(c for c in codings if c["code"].startswith("内生因素/增权赋能"))
    ok("links", project, "evidence", 1, "--doc", first["document"], "--start", first["start"], "--end",
       first["end"], "--code", first["code"], "--coder", first["coder"], "--test", "hoop", capsys=capsys)
    listed = json.loads(ok("links", project, "--json", capsys=capsys))
    assert listed[0]["relation"] == "enables" and listed[0]["label"] == "支撑"
    assert listed[0]["verdict"] == "relevant"
    assert listed[0]["evidence"][0]["text"] == first["text"]
    svg = tmp_path / "t.svg"
    ok("figure", project, svg, capsys=capsys)
    assert "支撑" in "".join(ET.parse(svg).getroot().itertext())  # the legend names the relation
    ok("links", project, "delete", 1, capsys=capsys)
    assert json.loads(ok("links", project, "--json", capsys=capsys)) == []


def test_figure_in_both_languages_writes_one_file_per_language(sample: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A figure has one language (issue 14): --lang both writes OUT.zh.svg and OUT.en.svg."""
    said = ok("figure", sample, tmp_path / "时间线.svg", "--kind", "timeline", "--lang", "both", capsys=capsys)
    zh, en = tmp_path / "时间线.zh.svg", tmp_path / "时间线.en.svg"
    assert str(zh) in said and str(en) in said and not (tmp_path / "时间线.svg").exists()
    zh_text, en_text = zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8")
    assert "维度" in zh_text and "Dimension" not in zh_text
    assert "Dimension" in en_text and "维度" not in en_text

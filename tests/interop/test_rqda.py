"""RQDA import: the real test project, and a Chinese project built here with RQDA's own schema
(categories, a case, a deleted code and a deleted coding; 𠮷 and 😀 in the text).

RQDA's selfirst/selend are character offsets from GTK's text buffer (gtkTextIterGetOffset), which
counts Unicode code points, as R's nchar(type = "chars") does: the fixture stores them so (Python
``str`` offsets), with ``seltext`` what R's ``substr`` gives, and the import must take them as is.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.core import attributes, cases, codebook, coding, documents, memos
from app.core.errors import InputFileError
from app.core.exchange.rqda import import_rqda
from app.core.project import open_project
from tests.interop.conftest import listing

DATE = "Sun Jul 12 20:02:19 2020"
TEXT_1 = "访谈者：您好𠮷😀！请谈谈社区康复项目。\n受访者：我们一起做增权赋能的工作😀，后来大家互助合作。\n"
TEXT_2 = "受访者乙：资源整合很难𠮷。\r\n访谈者：为什么？\r\n受访者乙：缺少人手😀。\r\n"  # CRLF kept by RQDA


def rqda_schema(shared_data: Path) -> list[str]:
    """RQDA's CREATE TABLE statements, copied from the real test project."""
    conn = sqlite3.connect(f"file:{shared_data / 'rqda' / 'testproject.rqda'}?mode=ro", uri=True)
    try:
        return [sql for (sql,) in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table'")]
    finally:
        conn.close()


def at(text: str, quote: str) -> tuple[float, float]:
    """RQDA's selfirst/selend (REAL) for ``quote``: code point offsets in the text as RQDA holds it."""
    start = text.index(quote)
    return float(start), float(start + len(quote))


@pytest.fixture
def chinese_rqda(shared_data: Path, tmp_path: Path) -> Path:
    path = tmp_path / "中文项目.rqda"
    conn = sqlite3.connect(path)
    for sql in rqda_schema(shared_data):
        conn.execute(sql)
    rows = {
        "project": [("0.2.2", DATE, "", "项目备忘", "Database created by RQDA", "")],
        "source": [("访谈一", 1, TEXT_1, "第一次访谈", "张三", DATE, "", 1),
                   ("访谈二", 2, TEXT_2, "", "张三", DATE, "", 1),
                   ("已删文件", 3, "删掉的文本", "", "张三", DATE, "", 0)],
        "freecode": [("增权赋能", "核心概念", "张三", DATE, "", 1, 1, "#A6CEE3"),
                     ("互助合作", "", "张三", DATE, "", 2, 1, ""),
                     ("资源整合", "", "李四", DATE, "", 3, 1, "#33A02C"),
                     ("已删编码", "", "张三", DATE, "", 4, 0, "")],
        "codecat": [("内生因素", None, 1, "张三", DATE, "", "维度", 1),
                    ("旧类别", None, 2, "张三", DATE, "", "", 0)],
        "treecode": [(1, 1, DATE, DATE, "", 1, "张三"), (2, 1, DATE, DATE, "", 1, "张三"),
                     (3, 2, DATE, DATE, "", 1, "张三")],  # 资源整合 sits in a deleted category
        "coding": [
            (1, 1, "增权赋能", *at(TEXT_1, "增权赋能"), 1, "张三", DATE, "典型"),
            (2, 1, "互助合作", *at(TEXT_1, "互助合作"), 1, "李四", DATE, ""),
            (1, 1, "您好𠮷😀！", *at(TEXT_1, "您好𠮷😀！"), 1, "张三", DATE, ""),
            (3, 2, "资源整合很难𠮷。", *at(TEXT_2, "资源整合很难𠮷。"), 1, "李四", DATE, ""),
            (3, 2, "缺少人手😀", *at(TEXT_2, "缺少人手😀"), 1, "李四", DATE, ""),
            (2, 1, "大家", *at(TEXT_1, "大家"), 0, "张三", DATE, ""),  # a deleted coding
            (4, 1, "项目", *at(TEXT_1, "项目"), 1, "张三", DATE, ""),  # a coding of the deleted code
            (1, 3, "删掉", 0.0, 2.0, 1, "张三", DATE, ""),  # on the deleted file
        ],
        "cases": [("社区甲", "武汉的社区", "张三", DATE, "", 1, 1), ("旧个案", "", "张三", DATE, "", 2, 0)],
        "caselinkage": [(1, 1, 0.0, float(len(TEXT_1)), 1, "张三", DATE, ""),
                        (1, 2, *at(TEXT_2, "缺少人手😀。"), 1, "张三", DATE, "")],
        "attributes": [("年龄", 1, DATE, "", "张三", "", "numeric"),
                       ("身份", 1, DATE, "", "张三", "", "character")],
        "fileAttr": [("年龄", "45", 1, DATE, "", "张三", 1), ("身份", "社工", 2, DATE, "", "张三", 1),
                     ("年龄", "99", 2, DATE, "", "张三", 0)],
        "caseAttr": [("地区", "武汉", 1, DATE, "", "张三", 1)],
        "journal": [("2020-07-12 20:09:29", "第一篇日志", DATE, "", "张三", 1),
                    ("2020-07-13", "删掉的日志", DATE, "", "张三", 0)],
        "filecat": [("第一批", None, 1, "张三", DATE, "", "", 1)],
        "treefile": [(1, 1, DATE, DATE, "", 1, "张三"), (2, 1, DATE, DATE, "", 1, "张三")],
    }
    for table, values in rows.items():
        marks = ", ".join("?" * len(values[0]))
        conn.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
    conn.commit()
    conn.close()
    return path


def test_the_real_rqda_test_project(shared_data: Path, tmp_path: Path) -> None:
    source = shared_data / "rqda" / "testproject.rqda"
    before = source.stat().st_mtime_ns
    report = import_rqda(source, tmp_path / "rqda.guiji")
    assert source.stat().st_mtime_ns == before
    assert not Path(f"{source}-wal").exists()
    assert "8 of 8 codings match" in report.positions
    with open_project(tmp_path / "rqda.guiji", read_only=True) as project:
        (doc,) = documents.list_documents(project)
        assert doc.name == "Lorem Ipsum"
        assert {c.path for c in codebook.list_codes(project)} == {"letterwords", "letterwords/lwords",
                                                                 "letterwords/iwords"}
        found = [(c.code.split("/")[-1], c.text, c.coder) for c in coding.list_codings(project)]
        assert len(found) == 8
        assert ("lwords", "Lorem", "marvin") in found
        assert ("iwords", "id", "marvin") in found
        (case,) = cases.list_cases(project)
        assert case.name == "Nonsense"
        assert case.description == "Nonsense Memo"
        assert len(case.passages) == 1
        assert case.passages[0].text.endswith("laborum.")
        memo = memos.project_memo(project)
        assert "First Journal" in memo
        assert "Third Journal" in memo
        assert documents.document_text(project, doc.id).startswith("Lorem ipsum dolor sit amet")


def test_a_chinese_rqda_project(chinese_rqda: Path, tmp_path: Path) -> None:
    before = listing(tmp_path)
    report = import_rqda(chinese_rqda, tmp_path / "zh.guiji")
    assert listing(tmp_path) - before == {"zh.guiji"}
    assert "5 of 5 codings match" in report.positions  # code points: RQDA's characters
    assert "deleted in RQDA (status 0), not imported: 1 files, 1 codes, 1 codings, 1 cases" in report.notes
    assert [(s.kind, s.name, s.reason) for s in report.skipped] == [
        ("coding", "访谈一: 项目", "its code is deleted or unknown"),
        ("coding", "file 3: 删掉", "its file is deleted or unknown")]
    with open_project(tmp_path / "zh.guiji", read_only=True) as project:
        assert [d.name for d in documents.list_documents(project)] == ["访谈一", "访谈二"]
        codes = {c.path: c for c in codebook.list_codes(project)}
        assert set(codes) == {"内生因素", "内生因素/增权赋能", "内生因素/互助合作", "资源整合"}
        assert codes["内生因素/增权赋能"].color == "#A6CEE3"
        found = sorted((c.document, c.code, c.text, c.coder, c.memo) for c in coding.list_codings(project))
        assert found == sorted([
            ("访谈一", "内生因素/增权赋能", "增权赋能", "张三", "典型"),
            ("访谈一", "内生因素/互助合作", "互助合作", "李四", ""),
            ("访谈一", "内生因素/增权赋能", "您好𠮷😀！", "张三", ""),
            ("访谈二", "资源整合", "资源整合很难𠮷。", "李四", ""),
            ("访谈二", "资源整合", "缺少人手😀", "李四", ""),
        ])
        assert "\r" not in documents.document_text(project, documents.list_documents(project)[1].id)
        (case,) = cases.list_cases(project)
        assert case.name == "社区甲"
        assert case.documents == ("访谈一",)
        assert [p.text for p in case.passages] == ["缺少人手😀。"]
        assert "地区: 武汉" in case.description
        table = {name: values for _id, name, values in attributes.attribute_table(project)}
        assert table == {"访谈一": {"年龄": "45", "文件类别 File categories": "第一批"},
                         "访谈二": {"身份": "社工", "文件类别 File categories": "第一批"}}
        assert {a.name: a.type for a in attributes.list_attributes(project)}["年龄"] == "number"
        memo = memos.project_memo(project)
        assert "项目备忘" in memo
        assert "第一篇日志" in memo
        assert "删掉的日志" not in memo
        listed = {(m.kind, m.text) for m in memos.list_memos(project)}
        assert ("code", "核心概念") in listed
        assert ("document", "第一次访谈") in listed


def test_offsets_counted_otherwise_are_detected(chinese_rqda: Path, tmp_path: Path) -> None:
    """If a file's offsets were UTF-16 units, the seltext check finds it and converts."""
    conn = sqlite3.connect(chinese_rqda)
    for rowid, fid, first, end in conn.execute("SELECT rowid, fid, selfirst, selend FROM coding").fetchall():
        text = {1: TEXT_1, 2: TEXT_2, 3: "删掉的文本"}[fid]
        u16 = [len(text[: int(p)].encode("utf-16-le")) // 2 for p in (first, end)]
        conn.execute("UPDATE coding SET selfirst = ?, selend = ? WHERE rowid = ?", (*u16, rowid))
    conn.commit()
    conn.close()
    report = import_rqda(chinese_rqda, tmp_path / "u16.guiji")
    assert "UTF-16" in report.positions
    with open_project(tmp_path / "u16.guiji", read_only=True) as project:
        assert "您好𠮷😀！" in {c.text for c in coding.list_codings(project)}


def test_not_an_rqda_project(tmp_path: Path) -> None:
    (tmp_path / "x.rqda").write_text("hello", encoding="utf-8")
    with pytest.raises(InputFileError, match="not an SQLite database"):
        import_rqda(tmp_path / "x.rqda", tmp_path / "x.guiji")
    conn = sqlite3.connect(tmp_path / "y.rqda")
    conn.execute("CREATE TABLE other (a)")
    conn.close()
    with pytest.raises(InputFileError, match="no table"):
        import_rqda(tmp_path / "y.rqda", tmp_path / "y.guiji")
    assert not (tmp_path / "x.guiji").exists()
    assert not (tmp_path / "y.guiji").exists()

"""Importing documents: encodings, formats, names, all-or-nothing."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from app.core import documents
from app.core.errors import InputFileError
from app.core.info import project_info

SIMPLIFIED = "访谈者：请介绍一下社区的情况。\n受访者：我们社区有三千多户居民，𠮷祥超市就在楼下。\n"


def test_import_encodings_and_unique_names(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gb = tmp_path / "访谈.txt"
    gb.write_bytes(SIMPLIFIED.encode("gb18030"))
    utf16_dir = tmp_path / "other"
    utf16_dir.mkdir()
    utf16 = utf16_dir / "访谈.txt"
    utf16.write_bytes(SIMPLIFIED.replace("\n", "\r\n").encode("utf-16"))
    imported = documents.import_files(project, [gb, utf16])
    assert [d.name for d in imported] == ["访谈", "访谈 (2)"]
    assert [d.source_encoding for d in imported] == ["gb18030", "utf-16-le"]
    for doc in imported:
        assert documents.document_text(project, doc.id) == SIMPLIFIED
        assert doc.length == len(SIMPLIFIED)


def test_import_docx_with_a_table(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "表格.docx"
    d = docx.Document()
    d.add_paragraph("访谈者：第一段。")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "姓名"
    table.cell(0, 1).text = "角色"
    table.cell(1, 0).text = "王某"
    table.cell(1, 1).text = "社工"
    d.add_paragraph("受访者：最后一段。")
    d.save(path)
    [doc] = documents.import_files(project, [path])
    text = documents.document_text(project, doc.id)
    assert text.index("第一段") < text.index("姓名\t角色") < text.index("王某\t社工") < text.index("最后一段")
    assert doc.source_format == "docx"


def test_import_is_all_or_nothing(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.txt"
    good.write_text(SIMPLIFIED, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputFileError, match=r"empty\.txt"):
        documents.import_files(project, [good, empty])
    assert project_info(project).documents == 0


def test_shared_transcripts_import(project, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    files = sorted((shared_data / "zh").rglob("*.md"))
    assert len(files) == 4
    imported = documents.import_files(project, files)
    assert len({d.name for d in imported}) == 4
    for path, doc in zip(files, imported, strict=True):
        assert documents.document_text(project, doc.id) == path.read_text(encoding="utf-8").replace("\r\n", "\n")

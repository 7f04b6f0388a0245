"""Tests of app.core.exchange.readers: .txt, .md and .docx files into normalised text."""

from __future__ import annotations

import codecs
import io
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from app.core.errors import InputFileError
from app.core.exchange import readers
from app.core.exchange.readers import ReadDocument, read_document_file
from app.core.text import detect_turns

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_docx(path: Path) -> Path:
    """A .docx with paragraphs, a table with merged and nested cells between them."""
    document = docx.Document()
    document.add_paragraph("访谈者：开头𠮷。")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"格{r}{c}"
    table.cell(0, 0).merge(table.cell(0, 1))  # horizontal merge: one cell spanning two columns
    table.cell(1, 2).merge(table.cell(2, 2))  # vertical merge
    nested = table.cell(2, 0).add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "内甲"
    nested.cell(0, 1).text = "内乙"
    document.add_paragraph("受访者：结尾😀。\t有制表符")
    document.save(str(path))
    return path


def test_docx_paragraphs_and_tables_in_reading_order(tmp_path: Path) -> None:
    result = read_document_file(make_docx(tmp_path / "访谈.docx"))
    assert result == ReadDocument(
        "访谈者：开头𠮷。\n"
        "格00 格01\t格02\n"
        "格10\t格11\t格12 格22\n"
        "格20 内甲 内乙\t格21\t\n"
        "受访者：结尾😀。\t有制表符",
        "utf-8",
        "docx",
    )


def test_docx_tracked_changes_links_and_breaks(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("保留")
    paragraph._p.append(parse_xml(f"<w:ins {W_NS} w:id='1' w:author='a'><w:r><w:t>插入</w:t></w:r></w:ins>"))
    paragraph._p.append(
        parse_xml(f"<w:del {W_NS} w:id='2' w:author='a'><w:r><w:delText>删除</w:delText></w:r></w:del>")
    )
    paragraph._p.append(parse_xml(f"<w:hyperlink {W_NS}><w:r><w:t>链接</w:t></w:r></w:hyperlink>"))
    paragraph._p.append(parse_xml(f"<w:r {W_NS}><w:br/><w:t>换行</w:t></w:r>"))
    document.save(str(tmp_path / "t.docx"))
    assert read_document_file(tmp_path / "t.docx").text == "保留插入链接\n换行"


def test_docx_real_transcript_round_trip(shared_data: Path, tmp_path: Path) -> None:
    (source,) = (shared_data / "zh" / "original-zh-Hant").glob("2016-06-30_*.md")
    lines = source.read_text(encoding="utf-8").rstrip("\n").split("\n")
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(tmp_path / "vtaiwan.docx"))
    text = read_document_file(tmp_path / "vtaiwan.docx").text
    assert text == "\n".join(lines)
    assert Counter(t.speaker for t in detect_turns(text)) == {"問": 25, "呂家華": 49}


def test_docx_extension_is_case_insensitive(tmp_path: Path) -> None:
    assert read_document_file(make_docx(tmp_path / "UPPER.DOCX")).format == "docx"


def test_docx_without_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.save(str(tmp_path / "empty.docx"))
    with pytest.raises(InputFileError, match=r"^empty\.docx: the document contains no text$"):
        read_document_file(tmp_path / "empty.docx")


def test_truncated_docx(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "whole.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(data[: len(data) // 2])
    with pytest.raises(
        InputFileError, match=r"^cut\.docx: not a valid \.docx file \(the archive is damaged or truncated\)$"
    ):
        read_document_file(tmp_path / "cut.docx")


def test_docx_with_damaged_xml(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "bad.docx", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types><unclosed>")
        archive.writestr("word/document.xml", "not xml")
    with pytest.raises(InputFileError, match=r"^bad\.docx: not a valid \.docx file"):
        read_document_file(tmp_path / "bad.docx")


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "other.docx", "w") as archive:
        archive.writestr("hello.txt", "你好")
    with pytest.raises(InputFileError, match=r"it is a zip archive but not a Word document"):
        read_document_file(tmp_path / "other.docx")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("访谈者：你好。".encode(), r"not a valid \.docx file \(it is not a zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), r"this is an old Word \.doc file renamed \.docx"),
    ],
)
def test_other_file_renamed_docx(tmp_path: Path, data: bytes, problem: str) -> None:
    (tmp_path / "renamed.docx").write_bytes(data)
    with pytest.raises(InputFileError, match=rf"^renamed\.docx: {problem}"):
        read_document_file(tmp_path / "renamed.docx")


def test_zip_bomb_refused_before_python_docx_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_docx(tmp_path / "bomb.docx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/zeros.bin", bytes(5 * 1024 * 1024))  # 5 MB of zeros, ~5 KB stored
    assert path.stat().st_size < 100_000

    def must_not_open(*_: object) -> None:
        raise AssertionError("python-docx opened a zip bomb")

    monkeypatch.setattr(readers, "MAX_UNCOMPRESSED_BYTES", 2 * 1024 * 1024)
    monkeypatch.setattr(docx, "Document", must_not_open)
    with pytest.raises(
        InputFileError,
        match=r"^bomb\.docx: the \.docx would expand to [56] MB, more than the limit of 2 MB "
        r"\(possibly a zip bomb\)$",
    ):
        read_document_file(path)


def test_zip_with_too_many_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_docx(tmp_path / "many.docx")
    with zipfile.ZipFile(path) as archive:
        entries = len(archive.infolist())
    monkeypatch.setattr(readers, "MAX_ZIP_ENTRIES", entries - 1)
    with pytest.raises(
        InputFileError, match=rf"holds {entries} entries, more than the limit of {entries - 1}"
    ):
        read_document_file(path)
    monkeypatch.setattr(readers, "MAX_ZIP_ENTRIES", entries)
    assert read_document_file(path).text.startswith("访谈者")


def test_txt_in_gb18030_with_crlf(tmp_path: Path) -> None:
    path = tmp_path / "访谈01.TXT"
    path.write_bytes("问：你好𠮷吗？\r\n答：很好。\r\n".encode("gb18030"))
    assert read_document_file(path) == ReadDocument("问：你好𠮷吗？\n答：很好。\n", "gb18030", "txt")


def test_txt_in_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "访谈者：😀\r\n".encode("utf-16-le"))
    assert read_document_file(path) == ReadDocument("访谈者：😀\n", "utf-16-le", "txt")


@pytest.mark.parametrize(
    ("folder", "expected"),
    [("original-zh-Hant", {"唐鳳": 166, "張同學": 68}), ("derived-zh-Hans", {"唐凤": 166, "张同学": 68})],
)
def test_md_real_transcripts(shared_data: Path, folder: str, expected: dict[str, int]) -> None:
    (path,) = (shared_data / "zh" / folder).glob("2018-05-25_*.md")
    result = read_document_file(path)
    assert result.format == "md"
    assert result.encoding == "utf-8"
    assert result.text == path.read_bytes().decode("utf-8")
    assert Counter(t.speaker for t in detect_turns(result.text)) == expected


@pytest.mark.parametrize("name", ["report.pdf", "notes.DOC", "README"])
def test_unsupported_extension(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.7")
    shown = f"'{path.suffix}'" if path.suffix else "(no extension)"
    with pytest.raises(InputFileError) as info:
        read_document_file(path)
    assert str(info.value) == f"{name}: unsupported file type {shown} (Guiji imports .txt, .docx and .md)"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match=r"^gone\.txt: the file does not exist$"):
        read_document_file(tmp_path / "gone.txt")
    (tmp_path / "folder.md").mkdir()
    with pytest.raises(InputFileError, match=r"^folder\.md: this is a folder, not a file$"):
        read_document_file(tmp_path / "folder.md")


@pytest.mark.parametrize("name", ["big.txt", "big.docx"])
def test_file_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 3 * 1024 * 1024)
    path = tmp_path / name
    path.write_bytes(b"a" * (3 * 1024 * 1024 + 1))
    with pytest.raises(InputFileError, match=rf"^big\.{path.suffix[1:]}: the file is larger than 3 MB"):
        read_document_file(path)
    path.write_bytes(b"a" * (3 * 1024 * 1024))
    if name.endswith(".txt"):
        assert len(read_document_file(path).text) == 3 * 1024 * 1024


def test_text_errors_come_through_with_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "blank.md").write_bytes(b"\xef\xbb\xbf \n")
    with pytest.raises(InputFileError, match=r"^blank\.md: the file is empty"):
        read_document_file(tmp_path / "blank.md")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.raises(InputFileError, match=r"^image\.txt: this looks like a binary file"):
        read_document_file(tmp_path / "image.txt")


def test_read_reads_the_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_docx(tmp_path / "once.docx")
    opened: list[str] = []
    real_open = Path.open

    def counting_open(self: Path, *args: object, **kwargs: object) -> io.IOBase:
        opened.append(self.name)
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(Path, "open", counting_open)
    read_document_file(path)
    assert opened == ["once.docx"]

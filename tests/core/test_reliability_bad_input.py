"""The bad-input corpus: each file imports correctly or gets one clear error, and errors change nothing.

The committed files are in tests/data/bad/ (made by tests/data/make_bad_corpus.py, listed with
their outcomes in tests/data/bad/README.md); :data:`EXPECTED` below is the same table. The big
inputs (a 50 MB single line, lines of 1 MB, zip bombs) are generated here at test time.

Every file is imported into a project that already holds a document, codes and codings, in one
``import_files`` call together with a good file: an error must name the bad file, and the
project (counts, documents and their hashes, codes, codings, search index) must be as it was.
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core import codebook, coding, documents
from app.core.check import check_project
from app.core.errors import InputFileError
from app.core.exchange import readers
from app.core.info import project_info
from app.core.project import Project, create_project, open_project
from app.core.text import sha256_text

DATA = Path(__file__).resolve().parents[1] / "data"
BAD = DATA / "bad"

TRANSCRIPT = "访谈者：请介绍一下社区的情况。\n受访者：我们社区有三千多户居民，𠮷祥超市就在楼下。\n"
UNRECOGNISED = "the text encoding could not be recognised (tried UTF-8, UTF-16, GB18030, Big5)"
EMPTY = "the file is empty (it contains no text)"
NUL = "this looks like a binary file, not text (it contains NUL bytes)"
DAMAGED = "not a valid .docx file (the archive is damaged or truncated)"
NOT_ZIP = "not a valid .docx file (it is not a zip archive; was another file renamed?)"
DTD = "the .docx declares an XML document type (DTD), which Word never does; it is refused as unsafe"
BAD_UTF16 = "the file starts with a UTF-16 byte-order mark but is not valid UTF-16"
BAD_UTF8 = "the file starts with a UTF-8 byte-order mark but is not valid UTF-8"
CONTROLS = "this looks like a binary file, not text (it contains many control characters)"


def unsupported(shown: str) -> str:
    return f"unsupported file type {shown} (Guiji imports .txt, .docx and .md)"


#: file name -> ("ok", stored text, encoding) or ("error", the problem after "<file name>: ").
EXPECTED: dict[str, tuple[str, str, str] | tuple[str, str]] = {
    # encodings
    "shift_jis.txt": ("error", UNRECOGNISED),
    "latin1.txt": ("error", UNRECOGNISED),
    "cesu8_surrogates.txt": ("error", UNRECOGNISED),
    "utf16le_no_bom.txt": ("ok", TRANSCRIPT, "utf-16-le"),
    "utf16be_no_bom.txt": ("ok", TRANSCRIPT, "utf-16-be"),
    "utf16le_no_bom_no_ascii.txt": ("error", UNRECOGNISED),
    "utf16_odd_length.txt": ("error", BAD_UTF16),
    "utf16_lone_surrogate.txt": ("error", BAD_UTF16),
    "utf8_bom_then_invalid.txt": ("error", BAD_UTF8),
    "gb18030_crlf.txt": ("ok", TRANSCRIPT, "gb18030"),
    "big5.txt": ("ok", "訪談者：請介紹一下社區的情況。\n受訪者：我們社區有三千多戶居民。\n", "big5"),
    # binary, empty, control characters
    "nul_bytes.txt": ("error", NUL),
    "random_bytes.txt": ("error", NUL),
    "png_renamed.txt": ("error", NUL),
    "control_chars.txt": ("error", CONTROLS),
    "empty.txt": ("error", "the file is empty"),
    "bom_only_utf8.txt": ("error", EMPTY),
    "bom_only_utf16.md": ("error", EMPTY),
    "whitespace_only.txt": ("error", EMPTY),
    # line ends, emoji, Markdown, extensions
    "mixed_line_ends.txt": ("ok", "甲：一\n乙：二\n丙：三\n丁：四\n\n戊：五", "utf-8"),
    "utf8_bom_crlf.md": ("ok", "# 访谈\n\n**访谈者**：您好！\n", "utf-8-sig"),
    "all_emoji.txt": ("ok", "😀😃🎉👍🏽👨\u200d👩\u200d👧\u200d👦🇨🇳\n🀄🧧\n", "utf-8"),
    "markdown.md": (
        "ok",
        "# 访谈记录\n\n## 第一部分\n\n**访谈者**：请问 *社区* 的情况？\n\n"
        "- 列表项 [链接](https://example.org)\n- `代码` 与 > 引用\n\n```\n代码块 𠮷\n```\n",
        "utf-8",
    ),
    "UPPER_CASE.TXT": ("ok", TRANSCRIPT, "utf-8"),
    "report.pdf": ("error", unsupported("'.pdf'")),
    "notes.rtf": ("error", unsupported("'.rtf'")),
    "transcript_without_extension": ("error", unsupported("(no extension)")),
    # Word files
    "good.docx": ("ok", "访谈者：您好𠮷。\n受访者：我们一起做增权赋能的工作。", "utf-8"),
    "truncated.docx": ("error", DAMAGED),
    "empty.docx": ("error", NOT_ZIP),
    "not_a_zip.docx": ("error", NOT_ZIP),
    "old_word.docx": ("error", "this is an old Word .doc file renamed .docx; save it as .docx in Word first"),
    "zip_not_word.docx": ("error", "not a valid .docx file (it is a zip archive but not a Word document)"),
    "malformed_xml.docx": ("error", DAMAGED),
    "no_text.docx": ("error", "the document contains no text"),
    "zip_slip.docx": ("ok", "路径穿越测试", "utf-8"),
    "xml_entity_bomb.docx": ("error", DTD),
    "xml_external_entity.docx": ("error", DTD),
}

Snapshot = tuple[Any, ...]


def snapshot(project: Project) -> Snapshot:
    """Everything an import could change: counts, documents with hashes, codes, codings."""
    return (
        project_info(project).as_dict(),
        [(d.id, d.name, d.length, d.sha256, d.source_name, d.codings)
         for d in documents.list_documents(project)],
        [(c.id, c.path, c.color) for c in codebook.list_codes(project)],
        [(c.id, c.document, c.start, c.end, c.text, c.code, c.coder, c.memo)
         for c in coding.list_codings(project)],
    )


@pytest.fixture(scope="module")
def base_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bad-input") / "base.guiji"
    with create_project(path) as project:
        doc = documents.add_text_document(project, "已有访谈", TRANSCRIPT)
        code = codebook.create_code(project, "内生因素/增权赋能")
        for start in (0, 5, 20):
            coding.apply_coding(project, document_id=doc.id, code_id=code.id, start=start, end=start + 4,
                                coder="研究者A")
    return path


@pytest.fixture
def project(base_project: Path, tmp_path: Path) -> Iterator[Project]:
    with open_project(shutil.copy(base_project, tmp_path / "p.guiji")) as proj:
        yield proj


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good-companion.txt"
    path.write_text("受访者：这份文件本身没有问题。\n", encoding="utf-8")
    return path


def assert_refused(project: Project, paths: list[Path], bad: Path, problem: str) -> None:
    """Importing ``paths`` raises one InputFileError about ``bad`` and changes nothing."""
    before = snapshot(project)
    with pytest.raises(InputFileError) as info:
        documents.import_files(project, paths)
    assert info.value.path == bad
    assert str(info.value) == f"{bad.name}: {problem}"
    assert snapshot(project) == before
    assert check_project(project.path).ok


def assert_imported(project: Project, path: Path, text: str, encoding: str) -> None:
    before = snapshot(project)
    (doc,) = documents.import_files(project, [path])
    assert documents.document_text(project, doc.id) == text
    assert (doc.length, doc.sha256, doc.source_encoding) == (len(text), sha256_text(text), encoding)
    after = snapshot(project)
    assert after[1][: len(before[1])] == before[1]  # the documents that were there are untouched
    assert after[3] == before[3]
    assert check_project(project.path).ok


def test_the_corpus_is_complete_and_documented() -> None:
    on_disk = sorted(p.name for p in BAD.iterdir() if p.name != "README.md")
    assert on_disk == sorted(EXPECTED)
    assert len(on_disk) >= 20
    readme = (BAD / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([^`]+)` \|", readme, flags=re.MULTILINE)
    assert sorted(listed) == on_disk


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_file(project: Project, good_file: Path, tmp_path: Path, name: str) -> None:
    source = BAD / name
    path = Path(shutil.copy(source, tmp_path / name))
    outcome = EXPECTED[name]
    if outcome[0] == "ok":
        _, text, encoding = outcome
        assert_imported(project, path, text, encoding)
    else:
        assert_refused(project, [good_file, path], path, outcome[1])
    assert not list(tmp_path.parent.rglob("evil.txt")), "an archive entry was written to disk"


def _utf8_of_size(unit: str, size: int) -> bytes:
    """``unit`` repeated to ``size`` bytes of UTF-8, cut at a character boundary."""
    data = (unit * (size // len(unit.encode()) + 1)).encode()[:size]
    return data.decode("utf-8", errors="ignore").encode()


@pytest.mark.slow
def test_a_50_mb_single_line(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "一行.txt"
    data = _utf8_of_size("我们社区治理的工作一直在推进𠮷，居民参与很重要。abc 123 ", 50 * 1024 * 1024)
    path.write_bytes(data)
    text = data.decode("utf-8")
    assert "\n" not in text
    assert len(data) > 50 * 1024 * 1024 - 4
    assert_imported(project, path, text, "utf-8")


def test_lines_of_1_mb_with_mixed_line_ends(project: Project, tmp_path: Path) -> None:
    lines = [_utf8_of_size(f"第{n}行：社区治理😀，居民参与。", 1024 * 1024) for n in range(4)]
    path = tmp_path / "长行.txt"
    path.write_bytes(lines[0] + b"\r\n" + lines[1] + b"\n" + lines[2] + b"\r" + lines[3])
    text = "\n".join(line.decode("utf-8") for line in lines)
    assert_imported(project, path, text, "utf-8")


def _docx_with(extra: dict[str, bytes]) -> bytes:
    good = (BAD / "good.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        for name, body in extra.items():
            with dst.open(name, "w") as entry:
                for start in range(0, len(body), 1 << 20):
                    entry.write(body[start : start + (1 << 20)])
    return out.getvalue()


def _set_declared_size(data: bytes, name: str, size: int) -> bytes:
    """Forge the uncompressed size the archive declares for ``name`` (local and central headers)."""
    out = bytearray(data)
    encoded = name.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = out.find(signature)
        while at != -1:
            name_len = struct.unpack_from("<H", out, at + (26 if signature == b"PK\x03\x04" else 28))[0]
            if bytes(out[at + name_at : at + name_at + name_len]) == encoded:
                struct.pack_into("<I", out, at + size_at, size)
            at = out.find(signature, at + 4)
    return bytes(out)


def test_zip_bomb_by_its_declared_size(
    project: Project, good_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """24 MB of zeros stored in ~24 KB: refused by the sizes it declares, before anything inflates."""
    monkeypatch.setattr(readers, "MAX_UNCOMPRESSED_BYTES", 16 * 1024 * 1024)  # 200 MB would be slow to make
    path = tmp_path / "炸弹.docx"
    path.write_bytes(_docx_with({"word/media/zeros.bin": bytes(24 * 1024 * 1024)}))
    assert path.stat().st_size < 200_000
    assert_refused(
        project, [good_file, path], path,
        "the .docx would expand to 25 MB, more than the limit of 16 MB (possibly a zip bomb)",
    )


def test_zip_bomb_with_a_forged_huge_size(project: Project, good_file: Path, tmp_path: Path) -> None:
    """A small real entry whose headers claim 4 GB: refused at the real 200 MB limit."""
    data = _docx_with({"word/media/image1.png": b"\x89PNG" + bytes(1000)})
    path = tmp_path / "伪造.docx"
    path.write_bytes(_set_declared_size(data, "word/media/image1.png", 0xFFFF_FF00))
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("word/media/image1.png").file_size == 0xFFFF_FF00
    assert_refused(
        project, [good_file, path], path,
        "the .docx would expand to 4,097 MB, more than the limit of 200 MB (possibly a zip bomb)",
    )


def test_zip_bomb_that_understates_its_size(project: Project, good_file: Path, tmp_path: Path) -> None:
    """The document part declares its real size but inflates 64 MB past it: reading stops at the
    declared size, the checksum fails, and no more than that is ever inflated."""
    with zipfile.ZipFile(BAD / "good.docx") as archive:
        xml = archive.read("word/document.xml")
        others = {
            i.filename: archive.read(i.filename)
            for i in archive.infolist()
            if i.filename != "word/document.xml"
        }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in others.items():
            archive.writestr(name, body)
        with archive.open("word/document.xml", "w") as entry:
            entry.write(xml)
            for _ in range(64):
                entry.write(b" " * (1 << 20))  # whitespace after the root element is well-formed XML
    path = tmp_path / "低报.docx"
    path.write_bytes(_set_declared_size(out.getvalue(), "word/document.xml", len(xml)))
    assert path.stat().st_size < 200_000
    peak = _peak_allocation(lambda: assert_refused(project, [good_file, path], path, DAMAGED))
    # Reading any file reserves a buffer of MAX_FILE_BYTES first, so compare with a good .docx.
    baseline = _peak_allocation(lambda: readers.read_document_file(BAD / "good.docx"))
    assert peak < baseline + 16 * 1024 * 1024, f"the bomb cost {(peak - baseline) / 2**20:.0f} MB more"


def _peak_allocation(action: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

"""Fuzzing the decoders and importers: whatever the bytes, only InputFileError may escape.

Derandomized, without an example database, with modest example counts: the same inputs on every
run and machine, in a few seconds. Raise ``FUZZ_SCALE`` locally for a longer hunt.
"""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import codebook, coding, documents
from app.core.errors import InputFileError
from app.core.exchange.readers import read_document_file
from app.core.info import project_info
from app.core.project import Project, create_project
from app.core.text import decode_bytes, normalise

DATA = Path(__file__).resolve().parents[1] / "data"
GOOD_DOCX = (DATA / "bad" / "good.docx").read_bytes()
SCALE = int(os.environ.get("FUZZ_SCALE", "1"))
ENCODINGS = {"utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "gb18030", "big5", "cp950"}
BOMS = {"utf-8-sig": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE, derandomize=True, database=None, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# Text that looks like transcripts: CJK (with 𠮷), emoji, ASCII, line ends, controls, BOM chars.
transcript_chars = st.sampled_from(
    [*"访谈者受访者：，。？！社区治理增权赋能𠮷😀🇨🇳 abc123\t\n\r", "\ufeff", "\x00", "\x01", "\x85", "\u2028"]
)
transcripts = st.lists(transcript_chars, max_size=200).map("".join)
codec_names = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "big5"])


@st.composite
def encoded_transcripts(draw: st.DrawFn) -> bytes:
    """A transcript encoded in some codec, then maybe cut, spliced or with a byte flipped."""
    data = draw(transcripts).encode(draw(codec_names), errors="ignore")
    match draw(st.sampled_from(["as is", "cut", "splice", "flip"])):
        case "cut" if data:
            data = data[: draw(st.integers(0, len(data) - 1))]
        case "splice":
            at = draw(st.integers(0, len(data)))
            data = data[:at] + draw(st.binary(max_size=8)) + data[at:]
        case "flip" if data:
            at = draw(st.integers(0, len(data) - 1))
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    return data


any_bytes = st.one_of(st.binary(max_size=600), encoded_transcripts())


def assert_names(error: InputFileError, path: Path) -> None:
    """The one error names the file (``<name>: <problem>``)."""
    assert error.path == path
    assert str(error).startswith(f"{path.name}: ")


def state(project: Project) -> object:
    """Counts and every document's hash: what a failed import must leave as it was."""
    return project_info(project), [(d.id, d.sha256) for d in documents.list_documents(project)]


def assert_decoded_or_refused(data: bytes) -> None:
    path = Path("/fuzz/访谈.txt")
    try:
        text, encoding = decode_bytes(data, path)
    except InputFileError as exc:
        assert_names(exc, path)
        return
    assert encoding in ENCODINGS
    assert text.strip()
    assert "\r" not in text
    assert "\x00" not in text
    assert not text.startswith("\ufeff")
    # The text is exactly what the named encoding makes of the bytes (after the BOM), normalised.
    bom = BOMS.get(encoding, b"")
    body = data[len(bom) :] if data.startswith(bom) else data
    assert text == normalise(body.decode(encoding))


@fuzz(300)
@given(st.one_of(st.text(), st.lists(st.sampled_from(["\ufeff", "\r", "\n", "𠮷", "a"])).map("".join)))
def test_normalise_is_idempotent(text: str) -> None:
    """Normalising stored text again never changes it (and so never shifts an offset)."""
    once = normalise(text)
    assert normalise(once) == once
    assert "\r" not in once
    assert not once.startswith("\ufeff")


@fuzz(400)
@given(any_bytes)
def test_decode_bytes_decodes_or_refuses(data: bytes) -> None:
    assert_decoded_or_refused(data)


clean_chars = st.sampled_from(list("访谈者受访者：，。？！社区治理增权赋能𠮷😀🇨🇳 abc123\t\n\r\u2028\u3000"))


@fuzz(300)
@given(st.lists(clean_chars, max_size=200).map("".join),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]))
def test_utf_transcripts_come_back_exactly_or_are_refused(text: str, codec: str) -> None:
    """UTF-8, and UTF-16 with a BOM, always decode exactly.

    BOM-less UTF-16 is recognised by its NUL bytes, which ASCII characters (line ends) put on
    one side of each code unit; when they do (more ASCII than U+xx00 characters such as 一 or
    the ideographic space, whose NULs fall on the other side), it decodes exactly or is refused.
    Otherwise it has no mark at all: 受 is D7 53, which GB18030 reads as 舸, and 一 is 00 4E
    in UTF-16 LE, which UTF-16 BE reads as N; nothing is asserted beyond what any input must
    satisfy."""
    data = text.encode(codec)
    assert_decoded_or_refused(data)
    bomless = codec in ("utf-16-le", "utf-16-be")
    if bomless and sum(c.isascii() for c in text) <= sum(ord(c) & 0xFF == 0 for c in text):
        return
    try:
        decoded, _ = decode_bytes(data, "a.txt")
    except InputFileError:
        assert bomless or not text.strip()
        return
    assert decoded == normalise(text)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def assert_read_or_refused(path: Path) -> None:
    try:
        result = read_document_file(path)
    except InputFileError as exc:
        assert_names(exc, path)
        return
    assert result.text.strip()
    assert "\r" not in result.text
    assert result.format == path.suffix.lower()[1:]


@fuzz(150)
@given(any_bytes, st.sampled_from(["a.txt", "b.md", "c.docx", "D.TXT", "e.DOCX"]))
def test_read_document_file_reads_or_refuses(folder: Path, data: bytes, name: str) -> None:
    path = folder / name
    path.write_bytes(data)
    assert_read_or_refused(path)


@st.composite
def damaged_docx(draw: st.DrawFn) -> bytes:
    """A real .docx with bytes flipped, cut, or a run of bytes overwritten."""
    data = bytearray(GOOD_DOCX)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data) - 1))
        match draw(st.sampled_from(["flip", "cut", "overwrite"])):
            case "flip":
                data[at] ^= draw(st.integers(1, 255))
            case "cut":
                del data[at:]
                if not data:
                    break
            case "overwrite":
                junk = draw(st.binary(min_size=1, max_size=64))
                data[at : at + len(junk)] = junk
    return bytes(data)


@fuzz(150)
@given(damaged_docx())
def test_damaged_docx_reads_or_refuses(folder: Path, data: bytes) -> None:
    path = folder / "damaged.docx"
    path.write_bytes(data)
    assert_read_or_refused(path)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
xml_pieces = st.sampled_from([
    "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:t xml:space='preserve'>", "<w:tab/>",
    "<w:br/>", "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:sdt>", "</w:sdt>",
    "<w:sdtContent>", "</w:sdtContent>", "<w:hyperlink>", "</w:hyperlink>", "<w:ins>", "</w:ins>",
    "<w:del>", "</w:del>", "<w:delText>x</w:delText>", "访谈", "𠮷", "😀", "&amp;", "&lt;", "&#x20BB7;",
    "&#0;", "&bogus;", "<", ">", "\x01", "<![CDATA[甲]]>", "<!-- 注 -->", "<?pi x?>", "<w:body>",
    "</w:body>", "<x:foreign xmlns:x='urn:x'/>",
])  # fmt: skip


@st.composite
def docx_with_document_xml(draw: st.DrawFn) -> bytes:
    """A .docx whose word/document.xml is a random mix of WordprocessingML pieces (or raw bytes)."""
    if draw(st.booleans()):
        body = "".join(draw(st.lists(xml_pieces, max_size=40)))
        xml = (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body>'
            "</w:document>"
        )
        part = xml.encode(draw(st.sampled_from(["utf-8", "utf-16"])))
    else:
        part = draw(st.binary(max_size=300))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(GOOD_DOCX)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, part if info.filename == "word/document.xml" else src.read(info.filename))
    return out.getvalue()


@fuzz(200)
@given(docx_with_document_xml())
def test_docx_with_arbitrary_document_xml_reads_or_refuses(folder: Path, data: bytes) -> None:
    path = folder / "xml.docx"
    path.write_bytes(data)
    assert_read_or_refused(path)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    path = tmp_path_factory.mktemp("fuzz-project") / "p.guiji"
    with create_project(path) as proj:
        doc = documents.add_text_document(proj, "已有", "访谈者：您好𠮷。\n")
        code = codebook.create_code(proj, "甲")
        coding.apply_coding(proj, document_id=doc.id, code_id=code.id, start=0, end=3, coder="研究者A")
        yield proj


@fuzz(30)
@given(any_bytes, st.sampled_from([".txt", ".md", ".docx"]))
def test_import_files_all_or_nothing(project: Project, folder: Path, data: bytes, suffix: str) -> None:
    good = folder / "good.txt"
    good.write_text("受访者：好的。", encoding="utf-8")
    path = folder / f"fuzzed{suffix}"
    path.write_bytes(data)
    before = state(project)
    try:
        imported = documents.import_files(project, [good, path])
    except InputFileError as exc:
        assert_names(exc, path)
        assert state(project) == before
        return
    assert [d.source_name for d in imported] == ["good.txt", path.name]
    assert documents.document_text(project, imported[1].id) == read_document_file(path).text


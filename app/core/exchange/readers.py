"""Read a document file (.txt, .md, .docx) into Guiji's normalised text.

The file's bytes are read once. Anything wrong with the file becomes one
:class:`~app.core.errors.InputFileError` that names the file and the problem.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from lxml import etree

from app.core.errors import InputFileError
from app.core.text import decode_bytes, normalise

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_UNCOMPRESSED_BYTES",
    "MAX_ZIP_ENTRIES",
    "ReadDocument",
    "read_document_file",
]

MAX_FILE_BYTES = 200 * 1024 * 1024
"""The largest file read at all (a .txt/.md, or a .docx archive as stored on disk)."""
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
"""The largest total a .docx archive may declare once uncompressed (a zip-bomb guard)."""
MAX_ZIP_ENTRIES = 10_000
"""The most entries a .docx archive may hold."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls: the pre-2007 Office container
_DAMAGED = "not a valid .docx file (the archive is damaged or truncated)"
# Word never writes a document type declaration; one in a .docx is there for entity tricks (an
# entity bomb, or an external entity that would read a local file). python-docx's parser does
# not resolve entities, so such a file would lose the text around them: refuse it instead.
_DTD = "the .docx declares an XML document type (DTD), which Word never does; it is refused as unsafe"
_PROLOG_BYTES = 64 * 1024


@dataclass(frozen=True)
class ReadDocument:
    """A document's text as Guiji stores it, the encoding it was found in, and its format."""

    text: str
    encoding: str
    format: str  # "txt" | "docx" | "md"


def read_document_file(path: Path) -> ReadDocument:
    """Read ``path`` by its extension (case-insensitive): .txt and .md as text, .docx as Word.

    A .docx gives its body's paragraphs and tables in reading order, one line per paragraph and
    per table row (cells separated by tabs). Its ``encoding`` is ``"utf-8"``, the encoding of
    Word's XML. Raises :class:`InputFileError` for an unsupported extension, a missing,
    unreadable or oversized file, a damaged .docx or one that would expand past the limits,
    and a document without text.
    """
    suffix = path.suffix.lower()
    if suffix not in {".txt", ".md", ".docx"}:
        shown = f"'{path.suffix}'" if path.suffix else "(no extension)"
        raise InputFileError(path, f"unsupported file type {shown} (Guiji imports .txt, .docx and .md)",
                             code="file.unsupported_type", params={"suffix": path.suffix})
    data = _read_bytes(path)
    if suffix == ".docx":
        text = _docx_text(data, path)
        if not text.strip():
            raise InputFileError(path, "the document contains no text", code="file.empty")
        return ReadDocument(text, "utf-8", "docx")
    text, encoding = decode_bytes(data, path)
    return ReadDocument(text, encoding, suffix[1:])


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            # Ask for the file's size, not the limit: read(limit) reserves a buffer of the limit's size.
            size = os.fstat(f.fileno()).st_size
            data = f.read(min(size, MAX_FILE_BYTES) + 1)
    except FileNotFoundError:
        raise InputFileError(path, "the file does not exist", code="file.missing") from None
    except IsADirectoryError:
        raise InputFileError(path, "this is a folder, not a file", code="file.folder") from None
    except PermissionError:
        raise InputFileError(path, "the file cannot be read (permission denied)", code="file.permission") from None
    except OSError as exc:
        raise InputFileError(path, f"the file cannot be read ({exc.strerror or exc})", code="file.unreadable",
                             params={"reason": str(exc.strerror or exc)}) from None
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise InputFileError(path, f"the file is larger than {limit} MB, Guiji's limit for one document",
                             code="file.too_large", params={"limit": limit})
    return data


def _check_archive(data: bytes, path: Path) -> None:
    """Refuse a damaged archive, or one declaring too much data, before python-docx opens it."""
    if data.startswith(_OLE2_MAGIC):
        raise InputFileError(
            path, "this is an old Word .doc file renamed .docx; save it as .docx in Word first",
            code="docx.old_doc",
        )
    if not data.startswith(b"PK"):
        raise InputFileError(
            path, "not a valid .docx file (it is not a zip archive; was another file renamed?)",
            code="docx.not_zip",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise InputFileError(path, _DAMAGED, code="docx.damaged") from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise InputFileError(
            path,
            f"the .docx archive holds {len(infos)} entries, more than the limit of {MAX_ZIP_ENTRIES} "
            "(possibly a zip bomb)",
            code="docx.zip_bomb",
        )
    declared = sum(info.file_size for info in infos)
    if declared > MAX_UNCOMPRESSED_BYTES:
        size, limit = _mb(declared), _mb(MAX_UNCOMPRESSED_BYTES)
        raise InputFileError(
            path,
            f"the .docx would expand to {size} MB, more than the limit of {limit} MB (possibly a zip bomb)",
            code="docx.zip_bomb",
        )
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        raise InputFileError(path, "not a valid .docx file (it is a zip archive but not a Word document)",
                             code="docx.not_word")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("word/document.xml") as part:
            prolog = part.read(_PROLOG_BYTES)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError):
        # RuntimeError: an encrypted entry; NotImplementedError: an unknown compression method.
        raise InputFileError(path, _DAMAGED, code="docx.damaged") from None
    if _declares_dtd(prolog):
        raise InputFileError(path, _DTD, code="docx.dtd")


def _declares_dtd(prolog: bytes) -> bool:
    """True when an XML part's first bytes hold ``<!DOCTYPE`` (in UTF-8 or UTF-16)."""
    return any(
        "<!DOCTYPE".encode(codec) in prolog for codec in ("utf-8", "utf-16-le", "utf-16-be")
    )


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):,.0f}"


def _docx_text(data: bytes, path: Path) -> str:
    _check_archive(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, etree.XMLSyntaxError):
        raise InputFileError(path, _DAMAGED, code="docx.damaged") from None
    except ValueError:
        # python-docx: the main part is not a Word document (e.g. a .docm or a template).
        raise InputFileError(path, "not a valid .docx file (it is not a Word document)",
                             code="docx.not_word") from None
    except Exception as exc:  # python-docx's own errors have no common base we can rely on
        raise InputFileError(path, f"{_DAMAGED}: {exc}", code="docx.damaged") from None
    if document.element.getroottree().docinfo.doctype:  # a DTD past the first 64 KB
        raise InputFileError(path, _DTD, code="docx.dtd")
    lines = list(_block_lines(document.element.body))
    return normalise("\n".join(lines))


def _block_lines(container: Any) -> Iterator[str]:
    """Yield one line per paragraph and per table row of a body (or cell), in reading order."""
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            yield _paragraph_text(child)
        elif child.tag == f"{_W}tbl":
            for row in child.iterchildren(f"{_W}tr"):
                yield "\t".join(_cell_text(cell) for cell in _row_cells(row))
        elif child.tag == f"{_W}sdt":
            # A content control wraps ordinary paragraphs and tables.
            for content in child.iterchildren(f"{_W}sdtContent"):
                yield from _block_lines(content)


def _row_cells(row: Any) -> Iterator[Any]:
    """The row's own ``w:tc`` cells (python-docx's ``row.cells`` would repeat merged ones)."""
    for cell in row.iterchildren(f"{_W}tc", f"{_W}sdt"):
        if cell.tag == f"{_W}sdt":
            for content in cell.iterchildren(f"{_W}sdtContent"):
                yield from content.iterchildren(f"{_W}tc")
        else:
            yield cell


def _cell_text(cell: Any) -> str:
    # A cell's paragraphs, and the rows of a table nested in it, join with spaces so that a
    # table row stays one line.
    parts = (line.replace("\t", " ").strip() for line in _block_lines(cell))
    return " ".join(part for part in parts if part)


# Runs directly in the paragraph or inside links, tracked insertions, fields and content
# controls; deleted runs (w:del) and text boxes (inside a run's drawing) are left out.
_RUNS = " | ".join(
    f"{parent}w:r"
    for parent in (
        "",
        "w:hyperlink/",
        "w:ins/",
        "w:smartTag/",
        "w:fldSimple/",
        "w:customXml/",
        "w:sdt/w:sdtContent/",
    )
)


def _paragraph_text(p: Any) -> str:
    # python-docx's CT_R.text maps w:tab to \t and w:br/w:cr to \n.
    return "".join(str(run.text) for run in p.xpath(_RUNS))

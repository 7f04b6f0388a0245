"""A .qdpx is untrusted input: hostile or broken files are refused with one clear error, nothing is
written outside the target, and no partial project is left behind."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from app.core.errors import GuijiError, InputFileError
from app.core.exchange import import_plan, qdpx_archive
from app.core.exchange.qdpx_import import import_qdpx
from tests.interop.conftest import listing, make_qdpx

G = "{:08d}-0000-4000-8000-000000000000".format
QDE = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="QualCoder 3.5">
  <CodeBook><Codes><Code guid="{G(2)}" name="编码" isCodable="true"/></Codes></CodeBook>
  <Sources><TextSource guid="{G(10)}" name="访谈" plainTextPath="internal://{G(10)}.txt">
    <PlainTextSelection guid="{G(20)}" startPosition="0" endPosition="2">
      <Coding guid="{G(21)}"><CodeRef targetGUID="{G(2)}"/></Coding></PlainTextSelection>
  </TextSource></Sources>
</Project>
"""
TEXT = {f"Sources/{G(10)}.txt": "社区康复".encode()}


def refused(source: Path, target: Path, match: str) -> InputFileError:
    """Import must fail with ``match`` in the message and leave the folders exactly as they were."""
    folder = target.parent
    before, around = listing(folder), listing(folder.parent) if folder.parent != folder else set()
    with pytest.raises(InputFileError, match=match) as info:
        import_qdpx(source, target)
    assert not target.exists()
    assert listing(folder) == before
    assert {p for p in listing(folder.parent) if "/" not in p} == {p for p in around if "/" not in p}
    assert source.name in str(info.value)  # the error names the file
    return info.value


def test_a_sound_file_imports(tmp_path: Path) -> None:
    report = import_qdpx(make_qdpx(tmp_path / "ok.qdpx", QDE, TEXT), tmp_path / "ok.guiji")
    assert report.count("codings") == 1


@pytest.mark.parametrize("entry", ["../evil.txt", "Sources/../../evil.txt", "/tmp/evil.txt", "C:/evil.txt",
                                   "..\\evil.txt"])
def test_zip_slip_entry_is_refused(tmp_path: Path, entry: str) -> None:
    source = make_qdpx(tmp_path / "slip.qdpx", QDE, {**TEXT, entry: b"pwned"})
    error = refused(source, tmp_path / "slip.guiji", "zip-slip")
    assert entry in str(error)
    assert not (tmp_path.parent / "evil.txt").exists()
    assert not Path("/tmp/evil.txt").exists()


BOMB = """<?xml version="1.0"?>
<!DOCTYPE Project [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&f;"/>
"""


def test_entity_bomb_is_refused(tmp_path: Path) -> None:
    refused(make_qdpx(tmp_path / "bomb.qdpx", BOMB, TEXT), tmp_path / "bomb.guiji", "DOCTYPE")


@pytest.mark.parametrize("prolog", [
    '<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!-- a comment first --><!DOCTYPE Project SYSTEM "http://example.invalid/evil.dtd">',
    '<!DOCTYPE Project [<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote;]>',
])
def test_external_entities_are_refused(tmp_path: Path, prolog: str) -> None:
    qde = f'<?xml version="1.0"?>{prolog}<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>'
    refused(make_qdpx(tmp_path / "xxe.qdpx", qde, TEXT), tmp_path / "xxe.guiji", "DOCTYPE")


def declaring_zip(path: Path, declared: int) -> Path:
    """A real zip whose second entry is 10 bytes but declares ``declared`` bytes (zip64 extra field)."""
    entries = [("project.qde", QDE.encode(), None), (f"Sources/{G(10)}.txt", b"x" * 10, declared)]
    out, central = bytearray(), bytearray()
    for name, data, lie in entries:
        offset, crc, fname = len(out), zlib.crc32(data), name.encode()
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 0, 0, 0, crc, len(data), len(data),
                           len(fname), 0)
        out += fname + data
        extra = struct.pack("<HHQ", 1, 8, lie) if lie else b""
        size = 0xFFFFFFFF if lie else len(data)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 0, 0, 0, crc, len(data), size,
                               len(fname), len(extra), 0, 0, 0, 0, offset)
        central += fname + extra
    start = len(out)
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 2, 2, len(central), start, 0)
    path.write_bytes(bytes(out))
    return path


def test_zip_declaring_10_gb_is_refused(tmp_path: Path) -> None:
    source = declaring_zip(tmp_path / "bomb.qdpx", 10 * 2**30)
    with zipfile.ZipFile(source) as archive:  # the declaration is what a zip reader sees
        assert sum(i.file_size for i in archive.infolist()) > 10 * 2**30
    refused(source, tmp_path / "bomb.guiji", "declares 10.0 GB")


def test_truncated_zip_is_refused(tmp_path: Path) -> None:
    whole = make_qdpx(tmp_path / "whole.qdpx", QDE, TEXT).read_bytes()
    source = tmp_path / "cut.qdpx"
    source.write_bytes(whole[: len(whole) // 2])
    (tmp_path / "whole.qdpx").unlink()
    refused(source, tmp_path / "cut.guiji", "damaged or truncated")


def test_damaged_entry_is_refused(tmp_path: Path) -> None:
    source = make_qdpx(tmp_path / "bad.qdpx", QDE, TEXT)
    data = bytearray(source.read_bytes())
    at = data.index(b"project.qde") + len("project.qde") + 20  # inside its compressed bytes
    data[at:at + 8] = b"\xff" * 8
    source.write_bytes(bytes(data))
    refused(source, tmp_path / "bad.guiji", "damaged")


def test_too_many_entries_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qdpx_archive, "MAX_ENTRIES", 5)
    source = make_qdpx(tmp_path / "many.qdpx", QDE, {**TEXT, **{f"Sources/{i}.txt": b"x" for i in range(10)}})
    refused(source, tmp_path / "many.guiji", "entries")


def test_an_entry_past_its_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.core.exchange.qdpx_import.MAX_SOURCE_BYTES", 1000)
    source = make_qdpx(tmp_path / "big.qdpx", QDE, {f"Sources/{G(10)}.txt": "社区".encode() * 1000})
    refused(source, tmp_path / "big.guiji", "limit")


def test_not_a_zip_and_not_a_project(tmp_path: Path) -> None:
    (tmp_path / "x.qdpx").write_text("hello", encoding="utf-8")
    refused(tmp_path / "x.qdpx", tmp_path / "x.guiji", "not a valid .qdpx")
    refused(make_qdpx(tmp_path / "y.qdpx", "<CodeBook/>", qde_name="codes.xml"), tmp_path / "y.guiji",
            "no project.qde")
    refused(make_qdpx(tmp_path / "z.qdpx", "<Project"), tmp_path / "z.guiji", "not well-formed")


def test_a_failure_while_writing_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = make_qdpx(tmp_path / "ok.qdpx", QDE, TEXT)
    real = import_plan._write

    def broken(session: object, plan: object, progress: object) -> dict[str, int]:
        real(session, plan, progress)  # type: ignore[arg-type]
        raise GuijiError("disk full (simulated)")

    monkeypatch.setattr(import_plan, "_write", broken)
    before = listing(tmp_path)
    with pytest.raises(GuijiError, match="simulated"):
        import_qdpx(source, tmp_path / "new.guiji")
    assert listing(tmp_path) == before

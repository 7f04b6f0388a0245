"""Position conventions of REFI-QDA files: code points (the standard) and NVivo's UTF-16 units with
CRLF counted as 2, converted to Guiji's code points of the stored text; detection per project."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.core import coding
from app.core.exchange.qdpx_import import import_qdpx
from app.core.exchange.refi_positions import SourceText, detect_reading
from app.core.project import open_project
from tests.interop.conftest import make_qdpx

G = "{:08d}-0000-4000-8000-000000000000".format
# A Chinese transcript with CJK Extension B (𠮷) and emoji (😀) before and inside the coded lines.
LINES = ["访谈者：您好𠮷😀！请谈谈项目。", "受访者：我们一起做增权赋能的工作😀。", "访谈者：还有呢？𠮷",
         "受访者：互助合作。"]
STORED = "\n".join(LINES) + "\n"
RAW = STORED.replace("\n", "\r\n")  # as NVivo writes it (after its BOM)


def utf16(text: str) -> int:
    """Independent reference: how many UTF-16 units ``text`` takes."""
    return len(text.encode("utf-16-le")) // 2


def nvivo_position(stored_cp: int) -> int:
    """Where NVivo puts stored code point ``stored_cp``: UTF-16 units over the CRLF text."""
    prefix = STORED[:stored_cp].replace("\n", "\r\n")
    return utf16(prefix)


def test_each_reading_maps_to_the_stored_code_points() -> None:
    text = SourceText(RAW)
    assert text.stored == STORED
    target = STORED.index("增权赋能")
    raw_cp = RAW.index("增权赋能")
    assert text.mapper("standard")(raw_cp) == target
    assert text.mapper("nvivo")(nvivo_position(target)) == target
    assert text.mapper("cp-lf")(target) == target
    assert text.mapper("utf16-lf")(utf16(STORED[:target])) == target
    # Beyond the end is None, not an exception.
    assert text.mapper("nvivo")(utf16(RAW) + 1) is None
    assert text.mapper("standard")(len(RAW)) == len(STORED)


@given(st.lists(st.sampled_from(["中", "a", "𠮷", "😀", "\r\n", "\n", "，"]), min_size=1, max_size=60),
       st.data())
def test_nvivo_reading_inverts_utf16_with_crlf(parts: list[str], data: st.DataObject) -> None:
    raw = "".join(parts)
    text = SourceText(raw)
    stored_cp = data.draw(st.integers(0, len(text.stored)))
    # Independent: the raw prefix that normalises to the stored prefix, counted in UTF-16 units.
    raw_prefix, seen = "", 0
    i = 0
    while seen < stored_cp:
        step = 2 if raw.startswith("\r\n", i) else 1
        raw_prefix += raw[i:i + step]
        i += step
        seen += 1
    assert text.mapper("nvivo")(utf16(raw_prefix)) == stored_cp
    assert text.mapper("standard")(len(raw_prefix)) == stored_cp


def _qdpx(tmp_path: Path, origin: str, positions: list[tuple[int, int]], raw: bytes) -> Path:
    selections = "".join(
        f'<PlainTextSelection guid="{G(100 + i)}" startPosition="{s}" endPosition="{e}">'
        f'<Coding guid="{G(200 + i)}"><CodeRef targetGUID="{G(2)}"/></Coding></PlainTextSelection>'
        for i, (s, e) in enumerate(positions))
    origin_attr = f' origin="{origin}"' if origin else ""
    qde = f"""<Project xmlns="urn:QDA-XML:project:1.0" name="p"{origin_attr}>
      <CodeBook><Codes><Code guid="{G(2)}" name="编码" isCodable="true"/></Codes></CodeBook>
      <Sources><TextSource guid="{G(10)}" name="访谈" plainTextPath="internal://{G(10)}.txt">{selections}
      </TextSource></Sources></Project>"""
    return make_qdpx(tmp_path / f"{origin or 'none'}.qdpx", qde, {f"Sources/{G(10)}.txt": raw})


QUOTES = ["受访者：我们一起做增权赋能的工作😀。", "访谈者：还有呢？𠮷", "增权赋能的工作😀", "𠮷"]


def _spans() -> list[tuple[int, int]]:
    out = []
    for quote in QUOTES:
        start = STORED.index(quote)
        out.append((start, start + len(quote)))
    return out


def _imported(path: Path) -> list[str]:
    with open_project(path, read_only=True) as project:
        return sorted(c.text for c in coding.list_codings(project))


def test_utf16_conversion_with_supplementary_characters_in_chinese(tmp_path: Path) -> None:
    """NVivo: BOM (not counted), CRLF (2 units), 𠮷 and 😀 (2 units each): the coded text comes out right."""
    positions = [(nvivo_position(s), nvivo_position(e)) for s, e in _spans()]
    assert positions != _spans()  # the conventions really differ here
    source = _qdpx(tmp_path, "NVivo for Windows 14", positions, b"\xef\xbb\xbf" + RAW.encode("utf-8"))
    report = import_qdpx(source, tmp_path / "nvivo.guiji")
    assert "UTF-16" in report.positions
    assert _imported(tmp_path / "nvivo.guiji") == sorted(QUOTES)


def test_standard_code_points_with_the_same_text(tmp_path: Path) -> None:
    def raw(cp: int) -> int:
        return len(STORED[:cp].replace("\n", "\r\n"))

    positions = [(raw(s), raw(e)) for s, e in _spans()]
    source = _qdpx(tmp_path, "MAXQDA 2022", positions, RAW.encode("utf-8"))
    report = import_qdpx(source, tmp_path / "maxqda.guiji")
    assert report.positions.startswith("code points")
    assert _imported(tmp_path / "maxqda.guiji") == sorted(QUOTES)


def test_selections_that_line_up_outweigh_a_wrong_origin(tmp_path: Path) -> None:
    whole_lines = [(STORED.index(line), STORED.index(line) + len(line)) for line in LINES]
    positions = [(nvivo_position(s), nvivo_position(e)) for s, e in whole_lines]
    source = _qdpx(tmp_path, "Some QDA 1.0 (ATLAS.ti engine)", positions, RAW.encode("utf-8"))
    report = import_qdpx(source, tmp_path / "lines.guiji")
    assert "UTF-16" in report.positions
    assert "line boundaries" in report.positions
    assert _imported(tmp_path / "lines.guiji") == sorted(LINES)


def test_ambiguity_is_reported(tmp_path: Path) -> None:
    mid_line = [(STORED.index(q), STORED.index(q) + 4) for q in ("增权", "您好")]
    source = _qdpx(tmp_path, "", mid_line, STORED.encode("utf-8"))
    report = import_qdpx(source, tmp_path / "amb.guiji")
    assert any("ambiguous" in note for note in report.notes)
    assert report.positions.startswith("code points")  # the standard, when nothing says otherwise
    assert _imported(tmp_path / "amb.guiji") == sorted(["增权赋能", "您好𠮷😀"])


def test_no_conversion_question_without_astral_characters_or_crlf() -> None:
    text = SourceText("第一行\n第二行\n")
    detection = detect_reading("", [(text, 0, 3), (text, 4, 6)])
    assert detection.reading == "standard"
    assert not detection.ambiguous

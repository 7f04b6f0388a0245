"""Word documents for Chinese papers: fonts Word shows, landscape pages, three-line and grid tables.

Word picks the font of Chinese characters from ``w:rFonts/@w:eastAsia``; python-docx's
``font.name`` sets only the Latin ones, and the built-in heading styles point at theme fonts that
override both. So every style and run used here gets explicit ascii/hAnsi/eastAsia fonts and loses
its theme references: body text 宋体 with Times New Roman, headings and table headers 黑体.
Tables follow Chinese journals: the three-line table (三线表: a heavy rule above and below, a thin
one under the header, no vertical rules) for results; a light grid for the codebook appendix.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell

SONG = "宋体"
HEI = "黑体"
LATIN = "Times New Roman"
BODY_PT = 10.5  # 五号
TABLE_PT = 9  # 小五


def set_fonts(element_rpr_owner: Any, east_asia: str, latin: str = LATIN) -> None:
    """Give a style's or run's ``rPr`` explicit fonts (Latin and East Asian), dropping theme fonts."""
    rpr = element_rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def new_document(*, landscape: bool = False) -> DocumentObject:
    """An A4 document whose styles show Chinese in 宋体/黑体, East Asian language zh-CN."""
    doc = Document()
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    set_fonts(normal.element, SONG)
    rpr = normal.element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")
    for name, size in (("Title", 16), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 10.5)):
        style = styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        set_fonts(style.element, HEI)
    styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin = section.bottom_margin = Cm(2.2)
    if landscape:
        set_landscape(doc)
    return doc


def set_landscape(doc: DocumentObject) -> None:
    """Turn every section of ``doc`` to landscape."""
    for section in doc.sections:
        if section.orientation != WD_ORIENT.LANDSCAPE:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width


def text_width_cm(doc: DocumentObject) -> float:
    """The width between the margins of the first section."""
    section = doc.sections[0]
    width = int(section.page_width or 0) - int(section.left_margin or 0) - int(section.right_margin or 0)
    return float(width) / 360000


def add_caption(doc: DocumentObject, text: str) -> None:
    """A table caption above the table: centred, 黑体, like 表1 ……."""
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(8)
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(BODY_PT)
    set_fonts(run._r, HEI)


def add_note(doc: DocumentObject, text: str) -> None:
    """A note under a table (注：……), small type."""
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(text)
    run.font.size = Pt(TABLE_PT)


def write_cell(
    cell: _Cell,
    text: str,
    *,
    bold: bool = False,
    header: bool = False,
    color: str | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent_cm: float = 0.0,
    bold_first: bool = False,
) -> None:
    """Replace a cell's text (new lines become paragraphs); ``color`` draws a swatch before it."""
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    first = cell.paragraphs[0]._p
    for child in list(first):
        if child.tag != qn("w:pPr"):
            first.remove(child)
    lines = text.split("\n") if text else [""]
    for i, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = 1.15
        if indent_cm:
            paragraph.paragraph_format.left_indent = Cm(indent_cm)
        if align is not None:
            paragraph.alignment = align
        if i == 0 and color:
            swatch = paragraph.add_run("■ ")
            swatch.font.color.rgb = RGBColor.from_string(color.lstrip("#").upper())
            swatch.font.size = Pt(TABLE_PT)
        run = paragraph.add_run(line)
        run.font.size = Pt(TABLE_PT)
        run.bold = bold or header or (bold_first and i == 0)
        set_fonts(run._r, HEI if header else SONG)


def _borders(element: Any, tag: str, sides: dict[str, tuple[str, int]]) -> None:
    pr = element  # a tblPr or tcPr
    borders = pr.find(qn(tag))
    if borders is None:
        borders = OxmlElement(tag)
        # The schema orders these children: borders come before shading, layout, margins and look.
        later = [
            pr.find(qn(t))
            for t in (
                "w:shd",
                "w:tblLayout",
                "w:tblCellMar",
                "w:tblLook",
                "w:noWrap",
                "w:tcMar",
                "w:vAlign",
            )
        ]
        anchor = next((node for node in later if node is not None), None)
        if anchor is None:
            pr.append(borders)
        else:
            anchor.addprevious(borders)
    for side, (style, size) in sides.items():
        node = borders.find(qn(f"w:{side}"))
        if node is None:
            node = OxmlElement(f"w:{side}")
            borders.append(node)
        node.set(qn("w:val"), style)
        node.set(qn("w:sz"), str(size))
        node.set(qn("w:space"), "0")
        node.set(qn("w:color"), "000000" if style != "nil" else "auto")


def shade(cell: _Cell, fill: str) -> None:
    """Background colour of a cell (RRGGBB)."""
    tcpr = cell._tc.get_or_add_tcPr()
    node = OxmlElement("w:shd")
    node.set(qn("w:val"), "clear")
    node.set(qn("w:color"), "auto")
    node.set(qn("w:fill"), fill)
    tcpr.append(node)


def add_table(
    doc: DocumentObject, header: Sequence[str], widths_cm: Sequence[float], *, three_line: bool = True
) -> Table:
    """A table with a header row repeated on every page; three-line or light-grid borders."""
    table: Table = doc.add_table(rows=1, cols=len(header))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tblpr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    look = tblpr.find(qn("w:tblLook"))
    if look is None:
        tblpr.append(layout)
    else:
        look.addprevious(layout)
    if three_line:
        _borders(
            tblpr,
            "w:tblBorders",
            {
                "top": ("single", 12),
                "bottom": ("single", 12),
                "left": ("nil", 0),
                "right": ("nil", 0),
                "insideH": ("nil", 0),
                "insideV": ("nil", 0),
            },
        )
    else:
        _borders(
            tblpr,
            "w:tblBorders",
            {
                "top": ("single", 8),
                "bottom": ("single", 8),
                "left": ("nil", 0),
                "right": ("nil", 0),
                "insideH": ("single", 2),
                "insideV": ("nil", 0),
            },
        )
    row = table.rows[0]
    trpr = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    trpr.append(repeat)
    for cell, text in zip(row.cells, header, strict=True):
        write_cell(cell, text, header=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        _borders(cell._tc.get_or_add_tcPr(), "w:tcBorders", {"bottom": ("single", 6)})
        if not three_line:
            shade(cell, "E7E6E6")
    set_widths(table, widths_cm)
    return table


def set_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Fix the column widths (Word reads the cell widths, LibreOffice the grid)."""
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def add_row(table: Table, values: Sequence[str], widths_cm: Sequence[float]) -> list[_Cell]:
    """Append a row of plain text cells; returns its cells for further styling."""
    cells = table.add_row().cells  # type: ignore[no-untyped-call]
    for cell, value, width in zip(cells, values, widths_cm, strict=True):
        cell.width = Cm(width)
        write_cell(cell, value)
    return list(cells)


def keep_row_together(table: Table) -> None:
    """Rows do not split across pages (long definitions stay readable)."""
    for row in table.rows:
        trpr = row._tr.get_or_add_trPr()
        node = OxmlElement("w:cantSplit")
        node.set(qn("w:val"), "true")
        trpr.insert(0, node)  # before w:tblHeader, as the schema orders them

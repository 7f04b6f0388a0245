"""The codebook as a Word appendix: one table per top-level code (dimension).

Columns are the fields the codebook actually fills (an empty column is left out); with more than
four columns the pages turn landscape. Each dimension's table starts with the dimension itself
(shaded), then its codes in tree order, indented by depth, each with a swatch of its colour.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.shared import Pt

from app.core.exchange.codebook_model import FIELD_LABELS, Codebook, CodebookEntry
from app.core.exchange.docx_style import (
    add_caption,
    add_note,
    add_table,
    keep_row_together,
    new_document,
    set_widths,
    shade,
    text_width_cm,
    write_cell,
)

# Candidate columns: (key, relative width). "definition" joins the short and the full definition.
_CANDIDATES = (
    ("name", 3.0),
    ("level", 1.3),
    ("definition", 6.0),
    ("when_to_use", 3.6),
    ("when_not_to_use", 3.6),
    ("example", 3.4),
    ("keywords", 3.0),
)
_HEADERS = {
    "name": "编码",
    "level": "层级",
    "definition": "定义",
    "when_to_use": "适用情形",
    "when_not_to_use": "不适用情形",
    "example": "典型例子",
    "keywords": "关键词",
}
_HEADERS_EN = {
    "name": "Code",
    "level": "Level",
    "definition": "Definition",
    "when_to_use": "When to use",
    "when_not_to_use": "When not to use",
    "example": "Example",
    "keywords": "Keywords",
}
LANDSCAPE_ABOVE = 4


def _value(codebook: Codebook, entry: CodebookEntry, key: str) -> str:
    if key == "definition":
        short, full = entry.text("short_definition"), entry.text("description")
        return "\n".join(v for v in (short, full) if v)
    if key == "level":
        if not entry.text("level"):
            return ""
        zh, en = codebook.level_label(entry.text("level")), codebook.level_label(entry.text("level"), True)
        return {"en": en, "both": f"{zh}\n{en}"}.get(codebook.lang or "", zh)
    return entry.text(key)


def _english_name(entry: CodebookEntry) -> str:
    """A code's English name: its first ASCII keyword (templates keep it there), else ''."""
    return next((k for k in entry.fields.get("keywords", ()) if k.isascii()), "")


def _texts(codebook: Codebook, dimensions: int) -> dict[str, str]:
    """The appendix's fixed texts in the export language (``both``: Chinese, then English on its own line)."""
    n = len(codebook.entries)
    zh_levels = "、".join(lv.label for lv in codebook.levels)
    en_levels = ", ".join(lv.english or lv.label for lv in codebook.levels)
    zh = {
        "title": f"附录　编码簿：{codebook.title}",
        "intro": f"本编码簿共有 {n} 个编码，分属 {dimensions} 个一级编码（维度）。编码层级：{zh_levels}。"
                 "每个维度一张表，表中先列维度本身，再按树的顺序列出其下各级编码。",
        "note": "注：适用情形、不适用情形和典型例子用于统一编码员的判断。由轨迹导出。",
    }
    en = {
        "title": f"Appendix: Codebook of {codebook.title}",
        "intro": f"This codebook has {n} codes in {dimensions} top-level codes (dimensions). Code levels: "
                 f"{en_levels}. Each dimension has a table that lists the dimension first, then the codes "
                 "below it in tree order.",
        "note": "Note: when to use, when not to use and the example keep coders' judgements consistent. "
                "Exported by Guiji.",
    }
    if codebook.lang == "en":
        return en
    if codebook.lang == "both":
        return {key: f"{zh[key]}\n{en[key]}" for key in zh}
    return zh


def chosen_columns(codebook: Codebook) -> list[tuple[str, float]]:
    """The columns the appendix prints: the name, and every other column some code fills."""
    out = []
    for key, width in _CANDIDATES:
        if key == "name" or any(_value(codebook, e, key) for e in codebook.entries):
            out.append((key, width))
    return out


def _dimension_table(doc: Any, codebook: Codebook, members: list[CodebookEntry], columns: list[tuple[str, float]],
                     header: list[str], widths: list[float]) -> None:
    """One dimension's table: the dimension (shaded), then its codes indented by depth, each with its colour.
    In a bilingual codebook a code's English name (its first ASCII keyword) goes on a second line."""
    table = add_table(doc, header, widths, three_line=False)
    for entry in members:
        cells = table.add_row().cells  # type: ignore[no-untyped-call]
        depth = len(entry.names) - 1
        for cell, (key, _w) in zip(cells, columns, strict=True):
            if key == "name":
                name = entry.name
                if codebook.lang == "both" and _english_name(entry):
                    name = f"{entry.name}\n{_english_name(entry)}"
                write_cell(cell, name, bold=depth == 0, color=entry.color, indent_cm=0.35 * depth)
            else:
                short_first = key == "definition" and bool(entry.text("short_definition"))
                write_cell(cell, _value(codebook, entry, key), bold_first=short_first)
            if depth == 0:
                shade(cell, "F2F2F2")
    keep_row_together(table)
    set_widths(table, widths)


def write_codebook_docx(codebook: Codebook, out: Path) -> None:
    """Write the appendix to ``out``."""
    if codebook.lang is not None:
        _write_in_language(codebook, out)
        return
    columns = chosen_columns(codebook)
    doc = new_document(landscape=len(columns) > LANDSCAPE_ABOVE)
    doc.add_paragraph(f"附录　编码簿：{codebook.title}", style="Title")
    dimensions = codebook.children(None)
    levels = "、".join(f"{lv.label}（{lv.english}）" for lv in codebook.levels)
    intro = doc.add_paragraph(
        f"本编码簿共有 {len(codebook.entries)} 个编码，分属 {len(dimensions)} 个一级编码（维度）。"
        f"编码层级：{levels}。每个维度一张表，表中先列维度本身，再按树的顺序列出其下各级编码。"
    )
    intro.paragraph_format.first_line_indent = Pt(21)
    total = text_width_cm(doc)
    weight = sum(w for _k, w in columns)
    widths = [total * w / weight for _k, w in columns]
    header = [_HEADERS[k] for k, _w in columns]
    for number, dimension in enumerate(dimensions, start=1):
        members = [e for e in codebook.entries if e.names[: len(dimension.names)] == dimension.names]
        english = next((k for k in dimension.fields.get("keywords", ()) if k.isascii()), "")
        add_caption(doc, f"表{number}　{dimension.name}" + (f"（{english}）" if english else ""))
        _dimension_table(doc, codebook, members, columns, header, widths)
    add_note(
        doc,
        "注："
        + "；".join(
            f"{FIELD_LABELS[k][0]}（{FIELD_LABELS[k][1]}）"
            for k in ("when_to_use", "when_not_to_use", "example")
        )
        + "用于统一编码员的判断。由轨迹（Guiji）导出。",
    )
    doc.save(str(out))


def _write_in_language(codebook: Codebook, out: Path) -> None:
    """The appendix in one language, or (``both``) with every fixed text in Chinese then English."""
    lang = codebook.lang
    # English level names ("Dimension") need a wider column than two Chinese characters.
    columns = [(k, 2.0 if k == "level" and lang != "zh" else w) for k, w in chosen_columns(codebook)]
    doc = new_document(landscape=len(columns) > LANDSCAPE_ABOVE)
    dimensions = codebook.children(None)
    texts = _texts(codebook, len(dimensions))
    for k, line in enumerate(texts["title"].split("\n")):
        doc.add_paragraph(line, style="Title" if k == 0 else None)
    for line in texts["intro"].split("\n"):
        intro = doc.add_paragraph(line)
        intro.paragraph_format.first_line_indent = Pt(21)
    total = text_width_cm(doc)
    weight = sum(w for _k, w in columns)
    widths = [total * w / weight for _k, w in columns]
    zh_header, en_header = [_HEADERS[k] for k, _w in columns], [_HEADERS_EN[k] for k, _w in columns]
    header = {"en": en_header, "both": [f"{a}\n{b}" for a, b in zip(zh_header, en_header, strict=True)]}.get(
        lang or "", zh_header)
    for number, dimension in enumerate(dimensions, start=1):
        members = [e for e in codebook.entries if e.names[: len(dimension.names)] == dimension.names]
        english = _english_name(dimension)
        zh_caption = f"表{number}　{dimension.name}"
        en_caption = f"Table {number}  {english or dimension.name}"
        for caption in {"en": [en_caption], "both": [zh_caption, en_caption]}.get(lang or "", [zh_caption]):
            add_caption(doc, caption)
        _dimension_table(doc, codebook, members, columns, header, widths)
    for line in texts["note"].split("\n"):
        add_note(doc, line)
    doc.save(str(out))

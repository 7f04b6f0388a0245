"""Write a :class:`PaperTable` as .docx (a three-line table), .xlsx or .csv (UTF-8 with BOM)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from app.core.errors import ValidationError
from app.core.exchange.docx_style import (
    add_caption,
    add_note,
    add_table,
    new_document,
    set_widths,
    text_width_cm,
    write_cell,
)
from app.core.fsutil import atomic_path

LANDSCAPE_ABOVE = 6  # columns


@dataclass(frozen=True)
class PaperTable:
    """A table for a paper: caption, header, rows of text, and how to lay it out."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # relative column widths
    note: str = ""
    merge_columns: tuple[int, ...] = ()  # equal neighbouring cells here merge (docx) — group labels
    numeric_columns: tuple[int, ...] = field(default=())  # centred in docx, numbers in xlsx
    bold_rows: tuple[int, ...] = ()  # e.g. top-level codes


def write_docx(table: PaperTable, out: Path) -> None:
    """A three-line table under its caption; landscape when it has many columns."""
    doc = new_document(landscape=len(table.header) > LANDSCAPE_ABOVE)
    for line in table.title.split("\n"):  # a bilingual caption: one line per language
        add_caption(doc, line)
    total = text_width_cm(doc)
    weight = sum(table.widths)
    widths = [total * w / weight for w in table.widths]
    grid = add_table(doc, table.header, widths, three_line=True)
    for number, row in enumerate(table.rows):
        cells = grid.add_row().cells  # type: ignore[no-untyped-call]
        for index, (cell, value) in enumerate(zip(cells, row, strict=True)):
            align = WD_ALIGN_PARAGRAPH.CENTER if index in table.numeric_columns else None
            write_cell(cell, value, align=align, bold=number in table.bold_rows)
    for position in range(len(table.merge_columns)):
        _merge_runs(grid, table, position)
    set_widths(grid, widths)
    if table.note:
        add_note(doc, table.note)
    doc.save(str(out))


def _merge_runs(grid: Any, table: PaperTable, position: int) -> None:
    """Merge equal neighbouring cells of a merge column, never across a group of an earlier one."""
    column = table.merge_columns[position]
    keys = [tuple(row[c] for c in table.merge_columns[: position + 1]) for row in table.rows]
    start = 0
    while start < len(keys):
        end = start + 1
        while end < len(keys) and keys[end] == keys[start] and table.rows[start][column]:
            end += 1
        if end - start > 1:
            merged = grid.rows[start + 1].cells[column].merge(grid.rows[end].cells[column])
            write_cell(merged, table.rows[start][column])
        start = end


def write_xlsx(table: PaperTable, out: Path) -> None:
    """One sheet: caption in the first row, bold header with rules, numbers as numbers."""
    wb = Workbook()
    ws = wb.active
    # A sheet name is one line of at most 31 characters without / : (a bilingual title: its first line).
    ws.title = table.title.split("\n")[0][:31].replace("/", "／").replace(":", "：") or "Table"
    ws.append([table.title])
    ws.cell(row=1, column=1).font = Font(name="Microsoft YaHei", bold=True, size=12)
    ws.append(list(table.header))
    rule = Side(style="medium", color="000000")
    thin = Side(style="thin", color="000000")
    for cell in ws[2]:
        cell.font = Font(name="Microsoft YaHei", bold=True)
        cell.border = Border(top=rule, bottom=thin)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in table.rows:
        values: list[object] = []
        for index, value in enumerate(row):
            if index in table.numeric_columns and value.lstrip("-").isdigit():
                values.append(int(value))
            else:
                values.append(value)
        ws.append(values)
    last = ws.max_row
    for r in range(3, last + 1):
        for cell in ws[r]:
            cell.font = Font(name="Microsoft YaHei", bold=(r - 3) in table.bold_rows)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if r == last:
                cell.border = Border(bottom=rule)
    weight = sum(table.widths)
    for index, width in enumerate(table.widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = max(8.0, 110 * width / weight)
    ws.freeze_panes = "A3"
    if table.note:
        ws.append([])
        ws.append([table.note])
    wb.save(out)


def write_csv(table: PaperTable, out: Path) -> None:
    """The header and rows (no caption), UTF-8 with a BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.header)
    writer.writerows(table.rows)
    out.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def write_table(table: PaperTable, out: str | Path, allowed: tuple[str, ...] = (".docx", ".xlsx")) -> Path:
    """Write ``table`` in the format of ``out``'s extension (one of ``allowed``), all or nothing."""
    out = Path(out)
    writers: dict[str, Callable[[PaperTable, Path], None]] = {
        ".docx": write_docx, ".xlsx": write_xlsx, ".csv": write_csv,
    }
    suffix = out.suffix.lower()
    if suffix not in allowed:
        raise ValidationError(f"{out.name}: cannot write this table as '{suffix or 'no extension'}' "
                              f"(use {' or '.join(allowed)})", code="export.suffix",
                              params={"file": out.name, "allowed": ", ".join(allowed)})
    if not out.parent.is_dir():
        raise ValidationError(f"{out.name}: the folder {out.parent} does not exist", code="file.no_folder",
                              params={"file": out.name, "folder": str(out.parent)})
    try:
        with atomic_path(out) as tmp:
            writers[suffix](table, tmp)
    except OSError as exc:
        raise ValidationError(f"{out.name}: cannot be written ({exc.strerror or exc})", code="file.unwritable",
                              params={"file": out.name, "reason": str(exc.strerror or exc)}) from exc
    return out

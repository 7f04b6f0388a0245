"""Codebooks as spreadsheets (.xlsx, .csv) and Markdown.

The spreadsheet layout follows MAXQDA's "import codes and memos from an Excel table": a ``Code``
column whose subcodes are separated by ``\\`` (or ``>``), and a ``Memo`` column, which holds the
definition. Guiji's other fields follow in columns of their own, headed in Chinese and English;
levels are written as their keys (``dimension``, ``concept`` …) so that they survive a round trip.
Reading accepts the headers in either language (or MAXQDA's two alone), in any order. A CSV is
written as UTF-8 with a BOM (Excel then opens Chinese correctly) and read as UTF-8, else GB18030
(what Excel on a Chinese Windows saves).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from app.core.errors import InputFileError
from app.core.exchange.codebook_model import FIELD_LABELS, Codebook, CodebookEntry, with_parents

MAX_SHEET_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ROWS = 100_000
_PATH_SPLIT = re.compile(r"\s*(?:\\|>)\s*")
_COLOR = re.compile(r"^#?([0-9A-Fa-f]{6})$")

# (field, header) in column order; "Code" and "Memo" are the words MAXQDA looks for.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("path", "Code"),
    ("description", "Memo"),
    *(
        (key, f"{FIELD_LABELS[key][0]} {FIELD_LABELS[key][1]}")
        for key in (
            "color",
            "level",
            "short_definition",
            "when_to_use",
            "when_not_to_use",
            "example",
            "keywords",
        )
    ),
)
_ALIASES: dict[str, str] = {
    "code": "path",
    "codes": "path",
    "memo": "description",
    "代码": "path",
    "编码": "path",
    "路径": "path",
    "code path": "path",
    "colour": "color",
    "定义": "description",
    "definition": "description",
    "description": "description",
}
for _key, (_zh, _en) in FIELD_LABELS.items():
    if _key not in ("name", "description"):
        for _alias in (_zh, _en, f"{_zh} {_en}"):
            _ALIASES[_alias.casefold()] = _key


def _cell(entry: CodebookEntry, key: str) -> str:
    if key == "path":
        return "\\".join(entry.names)
    if key == "color":
        return entry.color or ""
    return entry.text(key)


def _headers(lang: str) -> list[str]:
    """Column headers in one language; English keeps MAXQDA's "Code" and "Memo"."""
    zh = {"path": "编码", "description": "定义"}
    en = {"path": "Code", "description": "Memo"}
    labels = zh if lang == "zh" else en
    index = 0 if lang == "zh" else 1
    return [labels.get(key) or FIELD_LABELS[key][index] for key, _h in COLUMNS]


def header_rows(lang: str | None) -> list[list[str]]:
    """The header row(s): the original bilingual one, one language, or (``both``) Chinese above English."""
    if lang is None:
        return [[header for _key, header in COLUMNS]]
    if lang == "both":
        return [_headers("zh"), _headers("en")]
    return [_headers(lang)]


def codebook_rows(codebook: Codebook) -> list[list[str]]:
    """The header and one row per code, as the spreadsheet formats write them."""
    rows = header_rows(codebook.lang)
    rows += [[_cell(entry, key) for key, _h in COLUMNS] for entry in codebook.entries]
    return rows


def write_csv(codebook: Codebook, out: Path) -> None:
    """UTF-8 with a BOM and CRLF line ends, as Excel expects."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(codebook_rows(codebook))
    out.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def _wrapped_lines(text: str, width: int) -> int:
    """How many lines ``text`` takes in a column ``width`` units wide (a Chinese character: 2 units)."""
    per_line = max(width - 1, 1)
    return sum(max(1, -(-sum(2 if ord(ch) > 0x2E80 else 1 for ch in part) // per_line))
               for part in text.split("\n"))


def _row_height(cells: tuple[Any, ...], widths: list[int]) -> float:
    """Points for a row whose wrapped cells fit: spreadsheet programs do not grow rows they read."""
    lines = max((_wrapped_lines(str(c.value or ""), w) for c, w in zip(cells, widths, strict=False)), default=1)
    return min(409.0, 16.0 * lines)


def write_xlsx(codebook: Codebook, out: Path) -> None:
    """One sheet: bold shaded header, frozen, filterable; long text wraps; each code's row tinted
    with its colour in the first column."""
    wb = Workbook()
    ws = wb.active
    ws.title = {"zh": "编码簿", "en": "Codebook", "both": "编码簿"}.get(codebook.lang or "", "编码簿 Codebook")
    rows = codebook_rows(codebook)
    heads = len(header_rows(codebook.lang))
    for row in rows:
        ws.append(row)
    thin = Side(style="thin", color="BFBFBF")
    header_font = Font(name="Microsoft YaHei", bold=True, color="FFFFFF")
    for r in range(1, heads + 1):
        for cell in ws[r]:
            cell.font = header_font
            cell.fill = PatternFill("solid", fgColor="44546A")
            cell.alignment = Alignment(vertical="center", wrap_text=True)
    widths = {
        "path": 28,
        "description": 48,
        "color": 10,
        "level": 12,
        "short_definition": 30,
        "when_to_use": 36,
        "when_not_to_use": 36,
        "example": 36,
        "keywords": 24,
    }
    for index, (key, _header) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = widths[key]
    for r, entry in enumerate(codebook.entries, start=heads + 1):
        for cell in ws[r]:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.border = Border(bottom=thin)
            cell.font = Font(name="Microsoft YaHei", bold=len(entry.names) == 1)
        if entry.color:
            ws.cell(row=r, column=3).fill = PatternFill("solid", fgColor=entry.color.lstrip("#"))
        ws.cell(row=r, column=1).alignment = Alignment(
            vertical="top", wrap_text=True, indent=len(entry.names) - 1
        )
    for r in range(1, ws.max_row + 1):
        ws.row_dimensions[r].height = _row_height(ws[r], [widths[key] for key, _h in COLUMNS])
    # Printed (or turned into PDF): landscape, every column on the page width, header repeated.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"1:{heads}"
    ws.freeze_panes = f"B{heads + 1}"
    ws.auto_filter.ref = f"A{heads}:{get_column_letter(len(COLUMNS))}{ws.max_row}"
    wb.save(out)


_MD_FIELDS = ("short_definition", "description", "when_to_use", "when_not_to_use", "example", "keywords")


def _markdown_in(codebook: Codebook, lang: str) -> list[str]:
    """The Markdown codebook in ``zh``, ``en`` or ``both`` (fields as a table: 字段 | Field | 内容)."""
    english = lang == "en"
    lines = [f"# Codebook: {codebook.title}" if english else f"# 编码簿：{codebook.title}", ""]
    if lang == "both":
        lines += [f"*Codebook: {codebook.title}*", ""]
    for entry in codebook.entries:
        depth = len(entry.names)
        level_key = entry.text("level")
        name = entry.path.replace("/", " › ") if depth > 2 else entry.name
        lines += [f"{'#' * min(depth + 1, 6)} {name}", ""]
        rows = []
        if level_key:
            rows.append(("level", codebook.level_label(level_key, english)
                         + ("" if lang != "both" else f" | {codebook.level_label(level_key, True)}")))
        if entry.color:
            rows.append(("color", f"`{entry.color}`"))
        rows += [(key, entry.text(key).replace("\n", "<br>").replace("|", "\\|")) for key in _MD_FIELDS
                 if entry.text(key)]
        if lang == "both":
            lines += ["| 字段 | Field | 内容 |", "| --- | --- | --- |"]
            for key, value in rows:
                if key == "level":
                    zh_level, _sep, en_level = value.partition(" | ")
                    lines.append(f"| {FIELD_LABELS[key][0]} | {FIELD_LABELS[key][1]} | {zh_level} / {en_level} |")
                else:
                    lines.append(f"| {FIELD_LABELS[key][0]} | {FIELD_LABELS[key][1]} | {value} |")
        else:
            colon = ": " if english else "："
            lines += [f"- **{FIELD_LABELS[key][1 if english else 0]}**{colon}{value}" for key, value in rows]
        lines.append("")
    return lines


def write_markdown(codebook: Codebook, out: Path) -> None:
    """One section per top-level code, one subsection per code below it, the fields as a list."""
    if codebook.lang is not None:
        out.write_text("\n".join(_markdown_in(codebook, codebook.lang)), encoding="utf-8")
        return
    lines = [f"# 编码簿 Codebook：{codebook.title}", ""]
    for entry in codebook.entries:
        depth = len(entry.names)
        heading = "#" * min(depth + 1, 6)
        level = f"（{codebook.level_label(entry.text('level'))}）" if entry.text("level") else ""
        lines.append(f"{heading} {entry.path.replace('/', ' › ') if depth > 2 else entry.name}{level}")
        lines.append("")
        if entry.color:
            lines.append(f"- **{FIELD_LABELS['color'][0]}**：`{entry.color}`")
        for key in (
            "short_definition",
            "description",
            "when_to_use",
            "when_not_to_use",
            "example",
            "keywords",
        ):
            value = entry.text(key)
            if value:
                lines.append(f"- **{FIELD_LABELS[key][0]}**：" + value.replace("\n", "<br>"))
        lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")


# --- reading --------------------------------------------------------------------------------------


def _check_size(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_SHEET_BYTES:
            raise InputFileError(path, f"the file is larger than {MAX_SHEET_BYTES // 2**20} MB", code="file.over_limit",
                                 params={"limit": MAX_SHEET_BYTES // 2**20})
        return path.read_bytes()
    except OSError as exc:
        raise InputFileError(path, f"cannot be read ({exc.strerror or exc})",
                             code="file.unreadable", params={"reason": str(exc.strerror or exc)}) from exc


def _rows_from_csv(path: Path, data: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes almost anything
        raise InputFileError(path, "the CSV is neither UTF-8 nor GB18030 text", code="file.encoding")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in csv.reader(io.StringIO(text), dialect)]


def _rows_from_xlsx(path: Path, data: bytes) -> list[list[str]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            declared = sum(i.file_size for i in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise InputFileError(path, "not a valid .xlsx file (it is not a zip archive)",
                             code="xlsx.invalid") from exc
    if declared > MAX_UNCOMPRESSED:
        raise InputFileError(path, "the .xlsx would expand past the size limit (possibly a zip bomb)",
                             code="file.zip_bomb")
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise InputFileError(path, f"not a readable .xlsx file ({type(exc).__name__}: {exc})",
                             code="xlsx.invalid") from exc
    try:
        ws = wb.worksheets[0]
        rows = []
        for row in ws.iter_rows(values_only=True):
            rows.append(["" if v is None else str(v) for v in row])
            if len(rows) > MAX_ROWS:
                raise InputFileError(path, f"more than {MAX_ROWS} rows", code="sheet.too_many_rows",
                                     params={"limit": MAX_ROWS})
        return rows
    finally:
        wb.close()


def _is_header(row: list[str], columns: dict[int, str]) -> bool:
    """True when ``row`` names the same columns as the header (another language's header row)."""
    named = [(i, c) for i, c in enumerate(row) if c.strip()]
    return bool(named) and all(_ALIASES.get(" ".join(c.split()).casefold()) == columns.get(i) for i, c in named)


def read_sheet_codebook(path: Path) -> list[CodebookEntry]:
    """Codes from a .xlsx (first sheet) or .csv in the layout above, parents first."""
    data = _check_size(path)
    rows = _rows_from_xlsx(path, data) if path.suffix.lower() == ".xlsx" else _rows_from_csv(path, data)
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise InputFileError(path, "the table is empty", code="file.empty")
    columns: dict[int, str] = {}
    for index, header in enumerate(rows[0]):
        key = _ALIASES.get(" ".join(header.split()).casefold())
        if key and key not in columns.values():
            columns[index] = key
    if "path" not in columns.values():
        raise InputFileError(path, "no 'Code' column in the first row (the MAXQDA layout: Code, Memo, …)",
                             code="codebook.no_code_column")
    first = 1
    if len(rows) > 1 and _is_header(rows[1], columns):
        first = 2  # a second header row in the other language (a bilingual export)
    entries = []
    for number, row in enumerate(rows[first:], start=first + 1):
        values = {key: (row[i].strip() if i < len(row) else "") for i, key in columns.items()}
        raw_path = values.pop("path")
        if not raw_path:
            continue
        names = tuple(n.strip().replace("/", "／") for n in _PATH_SPLIT.split(raw_path.strip("\\> ")))
        if any(not n for n in names):
            raise InputFileError(path, f"row {number}: the code path {raw_path!r} has an empty part",
                                 code="sheet.empty_part", params={"row": number, "path": raw_path})
        if any(len(n) > 200 for n in names):
            raise InputFileError(path, f"row {number}: a code name is longer than 200 characters",
                                 code="sheet.too_long", params={"row": number})
        color = values.pop("color", "")
        match = _COLOR.match(color)
        if color and not match:
            raise InputFileError(path, f"row {number}: {color!r} is not a colour of the form #RRGGBB",
                                 code="sheet.colour", params={"row": number, "value": color})
        fields: dict[str, str | tuple[str, ...]] = {}
        for key, value in values.items():
            if not value:
                continue
            if key == "keywords":
                fields[key] = tuple(k.strip() for k in re.split(r"[；;、\n]+", value) if k.strip())
            else:
                fields[key] = value.replace("\r\n", "\n")
        entries.append(
            CodebookEntry(names=names, color=f"#{match.group(1).upper()}" if match else None, fields=fields)
        )
    return with_parents(entries)

"""Retrieval of coded passages: OR / AND (overlap) / NOT across codes, filters, export.

- **OR**: every coding of any listed code is a passage; codings of the same document with the same
  range are one passage (listing all their codes and coders).
- **AND**: per document, the ranges covered by codings of *every* listed code: the intersection,
  over the listed codes, of the union of each code's coded ranges. Each resulting range is a
  passage; its codes, coders and coding ids are those of the listed codes' codings that overlap it.
- **NOT**: a passage that overlaps (by at least one character) a coding of any excluded code is
  dropped.
- ``include_children`` counts the codings of a code's descendants as the code's own (for the
  listed and the excluded codes).
- Filters: ``document_ids``; ``case_ids`` (a passage in a whole document of one of the cases, or
  overlapping one of their passages); ``coders`` (only codings by these coders count, for the
  listed and the excluded codes alike); ``stage_ids`` (the passage's effective stage).
- ``text``: only passages whose text contains it, Traditional and Simplified alike unless
  ``fold_scripts`` is off (app.core.variants; 代议 keeps a passage with 代議).
- A passage's stage is the effective stage (app.core.stages) of its range, where the stage set on
  the codings counts when all of its codings have the same one.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import variants
from app.core.cases import case_ranges
from app.core.codebook import code_paths
from app.core.db.models import Code, Coder, Coding, Document, Stage
from app.core.errors import GuijiError, ValidationError
from app.core.fsutil import atomic_path
from app.core.lookup import not_found
from app.core.project import Project
from app.core.stages import effective_stages

Mode = Literal["or", "and"]
CONTEXT_CHARS = 40
EXPORT_HEADERS = ("Document", "Start", "End", "Codes", "Coders", "Stage", "Before", "Text", "After")


@dataclass(frozen=True)
class Passage:
    """A retrieved passage: ``text`` is ``[start, end)`` of the document (code points)."""

    document_id: int
    document: str
    start: int
    end: int
    text: str
    codes: tuple[str, ...]  # code paths, in tree order
    code_ids: tuple[int, ...]
    coders: tuple[str, ...]  # sorted
    stage: str | None
    stage_id: int | None
    coding_ids: tuple[int, ...]
    before: str  # up to context_chars characters before the passage
    after: str  # and after it


@dataclass(frozen=True)
class _Coding:
    id: int
    document_id: int
    code_id: int
    coder: str
    start: int
    end: int
    stage_id: int | None


def merge_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of ranges as sorted, disjoint ranges (touching ranges join)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def intersect_ranges(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The intersection of two sorted, disjoint range lists (non-empty pieces only)."""
    out: list[tuple[int, int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            out.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def _overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(max(start, s) < min(end, e) for s, e in ranges)


def _expand(session: Session, code_ids: Iterable[int], children: bool) -> list[set[int]]:
    parents = dict(session.execute(select(Code.id, Code.parent_id)).all())
    kids: dict[int | None, list[int]] = {}
    for cid, pid in parents.items():
        kids.setdefault(pid, []).append(cid)
    groups = []
    for code_id in code_ids:
        if code_id not in parents:
            raise not_found("code", code_id)
        group = {code_id}
        frontier = [code_id] if children else []
        while frontier:
            frontier = [k for f in frontier for k in kids.get(f, [])]
            group.update(frontier)
        groups.append(group)
    return groups


def retrieve(
    project: Project,
    *,
    codes: Sequence[int],
    mode: Mode = "or",
    exclude: Sequence[int] = (),
    include_children: bool = False,
    document_ids: Iterable[int] | None = None,
    case_ids: Iterable[int] | None = None,
    coders: Iterable[str] | None = None,
    stage_ids: Iterable[int | None] | None = None,
    context_chars: int = CONTEXT_CHARS,
    text: str | None = None,
    fold_scripts: bool = True,
) -> list[Passage]:
    """The passages coded with ``codes`` (see the module docstring), in document and text order."""
    if mode not in ("or", "and"):
        raise ValidationError(f"'{mode}' is not a retrieval mode (use 'or' or 'and')", code="value.choice",
                              params={"value": mode, "allowed": "or, and"})
    if not codes:
        return []
    with project.read() as session:
        passages = _retrieve(
            session, codes=list(codes), mode=mode, exclude=list(exclude), include_children=include_children,
            document_ids=None if document_ids is None else set(document_ids),
            case_ids=None if case_ids is None else list(case_ids),
            coders=None if coders is None else set(coders),
            stage_ids=None if stage_ids is None else set(stage_ids),
            context_chars=context_chars,
        )
    if text:
        wanted = variants.pattern(text, fold_scripts=fold_scripts)
        passages = [p for p in passages if wanted.search(p.text)]
    return passages


def _retrieve(
    session: Session,
    *,
    codes: list[int],
    mode: Mode,
    exclude: list[int],
    include_children: bool,
    document_ids: set[int] | None,
    case_ids: list[int] | None,
    coders: set[str] | None,
    stage_ids: set[int | None] | None,
    context_chars: int,
) -> list[Passage]:
    groups = _expand(session, codes, include_children)
    excluded = set().union(*_expand(session, exclude, include_children)) if exclude else set()
    wanted = set().union(*groups)
    query = (
        select(Coding.id, Coding.document_id, Coding.code_id, Coder.name, Coding.start, Coding.end,
               Coding.stage_id)
        .join(Coder, Coder.id == Coding.coder_id)
        .where(Coding.code_id.in_(wanted | excluded))
        .order_by(Coding.document_id, Coding.start, Coding.end, Coding.id)
    )
    if document_ids is not None:
        query = query.where(Coding.document_id.in_(document_ids))
    if coders is not None:
        query = query.where(Coder.name.in_(coders))
    rows = [_Coding(*r) for r in session.execute(query)]

    by_doc: dict[int, list[_Coding]] = {}
    for row in rows:
        by_doc.setdefault(row.document_id, []).append(row)
    found: list[tuple[int, int, int, list[_Coding]]] = []  # (document, start, end, codings)
    for doc_id, doc_codings in by_doc.items():
        positive = [c for c in doc_codings if c.code_id in wanted]
        negative = [(c.start, c.end) for c in doc_codings if c.code_id in excluded]
        for start, end, members in _passages_of(positive, groups, mode):
            if not _overlaps(start, end, negative):
                found.append((doc_id, start, end, members))

    if case_ids is not None:
        whole, ranges = case_ranges(session, case_ids)
        found = [p for p in found if p[0] in whole or _overlaps(p[1], p[2], ranges.get(p[0], ()))]

    effective = effective_stages(
        session, [(i, doc, s, e, _common_stage(members)) for i, (doc, s, e, members) in enumerate(found)]
    )
    staged = [(doc, start, end, members, effective[i]) for i, (doc, start, end, members) in enumerate(found)]
    if stage_ids is not None:
        staged = [p for p in staged if p[4] in stage_ids]
    if not staged:
        return []

    docs = {
        r[0]: r[1:] for r in session.execute(
            select(Document.id, Document.name, Document.position, Document.text)
            .where(Document.id.in_({p[0] for p in staged}))
        )
    }
    paths = code_paths(session)
    tree_order = {code_id: i for i, code_id in enumerate(paths)}
    stage_names = dict(session.execute(select(Stage.id, Stage.name)).all())
    passages = []
    for doc_id, start, end, members, stage_id in staged:
        name, _position, text = docs[doc_id]
        code_ids = sorted({m.code_id for m in members}, key=lambda c: tree_order[c])
        passages.append(Passage(
            document_id=doc_id, document=name, start=start, end=end, text=text[start:end],
            codes=tuple(paths[c] for c in code_ids), code_ids=tuple(code_ids),
            coders=tuple(sorted({m.coder for m in members})),
            stage=stage_names.get(stage_id) if stage_id is not None else None, stage_id=stage_id,
            coding_ids=tuple(sorted(m.id for m in members)),
            before=text[max(0, start - context_chars):start], after=text[end:end + context_chars],
        ))
    passages.sort(key=lambda p: (docs[p.document_id][1], p.document_id, p.start, p.end))
    return passages


def _passages_of(
    positive: list[_Coding], groups: list[set[int]], mode: Mode
) -> list[tuple[int, int, list[_Coding]]]:
    if mode == "or":
        spans: dict[tuple[int, int], list[_Coding]] = {}
        for c in positive:
            spans.setdefault((c.start, c.end), []).append(c)
        return [(s, e, members) for (s, e), members in spans.items()]
    covered: list[tuple[int, int]] | None = None
    for group in groups:
        union = merge_ranges((c.start, c.end) for c in positive if c.code_id in group)
        covered = union if covered is None else intersect_ranges(covered, union)
        if not covered:
            return []
    assert covered is not None
    return [(s, e, [c for c in positive if max(s, c.start) < min(e, c.end)]) for s, e in covered]


def _common_stage(members: list[_Coding]) -> int | None:
    own = {m.stage_id for m in members}
    return own.pop() if len(own) == 1 else None


# --- export ---------------------------------------------------------------------------------------


def _row(p: Passage) -> list[Any]:
    return [p.document, p.start, p.end, "; ".join(p.codes), "; ".join(p.coders), p.stage or "",
            p.before, p.text, p.after]


def export_passages(
    passages: Sequence[Passage], path: str | Path, *, headers: Sequence[str] = EXPORT_HEADERS
) -> Path:
    """Write passages to ``.xlsx`` (bold header, column widths, wrapped text) or ``.csv`` (UTF-8
    with a BOM, so Excel reads the Chinese right). ``headers`` translates the nine column titles.
    Positions are code points. The file appears complete or not at all."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError(f"{path.name}: passages can be exported to .xlsx or .csv only", code="export.suffix",
                              params={"file": path.name, "allowed": ".xlsx, .csv"})
    if len(headers) != len(EXPORT_HEADERS):
        raise ValidationError(f"the export needs {len(EXPORT_HEADERS)} column titles", code="internal",
                              params={"detail": "export headers"})
    try:
        with atomic_path(path) as tmp:
            if suffix == ".csv":
                with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
                    writer = csv.writer(handle)
                    writer.writerow(headers)
                    writer.writerows(_row(p) for p in passages)
            else:
                _write_xlsx(passages, tmp, headers)
    except OSError as exc:
        raise GuijiError(f"{path.name}: cannot write the file ({exc.strerror})", code="file.unwritable",
                         params={"file": path.name, "reason": str(exc.strerror)}) from exc
    return path


def _write_xlsx(passages: Sequence[Passage], path: Path, headers: Sequence[str]) -> None:
    from openpyxl import Workbook  # 0.17 s: loaded for the first spreadsheet, not at start-up
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Passages"
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for row_index, passage in enumerate(passages, start=2):
        for col_index, raw in enumerate(_row(passage), start=1):
            value = ILLEGAL_CHARACTERS_RE.sub("", raw) if isinstance(raw, str) else raw
            cell = sheet.cell(row=row_index, column=col_index, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text that starts with "=" stays text, never a formula
            cell.alignment = wrap if col_index in (4, 7, 8, 9) else top
    widths = (18, 8, 8, 28, 14, 12, 30, 60, 30)
    for letter, width in zip("ABCDEFGHI", widths, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    book.save(path)


__all__ = [
    "CONTEXT_CHARS",
    "EXPORT_HEADERS",
    "Mode",
    "Passage",
    "export_passages",
    "intersect_ranges",
    "merge_ranges",
    "retrieve",
]

"""Tables for papers: coding examples, frequencies by stage, codes by document or case.

Each builder returns a :class:`~app.core.exchange.table_writers.PaperTable`; :func:`write_paper_table`
writes it as .docx (a three-line table) or .xlsx. Stages are the codings' effective stages.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select

from app.core.codebook import CodeInfo, list_codes
from app.core.coding import CodingInfo, list_codings
from app.core.db.models import Case, CasePassage, Coding, Document, case_document
from app.core.errors import NotFoundError, ValidationError
from app.core.exchange.table_writers import PaperTable, write_table
from app.core.lookup import get_or_raise
from app.core.project import Project
from app.core.stages import list_stages

KINDS = ("coding-examples", "stage-frequencies", "code-document")
DEFAULT_FIRST = 3
NO_STAGE = "未分阶段"
# Levels (keys) that fill each column of the coding-example table when every code on a path has one.
_MAIN_LEVELS = {"dimension", "core_category", "main_category"}
_CATEGORY_LEVELS = {"category", "strategy", "subcategory"}
_CONCEPT_LEVELS = {"concept"}


# --- exemplars ------------------------------------------------------------------------------------


def set_exemplar(project: Project, coding_id: int, exemplar: bool = True) -> bool:
    """Mark (or unmark) a coding as an example for the coding-example table; returns the old value."""
    with project.write() as session:
        row = get_or_raise(session, Coding, coding_id, what="coding")
        old = bool(row.exemplar)
        row.exemplar = exemplar
    return old


def exemplar_ids(project: Project) -> set[int]:
    """The codings chosen as examples."""
    with project.read() as session:
        return set(session.scalars(select(Coding.id).where(Coding.exemplar.is_(True))))


# --- coding examples ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExampleRow:
    quote: str
    concept: str
    category: str
    main_category: str
    document: str
    start: int
    end: int
    stage: str | None


def _columns(chain: list[CodeInfo]) -> tuple[str, str, str]:
    """(concept, category, main category) for the codes from the root to the coded one."""
    if chain and all(c.level for c in chain):
        slots = {"concept": "", "category": "", "main": ""}
        for code in chain:
            if code.level in _MAIN_LEVELS:
                slots["main"] = slots["main"] or code.name
            elif code.level in _CATEGORY_LEVELS:
                slots["category"] = code.name
            elif code.level in _CONCEPT_LEVELS:
                slots["concept"] = code.name
        if any(slots.values()):
            return slots["concept"], slots["category"], slots["main"]
    # By depth: the root is the main category, the coded code's parent the category, itself the concept.
    names = [c.name for c in chain]
    if len(names) == 1:
        return "", "", names[0]
    if len(names) == 2:
        return "", names[1], names[0]
    return names[-1], names[-2], names[0]


def coding_examples(project: Project, *, first: int | None = None) -> list[ExampleRow]:
    """The rows of the coding-example table, grouped by main category, category and concept.

    The coder's chosen exemplars when there are any (and ``first`` is None); otherwise the first
    ``first`` (default 3) codings of each code in document order.
    """
    if first is not None and first < 1:
        raise ValidationError("--first must be 1 or more", code="value.at_least_one", params={"value": first})
    codes = {c.id: c for c in list_codes(project)}
    codings = list_codings(project)
    chosen = exemplar_ids(project) if first is None else set()
    if chosen:
        picked = [c for c in codings if c.id in chosen]
    else:
        limit = first or DEFAULT_FIRST
        seen: dict[int, int] = defaultdict(int)
        picked = []
        for coding in codings:
            if seen[coding.code_id] < limit:
                seen[coding.code_id] += 1
                picked.append(coding)
    order = {cid: i for i, cid in enumerate(codes)}
    rows = []
    for coding in sorted(picked, key=lambda c: (order[c.code_id], c.document_id, c.start)):
        chain = _chain(codes, coding.code_id)
        concept, category, main = _columns(chain)
        rows.append(ExampleRow(coding.text.strip(), concept, category, main, coding.document, coding.start,
                               coding.end, coding.stage))
    return rows


def _chain(codes: dict[int, CodeInfo], code_id: int) -> list[CodeInfo]:
    chain = []
    current: int | None = code_id
    while current is not None:
        chain.append(codes[current])
        current = codes[current].parent_id
    return chain[::-1]


def coding_examples_table(project: Project, *, first: int | None = None) -> PaperTable:
    """原始语句 → 初始概念 → 范畴 → 主范畴, with each quote's document and position."""
    rows = coding_examples(project, first=first)
    return PaperTable(
        title="表　编码示例（原始语句 → 初始概念 → 范畴 → 主范畴）",
        header=("原始语句", "来源", "初始概念", "范畴", "主范畴"),
        rows=tuple(
            (f"“{r.quote}”", f"{r.document}\n{r.start}–{r.end}" + (f"\n{r.stage}" if r.stage else ""),
             r.concept, r.category, r.main_category)
            for r in rows
        ),
        widths=(7.5, 2.6, 2.4, 2.2, 2.2),
        note="注：来源列为文档名、字符位置（以 Unicode 字符计，起点含、终点不含）及所属阶段。",
        merge_columns=(4, 3),
    )


# --- frequencies by stage -------------------------------------------------------------------------


def _subtree_members(codes: list[CodeInfo]) -> dict[int, set[int]]:
    members: dict[int, set[int]] = {c.id: {c.id} for c in codes}
    parent = {c.id: c.parent_id for c in codes}
    for code in codes:
        up = parent[code.id]
        while up is not None:
            members[up].add(code.id)
            up = parent[up]
    return members


def _indent(code: CodeInfo) -> str:
    return "　" * code.depth + code.name


def stage_frequencies_table(project: Project) -> PaperTable:
    """Codes × stages: codings (and documents) per effective stage; a parent includes its sub-codes."""
    codes = list_codes(project)
    stages = [s.name for s in list_stages(project)]
    codings = list_codings(project)
    columns = list(stages)
    if any(c.stage is None for c in codings):
        columns.append(NO_STAGE)
    members = _subtree_members(codes)
    by_code: dict[int, list[CodingInfo]] = defaultdict(list)
    for coding in codings:
        by_code[coding.code_id].append(coding)
    rows = []
    for code in codes:
        mine = [c for m in members[code.id] for c in by_code[m]]
        cells = [_indent(code)]
        for stage in columns:
            hits = [c for c in mine if (c.stage or NO_STAGE) == stage]
            docs = {c.document_id for c in hits}
            cells.append(f"{len(hits)}（{len(docs)}）" if hits else "0")
        cells.append(f"{len(mine)}（{len({c.document_id for c in mine})}）" if mine else "0")
        rows.append(tuple(cells))
    return PaperTable(
        title="表　各阶段编码频次",
        header=("编码", *columns, "合计"),
        rows=tuple(rows),
        widths=(4.0, *([1.6] * (len(columns) + 1))),
        note="注：单元格为编码次数，括号内为涉及的文档数；上级编码的数字包含其下级编码。"
        "阶段取编码的有效阶段（编码自身的阶段，否则重叠最多的阶段标记，否则文档的阶段）。",
        numeric_columns=tuple(range(1, len(columns) + 2)),
        bold_rows=tuple(i for i, code in enumerate(codes) if code.depth == 0),
    )


# --- codes × documents or cases -------------------------------------------------------------------


def _case_groups(project: Project, codings: list[CodingInfo]) -> tuple[list[str], dict[int, set[str]]]:
    """Case names in order, and the cases of each coding (by its document, or an overlapping passage)."""
    with project.read() as session:
        cases = session.execute(select(Case.id, Case.name).order_by(Case.position, Case.id)).all()
        doc_cases: dict[int, set[int]] = defaultdict(set)
        for case_id, doc_id in session.execute(select(case_document.c.case_id, case_document.c.document_id)):
            doc_cases[doc_id].add(case_id)
        passages: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        for case_id, doc_id, start, end in session.execute(
            select(CasePassage.case_id, CasePassage.document_id, CasePassage.start, CasePassage.end)
        ):
            passages[doc_id].append((start, end, case_id))
    names: dict[int, str] = {row[0]: row[1] for row in cases}
    result: dict[int, set[str]] = {}
    for coding in codings:
        ids = set(doc_cases.get(coding.document_id, ()))
        ids |= {
            cid for s, e, cid in passages.get(coding.document_id, ()) if s < coding.end and coding.start < e
        }
        result[coding.id] = {names[i] for i in ids}
    return [name for _id, name in cases], result


def code_document_table(project: Project, *, by: str = "document") -> PaperTable:
    """Codes × documents (or × cases, ``by="case"``): coding counts; a parent includes its sub-codes."""
    if by not in ("document", "case"):
        raise ValidationError(f"group codes by 'document' or 'case', not {by!r}", code="value.choice",
                              params={"value": by, "allowed": "document, case"})
    codes = list_codes(project)
    codings = list_codings(project)
    if by == "document":
        with project.read() as session:
            columns = list(session.scalars(select(Document.name).order_by(Document.position, Document.id)))
        groups = {c.id: {c.document} for c in codings}
    else:
        columns, groups = _case_groups(project, codings)
        if not columns:
            raise ValidationError("the project has no cases; use --by document", code="tables.no_cases")
    members = _subtree_members(codes)
    by_code: dict[int, list[CodingInfo]] = defaultdict(list)
    for coding in codings:
        by_code[coding.code_id].append(coding)
    rows = []
    for code in codes:
        mine = [c for m in members[code.id] for c in by_code[m]]
        counts = [sum(1 for c in mine if column in groups[c.id]) for column in columns]
        rows.append((_indent(code), *(str(n) for n in counts), str(len(mine))))
    label = "文档" if by == "document" else "案例"
    return PaperTable(
        title=f"表　编码 × {label}矩阵",
        header=("编码", *columns, "合计"),
        rows=tuple(rows),
        widths=(4.0, *([1.6] * (len(columns) + 1))),
        note="注：单元格为编码次数；上级编码的数字包含其下级编码。合计为该编码的全部编码次数"
        + ("（一个编码可属于多个案例，或不属于任何案例）。" if by == "case" else "。"),
        numeric_columns=tuple(range(1, len(columns) + 2)),
        bold_rows=tuple(i for i, code in enumerate(codes) if code.depth == 0),
    )


def paper_table(project: Project, kind: str, *, first: int | None = None, by: str = "document") -> PaperTable:
    """The table of ``kind`` (one of :data:`KINDS`)."""
    if kind == "coding-examples":
        return coding_examples_table(project, first=first)
    if kind == "stage-frequencies":
        return stage_frequencies_table(project)
    if kind == "code-document":
        return code_document_table(project, by=by)
    raise ValidationError(f"unknown table kind {kind!r} (use one of {', '.join(KINDS)})", code="value.choice",
                              params={"value": kind, "allowed": ", ".join(KINDS)})


# The tables' fixed texts in English (the Chinese is what the builders above write).
_ENGLISH = {
    "表　编码示例（原始语句 → 初始概念 → 范畴 → 主范畴）":
        "Table  Coding examples (original statement → initial concept → category → main category)",
    "原始语句": "Original statement", "来源": "Source", "初始概念": "Initial concept", "范畴": "Category",
    "主范畴": "Main category", "编码": "Code", "合计": "Total", NO_STAGE: "No stage",
    "注：来源列为文档名、字符位置（以 Unicode 字符计，起点含、终点不含）及所属阶段。":
        "Note: the source column gives the document, the character positions (Unicode characters, start "
        "included, end excluded) and the stage.",
    "表　各阶段编码频次": "Table  Codings per stage",
    "注：单元格为编码次数，括号内为涉及的文档数；上级编码的数字包含其下级编码。"
    "阶段取编码的有效阶段（编码自身的阶段，否则重叠最多的阶段标记，否则文档的阶段）。":
        "Note: each cell is the number of codings, with the number of documents in brackets; a parent code's "
        "numbers include its sub-codes. A coding's stage is its own, else the stage span overlapping it most, "
        "else its document's.",
    "表　编码 × 文档矩阵": "Table  Codes × documents",
    "表　编码 × 案例矩阵": "Table  Codes × cases",
    "注：单元格为编码次数；上级编码的数字包含其下级编码。合计为该编码的全部编码次数。":
        "Note: each cell is the number of codings; a parent code's numbers include its sub-codes. The total "
        "is all the code's codings.",
    "注：单元格为编码次数；上级编码的数字包含其下级编码。合计为该编码的全部编码次数"
    "（一个编码可属于多个案例，或不属于任何案例）。":
        "Note: each cell is the number of codings; a parent code's numbers include its sub-codes. The total "
        "is all the code's codings (a coding may belong to several cases, or to none).",
}


def in_language(table: PaperTable, lang: str | None) -> PaperTable:
    """``table`` with its fixed texts in ``lang``: ``zh`` (as built; also None), ``en``, or ``both``
    (Chinese, then English on its own line). Names from the project (codes, stages, documents) stay."""
    if lang in (None, "zh"):
        return table
    if lang not in ("en", "both"):
        raise ValidationError(f"'{lang}' is not an export language (use zh, en or both)",
                              code="value.lang", params={"value": lang})

    def fixed(text: str) -> str:
        english = _ENGLISH.get(text)
        if english is None:
            return text
        return english if lang == "en" else f"{text}\n{english}"

    return replace(table, title=fixed(table.title), header=tuple(fixed(h) for h in table.header),
                   note=fixed(table.note))


def write_paper_table(project: Project, out: str | Path, kind: str, *, first: int | None = None,
                      by: str = "document", lang: str | None = None) -> Path:
    """Build the table of ``kind`` and write it as .docx or .xlsx (by ``out``'s extension) in ``lang``."""
    return write_table(in_language(paper_table(project, kind, first=first, by=by), lang), out)


def find_coding(project: Project, document: str, start: int, end: int, code_path: str | None = None) -> int:
    """The id of the coding of ``document`` at exactly ``[start, end)`` (with ``code_path``, if given)."""
    matches = [
        c for c in list_codings(project)
        if c.document == document and c.start == start and c.end == end
        and (code_path is None or c.code == code_path)
    ]
    if not matches:
        where = f" with the code '{code_path}'" if code_path else ""
        raise NotFoundError(f"no coding of '{document}' at {start}–{end}{where}", code="coding.none_at",
                            params={"document": document, "start": start, "end": end})
    if len(matches) > 1:
        codes = ", ".join(sorted(c.code for c in matches))
        raise ValidationError(
            f"several codings of '{document}' at {start}–{end} ({codes}); name one with --code",
            code="coding.ambiguous", params={"document": document, "start": start, "end": end, "codes": codes},
        )
    return matches[0].id

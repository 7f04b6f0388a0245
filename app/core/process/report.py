"""The stage report (DOCX): per stage, the codes with their counts and one exemplar quote each — the
text a researcher adapts for the findings section.

A code's quote is a coding the coder chose as an exemplar (the codebook's exemplar flag) among the
codings counted as that code in that stage, else the first one in document order. Codes are those
at the chosen level (the codes under the dimensions by default), grouped by dimension; Chinese fonts
are set as for every Guiji document (app/core/exchange/docx_style.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from sqlalchemy import select

from app.core.db.models import Document
from app.core.errors import InputFileError, ValidationError
from app.core.exchange.docx_style import (
    BODY_PT,
    HEI,
    TABLE_PT,
    add_caption,
    add_note,
    add_row,
    add_table,
    new_document,
    set_fonts,
    text_width_cm,
)
from app.core.fsutil import atomic_path
from app.core.process.data import DEFAULT_LEVEL, ProcessCoding, Selection, load_process_data
from app.core.process.transitions import compute_transitions
from app.core.project import Project

QUOTE_MAX = 160  # characters of a quote before it is shortened with an ellipsis
NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class StageCode:
    """A code in a stage: how often it was coded, in how many cases, and its exemplar quote."""

    code: str  # path at the chosen level
    dimension: str
    codings: int
    cases: int
    quote: str
    document: str
    start: int
    end: int
    exemplar: bool  # the quote is a chosen exemplar (not just the first coding)


@dataclass(frozen=True)
class StageSection:
    name: str
    description: str
    codings: int
    codes: tuple[StageCode, ...]


def stage_sections(
    project: Project, *, level: str = DEFAULT_LEVEL, unit: str = "auto", selection: Selection | None = None
) -> list[StageSection]:
    """The report's content: one section per stage, codes in tree order."""
    data = load_process_data(project, unit=unit)
    result = compute_transitions(data, level=level, selection=selection)
    counts = result.box_counts()
    order = {doc_id: i for i, doc_id in enumerate(data.documents)}
    by_stage: list[list[tuple[int, ProcessCoding, int]]] = []  # (code, its quote's coding, cases)
    for k, stage in enumerate(data.stages):
        entries = []
        for code_id in sorted((c for (s, c) in counts if s == k), key=lambda c: data.codes[c].order):
            per_unit = result.box_units(stage.id, code_id)
            items = [c for _unit, codings in per_unit for c in codings]
            exemplars = [c for c in items if c.exemplar]
            pick = min(exemplars or items, key=lambda c: (order[c.document_id], c.start, c.end, c.id))
            entries.append((code_id, pick, len(per_unit)))
        by_stage.append(entries)
    doc_ids = {pick.document_id for entries in by_stage for _c, pick, _n in entries}
    with project.read() as session:
        texts = dict(session.execute(select(Document.id, Document.text).where(Document.id.in_(doc_ids))).all())
    sections = []
    for k, stage in enumerate(data.stages):
        rows = []
        for code_id, pick, units in by_stage[k]:
            quote = texts[pick.document_id][pick.start:pick.end].strip()
            rows.append(StageCode(
                data.codes[code_id].path, data.top(code_id).name, counts[(k, code_id)], units, quote,
                data.documents[pick.document_id].name, pick.start, pick.end, pick.exemplar,
            ))
        sections.append(StageSection(stage.name, stage.description, sum(r.codings for r in rows), tuple(rows)))
    return sections


def _shorten(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_MAX else flat[: QUOTE_MAX - 1] + "…"


# The report's fixed texts: (Chinese, English).
_TEXTS = {
    "title": ("各阶段编码与典型引文", "Codes and typical quotes by stage"),
    "intro": ("本报告按阶段列出各编码的编码次数、出现的案例数与一条典型引文（优先选用标记为典型例句的编码，"
              "否则为文档中的第一处）。共 {n} 个阶段。",
              "For each stage, this report lists every code with its number of codings, the number of cases it "
              "occurs in and one typical quote (a coding marked as an example if there is one, else the first "
              "in the documents). {n} stage(s)."),
    "heading": ("{number}、{name}阶段", "{index}. Stage: {name}"),
    "empty": ("本阶段尚无编码。", "No codings in this stage yet."),
    "summary": ("本阶段共编码 {codings} 次，涉及 {codes} 个编码。{summary}。",
                "{codings} coding(s) of {codes} code(s) in this stage. {summary}."),
    "code": ("（{dimension}；编码 {codings} 次，{cases} 个案例）：",
             " ({dimension}; {codings} coding(s), {cases} case(s)): "),
    "caption": ("表{n}　{name}阶段的编码与典型引文", "Table {n}  Codes and typical quotes in the stage {name}"),
    "note": ("注：编码次数为该阶段内计入该编码（含其下级编码）的编码数；案例数为出现该编码的案例（或文档）数。",
             "Note: codings are those of the code and its sub-codes in the stage; cases are the cases (or "
             "documents) where the code occurs."),
}
_HEADER = (("编码", "Code"), ("编码次数", "Codings"), ("案例数", "Cases"), ("典型引文", "Typical quote"))


def _say(lang: str, key: str, **values: object) -> list[str]:
    """The fixed text ``key`` in ``lang``: one line, or (``both``) the Chinese and the English line."""
    zh, en = _TEXTS[key]
    lines = {"zh": [zh], "en": [en], "both": [zh, en]}[lang]
    return [line.format(**values) for line in lines]


def write_stage_report(
    project: Project, out: str | Path, *, level: str = DEFAULT_LEVEL, unit: str = "auto",
    selection: Selection | None = None, title: str | None = None, lang: str = "zh",
) -> Path:
    """Write the stage report as .docx (through a temporary file), its fixed texts in ``lang``
    (``zh``, ``en``, or ``both``: each Chinese paragraph followed by its English one)."""
    target = Path(out)
    if target.suffix.lower() != ".docx":
        raise InputFileError(target, "the stage report is written as .docx", code="export.suffix",
                             params={"file": target.name, "allowed": ".docx"})
    if lang not in ("zh", "en", "both"):
        raise ValidationError(f"'{lang}' is not an export language (use zh, en or both)",
                              code="value.lang", params={"value": lang})
    sections = stage_sections(project, level=level, unit=unit, selection=selection)
    doc = new_document()
    for k, line in enumerate([title] if title else _say(lang, "title")):
        doc.add_paragraph(line, style="Title" if k == 0 else None)
    for line in _say(lang, "intro", n=len(sections)):
        intro = doc.add_paragraph(line)
        intro.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    width = text_width_cm(doc)
    widths = (width * 0.2, width * 0.09, width * 0.09, width * 0.62)
    header = tuple({"zh": zh, "en": en, "both": f"{zh}\n{en}"}[lang] for zh, en in _HEADER)
    for i, section in enumerate(sections):
        number = NUMERALS[i] if i < len(NUMERALS) else str(i + 1)
        for line in _say(lang, "heading", number=number, index=i + 1, name=section.name):
            doc.add_paragraph(line, style="Heading 1")
        if section.description:
            para = doc.add_paragraph(section.description)
            para.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
        if not section.codes:
            for line in _say(lang, "empty"):
                doc.add_paragraph(line)
            continue
        dims = list(dict.fromkeys(c.dimension for c in section.codes))
        summaries = {}
        for key, (sep, item, between) in {"zh": ("：", "{name}（{n}）", ("、", "；")),
                                          "en": (": ", "{name} ({n})", (", ", "; "))}.items():
            summaries[key] = between[1].join(
                f"{dim}{sep}" + between[0].join(item.format(name=c.code.rsplit("/", 1)[-1], n=c.codings)
                                                for c in section.codes if c.dimension == dim)
                for dim in dims
            )
        lines = _say(lang, "summary", codings=section.codings, codes=len(section.codes), summary=summaries["zh"])
        if lang != "zh":
            lines[-1] = _say("en", "summary", codings=section.codings, codes=len(section.codes),
                             summary=summaries["en"])[0]
        for line in lines:
            para = doc.add_paragraph(line)
            para.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
        for code in section.codes:
            para = doc.add_paragraph()
            para.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
            run = para.add_run(f"{code.code.rsplit('/', 1)[-1]}")
            run.bold = True
            set_fonts(run._r, HEI)
            # One language per paragraph: in "both" the per-code lines stay Chinese (the table is bilingual).
            para.add_run(_say("zh" if lang == "both" else lang, "code", dimension=code.dimension,
                              codings=code.codings, cases=code.cases)[0])
            para.add_run(f"“{_shorten(code.quote)}”（{code.document}）")
        for line in _say(lang, "caption", n=i + 1, name=section.name):
            add_caption(doc, line)
        table = add_table(doc, header, widths)
        for code in section.codes:
            cells = add_row(table, (code.code, str(code.codings), str(code.cases),
                                    f"“{_shorten(code.quote)}”（{code.document}）"), widths)
            for cell in cells[1:3]:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            for cell in cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(TABLE_PT)
        for line in _say(lang, "note"):
            add_note(doc, line)
    try:
        with atomic_path(target) as tmp:
            doc.save(str(tmp))
    except OSError as exc:
        raise InputFileError(target, f"cannot be written ({exc.strerror or exc})", code="file.unwritable",
                             params={"file": target.name, "reason": str(exc.strerror or exc)}) from exc
    return target

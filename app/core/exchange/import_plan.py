"""What a project import will create, and the one writer that builds a new project from it.

Importers of other programs' projects (REFI-QDA ``.qdpx``, RQDA) read and check everything first
into an :class:`ImportPlan` of plain values: positions already converted to code points of the
stored (normalised) text, every problem either fatal (an :class:`InputFileError`) or recorded as a
skipped item with its reason. :func:`build_project` then writes the plan into a **new** project file:
built under a temporary name beside the target, in one transaction, and renamed into place only
when complete; on any error every temporary file is removed, so no file (and no half-made project)
is left behind.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from app.core.attributes import normalise_value
from app.core.codebook import PALETTE, apply_code_fields, join_keywords, levels_in, split_keywords
from app.core.coding import get_or_create_coder
from app.core.db.models import (
    AttributeDefinition,
    Case,
    CasePassage,
    Code,
    Coding,
    Document,
    DocumentAttribute,
    Link,
    LinkEvidence,
    ProjectMeta,
    Stage,
    StageSpan,
    case_document,
    utcnow,
)
from app.core.documents import unique_name
from app.core.errors import GuijiError, ProjectError, ValidationError
from app.core.exchange.codebook_model import ENTRY_FIELDS, CodebookEntry, with_parents
from app.core.project import PROJECT_SUFFIX, create_project
from app.core.stages import parse_date
from app.core.text import sha256_text

Progress = Callable[[int, int], None]


@dataclass
class PlannedDocument:
    key: str
    name: str
    text: str  # normalised
    memo: str = ""
    source_name: str = ""
    source_format: str = "txt"
    source_encoding: str = ""
    attributes: dict[str, str] = field(default_factory=dict)  # attribute name -> value
    stage: str | None = None


@dataclass
class PlannedCoding:
    document: str  # document key
    code: tuple[str, ...]  # the code's path
    start: int
    end: int
    coder: str
    memo: str = ""
    created_at: datetime | None = None
    stage: str | None = None
    exemplar: bool = False


@dataclass
class PlannedCase:
    name: str
    description: str = ""
    documents: list[str] = field(default_factory=list)  # document keys
    passages: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass
class PlannedStage:
    name: str
    description: str = ""
    color: str = "#888888"
    start_date: str | None = None
    end_date: str | None = None


@dataclass
class PlannedLink:
    """An action-logic link between two codes, with evidence: (index into ``ImportPlan.codings``,
    process-tracing test, stance, note)."""

    source: tuple[str, ...]
    target: tuple[str, ...]
    relation: str
    memo: str = ""
    coder: str = ""
    source_stage: str | None = None
    target_stage: str | None = None
    created_at: datetime | None = None
    evidence: list[tuple[int, str, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Skipped:
    """Something in the file that was not imported, and why."""

    kind: str  # "source", "selection", "coding", "code", "link", "graph", "set", "case", ...
    name: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "name": self.name, "reason": self.reason}


@dataclass
class ImportPlan:
    """Everything an import will create (see the module's docstring)."""

    source: Path
    origin: str = ""
    positions: str = ""  # how positions were read, and why
    codes: list[CodebookEntry] = field(default_factory=list)
    code_memos: dict[tuple[str, ...], str] = field(default_factory=dict)
    coders: list[str] = field(default_factory=list)
    documents: list[PlannedDocument] = field(default_factory=list)
    codings: list[PlannedCoding] = field(default_factory=list)
    cases: list[PlannedCase] = field(default_factory=list)
    attribute_types: dict[str, str] = field(default_factory=dict)  # name -> text|number|date
    stages: list[PlannedStage] = field(default_factory=list)
    stage_spans: list[tuple[str, str, int, int]] = field(default_factory=list)  # doc key, stage, start, end
    links: list[PlannedLink] = field(default_factory=list)
    project_memo: str = ""
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def skip(self, kind: str, name: str, reason: str) -> None:
        self.skipped.append(Skipped(kind, name, reason))


@dataclass(frozen=True)
class ImportReport:
    """What an import created, what it skipped and why, and how it read positions."""

    source: str
    project: str
    origin: str
    positions: str
    counts: tuple[tuple[str, int], ...]
    skipped: tuple[Skipped, ...]
    notes: tuple[str, ...]

    def count(self, key: str) -> int:
        return dict(self.counts).get(key, 0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "project": self.project, "origin": self.origin,
            "positions": self.positions, "imported": dict(self.counts),
            "skipped": [s.as_dict() for s in self.skipped], "notes": list(self.notes),
        }

    def lines(self) -> list[str]:
        """The report as text lines (the CLI prints them; the dialog shows them)."""
        out = [f"imported {self.source} into {self.project}"]
        if self.origin:
            out.append(f"made by: {self.origin}")
        out.append("imported: " + ", ".join(f"{n:,} {k}" for k, n in self.counts))
        if self.positions:
            out.append(f"positions: {self.positions}")
        for note in self.notes:
            out.append(f"note: {note}")
        if self.skipped:
            out.append(f"skipped ({len(self.skipped)}):")
            out += [f"  {s.kind} {s.name}: {s.reason}" for s in self.skipped]
        else:
            out.append("skipped: nothing")
        return out


# --- writing ------------------------------------------------------------------------------------


def _temporary_beside(target: Path) -> Path:
    return target.with_name(f".{target.stem}.importing-{uuid.uuid4().hex[:12]}{PROJECT_SUFFIX}")


def _remove_project_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def build_project(plan: ImportPlan, target: str | Path, *, progress: Progress | None = None) -> ImportReport:
    """Create the project file ``target`` (which must not exist) from ``plan``, all or nothing."""
    target = Path(target)
    if target.exists():
        raise ProjectError(f"{target.name}: a file with this name already exists; choose a new project name",
                           code="file.exists", params={"file": target.name})
    if not target.parent.is_dir():
        raise ProjectError(f"{target.name}: the folder {target.parent} does not exist", code="file.no_folder",
                           params={"file": target.name, "folder": str(target.parent)})
    tmp = _temporary_beside(target)
    try:
        project = create_project(tmp)
        try:
            with project.write() as session:
                counts = _write(session, plan, progress)
        finally:
            project.close()
        _finish_files(tmp)
        _publish(tmp, target)
    except ValidationError as exc:
        raise GuijiError(f"{plan.source.name}: {exc}", code=exc.code, params=exc.params) from exc
    finally:
        _remove_project_files(tmp)
    return ImportReport(plan.source.name, target.name, plan.origin, plan.positions, tuple(counts.items()),
                        tuple(plan.skipped), tuple(plan.notes))


def _finish_files(path: Path) -> None:
    """Fold the write-ahead log into the file (the file alone must be the project before it moves)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise ProjectError(f"{path.name}: the new project could not be written completely",
                           code="project.write_incomplete", params={"file": path.name})
    for suffix in ("-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _publish(tmp: Path, target: Path) -> None:
    """Move the finished file into place, never over a file that appeared meanwhile."""
    try:
        os.link(tmp, target)  # fails if target exists
    except FileExistsError:
        raise ProjectError(f"{target.name}: a file with this name already exists", code="file.exists",
                           params={"file": target.name}) from None
    except OSError:  # no hard links on this file system
        if target.exists():
            raise ProjectError(f"{target.name}: a file with this name already exists", code="file.exists",
                           params={"file": target.name}) from None
        os.replace(tmp, target)


def _level_key(levels: tuple[Any, ...], value: str) -> str:
    for level in levels:
        if value.casefold() in (level.key.casefold(), level.label.casefold(), level.english.casefold()):
            return str(level.key)
    return value


def _write_codes(session: Any, plan: ImportPlan) -> dict[tuple[str, ...], int]:
    levels = levels_in(session)
    ids: dict[tuple[str, ...], int] = {}
    positions: dict[int | None, int] = {}
    for entry in with_parents(plan.codes):
        parent_id = ids[entry.names[:-1]] if len(entry.names) > 1 else None
        position = positions.get(parent_id, 0)
        positions[parent_id] = position + 1
        color = entry.color or PALETTE[len(ids) % len(PALETTE)]
        code = Code(parent_id=parent_id, name=entry.name, color=color, position=position, description="",
                    memo=plan.code_memos.get(entry.names, ""), created_at=utcnow())
        session.add(code)
        session.flush()
        fields: dict[str, object] = {}
        for key in ENTRY_FIELDS:
            value = entry.fields.get(key)
            if not value:
                continue
            if key == "keywords":
                fields[key] = join_keywords(split_keywords(value))
            elif key == "level":
                fields[key] = _level_key(levels, str(value))[:32]
            else:
                fields[key] = str(value)
        apply_code_fields(session, code, fields)
        ids[entry.names] = code.id
    return ids


def _write(session: Any, plan: ImportPlan, progress: Progress | None) -> dict[str, int]:
    total = max(1, len(plan.documents) + len(plan.codings) // 1000 + 2)
    step = 0

    def tick() -> None:
        nonlocal step
        step += 1
        if progress:
            progress(min(step, total), total)

    stage_ids: dict[str, int] = {}
    for i, stage in enumerate(plan.stages):
        stage_row = Stage(name=stage.name, position=i, description=stage.description, color=stage.color,
                    start_date=_date(stage.start_date), end_date=_date(stage.end_date))
        session.add(stage_row)
        session.flush()
        stage_ids[stage.name] = stage_row.id
    code_ids = _write_codes(session, plan)
    coder_ids = {name: get_or_create_coder(session, name).id for name in plan.coders}
    tick()
    doc_ids: dict[str, int] = {}
    taken: set[str] = set()
    now = utcnow()
    for i, doc in enumerate(plan.documents):
        doc_row = Document(name=unique_name(doc.name, taken), text=doc.text, length=len(doc.text),
                       sha256=sha256_text(doc.text), source_name=doc.source_name[:1000],
                       source_format=doc.source_format, source_encoding=doc.source_encoding,
                       imported_at=now, position=i + 1, memo=doc.memo,
                       stage_id=stage_ids.get(doc.stage) if doc.stage else None)
        session.add(doc_row)
        session.flush()
        doc_ids[doc.key] = doc_row.id
        tick()
    attributes = 0
    if plan.attribute_types:
        attr_ids: dict[str, int] = {}
        for i, (name, type_) in enumerate(plan.attribute_types.items()):
            definition = AttributeDefinition(name=name, type=type_, position=i)
            session.add(definition)
            session.flush()
            attr_ids[name] = definition.id
        values = []
        for doc in plan.documents:
            for name, value in doc.attributes.items():
                values.append({"document_id": doc_ids[doc.key], "attribute_id": attr_ids[name],
                               "value": normalise_value(name, plan.attribute_types[name], value)})
        if values:
            session.execute(insert(DocumentAttribute), values)
        attributes = len(attr_ids)
    rows = []
    for coding in plan.codings:
        coder_id = coder_ids.get(coding.coder)
        if coder_id is None:
            coder_id = coder_ids[coding.coder] = get_or_create_coder(session, coding.coder).id
        rows.append({
            "document_id": doc_ids[coding.document], "code_id": code_ids[coding.code], "coder_id": coder_id,
            "start": coding.start, "end": coding.end, "memo": coding.memo,
            "stage_id": stage_ids.get(coding.stage) if coding.stage else None,
            "created_at": coding.created_at or now, "exemplar": coding.exemplar,
        })
    for chunk in range(0, len(rows), 5000):
        session.execute(insert(Coding), rows[chunk:chunk + 5000])
        tick()
    # The table was empty and SQLite gives each new row a larger id than any before (no deletes
    # happen here), so ids in order are the plan's codings in order; cheaper than RETURNING per row.
    coding_ids = list(session.scalars(select(Coding.id).order_by(Coding.id))) if plan.links else []
    _write_links(session, plan, code_ids, stage_ids, coding_ids)
    spans = [{"document_id": doc_ids[d], "stage_id": stage_ids[s], "start": a, "end": b}
             for d, s, a, b in plan.stage_spans]
    if spans:
        session.execute(insert(StageSpan), spans)
    for i, case in enumerate(plan.cases):
        case_row = Case(name=case.name, description=case.description, position=i)
        session.add(case_row)
        session.flush()
        members = list(dict.fromkeys(doc_ids[k] for k in case.documents))
        if members:
            session.execute(insert(case_document),
                            [{"case_id": case_row.id, "document_id": d} for d in members])
        if case.passages:
            session.execute(insert(CasePassage), [
                {"case_id": case_row.id, "document_id": doc_ids[key], "start": a, "end": b}
                for key, a, b in case.passages
            ])
    if plan.project_memo:
        memo_row = session.get(ProjectMeta, "memo")
        if memo_row is None:
            session.add(ProjectMeta(key="memo", value=plan.project_memo))
        else:
            memo_row.value = plan.project_memo
    session.add(ProjectMeta(key="imported_from", value=f"{plan.source.name} ({plan.origin})"[:2000]))
    session.flush()
    memos = sum(1 for d in plan.documents if d.memo) + sum(1 for c in plan.codings if c.memo)
    memos += sum(1 for m in plan.code_memos.values() if m) + (1 if plan.project_memo else 0)
    tick()
    return {
        "documents": len(doc_ids),
        "codes": len(code_ids),
        "codings": len(rows),
        "coders": len(set(session.scalars(select(Coding.coder_id).distinct())) | set(coder_ids.values())),
        "cases": len(plan.cases),
        "attributes": attributes,
        "stages": len(stage_ids),
        "memos": memos,
        "links": len(plan.links),
    }


def _write_links(session: Any, plan: ImportPlan, code_ids: dict[tuple[str, ...], int],
                 stage_ids: dict[str, int], coding_ids: list[int]) -> None:
    for link in plan.links:
        row = Link(source_id=code_ids[link.source], target_id=code_ids[link.target],
                   source_stage_id=stage_ids.get(link.source_stage or ""),
                   target_stage_id=stage_ids.get(link.target_stage or ""), relation=link.relation,
                   memo=link.memo, coder=link.coder, created_at=link.created_at or utcnow())
        session.add(row)
        session.flush()
        seen: set[int] = set()
        evidence = []
        for index, test, stance, note in link.evidence:
            if coding_ids[index] not in seen:
                seen.add(coding_ids[index])
                evidence.append({"link_id": row.id, "coding_id": coding_ids[index], "test": test,
                                 "stance": stance, "note": note, "created_at": utcnow()})
        if evidence:
            session.execute(insert(LinkEvidence), evidence)


def _date(value: str | None) -> Any:
    try:
        return parse_date(value)
    except ValidationError:
        return None

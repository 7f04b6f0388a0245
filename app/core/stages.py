"""Stages: the ordered phases of the process, and which stage a passage belongs to.

A coding's effective stage comes from, in order: the stage set on the coding itself; the stage
span of its document that overlaps it most (ties go to the earlier span); the document's stage;
else none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.db.models import Document, Stage, StageSpan
from app.core.errors import NotFoundError, ValidationError
from app.core.project import Project


@dataclass(frozen=True)
class StageInfo:
    id: int
    name: str
    position: int
    description: str
    color: str


@dataclass(frozen=True)
class StageSpanInfo:
    id: int
    document_id: int
    stage_id: int
    stage: str
    start: int
    end: int


def list_stages(project: Project) -> list[StageInfo]:
    """The stages in order."""
    with project.read() as session:
        rows = session.execute(
            select(Stage.id, Stage.name, Stage.position, Stage.description, Stage.color).order_by(
                Stage.position, Stage.id
            )
        ).all()
    return [StageInfo(*row) for row in rows]


def find_stage(session: Session, name: str) -> Stage:
    """The stage called ``name``; NotFoundError otherwise."""
    stage = session.scalar(select(Stage).where(Stage.name == name.strip()))
    if stage is None:
        raise NotFoundError(f"no stage named '{name}' in this project")
    return stage


def add_stage(
    project: Project, name: str, *, after: str | None = None, description: str = "", color: str = "#888888"
) -> StageInfo:
    """Add a stage at the end, or right after the stage called ``after``."""
    name = name.strip()
    if not name:
        raise ValidationError("a stage name cannot be empty")
    with project.write() as session:
        if session.scalar(select(Stage.id).where(Stage.name == name)) is not None:
            raise ValidationError(f"a stage named '{name}' already exists")
        ordered = list(session.scalars(select(Stage).order_by(Stage.position, Stage.id)))
        index = len(ordered)
        if after is not None:
            index = [s.id for s in ordered].index(find_stage(session, after).id) + 1
        stage = Stage(name=name, description=description, color=color, position=0)
        ordered.insert(index, stage)
        session.add(stage)
        for i, row in enumerate(ordered):
            row.position = i
        session.flush()
        stage_id = stage.id
    return next(s for s in list_stages(project) if s.id == stage_id)


def set_document_stage(project: Project, document_id: int, stage_id: int | None) -> None:
    """Set (or clear, with None) the stage of a whole document."""
    with project.write() as session:
        doc = session.get(Document, document_id)
        if doc is None:
            raise NotFoundError(f"no document with id {document_id}")
        if stage_id is not None and session.get(Stage, stage_id) is None:
            raise NotFoundError(f"no stage with id {stage_id}")
        doc.stage_id = stage_id


def add_stage_span(project: Project, document_id: int, stage_id: int, start: int, end: int) -> StageSpanInfo:
    """Mark ``[start, end)`` of a document as belonging to a stage."""
    with project.write() as session:
        doc = session.get(Document, document_id)
        if doc is None:
            raise NotFoundError(f"no document with id {document_id}")
        stage = session.get(Stage, stage_id)
        if stage is None:
            raise NotFoundError(f"no stage with id {stage_id}")
        if not (0 <= start < end <= doc.length):
            raise ValidationError(
                f"{doc.name}: the range {start}–{end} is not inside the text (0–{doc.length} characters)"
            )
        span = StageSpan(document_id=document_id, stage_id=stage_id, start=start, end=end)
        session.add(span)
        session.flush()
        return StageSpanInfo(span.id, document_id, stage_id, stage.name, start, end)


def list_stage_spans(project: Project, document_id: int) -> list[StageSpanInfo]:
    """A document's stage spans in text order."""
    with project.read() as session:
        rows = session.execute(
            select(StageSpan.id, StageSpan.document_id, StageSpan.stage_id, Stage.name, StageSpan.start, StageSpan.end)
            .join(Stage, Stage.id == StageSpan.stage_id)
            .where(StageSpan.document_id == document_id)
            .order_by(StageSpan.start, StageSpan.id)
        ).all()
    return [StageSpanInfo(*row) for row in rows]


def count_stages(session: Session) -> int:
    """How many stages the project has."""
    return session.scalar(select(func.count(Stage.id))) or 0


def effective_stages(
    session: Session, codings: Iterable[tuple[int, int, int, int, int | None]]
) -> dict[int, int | None]:
    """Effective stage ids for ``(coding_id, document_id, start, end, own_stage_id)`` tuples."""
    items = list(codings)
    result: dict[int, int | None] = {}
    need = {doc_id for _cid, doc_id, _s, _e, own in items if own is None}
    spans: dict[int, list[tuple[int, int, int]]] = {}
    doc_stage: dict[int, int | None] = {}
    if need:
        for doc_id, stage_id, start, end in session.execute(
            select(StageSpan.document_id, StageSpan.stage_id, StageSpan.start, StageSpan.end)
            .where(StageSpan.document_id.in_(need))
            .order_by(StageSpan.start, StageSpan.id)
        ):
            spans.setdefault(doc_id, []).append((start, end, stage_id))
        doc_stage = dict(
            session.execute(select(Document.id, Document.stage_id).where(Document.id.in_(need))).all()
        )
    for coding_id, doc_id, start, end, own in items:
        if own is not None:
            result[coding_id] = own
            continue
        best: int | None = None
        best_overlap = 0
        for s_start, s_end, stage_id in spans.get(doc_id, ()):
            if s_start >= end:
                break
            overlap = min(end, s_end) - max(start, s_start)
            if overlap > best_overlap:
                best, best_overlap = stage_id, overlap
        result[coding_id] = best if best is not None else doc_stage.get(doc_id)
    return result

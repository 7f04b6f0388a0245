"""Stages: the ordered phases of the process, and which stage a passage belongs to.

A coding's effective stage comes from, in order: the stage set on the coding itself; the stage
span of its document that overlaps it most (ties go to the earlier span); the document's stage;
else none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.core.db.models import Coding, Document, Stage, StageSpan
from app.core.errors import NotFoundError, ValidationError
from app.core.lookup import get_or_raise, not_found
from app.core.project import Project


@dataclass(frozen=True)
class StageInfo:
    id: int
    name: str
    position: int
    description: str
    color: str
    start_date: date | None = None
    end_date: date | None = None


@dataclass(frozen=True)
class StageSpanInfo:
    id: int
    document_id: int
    stage_id: int
    stage: str
    start: int
    end: int
    coder: str = ""  # who marked it ('' unknown)


def list_stages(project: Project) -> list[StageInfo]:
    """The stages in order."""
    with project.read() as session:
        return _list_stages(session)


def _list_stages(session: Session) -> list[StageInfo]:
    rows = session.execute(
        select(
            Stage.id, Stage.name, Stage.position, Stage.description, Stage.color, Stage.start_date,
            Stage.end_date,
        ).order_by(Stage.position, Stage.id)
    ).all()
    return [StageInfo(*row) for row in rows]


def get_stage(project: Project, stage_id: int) -> StageInfo:
    """One stage by id."""
    for info in list_stages(project):
        if info.id == stage_id:
            return info
    raise not_found("stage", stage_id)


def find_stage(session: Session, name: str) -> Stage:
    """The stage called ``name``; NotFoundError otherwise."""
    stage = session.scalar(select(Stage).where(Stage.name == name.strip()))
    if stage is None:
        raise NotFoundError(f"no stage named '{name}' in this project", code="not_named",
                        params={"what": "stage", "name": name})
    return stage


#: Colours for new stages, in order: Paul Tol's "bright" scheme (distinct for colour-blind readers).
STAGE_PALETTE = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB")


def next_stage_color(session: Session) -> str:
    """The first palette colour no stage uses yet (after all seven, the least used one)."""
    used = [c.upper() for c in session.scalars(select(Stage.color))]
    return min(STAGE_PALETTE, key=lambda c: (used.count(c), STAGE_PALETTE.index(c)))


def add_stage(
    project: Project, name: str, *, after: str | None = None, description: str = "", color: str | None = None
) -> StageInfo:
    """Add a stage at the end, or right after the stage called ``after``.

    Without ``color`` it takes the next colour of :data:`STAGE_PALETTE` that no stage uses.
    """
    name = _check_stage_name(name)
    if color is not None:
        color = _check_stage_color(color)
    with project.write() as session:
        if color is None:
            color = next_stage_color(session)
        if session.scalar(select(Stage.id).where(Stage.name == name)) is not None:
            raise ValidationError(f"a stage named '{name}' already exists", code="name.exists",
                                  params={"what": "stage", "name": name})
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


_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_UNSET = object()


def _check_stage_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned:
        raise ValidationError("a stage name cannot be empty", code="name.empty", params={"what": "stage"})
    if len(cleaned) > 200:
        raise ValidationError(f"a stage name has at most 200 characters: {cleaned[:20]!r}…",
                              code="too_long", params={"what": "stage", "limit": 200})
    return cleaned


def _check_stage_color(color: str) -> str:
    if not _COLOR.match(color):
        raise ValidationError(f"'{color}' is not a colour of the form #RRGGBB", code="value.colour",
                              params={"value": color})
    return color.upper()


def parse_date(value: str | date | None) -> date | None:
    """A date from ``YYYY-MM-DD`` (or ``YYYY-MM``, meaning the 1st); None or '' for no date."""
    if value is None or isinstance(value, date):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}", text):
            text += "-01"
        return date.fromisoformat(text if len(text) == 10 else _pad(text))
    except ValueError:
        raise ValidationError(f"'{value}' is not a date (use YYYY-MM-DD)", code="value.date",
                              params={"value": value}) from None


def _pad(text: str) -> str:
    year, month, day = text.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def update_stage(
    project: Project,
    stage_id: int,
    *,
    name: str | None = None,
    description: str | None = None,
    color: str | None = None,
    start_date: object = _UNSET,
    end_date: object = _UNSET,
) -> StageInfo:
    """Change a stage's name, description, colour or date range (a date of None clears it)."""
    with project.write() as session:
        stage = _get_stage(session, stage_id)
        if name is not None:
            name = _check_stage_name(name)
            other = session.scalar(select(Stage.id).where(Stage.name == name))
            if other is not None and other != stage_id:
                raise ValidationError(f"a stage named '{name}' already exists", code="name.exists",
                                  params={"what": "stage", "name": name})
            stage.name = name
        if description is not None:
            stage.description = description
        if color is not None:
            stage.color = _check_stage_color(color)
        if start_date is not _UNSET:
            stage.start_date = parse_date(start_date)  # type: ignore[arg-type]
        if end_date is not _UNSET:
            stage.end_date = parse_date(end_date)  # type: ignore[arg-type]
        if stage.start_date and stage.end_date and stage.end_date < stage.start_date:
            raise ValidationError(
                f"stage '{stage.name}': the end date {stage.end_date} "
                f"is before the start date {stage.start_date}",
                code="stage.dates_reversed", params={"name": stage.name},
            )
    return get_stage(project, stage_id)


def rename_stage(project: Project, stage_id: int, new_name: str) -> StageInfo:
    """Rename a stage; no other stage may have the name."""
    return update_stage(project, stage_id, name=new_name)


def move_stage(project: Project, stage_id: int, position: int) -> StageInfo:
    """Move a stage to ``position`` (0 = first) in the order; the others keep their relative order."""
    with project.write() as session:
        stage = _get_stage(session, stage_id)
        everything = session.scalars(select(Stage).order_by(Stage.position, Stage.id))
        ordered = [s for s in everything if s.id != stage_id]
        ordered.insert(max(0, min(position, len(ordered))), stage)
        for i, row in enumerate(ordered):
            row.position = i
    return get_stage(project, stage_id)


@dataclass(frozen=True)
class StageSnapshot:
    """A deleted stage and every reference to it, enough for :func:`restore_stage`."""

    stage: StageInfo
    spans: tuple[StageSpanInfo, ...]
    document_ids: tuple[int, ...]  # documents whose stage it was
    coding_ids: tuple[int, ...]  # codings whose own stage it was


def delete_stage(project: Project, stage_id: int) -> StageSnapshot:
    """Delete a stage: its spans go, documents and codings that named it lose their stage.

    Returns a snapshot from which :func:`restore_stage` puts everything back.
    """
    info = get_stage(project, stage_id)
    with project.write() as session:
        stage = _get_stage(session, stage_id)
        spans = tuple(
            StageSpanInfo(r.id, r.document_id, r.stage_id, stage.name, r.start, r.end, r.coder)
            for r in session.scalars(
                select(StageSpan).where(StageSpan.stage_id == stage_id).order_by(StageSpan.id)
            )
        )
        docs = tuple(session.scalars(select(Document.id).where(Document.stage_id == stage_id)))
        codings = tuple(session.scalars(select(Coding.id).where(Coding.stage_id == stage_id)))
        session.delete(stage)
        session.flush()
        for i, row in enumerate(session.scalars(select(Stage).order_by(Stage.position, Stage.id))):
            row.position = i
    return StageSnapshot(info, spans, docs, codings)


def restore_stage(project: Project, snapshot: StageSnapshot) -> StageInfo:
    """Undo :func:`delete_stage`: the stage comes back at its place, with its spans and references."""
    s = snapshot.stage
    with project.write() as session:
        ordered = list(session.scalars(select(Stage).order_by(Stage.position, Stage.id)))
        stage = Stage(id=s.id, name=s.name, description=s.description, color=s.color, position=0,
                      start_date=s.start_date, end_date=s.end_date)
        session.add(stage)
        ordered.insert(min(s.position, len(ordered)), stage)
        for i, row in enumerate(ordered):
            row.position = i
        session.flush()
        for span in snapshot.spans:
            session.add(StageSpan(id=span.id, document_id=span.document_id, stage_id=s.id, start=span.start,
                                  end=span.end, coder=span.coder))
        if snapshot.document_ids:
            session.execute(update(Document).where(Document.id.in_(snapshot.document_ids)).values(stage_id=s.id))
        if snapshot.coding_ids:
            session.execute(update(Coding).where(Coding.id.in_(snapshot.coding_ids)).values(stage_id=s.id))
    return get_stage(project, s.id)


def _get_stage(session: Session, stage_id: int) -> Stage:
    return get_or_raise(session, Stage, stage_id, what="stage")


def set_document_stage(project: Project, document_id: int, stage_id: int | None) -> None:
    """Set (or clear, with None) the stage of a whole document."""
    with project.write() as session:
        doc = get_or_raise(session, Document, document_id, what="document")
        if stage_id is not None:
            get_or_raise(session, Stage, stage_id, what="stage")
        doc.stage_id = stage_id


def add_stage_span(
    project: Project, document_id: int, stage_id: int, start: int, end: int, *, span_id: int | None = None,
    coder: str = "",
) -> StageSpanInfo:
    """Mark ``[start, end)`` of a document as belonging to a stage (``span_id`` re-creates a removed one);
    ``coder`` is who marked it."""
    with project.write() as session:
        doc = get_or_raise(session, Document, document_id, what="document")
        stage = get_or_raise(session, Stage, stage_id, what="stage")
        if not (0 <= start < end <= doc.length):
            raise ValidationError(
                f"{doc.name}: the range {start}–{end} is not inside the text (0–{doc.length} characters)",
                code="range.outside", params={"file": doc.name, "start": start, "end": end, "length": doc.length},
            )
        span = StageSpan(document_id=document_id, stage_id=stage_id, start=start, end=end, coder=coder)
        if span_id is not None:
            span.id = span_id
        session.add(span)
        session.flush()
        return StageSpanInfo(span.id, document_id, stage_id, stage.name, start, end, coder)


def document_stage_id(project: Project, document_id: int) -> int | None:
    """The stage set on a whole document (None: none)."""
    with project.read() as session:
        doc = get_or_raise(session, Document, document_id, what="document")
        return doc.stage_id


@dataclass(frozen=True)
class SpanChange:
    """What :func:`set_span_stage` did: the spans it removed (as they were) and the spans it added."""

    document_id: int
    removed: tuple[StageSpanInfo, ...]
    added: tuple[StageSpanInfo, ...]


def set_span_stage(
    project: Project, document_id: int, start: int, end: int, stage_id: int | None, *, coder: str = ""
) -> SpanChange:
    """Place ``[start, end)`` in stage ``stage_id`` (None: in no span); one unit of work.

    The new span records ``coder``; the parts of other spans that stay keep their coder.

    A passage is in one stage: spans overlapping the range are cut back to what lies outside it (a
    span around the range is split in two); then the new span is added. Spans of the same stage that
    touch or overlap it are joined into it.
    """
    with project.write() as session:
        doc = get_or_raise(session, Document, document_id, what="document")
        if not (0 <= start < end <= doc.length):
            raise ValidationError(
                f"{doc.name}: the range {start}–{end} is not inside the text (0–{doc.length} characters)",
                code="range.outside", params={"file": doc.name, "start": start, "end": end, "length": doc.length},
            )
        stage = None if stage_id is None else session.get(Stage, stage_id)
        if stage_id is not None and stage is None:
            raise not_found("stage", stage_id)
        names = dict(session.execute(select(Stage.id, Stage.name)).all())
        touching = list(session.scalars(
            select(StageSpan).where(StageSpan.document_id == document_id, StageSpan.start <= end,
                                    StageSpan.end >= start).order_by(StageSpan.start, StageSpan.id)))
        removed: list[StageSpanInfo] = []
        keep: list[tuple[int, int, int, str]] = []  # (stage, start, end, coder) of the parts that stay
        new_start, new_end = start, end
        for span in touching:
            overlaps = span.start < end and span.end > start
            if span.stage_id == stage_id:  # same stage, touching or overlapping: join
                new_start, new_end = min(new_start, span.start), max(new_end, span.end)
            elif not overlaps:
                continue
            else:
                if span.start < start:
                    keep.append((span.stage_id, span.start, start, span.coder))
                if span.end > end:
                    keep.append((span.stage_id, end, span.end, span.coder))
            removed.append(StageSpanInfo(span.id, document_id, span.stage_id, names[span.stage_id],
                                         span.start, span.end, span.coder))
            session.delete(span)
        session.flush()
        rows = [StageSpan(document_id=document_id, stage_id=sid, start=s, end=e, coder=c) for sid, s, e, c in keep]
        if stage_id is not None:
            rows.append(StageSpan(document_id=document_id, stage_id=stage_id, start=new_start, end=new_end,
                                  coder=coder))
        session.add_all(rows)
        session.flush()
        added = tuple(StageSpanInfo(r.id, document_id, r.stage_id, names[r.stage_id], r.start, r.end, r.coder)
                      for r in rows)
    return SpanChange(document_id, tuple(removed), added)


def undo_span_change(project: Project, change: SpanChange) -> None:
    """Undo :func:`set_span_stage`: remove the spans it added, put back those it removed (same ids)."""
    _swap_spans(project, change.added, change.removed)


def redo_span_change(project: Project, change: SpanChange) -> None:
    """Redo :func:`set_span_stage` exactly (same ids)."""
    _swap_spans(project, change.removed, change.added)


def _swap_spans(project: Project, drop: tuple[StageSpanInfo, ...], put: tuple[StageSpanInfo, ...]) -> None:
    with project.write() as session:
        for info in drop:
            row = session.get(StageSpan, info.id)
            if row is not None:
                session.delete(row)
        session.flush()
        for info in put:
            session.add(StageSpan(id=info.id, document_id=info.document_id, stage_id=info.stage_id,
                                  start=info.start, end=info.end, coder=info.coder))


def list_stage_spans(project: Project, document_id: int) -> list[StageSpanInfo]:
    """A document's stage spans in text order."""
    with project.read() as session:
        rows = session.execute(
            select(
                StageSpan.id, StageSpan.document_id, StageSpan.stage_id, Stage.name, StageSpan.start,
                StageSpan.end, StageSpan.coder,
            )
            .join(Stage, Stage.id == StageSpan.stage_id)
            .where(StageSpan.document_id == document_id)
            .order_by(StageSpan.start, StageSpan.id)
        ).all()
    return [StageSpanInfo(*row) for row in rows]


def remove_stage_span(project: Project, span_id: int) -> StageSpanInfo:
    """Remove a stage span; returns it as it was."""
    with project.write() as session:
        row = get_or_raise(session, StageSpan, span_id, what="stage span")
        name = _get_stage(session, row.stage_id).name
        info = StageSpanInfo(row.id, row.document_id, row.stage_id, name, row.start, row.end, row.coder)
        session.delete(row)
    return info


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

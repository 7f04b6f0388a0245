"""Codings: apply and remove codes on text ranges (code points, end exclusive), list them."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.codebook import code_paths
from app.core.db.models import Code, Coder, Coding, Document, Stage, utcnow
from app.core.errors import StaleTextError, ValidationError
from app.core.lookup import get_or_raise, not_found
from app.core.project import Project
from app.core.stages import effective_stages


@dataclass(frozen=True)
class CodingInfo:
    """A coding with what a reader needs: its text, code path, coder and effective stage."""

    id: int
    document_id: int
    document: str
    code_id: int
    code: str
    coder: str
    start: int
    end: int
    text: str
    memo: str
    stage: str | None  # the effective stage (coding, else stage span, else document)
    own_stage: str | None  # the stage set on the coding itself
    own_stage_id: int | None
    created_at: datetime


def get_or_create_coder(session: Session, name: str) -> Coder:
    """The coder called ``name``, created on first use."""
    name = name.strip()
    if not name:
        raise ValidationError("a coder name cannot be empty", code="name.empty", params={"what": "coder"})
    coder = session.scalar(select(Coder).where(Coder.name == name))
    if coder is None:
        coder = Coder(name=name, created_at=utcnow())
        session.add(coder)
        session.flush()
    return coder


def check_span(doc_name: str, length: int, start: int, end: int) -> None:
    """Raise ValidationError unless ``0 <= start < end <= length``."""
    if not (0 <= start < end <= length):
        raise ValidationError(
            f"{doc_name}: the range {start}–{end} is not inside the text "
            f"(0–{length} characters, and the start must be before the end)",
            code="range.outside", params={"file": doc_name, "start": start, "end": end, "length": length},
        )


def check_text_unchanged(session: Session, document_id: int, expect_sha256: str) -> None:
    """Raise StaleTextError unless document ``document_id`` exists and its text hashes to ``expect_sha256``."""
    sha = session.scalar(select(Document.sha256).where(Document.id == document_id))
    if sha != expect_sha256:
        raise StaleTextError(
            "the text on screen is not this project's document any more (another project was opened, or "
            "the text was changed); nothing was changed — show the document again and redo the selection",
            code="stale_text", params={"document_id": document_id},
        )


def apply_coding(
    project: Project,
    *,
    document_id: int,
    code_id: int,
    start: int,
    end: int,
    coder: str,
    memo: str = "",
    stage_id: int | None = None,
    coding_id: int | None = None,
    created_at: datetime | None = None,
    expect_sha256: str | None = None,
) -> CodingInfo:
    """Apply a code to ``[start, end)`` of a document; one committed unit of work.

    ``coding_id`` and ``created_at`` re-create a removed coding exactly (undo of a removal).
    ``expect_sha256`` is the hash of the text the positions were chosen on (the text on screen): the
    coding is refused unless the document's stored text is that text.
    """
    with project.write() as session:
        if expect_sha256 is not None:
            check_text_unchanged(session, document_id, expect_sha256)
        new_id = _insert(session, document_id, code_id, start, end, coder, memo, stage_id, coding_id, created_at)
    return get_coding(project, new_id)


def _insert(
    session: Session, document_id: int, code_id: int, start: int, end: int, coder: str, memo: str,
    stage_id: int | None, coding_id: int | None, created_at: datetime | None,
) -> int:
    doc = get_or_raise(session, Document, document_id, what="document")
    check_span(doc.name, doc.length, start, end)
    get_or_raise(session, Code, code_id, what="code")
    if stage_id is not None:
        get_or_raise(session, Stage, stage_id, what="stage")
    row = Coding(
        document_id=document_id, code_id=code_id, coder_id=get_or_create_coder(session, coder).id,
        start=start, end=end, memo=memo, stage_id=stage_id, created_at=created_at or utcnow(),
    )
    if coding_id is not None:
        row.id = coding_id
    session.add(row)
    session.flush()
    return row.id


def restore_coding(project: Project, info: CodingInfo) -> None:
    """Re-create a removed coding exactly (id, creation time, memo, own stage); for undo and redo.

    Unlike :func:`apply_coding` it reads nothing back: the caller has the coding already.
    """
    with project.write() as session:
        _insert(session, info.document_id, info.code_id, info.start, info.end, info.coder, info.memo,
                info.own_stage_id, info.id, info.created_at)


def delete_coding(project: Project, coding_id: int) -> None:
    """Remove a coding without returning it (undo and redo, where the caller has it already)."""
    with project.write() as session:
        row = get_or_raise(session, Coding, coding_id, what="coding")
        session.delete(row)


def remove_coding(project: Project, coding_id: int) -> CodingInfo:
    """Remove a coding; returns it as it was (enough to re-create it)."""
    info = get_coding(project, coding_id)
    with project.write() as session:
        row = get_or_raise(session, Coding, coding_id, what="coding")
        session.delete(row)
    return info


def set_coding_memo(project: Project, coding_id: int, memo: str) -> CodingInfo:
    """Replace a coding's memo."""
    with project.write() as session:
        row = get_or_raise(session, Coding, coding_id, what="coding")
        row.memo = memo
    return get_coding(project, coding_id)


def set_coding_stage(project: Project, coding_id: int, stage_id: int | None) -> CodingInfo:
    """Set (or clear, with None) the stage of a coding itself; it overrides its span's and document's."""
    with project.write() as session:
        row = get_or_raise(session, Coding, coding_id, what="coding")
        if stage_id is not None:
            get_or_raise(session, Stage, stage_id, what="stage")
        row.stage_id = stage_id
    return get_coding(project, coding_id)


def get_coding(project: Project, coding_id: int) -> CodingInfo:
    """One coding by id."""
    found = list_codings(project, coding_ids=[coding_id])
    if not found:
        raise not_found("coding", coding_id)
    return found[0]


def list_codings(
    project: Project,
    *,
    document_id: int | None = None,
    code_id: int | None = None,
    coding_ids: list[int] | None = None,
) -> list[CodingInfo]:
    """Codings with their text, ordered by document order and position."""
    with project.read() as session:
        return _list_codings(session, document_id=document_id, code_id=code_id, coding_ids=coding_ids)


def _list_codings(
    session: Session,
    *,
    document_id: int | None,
    code_id: int | None,
    coding_ids: list[int] | None,
) -> list[CodingInfo]:
    query = (
        select(
            Coding.id, Coding.document_id, Document.name, Coding.code_id, Coder.name, Coding.start,
            Coding.end, Coding.memo, Coding.stage_id, Coding.created_at,
        )
        .join(Document, Document.id == Coding.document_id)
        .join(Coder, Coder.id == Coding.coder_id)
        .order_by(Document.position, Document.id, Coding.start, Coding.end, Coding.id)
    )
    if document_id is not None:
        query = query.where(Coding.document_id == document_id)
    if code_id is not None:
        query = query.where(Coding.code_id == code_id)
    if coding_ids is not None:
        query = query.where(Coding.id.in_(coding_ids))
    rows = session.execute(query).all()
    texts = document_texts(session, {r[1] for r in rows})
    paths = code_paths(session)
    stage_names = dict(session.execute(select(Stage.id, Stage.name)).all())
    effective = effective_stages(session, [(r[0], r[1], r[5], r[6], r[8]) for r in rows])
    def stage_name(stage_id: int | None) -> str | None:
        return stage_names.get(stage_id) if stage_id is not None else None

    return [
        CodingInfo(
            id=r[0], document_id=r[1], document=r[2], code_id=r[3], code=paths[r[3]], coder=r[4],
            start=r[5], end=r[6], text=texts[r[1]][r[5]:r[6]], memo=r[7],
            stage=stage_name(effective[r[0]]),
            own_stage=stage_names.get(r[8]) if r[8] is not None else None,
            own_stage_id=r[8],
            created_at=r[9],
        )
        for r in rows
    ]


class _TextCache:
    """Recently used document texts, keyed by their SHA-256 (so an edited text is never served stale).

    Passages are sliced in Python from whole texts (SQLite's substr() would read a long text once per
    row); keeping the texts avoids reading a 300,000-character transcript again for every listing.
    """

    def __init__(self, budget_chars: int = 8_000_000) -> None:
        self._budget = budget_chars
        self._size = 0
        self._texts: OrderedDict[str, str] = OrderedDict()

    def get(self, sha256: str) -> str | None:
        text = self._texts.get(sha256)
        if text is not None:
            self._texts.move_to_end(sha256)
        return text

    def put(self, sha256: str, text: str) -> None:
        if sha256 in self._texts or len(text) > self._budget:
            return
        self._texts[sha256] = text
        self._size += len(text)
        while self._size > self._budget:
            _, dropped = self._texts.popitem(last=False)
            self._size -= len(dropped)


_TEXT_CACHE = _TextCache()


def document_texts(session: Session, document_ids: set[int]) -> dict[int, str]:
    """The texts of the given documents, from the cache when their hash matches."""
    if not document_ids:
        return {}
    hashes = dict(session.execute(select(Document.id, Document.sha256).where(Document.id.in_(document_ids))).all())
    texts: dict[int, str] = {}
    missing = []
    for doc_id, sha in hashes.items():
        cached = _TEXT_CACHE.get(sha)
        if cached is None:
            missing.append(doc_id)
        else:
            texts[doc_id] = cached
    if missing:
        for doc_id, text in session.execute(select(Document.id, Document.text).where(Document.id.in_(missing))):
            texts[doc_id] = text
            _TEXT_CACHE.put(hashes[doc_id], text)
    return texts


def list_coders(project: Project) -> list[str]:
    """Names of every coder known to the project, sorted."""
    with project.read() as session:
        return sorted(session.scalars(select(Coder.name)))


# --- edits and batches (undo support for the workspace) ------------------------------------------


@dataclass(frozen=True)
class NewCoding:
    """One coding for :func:`apply_codings`; ``coding_id``/``created_at`` re-create a removed one."""

    document_id: int
    code_id: int
    start: int
    end: int
    coder: str
    memo: str = ""
    stage_id: int | None = None
    coding_id: int | None = None
    created_at: datetime | None = None


def apply_codings(project: Project, items: Sequence[NewCoding]) -> list[CodingInfo]:
    """Apply many codings as one unit of work (all or nothing), e.g. "code all search hits".

    Undo with :func:`remove_codings`; redo by passing the removed codings back with their ids.
    """
    with project.write() as session:
        docs: dict[int, Document] = {}
        ids: list[int] = []
        for item in items:
            doc = docs.get(item.document_id) or session.get(Document, item.document_id)
            if doc is None:
                raise not_found("document", item.document_id)
            docs[item.document_id] = doc
            check_span(doc.name, doc.length, item.start, item.end)
            get_or_raise(session, Code, item.code_id, what="code")
            if item.stage_id is not None:
                get_or_raise(session, Stage, item.stage_id, what="stage")
            row = Coding(
                document_id=item.document_id, code_id=item.code_id,
                coder_id=get_or_create_coder(session, item.coder).id, start=item.start, end=item.end,
                memo=item.memo, stage_id=item.stage_id, created_at=item.created_at or utcnow(),
            )
            if item.coding_id is not None:
                row.id = item.coding_id
            session.add(row)
            session.flush()
            ids.append(row.id)
        found = {c.id: c for c in _list_codings(session, document_id=None, code_id=None, coding_ids=ids)}
    return [found[i] for i in ids]


def as_new_coding(info: CodingInfo) -> NewCoding:
    """The :class:`NewCoding` that re-creates ``info`` exactly (same id and creation time)."""
    return NewCoding(
        document_id=info.document_id, code_id=info.code_id, start=info.start, end=info.end, coder=info.coder,
        memo=info.memo, stage_id=info.own_stage_id, coding_id=info.id, created_at=info.created_at,
    )


def remove_codings(project: Project, coding_ids: Sequence[int]) -> list[CodingInfo]:
    """Remove many codings as one unit of work; returns them as they were (in the given order)."""
    with project.write() as session:
        listed = _list_codings(session, document_id=None, code_id=None, coding_ids=list(coding_ids))
        found = {c.id: c for c in listed}
        missing = [i for i in coding_ids if i not in found]
        if missing:
            raise not_found("coding", missing[0])
        for coding_id in coding_ids:
            row = session.get(Coding, coding_id)
            if row is not None:
                session.delete(row)
    return [found[i] for i in coding_ids]


def update_coding_span(
    project: Project, coding_id: int, start: int, end: int, *, expect_sha256: str | None = None
) -> tuple[CodingInfo, CodingInfo]:
    """Move a coding's boundaries to ``[start, end)``; returns ``(old, new)`` (undo: apply old's span).

    ``expect_sha256``: as for :func:`apply_coding` (the new range was chosen on that text).
    """
    old = get_coding(project, coding_id)
    with project.write() as session:
        if expect_sha256 is not None:
            check_text_unchanged(session, old.document_id, expect_sha256)
        row = get_or_raise(session, Coding, coding_id, what="coding")
        doc = session.get(Document, row.document_id)
        assert doc is not None  # the foreign key guarantees it
        check_span(doc.name, doc.length, start, end)
        row.start, row.end = start, end
    return old, get_coding(project, coding_id)


def set_coding_code(project: Project, coding_id: int, code_id: int) -> tuple[CodingInfo, CodingInfo]:
    """Give a coding another code; returns ``(old, new)`` (undo: set old's ``code_id`` back)."""
    old = get_coding(project, coding_id)
    with project.write() as session:
        row = get_or_raise(session, Coding, coding_id, what="coding")
        get_or_raise(session, Code, code_id, what="code")
        row.code_id = code_id
    return old, get_coding(project, coding_id)

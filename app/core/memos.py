"""Memos on the project, documents, codes and codings; one list to browse and search them.

Each setter returns the memo it replaced, so an undo command can put it back. A coding's memo is
set with :func:`app.core.coding.set_coding_memo` (it returns the coding as it is now; read the old
memo from the coding before).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select

from app.core.codebook import code_paths
from app.core.db.models import Code, Coding, Document, ProjectMeta
from app.core.lookup import get_or_raise, not_found
from app.core.project import Project
from app.core.search import fold_ascii

MemoKind = Literal["project", "document", "code", "coding"]
PROJECT_MEMO_KEY = "memo"


@dataclass(frozen=True)
class MemoInfo:
    """One non-empty memo and what it belongs to.

    ``owner_id`` is the document, code or coding id (0 for the project memo). ``title`` names the
    owner: the project file's name, the document's name, the code's path, or for a coding
    ``"<document> <start>–<end> <code path>"``. For codings (and documents) ``document_id`` is set,
    and for codings ``start``/``end`` too, so a list can jump to the place.
    """

    kind: MemoKind
    owner_id: int
    title: str
    text: str
    document_id: int | None = None
    start: int | None = None
    end: int | None = None


def project_memo(project: Project) -> str:
    """The project's memo ('' when none)."""
    with project.read() as session:
        return session.scalar(select(ProjectMeta.value).where(ProjectMeta.key == PROJECT_MEMO_KEY)) or ""


def set_project_memo(project: Project, memo: str) -> str:
    """Replace the project's memo; returns the previous one."""
    with project.write() as session:
        row = session.get(ProjectMeta, PROJECT_MEMO_KEY)
        if row is None:
            session.add(ProjectMeta(key=PROJECT_MEMO_KEY, value=memo))
            return ""
        previous = row.value
        row.value = memo
    return previous


def _memo(project: Project, model: type[Document] | type[Code], row_id: int) -> str:
    with project.read() as session:
        memo = session.scalar(select(model.memo).where(model.id == row_id))
    if memo is None:
        raise not_found(str(model.__tablename__), row_id)
    return memo


def _set_memo(project: Project, model: type[Document] | type[Code], row_id: int, memo: str) -> str:
    with project.write() as session:
        row: Document | Code = (get_or_raise(session, Document, row_id, what="document") if model is Document
                                else get_or_raise(session, Code, row_id, what="code"))
        previous = row.memo
        row.memo = memo
    return previous


def document_memo(project: Project, document_id: int) -> str:
    """A document's memo."""
    return _memo(project, Document, document_id)


def set_document_memo(project: Project, document_id: int, memo: str) -> str:
    """Replace a document's memo; returns the previous one."""
    return _set_memo(project, Document, document_id, memo)


def code_memo(project: Project, code_id: int) -> str:
    """A code's memo."""
    return _memo(project, Code, code_id)


def set_code_memo(project: Project, code_id: int, memo: str) -> str:
    """Replace a code's memo; returns the previous one."""
    return _set_memo(project, Code, code_id, memo)


def list_memos(project: Project, query: str | None = None) -> list[MemoInfo]:
    """Every non-empty memo: the project's, then documents' (in document order), codes' (in tree
    order), codings' (in document and text order). With ``query``, only memos whose text or title
    contains it (ASCII letters in either case)."""
    out: list[MemoInfo] = []
    with project.read() as session:
        memo = session.scalar(select(ProjectMeta.value).where(ProjectMeta.key == PROJECT_MEMO_KEY))
        if memo:
            out.append(MemoInfo("project", 0, project.path.stem, memo))
        for doc_id, name, doc_memo in session.execute(
            select(Document.id, Document.name, Document.memo)
            .where(Document.memo != "")
            .order_by(Document.position, Document.id)
        ):
            out.append(MemoInfo("document", doc_id, name, doc_memo, document_id=doc_id))
        paths = code_paths(session)
        order = {code_id: i for i, code_id in enumerate(paths)}
        code_rows = session.execute(select(Code.id, Code.memo).where(Code.memo != "")).all()
        for code_id, code_memo_text in sorted(code_rows, key=lambda r: order[r[0]]):
            out.append(MemoInfo("code", code_id, paths[code_id], code_memo_text))
        for coding_id, doc_id, doc_name, code_id, start, end, coding_memo in session.execute(
            select(Coding.id, Coding.document_id, Document.name, Coding.code_id, Coding.start, Coding.end,
                   Coding.memo)
            .join(Document, Document.id == Coding.document_id)
            .where(Coding.memo != "")
            .order_by(Document.position, Document.id, Coding.start, Coding.end, Coding.id)
        ):
            title = f"{doc_name} {start}–{end} {paths[code_id]}"
            out.append(
                MemoInfo("coding", coding_id, title, coding_memo, document_id=doc_id, start=start, end=end)
            )
    if query:
        needle = fold_ascii(query)
        out = [m for m in out if needle in fold_ascii(m.text) or needle in fold_ascii(m.title)]
    return out


__all__ = [
    "MemoInfo",
    "MemoKind",
    "code_memo",
    "document_memo",
    "list_memos",
    "project_memo",
    "set_code_memo",
    "set_document_memo",
    "set_project_memo",
]

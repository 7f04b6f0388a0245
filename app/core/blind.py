"""Blind (independent) coding: while it is on, a coder sees only their own codings.

Two coders can then code the same documents in one project without seeing each other's work, which an
intercoder-agreement figure needs. The switch is stored in the project (``project_meta``), so every
window and the command line that open the project see it; the codings themselves keep their coder.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from sqlalchemy import func, select

from app.core.coding import CodingInfo, list_codings
from app.core.db.models import Coder, Coding
from app.core.project import Project, project_meta, set_project_meta

BLIND_KEY = "blind_coding"

C = TypeVar("C", bound=CodingInfo)


def blind_coding(project: Project) -> bool:
    """Whether the project asks for blind coding."""
    return project_meta(project, BLIND_KEY) == "1"


def set_blind_coding(project: Project, on: bool) -> bool:
    """Switch blind coding on or off; returns the previous setting."""
    return set_project_meta(project, BLIND_KEY, "1" if on else "0") == "1"


def visible_codings(codings: Iterable[C], coder: str, *, blind: bool) -> list[C]:
    """The codings ``coder`` may see: all of them, or (blind) only their own."""
    if not blind:
        return list(codings)
    return [c for c in codings if c.coder == coder]


def codings_visible_to(project: Project, coder: str, *, document_id: int | None = None) -> list[CodingInfo]:
    """The project's codings (of one document, if given) as ``coder`` may see them."""
    return visible_codings(list_codings(project, document_id=document_id), coder, blind=blind_coding(project))


def coding_counts(project: Project, coder: str) -> dict[int, int]:
    """How many codings ``coder`` made in each document (document id → count; absent: none)."""
    with project.read() as session:
        rows = session.execute(
            select(Coding.document_id, func.count(Coding.id)).join(Coder, Coder.id == Coding.coder_id)
            .where(Coder.name == coder).group_by(Coding.document_id)).all()
    return {int(doc): int(n) for doc, n in rows}


def coders_of(project: Project, coding_ids: Iterable[int]) -> dict[int, str]:
    """The coder of each of ``coding_ids`` (coding id → coder name; ids of no coding are left out)."""
    ids = sorted(set(coding_ids))
    found: dict[int, str] = {}
    with project.read() as session:
        for chunk in range(0, len(ids), 500):  # SQLite limits the number of bound parameters
            rows = session.execute(select(Coding.id, Coder.name).join(Coder, Coder.id == Coding.coder_id)
                                   .where(Coding.id.in_(ids[chunk:chunk + 500]))).all()
            found.update({int(i): str(name) for i, name in rows})
    return found

"""Operations on action-logic links between codes and their evidence passages (process tracing).

Deleting a link is :func:`app.core.ops.entities.delete_link` (re-exported here). Each operation here
is one transaction; undo and redo replay it exactly (a re-created link or evidence keeps its id and
creation time, so evidence, figure adjustments and later undo steps still find it).
"""

from __future__ import annotations

from app.core import lookup
from app.core.changes import Changes
from app.core.ops import Done, done
from app.core.ops.entities import delete_link
from app.core.process import links as service
from app.core.process.links import EvidenceInfo, LinkInfo
from app.core.project import Project

_LINKS = Changes(links=True)


def _subject(info: LinkInfo) -> str:
    return f"{info.source} → {info.target}"


def create_link(project: Project, source: int | str, target: int | str, relation: str = "leads_to", *,
                source_stage: int | str | None = None, target_stage: int | str | None = None,
                memo: str = "", coder: str = "") -> Done[LinkInfo]:
    """Link code ``source`` to code ``target`` (ids or paths), optionally at stages (ids or names)."""
    info = service.create_link(
        project, lookup.code_id(project, source), lookup.code_id(project, target), relation,
        source_stage_id=lookup.optional_stage_id(project, source_stage),
        target_stage_id=lookup.optional_stage_id(project, target_stage), memo=memo, coder=coder)

    def redo() -> None:
        service.create_link(project, info.source_id, info.target_id, info.relation,
                            source_stage_id=info.source_stage_id, target_stage_id=info.target_stage_id,
                            memo=info.memo, coder=info.coder, link_id=info.id, created_at=info.created_at)

    return done("create_link", _subject(info), info, _LINKS, lambda: service.delete_link(project, info.id), redo)


def update_link(project: Project, link_id: int, *, relation: str | None = None,
                memo: str | None = None) -> Done[LinkInfo]:
    """Change a link's relation or memo; the value is the link as it is afterwards."""
    before = service.update_link(project, link_id, relation=relation, memo=memo)
    after = service.get_link(project, link_id)
    return done("edit_link", _subject(before), after, _LINKS, lambda: service.set_link(project, before),
                lambda: service.set_link(project, after))


def add_evidence(project: Project, link_id: int, coding_id: int, *, test: str = "straw_in_the_wind",
                 stance: str = "supports", note: str = "") -> Done[EvidenceInfo]:
    """Add a coded passage as evidence of a link, with its process-tracing test and stance."""
    info = service.add_evidence(project, link_id, coding_id, test=test, stance=stance, note=note)
    return done("add_evidence", info.code, info, _LINKS, lambda: service.remove_evidence(project, info.id),
                lambda: service.readd_evidence(project, info))


def update_evidence(project: Project, evidence_id: int, *, test: str | None = None, stance: str | None = None,
                    note: str | None = None) -> Done[EvidenceInfo]:
    """Change an evidence passage's test, stance or note; the value is the evidence afterwards."""
    before = service.update_evidence(project, evidence_id, test=test, stance=stance, note=note)
    after = service.get_evidence(project, evidence_id)

    def put(info: EvidenceInfo) -> None:
        service.update_evidence(project, evidence_id, test=info.test, stance=info.stance, note=info.note)

    return done("edit_evidence", before.code, after, _LINKS, lambda: put(before), lambda: put(after))


def remove_evidence(project: Project, evidence_id: int) -> Done[EvidenceInfo]:
    """Take a passage out of a link's evidence (undo puts it back under its id)."""
    info = service.remove_evidence(project, evidence_id)
    return done("remove_evidence", info.code, info, _LINKS, lambda: service.readd_evidence(project, info),
                lambda: service.remove_evidence(project, info.id))


__all__ = ["add_evidence", "create_link", "delete_link", "remove_evidence", "update_evidence", "update_link"]

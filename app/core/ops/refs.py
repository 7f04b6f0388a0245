"""Names or ids: operations accept either and resolve them here (one read each)."""

from __future__ import annotations

from app.core.project import Project


def document_id(project: Project, ref: int | str) -> int:
    """The id of document ``ref`` (its id, or its name)."""
    if isinstance(ref, int):
        return ref
    from app.core.documents import document_id_by_name

    return document_id_by_name(project, ref)


def code_id(project: Project, ref: int | str) -> int:
    """The id of code ``ref`` (its id, or its path such as ``内生因素/增权赋能``)."""
    if isinstance(ref, int):
        return ref
    from app.core.codebook import find_code

    with project.read() as session:
        return find_code(session, ref).id


def stage_id(project: Project, ref: int | str | None) -> int | None:
    """The id of stage ``ref`` (its id or name; None stays None)."""
    if ref is None or isinstance(ref, int):
        return ref
    from app.core.stages import find_stage

    with project.read() as session:
        return find_stage(session, ref).id

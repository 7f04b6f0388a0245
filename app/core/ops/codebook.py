"""Operations on the codebook as a whole: merge a codebook file or a framework template, choose
example codings for the coding-example table. Each is one undo step in the window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.core import templates
from app.core.changes import Changes
from app.core.ops import Done, done
from app.core.project import Project

if TYPE_CHECKING:
    from app.core.exchange.codebook_io import ImportResult


def import_codebook(project: Project, path: str | Path) -> Done[ImportResult]:
    """Merge a codebook file (.qdc .qde .qdpx .xlsx .csv) into the project, matching codes by name."""
    from app.core.exchange.codebook_io import import_codebook as merge
    from app.core.exchange.codebook_io import redo_import, undo_import

    result = merge(project, path)
    return done("import_codebook", Path(path).name, result, Changes(codes=True, all_codings=True),
                lambda: undo_import(project, result), lambda: redo_import(project, result))


def apply_template(project: Project, name: str) -> Done[templates.ApplyReport]:
    """Merge a framework template's codes, stages and levels into the project."""
    report = templates.apply_template(project, name)
    return done("apply_template", name, report, Changes(codes=True, stages=True, all_codings=True),
                lambda: templates.undo_apply(project, report), lambda: templates.redo_apply(project, report))


def set_exemplar(project: Project, coding_id: int, exemplar: bool = True) -> Done[bool]:
    """Choose (or un-choose) a coding as an example for the coding-example table; the value is the
    old choice."""
    from app.core import tables  # with the table writers (openpyxl, python-docx): loaded on first use
    from app.core.coding import get_coding

    old = tables.set_exemplar(project, coding_id, exemplar)
    info = get_coding(project, coding_id)
    return done("exemplar" if exemplar else "no_exemplar", info.code, old,
                Changes(codings_in=frozenset({info.document_id})),
                lambda: tables.set_exemplar(project, coding_id, old),
                lambda: tables.set_exemplar(project, coding_id, exemplar))


__all__ = ["apply_template", "import_codebook", "set_exemplar"]

"""Codebook export and import: pick the format by extension; merge imports by name, with a preview.

Merging: each imported code is matched, parents first, to the code of the same name under its
(matched) parent; a top-level code with no match there is matched to the one code of that name
anywhere in the project, if there is exactly one (so a flat list merges into a tree). A matched
code takes the imported values of the fields the file fills and that differ (an empty value in the
file never erases anything); an unmatched one is created with them. Nothing is deleted or moved.
The plan is computed and applied in one transaction, so an import is all or nothing; ``dry_run``
computes the same plan and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.codebook import (
    _auto_color,
    _next_position,
    apply_code_fields,
    code_paths,
    join_keywords,
    levels_in,
    split_keywords,
    update_code,
)
from app.core.db.models import Code, Coding
from app.core.errors import GuijiError, InputFileError, ValidationError
from app.core.exchange.codebook_docx import write_codebook_docx
from app.core.exchange.codebook_model import (
    ENTRY_FIELDS,
    FIELD_LABELS,
    Codebook,
    CodebookEntry,
    project_codebook,
)
from app.core.exchange.codebook_qdc import read_refi_codebook, write_qdc
from app.core.exchange.codebook_sheets import read_sheet_codebook, write_csv, write_markdown, write_xlsx
from app.core.fsutil import atomic_path
from app.core.project import Project
from app.core.variants import fold

EXPORTERS: dict[str, Callable[[Codebook, Path], None]] = {
    ".qdc": write_qdc,
    ".docx": write_codebook_docx,
    ".xlsx": write_xlsx,
    ".csv": write_csv,
    ".md": write_markdown,
}
IMPORT_SUFFIXES = (".qdc", ".qde", ".qdpx", ".xlsx", ".csv")


def export_codebook(project: Project, out: str | Path, lang: str | None = None) -> Path:
    """Write the project's codebook to ``out``; the format follows its extension.

    ``lang`` (``zh``, ``en`` or ``both``) chooses the language of headings and labels; None keeps the
    original bilingual layout.
    """
    out = Path(out)
    writer = EXPORTERS.get(out.suffix.lower())
    if writer is None:
        raise ValidationError(
            f"{out.name}: cannot export a codebook as '{out.suffix or 'no extension'}' "
            f"(use one of {', '.join(EXPORTERS)})",
            code="export.suffix", params={"file": out.name, "allowed": ", ".join(EXPORTERS)},
        )
    if not out.parent.is_dir():
        raise ValidationError(f"{out.name}: the folder {out.parent} does not exist", code="file.no_folder",
                              params={"file": out.name, "folder": str(out.parent)})
    # Written beside the target and renamed, so a failed export never leaves half a file behind.
    try:
        with atomic_path(out) as tmp:
            writer(project_codebook(project, lang), tmp)
    except OSError as exc:
        raise ValidationError(f"{out.name}: cannot be written ({exc.strerror or exc})", code="file.unwritable",
                              params={"file": out.name, "reason": str(exc.strerror or exc)}) from exc
    return out


def read_codebook_file(path: str | Path) -> list[CodebookEntry]:
    """The codes in a codebook file (.qdc, .qde, .qdpx, .xlsx, .csv), parents first."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        raise InputFileError(
            path,
            f"cannot import a codebook from '{suffix or 'no extension'}' "
            f"(use one of {', '.join(IMPORT_SUFFIXES)})",
            code="import.suffix", params={"suffix": suffix or "—", "allowed": ", ".join(IMPORT_SUFFIXES)},
        )
    if not path.is_file():
        raise InputFileError(path, "no such file", code="file.missing")
    if suffix in (".xlsx", ".csv"):
        return read_sheet_codebook(path)
    return read_refi_codebook(path)


# --- merging --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CodeChange:
    """What an import does to one code."""

    path: str  # the code's path in the project after the import
    action: str  # "add" | "update" | "same"
    changes: tuple[tuple[str, str, str], ...] = ()  # (field, old, new)
    matched_by_name: bool = False  # matched a code of that name elsewhere in the tree
    source: str = ""  # the path in the imported file

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "action": self.action,
            "source": self.source,
            "matched_by_name": self.matched_by_name,
            "changes": [{"field": f, "old": o, "new": n} for f, o, n in self.changes],
        }


@dataclass(frozen=True)
class ImportResult:
    """The plan (applied or not) and what undoing it needs."""

    file: str
    changes: tuple[CodeChange, ...]
    applied: bool
    created: tuple[dict[str, Any], ...] = ()  # the rows of the codes it added, parents first
    previous: tuple[tuple[int, dict[str, object]], ...] = field(default=())  # old values of updated codes
    updated: tuple[tuple[int, dict[str, object]], ...] = field(default=())  # their new values

    @property
    def created_ids(self) -> tuple[int, ...]:
        return tuple(int(row["id"]) for row in self.created)

    @property
    def added(self) -> int:
        return sum(1 for c in self.changes if c.action == "add")

    @property
    def to_update(self) -> int:
        return sum(1 for c in self.changes if c.action == "update")

    @property
    def unchanged(self) -> int:
        return sum(1 for c in self.changes if c.action == "same")

    def summary(self) -> str:
        return f"{self.added} to add, {self.to_update} to update, {self.unchanged} unchanged"

    def preview_lines(self) -> list[str]:
        """One line per code that changes, then the counts."""
        lines = []
        for change in self.changes:
            if change.action == "same":
                continue
            note = f"  (matched by name; in the file: {change.source})" if change.matched_by_name else ""
            lines.append(f"{change.action:<7} {change.path}{note}")
            for name, old, new in change.changes:
                label = FIELD_LABELS.get(name, (name, name))[1].lower()
                lines.append(f"          {label}: {_short(old)!r} -> {_short(new)!r}")
        lines.append(self.summary())
        return lines

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "applied": self.applied,
            "added": self.added,
            "updated": self.to_update,
            "unchanged": self.unchanged,
            "codes": [c.as_dict() for c in self.changes],
        }


def _short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _level_key(session: Session, value: str) -> str:
    for level in levels_in(session):
        if value.casefold() in (level.key.casefold(), level.label.casefold(), level.english.casefold()):
            return level.key
    return value


def _stored(value: str | tuple[str, ...], key: str) -> str:
    return join_keywords(split_keywords(value)) if key == "keywords" else str(value).strip("\n")


def _merge(session: Session, entries: list[CodebookEntry], *, apply: bool) -> ImportResult:
    rows = session.execute(select(Code.id, Code.parent_id, Code.name)).all()
    by_parent: dict[tuple[int | None, str], int] = {(r.parent_id, r.name): r.id for r in rows}
    # Traditional and Simplified names are one name (代議 = 代议; docs/variants.md): an exact name
    # wins, else the one code whose name folds to the same; the project keeps its own spelling.
    folded: dict[tuple[int | None, str], list[int]] = {}
    by_name: dict[str, list[int]] = {}
    for r in rows:
        folded.setdefault((r.parent_id, fold(r.name)), []).append(r.id)
        by_name.setdefault(fold(r.name), []).append(r.id)
    paths = code_paths(session)
    target: dict[tuple[str, ...], int | None] = {}  # None: a code this import creates (dry run)
    new_paths: dict[tuple[str, ...], str] = {}
    changes: list[CodeChange] = []
    created: list[dict[str, Any]] = []
    previous: list[tuple[int, dict[str, object]]] = []
    updated: list[tuple[int, dict[str, object]]] = []
    for entry in entries:
        parent_names = entry.names[:-1]
        parent_id = target.get(parent_names) if parent_names else None
        parent_new = bool(parent_names) and parent_id is None
        found: int | None = None
        by_name_match = False
        if not parent_new:
            found = by_parent.get((parent_id, entry.name))
            if found is None and len(folded.get((parent_id, fold(entry.name)), [])) == 1:
                found = folded[(parent_id, fold(entry.name))][0]
            if found is None and not parent_names and len(by_name.get(fold(entry.name), [])) == 1:
                found, by_name_match = by_name[fold(entry.name)][0], True
        wanted: dict[str, str] = {}
        for key in ENTRY_FIELDS:
            value = entry.fields.get(key)
            if value:
                text = _stored(value, key)
                wanted[key] = _level_key(session, text) if key == "level" else text
        if entry.color:
            wanted["color"] = entry.color
        if found is not None:
            code = session.get(Code, found)
            assert code is not None
            diff = tuple(
                (k, str(getattr(code, k)), v) for k, v in wanted.items() if str(getattr(code, k)) != v
            )
            path = paths[found]
            if diff and apply:
                previous.append((found, {k: old for k, old, _n in diff}))
                updated.append((found, {k: new for k, _o, new in diff}))
                apply_code_fields(session, code, updated[-1][1])
            target[entry.names] = found
            changes.append(CodeChange(path, "update" if diff else "same", diff, by_name_match, entry.path))
            continue
        parent_path = new_paths.get(parent_names) or (paths.get(parent_id) if parent_id is not None else "")
        path = f"{parent_path}/{entry.name}" if parent_path else entry.name
        new_paths[entry.names] = path
        target[entry.names] = None
        changes.append(
            CodeChange(path, "add", tuple((k, "", v) for k, v in wanted.items()), False, entry.path)
        )
        if apply:
            code = Code(
                parent_id=parent_id,
                name=entry.name,
                color=_auto_color(session),
                position=_next_position(session, parent_id),
                description="",
                memo="",
            )
            session.add(code)
            session.flush()
            apply_code_fields(session, code, wanted)
            target[entry.names] = code.id
            by_parent[(parent_id, entry.name)] = code.id
            folded.setdefault((parent_id, fold(entry.name)), []).append(code.id)
            paths[code.id] = path
            created.append({c: getattr(code, c) for c in _ROW_COLUMNS})
    return ImportResult("", tuple(changes), apply, tuple(created), tuple(previous), tuple(updated))


_ROW_COLUMNS = (
    "id",
    "parent_id",
    "name",
    "color",
    "position",
    "description",
    "memo",
    "created_at",
    "short_definition",
    "when_to_use",
    "when_not_to_use",
    "example",
    "keywords",
    "level",
)


def import_codebook(project: Project, path: str | Path, *, dry_run: bool = False) -> ImportResult:
    """Merge the codebook file at ``path`` into the project (or, with ``dry_run``, only plan it).

    Any problem with the file raises one error that names it, and the project is left as it was.
    """
    path = Path(path)
    entries = read_codebook_file(path)
    if not entries:
        raise InputFileError(path, "the file holds no codes", code="codebook.no_codes")
    try:
        if dry_run:
            with project.read() as session:
                result = _merge(session, entries, apply=False)
        else:
            with project.write() as session:
                result = _merge(session, entries, apply=True)
    except ValidationError as exc:
        raise InputFileError(path, str(exc), code=exc.code, params=exc.params) from exc
    return ImportResult(
        path.name, result.changes, result.applied, result.created, result.previous, result.updated
    )


def undo_import(project: Project, result: ImportResult) -> None:
    """Take an applied import back: its new codes go (they must have no codings), old values return."""
    with project.write() as session:
        if result.created_ids:
            coded = session.scalar(select(Coding.id).where(Coding.code_id.in_(result.created_ids)).limit(1))
            if coded is not None:
                raise GuijiError("codes added by the import have been used since; undo those codings first",
                                 code="template.codes_used")
            for code_id in reversed(result.created_ids):
                code = session.get(Code, code_id)
                if code is not None:
                    session.delete(code)
                    session.flush()
    for code_id, values in result.previous:
        update_code(project, code_id, **values)


def redo_import(project: Project, result: ImportResult) -> None:
    """Apply an undone import again: its codes come back under the same ids, its updates again."""
    with project.write() as session:
        for row in result.created:
            session.add(Code(**row))
            session.flush()
    for code_id, values in result.updated:
        update_code(project, code_id, **values)

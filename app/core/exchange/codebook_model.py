"""The codebook as exchange formats see it: a flat, parent-first list of entries, no database.

Exporters turn a project's codes into :class:`CodebookEntry` rows; importers read files into them.
``fields`` holds the structured fields by their model names (keywords as a tuple).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select

from app.core.codebook import DEFAULT_LEVELS, TEXT_FIELDS, LevelInfo, code_levels, list_codes
from app.core.db.models import ProjectMeta
from app.core.errors import ValidationError
from app.core.project import Project

#: The structured fields an exchange file carries besides name and colour, in print order.
ENTRY_FIELDS = ("level", *TEXT_FIELDS, "keywords")

#: Labels of the fields: (Chinese, English).
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("编码", "Code"),
    "color": ("颜色", "Color"),
    "level": ("层级", "Level"),
    "short_definition": ("简短定义", "Short definition"),
    "description": ("定义", "Definition"),
    "when_to_use": ("适用情形", "When to use"),
    "when_not_to_use": ("不适用情形", "When not to use"),
    "example": ("典型例子", "Example"),
    "keywords": ("关键词", "Keywords"),
}

#: Export languages: Chinese, English, or both (in separate columns or lines, never mixed inline).
#: ``None`` keeps the original layout (Chinese with English glosses) that scripts already rely on.
LANGS = ("zh", "en", "both")


def check_lang(lang: str | None) -> str | None:
    """``lang`` if it is an export language (or None); ValidationError otherwise."""
    if lang is not None and lang not in LANGS:
        raise ValidationError(f"'{lang}' is not an export language (use zh, en or both)",
                              code="value.lang", params={"value": lang})
    return lang


# A fixed namespace, so the GUIDs of a project's codes stay the same from one export to the next.
_GUID_NAMESPACE = uuid.UUID("6f1c2a52-41d4-4c6e-9b8e-2f0d7d3c9a11")


@dataclass
class CodebookEntry:
    """One code of an exchanged codebook."""

    names: tuple[str, ...]  # the path, root first
    color: str | None = None
    guid: str | None = None
    fields: dict[str, str | tuple[str, ...]] = field(default_factory=dict)
    codable: bool = True

    @property
    def path(self) -> str:
        return "/".join(self.names)

    @property
    def name(self) -> str:
        return self.names[-1]

    def text(self, key: str) -> str:
        """A field as text ('' when absent; keywords joined by '；')."""
        value = self.fields.get(key, "")
        return "；".join(value) if isinstance(value, tuple) else value


@dataclass(frozen=True)
class Codebook:
    """A project's codebook, ready to write."""

    title: str
    entries: tuple[CodebookEntry, ...]
    levels: tuple[LevelInfo, ...] = DEFAULT_LEVELS
    lang: str | None = None  # see LANGS

    def level_label(self, key: str, english: bool = False) -> str:
        """The Chinese (or English) label of a level key (the key itself when the project does not define it)."""
        for level in self.levels:
            if level.key == key:
                return (level.english or level.label) if english else level.label
        return key

    def children(self, parent: CodebookEntry | None) -> list[CodebookEntry]:
        depth = 0 if parent is None else len(parent.names)
        prefix = () if parent is None else parent.names
        return [e for e in self.entries if len(e.names) == depth + 1 and e.names[:depth] == prefix]


def project_codebook(project: Project, lang: str | None = None) -> Codebook:
    """Every code of the project in tree order, with stable GUIDs."""
    with project.read() as session:
        created = session.scalar(select(ProjectMeta.value).where(ProjectMeta.key == "created_at")) or ""
    title = project.path.stem
    entries = []
    for code in list_codes(project):
        values: dict[str, str | tuple[str, ...]] = {key: getattr(code, key) for key in ENTRY_FIELDS}
        entries.append(
            CodebookEntry(
                names=tuple(code.path.split("/")),
                color=code.color,
                guid=str(uuid.uuid5(_GUID_NAMESPACE, f"{created}/{title}/{code.id}")),
                fields={k: v for k, v in values.items() if v},
            )
        )
    return Codebook(title, tuple(entries), code_levels(project), check_lang(lang))


def with_parents(entries: Iterable[CodebookEntry]) -> list[CodebookEntry]:
    """Entries with every missing parent added (plain) and repeated paths merged, parents first.

    When a path comes twice, the later entry's non-empty values win.
    """
    by_path: dict[tuple[str, ...], CodebookEntry] = {}
    for entry in entries:
        for depth in range(1, len(entry.names)):
            by_path.setdefault(entry.names[:depth], CodebookEntry(names=entry.names[:depth]))
        known = by_path.get(entry.names)
        if known is None:
            by_path[entry.names] = entry
            continue
        known.color = entry.color or known.color
        known.guid = known.guid or entry.guid
        known.fields.update({k: v for k, v in entry.fields.items() if v})
    # Order: a parent before its children, siblings in the order first seen.
    order = {names: i for i, names in enumerate(by_path)}
    return sorted(by_path.values(), key=lambda e: [order[e.names[: d + 1]] for d in range(len(e.names))])

"""Framework templates: stages, levels and a structured code tree shipped as JSON in ``resources/templates``.

A template file holds::

    {"name", "title", "english", "description",
     "levels": [{"key", "label", "english"}],             # the levels of its code tree, root first
     "stages": [{"name", "english", "description", "color",
                 "strategies": [code path], "outcome": code path, "slogan"}],
     "codes": [{"path", "english", "color", "level", "short_definition", "description",
                "when_to_use", "when_not_to_use", "example", "keywords": [..]}],
     "framework": {...}}                                   # optional: how rows/columns/links relate

Parents are listed before their children (a missing parent is created plain). A code's English name
is kept as its first keyword (an English synonym), so it reaches every export. Applying a template to
a project that already has codes or stages merges: what exists is kept, empty fields are filled.
The template's name, levels and framework are recorded in the project's key/value table
(``template``, ``code_levels``, ``framework``) for the views and figures that lay codes out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.codebook import (
    TEXT_FIELDS,
    LevelInfo,
    apply_code_fields,
    ensure_code_path,
    split_keywords,
    store_levels,
)
from app.core.db.models import Code, Coding, ProjectMeta, Stage, StageSpan
from app.core.errors import GuijiError, NotFoundError, ValidationError
from app.core.paths import resources_dir
from app.core.project import Project


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    title: str
    description: str
    english: str = ""
    codes: int = 0
    stages: int = 0
    levels: tuple[LevelInfo, ...] = ()
    title_en: str = ""  # the title and description in English, shown in the English UI
    description_en: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The JSON form of ``guiji templates --json``."""
        return {
            "name": self.name, "title": self.title, "english": self.english,
            "description": self.description, "codes": self.codes, "stages": self.stages,
            "levels": [{"key": lv.key, "label": lv.label, "english": lv.english} for lv in self.levels],
            "title_en": self.title_en, "description_en": self.description_en,
        }


@dataclass(frozen=True)
class ApplyReport:
    """What applying a template or structure changed, with what :func:`undo_apply` needs."""

    codes_added: int
    codes_filled: int  # existing codes whose empty fields were filled
    stages_added: int
    created_codes: tuple[dict[str, Any], ...] = ()  # rows, parents first
    created_stages: tuple[dict[str, Any], ...] = ()
    filled: tuple[tuple[int, dict[str, object], dict[str, object]], ...] = ()  # id, old, new values
    meta_before: tuple[tuple[str, str | None], ...] = ()
    meta_after: tuple[tuple[str, str], ...] = ()


_CODE_ROW = ("id", "parent_id", "name", "color", "description", "memo", "position", "created_at",
             "short_definition", "when_to_use", "when_not_to_use", "example", "keywords", "level")
_STAGE_ROW = ("id", "name", "position", "description", "color", "start_date", "end_date")
_META_KEYS = ("template", "code_levels", "framework")


def _templates_dir() -> Path:
    return resources_dir() / "templates"


def _levels(data: dict[str, Any]) -> tuple[LevelInfo, ...]:
    return tuple(
        LevelInfo(str(lv["key"]), str(lv.get("label", lv["key"])), str(lv.get("english", "")))
        for lv in data.get("levels", [])
    )


def list_templates() -> list[TemplateInfo]:
    """The templates that ship with Guiji."""
    out = []
    for path in sorted(_templates_dir().glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append(
            TemplateInfo(
                path.stem, data.get("title", path.stem), data.get("description", ""),
                english=data.get("english", ""), codes=len(data.get("codes", [])),
                stages=len(data.get("stages", [])), levels=_levels(data),
                title_en=data.get("title_en", ""), description_en=data.get("description_en", ""),
            )
        )
    return out


def load_template(name: str) -> dict[str, Any]:
    """The parsed template called ``name``."""
    path = _templates_dir() / f"{name}.json"
    if not name or "/" in name or "\\" in name or not path.is_file():
        available = ", ".join(t.name for t in list_templates()) or "none"
        raise NotFoundError(f"no template named '{name}' (available: {available})", code="not_named",
                            params={"what": "template", "name": name})
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _code_fields(item: dict[str, Any]) -> dict[str, object]:
    fields: dict[str, object] = {key: item[key] for key in (*TEXT_FIELDS, "level") if item.get(key)}
    keywords = list(split_keywords(item.get("keywords") or ()))
    english = str(item.get("english", "")).strip()
    if english and english not in keywords:
        keywords.insert(0, english)
    if keywords:
        fields["keywords"] = keywords
    return fields


def _meta(session: Session, key: str) -> str | None:
    return session.scalar(select(ProjectMeta.value).where(ProjectMeta.key == key))


def _set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(ProjectMeta, key)
    if row is None:
        session.add(ProjectMeta(key=key, value=value))
    else:
        row.value = value


def apply_structure(project: Project, structure: dict[str, Any]) -> ApplyReport:
    """Add a structure's stages, codes, levels and framework to the project in one transaction.

    Existing stages and codes are kept; an existing code's empty fields are filled from the structure.
    """
    created_stages: list[Stage] = []
    filled: list[tuple[int, dict[str, object], dict[str, object]]] = []
    with project.write() as session:
        meta_before = tuple((key, _meta(session, key)) for key in _META_KEYS)
        before_ids = set(session.scalars(select(Code.id)))
        ordered = list(session.scalars(select(Stage).order_by(Stage.position, Stage.id)))
        existing = {s.name for s in ordered}
        for item in structure.get("stages", []):
            if item["name"] in existing:
                continue
            stage = Stage(
                name=item["name"], description=item.get("description", ""),
                color=item.get("color", "#888888"), position=len(ordered),
            )
            session.add(stage)
            ordered.append(stage)
            existing.add(stage.name)
            created_stages.append(stage)
        for item in structure.get("codes", []):
            code, created = ensure_code_path(session, item["path"], item.get("color"))
            fields = _code_fields(item)
            old: dict[str, object] = {}
            if not created:
                current = {key: getattr(code, key) for key in fields}
                fields = {key: value for key, value in fields.items() if not current[key]}
                old = {key: current[key] for key in fields}
            try:
                apply_code_fields(session, code, fields)
            except ValidationError as exc:
                raise ValidationError(f"template code '{item['path']}': {exc}", code=exc.code,
                                      params=exc.params) from exc
            if old:
                filled.append((code.id, old, {key: getattr(code, key) for key in fields}))
        levels = _levels(structure)
        if levels:
            store_levels(session, levels)
        if structure.get("name"):
            _set_meta(session, "template", str(structure["name"]))
        framework = dict(structure.get("framework") or {})
        stage_links = [
            {key: s[key] for key in ("name", "strategies", "outcome", "slogan") if key in s}
            for s in structure.get("stages", [])
            if s.get("strategies") or s.get("outcome")
        ]
        if stage_links:
            framework["stages"] = stage_links
        if framework:
            _set_meta(session, "framework", json.dumps(framework, ensure_ascii=False))
        session.flush()
        # ensure_code_path also creates missing parents: every code made here counts.
        made = sorted(
            session.scalars(select(Code).where(Code.id.not_in(before_ids))), key=lambda c: c.id
        )
        meta_after = tuple((key, value) for key in _META_KEYS if (value := _meta(session, key)) is not None)
        return ApplyReport(
            codes_added=len(made), codes_filled=len(filled), stages_added=len(created_stages),
            created_codes=tuple({c: getattr(code, c) for c in _CODE_ROW} for code in made),
            created_stages=tuple({c: getattr(stage, c) for c in _STAGE_ROW} for stage in created_stages),
            filled=tuple(filled), meta_before=meta_before, meta_after=meta_after,
        )


def undo_apply(project: Project, report: ApplyReport) -> None:
    """Take back :func:`apply_structure`: its codes and stages go, filled fields and metadata return.

    Refused when codes or stages it added have been used since (undo that work first).
    """
    code_ids = [int(row["id"]) for row in report.created_codes]
    stage_ids = [int(row["id"]) for row in report.created_stages]
    with project.write() as session:
        if code_ids and session.scalar(select(Coding.id).where(Coding.code_id.in_(code_ids)).limit(1)):
            raise GuijiError("codes the template added have been used since; undo those codings first",
                             code="template.codes_used")
        spans = select(StageSpan.id).where(StageSpan.stage_id.in_(stage_ids)).limit(1)
        if stage_ids and session.scalar(spans) is not None:
            raise GuijiError("stages the template added have been used since; undo that first",
                             code="template.stages_used")
        for code_id in reversed(code_ids):  # children before their parents
            code = session.get(Code, code_id)
            if code is not None:
                session.delete(code)
                session.flush()
        if stage_ids:
            session.execute(delete(Stage).where(Stage.id.in_(stage_ids)))
        for code_id, old, _new in report.filled:
            code = session.get(Code, code_id)
            if code is not None:
                for key, value in old.items():
                    setattr(code, key, value)
        for key, value in report.meta_before:
            row = session.get(ProjectMeta, key)
            if value is None and row is not None:
                session.delete(row)
            elif value is not None:
                _set_meta(session, key, value)


def redo_apply(project: Project, report: ApplyReport) -> None:
    """Apply an undone template again, with the same ids."""
    with project.write() as session:
        for row in report.created_stages:
            session.add(Stage(**row))
        session.flush()
        for row in report.created_codes:
            session.add(Code(**row))
            session.flush()
        for code_id, _old, new in report.filled:
            code = session.get(Code, code_id)
            if code is not None:
                for key, value in new.items():
                    setattr(code, key, value)
        for key, value in report.meta_after:
            _set_meta(session, key, value)


def apply_template(project: Project, name: str) -> ApplyReport:
    """Add (merge) the stages, codes and levels of the template called ``name``."""
    return apply_structure(project, load_template(name))


def project_framework(project: Project) -> dict[str, Any]:
    """The framework recorded by the template the project was made from ({} when none)."""
    with project.read() as session:
        raw = session.scalar(select(ProjectMeta.value).where(ProjectMeta.key == "framework"))
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}

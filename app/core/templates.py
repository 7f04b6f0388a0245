"""Framework templates: stages and a code tree shipped as JSON in ``resources/templates``.

A template file holds ``{"name", "title", "description", "stages": [{"name","description","color"}],
"codes": [{"path","color","description"}]}``; parents are listed before their children.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.core.codebook import ensure_code_path
from app.core.db.models import Stage
from app.core.errors import NotFoundError
from app.core.paths import resources_dir
from app.core.project import Project


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    title: str
    description: str


def _templates_dir() -> Path:
    return resources_dir() / "templates"


def list_templates() -> list[TemplateInfo]:
    """The templates that ship with Guiji."""
    out = []
    for path in sorted(_templates_dir().glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append(TemplateInfo(path.stem, data.get("title", path.stem), data.get("description", "")))
    return out


def load_template(name: str) -> dict[str, Any]:
    """The parsed template called ``name``."""
    path = _templates_dir() / f"{name}.json"
    if not path.is_file():
        available = ", ".join(t.name for t in list_templates()) or "none"
        raise NotFoundError(f"no template named '{name}' (available: {available})")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def apply_structure(project: Project, structure: dict[str, Any]) -> None:
    """Add a structure's stages and codes to the project (existing ones are kept), in one transaction."""
    with project.write() as session:
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
        for item in structure.get("codes", []):
            code, created = ensure_code_path(session, item["path"], item.get("color"))
            if created:
                code.description = item.get("description", "")


def apply_template(project: Project, name: str) -> None:
    """Add the stages and codes of the template called ``name``."""
    apply_structure(project, load_template(name))

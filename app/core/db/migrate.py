"""Run the Alembic migrations that ship with Guiji on a project file."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

from app.core.paths import migrations_dir

# Alembic (0.15 s to import) is loaded only when a file needs an upgrade: opening a current project
# compares the stamped revision with the newest one read straight from the version files.
if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

_REVISION_LINE = re.compile(r"^(down_revision|revision)\b[^=]*=\s*['\"]?([^'\"\s]+)['\"]?", re.MULTILINE)


@cache
def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


@cache
def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


@cache
def _revision_graph() -> dict[str, str | None]:
    """Each shipped revision and the one it follows, read from the version files without Alembic."""
    graph: dict[str, str | None] = {}
    for script in sorted((migrations_dir() / "versions").glob("*.py")):
        found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            graph[found["revision"]] = None if down in (None, "None") else down
    return graph


def head_revision() -> str:
    """The newest schema revision this version of Guiji knows."""
    graph = _revision_graph()
    heads = set(graph) - set(graph.values())
    if len(heads) != 1:  # pragma: no cover - the migrations ship with the app, one line of them
        head = _script().get_current_head()
        if head is None:
            raise RuntimeError("no migrations found")
        return head
    return heads.pop()


def known_revisions() -> set[str]:
    """Every schema revision this version of Guiji can upgrade from."""
    return set(_revision_graph())


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in the file, or None for a file Alembic never touched."""
    try:
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except OperationalError:  # no alembic_version table
        return None
    if len(rows) > 1:  # pragma: no cover - Guiji's migrations are one line, never branches
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()
    return rows[0][0] if rows else None


def upgrade_to_head(connection: Connection) -> None:
    """Upgrade the database behind ``connection`` to the newest revision, one transaction per step."""
    from alembic import command

    config = _config()
    config.attributes["connection"] = connection
    try:
        command.upgrade(config, "head")
    finally:
        config.attributes.pop("connection", None)

"""Run the Alembic migrations that ship with Guiji on a project file."""

from __future__ import annotations

from functools import cache

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from app.core.paths import migrations_dir


@cache
def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    """The newest schema revision this version of Guiji knows."""
    head = _script().get_current_head()
    if head is None:  # pragma: no cover - the migrations ship with the app
        raise RuntimeError("no migrations found")
    return head


def known_revisions() -> set[str]:
    """Every schema revision this version of Guiji can upgrade from."""
    return {rev.revision for rev in _script().walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in the file, or None for a file Alembic never touched."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(connection: Connection) -> None:
    """Upgrade the database behind ``connection`` to the newest revision, one transaction per step."""
    config = _config()
    config.attributes["connection"] = connection
    try:
        command.upgrade(config, "head")
    finally:
        config.attributes.pop("connection", None)

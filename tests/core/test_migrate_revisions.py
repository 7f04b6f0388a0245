"""The cheap revision check (no Alembic import on open) agrees with Alembic's own reading."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine

from app.core.db import migrate
from app.core.project import create_project


def test_head_and_known_revisions_match_alembic() -> None:
    script = migrate._script()
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.known_revisions() == {rev.revision for rev in script.walk_revisions()}


def test_current_revision_read_without_alembic(tmp_path: Path) -> None:
    path = tmp_path / "p.guiji"
    create_project(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    engine.dispose()
    bare = tmp_path / "bare.sqlite"
    sqlite3.connect(bare).close()
    engine = create_engine(f"sqlite:///{bare}")
    with engine.connect() as conn:
        assert migrate.current_revision(conn) is None
    engine.dispose()

"""Project files: create, open, lock, read-only, schema checks, backups before migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.core.db import migrate
from app.core.errors import ProjectError, ProjectLockedError
from app.core.info import project_info
from app.core.project import create_project, integrity_problems, open_project, project_meta


def test_create_then_reopen(tmp_path: Path) -> None:
    path = tmp_path / "p.guiji"
    with create_project(path) as project:
        assert project_meta(project, "created_by").startswith("Guiji")
    assert not list(tmp_path.glob(".creating-*")), "the temporary build file was left behind"
    with open_project(path) as project:
        assert project_info(project).documents == 0
        assert integrity_problems(project) == []


def test_pragmas_wal_and_foreign_keys(project) -> None:  # type: ignore[no-untyped-def]
    with project.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "p.guiji"
    path.write_bytes(b"something")
    with pytest.raises(ProjectError, match="already exists"):
        create_project(path)
    assert path.read_bytes() == b"something"


def test_second_writer_is_refused_but_a_reader_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "p.guiji"
    with create_project(path):
        with pytest.raises(ProjectLockedError, match=r"p\.guiji: the project is open in another"):
            open_project(path)
        with open_project(path, read_only=True) as reader:
            assert reader.read_only
            with pytest.raises(ProjectError, match="read-only"), reader.write():
                pass
    with open_project(path) as again:  # the lock went with the first project
        assert not again.read_only


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not an SQLite database"),
        (b"hello, I am text", "not an SQLite database"),
    ],
)
def test_open_rejects_non_projects(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.guiji"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match=message):
        open_project(path)


def test_open_rejects_a_foreign_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(ProjectError, match="not a Guiji project"):
        open_project(path)


def test_open_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such project file"):
        open_project(tmp_path / "nope.guiji")


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.guiji"
    create_project(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    with pytest.raises(ProjectError, match="newer version of Guiji"):
        open_project(path)


def test_old_schema_is_backed_up_then_upgraded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend the file is one revision behind: opening it copies it aside, then upgrades."""
    path = tmp_path / "p.guiji"
    create_project(path).close()
    head = migrate.head_revision()
    monkeypatch.setattr(migrate, "known_revisions", lambda: {head, "0000_older"})
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000_older'")
    calls = []
    monkeypatch.setattr(migrate, "upgrade_to_head", lambda conn: calls.append(conn) or conn.exec_driver_sql(
        f"UPDATE alembic_version SET version_num = '{head}'"))
    with open_project(path) as project:
        assert project.open_report.migrated_from == "0000_older"
        backup = project.open_report.backup
        assert backup is not None
        assert backup.exists()
    assert len(calls) == 1
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0000_older"
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head

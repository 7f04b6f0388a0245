"""Migration 0002 (structured codes, stage dates, exemplar codings) upgrades existing files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from app.core.paths import migrations_dir
from app.core.project import open_project

ROOT = Path(__file__).resolve().parents[2]
FROZEN = ROOT / "tests" / "data" / "projects"


def _make_0001(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.commit()
        conn.execute(text("INSERT INTO project_meta (key, value) VALUES ('memo', '')"))
        conn.execute(text("INSERT INTO coder (id, name, created_at) VALUES (1, '甲', '2024-01-01')"))
        conn.execute(text("INSERT INTO stage (id, name, position, description, color) "
                          "VALUES (1, '扎根', 0, '', '#888888')"))
        conn.execute(text(
            "INSERT INTO code (id, parent_id, name, color, description, memo, position, created_at) "
            "VALUES (1, NULL, '增权赋能', '#E15759', '让居民有能力', '', 0, '2024-01-01')"))
        conn.execute(text(
            "INSERT INTO document (id, name, text, length, sha256, source_name, source_format, "
            "source_encoding, imported_at, position, memo, stage_id) VALUES "
            "(1, '访谈', '社区治理', 4, 'x', '', 'txt', '', '2024-01-01', 0, '', NULL)"))
        conn.execute(text(
            "INSERT INTO coding (id, document_id, code_id, coder_id, start, \"end\", memo, stage_id, "
            "created_at) VALUES (1, 1, 1, 1, 0, 2, '', NULL, '2024-01-01')"))
        conn.commit()
    engine.dispose()


def _check_upgraded(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] >= "0002"
        code_cols = {r[1] for r in con.execute("PRAGMA table_info(code)")}
        assert {"short_definition", "when_to_use", "when_not_to_use", "example", "keywords",
                "level"} <= code_cols
        assert {"start_date", "end_date"} <= {r[1] for r in con.execute("PRAGMA table_info(stage)")}
        assert "exemplar" in {r[1] for r in con.execute("PRAGMA table_info(coding)")}
        for row in con.execute("SELECT short_definition, keywords, level FROM code"):
            assert row == ("", "", "")
        assert {r[0] for r in con.execute("SELECT exemplar FROM coding")} <= {0}
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def test_a_0001_file_upgrades_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.guiji"
    _make_0001(path)
    with open_project(path) as project:
        assert project.open_report.migrated_from == "0001"
        backup = project.open_report.backup
        assert backup is not None
        assert backup.is_file()
    _check_upgraded(path)
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT name, description FROM code").fetchall() == [("增权赋能", "让居民有能力")]
        assert con.execute("SELECT start, \"end\" FROM coding").fetchall() == [(0, 2)]
    finally:
        con.close()
    old = sqlite3.connect(backup)
    try:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    finally:
        old.close()


def test_frozen_0001_projects_upgrade(tmp_path: Path) -> None:
    frozen = sorted(FROZEN.glob("*0001*.guiji")) if FROZEN.is_dir() else []
    if not frozen:
        pytest.skip("no frozen 0001 project in tests/data/projects yet")
    for source in frozen:
        path = tmp_path / source.name
        shutil.copy(source, path)
        with open_project(path) as project:
            assert project.open_report.migrated_from == "0001"
            assert project.open_report.backup is not None
            assert project.open_report.backup.is_file()
        _check_upgraded(path)

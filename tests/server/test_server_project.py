"""Creating and opening a project on a PostgreSQL server: schema, refusals, no password anywhere."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import select, text

from app.core.db import migrate
from app.core.db.models import ProjectMeta
from app.core.db.server import (
    check_server_schema,
    create_server_tables,
    display_url,
    is_server_url,
    make_server_engine,
)
from app.core.errors import ProjectError


def test_is_server_url() -> None:
    assert is_server_url("postgresql://ann@db.lab:5433/interviews")
    assert is_server_url("postgres://ann@localhost/x")
    assert not is_server_url("/home/ann/postgresql:/x.guiji")
    assert not is_server_url("x.guiji")


def test_display_url_hides_password() -> None:
    shown = display_url("postgresql://ann:s3cret;--@db.lab:5433/interviews")
    assert "s3cret" not in shown
    assert shown.startswith("postgresql://ann:") and shown.endswith("@db.lab:5433/interviews")


def test_create_then_check_schema(pg_url: str) -> None:
    engine = create_server_tables(pg_url)
    try:
        check_server_schema(pg_url, engine)
        with engine.connect() as conn:
            meta = dict(conn.execute(select(ProjectMeta.key, ProjectMeta.value)).all())
            assert meta["created_by"].startswith("Guiji ")
            assert migrate.current_revision(conn) == migrate.head_revision()
    finally:
        engine.dispose()


def test_create_refuses_a_non_empty_database(pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        conn.execute("CREATE TABLE theirs (id integer)")
    with pytest.raises(ProjectError) as caught:
        create_server_tables(pg_url)
    assert caught.value.code == "server.not_empty"


def test_newer_schema_is_refused(pg_url: str) -> None:
    create_server_tables(pg_url).dispose()
    with psycopg.connect(pg_url) as conn:
        conn.execute("UPDATE alembic_version SET version_num = %s", ("9999_from_the_future",))
    engine = make_server_engine(pg_url)
    try:
        with pytest.raises(ProjectError) as caught:
            check_server_schema(pg_url, engine)
        assert caught.value.code == "project.newer"
        assert "update Guiji" in str(caught.value)
    finally:
        engine.dispose()


def test_not_a_guiji_database_is_refused(pg_url: str) -> None:
    engine = make_server_engine(pg_url)
    try:
        with pytest.raises(ProjectError) as caught:
            check_server_schema(pg_url, engine)
        assert caught.value.code == "project.not_guiji"
    finally:
        engine.dispose()


def test_unreachable_server_names_the_url_without_password(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    url = pg_cluster.url("no_such_db").replace("@", ":hunter2@", 1)
    engine = make_server_engine(url)
    try:
        with pytest.raises(ProjectError) as caught:
            check_server_schema(url, engine)
        assert caught.value.code == "project.unreadable"
        assert "hunter2" not in str(caught.value) and "hunter2" not in repr(caught.value.params)
    finally:
        engine.dispose()


def test_bound_text_round_trip_keeps_hostile_characters(pg_url: str) -> None:
    engine = create_server_tables(pg_url)
    hostile = "a'b\";-- DROP TABLE document; \\ 𠮷😀"
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE project_meta SET value = :v WHERE key = 'memo'"), {"v": hostile})
        with engine.connect() as conn:
            assert conn.execute(text("SELECT value FROM project_meta WHERE key = 'memo'")).scalar_one() == hostile
    finally:
        engine.dispose()


def test_create_and_open_project_by_url(pg_url: str) -> None:
    from app.core.project import create_project, open_project, project_meta, set_project_meta

    with create_project(pg_url) as project:
        assert not project.read_only
        set_project_meta(project, "memo", "访谈 𠮷 😀")
    with open_project(pg_url) as project:
        assert project_meta(project, "memo") == "访谈 𠮷 😀"
        assert project_meta(project, "created_by").startswith("Guiji ")
    with open_project(pg_url, read_only=True) as project, pytest.raises(ProjectError) as caught:
        set_project_meta(project, "memo", "x")
    assert caught.value.code == "project.read_only"


def test_open_by_url_refuses_a_newer_schema(pg_url: str) -> None:
    from app.core.project import open_project

    create_server_tables(pg_url).dispose()
    with psycopg.connect(pg_url) as conn:
        conn.execute("UPDATE alembic_version SET version_num = %s", ("9999_from_the_future",))
    with pytest.raises(ProjectError) as caught:
        open_project(pg_url)
    assert caught.value.code == "project.newer"

"""Projects on a PostgreSQL server (issue 18): the same models and Alembic migrations as the file.

A project URL is ``postgresql://USER@HOST[:PORT]/DB``. The password is never kept by Guiji: psycopg
(libpq) reads ``PGPASSWORD``, ``~/.pgpass``, ``PGSSLMODE`` and ``PGSSLROOTCERT`` itself, and
:func:`display_url` is what goes into messages and logs. Foundation only: opening, creating and
schema checks; the operations layer on this engine is tested in tests/server.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, insert, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app import __version__
from app.core.db import migrate
from app.core.db.models import ProjectMeta, utcnow
from app.core.errors import ProjectError

SCHEMES = ("postgresql://", "postgres://")


def is_server_url(value: object) -> bool:
    """Whether a project argument names a server project rather than a file."""
    return isinstance(value, str) and value.startswith(SCHEMES)


def display_url(url: str) -> str:
    """The URL without any password, fit for messages, settings and logs."""
    return make_url(url).render_as_string(hide_password=True).replace("postgresql+psycopg://", "postgresql://")


def _name(url: str) -> str:
    return make_url(url).database or display_url(url)


def make_server_engine(url: str) -> Engine:
    """An engine on the server database behind ``url`` (psycopg 3 driver)."""
    parsed = make_url(url).set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_pre_ping=True)


def _unreadable(url: str, exc: DBAPIError) -> ProjectError:
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    return ProjectError(f"{display_url(url)}: the server project cannot be read ({reason})",
                        code="project.unreadable", params={"file": display_url(url), "reason": reason})


def create_server_tables(url: str) -> Engine:
    """Build Guiji's schema in an empty server database; returns its engine."""
    engine = make_server_engine(url)
    try:
        with engine.connect() as conn:
            if inspect(conn).get_table_names():
                raise ProjectError(f"{display_url(url)}: the database is not empty; Guiji needs an empty one",
                                   code="server.not_empty", params={"file": display_url(url)})
            conn.rollback()
            migrate.upgrade_to_head(conn)
            conn.commit()
            with conn.begin():
                now = utcnow().isoformat(timespec="seconds")
                conn.execute(insert(ProjectMeta), [
                    {"key": "created_at", "value": now},
                    {"key": "created_by", "value": f"Guiji {__version__}"},
                    {"key": "memo", "value": ""},
                ])
        return engine
    except DBAPIError as exc:
        engine.dispose()
        raise _unreadable(url, exc) from exc
    except BaseException:
        engine.dispose()
        raise


def check_server_schema(url: str, engine: Engine) -> None:
    """Refuse a database that is not a Guiji project or whose schema is newer than this client knows."""
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if "alembic_version" not in tables or "project_meta" not in tables:
                raise ProjectError(f"{display_url(url)}: not a Guiji project (its tables are not Guiji's)",
                                   code="project.not_guiji", params={"file": display_url(url)})
            current = migrate.current_revision(conn)
            if current != migrate.head_revision() and current not in migrate.known_revisions():
                raise ProjectError(
                    f"{display_url(url)}: the project was saved by a newer version of Guiji "
                    f"(schema {current}); update Guiji to open it",
                    code="project.newer", params={"file": display_url(url)},
                )
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        raise _unreadable(url, exc) from exc


def server_path(url: str) -> Path:
    """What :class:`Project.path` holds for a server project: the database name (messages use ``.name``)."""
    return Path(_name(url))


def create_server_project(url: str):  # type: ignore[no-untyped-def]  # -> app.core.project.Project
    """:func:`app.core.project.create_project` for a URL: Guiji's schema in an empty database, opened."""
    from app.core.project import OpenReport, Project

    engine = create_server_tables(url)
    project = Project(server_path(url), engine, None, OpenReport())
    project.read_only = False  # the server's own locking replaces the file lock
    return project


def open_server_project(url: str, *, read_only: bool = False):  # type: ignore[no-untyped-def]
    """:func:`app.core.project.open_project` for a URL. Schema upgrades are not done from here yet."""
    from app.core.project import OpenReport, Project

    engine = make_server_engine(url)
    try:
        check_server_schema(url, engine)
        with engine.connect() as conn:
            if migrate.current_revision(conn) != migrate.head_revision():
                raise ProjectError(
                    f"{display_url(url)}: the project needs an upgrade by its owner",
                    code="project.needs_upgrade", params={"file": display_url(url)},
                )
    except BaseException:
        engine.dispose()
        raise
    project = Project(server_path(url), engine, None, OpenReport())
    project.read_only = read_only
    return project

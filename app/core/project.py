"""Create and open project files.

A project is one SQLite file. Opening it for writing takes an OS-level lock on ``<file>.lock``
(released by the OS if the process dies), so a second process is refused with a clear message;
read-only opening needs no lock (SQLite's WAL lets readers run beside the writer). A file behind
the current schema is copied to a backup and migrated on open.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import socket
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import cast

from filelock import FileLock, Timeout
from sqlalchemy import Engine, insert, inspect, select, text
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app import __version__
from app.core.db import fts, migrate, server
from app.core.db.engine import looks_like_sqlite, make_engine
from app.core.db.models import ProjectMeta, utcnow
from app.core.errors import ProjectError, ProjectLockedError
from app.core.fsutil import atomic_path

PROJECT_SUFFIX = ".guiji"


@dataclass(frozen=True)
class OpenReport:
    """What happened while opening: a migration and where the backup went, if any."""

    migrated_from: str | None = None
    backup: Path | None = None
    stale_lock: LockHolder | None = None  # a crashed holder's lock file, taken over


class Project:
    """An open project file. Use :func:`create_project` or :func:`open_project` to get one."""

    def __init__(self, path: Path, engine: Engine, lock: FileLock | None, report: OpenReport) -> None:
        self.path = path
        self.engine = engine
        self.read_only = lock is None
        self.open_report = report
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any exception."""
        if self.read_only:
            raise ProjectError(f"{self.path.name}: the project is open read-only", code="project.read_only",
                               params={"file": self.path.name})
        with self._sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A consistent read-only snapshot."""
        with self._sessions() as session, session.begin():
            yield session
            session.rollback()

    def flush_search_index(self) -> int:
        """Index the texts changed since they were last indexed (see :func:`app.core.db.fts.flush`);
        returns how many documents. Search is exact without it; it keeps the index's backlog short."""
        if self.read_only:
            return 0
        with self.write() as session:
            return fts.flush(session)

    def close(self) -> None:
        """Bring the search index up to date, release the engine and the lock; the object is unusable
        afterwards."""
        if not self.read_only and self._lock is not None:
            # Best effort: a file that cannot be written now keeps its backlog, and search stays exact.
            with contextlib.suppress(SQLAlchemyError):
                self.flush_search_index()
        self.engine.dispose()
        if self._lock is not None:
            _release_lock(self._lock)
            self._lock = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or last held) a project's write lock, as written into ``<file>.lock`` when taking it."""

    host: str
    pid: int
    since: str  # ISO 8601, UTC

    def as_dict(self) -> dict[str, object]:
        return {"host": self.host, "pid": self.pid, "since": self.since}


def lock_holder(path: str | Path) -> LockHolder | None:
    """The holder recorded in the project's lock file, or None (no file, empty or unreadable)."""
    try:
        data = json.loads(Path(str(path) + ".lock").read_text(encoding="utf-8") or "null")
        return LockHolder(str(data["host"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _write_holder(fd: int) -> None:
    # Called by filelock with the locked descriptor: the OS lock is what counts; this text only names
    # the holder for the message another process shows.
    info = LockHolder(socket.gethostname(), os.getpid(), utcnow().isoformat(timespec="seconds"))
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps(info.as_dict()).encode("utf-8"))


def _lock_for(path: Path) -> tuple[FileLock, LockHolder | None]:
    """Take the write lock; also return the holder a stale lock file named (a crashed process whose OS
    lock is gone), so the caller can report the takeover."""
    previous = lock_holder(path)
    lock = FileLock(str(path) + ".lock", timeout=0, on_acquired=_write_holder)
    try:
        lock.acquire()
    except Timeout:
        # The English message is the CLI's (its tests pin it); the holder goes in params for the window.
        holder = lock_holder(path)
        params: dict[str, object] = {"file": path.name}
        if holder is not None:
            params.update(holder.as_dict())
        raise ProjectLockedError(
            f"{path.name}: the project is open in another Guiji window or process; "
            "close it there first (or open it read-only)",
            code="project.locked", params=params,
        ) from None
    return lock, previous


def _release_lock(lock: FileLock) -> None:
    """Remove the lock file while still holding it, then release: nothing stays after a clean close.
    A process waiting on the removed file notices (filelock checks the link count) and retries."""
    with contextlib.suppress(OSError):
        os.unlink(lock.lock_file)
    lock.release()


def create_project(path: str | Path) -> Project:
    """Create a new, empty project file at ``path`` (which must not exist) and open it.
    A ``postgresql://`` URL builds the project in an empty server database (app/core/db/server.py)."""
    if server.is_server_url(path):
        return cast(Project, server.create_server_project(str(path)))
    path = Path(path)
    if path.exists():
        raise ProjectError(f"{path.name}: a file with this name already exists", code="file.exists",
                           params={"file": path.name})
    if not path.parent.is_dir():
        raise ProjectError(f"{path.name}: the folder {path.parent} does not exist", code="file.no_folder",
                           params={"file": path.name, "folder": str(path.parent)})
    lock, _previous = _lock_for(path)
    try:
        # Build in a temporary file beside the target, then rename: no half-made project is ever seen.
        with atomic_path(path, prefix=".creating-", suffix=PROJECT_SUFFIX) as tmp:
            try:
                engine = make_engine(tmp)
                with engine.connect() as conn:
                    migrate.upgrade_to_head(conn)
                    conn.commit()
                    with conn.begin():
                        now = utcnow().isoformat(timespec="seconds")
                        conn.execute(
                            insert(ProjectMeta),
                            [
                                {"key": "created_at", "value": now},
                                {"key": "created_by", "value": f"Guiji {__version__}"},
                                {"key": "memo", "value": ""},
                            ],
                        )
                engine.dispose()
            finally:
                for leftover in (Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                    leftover.unlink(missing_ok=True)
        return Project(path, make_engine(path), lock, OpenReport())
    except BaseException:
        _release_lock(lock)
        raise


def open_project(path: str | Path, *, read_only: bool = False) -> Project:
    """Open an existing project; migrate it (after a backup) when its schema is behind.

    Raises :class:`ProjectLockedError` when another process has it open for writing, and
    :class:`ProjectError` when the file is missing, not a Guiji project, or from a newer Guiji.
    """
    if server.is_server_url(path):
        return cast(Project, server.open_server_project(str(path), read_only=read_only))
    path = Path(path)
    if not path.is_file():
        raise ProjectError(f"{path.name}: no such project file", code="project.missing", params={"file": path.name})
    if not looks_like_sqlite(path):
        raise ProjectError(f"{path.name}: not a Guiji project (the file is not an SQLite database)",
                           code="project.not_guiji", params={"file": path.name})
    lock, stale = (None, None) if read_only else _lock_for(path)
    try:
        engine = make_engine(path, read_only=read_only)
        report = _check_schema(path, engine, read_only=read_only)
        if stale is not None:
            report = dataclasses.replace(report, stale_lock=stale)
        project = Project(path, engine, lock, report)
        if not read_only:
            with contextlib.suppress(SQLAlchemyError):
                project.flush_search_index()  # left over when Guiji stopped before closing the project
        return project
    except BaseException:
        if lock is not None:
            _release_lock(lock)
        raise


def _check_schema(path: Path, engine: Engine, *, read_only: bool) -> OpenReport:
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if "alembic_version" not in tables or "project_meta" not in tables:
                raise ProjectError(f"{path.name}: not a Guiji project (its tables are not Guiji's)",
                                   code="project.not_guiji", params={"file": path.name})
            current = migrate.current_revision(conn)
            head = migrate.head_revision()
            if current == head:
                return OpenReport()
            if current not in migrate.known_revisions():
                raise ProjectError(
                    f"{path.name}: the project was saved by a newer version of Guiji "
                    f"(schema {current}); update Guiji to open it",
                    code="project.newer", params={"file": path.name},
                )
            if read_only:
                raise ProjectError(
                    f"{path.name}: the project needs an upgrade; open it once in Guiji (not read-only)",
                    code="project.needs_upgrade", params={"file": path.name},
                )
            backup = backup_project(path, engine, label=f"before-upgrade-{current}")
            conn.rollback()
            migrate.upgrade_to_head(conn)
            conn.commit()
            return OpenReport(migrated_from=current, backup=backup)
    except (DatabaseError, OperationalError) as exc:
        raise ProjectError(f"{path.name}: the project file cannot be read ({exc.orig})",
                           code="project.unreadable", params={"file": path.name, "reason": str(exc.orig)}) from exc


def backup_project(path: Path, engine: Engine, *, label: str) -> Path:
    """Copy the project (consistently, through SQLite's backup API) to a file beside it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}.{stamp}{path.suffix}.bak")
    raw = engine.raw_connection()
    try:
        dest = sqlite3.connect(target)
        try:
            raw.driver_connection.backup(dest)  # type: ignore[union-attr]
        finally:
            dest.close()
    finally:
        raw.close()
    return target


def project_meta(project: Project, key: str) -> str:
    """A value from the project's key/value table ('' when unset)."""
    with project.read() as session:
        value = session.scalar(select(ProjectMeta.value).where(ProjectMeta.key == key))
    return value or ""


def set_project_meta(project: Project, key: str, value: str) -> str:
    """Set a value in the project's key/value table; returns the previous value ('' when unset)."""
    with project.write() as session:
        row = session.get(ProjectMeta, key)
        previous = row.value if row is not None else ""
        if row is None:
            session.add(ProjectMeta(key=key, value=value))
        else:
            row.value = value
    return previous


def integrity_problems(project: Project) -> list[str]:
    """SQLite's integrity and foreign-key checks; an empty list means the file is sound."""
    problems: list[str] = []
    with project.engine.connect() as conn:
        rows = conn.execute(text("PRAGMA integrity_check")).scalars().all()
        problems += [str(r) for r in rows if r != "ok"]
        fk = conn.execute(text("PRAGMA foreign_key_check")).all()
        problems += [f"foreign key: {tuple(r)}" for r in fk]
    return problems


__all__ = [
    "PROJECT_SUFFIX",
    "OpenReport",
    "Project",
    "backup_project",
    "create_project",
    "integrity_problems",
    "open_project",
    "project_meta",
    "set_project_meta",
]

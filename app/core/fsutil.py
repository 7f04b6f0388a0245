"""Writing files so that a reader never sees half of one: write beside the target, then rename.

``atomic_path`` gives a temporary path in the target's folder (same file system, so the final
``os.replace`` is atomic) for writers that want a file name (openpyxl, python-docx, zipfile, SQLite);
``atomic_write`` gives an open binary file. On success the data is flushed to disk (fsync) and moved
over the target; on any exception the target is left as it was and the temporary file is removed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows opening a folder (not Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_path(target: str | Path, *, prefix: str | None = None, suffix: str = ".part") -> Iterator[Path]:
    """A temporary path beside ``target``; when the block ends without error it replaces ``target``.

    The temporary file exists (empty) when the block starts, with ordinary permissions (not the
    private 0600 of ``mkstemp``). ``prefix`` names it (default ``.<target name>.``) so leftovers are
    recognisable; it is removed whatever happens.
    """
    target = Path(target)
    fd, name = tempfile.mkstemp(prefix=prefix or f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        yield tmp
        _fsync_file(tmp)
        os.replace(tmp, target)
        _fsync_folder(target.parent)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def atomic_write(target: str | Path) -> Iterator[BinaryIO]:
    """An open binary file whose contents replace ``target`` when the block ends without error."""
    with atomic_path(target) as tmp, tmp.open("wb") as handle:
        yield handle

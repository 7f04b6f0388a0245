"""Reading a ``.qdpx`` (a zip archive) as untrusted input.

Nothing from the archive is ever written to disk: entries are read into memory by name. Still, an
archive that names an unsafe path (absolute, a drive letter, ``..``; the zip-slip attack) is refused
outright, since no honest exporter writes one. Limits guard against zip bombs: the number of
entries, the total uncompressed size the archive declares, and the bytes actually read per entry
and in all (a lying size header is caught by the read limit and by the CRC check). Entry names are
looked up without regard to case and with ``\\`` read as ``/`` (``Sources/`` or ``sources/``,
``project.qde`` or ``Project.qde``).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from types import TracebackType

from app.core.errors import InputFileError

MAX_ENTRIES = 20_000
MAX_DECLARED_BYTES = 4 * 2**30  # what the archive may declare in all (media files it holds included)
MAX_XML_BYTES = 256 * 2**20  # project.qde
MAX_SOURCE_BYTES = 256 * 2**20  # one text source
MAX_READ_BYTES = 2 * 2**30  # everything read from one archive
_DRIVE = re.compile(r"^[A-Za-z]:")


def _size(n: int) -> str:
    return f"{n / 2**30:.1f} GB" if n >= 2**30 else f"{n / 2**20:.0f} MB"


def _key(name: str) -> str:
    return name.replace("\\", "/").removeprefix("./").casefold()


def unsafe_reason(name: str) -> str | None:
    """Why an entry name is unsafe to use as a path (None when it is safe)."""
    norm = name.replace("\\", "/")
    if "\x00" in norm:
        return "contains a NUL character"
    if norm.startswith("/") or _DRIVE.match(norm):
        return "is an absolute path"
    if any(part == ".." for part in norm.split("/")):
        return "climbs out of the archive with '..'"
    return None


class QdpxArchive:
    """An open ``.qdpx``; use as a context manager. Raises :class:`InputFileError` naming the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._read = 0
        try:
            self._zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise InputFileError(path, "no such file", code="file.missing") from None
        except OSError as exc:
            raise InputFileError(path, f"cannot be read ({exc.strerror or exc})",
                                 code="file.unreadable", params={"reason": str(exc.strerror or exc)}) from exc
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
            raise InputFileError(
                path, f"not a valid .qdpx file: the zip archive is damaged or truncated ({exc})",
                code="qdpx.damaged",
            ) from exc
        try:
            self._entries = self._check()
        except BaseException:
            self._zip.close()
            raise

    def _check(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise InputFileError(
                self.path, f"the archive holds {len(infos):,} entries, more than the limit of "
                f"{MAX_ENTRIES:,} (possibly a zip bomb)",
                code="archive.too_many_entries", params={"n": len(infos)},
            )
        declared = sum(i.file_size for i in infos)
        if declared > MAX_DECLARED_BYTES:
            raise InputFileError(
                self.path, f"the archive declares {_size(declared)} of content, more than the limit of "
                f"{_size(MAX_DECLARED_BYTES)} (possibly a zip bomb); nothing was imported",
                code="file.zip_bomb",
            )
        entries: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            reason = unsafe_reason(info.filename)
            if reason:
                raise InputFileError(
                    self.path, f"the archive entry '{info.filename}' {reason} (a zip-slip attack?); "
                    "the file was refused and nothing was imported",
                    code="archive.zip_slip", params={"entry": info.filename},
                )
            entries.setdefault(_key(info.filename), info)
        return entries

    def __enter__(self) -> QdpxArchive:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def find(self, *names: str) -> str | None:
        """The archive's own name of the first of ``names`` it holds (case and ``\\`` ignored)."""
        for name in names:
            info = self._entries.get(_key(name))
            if info is not None and not info.is_dir():
                return info.filename
        return None

    def project_entry(self) -> str:
        """The name of the project XML: ``project.qde`` in any case, else the one ``.qde`` at the top."""
        found = self.find("project.qde")
        if found:
            return found
        top = [i.filename for k, i in self._entries.items() if k.endswith(".qde") and "/" not in k]
        if len(top) == 1:
            return top[0]
        raise InputFileError(self.path, "not a REFI-QDA project: the archive has no project.qde",
                             code="refi.no_qde")

    def read(self, name: str, limit: int) -> bytes:
        """The bytes of entry ``name`` (as :meth:`find` returned it), at most ``limit`` of them."""
        info = self._zip.getinfo(name)
        what = f"the archive entry {name!r}"
        if info.file_size > limit:
            raise InputFileError(
                self.path, f"{what} is {_size(info.file_size)}, more than the limit of {_size(limit)}",
                code="archive.entry_too_large", params={"entry": name, "limit": _size(limit)},
            )
        try:
            with self._zip.open(info) as member:
                data = member.read(limit + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise InputFileError(
                self.path, f"{what} cannot be read: the zip archive is damaged or truncated ({exc})",
                code="qdpx.damaged",
            ) from exc
        if len(data) > limit:
            raise InputFileError(self.path, f"{what} expands past the limit of {_size(limit)} (a zip bomb?)",
                                 code="file.zip_bomb")
        self._read += len(data)
        if self._read > MAX_READ_BYTES:
            raise InputFileError(
                self.path, f"the archive expands past {_size(MAX_READ_BYTES)} in all (a zip bomb?)",
                code="file.zip_bomb",
            )
        return data

"""app.core.fsutil.atomic_write / atomic_path: the target is replaced whole or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.core.fsutil import atomic_path, atomic_write


def _leftovers(folder: Path, keep: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p != keep)


def test_atomic_write_replaces_the_target(tmp_path: Path) -> None:
    target = tmp_path / "映射𠮷.csv"
    target.write_bytes(b"old")
    with atomic_write(target) as handle:
        handle.write("名字,🙂\r\n".encode())
    assert target.read_bytes() == "名字,🙂\r\n".encode()
    assert _leftovers(tmp_path, target) == []


def test_a_failure_mid_write_keeps_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "export.xlsx"
    target.write_bytes(b"the old contents")
    seen: list[Path] = []

    def write_half() -> None:
        with atomic_path(target) as tmp:
            seen.append(tmp)
            tmp.write_bytes(b"half of the new")
            assert tmp.parent == tmp_path and tmp.exists()
            raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        write_half()
    assert target.read_bytes() == b"the old contents"
    assert not seen[0].exists()
    assert _leftovers(tmp_path, target) == []


def test_a_failure_in_a_binary_write_keeps_a_missing_target_missing(tmp_path: Path) -> None:
    target = tmp_path / "new.qdpx"

    def write_partial() -> None:
        with atomic_write(target) as handle:
            handle.write(b"partial")
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        write_partial()
    assert list(tmp_path.iterdir()) == []


def test_the_new_file_has_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with atomic_path(target) as tmp:
        tmp.write_text("a", encoding="utf-8")
    umask = os.umask(0)
    os.umask(umask)
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_the_temporary_name_is_recognisable(tmp_path: Path) -> None:
    with atomic_path(tmp_path / "p.guiji", prefix=".creating-", suffix=".guiji") as tmp:
        assert tmp.name.startswith(".creating-") and tmp.name.endswith(".guiji")
    with atomic_path(tmp_path / "table.docx") as tmp:
        assert tmp.name.startswith(".table.docx.") and tmp.name.endswith(".part")

"""A dump of every table of a project file, to compare a project before and after (undo, merge…)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def dump_tables(path: str | Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the full-text index's own tables aside), sorted, by table name.

    Read through a separate read-only connection, so it sees what was committed, as another process
    would. The search index is left out: it is derived from ``document.text`` (``guiji check``
    verifies it).
    """
    uri = f"file:{Path(path).resolve()}?mode=ro"
    with sqlite3.connect(uri, uri=True) as db:
        names = [name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'fts_%' ORDER BY name")]
        return {name: sorted(db.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in names}

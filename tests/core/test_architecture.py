"""Invariants of the code base itself: app.core has no Qt; migrations match the models."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.core.db.models import Base
from app.core.paths import migrations_dir

ROOT = Path(__file__).resolve().parents[2]


def test_core_imports_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in (ROOT / "app" / "core").rglob("*.py")
        if p.name != "__init__.py"
    )
    assert "app.core.coding" in modules
    code = (
        "import sys, importlib\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'app.ui')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "", f"app.core pulled in: {out.stdout}"


def test_migrations_have_one_head() -> None:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, heads


def _not_fts(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    # The same filter as migrations/env.py: FTS5 tables are made by raw SQL, not by the models.
    return not (type_ == "table" and name is not None and name.startswith("fts_"))


def test_models_match_migrations(project) -> None:  # type: ignore[no-untyped-def]
    with project.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"render_as_batch": True, "include_object": _not_fts})
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], f"the models and the migrations differ: {diff}"

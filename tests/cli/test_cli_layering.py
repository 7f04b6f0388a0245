"""The command line is thin: it parses, calls app.core and prints. No ORM session or SQL in it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI_FILES = [ROOT / "app" / "cli.py", *sorted((ROOT / "app" / "commands").glob("*.py"))]
FORBIDDEN = ("sqlalchemy", "app.core.db")


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def _forbidden(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in FORBIDDEN)


def test_the_command_line_imports_no_database_layer() -> None:
    assert len(CLI_FILES) > 5
    offenders = [f"{path.relative_to(ROOT)}:{line} imports {module}"
                 for path in CLI_FILES for line, module in _imports(path) if _forbidden(module)]
    assert offenders == []


def test_the_command_line_opens_no_session() -> None:
    offenders = [f"{path.relative_to(ROOT)}:{n}" for path in CLI_FILES
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if "project.read()" in line or "project.write()" in line or "session" in line]
    assert offenders == []


def test_the_check_catches_a_database_import() -> None:
    assert _forbidden("sqlalchemy") and _forbidden("app.core.db.models") and _forbidden("sqlalchemy.orm")
    assert not _forbidden("app.core.dbx") and not _forbidden("app.core.documents")


def test_no_command_module_reaches_into_app_cli() -> None:
    offenders = [f"{path.relative_to(ROOT)}:{line}" for path in CLI_FILES[1:]
                 for line, module in _imports(path) if module == "app.cli" or module.startswith("app.cli.")]
    assert offenders == []
